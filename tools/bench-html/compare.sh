#!/usr/bin/env bash
# Main-text extraction, then title and publication date: dateline-html against
# trafilatura on the same pages, with the same measures, one core each.
#   tools/bench-html/compare.sh [PAGES_DIR]
# PAGES_DIR defaults to ../shared/eval/dev/html-articles (relative to the repo).
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
pages="${1:-$repo/../shared/eval/dev/html-articles}"
pages="$(cd "$pages" && pwd)"
venv="${BENCH_HTML_VENV:-$repo/target/bench-html-venv}"

if [ ! -x "$venv/bin/python" ]; then
    python3 -m venv "$venv"
fi
if ! "$venv/bin/python" -c "import trafilatura" 2>/dev/null; then
    "$venv/bin/pip" install --quiet "trafilatura>=2.0" lxml_html_clean
fi

cd "$repo"
cargo build --quiet --release -p dateline-html --example eval_articles --example meta_dump
# One core for both, so pages/s compare like for like.
ours="$(taskset -c 0 cargo run --quiet --release -p dateline-html --example eval_articles -- "$pages")"
theirs="$(taskset -c 0 "$venv/bin/python" "$repo/tools/bench-html/trafilatura_eval.py" "$pages")"
echo "$ours"
echo "$theirs"
rate() { sed -n "s/.* $1=\([0-9.]*\).*/\1/p; s/.* $1=\([0-9.]*\)$/\1/p" | head -1; }
for kind in pages_per_s cpu_pages_per_s; do
    a="$(rate "$kind" <<<"$ours")"
    b="$(rate "$kind" <<<"$theirs")"
    awk -v k="$kind" -v a="$a" -v b="$b" 'BEGIN { if (a > 0 && b > 0) printf "speed ratio (%s): %.1fx\n", k, a / b }'
done

# Title and date against the hand-made gold of testdata/html-meta (the measure is
# described in meta_compare.py; --wrong lists every miss).
meta="$(mktemp)"
trap 'rm -f "$meta"' EXIT
cargo run --quiet --release -p dateline-html --example meta_dump -- "$pages" >"$meta"
"$venv/bin/python" "$repo/tools/bench-html/meta_compare.py" "$repo/testdata/html-meta/gold.tsv" "$pages" "$meta" "${META_WRONG:+--wrong}"
