#!/usr/bin/env python3
"""Runs trafilatura over the html-articles pages and scores it with the same
measure as crates/html/examples/eval_articles.rs (see the set's SOURCE.md).

Usage: trafilatura_eval.py DIR
Prints one line: precision, recall, F1 and pages/s (extraction only, one core),
by wall clock and by the thread's CPU time (steadier on a shared machine).
"""
import gzip
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

import trafilatura

WORD = re.compile(r"\w+")
SHINGLE = 4


def shingles(text):
    tokens = WORD.findall(text or "")
    if not tokens:
        return Counter()
    if len(tokens) < SHINGLE:
        return Counter([tuple(tokens)])
    return Counter(tuple(tokens[i:i + SHINGLE]) for i in range(len(tokens) - SHINGLE + 1))


def page_scores(predicted, truth):
    pred, gold = shingles(predicted), shingles(truth)
    tp = sum((pred & gold).values())
    fp = sum((pred - gold).values())
    fn = sum((gold - pred).values())
    total = tp + fp + fn
    if total == 0:
        return None, None
    tp, fp, fn = tp / total, fp / total, fn / total
    perfect = fp == 0 and fn == 0
    precision = (1.0 if perfect else tp / (tp + fp)) if tp + fp > 0 else None
    recall = (1.0 if perfect else tp / (tp + fn)) if tp + fn > 0 else None
    return precision, recall


def main():
    root = Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/eval/dev/html-articles")
    truth = json.loads((root / "ground-truth.json").read_text(encoding="utf-8"))
    pages = []
    for key, entry in truth.items():
        with gzip.open(root / "html" / f"{key}.html.gz", "rb") as f:
            pages.append((key, f.read(), entry.get("articleBody", ""), entry.get("url")))
    started, cpu_started = time.perf_counter(), time.thread_time()
    outputs = [trafilatura.extract(html, url=url) or "" for _, html, _, url in pages]
    elapsed, cpu = time.perf_counter() - started, time.thread_time() - cpu_started
    scores = [page_scores(out, gold) for out, (_, _, gold, _) in zip(outputs, pages)]
    ps = [p for p, _ in scores if p is not None]
    rs = [r for _, r in scores if r is not None]
    precision = sum(ps) / len(ps) if ps else 0.0
    recall = sum(rs) / len(rs) if rs else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    print(f"trafilatura {trafilatura.__version__}: pages={len(pages)} precision={precision:.4f} "
          f"recall={recall:.4f} f1={f1:.4f} pages_per_s={len(pages) / elapsed:.1f} "
          f"cpu_pages_per_s={len(pages) / cpu:.1f}")


if __name__ == "__main__":
    main()
