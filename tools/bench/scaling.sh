#!/usr/bin/env bash
# Scaling with cores: the whole pipeline (`dateline extract`: HTML decoding and
# main text, reading, records out) on the same corpus with -j 1 and -j N, with
# docs/s, MB/s (input bytes), CPU seconds and the speed-up of N threads over one.
# A benchmark, not a test: it prints figures and asserts nothing. The machine's
# load (`uptime`) is printed first: a speed-up is only meaningful on idle cores.
#
# usage: tools/bench/scaling.sh [--kind html|text] [--copies K] [-j N]
#   html  the 181 pages of ../shared/eval/dev/html-articles as fetched, one JSON
#         line {"id","html","url"} each (31 MB per copy): ingestion of pages;
#   text  their article bodies only ({"id","text"}, 0.9 MB per copy).
# Defaults: --kind html --copies 4 -j $(nproc). Every copy gets its own ids;
# --duplicates keep, so the repeated texts cost what new ones would.
set -euo pipefail
cd "$(dirname "$0")/../.."
kind=html
copies=4
threads=$(nproc)
while [ $# -gt 0 ]; do
  case "$1" in
    --kind) kind=$2; shift 2 ;;
    --copies) copies=$2; shift 2 ;;
    -j) threads=$2; shift 2 ;;
    *) echo "usage: $0 [--kind html|text] [--copies K] [-j N]" >&2; exit 2 ;;
  esac
done
pages=../shared/eval/dev/html-articles
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cargo build --release -q -p dateline-cli
python3 - "$pages" "$kind" "$copies" "$work/corpus.jsonl" <<'PY'
import gzip, json, pathlib, sys
pages, kind, copies, out = pathlib.Path(sys.argv[1]), sys.argv[2], int(sys.argv[3]), sys.argv[4]
truth = json.loads((pages / "ground-truth.json").read_text(encoding="utf-8"))
with open(out, "w", encoding="utf-8") as f:
    for copy in range(copies):
        for key, entry in sorted(truth.items()):
            record = {"id": f"{key[:16]}-{copy}", "url": entry.get("url")}
            if kind == "html":
                raw = gzip.open(pages / "html" / f"{key}.html.gz").read()
                record["html"] = raw.decode("utf-8", "replace")
            else:
                record["text"] = entry.get("articleBody", "")
            f.write(json.dumps(record, ensure_ascii=False) + "\n")
PY
bytes=$(stat -c %s "$work/corpus.jsonl")
docs=$(wc -l < "$work/corpus.jsonl")
echo "load: $(uptime)"
echo "corpus: $kind, $docs docs, $(awk -v b="$bytes" 'BEGIN { printf "%.1f", b / 1e6 }') MB"
run() {
  # Wall time for throughput; user+system CPU seconds show the work done.
  /usr/bin/time -f '%e %U %S' -o "$work/time" \
    target/release/dateline extract --quiet --no-text --duplicates keep --input jsonl \
    -j "$1" "$work/corpus.jsonl" > "$work/out.jsonl"
  read -r wall user sys < "$work/time"
  out_docs=$(wc -l < "$work/out.jsonl")
  awk -v j="$1" -v w="$wall" -v u="$user" -v s="$sys" -v b="$bytes" -v d="$out_docs" \
    'BEGIN { printf "-j %-3s %6.2f s wall  %7.2f s CPU  %7.0f docs/s  %6.2f MB/s\n", j, w, u + s, d / w, b / 1e6 / w }' >&2
  echo "$wall"
}
one=$(run 1)
many=$(run "$threads")
awk -v a="$one" -v b="$many" -v n="$threads" \
  'BEGIN { printf "speed-up with %d threads: %.2fx (ideal %dx)\n", n, a / b, n }'
