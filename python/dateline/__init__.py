"""dateline: news stories in, event data out.

Who did what to whom, when, where, how many, and who says so, read from news
text or HTML into ``dateline/1`` records (plain dicts; see spec/output.md).

>>> import dateline
>>> record = dateline.extract("PARIS (Reuters) - Police arrested 12 protesters.", id="d1", language="en")
>>> record["doc"]["id"], record["doc"]["dateline"]["agency"]
('d1', 'Reuters')

Batches run in parallel in Rust without holding the GIL::

    records = dateline.extract_many(
        [{"id": "a", "text": "...", "published": "2024-03-01"}, "another story"],
        threads=4,
    )

Flat pandas tables (events with ACLED-style columns, quotes, casualties,
entities) are in :mod:`dateline.frames`; the Spark job in
:mod:`dateline.spark_job`.
"""

from __future__ import annotations

import datetime as _dt
import json as _json
import os as _os
from typing import Any, Dict, Iterable, Iterator, List, Mapping, Optional, Sequence, Union

from dateline import _native

__all__ = [
    "extract",
    "extract_json",
    "extract_many",
    "extract_many_json",
    "extract_files",
    "extract_warc",
    "__version__",
]

__version__: str = _native.__version__

Story = Union[str, bytes]
Item = Union[str, Mapping[str, Any]]
DateLike = Union[str, _dt.date]
PathLike = Union[str, "_os.PathLike[str]"]


def _optional_str(name: str, value: Any) -> Optional[str]:
    if value is None or isinstance(value, str):
        return value
    raise TypeError(f"{name} must be a str or None, not {type(value).__name__}")


def _date_str(value: Any) -> Optional[str]:
    # datetime is a subclass of date: its date part is what is meant.
    if isinstance(value, _dt.datetime):
        return value.date().isoformat()
    if isinstance(value, _dt.date):
        return value.isoformat()
    return _optional_str("published", value)


def _threads(threads: Any) -> Optional[int]:
    if threads is None:
        return None
    if isinstance(threads, bool) or not isinstance(threads, int):
        raise TypeError(f"threads must be an int or None, not {type(threads).__name__}")
    if threads < 1:
        raise ValueError(f"threads must be at least 1, not {threads}")
    return threads


def extract_json(
    story: Story,
    id: Optional[str] = None,
    url: Optional[str] = None,
    published: Optional[DateLike] = None,
    language: Optional[str] = None,
    *,
    title: Optional[str] = None,
    format: Optional[str] = None,
    origin: Optional[str] = None,
    no_text: bool = False,
) -> str:
    """Like :func:`extract`, but the record as a JSON string (no parsing in Python)."""
    if not isinstance(story, (str, bytes)):
        raise TypeError(f"the story must be str (text or HTML) or bytes, not {type(story).__name__}")
    return _native.extract_json(
        story,
        id=_optional_str("id", id),
        url=_optional_str("url", url),
        published=_date_str(published),
        language=_optional_str("language", language),
        title=_optional_str("title", title),
        format=_optional_str("format", format),
        origin=_optional_str("origin", origin),
        no_text=bool(no_text),
    )


def extract(
    story: Story,
    id: Optional[str] = None,
    url: Optional[str] = None,
    published: Optional[DateLike] = None,
    language: Optional[str] = None,
    *,
    title: Optional[str] = None,
    format: Optional[str] = None,
    origin: Optional[str] = None,
    no_text: bool = False,
) -> Dict[str, Any]:
    """Reads one story and returns its ``dateline/1`` record as a dict.

    ``story`` is text or HTML (told apart by content unless ``format`` is
    ``"text"`` or ``"html"``), as ``str`` or raw ``bytes`` (any encoding the
    engine detects). ``id`` defaults to a hash of the input; ``published``
    (``"2024-03-01"``, ``"2024-03"``, an ISO date-time or a ``datetime.date``)
    anchors relative dates; ``language`` (ISO 639-1) skips detection.
    ``origin`` names the input in the record's provenance. ``no_text`` leaves
    the text out of the record (spans still point into it).

    Raises ``TypeError`` for arguments of the wrong type and ``ValueError`` for
    a date, language or format that cannot be understood. Problems with the
    story itself (empty, binary, undecodable) are diagnostics in the record.
    """
    return _json.loads(
        extract_json(
            story, id, url, published, language, title=title, format=format, origin=origin, no_text=no_text
        )
    )


