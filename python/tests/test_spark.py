"""The Spark job in local mode: the same events out as the CLI gives for the corpus."""

from __future__ import annotations

import json
import os

import pytest

from conftest import PAGE, run_cli, story_paths

pyspark = pytest.importorskip("pyspark")
pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")

from dateline import frames, spark_job  # noqa: E402


@pytest.fixture(scope="module")
def spark():
    # Loopback only and no UI: nothing leaves 127.0.0.1. One JVM for the module.
    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    from pyspark.sql import SparkSession

    session = (
        SparkSession.builder.master("local[2]")
        .appName("dateline-tests")
        .config("spark.ui.enabled", "false")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.sql.execution.arrow.maxRecordsPerBatch", "3")
        .getOrCreate()
    )
    yield session
    session.stop()


def corpus_items():
    items = [
        {"id": p.stem, "text": p.read_text(encoding="utf-8"), "published": "2024-03-01"} for p in story_paths()
    ]
    items.append({"id": "page", "html": PAGE, "url": "https://news.example/a", "published": "2024-03-05"})
    return items


def events_by_doc(records):
    return {r["doc"]["id"]: r["events"] for r in records}


def read_records(path):
    table = pq.read_table(path)
    return [json.loads(r) for r in table.column("record").to_pylist()], table


def test_jsonl_corpus_gives_the_clis_events_and_flat_tables(spark, tmp_path):
    corpus = tmp_path / "corpus.jsonl"
    lines = [json.dumps(item, ensure_ascii=False) for item in corpus_items()]
    corpus.write_text("\n".join(lines + ['{"id": "broken", "text": '] ) + "\n", encoding="utf-8")
    expected = run_cli("--input", "jsonl", str(corpus))
    written = spark_job.run(spark, [str(corpus)], "jsonl", str(tmp_path / "out"), partitions=2)

    records, table = read_records(written["records"])
    assert len(records) == len(expected) == len(lines) + 1
    got = events_by_doc(records)
    want = events_by_doc(expected)
    assert got == want
    assert any(e for e in got.values())
    broken = [r for r in records if any(d["code"] == "bad-jsonl" for d in r["diagnostics"])]
    assert len(broken) == 1
    flags = dict(zip(table.column("doc_id").to_pylist(), table.column("has_error").to_pylist()))
    assert flags[broken[0]["doc"]["id"]] is True and flags["page"] is False

    events = pq.read_table(written["events"])
    assert events.column_names == [name for name, _ in frames.EVENT_COLUMNS]
    assert events.num_rows == sum(len(v) for v in want.values())
    pairs = sorted(zip(events.column("doc_id").to_pylist(), events.column("event_id").to_pylist()))
    assert pairs == sorted((doc, e["id"]) for doc, evs in want.items() for e in evs)
    quotes = pq.read_table(written["quotes"])
    assert quotes.num_rows == sum(len(r["quotes"]) for r in expected)
    casualties = pq.read_table(written["casualties"])
    assert casualties.num_rows == sum(len(r["casualties"]) for r in expected)


def test_parquet_corpus_with_text_and_html_columns(spark, tmp_path):
    items = corpus_items()
    table = pa.table(
        {
            "id": [i["id"] for i in items] + ["empty"],
            "text": [i.get("text") for i in items] + [None],
            "html": [i.get("html") for i in items] + [None],
            "published": [i.get("published") for i in items] + [None],
            "extra": list(range(len(items) + 1)),
        }
    )
    pq.write_table(table, tmp_path / "corpus.parquet")
    lines = "".join(json.dumps({k: v for k, v in i.items() if k != "url"}, ensure_ascii=False) + "\n" for i in items)
    expected = run_cli("--input", "jsonl", "-", stdin=lines.encode("utf-8"))
    written = spark_job.run(spark, [str(tmp_path / "corpus.parquet")], "parquet", str(tmp_path / "out"))
    records, _ = read_records(written["records"])
    got = events_by_doc(records)
    empty = got.pop("empty")
    assert empty == []
    assert got == events_by_doc(expected)
    (empty_record,) = [r for r in records if r["doc"]["id"] == "empty"]
    assert any(d["code"] == "no-body" for d in empty_record["diagnostics"])


def test_warc_list_reads_each_archive_and_survives_a_missing_one(spark, tmp_path, warc_file):
    listing = tmp_path / "warc.paths"
    missing = str(tmp_path / "gone.warc.gz")
    listing.write_text(f"{warc_file}\n{missing}\n", encoding="utf-8")
    expected = run_cli(str(warc_file))
    written = spark_job.run(spark, [str(listing)], "warc-list", str(tmp_path / "out"))
    records, table = read_records(written["records"])
    pages = [r for r in records if r["doc"].get("url")]
    assert sorted(json.dumps(r, sort_keys=True) for r in pages) == sorted(
        json.dumps(r, sort_keys=True) for r in expected
    )
    failures = [r for r in records if any(d["code"] == "engine-failure" for d in r["diagnostics"])]
    assert len(failures) == 1 and failures[0]["doc"]["id"] == missing
    assert len(records) == len(expected) + 1


def test_main_parses_arguments_and_rejects_bad_formats():
    with pytest.raises(SystemExit):
        spark_job.main(["--input", "x", "--input-format", "csv", "--output", "y"])
