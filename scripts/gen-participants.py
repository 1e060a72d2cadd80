#!/usr/bin/env python3
"""Generate crates/directory/data/participants.csv: the 193 UN Member States
and the 2 non-member Observer States (Holy See, State of Palestine).

Sources (all installed from PyPI; versions this file was generated with):
  * pycountry 26.2.16 (LGPL-2.1; ships Debian's iso-codes data, LGPL-2.1+)
      - ISO 3166-1 alpha-2, alpha-3 and numeric codes (the numeric code is the
        M49 country code) and the English short name (`name`);
      - the iso-codes gettext catalogues `iso3166-1` for ar, zh_CN, fr, ru,
        es: the translation of that same English `name`.
  * country_converter 1.3.2 (GPL-3.0), `coco.CountryConverter().data`:
      - `UNmember` (year of admission, NaN for non-members) selects the 193
        Member States;
      - `UNregion` gives the M49 sub-region (or, where M49 has one, the
        intermediate region, e.g. "Caribbean", "Western Africa").  The
        continental M49 region is derived here by SUBREGION_TO_REGION.
      - needs pandas < 3 (pandas 2.3.3 was used): under pandas 3.x
        CountryConverter() fails with a TypeError while compiling its ISO2
        regexes.
  * Babel 2.18.0 (BSD-3-Clause; ships Unicode CLDR 47, Unicode License v3):
      only as a fallback where an iso-codes catalogue lacks a translation
      (see EXPECTED_FALLBACKS; listed in crates/directory/data/README.md).
      English is the last resort and is only used if CLDR lacks it too.

What we ship is the generated facts (codes, names, region names), not any
of those packages' code.

Regenerate (from the repository root):
  python3.11 -m venv /tmp/gen-venv
  /tmp/gen-venv/bin/pip install pycountry==26.2.16 country_converter==1.3.2 \
      pandas==2.3.3 babel==2.18.0
  /tmp/gen-venv/bin/python scripts/gen-participants.py          # writes
  /tmp/gen-venv/bin/python scripts/gen-participants.py --check  # compares

Output: UTF-8, header line, comma-separated, RFC 4180 quoting (fields are
quoted only when needed), LF line endings, sorted by alpha3, columns
  alpha3,alpha2,m49,status,region,subregion,
  name_ar,name_zh,name_en,name_es,name_fr,name_ru
m49 is the three-digit, zero-padded M49/ISO numeric code ("004").
status is "member" or "observer".  The output is deterministic: it depends
only on the package versions above (a mismatch is reported on stderr).

Exits non-zero if the member count is not 193, if a name is missing or is
not in the expected script, if the fallbacks differ from
EXPECTED_FALLBACKS, or (with --check) if the file on disk differs.
"""

from __future__ import annotations

import argparse
import csv
import gettext
import io
import re
import sys
from importlib import metadata
from pathlib import Path

import country_converter as coco
import pycountry
from babel import Locale

PINNED = {
    "pycountry": "26.2.16",
    "country_converter": "1.3.2",
    "pandas": "2.3.3",
    "babel": "2.18.0",
}

EXPECTED_MEMBERS = 193
OBSERVERS = ("PSE", "VAT")  # State of Palestine, Holy See

# Output column suffix -> (iso-codes gettext language, CLDR locale for Babel).
LANGS = {
    "ar": ("ar", "ar"),
    "zh": ("zh_CN", "zh_Hans"),
    "es": ("es", "es"),
    "fr": ("fr", "fr"),
    "ru": ("ru", "ru"),
}

COLUMNS = [
    "alpha3", "alpha2", "m49", "status", "region", "subregion",
    "name_ar", "name_zh", "name_en", "name_es", "name_fr", "name_ru",
]

# M49: sub-region (or intermediate region) -> region.
SUBREGION_TO_REGION = {
    "Northern Africa": "Africa",
    "Eastern Africa": "Africa",
    "Middle Africa": "Africa",
    "Southern Africa": "Africa",
    "Western Africa": "Africa",
    "Caribbean": "Americas",
    "Central America": "Americas",
    "South America": "Americas",
    "Northern America": "Americas",
    "Central Asia": "Asia",
    "Eastern Asia": "Asia",
    "South-eastern Asia": "Asia",
    "Southern Asia": "Asia",
    "Western Asia": "Asia",
    "Eastern Europe": "Europe",
    "Northern Europe": "Europe",
    "Southern Europe": "Europe",
    "Western Europe": "Europe",
    "Australia and New Zealand": "Oceania",
    "Melanesia": "Oceania",
    "Micronesia": "Oceania",
    "Polynesia": "Oceania",
}

# country_converter's own `continent` column, as a cross-check of the above.
COCO_CONTINENT = {
    "Africa": "Africa", "America": "Americas", "Asia": "Asia",
    "Europe": "Europe", "Oceania": "Oceania",
}

# (alpha3, column suffix) -> source used instead of iso-codes.  Must match
# what the run finds, so that README.md's list stays true.
EXPECTED_FALLBACKS = {
    ("TUR", "ar"): "cldr",  # iso-codes ar has no entry for "Türkiye"
}

SCRIPT_RE = {
    "ar": re.compile(r"[\u0600-\u06FF]"),
    "zh": re.compile(r"[\u4E00-\u9FFF]"),
    "ru": re.compile(r"[\u0400-\u04FF]"),
    "en": re.compile(r"[A-Za-z]"),
    "es": re.compile(r"[A-Za-z]"),
    "fr": re.compile(r"[A-Za-z]"),
}

REPO = Path(__file__).resolve().parent.parent
DEFAULT_OUT = REPO / "crates" / "directory" / "data" / "participants.csv"


def fail(msg: str) -> None:
    print(f"gen-participants: error: {msg}", file=sys.stderr)
    sys.exit(1)


