#!/usr/bin/env bash
# Whole-pipeline throughput, text in, dateline/1 records out (--no-text), on
# two corpora side by side, because a figure on 480-byte stories says little
# about 5 KB articles and the other way round:
#   short  the stories the project ships (make_corpus.py --kind short)
#   real   article bodies at published lengths (make_corpus.py --kind real,
#          from ../shared/eval/dev/html-articles/ground-truth.json)
# For each: one core (-j 1) and all cores, as MB/s and docs/s of CPU time
# (user+sys: the machine may be shared, wall time would measure the others)
# and of wall time; start-up (loading the gazetteer and lexicons, once per
# process) is measured on a one-document input and reported apart, and the per-core
# rate without it is given too. A benchmark: it prints figures, asserts nothing.
#
# usage: tools/bench/pipeline.sh [SHORT_DOCS] [REAL_DOCS]   (default 20000 5000)
#        DATELINE_CLI=path/to/dateline tools/bench/pipeline.sh   (a built binary, e.g. to compare two)
set -euo pipefail
cd "$(dirname "$0")/../.."
short_docs=${1:-20000}
real_docs=${2:-5000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
if [ -z "${DATELINE_CLI:-}" ]; then
  cargo build --release -q -p dateline-cli
  DATELINE_CLI="${CARGO_TARGET_DIR:-target}/release/dateline"
fi
# A copy, so that a concurrent rebuild cannot change the binary mid-run.
bin="$work/dateline"
cp "$DATELINE_CLI" "$bin"

# Prints "cpu_seconds wall_seconds" of one run of the binary.
timed() {
  /usr/bin/time -f '%U %S %e' -o "$work/time" "$@" > "$work/out.jsonl" 2>/dev/null
  awk '{printf "%.3f %.3f\n", $1 + $2, $3}' "$work/time"
}

# One tiny document: the gazetteer and lexicons load lazily, on first use.
echo '{"id": "startup", "text": "Police said on Monday that 12 people were arrested in Paris."}' > "$work/one.jsonl"
startup=$(timed "$bin" extract --quiet --no-text --input jsonl -j 1 "$work/one.jsonl" | cut -d' ' -f1)
echo "start-up (one short document, one process): ${startup} s CPU"
echo
printf '%-6s %7s %7s %8s %9s %9s %9s %9s %10s\n' corpus threads docs MB cpu_s "MB/s_cpu" "docs/s" "MB/s_wall" "-startup"
for kind in short real; do
  docs=$short_docs
  [ "$kind" = real ] && docs=$real_docs
  corpus="$work/$kind.jsonl"
  if ! python3 tools/bench/make_corpus.py "$corpus" --docs "$docs" --kind "$kind" 2>"$work/err"; then
    echo "$kind: skipped ($(cat "$work/err"))"
    continue
  fi
  bytes=$(stat -c %s "$corpus")
  for threads in 1 "$(nproc)"; do
    read -r cpu wall < <(timed "$bin" extract --quiet --no-text --input jsonl -j "$threads" "$corpus")
    python3 - "$kind" "$threads" "$docs" "$bytes" "$cpu" "$wall" "$startup" <<'PY'
import sys
kind, threads, docs, size, cpu, wall, startup = sys.argv[1], int(sys.argv[2]), *map(float, sys.argv[3:])
mb = size / 1e6
# CPU rates are per core: all-core runs spend CPU on every core.
steady = f"{mb / (cpu - startup):.2f}" if threads == 1 and cpu > startup else "-"
print(f"{kind:<6} {threads:>7} {docs:>7.0f} {mb:>8.1f} {cpu:>9.2f} {mb / cpu:>9.2f} {docs / cpu:>9.0f} {mb / wall:>9.2f} {steady:>10}")
PY
  done
done
echo
echo "MB/s_cpu, docs/s: per core of CPU time; MB/s_wall: elapsed, all threads; -startup: one-core MB/s without start-up."
