#!/usr/bin/env python3
"""Title and publication-date accuracy of dateline-html and trafilatura on the
hand-made gold of testdata/html-meta/gold.tsv (headline and date as each page
shows them; see its README.md).

Usage: meta_compare.py GOLD_TSV PAGES_DIR OURS_JSONL
OURS_JSONL is the output of `cargo run --release -p dateline-html --example meta_dump`.

The measure, the same for both tools:
- title right when, after normalising both (Unicode NFKC, lower case, curly
  quotes and dashes made plain, every character that is not a letter or digit
  removed), they are equal, or the gold equals the tool's title minus a
  site-name suffix: the part after the last " - ", " | ", " – ", " — ", " :: "
  or " » " dropped (so "Fire in Lyon | Le Monde" counts for "Fire in Lyon").
  Over all gold rows (every page has a headline).
- date right when the tool gives a date whose YYYY-MM-DD (as written, in the
  page's own time zone; a date-time is cut to its date) equals the gold date.
  Over the gold rows that have a date; a tool that gives only a year-month or a
  non-ISO string is wrong there. Also printed: the same within one day (time
  zones move dates: "Nov 18, 9:24 pm ET" is 2019-11-19 in UTC), and how many
  pages without a shown date still get one (not counted as wrong), and the date
  accuracy without the gold rows marked uncertain.
"""
import gzip
import json
import re
import sys
import unicodedata
from datetime import date
from pathlib import Path

SEPARATORS = (" - ", " | ", " – ", " — ", " :: ", " » ")
PLAIN = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-", "…": "..."})


def norm(title):
    t = unicodedata.normalize("NFKC", title or "").translate(PLAIN).lower()
    return "".join(c for c in t if c.isalnum())


def title_right(ours, gold):
    if not ours:
        return False
    if norm(ours) == norm(gold):
        return True
    for sep in SEPARATORS:
        if sep in ours and norm(ours.rsplit(sep, 1)[0]) == norm(gold):
            return True
    return False


ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")


def day(value):
    m = ISO_DATE.match((value or "").strip())
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def read_gold(path):
    rows = []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        parts += [""] * (4 - len(parts))
        rows.append({"id": parts[0], "title": parts[1], "date": parts[2], "note": parts[3]})
    return rows


def score(name, predictions, gold):
    titles = sum(title_right(predictions.get(g["id"], {}).get("title"), g["title"]) for g in gold)
    dated = [g for g in gold if g["date"]]
    exact = near = 0
    wrong = []
    for g in dated:
        ours = day(predictions.get(g["id"], {}).get("date"))
        want = date.fromisoformat(g["date"])
        if ours == want:
            exact += 1
        elif ours is not None and abs((ours - want).days) == 1:
            near += 1
        else:
            wrong.append((g["id"][:10], predictions.get(g["id"], {}).get("date"), g["date"]))
    extra = sum(1 for g in gold if not g["date"] and predictions.get(g["id"], {}).get("date"))
    sure = [g for g in dated if "uncertain" not in g["note"]]
    sure_right = sum(day(predictions.get(g["id"], {}).get("date")) == date.fromisoformat(g["date"]) for g in sure)
    print(
        f"{name}: title {titles}/{len(gold)} = {titles / len(gold):.3f}; "
        f"date {exact}/{len(dated)} = {exact / len(dated):.3f} "
        f"(within one day {(exact + near) / len(dated):.3f}; "
        f"{sure_right / len(sure):.3f} without the rows marked uncertain); "
        f"a date on {extra} of {len(gold) - len(dated)} pages that show none"
    )
    return wrong


def main():
    gold_path, pages, ours_path = sys.argv[1], Path(sys.argv[2]), sys.argv[3]
    gold = read_gold(gold_path)
    ours = {}
    for line in Path(ours_path).read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        ours[rec["id"]] = {"title": rec.get("title"), "date": rec.get("published")}
    truth = json.loads((pages / "ground-truth.json").read_text(encoding="utf-8"))
    import trafilatura

    theirs = {}
    for g in gold:
        with gzip.open(pages / "html" / f"{g['id']}.html.gz", "rb") as f:
            html = f.read()
        meta = trafilatura.extract_metadata(html, default_url=truth.get(g["id"], {}).get("url"))
        theirs[g["id"]] = {"title": meta.title if meta else None, "date": meta.date if meta else None}
    verbose = "--wrong" in sys.argv
    for name, predictions in (("dateline-html", ours), (f"trafilatura {trafilatura.__version__}", theirs)):
        wrong = score(name, predictions, gold)
        if verbose:
            for g in gold:
                got = predictions.get(g["id"], {}).get("title")
                if not title_right(got, g["title"]):
                    print(f"  title {g['id'][:10]}: {got!r} | gold {g['title']!r}")
            for row in wrong:
                print(f"  date {row[0]}: {row[1]!r} | gold {row[2]}")


if __name__ == "__main__":
    main()
