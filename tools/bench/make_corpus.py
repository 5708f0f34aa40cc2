#!/usr/bin/env python3
"""Writes a JSON Lines corpus for throughput benchmarks from the stories the
project ships (examples/stories/, testdata/gold/*.gold.jsonl inputs).

Each copy gets its own id and a varied publication date, so the corpus is
N distinct documents of realistic news text; nothing is downloaded.

usage: make_corpus.py OUT.jsonl [--docs N]
"""
import argparse
import json
import pathlib
import random

ROOT = pathlib.Path(__file__).resolve().parents[2]


def stories():
    for path in sorted((ROOT / "examples" / "stories").glob("*.txt")):
        yield path.read_text(encoding="utf-8")
    for path in sorted((ROOT / "testdata" / "gold").glob("*.gold.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                record = json.loads(line)
                if record.get("input") and record.get("input_format", "text") == "text":
                    yield record["input"]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out")
    parser.add_argument("--docs", type=int, default=20000)
    args = parser.parse_args()
    texts = list(stories())
    if not texts:
        raise SystemExit("no stories found under examples/stories or testdata/gold")
    rng = random.Random(7)
    with open(args.out, "w", encoding="utf-8") as out:
        for i in range(args.docs):
            text = texts[i % len(texts)]
            date = f"2023-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            out.write(json.dumps({"id": f"bench-{i}", "text": text, "published": date}, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
