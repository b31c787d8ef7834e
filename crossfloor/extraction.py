"""Batch extraction without a database: JSON Lines in, JSON Lines out, one line per input line."""

from __future__ import annotations

import json
from collections import deque
from collections.abc import Iterable, Iterator
from datetime import date

from .analyse.pipeline import build_pipeline
from .analyse.run import run_parallel
from .read.formats import parse_date


def parse_line(line: str, number: int) -> tuple[str | None, str, date | None, str | None]:
    """(id, text, publication date, error) for one input line."""
    try:
        record = json.loads(line)
    except json.JSONDecodeError as err:
        return None, "", None, f"line {number}: invalid JSON ({err.msg})"
    if not isinstance(record, dict):
        return None, "", None, f"line {number}: not a JSON object"
    doc_id = record.get("id")
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        return doc_id, "", None, f"line {number}: no 'text' field (or it is empty)"
    published = parse_date(record.get("published") or record.get("date"))
    return doc_id, text, published, None


def extract_lines(lines: Iterable[str], processes: int | None = None) -> Iterator[dict]:
    """One output record per non-blank input line, in order: {"id", "quotes", "events"[, "error"]}.
    An input line may carry "published" (ISO date), which resolves relative event dates."""
    pending: deque[tuple[str | None, int, str | None]] = deque()

    def texts() -> Iterator[tuple[str, date | None]]:
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            doc_id, text, published, error = parse_line(line, number)
            pending.append((doc_id, number, error))
            yield text, published

    for result in run_parallel(texts(), build_pipeline, processes=processes):
        doc_id, number, error = pending.popleft()
        record = {"id": doc_id, **result.to_dict()}
        if error or result.error:
            record["error"] = error or f"line {number}: {result.error}"
        yield record
