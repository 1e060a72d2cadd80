#!/usr/bin/env bash
# The TAXII 2.1 benchmark of issue 16, on a release pocdir, on one backend:
#
#   1. the shared workload (taxii_bench.py: ingest in envelopes, paged read
#      with every object compared, manifest, random GET by id with the
#      Python client) against `pocdir serve --demo`, the shared collection,
#      France's technical PoC signing in with HTTP Basic (e-mail, token);
#   2. random GET by id at concurrency 32 with wrk (a Lua script picks ids
#      among those posted), then wrk against the bare floor server
#      (`pocdir-bench bare-server`) in the same run;
#   3. optionally (--million) the same workload with 1,000,000 objects, for
#      the page time at that size.
#
# usage: scripts/bench-taxii.sh [--backend sqlite|postgres] [--objects N]
#          [--batch B (objects an envelope, 100 as the medallion anchor)] [--million] [--workload PATH/taxii_bench.py] [--out DIR]
# Build first: CARGO_TARGET_DIR=target cargo build --release -p pocdir -p pocdir-bench
# (or set BENCH_POCDIR and BENCH_POCDIR_BENCH to the binaries; not POCDIR_*,
# which pocdir reads as its own settings). Loopback only; stops
# everything it started.
set -euo pipefail
cd "$(dirname "$0")/.."

BACKEND=sqlite
OBJECTS=5000
BATCH=100
MILLION=0
WORKLOAD=../shared/bench/taxii_bench.py
OUT=test-output/bench-taxii
while [ $# -gt 0 ]; do
  case "$1" in
    --backend) BACKEND=$2; shift 2 ;;
    --objects) OBJECTS=$2; shift 2 ;;
    --batch) BATCH=$2; shift 2 ;;
    --million) MILLION=1; shift ;;
    --workload) WORKLOAD=$2; shift 2 ;;
    --out) OUT=$2; shift 2 ;;
    *) echo "unknown argument $1" >&2; exit 2 ;;
  esac
