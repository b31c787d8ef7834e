"""The records of the extract contract as rows and back: the one place that maps a quote or an
event onto its table. An event field with a column of its own goes there; any other field its
type declares goes into the event's `details` (JSON), so that a new event type, or a new field
of one, is stored and read back without a migration."""

from __future__ import annotations

from datetime import date

from ..schema.events import public_fields
from ..schema import QUOTE_FIELDS
from .schema import EventRow, QuoteRow

# Columns that hold no event field of their own name: keys and links, the quotes as row ids,
# the date as a day and its bounds, and the details themselves.
NOT_FIELDS = frozenset({"id", "article_id", "canonical_id", "quote_ids", "date", "date_first", "date_last", "details"})
EVENT_COLUMNS = tuple(column.key for column in EventRow.__mapper__.column_attrs if column.key not in NOT_FIELDS)
# Fields held by the columns above under other names, never in details.
HELD_APART = frozenset({"date", "date_range", "quotes"})


def quote_row(quote: dict) -> QuoteRow:
    return QuoteRow(**{k: quote.get(k) for k in QUOTE_FIELDS})


def quote_record(row: QuoteRow) -> dict:
    return {k: getattr(row, k) for k in QUOTE_FIELDS}


def event_row(event: dict) -> EventRow:
    """The row of an event record; its quotes (indices into the article's quotes) become row
    ids once the quotes are stored (Database.add_article)."""
    row = EventRow(**{k: event.get(k) for k in EVENT_COLUMNS})
    row.details = {k: v for k, v in event.items() if k not in EVENT_COLUMNS and k not in HELD_APART} or None
    if event.get("date"):
        row.date = row.date_first = row.date_last = date.fromisoformat(event["date"])
    elif event.get("date_range"):
        row.date_first, row.date_last = (date.fromisoformat(d) for d in event["date_range"])
    return row


def event_record(row: EventRow) -> dict:
    """The stored event as its record: its id, and the fields its type declares (a field the
    type gained after the event was stored reads as None)."""
    data = {k: getattr(row, k) for k in EVENT_COLUMNS}
    data.update(row.details or {})
    data["date"] = row.date.isoformat() if row.date else None
    data["date_range"] = [row.date_first.isoformat(), row.date_last.isoformat()] if row.date is None and row.date_first else None
    data["quotes"] = list(row.quote_ids or [])
    return {"id": row.id, **{k: data.get(k) for k in public_fields(row.type)}}
