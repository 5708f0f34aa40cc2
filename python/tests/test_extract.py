"""dateline.extract / extract_many / extract_files: records, CLI parity, errors."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil

import pytest

import dateline
from conftest import PAGE, REPO, run_cli, story_paths


def test_sample_stories_give_records_with_their_language():
    for path in story_paths():
        record = dateline.extract(path.read_text(encoding="utf-8"), published="2024-03-01")
        assert record["schema"] == "dateline/1"
        assert record["doc"]["published"] == "2024-03-01"
        assert record["doc"]["text"].strip(), path.name
        if path.name[:3] in ("fr-", "en-"):
            assert record["doc"]["language"] == path.name[:2], path.name
            assert record["events"], f"no event read in {path.name}"


def test_kyiv_story_reads_a_missile_strike():
    path = REPO / "examples" / "stories" / "en-kyiv-strike.txt"
    record = dateline.extract(path.read_text(encoding="utf-8"), id="kyiv")
    assert record["doc"]["id"] == "kyiv"
    assert record["doc"]["dateline"]["agency"] == "AP"
    types = {(e.get("acled") or {}).get("event_type") for e in record["events"]}
    assert "explosions_remote_violence" in types
    assert any(c["kind"] == "killed" and c["min"] == 9 for c in record["casualties"])


def test_records_equal_the_clis_for_each_story():
    for path in story_paths():
        relative = str(path.relative_to(REPO))
        (expected,) = run_cli("--date", "2024-03-01", relative)
        got = dateline.extract(path.read_bytes(), published="2024-03-01", origin=relative)
        assert got == expected, path.name


def test_extract_many_equals_the_cli_reading_the_same_json_lines():
    items = [
        {"id": path.stem, "text": path.read_text(encoding="utf-8"), "published": "2024-03-01"}
        for path in story_paths()
    ]
    items.append({"id": "page", "html": PAGE, "url": "https://news.example/a"})
    items.append({"id": "bad", "text": "Police arrested 3 men.", "published": "sometime soon", "title": 7})
    items.append({"url": "https://news.example/empty"})
    lines = "".join(json.dumps(item, ensure_ascii=False) + "\n" for item in items).encode("utf-8")
    expected = run_cli("--input", "jsonl", "-", stdin=lines)
    assert dateline.extract_many(items, origin="-") == expected


def test_bad_documents_in_a_batch_become_diagnostics():
    records = dateline.extract_many(
        [
            {"id": "a", "text": "Police arrested 3 men.", "published": "sometime soon"},
            {"id": "b", "text": 12},
            {"id": "c"},
        ]
    )
    codes = [{d["code"] for d in r["diagnostics"]} for r in records]
    assert "bad-published" in codes[0]
    assert "jsonl-bad-field" in codes[1]
    assert "jsonl-no-body" in codes[2]
    assert [r["doc"]["id"] for r in records] == ["a", "b", "c"]


def test_extract_many_keeps_input_order_whatever_the_threads():
    stories = [p.read_text(encoding="utf-8") for p in story_paths()]
    items = [{"id": f"doc{i:03}", "text": stories[i % len(stories)]} for i in range(40)]
    one = dateline.extract_many(items, threads=1)
    two = dateline.extract_many(items, threads=2)
    default = dateline.extract_many(iter(items))
    assert [r["doc"]["id"] for r in one] == [f"doc{i:03}" for i in range(40)]
    assert one == two == default
    assert dateline.extract_many([]) == []


def test_bare_strings_in_a_batch_are_stories_told_html_or_text_by_content():
    text, page = dateline.extract_many(["Police arrested 3 men in Lyon on Monday.", PAGE])
    assert text["doc"]["text"].startswith("Police arrested")
    assert page["doc"]["title"] == "Protesters clash with police in Manila"
    assert "Copyright" not in page["doc"]["text"]


def test_html_told_from_text_by_content_or_by_format():
    page = dateline.extract(PAGE)
    assert page["doc"]["title"] == "Protesters clash with police in Manila"
    assert "<p>" not in page["doc"]["text"]
    forced = dateline.extract(PAGE, format="text")
    assert "<p>" in forced["doc"]["text"]


def test_dates_may_be_date_objects_and_text_may_be_left_out():
    record = dateline.extract("Police arrested 3 men.", published=dt.date(2022, 1, 10), no_text=True)
    assert record["doc"]["published"] == "2022-01-10"
    assert "text" not in record["doc"]
    stamp = dateline.extract("Police arrested 3 men.", published=dt.datetime(2022, 1, 10, 23, 59))
    assert stamp["doc"]["published"] == "2022-01-10"


def test_undecodable_bytes_are_a_diagnostic_not_an_exception():
    record = dateline.extract(b"Police arrested \xff\xfe 3 men in Lyon.")
    assert record["schema"] == "dateline/1"
    assert record["diagnostics"]


@pytest.mark.parametrize(
    "call, error, words",
    [
        (lambda: dateline.extract(5), TypeError, "str"),
        (lambda: dateline.extract(["a story"]), TypeError, "list"),
        (lambda: dateline.extract("story", id=3), TypeError, "id"),
        (lambda: dateline.extract("story", published="yesterday"), ValueError, "2022-01-10"),
        (lambda: dateline.extract("story", published="2022-13-45"), ValueError, "published"),
        (lambda: dateline.extract("story", language="not a language"), ValueError, "ISO 639-1"),
        (lambda: dateline.extract("story", format="pdf"), ValueError, "format"),
        (lambda: dateline.extract_many([3.5]), TypeError, "item 0"),
        (lambda: dateline.extract_many(["ok", {"id": "x", "text": object()}]), TypeError, "item 1"),
        (lambda: dateline.extract_many(["ok"], threads=0), ValueError, "threads"),
        (lambda: dateline.extract_many(["ok"], threads="2"), TypeError, "threads"),
        (lambda: dateline.extract_files("/no/such/dir/story.txt"), OSError, "story.txt"),
    ],
)
def test_wrong_arguments_raise_clear_exceptions(call, error, words):
    with pytest.raises(error, match=words):
        call()


def test_extract_files_equals_the_cli_on_a_directory(tmp_path, monkeypatch):
    stories = tmp_path / "stories"
    stories.mkdir()
    for path in story_paths():
        shutil.copy(path, stories / path.name)
    expected = run_cli("stories", cwd=tmp_path)
    monkeypatch.chdir(tmp_path)
    got = list(dateline.extract_files("stories", batch_docs=2))
    assert got == expected
    assert len(got) == len(story_paths())
    assert got[0]["doc"]["origin"] == os.path.join("stories", story_paths()[0].name)


def test_warc_pages_equal_the_clis(warc_file):
    expected = run_cli(str(warc_file))
    got = list(dateline.extract_warc(str(warc_file)))
    assert got == expected
    assert [r["doc"]["url"] for r in got] == ["https://news.example/a", "https://news.example/b"]
    as_json = list(dateline.extract_warc(warc_file, as_json=True))
    assert [json.loads(r) for r in as_json] == got
