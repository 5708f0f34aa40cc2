#!/usr/bin/env bash
# Whole-pipeline throughput: text in, dateline/1 records out, on a corpus made
# from the stories the project ships. Reports MB/s and docs/s on one core and
# on all cores. A benchmark, not a test: it prints figures and asserts nothing.
#
# usage: tools/bench/pipeline.sh [DOCS]   (default 20000)
set -euo pipefail
cd "$(dirname "$0")/../.."
docs=${1:-20000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cargo build --release -q -p dateline-cli
python3 tools/bench/make_corpus.py "$work/corpus.jsonl" --docs "$docs"
bytes=$(stat -c %s "$work/corpus.jsonl")
run() {
  local threads=$1
  local start end
  start=$(date +%s.%N)
  target/release/dateline extract --quiet --no-text --input jsonl -j "$threads" "$work/corpus.jsonl" > "$work/out.jsonl"
  end=$(date +%s.%N)
  python3 - "$start" "$end" "$bytes" "$docs" "$threads" <<'PY'
import sys
start, end, size, docs, threads = map(float, sys.argv[1:])
secs = end - start
print(f"threads={int(threads)}  {docs:.0f} docs  {size/1e6:.1f} MB  {secs:.2f} s  {size/1e6/secs:.2f} MB/s  {docs/secs:.0f} docs/s")
PY
}
echo "dateline extract, whole pipeline (JSON Lines in, records out, --no-text):"
run 1
run "$(nproc)"
