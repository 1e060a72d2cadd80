#!/usr/bin/env python3
"""Counts import cycles between the modules of one crate.

Usage: scripts/module-cycles.py crates/web/src

A module is a file (`foo.rs`, `foo/mod.rs`, `foo/bar.rs`); an edge A -> B
is a `crate::b::...` path named in A that resolves to module B. Prints the
strongly connected components with more than one module (each is a set of
modules that import each other, directly or not) and exits 1 if any.
"""
import re
import sys
from pathlib import Path


def module_of(root: Path, path: Path) -> tuple:
    parts = list(path.relative_to(root).with_suffix("").parts)
    if parts[-1] in ("mod", "lib", "main"):
        parts = parts[:-1]
    return tuple(parts)


def main() -> int:
    root = Path(sys.argv[1] if len(sys.argv) > 1 else "src")
    files = {module_of(root, p): p for p in root.rglob("*.rs")}
    modules = set(files)
    text_of = {m: re.sub(r"//[^\n]*", "", p.read_text()) for m, p in files.items()}
    edges = {m: set() for m in modules}
    for m, text in text_of.items():
        # `use crate::{a, b::c}` and plain `crate::a::b` paths.
        paths = re.findall(r"crate::((?:\w+::)*\w+)", text)
        for group in re.findall(r"crate::\{([^}]*)\}", text, re.S):
            paths += [g.strip() for g in re.split(r",", group) if g.strip()]
        for path in paths:
            segs = [s for s in re.split(r"::", path) if re.match(r"^\w+$", s)]
            # The longest prefix that names a module.
            for n in range(len(segs), 0, -1):
                target = tuple(segs[:n])
                if target in modules:
                    if target != m and m[: len(target)] != target:
                        edges[m].add(target)
                    break
    # Tarjan's strongly connected components.
    index, low, stack, on, out = {}, {}, [], set(), []
    counter = [0]

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in edges[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(comp)

    sys.setrecursionlimit(10000)
    for v in sorted(modules):
        if v not in index:
            visit(v)
    mutual = sum(1 for a in edges for b in edges[a] if a < b and a in edges[b])
    print(f"{len(modules)} modules, {sum(len(e) for e in edges.values())} import edges, "
          f"{mutual} mutual pairs, {len(out)} cycles")
    for comp in out:
        names = sorted("::".join(c) or "(root)" for c in comp)
        print(f"  cycle of {len(comp)}: {', '.join(names)}")
    return 1 if out else 0


if __name__ == "__main__":
    sys.exit(main())
