#!/usr/bin/env python3
"""Prints, for each html-articles page, the candidates a person needs to write
gold.tsv by hand: the visible headline(s) (<h1>), the text right after the
headline (where the byline and dateline date are shown), <time> elements, and,
for cross-checking only, og:title, <title>, JSON-LD headline/datePublished,
meta dates and the URL's date. Not dateline's extractor: lxml only.

Usage: candidates.py PAGES_DIR [ID...]     full candidates per page
       candidates.py PAGES_DIR --propose  a proposed row per page to review by hand
(run with a python that has lxml, e.g. target/bench-html-venv/bin/python)
"""
import gzip
import json
import re
import sys
from pathlib import Path

import lxml.html

DATEISH = re.compile(
    r"(\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}(st|nd|rd|th)?,?\s+\d{4}"
    r"|\b\d{1,2}\s+(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?,?\s+\d{4}"
    r"|\b\d{4}-\d{2}-\d{2}|\b\d{1,2}[./]\d{1,2}[./]\d{2,4}|\b\d{4}/\d{2}/\d{2}"
    r"|\b\d{1,2}\.\s*\w+\s+\d{4}|\b\d{4}年\d{1,2}月\d{1,2}日)",
    re.I,
)


def decode(raw):
    """UTF-8 when it is valid, else the charset the page declares, else cp1252."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    m = re.search(rb'charset=["\']?([A-Za-z0-9_-]+)', raw[:4096])
    for enc in ([m.group(1).decode()] if m else []) + ["cp1252"]:
        try:
            return raw.decode(enc)
        except (UnicodeDecodeError, LookupError):
            continue
    return raw.decode("utf-8", "replace")


def text(el):
    return " ".join(el.text_content().split())


def following_text(root, start, limit=700):
    out, seen = [], 0
    started = False
    for el in root.iter():
        if el is start:
            started = True
            continue
        if not started or not isinstance(el.tag, str) or el.tag in ("script", "style", "noscript"):
            continue
        for piece in (el.text, el.tail):
            if piece and piece.strip():
                out.append(" ".join(piece.split()))
                seen += len(piece)
        if seen > limit:
            break
    return " | ".join(out)[:limit]


def json_ld(root):
    found = []
    for s in root.xpath('//script[@type="application/ld+json"]'):
        try:
            value = json.loads(s.text_content().strip().rstrip(";"))
        except Exception:
            continue
        stack = [value]
        while stack:
            v = stack.pop()
            if isinstance(v, list):
                stack.extend(v)
            elif isinstance(v, dict):
                for k in ("headline", "datePublished", "dateModified", "dateCreated"):
                    if isinstance(v.get(k), str):
                        found.append(f"{k}={v[k]}")
                for k in ("@graph", "mainEntity", "mainEntityOfPage"):
                    if k in v:
                        stack.append(v[k])
    return found


def main():
    root_dir = Path(sys.argv[1])
    truth = json.loads((root_dir / "ground-truth.json").read_text())
    ids = sys.argv[2:] or sorted(truth)
    for key in ids:
        raw = gzip.open(root_dir / "html" / f"{key}.html.gz").read()
        try:
            root = lxml.html.fromstring(decode(raw))
        except Exception as err:
            print(f"== {key} unparsable: {err}")
            continue
        url = truth[key].get("url")
        print(f"== {key} {url}")
        metas = []
        for m in root.xpath("//meta[@content]"):
            k = (m.get("property") or m.get("name") or m.get("itemprop") or "").lower()
            if k in ("og:title",) or "date" in k or "time" in k:
                metas.append(f"{k}={m.get('content')[:80]}")
        title = root.xpath("//title")
        print("  title:", text(title[0])[:200] if title else None)
        print("  meta:", "; ".join(metas)[:400])
        print("  ld:", "; ".join(json_ld(root))[:400])
        for h in root.xpath("//h1")[:3]:
            print("  h1:", text(h)[:200])
        h1s = root.xpath("//h1")
        if h1s:
            after = following_text(root, h1s[0])
            print("  after-h1:", after[:500])
            print("  dates-after-h1:", [m.group(0) for m in DATEISH.finditer(after)][:4])
        times = [f"{t.get('datetime')}~{text(t)[:40]}" for t in root.xpath("//time")[:3]]
        print("  time:", times)




MONTHS = {m: i + 1 for i, m in enumerate(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"])}


def parse_visible(s):
    """A visible date string -> (YYYY-MM-DD, sure)."""
    s = s.strip()
    m = re.match(r"(\w+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})", s)
    if m and m.group(1)[:3].lower() in MONTHS:
        return f"{int(m.group(3)):04}-{MONTHS[m.group(1)[:3].lower()]:02}-{int(m.group(2)):02}", True
    m = re.match(r"(\d{1,2})\.?\s+(\w+)\.?,?\s+(\d{4})", s)
    if m and m.group(2)[:3].lower() in MONTHS:
        return f"{int(m.group(3)):04}-{MONTHS[m.group(2)[:3].lower()]:02}-{int(m.group(1)):02}", True
    m = re.match(r"(\d{4})[-/](\d{2})[-/](\d{2})", s)
    if m:
        return f"{m.group(1)}-{m.group(2)}-{m.group(3)}", True
    m = re.match(r"(\d{1,2})[./](\d{1,2})[./](\d{2,4})", s)
    if m:
        a, b, y = int(m.group(1)), int(m.group(2)), int(m.group(3))
        y = y + 2000 if y < 100 else y
        if a > 12:
            return f"{y:04}-{b:02}-{a:02}", True
        if b > 12:
            return f"{y:04}-{a:02}-{b:02}", True
        return f"{y:04}-{b:02}-{a:02}", False
    return None, False


def similarity(a, b):
    ta, tb = set(re.findall(r"\w+", a.lower())), set(re.findall(r"\w+", b.lower()))
    return len(ta & tb) / max(1, len(ta | tb))


def propose(root_dir):
    """One review block per page: a proposed gold row and what it rests on."""
    truth = json.loads((root_dir / "ground-truth.json").read_text())
    for key in sorted(truth):
        root = lxml.html.fromstring(decode(gzip.open(root_dir / "html" / f"{key}.html.gz").read()))
        og = root.xpath('//meta[@property="og:title"]/@content')
        t = root.xpath("//title")
        reference = (og[0] if og else "") + " " + (text(t[0]) if t else "")
        h1s = [h for h in root.xpath("//h1") if text(h)]
        best = max(h1s, key=lambda h: similarity(text(h), reference), default=None)
        title = text(best) if best is not None else (og[0].strip() if og else "")
        after = following_text(root, best, 900) if best is not None else ""
        dates = [m.group(0) for m in DATEISH.finditer(after)]
        date, sure = (parse_visible(dates[0]) if dates else (None, False))
        times = [text(x)[:40] for x in root.xpath("//time") if text(x)]
        print(f"{key[:10]}\t{title}\t{date or ''}\t{'' if sure else '?'}")
        print(f"    h1s={[text(h)[:70] for h in h1s[:3]]} og={(og[0][:90] if og else None)!r}")
        print(f"    visible={dates[:3]} time={times[:2]} url={truth[key].get('url')}")


if __name__ == "__main__":
    if sys.argv[2:3] == ["--propose"]:
        propose(Path(sys.argv[1]))
    else:
        main()
