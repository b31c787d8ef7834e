"""Evaluation runs: read gold data, get predictions (a file of extract output, or the pipeline
run on the gold texts) and score them. The command line prints what these return."""

from __future__ import annotations

import gzip
import json
from collections.abc import Sequence
from pathlib import Path

from ..settings import overriding
from .events import EventScores, score_events
from .quotes import QuoteScores, score
from .split import DEFAULT_SPLIT, Split, SplitProblem
from .stream import StreamScores, score_stream


class GoldProblem(Exception):
    """Gold data or predictions that cannot be read; the message is one line naming the file."""


def read_jsonl(path: Path, what: str) -> list[dict]:
    try:
        return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    except (OSError, json.JSONDecodeError, UnicodeDecodeError) as problem:
        raise GoldProblem(f"{path}: cannot read {what} ({problem})") from None


def in_part(docs: list[dict], gold: Path, part: str, split: Path) -> list[dict]:
    """The records of one part of the split ('all': every one)."""
    if part == "all":
        return docs
    try:
        return Split.load(split).select(docs, part, gold)
    except SplitProblem as problem:
        raise GoldProblem(str(problem)) from None


def read_gold(gold: Path, texts: Path | None = None, part: str = "all", split: Path = DEFAULT_SPLIT) -> list[dict]:
    """Gold records of one part of the split ('all', 'tune', 'validate'), each with its text:
    inline, read from texts/file, or taken by id from the corpus named by `source` (JSON Lines,
    compressed or not) and cut at `end`. Gold that keeps only offsets gets each quote's text
    from them."""
    docs = in_part(read_jsonl(gold, "gold data"), gold, part, split)
    base = texts or Path(".")
    from_corpora = [d for d in docs if "text" not in d and "source" in d]
    for source in {d["source"] for d in from_corpora}:
        fill_from_corpus(base / source, [d for d in from_corpora if d["source"] == source])
    for doc in docs:
        if "text" not in doc:
            path = base / doc.get("file", doc["id"])
            try:
                doc["text"] = path.read_text(encoding="utf-8")
            except OSError as problem:
                raise GoldProblem(f"{path}: cannot read the text of gold document {doc['id']} ({problem.strerror})") from None
        for quote in doc.get("quotes", []):
            quote.setdefault("text", doc["text"][quote["start"] : quote["end"]])
    return docs


def fill_from_corpus(path: Path, docs: list[dict]) -> None:
    """Give each gold document its text (up to its `end`) and date from the corpus record of its
    id. The corpus text is taken as it is stored, so the gold offsets stay offsets into it."""
    wanted = {str(d["id"]): d for d in docs}
    try:
        with gzip.open(path, "rt", encoding="utf-8") if path.suffix == ".gz" else path.open(encoding="utf-8") as lines:
            for line in lines:
                record = json.loads(line)
                doc = wanted.get(str(record.get("id")))
                if doc is not None and "text" not in doc:
                    doc["text"] = record["text"][: doc.get("end", len(record["text"]))]
                    doc.setdefault("published", record.get("published"))
    except (OSError, EOFError, json.JSONDecodeError, UnicodeDecodeError) as problem:
        raise GoldProblem(f"{path}: cannot read the corpus of the gold texts ({problem})") from None
    missing = [i for i, d in wanted.items() if "text" not in d]
    if missing:
        raise GoldProblem(f"{path}: {len(missing)} gold documents are not in this corpus (first: {missing[0]})")


def predict(gold_docs: list[dict], predictions: Path | None = None, processes: int | None = None, dated: bool = False, without: Sequence[str] | None = None) -> list[dict]:
    """extract records for the gold documents: read from predictions, else the pipeline's, with
    the passes `without` names switched off (None: as the settings say; empty: every pass on)."""
    if predictions:
        wanted = {str(d["id"]) for d in gold_docs}
        return [r for r in read_jsonl(predictions, "predictions") if str(r.get("id")) in wanted]
    from ..extraction import extract_lines

    fields = ("id", "text", "published") if dated else ("id", "text")
    lines = (json.dumps({k: d.get(k) for k in fields}) for d in gold_docs)
    # The workers are forked inside, so they build their pipeline with these passes.
    with overriding(without_passes=None if without is None else ",".join(without)):
        return list(extract_lines(lines, processes=processes))


