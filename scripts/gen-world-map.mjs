// Converts Natural Earth's 1:110m countries (the npm package `world-atlas`,
// TopoJSON) into the compact SVG path data the public page draws its map
// from: crates/web/data/world-110m.tsv. Run once, by hand, when the data
// should change; the output is committed and compiled into the binary.
//
//   mkdir -p /tmp/mapgen && cd /tmp/mapgen && npm init -y &&
//     npm install world-atlas@2.0.2 topojson-client@3 d3-geo@3
//   NODE_PATH=/tmp/mapgen/node_modules node scripts/gen-world-map.mjs /tmp/mapgen > crates/web/data/world-110m.tsv
//
// Output: comment lines (`#`), one `viewBox` line, then one line per
// country: M49 code (ISO 3166-1 numeric; empty for areas Natural Earth
// gives none), English name, SVG path (integer coordinates, Equal Earth
// projection, relative moves to keep it small), separated by tabs.
import { createRequire } from "node:module";
import path from "node:path";

const root = process.argv[2] ?? ".";
const require = createRequire(path.join(path.resolve(root), "package.json"));
const { feature } = await import(require.resolve("topojson-client"));
const { geoEqualEarth, geoPath } = await import(require.resolve("d3-geo"));
const world = require("world-atlas/countries-110m.json");
const version = require("world-atlas/package.json").version;

const WIDTH = 1000;
const countries = feature(world, world.objects.countries);
// Antarctica is no State: it would take a fifth of the height for nothing.
countries.features = countries.features.filter((f) => f.id !== "010");
const projection = geoEqualEarth().fitWidth(WIDTH, countries);
const [[, y0], [, y1]] = geoPath(projection).bounds(countries);
const height = Math.ceil(y1 - y0);
projection.translate([projection.translate()[0], projection.translate()[1] - Math.floor(y0)]);

// A path context that writes integer coordinates, relative after the first
// point of each ring, and drops points that round onto the previous one.
function compactPath(geo) {
  let out = "";
  let px = 0, py = 0, start = true, count = 0;
  const ctx = {
    moveTo(x, y) {
      x = Math.round(x); y = Math.round(y);
      out += `M${x} ${y}`;
      px = x; py = y; start = true; count = 1;
    },
    lineTo(x, y) {
      x = Math.round(x); y = Math.round(y);
      const dx = x - px, dy = y - py;
      if (dx === 0 && dy === 0) return;
      out += `${start ? "l" : " "}${dx} ${dy}`;
      start = false; px = x; py = y; count++;
    },
    closePath() { out += "z"; },
  };
  geoPath(projection, ctx)(geo);
  // Rings that collapsed to a point or a line at this size are dropped.
  return out.replace(/M-?\d+ -?\d+z/g, "").replace(/M-?\d+ -?\d+l-?\d+ -?\d+z/g, "");
}

const lines = [
  "# World map for the public page: Natural Earth 1:110m countries (public domain,",
  "# naturalearthdata.com), version 4.1.0, through the npm package world-atlas@" + version,
  "# (ISC licence, Mike Bostock). Projected (Equal Earth) and rounded by",
  "# scripts/gen-world-map.mjs; do not edit by hand. Antarctica left out.",
  "# Columns: M49 code (empty if none), English name, SVG path.",
  `viewBox\t0 0 ${WIDTH} ${height}`,
];
const rows = countries.features
  .map((f) => [f.id ?? "", f.properties.name ?? "", compactPath(f)])
  .filter(([, , d]) => d.length > 0)
  .sort((a, b) => (a[0] + a[1]).localeCompare(b[0] + b[1]));
for (const [id, name, d] of rows) lines.push(`${id}\t${name}\t${d}`);
process.stdout.write(lines.join("\n") + "\n");
