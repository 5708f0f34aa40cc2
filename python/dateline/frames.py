"""Flat tables from ``dateline/1`` records: one row per event, quote, casualty
figure or entity, with references (``E1``, ``P2``...) resolved to names.

The row functions (``event_rows`` ...) need nothing but the standard library and
are what the Spark job uses; the ``*_frame`` functions wrap them in pandas
DataFrames (``pip install 'dateline[pandas]'``; pandas is imported lazily).

>>> import dateline
>>> from dateline.frames import events_frame
>>> records = dateline.extract_many(["PARIS (Reuters) - Police arrested 12 protesters on Monday."])
>>> events_frame(records).columns[:4].tolist()
['doc_id', 'event_id', 'event_date', 'event_type']

Events carry the ACLED-style columns (``event_date``, ``event_type``,
``sub_event_type``, ``actor1``, ``actor2``, ``country``, ``admin1``,
``location``, ``latitude``, ``longitude``, ``geo_precision``, ``source``,
``notes``, ``fatalities``) next to the PLOVER fields of the record. Values are
what the record says and nothing more: ``event_type`` and ``sub_event_type`` are
ACLED's categories in the record's snake case, ``country`` is an ISO 3166-1
alpha-3 code, ``admin1`` a GeoNames admin-1 code, ``event_date`` the event's own
date (``None`` when the story gives none: the publication date is in
``published``), and ``fatalities`` is ``None`` (not 0) when no count was read.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any, Dict, Iterable, List, Mapping, Optional, Sequence, Tuple, Union

if TYPE_CHECKING:  # pandas is optional: only type checkers import it here
    import pandas

Record = Mapping[str, Any]
RecordLike = Union[Record, str, bytes]

# Column name and its type ("string", "double", "long", "boolean"): the
# Spark job builds its Parquet schemas from these lists.
EVENT_COLUMNS: List[Tuple[str, str]] = [
    ("doc_id", "string"),
    ("event_id", "string"),
    ("event_date", "string"),
    ("event_type", "string"),
    ("sub_event_type", "string"),
    ("actor1", "string"),
    ("actor2", "string"),
    ("country", "string"),
    ("admin1", "string"),
    ("location", "string"),
    ("latitude", "double"),
    ("longitude", "double"),
    ("geo_precision", "string"),
    ("source", "string"),
    ("notes", "string"),
    ("fatalities", "long"),
    # PLOVER and the rest of the record's event.
    ("plover_type", "string"),
    ("mode", "string"),
    ("context", "string"),
    ("cameo", "string"),
    ("actor1_entity", "string"),
    ("actor1_country", "string"),
    ("actor1_sector", "string"),
    ("actor2_entity", "string"),
    ("actor2_country", "string"),
    ("actor2_sector", "string"),
    ("date_precision", "string"),
    ("negated", "boolean"),
    ("modality", "string"),
    ("reported_by", "string"),
    ("injured", "long"),
    ("arrested", "long"),
    ("participants", "long"),
    ("confidence", "double"),
    ("rule", "string"),
    ("trigger", "string"),
    ("published", "string"),
    ("language", "string"),
    ("url", "string"),
]

QUOTE_COLUMNS: List[Tuple[str, str]] = [
    ("doc_id", "string"),
    ("quote_id", "string"),
    ("text", "string"),
    ("kind", "string"),
    ("speaker", "string"),
    ("speaker_entity", "string"),
    ("speaker_text", "string"),
    ("speaker_country", "string"),
    ("speaker_sector", "string"),
    ("cue", "string"),
    ("start", "long"),
    ("end", "long"),
    ("published", "string"),
    ("language", "string"),
    ("url", "string"),
]

CASUALTY_COLUMNS: List[Tuple[str, str]] = [
    ("doc_id", "string"),
    ("casualty_id", "string"),
    ("kind", "string"),
    ("min", "long"),
    ("max", "long"),
    ("approximate", "boolean"),
    ("group", "string"),
    ("group_role", "string"),
    ("reported_by", "string"),
    ("event_id", "string"),
    ("event_type", "string"),
    ("location", "string"),
    ("country", "string"),
    ("latitude", "double"),
    ("longitude", "double"),
    ("text", "string"),
    ("published", "string"),
    ("language", "string"),
    ("url", "string"),
]

ENTITY_COLUMNS: List[Tuple[str, str]] = [
    ("doc_id", "string"),
    ("entity_id", "string"),
    ("type", "string"),
    ("name", "string"),
    ("kb", "string"),
    ("country", "string"),
    ("sector", "string"),
    ("role", "string"),
    ("mentions", "long"),
    ("first_mention", "string"),
    ("language", "string"),
]

# Joins several actors (or sources) in one ACLED-style cell.
JOIN = "; "


def _as_record(record: RecordLike) -> Record:
    if isinstance(record, (str, bytes, bytearray)):
        record = json.loads(record)
    if not isinstance(record, Mapping):
        raise TypeError(f"a record must be a dict or a JSON string, not {type(record).__name__}")
    return record


class _Doc:
    """One record's lookups: ids to entities and places, spans to text."""

    __slots__ = ("doc", "entities", "places", "events", "_text")

    def __init__(self, record: Record) -> None:
        self.doc: Mapping[str, Any] = record.get("doc") or {}
        self.entities = {e.get("id"): e for e in record.get("entities") or ()}
        self.places = {p.get("id"): p for p in record.get("places") or ()}
        self.events = {v.get("id"): v for v in record.get("events") or ()}
        self._text: Optional[bytes] = None

    def span_text(self, span: Optional[Sequence[int]]) -> Optional[str]:
        """The text a span covers (spans are UTF-8 byte offsets); None without text."""
        if not span or len(span) != 2:
            return None
        if self._text is None:
            text = self.doc.get("text")
            if not isinstance(text, str):
                return None
            self._text = text.encode("utf-8")
        start, end = span
        if not (0 <= start <= end <= len(self._text)):
            return None
        return self._text[start:end].decode("utf-8", errors="replace")

    def entity_name(self, entity_id: Optional[str]) -> Optional[str]:
        entity = self.entities.get(entity_id) if entity_id else None
        return entity.get("name") if entity else None

    def place(self, place_id: Optional[str]) -> Mapping[str, Any]:
        return (self.places.get(place_id) if place_id else None) or {}

    def common(self) -> Dict[str, Any]:
        return {
            "published": self.doc.get("published"),
            "language": self.doc.get("language"),
            "url": self.doc.get("url"),
        }