def evaluate_quotes(
    gold: Path,
    predictions: Path | None = None,
    threshold: float = 0.5,
    unit: str = "auto",
    processes: int | None = None,
    speakers: str = "auto",
    texts: Path | None = None,
    without: Sequence[str] | None = None,
    part: str = "all",
    split: Path = DEFAULT_SPLIT,
    reference=None,
) -> QuoteScores:
    """reference: loaded reference data (link.reference.Reference) to apply before scoring (a
    speaker given as a post or seat becomes the record's holder when the article names them)."""
    gold_docs = read_gold(gold, texts, part, split)
    records = predict(gold_docs, predictions, processes, dated=True, without=without)
    link_records(gold_docs, records, reference)
    return score(gold_docs, {str(r["id"]): r["quotes"] for r in records}, threshold, unit, speakers)


def link_records(gold_docs: list[dict], records: list[dict], reference) -> None:
    """What the linker does at ingest, on predictions: the record applied to each article's
    people, quotes and events, in place (nothing without reference data)."""
    from ..read.formats import parse_date

    if reference is None:
        return
    published = {str(d["id"]): parse_date(d.get("published")) for d in gold_docs}
    for record in records:
        reference.link(published.get(str(record["id"])), record["quotes"], record["events"], record.get("people"))


def evaluate_events(
    gold: Path,
    texts: Path | None = None,
    predictions: Path | None = None,
    reference=None,
    processes: int | None = None,
    without: Sequence[str] | None = None,
    part: str = "all",
    split: Path = DEFAULT_SPLIT,
) -> EventScores:
    """reference: loaded reference data (link.reference.Reference) to apply before scoring."""
    gold_docs = read_gold(gold, texts, part, split)
    records = predict(gold_docs, predictions, processes, dated=True, without=without)
    link_records(gold_docs, records, reference)
    return score_events(gold_docs, {str(r["id"]): r["events"] for r in records})


def evaluate_stream(
    judged: Path,
    texts: Path | None = None,
    predictions: Path | None = None,
    processes: int | None = None,
    without: Sequence[str] | None = None,
    part: str = "all",
    split: Path = DEFAULT_SPLIT,
) -> StreamScores:
    """Precision on the stream set: predictions (read, or the pipeline's) scored against the
    judgments read by hand (evaluate/stream.py)."""
    judged_docs = read_gold(judged, texts, part, split)
    records = predict(judged_docs, predictions, processes, dated=True, without=without)
    return score_stream(judged_docs, {str(r["id"]): r for r in records})


# The figures `--without` sets beside the full pipeline's: a name, and where it sits in as_dict.
QUOTE_MEASURES = {
    "overlap (Jaccard>=0.5), all": ("overlap",),
    "overlap, direct+mixed": ("direct_mixed",),
    "overlap, indirect": ("indirect",),
    "overlap and right speaker": ("with_right_speaker",),
    "exact span, content": ("exact", "content"),
    "exact span, source": ("exact", "source"),
    "exact span, cue": ("exact", "cue"),
}


def event_measures(data: dict) -> dict[str, tuple[str, ...]]:
    return {"all": ("overall",), **{name: ("by_type", name) for name in data["by_type"]}}


def compare_runs(full: dict, without: dict, measures: dict[str, tuple[str, ...]]) -> list[dict]:
    """Each measure's precision, recall and F1 with every pass on, with some off, and the
    difference (without minus full: negative where the passes switched off had helped)."""
    rows = []
    for name, path in measures.items():
        before, after = full, without
        for key in path:
            before, after = before[key], after[key]
        if not (before["gold"] or before["predicted"] or after["predicted"]):
            continue
        figures = ("precision", "recall", "f1")
        rows.append({
            "measure": name,
            "full": {k: before[k] for k in (*figures, "tp", "predicted", "gold")},
            "without": {k: after[k] for k in (*figures, "tp", "predicted", "gold")},
            "difference": {k: round(after[k] - before[k], 4) for k in figures},
        })
    return rows


def evaluate_utterances(gold: Path, texts: Path | None = None, part: str = "all", split: Path = DEFAULT_SPLIT):
    """Joining and kinds of change on labelled pairs of quotations (evaluate/utterances.py); each
    quote's text is cut from its article in the corpus the pair names, by its offsets."""
    from .utterances import score_pairs

    pairs = in_part(read_jsonl(gold, "labelled pairs"), gold, part, split)
    base = texts or Path(".")
    for source in {p["source"] for p in pairs}:
        articles = [{"id": side["article"]} for p in pairs if p["source"] == source for side in (p["a"], p["b"])]
        by_id = {d["id"]: d for d in articles}
        fill_from_corpus(base / source, list(by_id.values()))
        for p in pairs:
            for side in (p["a"], p["b"]):
                side["text"] = by_id[side["article"]]["text"][side["start"] : side["end"]]
    return score_pairs(pairs)