done
POCDIR=${BENCH_POCDIR:-target/release/pocdir}
POCDIR_BENCH=${BENCH_POCDIR_BENCH:-target/release/pocdir-bench}
PG_ADMIN=${POCDIR_TEST_POSTGRES_URL:-postgres://postgres@127.0.0.1:5432/postgres}
for f in "$POCDIR" "$POCDIR_BENCH" "$WORKLOAD"; do
  [ -e "$f" ] || { echo "missing $f" >&2; exit 2; }
done
POCDIR=$(realpath "$POCDIR"); POCDIR_BENCH=$(realpath "$POCDIR_BENCH"); WORKLOAD=$(realpath "$WORKLOAD")
command -v wrk >/dev/null || { echo "wrk is missing (apt-get install wrk)" >&2; exit 2; }
mkdir -p "$OUT"
WORK=$(mktemp -d /tmp/pocdir-bench-taxii.XXXXXX)
PIDS=()
DB=""
cleanup() {
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  if [ -n "$DB" ]; then psql -q "$PG_ADMIN" -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" >/dev/null 2>&1 || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

# wrk's summary line: requests errors req/s p50_ms p90_ms p99_ms.
cat >"$WORK/done.lua" <<'LUA'
done = function(summary, latency, requests)
  io.write(string.format("RESULT %d %d %.0f %.3f %.3f %.3f\n", summary.requests,
    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000,
    latency:percentile(90) / 1000, latency:percentile(99) / 1000))
end
LUA

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

# One pocdir with the demo; prints its URL and sets SERVER_PID.
start_pocdir() {
  local dir=$1 port url db_url
  port=$(free_port)
  url="http://127.0.0.1:$port"
  mkdir -p "$dir"
  if [ "$BACKEND" = postgres ]; then
    DB="pocdir_bench_taxii_$$_$RANDOM"
    psql -q "$PG_ADMIN" -c "CREATE DATABASE $DB" >/dev/null
    db_url=$(python3 -c "import sys,urllib.parse as u; p=u.urlparse(sys.argv[1]); print(p._replace(path='/'+sys.argv[2]).geturl())" "$PG_ADMIN" "$DB")
  else
    db_url="sqlite://$dir/data/pocdir.db?mode=rwc"
  fi
  DATABASE_URL_USED=$db_url
  (cd "$dir" && exec env -u RUST_LOG "$POCDIR" serve --demo --data-dir "$dir/data" \
      --database-url "$db_url" --listen "127.0.0.1:$port") >"$dir/pocdir.log" 2>&1 &
  SERVER_PID=$!
  PIDS+=("$SERVER_PID")
  for _ in $(seq 1 300); do
    curl -fsS "$url/healthz/ready" >/dev/null 2>&1 && break
    sleep 0.2
  done
  curl -fsS "$url/healthz/ready" >/dev/null || { tail -20 "$dir/pocdir.log" >&2; exit 1; }
  SERVER_URL=$url
}

stop_pocdir() {
  kill "$SERVER_PID" 2>/dev/null || true
  wait "$SERVER_PID" 2>/dev/null || true
  if [ -n "$DB" ]; then psql -q "$PG_ADMIN" -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" >/dev/null 2>&1 || true; DB=""; fi
}

EMAIL=technical.poc@cert.fr.example.org
AUTH=""
COLLECTION=""
# A write token for France's technical PoC and the shared collection's id.
connect() {
  local dir=$1
  TOKEN=$(cd "$dir" && "$POCDIR" account token --email "$EMAIL" --scope write --days 2 \
      --name bench --data-dir "$dir/data" --database-url "$DATABASE_URL_USED")
  AUTH=$(printf '%s:%s' "$EMAIL" "$TOKEN" | base64 -w0)
  COLLECTION=$(curl -fsS -H "Authorization: Basic $AUTH" -H "Accept: application/taxii+json;version=2.1" \
      "$SERVER_URL/taxii2/participants/collections/" \
    | python3 -c 'import json,sys; print([c["id"] for c in json.load(sys.stdin)["collections"] if c["title"].startswith("Shared")][0])')
}

workload() {
  local n=$1 label=$2 extra=${3:-}
  # shellcheck disable=SC2086
  python3 "$WORKLOAD" --base-url "$SERVER_URL" --api-root /taxii2/participants/ \
    --collection "$COLLECTION" --user "$EMAIL" --password "$TOKEN" \
    --objects "$n" --batch "${4:-$BATCH}" --ingest-concurrency 2 --concurrency 8 --d-procs 2 \
    --server-pid "$SERVER_PID" --label "pocdir $BACKEND $label" --validate --validate-sample 2000 \
    --deadline 3000 $extra --output "$OUT/pocdir-$BACKEND-$label.json" >/dev/null
}

# Random GET by id with wrk, 32 connections, 10 s; ids from the envelopes
# the workload posted (its seed gives the same ids: read them back here).
wrk_random_get() {
  local label=$1
  curl -fsS -H "Authorization: Basic $AUTH" -H "Accept: application/taxii+json;version=2.1" \
      "$SERVER_URL/taxii2/participants/collections/$COLLECTION/manifest/?limit=1000" \
    | python3 -c 'import json,sys; [print(o["id"]) for o in json.load(sys.stdin)["objects"]]' >"$WORK/ids.txt"
  cat >"$WORK/random.lua" <<LUA
local ids = {}
for line in io.lines("$WORK/ids.txt") do ids[#ids + 1] = line end
wrk.headers["Authorization"] = "Basic $AUTH"
wrk.headers["Accept"] = "application/taxii+json;version=2.1"
request = function()
  local id = ids[math.random(#ids)]
  return wrk.format("GET", "/taxii2/participants/collections/$COLLECTION/objects/" .. id .. "/")
end
LUA
  cat "$WORK/done.lua" >>"$WORK/random.lua"
  wrk -t2 -c32 -d10s -s "$WORK/random.lua" "$SERVER_URL" | grep RESULT | sed "s/^/pocdir $BACKEND $label /" | tee -a "$OUT/wrk.txt"
}

wrk_floor() {
  local port pid
  port=$(free_port)
  # The floor stops when its standard input closes: give it one that stays open.
  rm -f "$WORK/floor.stdin"; mkfifo "$WORK/floor.stdin"; exec 9<>"$WORK/floor.stdin"
  "$POCDIR_BENCH" bare-server --listen "127.0.0.1:$port" <&9 >/dev/null 2>&1 &
  pid=$!
  PIDS+=("$pid")
  for _ in $(seq 1 50); do curl -fsS "http://127.0.0.1:$port/" >/dev/null 2>&1 && break; sleep 0.1; done
  wrk -t2 -c32 -d10s -s "$WORK/done.lua" "http://127.0.0.1:$port/x" | grep RESULT | sed "s/^/floor /" | tee -a "$OUT/wrk.txt"
  kill "$pid" 2>/dev/null || true
}

echo "# $(date -u +%FT%TZ) backend=$BACKEND objects=$OBJECTS (requests errors req/s p50_ms p90_ms p99_ms)" | tee -a "$OUT/wrk.txt"
start_pocdir "$WORK/run"
connect "$WORK/run"
workload "$OBJECTS" "$OBJECTS"
wrk_random_get "$OBJECTS"
wrk_floor
stop_pocdir

if [ "$MILLION" = 1 ]; then
  start_pocdir "$WORK/million"
  connect "$WORK/million"
  workload 1000000 1000000 "--skip manifest" 1000
  wrk_random_get 1000000
  wrk_floor
  stop_pocdir
fi
python3 "$(dirname "$WORKLOAD")/summarize.py" "$OUT"/pocdir-"$BACKEND"-*.json 2>/dev/null || true