def check_versions() -> None:
    if int(metadata.version("pandas").split(".")[0]) >= 3:
        fail("country_converter 1.3.2 does not work with pandas >= 3; "
             "install pandas==2.3.3")
    for pkg, want in PINNED.items():
        try:
            have = metadata.version(pkg)
        except metadata.PackageNotFoundError:
            have = "not installed"
        if have != want:
            print(
                f"gen-participants: warning: {pkg} {have} (generated with "
                f"{want}); output may differ",
                file=sys.stderr,
            )


def catalogues() -> dict[str, dict[str, str]]:
    cats = {}
    for col, (lang, _) in LANGS.items():
        t = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang])
        # Read the catalogue itself: gettext() returns the msgid unchanged
        # for a missing entry, which would hide the gap.
        cats[col] = t._catalog  # type: ignore[attr-defined]
    return cats


def select_members() -> tuple[dict[str, str], dict[str, str]]:
    """alpha3 -> M49 sub-region, for the Member States and the observers."""
    df = coco.CountryConverter().data
    members = df[df["UNmember"].notna()]
    out: dict[str, str] = {}
    for _, row in members.iterrows():
        a3 = str(row["ISO3"])
        if a3 in out:
            fail(f"duplicate ISO3 {a3} among members")
        sub = str(row["UNregion"])
        if sub not in SUBREGION_TO_REGION:
            fail(f"{a3}: unknown UNregion {sub!r}")
        cont = COCO_CONTINENT.get(str(row["continent"]))
        if cont != SUBREGION_TO_REGION[sub]:
            fail(f"{a3}: region {SUBREGION_TO_REGION[sub]} != coco continent {row['continent']}")
        out[a3] = sub
    if len(out) != EXPECTED_MEMBERS:
        fail(f"{len(out)} members in country_converter, expected {EXPECTED_MEMBERS}")
    for a3 in OBSERVERS:
        if a3 in out:
            fail(f"observer {a3} is marked as a member")
    obs: dict[str, str] = {}
    for _, row in df[df["ISO3"].isin(OBSERVERS)].iterrows():
        sub = str(row["UNregion"])
        if sub not in SUBREGION_TO_REGION:
            fail(f"{row['ISO3']}: unknown UNregion {sub!r}")
        obs[str(row["ISO3"])] = sub
    if sorted(obs) != sorted(OBSERVERS):
        fail("an observer is missing from country_converter")
    return out, obs


def build_rows() -> tuple[list[dict[str, str]], dict[tuple[str, str], str]]:
    members, observers = select_members()
    cats = catalogues()
    cldr = {col: Locale.parse(loc).territories for col, (_, loc) in LANGS.items()}
    participants = {a3: ("member", sub) for a3, sub in members.items()}
    participants.update({a3: ("observer", sub) for a3, sub in observers.items()})

    rows = []
    fallbacks: dict[tuple[str, str], str] = {}
    for a3 in sorted(participants):
        status, sub = participants[a3]
        c = pycountry.countries.get(alpha_3=a3)
        if c is None:
            fail(f"{a3} not in pycountry")
        row = {
            "alpha3": c.alpha_3,
            "alpha2": c.alpha_2,
            "m49": f"{int(c.numeric):03d}",
            "status": status,
            "region": SUBREGION_TO_REGION[sub],
            "subregion": sub,
            "name_en": c.name,
        }
        for col in LANGS:
            name = cats[col].get(c.name, "")
            if not name:
                name = cldr[col].get(c.alpha_2, "")
                if name:
                    fallbacks[(a3, col)] = "cldr"
                else:
                    name = c.name
                    fallbacks[(a3, col)] = "english"
            row[f"name_{col}"] = name
        for col in ("ar", "zh", "en", "es", "fr", "ru"):
            name = row[f"name_{col}"]
            if not name or name != name.strip():
                fail(f"{a3}: name_{col} is empty or padded: {name!r}")
            if not SCRIPT_RE[col].search(name) and (a3, col) not in fallbacks:
                fail(f"{a3}: name_{col} {name!r} is not in the expected script")
        rows.append(row)
    return rows, fallbacks


def render(rows: list[dict[str, str]]) -> str:
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=COLUMNS, lineterminator="\n",
                       quoting=csv.QUOTE_MINIMAL)
    w.writeheader()
    w.writerows(rows)
    return buf.getvalue()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--output", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--check", action="store_true",
                    help="compare with the file on disk instead of writing it")
    args = ap.parse_args()

    check_versions()
    rows, fallbacks = build_rows()
    for (a3, col), src in sorted(fallbacks.items()):
        print(f"gen-participants: fallback {a3} name_{col}: {src}", file=sys.stderr)
    if fallbacks != EXPECTED_FALLBACKS:
        fail(
            "fallbacks differ from EXPECTED_FALLBACKS; update it and the list "
            f"in crates/directory/data/README.md: {sorted(fallbacks.items())}"
        )
    text = render(rows)

    if args.check:
        try:
            on_disk = args.output.read_text(encoding="utf-8")
        except FileNotFoundError:
            fail(f"{args.output} does not exist")
        if on_disk != text:
            fail(f"{args.output} is out of date; rerun without --check")
        print(f"gen-participants: {args.output} is up to date ({len(rows)} rows)")
        return

    args.output.parent.mkdir(parents=True, exist_ok=True)
    with open(args.output, "w", encoding="utf-8", newline="") as f:
        f.write(text)
    n_obs = sum(r["status"] == "observer" for r in rows)
    print(f"gen-participants: wrote {args.output}: {len(rows)} rows "
          f"({len(rows) - n_obs} members, {n_obs} observers)")


if __name__ == "__main__":
    main()