def _joined(values: Iterable[Optional[str]]) -> Optional[str]:
    seen: List[str] = []
    for value in values:
        if value and value not in seen:
            seen.append(value)
    return JOIN.join(seen) if seen else None


def _participants(doc: _Doc, participants: Sequence[Mapping[str, Any]], key: str) -> Optional[str]:
    if key == "name":
        return _joined(doc.entity_name(p.get("entity")) or p.get("text") for p in participants)
    return _joined(p.get(key) for p in participants)


def _source(doc: _Doc) -> Optional[str]:
    dateline = doc.doc.get("dateline") or {}
    return _joined([doc.doc.get("publisher"), dateline.get("agency")] + [s.get("name") for s in doc.doc.get("sources") or ()])


def event_rows(records: Iterable[RecordLike]) -> List[Dict[str, Any]]:
    """One dict per event of every record, with the keys of ``EVENT_COLUMNS``."""
    rows = []
    for record in records:
        record = _as_record(record)
        doc = _Doc(record)
        doc_id = doc.doc.get("id")
        source = _source(doc)
        common = doc.common()
        for event in record.get("events") or ():
            acled = event.get("acled") or {}
            place = doc.place(event.get("place"))
            size = event.get("size") or {}
            actors = event.get("actor") or []
            recipients = event.get("recipient") or []
            evidence = event.get("evidence") or {}
            rows.append(
                {
                    "doc_id": doc_id,
                    "event_id": event.get("id"),
                    "event_date": event.get("date"),
                    "event_type": acled.get("event_type"),
                    "sub_event_type": acled.get("sub_event_type"),
                    "actor1": _participants(doc, actors, "name"),
                    "actor2": _participants(doc, recipients, "name"),
                    "country": place.get("country"),
                    "admin1": place.get("admin1"),
                    "location": place.get("name"),
                    "latitude": place.get("lat"),
                    "longitude": place.get("lon"),
                    "geo_precision": place.get("precision"),
                    "source": source,
                    "notes": doc.span_text(evidence.get("sentence")),
                    "fatalities": size.get("dead"),
                    "plover_type": event.get("type"),
                    "mode": event.get("mode"),
                    "context": _joined(event.get("context") or ()),
                    "cameo": event.get("cameo"),
                    "actor1_entity": _participants(doc, actors, "entity"),
                    "actor1_country": _participants(doc, actors, "country"),
                    "actor1_sector": _participants(doc, actors, "sector"),
                    "actor2_entity": _participants(doc, recipients, "entity"),
                    "actor2_country": _participants(doc, recipients, "country"),
                    "actor2_sector": _participants(doc, recipients, "sector"),
                    "date_precision": event.get("date_precision"),
                    "negated": event.get("negated"),
                    "modality": event.get("modality"),
                    "reported_by": doc.entity_name(event.get("reported_by")),
                    "injured": size.get("injured"),
                    "arrested": size.get("arrested"),
                    "participants": size.get("participants"),
                    "confidence": event.get("confidence"),
                    "rule": event.get("rule"),
                    "trigger": doc.span_text(evidence.get("trigger")),
                    **common,
                }
            )
    return rows


