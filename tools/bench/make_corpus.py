#!/usr/bin/env python3
"""Writes a JSON Lines corpus for throughput benchmarks; nothing is downloaded.

Two kinds, so that a figure on short texts is never read as one on articles:
  short  the stories the project ships (examples/stories/, text inputs of
         testdata/gold/*.gold.jsonl): a few hundred bytes each;
  real   article bodies at the lengths news sites publish (articleBody of
         ../shared/eval/dev/html-articles/ground-truth.json, ~5 KB each).
Texts are repeated in turn to N documents; each copy gets its own id and a
varied publication date.

usage: make_corpus.py OUT.jsonl [--docs N] [--kind short|real] [--articles PATH]
"""
import argparse
import json
import pathlib
import random

ROOT = pathlib.Path(__file__).resolve().parents[2]
ARTICLES = ROOT.parent / "shared" / "eval" / "dev" / "html-articles" / "ground-truth.json"


def short_stories():
    for path in sorted((ROOT / "examples" / "stories").glob("*.txt")):
        yield path.read_text(encoding="utf-8")
    for path in sorted((ROOT / "testdata" / "gold").glob("*.gold.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                record = json.loads(line)
                if record.get("input") and record.get("input_format", "text") == "text":
                    yield record["input"]


def article_bodies(path):
    # A dict keyed by page hash (the shipped file) or a list of records.
    data = json.loads(pathlib.Path(path).read_text(encoding="utf-8"))
    records = data.values() if isinstance(data, dict) else data
    for record in records:
        body = (record or {}).get("articleBody") or ""
        if body.strip():
            yield body


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out")
    parser.add_argument("--docs", type=int, default=20000)
    parser.add_argument("--kind", choices=("short", "real"), default="short")
    parser.add_argument("--articles", default=str(ARTICLES), help="ground-truth.json with articleBody fields")
    args = parser.parse_args()
    if args.kind == "real":
        if not pathlib.Path(args.articles).is_file():
            raise SystemExit(f"no article bodies: {args.articles} not found")
        texts = list(article_bodies(args.articles))
    else:
        texts = list(short_stories())
    if not texts:
        raise SystemExit(f"no {args.kind} texts found")
    rng = random.Random(7)
    with open(args.out, "w", encoding="utf-8") as out:
        for i in range(args.docs):
            text = texts[i % len(texts)]
            date = f"2023-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            out.write(json.dumps({"id": f"bench-{i}", "text": text, "published": date}, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
