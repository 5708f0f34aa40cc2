#!/usr/bin/env bash
# API under load from a second process on loopback: wrk against `dateline serve`
# on a store of generated stories (the sample stories, each varied into many
# distinct documents with their own dates). Prints requests/s, latency
# percentiles and any non-2xx answers; exits non-zero if there were errors.
#
# Usage: tools/bench-api/run.sh [DOCS_PER_STORY=200] [DURATION=15s] [CONNECTIONS=16]
# Needs wrk (Debian: apt-get install wrk; installed here when missing and root).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
per_story="${1:-200}"
duration="${2:-15s}"
connections="${3:-16}"
port="${BENCH_PORT:-18181}"

if ! command -v wrk >/dev/null; then
  [ "$(id -u)" = 0 ] || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
fi

cd "$root"
cargo build --release --locked -p dateline-cli >&2
bin="${CARGO_TARGET_DIR:-$root/target}/release/dateline"
tmp="$(mktemp -d)"
server=""
cleanup() { [ -n "$server" ] && kill "$server" 2>/dev/null; rm -rf "$tmp"; }
trap cleanup EXIT

# Distinct documents: each story gets a reference line and a date of its own,
# so the content hash differs and the timeline spreads over two years.
python3 - "$root/examples/stories" "$per_story" > "$tmp/docs.jsonl" <<'PY'
import json, sys, pathlib, datetime
stories, n = pathlib.Path(sys.argv[1]), int(sys.argv[2])
index = [l.split("\t") for l in (stories / "index.tsv").read_text().splitlines() if l and not l.startswith("#")]
start = datetime.date(2023, 1, 1)
for k in range(n):
    for file, doc_id, published, lang in index:
        text = (stories / file).read_text()
        day = start + datetime.timedelta(days=(k * 7 + len(doc_id)) % 730)
        print(json.dumps({"id": f"{doc_id}-{k}", "text": f"{text}\n\nRef. {k}.", "published": day.isoformat(), "language": lang.strip()}))
PY
docs=$(wc -l < "$tmp/docs.jsonl")
t0=$(date +%s%N)
"$bin" ingest --quiet --input jsonl --db "$tmp/bench.db" - < "$tmp/docs.jsonl"
t1=$(date +%s%N)
echo "store: $docs documents ingested in $(( (t1 - t0) / 1000000 )) ms, $(du -h "$tmp/bench.db" | cut -f1)"

"$bin" serve --db "$tmp/bench.db" --bind "127.0.0.1:$port" --rate 1000000000 2>"$tmp/serve.log" &
server=$!
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$port/api/stats" >/dev/null && break; sleep 0.2; done
curl -sf "http://127.0.0.1:$port/api/stats"; echo

status=0
run() {
  local name="$1" path="$2"
  echo "== $name: GET $path ($connections connections, 2 threads, $duration)"
  wrk -t2 -c"$connections" -d"$duration" --latency "http://127.0.0.1:$port$path" | tee "$tmp/wrk.out"
  if grep -q "Non-2xx\|Socket errors" "$tmp/wrk.out"; then status=1; fi
}
run "event search (country + type, 50 rows)" "/api/events?country=MLI&type=PROTEST&limit=50"
run "event search (full text + date range, 50 rows)" "/api/events?text=police&since=2023-06&until=2024-06&limit=50"
run "counts by month" "/api/counts?bucket=month&country=UKR"
exit $status
