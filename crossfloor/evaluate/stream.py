"""Precision on the ordinary stream of news, from judgments read by hand.

Annotated sets are chosen for their events and mostly measure recall. The stream set is
articles taken at random (a fixed seed), run through crossfloor, and every predicted event and a
random sample of predicted quotes read by hand (tests/gold/stream.judged.jsonl, conventions in
tests/gold/README.md). A judgment keeps what the reader found true of that stretch of text, not
just a verdict on one prediction, so a later run's predictions are scored against it too:

- an event judgment: its `type`, the sentence it was read from (`start`, `end`), `real` (the
  text states such an event), the `truth` (its key fields as they really are, and its `date` or
  `date_range` where the text fixes one) and `news` (new in the article, or history mentioned in
  passing);
- a quote judgment: its span, `is_quote` (reported speech), `speaker` (the right resolved
  speaker when it is one) and `span_ok`.

A prediction is judged when it falls on a judged stretch: an event of the same type whose span
overlaps a judged one, a quote whose words overlap a judged quote's (Jaccard >= 0.5). It is right
when the judgment says the event is real, its key fields agree with the truth (as the scorer
compares them) and it is news, or background the prediction marks as such (`news: false`); a quote is
right when it is a quote, its span is right and its speaker is the right one. Predictions on no
judged stretch are counted as unjudged, never as right.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..schema.events import SPECS
from .events import date_right, fields_agree
from .quotes import jaccard, speaker_right, words
from .rules import RuleTable, Tally


def tally_dict(tally: Tally) -> dict:
    """A tally as the stream figures print it: predictions made, judged, right, precision."""
    return {"predicted": tally.made, "judged": tally.judged, "right": tally.right, "precision": round(tally.precision, 4) if tally.judged else None}


@dataclass
class StreamScores:
    documents: int = 0
    events: dict[str, Tally] = field(default_factory=lambda: {t: Tally() for t in SPECS})
    quotes: dict[str, Tally] = field(default_factory=lambda: {k: Tally() for k in ("direct", "mixed", "indirect")})
    dated: Tally = field(default_factory=Tally)
    news_flag: Tally = field(default_factory=Tally)
    errors: list[dict] = field(default_factory=list)
    found_by: RuleTable = field(default_factory=lambda: RuleTable("predicted", "right", judged="judged"))

    def as_dict(self) -> dict:
        return {
            "documents": self.documents,
            "events": {t: tally_dict(v) for t, v in self.events.items()},
            "quotes": {k: tally_dict(v) for k, v in self.quotes.items()},
            "dates": tally_dict(self.dated),
            "news_flag": tally_dict(self.news_flag),
        }

    def by_rule(self) -> dict:
        return {"found_by": self.found_by.rows()}


def overlaps(a: dict, b: dict) -> bool:
    return a.get("start") is not None and b.get("start") is not None and a["start"] < b["end"] and b["start"] < a["end"]


def judged_event(judgments: list[dict], pred: dict) -> dict | None:
    return next((j for j in judgments if j["type"] == pred.get("type") and overlaps(j, pred)), None)


def event_real(judgment: dict, pred: dict) -> bool:
    """The judged event happened and the prediction's key fields agree with it."""
    return bool(judgment.get("real")) and fields_agree({"type": judgment["type"], **(judgment.get("truth") or {})}, pred)


def event_right(judgment: dict, pred: dict) -> bool:
    # History mentioned in passing is right only when the prediction says so.
    return event_real(judgment, pred) and pred.get("news", True) == judgment.get("news", True)


def judged_quote(judgments: list[dict], text: str, pred: dict) -> dict | None:
    """The judged quote whose words overlap the prediction's most, at least half (Jaccard)."""
    mine = words(text[pred["start"] : pred["end"]])
    overlap, best = max(((jaccard(mine, words(text[j["start"] : j["end"]])), k) for k, j in enumerate(judgments)), default=(0.0, None))
    return judgments[best] if best is not None and overlap >= 0.5 else None


def quote_right(judgment: dict, pred: dict) -> bool:
    if not judgment.get("is_quote") or not judgment.get("span_ok", True):
        return False
    return speaker_right("resolved", {"speaker": judgment.get("speaker")}, pred)


def score_stream(judged_docs: list[dict], predictions: dict[str, dict]) -> StreamScores:
    """judged_docs: stream judgment lines, each with its `text`; predictions: extract records by id."""
    scores = StreamScores()
    for doc in judged_docs:
        record = predictions.get(str(doc["id"]), {})
        scores.documents += 1
        score_events_of(scores, doc, record.get("events", []))
        score_quotes_of(scores, doc, record.get("quotes", []))
    return scores


def score_events_of(scores: StreamScores, doc: dict, events: list[dict]) -> None:
    for pred in events:
        tally = scores.events.setdefault(pred.get("type", "?"), Tally())
        tally.made += 1
        rule = pred.get("found_by") or "(unknown)"
        judgment = judged_event(doc.get("events", []), pred)
        scores.found_by.made(rule, judged=False)
        if judgment is None:
            scores.errors.append({"id": doc["id"], "kind": "unjudged event", "predicted": pred})
            continue
        right = event_right(judgment, pred)
        tally.judged += 1
        tally.right += right
        scores.found_by.judged(rule, right)
        if "news" in pred and judgment.get("real"):
            scores.news_flag.made += 1
            scores.news_flag.judged += 1
            scores.news_flag.right += pred["news"] == judgment.get("news", True)
        if (pred.get("date") or pred.get("date_range")) and judgment.get("real"):
            scores.dated.made += 1
            scores.dated.judged += 1
            scores.dated.right += date_right(judgment.get("truth") or {}, pred)
        if not right:
            scores.errors.append({"id": doc["id"], "kind": "wrong event", "predicted": pred, "judgment": judgment})


def score_quotes_of(scores: StreamScores, doc: dict, quotes: list[dict]) -> None:
    for pred in quotes:
        tally = scores.quotes.setdefault(pred.get("kind", "?"), Tally())
        tally.made += 1
        judgment = judged_quote(doc.get("quotes", []), doc["text"], pred)
        if judgment is None:
            continue
        right = quote_right(judgment, pred)
        tally.judged += 1
        tally.right += right
        if not right:
            scores.errors.append({"id": doc["id"], "kind": "wrong quote", "predicted": {k: pred.get(k) for k in ("start", "end", "kind", "speaker_resolved", "speaker", "cue", "found_by", "resolved_by")}, "judgment": judgment})
