"""What every output shares, whatever draws it (the terminal, the web app, CSV and JSON files):
flat rows, CSV cells, one line saying what an event is, and its date."""

from __future__ import annotations

import csv
import io
import json

from .analyse.events.registry import REGISTRY

COLUMNS = ("article_id", "published", "speaker_resolved", "speaker", "kind", "text", "cue", "venue", "speaker_role", "speaker_party")


def rows_for(stored) -> list[dict]:
    """Flat rows of stored quotes or events, with their article's title, date and outlet."""
    return [
        {"article_id": s.article_id, "title": s.title, "published": s.published, "outlet": s.outlet, **s.record}
        for s in stored
    ]


def csv_fields(rows: list[dict]) -> list[str]:
    """Every key any row has, in first-seen order (events of different types differ)."""
    return list(dict.fromkeys(k for row in rows for k in row))


# A cell a spreadsheet would evaluate as a formula (OWASP, CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value):
    """Nested values (sources, date ranges) as JSON text; text that a spreadsheet would run as
    a formula gets a leading apostrophe, as OWASP advises (numbers stay numbers)."""
    if isinstance(value, (list, dict)):
        value = json.dumps(value, ensure_ascii=False)
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def csv_row(row: dict) -> dict:
    return {k: csv_cell(v) for k, v in row.items()}


def format_rows(rows: list[dict], fmt: str) -> str:
    if fmt == "json":
        return json.dumps(rows, ensure_ascii=False, indent=2)
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=csv_fields(rows) if rows else list(COLUMNS), restval="")
        writer.writeheader()
        writer.writerows(csv_row(r) for r in rows)
        return buffer.getvalue()
    raise ValueError(fmt)


def describe_event(e: dict) -> str:
    """One line saying what happened: 'Christian Wakeford: Conservative -> Labour (defection)'."""
    kind = REGISTRY.get(e["type"])
    return kind.describe(e) if kind is not None else e["type"]


def when(e: dict) -> str:
    if e.get("date"):
        return e["date"]
    if e.get("date_range"):
        first, last = e["date_range"]
        return f"{first}..{last}"
    return ""