def _jsonl_line(index: int, item: Any) -> str:
    if isinstance(item, str):
        # A bare story: read like a JSON line's "input", text or HTML by content.
        return _json.dumps({"input": item}, ensure_ascii=False)
    if isinstance(item, Mapping):
        published = item.get("published")
        if isinstance(published, _dt.date):
            item = {**item, "published": _date_str(published)}
        try:
            return _json.dumps(item, ensure_ascii=False, default=_unserializable)
        except (TypeError, ValueError) as err:
            raise TypeError(f"item {index} of the batch cannot be read: {err}") from None
    raise TypeError(
        f"item {index} of the batch must be a str (a story) or a dict with the JSON Lines keys "
        f"(id, text or html, url, published, language, title), not {type(item).__name__}"
    )


def _unserializable(value: Any) -> Any:
    raise TypeError(f"{type(value).__name__} is not a JSON value")


def extract_many_json(
    items: Iterable[Item],
    threads: Optional[int] = None,
    *,
    origin: str = "python",
    no_text: bool = False,
) -> List[str]:
    """Like :func:`extract_many`, but records as JSON strings."""
    lines = [_jsonl_line(i, item) for i, item in enumerate(items)]
    return _native.extract_jsonl(lines, origin=str(origin), threads=_threads(threads), no_text=bool(no_text))


def extract_many(
    items: Iterable[Item],
    threads: Optional[int] = None,
    *,
    origin: str = "python",
    no_text: bool = False,
) -> List[Dict[str, Any]]:
    """Reads a batch of stories in parallel; returns their records in input order.

    Each item is a story (``str``, text or HTML) or a dict with the keys of
    ``dateline extract --input jsonl``: ``id``, ``text`` or ``html`` (or
    ``input`` with ``input_format``), ``url``, ``published``, ``language``,
    ``title``. The work runs in Rust on ``threads`` workers (default: all
    cores) without holding the GIL.

    Item ``i`` is read exactly as line ``i + 1`` of a JSON Lines file named
    ``origin`` would be by the CLI, so ``origin="-"`` gives the records of
    ``dateline extract --input jsonl -`` fed the same lines. A bad document
    (a date that is no date, a field of the wrong JSON type, no body) gives
    diagnostics in its record, not an exception; only items that are neither
    str nor dict, or hold values JSON cannot carry, raise ``TypeError``.
    """
    return [_json.loads(r) for r in extract_many_json(items, threads, origin=origin, no_text=no_text)]


def extract_files(
    paths: Union[PathLike, Sequence[PathLike]],
    format: Optional[str] = None,
    *,
    batch_docs: int = 256,
    threads: Optional[int] = None,
    no_text: bool = False,
    as_json: bool = False,
) -> Iterator[Union[Dict[str, Any], str]]:
    """Records of files, directories, JSON Lines, WARC archives (``.warc``,
    ``.warc.gz``) or RSS/Atom feeds, read as ``dateline extract`` reads them
    (same records), lazily in batches of ``batch_docs`` documents.

    ``format`` is ``"auto"`` (default), ``"text"``, ``"html"`` or ``"jsonl"``.
    A missing path raises ``OSError`` at once; damaged content becomes
    diagnostics. ``as_json=True`` yields JSON strings instead of dicts.
    """
    if isinstance(paths, (str, _os.PathLike)):
        paths = [paths]
    reader = _native.PathReader(
        [_os.fspath(p) for p in paths],
        format=_optional_str("format", format),
        batch_docs=int(batch_docs),
        threads=_threads(threads),
        no_text=bool(no_text),
    )
    return _records_of(reader, as_json)


def _records_of(reader: Any, as_json: bool) -> Iterator[Union[Dict[str, Any], str]]:
    # A generator of its own, so that extract_files checks its paths when called.
    for batch in reader:
        for record in batch:
            yield record if as_json else _json.loads(record)


def extract_warc(path: PathLike, **options: Any) -> Iterator[Union[Dict[str, Any], str]]:
    """Records of the HTML pages of one WARC file (see :func:`extract_files`)."""
    return extract_files([path], **options)
