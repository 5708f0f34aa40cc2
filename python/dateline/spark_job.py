"""dateline on Apache Spark: a corpus in, records and flat tables out as Parquet.

Run it with ``spark-submit`` (which takes a file, so ask Python where it is)::

    spark-submit --master local[4] \\
        $(python -c 'import dateline.spark_job as m; print(m.__file__)') \\
        --input news/*.jsonl --input-format jsonl --output out/

Inputs (``--input-format``):

* ``jsonl``: JSON Lines with the keys of ``dateline extract --input jsonl``
  (``id``, ``text`` or ``html``, ``url``, ``published``, ``language``,
  ``title``); ``.gz`` files too. Each line is read by the CLI's own reader, so a
  malformed line becomes a record with a ``bad-jsonl`` diagnostic.
* ``parquet``: tables with an ``id`` column and ``text`` and/or ``html``
  columns (optional ``url``, ``published``, ``language``, ``title``).
* ``warc-list``: text files listing WARC paths (``.warc`` / ``.warc.gz``),
  one per line, as Common Crawl's cc-pyspark does; each task reads its own
  archives with dateline's WARC reader. Paths must be readable by the
  executors (local disk or a shared/mounted file system).

Outputs under ``--output``: ``records/`` (``doc_id``, ``record`` = the
``dateline/1`` JSON, ``has_error``), then ``events/``, ``quotes/``,
``casualties/`` with the columns of :mod:`dateline.frames`. Documents are read
in Arrow batches by ``mapInArrow``: one call into Rust per batch, no Python work
per document. A document that cannot be read becomes a record with diagnostics
and, should a whole batch fail, every row of it gets an ``engine-failure``
diagnostic record: the job does not die on input.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any, Callable, Dict, Iterator, List, Optional, Sequence

RECORD_SCHEMA = "record string"
# Columns read from Parquet inputs, in the order extract_columns takes them.
TABLE_COLUMNS = ("id", "text", "html", "url", "published", "language", "title")


def _fatal(exc: BaseException) -> bool:
    return isinstance(exc, (KeyboardInterrupt, SystemExit, GeneratorExit, MemoryError))


def _failure_record(doc_id: Optional[str], origin: str, message: str) -> str:
    """A record for a document the engine could not read: its id and the reason, nothing else."""
    return json.dumps(
        {
            "schema": "dateline/1",
            "doc": {"id": doc_id, "origin": origin},
            "entities": [],
            "places": [],
            "quotes": [],
            "casualties": [],
            "events": [],
            "diagnostics": [{"level": "error", "code": "engine-failure", "message": message}],
        },
        ensure_ascii=False,
    )


def _guarded(run: Callable[[], List[str]], rows: int, ids: Sequence[Optional[str]], origin: str) -> List[str]:
    # The engine never fails on input by design; this is the belt to those braces.
    try:
        records = run()
        if len(records) == rows:
            return records
        message = f"{rows} rows gave {len(records)} records"
    except BaseException as exc:  # noqa: BLE001 - a Rust panic arrives as BaseException
        if _fatal(exc):
            raise
        message = f"{type(exc).__name__}: {exc}"
    return [_failure_record(ids[i] if i < len(ids) else None, f"{origin}:{i + 1}", message) for i in range(rows)]


def _record_batch(records: List[str]):
    import pyarrow as pa

    return pa.RecordBatch.from_arrays([pa.array(records, type=pa.string())], names=["record"])


def _batch_origin(prefix: str, number: int) -> str:
    from pyspark import TaskContext

    context = TaskContext.get()
    partition = context.partitionId() if context else 0
    return f"{prefix}-part{partition}-batch{number}"


def jsonl_lines_to_records(threads: int, no_text: bool):
    """mapInArrow function: a ``value`` column of JSON lines to records."""

    def run(batches: Iterator[Any]) -> Iterator[Any]:
        from dateline import _native

        for number, batch in enumerate(batches):
            lines = [line if line is not None else "" for line in batch.column("value").to_pylist()]
            origin = _batch_origin("jsonl", number)
            records = _guarded(
                lambda: _native.extract_jsonl(lines, origin=origin, threads=threads, no_text=no_text),
                len(lines),
                [],
                origin,
            )
            yield _record_batch(records)

    return run


def table_rows_to_records(threads: int, no_text: bool):
    """mapInArrow function: id/text/html/... columns to records."""

    def run(batches: Iterator[Any]) -> Iterator[Any]:
        from dateline import _native

        for number, batch in enumerate(batches):
            names = set(batch.schema.names)
            columns: Dict[str, Optional[List[Optional[str]]]] = {
                name: (batch.column(name).to_pylist() if name in names else None) for name in TABLE_COLUMNS
            }
            origin = _batch_origin("table", number)
            ids = columns["id"] or []
            records = _guarded(
                lambda: _native.extract_columns(
                    columns["id"],
                    columns["text"],
                    columns["html"],
                    urls=columns["url"],
                    published=columns["published"],
                    languages=columns["language"],
                    titles=columns["title"],
                    origin=origin,
                    threads=threads,
                    no_text=no_text,
                ),
                batch.num_rows,
                ids,
                origin,
            )
            yield _record_batch(records)

    return run


def warc_paths_to_records(threads: int, no_text: bool, batch_docs: int):
    """mapInArrow function: a ``value`` column of WARC paths to the records of their pages."""

    def run(batches: Iterator[Any]) -> Iterator[Any]:
        from dateline import _native

        for batch in batches:
            for path in batch.column("value").to_pylist():
                path = (path or "").strip()
                if not path or path.startswith("#"):
                    continue
                try:
                    reader = _native.PathReader([path], batch_docs=batch_docs, threads=threads, no_text=no_text)
                    for records in reader:
                        yield _record_batch(records)
                except BaseException as exc:  # noqa: BLE001 - one bad archive must not end the job
                    if _fatal(exc):
                        raise
                    yield _record_batch([_failure_record(path, path, f"{type(exc).__name__}: {exc}")])

    return run


def flat_rows(kind: str):
    """mapInArrow function: records to the rows of one flat table of dateline.frames."""

    def run(batches: Iterator[Any]) -> Iterator[Any]:
        import pyarrow as pa

        from dateline import frames

        rows_of, columns = _FLAT[kind]
        schema = pa.schema([(name, _ARROW_TYPES[kind_](pa)) for name, kind_ in columns])
        for batch in batches:
            records = []
            for text in batch.column("record").to_pylist():
                try:
                    records.append(json.loads(text))
                except (TypeError, ValueError):
                    continue
            rows = getattr(frames, rows_of)(records)
            yield pa.RecordBatch.from_pylist(rows, schema=schema)

    return run


_ARROW_TYPES = {
    "string": lambda pa: pa.string(),
    "double": lambda pa: pa.float64(),
    "long": lambda pa: pa.int64(),
    "boolean": lambda pa: pa.bool_(),
}


def _flat_tables():
    from dateline import frames

    return {
        "events": ("event_rows", frames.EVENT_COLUMNS),
        "quotes": ("quote_rows", frames.QUOTE_COLUMNS),
        "casualties": ("casualty_rows", frames.CASUALTY_COLUMNS),
    }


_FLAT = _flat_tables()
_SPARK_TYPES = {"string": "string", "double": "double", "long": "bigint", "boolean": "boolean"}


def _ddl(columns) -> str:
    return ", ".join(f"`{name}` {_SPARK_TYPES[kind]}" for name, kind in columns)


def records_frame(spark, inputs: Sequence[str], input_format: str, *, threads: int = 1,
                  no_text: bool = False, partitions: Optional[int] = None, batch_docs: int = 256):
    """The records of a corpus as a DataFrame (``doc_id``, ``record``, ``has_error``); lazy."""
    from pyspark.sql import functions as F

    if input_format == "jsonl":
        source = spark.read.text(list(inputs))
        if partitions:
            source = source.repartition(partitions)
        records = source.mapInArrow(jsonl_lines_to_records(threads, no_text), RECORD_SCHEMA)
    elif input_format == "parquet":
        source = spark.read.parquet(*inputs)
        wanted = [F.col(c).cast("string").alias(c) for c in TABLE_COLUMNS if c in source.columns]
        if not any(c in source.columns for c in ("text", "html")):
            raise ValueError(f"the Parquet input has neither a 'text' nor an 'html' column: {source.columns}")
        source = source.select(*wanted)
        if partitions:
            source = source.repartition(partitions)
        records = source.mapInArrow(table_rows_to_records(threads, no_text), RECORD_SCHEMA)
    elif input_format == "warc-list":
        source = spark.read.text(list(inputs))
        # One archive per task at most: archives are large and few.
        count = partitions or max(1, source.count())
        records = source.repartition(count).mapInArrow(
            warc_paths_to_records(threads, no_text, batch_docs), RECORD_SCHEMA
        )
    else:
        raise ValueError(f"input format must be jsonl, parquet or warc-list, not {input_format!r}")
    return records.select(
        F.get_json_object("record", "$.doc.id").alias("doc_id"),
        "record",
        F.col("record").contains('"level":"error"').alias("has_error"),
    )


def flat_frame(records, kind: str):
    """One flat table (``events``, ``quotes`` or ``casualties``) of a records DataFrame."""
    _, columns = _FLAT[kind]
    return records.select("record").mapInArrow(flat_rows(kind), _ddl(columns))


def run(spark, inputs: Sequence[str], input_format: str, output: str, *, threads: int = 1,
        no_text: bool = False, partitions: Optional[int] = None, batch_docs: int = 256) -> Dict[str, str]:
    """Writes ``records``, ``events``, ``quotes`` and ``casualties`` Parquet tables
    under ``output``; returns their paths. Records are written first and the flat
    tables read back from them, so the corpus is read once."""
    records_path = f"{output.rstrip('/')}/records"
    records_frame(
        spark, inputs, input_format, threads=threads, no_text=no_text, partitions=partitions, batch_docs=batch_docs
    ).write.mode("overwrite").parquet(records_path)
    written = {"records": records_path}
    records = spark.read.parquet(records_path)
    for kind in _FLAT:
        path = f"{output.rstrip('/')}/{kind}"
        flat_frame(records, kind).write.mode("overwrite").parquet(path)
        written[kind] = path
    return written


def _arguments(argv: Optional[Sequence[str]]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="dateline-spark",
        description="Read a news corpus with dateline on Spark; write records and event/quote/casualty tables as Parquet.",
    )
    parser.add_argument("--input", nargs="+", required=True, help="input paths (files, directories or globs)")
    parser.add_argument("--input-format", choices=["jsonl", "parquet", "warc-list"], default="jsonl")
    parser.add_argument("--output", required=True, help="output directory (overwritten)")
    parser.add_argument("--partitions", type=int, default=None, help="repartition the input into N tasks")
    parser.add_argument("--threads", type=int, default=1,
                        help="engine threads per task (match spark.task.cpus; default 1)")
    parser.add_argument("--batch-rows", type=int, default=1000, help="documents per Arrow batch")
    parser.add_argument("--no-text", action="store_true", help="leave document text out of the records")
    return parser.parse_args(argv)


def main(argv: Optional[Sequence[str]] = None) -> int:
    """Entry point of ``spark-submit .../spark_job.py --input ... --output ...``."""
    args = _arguments(argv)
    from pyspark.sql import SparkSession

    spark = (
        SparkSession.builder.appName("dateline")
        .config("spark.sql.execution.arrow.maxRecordsPerBatch", str(max(1, args.batch_rows)))
        .getOrCreate()
    )
    try:
        written = run(
            spark,
            args.input,
            args.input_format,
            args.output,
            threads=max(1, args.threads),
            no_text=args.no_text,
            partitions=args.partitions,
            batch_docs=max(1, args.batch_rows),
        )
        for kind, path in written.items():
            print(f"{kind}: {path}", file=sys.stderr)
    finally:
        spark.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