def quote_rows(records: Iterable[RecordLike]) -> List[Dict[str, Any]]:
    """One dict per quote of every record, with the keys of ``QUOTE_COLUMNS``."""
    rows = []
    for record in records:
        record = _as_record(record)
        doc = _Doc(record)
        common = doc.common()
        for quote in record.get("quotes") or ():
            speaker = doc.entities.get(quote.get("speaker")) or {}
            span = quote.get("span") or [None, None]
            rows.append(
                {
                    "doc_id": doc.doc.get("id"),
                    "quote_id": quote.get("id"),
                    "text": quote.get("text"),
                    "kind": quote.get("kind"),
                    "speaker": speaker.get("name"),
                    "speaker_entity": quote.get("speaker"),
                    "speaker_text": doc.span_text(quote.get("speaker_span")),
                    "speaker_country": speaker.get("country"),
                    "speaker_sector": speaker.get("sector"),
                    "cue": quote.get("cue"),
                    "start": span[0] if len(span) == 2 else None,
                    "end": span[1] if len(span) == 2 else None,
                    **common,
                }
            )
    return rows


def casualty_rows(records: Iterable[RecordLike]) -> List[Dict[str, Any]]:
    """One dict per casualty figure of every record, with the keys of ``CASUALTY_COLUMNS``."""
    rows = []
    for record in records:
        record = _as_record(record)
        doc = _Doc(record)
        common = doc.common()
        for casualty in record.get("casualties") or ():
            place = doc.place(casualty.get("place"))
            event = doc.events.get(casualty.get("event")) or {}
            rows.append(
                {
                    "doc_id": doc.doc.get("id"),
                    "casualty_id": casualty.get("id"),
                    "kind": casualty.get("kind"),
                    "min": casualty.get("min"),
                    "max": casualty.get("max"),
                    "approximate": casualty.get("approximate"),
                    "group": casualty.get("group"),
                    "group_role": casualty.get("group_role"),
                    "reported_by": doc.entity_name(casualty.get("reported_by")),
                    "event_id": casualty.get("event"),
                    "event_type": (event.get("acled") or {}).get("event_type"),
                    "location": place.get("name"),
                    "country": place.get("country"),
                    "latitude": place.get("lat"),
                    "longitude": place.get("lon"),
                    "text": doc.span_text(casualty.get("span")),
                    **common,
                }
            )
    return rows


def entity_rows(records: Iterable[RecordLike]) -> List[Dict[str, Any]]:
    """One dict per entity of every record, with the keys of ``ENTITY_COLUMNS``."""
    rows = []
    for record in records:
        record = _as_record(record)
        doc = _Doc(record)
        for entity in record.get("entities") or ():
            mentions = entity.get("mentions") or []
            rows.append(
                {
                    "doc_id": doc.doc.get("id"),
                    "entity_id": entity.get("id"),
                    "type": entity.get("type"),
                    "name": entity.get("name"),
                    "kb": entity.get("kb"),
                    "country": entity.get("country"),
                    "sector": entity.get("sector"),
                    "role": entity.get("role"),
                    "mentions": len(mentions),
                    "first_mention": doc.span_text(mentions[0]) if mentions else None,
                    "language": doc.doc.get("language"),
                }
            )
    return rows


_PANDAS_DTYPES = {"string": "object", "double": "float64", "long": "Int64", "boolean": "boolean"}


def _frame(rows: List[Dict[str, Any]], columns: List[Tuple[str, str]]) -> "pandas.DataFrame":
    try:
        import pandas as pd
    except ImportError as err:  # pragma: no cover - depends on the environment
        raise ImportError("dateline.frames needs pandas: pip install 'dateline[pandas]'") from err
    frame = pd.DataFrame.from_records(rows, columns=[name for name, _ in columns])
    # Nullable dtypes: an unknown count stays missing instead of becoming NaN or 0.
    return frame.astype({name: _PANDAS_DTYPES[kind] for name, kind in columns})


def events_frame(records: Iterable[RecordLike]) -> "pandas.DataFrame":
    """Events of the records as a pandas DataFrame (columns: ``EVENT_COLUMNS``)."""
    return _frame(event_rows(records), EVENT_COLUMNS)


def quotes_frame(records: Iterable[RecordLike]) -> "pandas.DataFrame":
    """Quotes of the records as a pandas DataFrame (columns: ``QUOTE_COLUMNS``)."""
    return _frame(quote_rows(records), QUOTE_COLUMNS)


def casualties_frame(records: Iterable[RecordLike]) -> "pandas.DataFrame":
    """Casualty figures of the records as a pandas DataFrame (columns: ``CASUALTY_COLUMNS``)."""
    return _frame(casualty_rows(records), CASUALTY_COLUMNS)


def entities_frame(records: Iterable[RecordLike]) -> "pandas.DataFrame":
    """Entities of the records as a pandas DataFrame (columns: ``ENTITY_COLUMNS``)."""
    return _frame(entity_rows(records), ENTITY_COLUMNS)
