"""Evaluation runs: read gold data, get predictions (a file of extract output, or the pipeline
run on the gold texts) and score them. The command line prints what these return."""

from __future__ import annotations

import json
from pathlib import Path

from .events import EventScores, score_events
from .quotes import QuoteScores, score


class GoldProblem(Exception):
    """Gold data or predictions that cannot be read; the message is one line naming the file."""


def read_jsonl(path: Path, what: str) -> list[dict]:
    try:
        return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    except (OSError, json.JSONDecodeError, UnicodeDecodeError) as problem:
        raise GoldProblem(f"{path}: cannot read {what} ({problem})") from None


def read_gold(gold: Path, texts: Path | None = None) -> list[dict]:
    """Gold records, each with its text (inline, or read from texts/file)."""
    docs = read_jsonl(gold, "gold data")
    for doc in docs:
        if "text" not in doc:
            path = (texts or Path(".")) / doc.get("file", doc["id"])
            try:
                doc["text"] = path.read_text(encoding="utf-8")
            except OSError as problem:
                raise GoldProblem(f"{path}: cannot read the text of gold document {doc['id']} ({problem.strerror})") from None
    return docs


def predict(gold_docs: list[dict], predictions: Path | None = None, processes: int | None = None, dated: bool = False) -> list[dict]:
    """extract records for the gold documents: read from predictions, else the pipeline's."""
    if predictions:
        return read_jsonl(predictions, "predictions")
    from ..extraction import extract_lines

    fields = ("id", "text", "published") if dated else ("id", "text")
    lines = (json.dumps({k: d.get(k) for k in fields}) for d in gold_docs)
    return list(extract_lines(lines, processes=processes))


def evaluate_quotes(gold: Path, predictions: Path | None = None, threshold: float = 0.5, unit: str = "auto", processes: int | None = None) -> QuoteScores:
    gold_docs = read_gold(gold)
    records = predict(gold_docs, predictions, processes)
    return score(gold_docs, {str(r["id"]): r["quotes"] for r in records}, threshold, unit)


def evaluate_events(gold: Path, texts: Path | None = None, predictions: Path | None = None, reference=None, processes: int | None = None) -> EventScores:
    """reference: loaded reference data (link.reference.Reference) to apply before scoring."""
    from ..read.formats import parse_date

    gold_docs = read_gold(gold, texts)
    records = predict(gold_docs, predictions, processes, dated=True)
    if reference is not None:
        published = {str(d["id"]): parse_date(d.get("published")) for d in gold_docs}
        for record in records:
            reference.link(published.get(str(record["id"])), record["quotes"], record["events"])
    return score_events(gold_docs, {str(r["id"]): r["events"] for r in records})
