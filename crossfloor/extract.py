"""Batch extraction without a database: JSON Lines in, JSON Lines out, one line per input line."""

from __future__ import annotations

import json
from collections import deque
from collections.abc import Iterable, Iterator

from .analyse.pipeline import build_pipeline
from .analyse.run import run_parallel


def parse_line(line: str, number: int) -> tuple[str | None, str, str | None]:
    """(id, text, error) for one input line."""
    try:
        record = json.loads(line)
    except json.JSONDecodeError as err:
        return None, "", f"line {number}: invalid JSON ({err.msg})"
    if not isinstance(record, dict):
        return None, "", f"line {number}: not a JSON object"
    doc_id = record.get("id")
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        return doc_id, "", f"line {number}: no 'text' field (or it is empty)"
    return doc_id, text, None


def extract_lines(lines: Iterable[str], processes: int | None = None) -> Iterator[dict]:
    """One output record per non-blank input line, in order: {"id", "quotes", "events"[, "error"]}."""
    pending: deque[tuple[str | None, str | None]] = deque()

    def texts() -> Iterator[str]:
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            doc_id, text, error = parse_line(line, number)
            pending.append((doc_id, error))
            yield text

    for quotes in run_parallel(texts(), build_pipeline, processes=processes):
        doc_id, error = pending.popleft()
        record = {"id": doc_id, "quotes": quotes, "events": []}
        if error:
            record["error"] = error
        yield record
