"""Score extracted quotes against gold data (the JSONL format of ../shared/benchmarks/quotes).

Matching: a predicted quote matches a gold quote of the same document when their word sets have
Jaccard overlap >= the threshold (0.5); pairs are taken best first, each quote used once.
Exact-span scores compare (start, end) after trimming white space, punctuation and quote marks at
both edges, so '"Yes," he said' and 'Yes' are the same content span whichever convention the gold
uses for the marks.
Speakers are compared in one of two modes. "surface" (the default for gold that carries source
offsets, PolNeAR): the predicted mention is right when its span overlaps the gold one or the texts
agree, so "he" can be right. "resolved" (the default for gold that names people, the seeds and the
allsides development set; `--speakers resolved` forces it): the predicted resolved speaker must be
the gold person ("Trump" = "Donald J. Trump", ignoring case and honorifics) or, for a role or group
that the article never names ("Health Secretary", "Democrats"), share half its content words.
Venues agree when one's content words contain the other's ("CNN" = "an interview with CNN's
Anderson Cooper").
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..analyse.spanmodel import trim
from .names import WORD, normalise_name, same_person_or_role, same_venue
from .rules import RuleTable, resolver_of, rule_of

MAX_ERRORS = 2000


def words(text: str | None) -> set[str]:
    return {w.lower() for w in WORD.findall(text or "")}


def jaccard(x: set[str], y: set[str]) -> float:
    return len(x & y) / len(x | y) if x or y else 0.0


def trim_span(text: str, start: int | None, end: int | None) -> tuple[int, int] | None:
    return None if start is None or end is None else trim(text, start, end)


def match(gold: list[dict], pred: list[dict], threshold: float) -> list[tuple[int, int]]:
    pairs = []
    gold_words = [words(g["text"]) for g in gold]
    pred_words = [words(p["text"]) for p in pred]
    for gi, x in enumerate(gold_words):
        for pi, y in enumerate(pred_words):
            score = jaccard(x, y)
            if score >= threshold:
                pairs.append((score, gi, pi))
    pairs.sort(reverse=True)
    used_g, used_p, out = set(), set(), []
    for _, gi, pi in pairs:
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            out.append((gi, pi))
    return out


@dataclass
class PRF:
    tp: int = 0
    n_pred: int = 0
    n_gold: int = 0

    @property
    def precision(self) -> float:
        return self.tp / self.n_pred if self.n_pred else 0.0

    @property
    def recall(self) -> float:
        return self.tp / self.n_gold if self.n_gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "tp": self.tp,
            "predicted": self.n_pred,
            "gold": self.n_gold,
        }


@dataclass
class QuoteScores:
    overlap: PRF = field(default_factory=PRF)
    direct_mixed: PRF = field(default_factory=PRF)
    indirect: PRF = field(default_factory=PRF)
    content_exact: PRF = field(default_factory=PRF)
    source_exact: PRF = field(default_factory=PRF)
    cue_exact: PRF = field(default_factory=PRF)
    speaker_correct: int = 0
    matched: int = 0
    found_with_speaker: int = 0
    venue_correct: int = 0
    venue_gold: int = 0
    speaker_mode: str = "surface"
    unit: str = "piece"
    documents: int = 0
    errors: list[dict] = field(default_factory=list)
    # Per attribution pass: quotes predicted and matched to a gold quote; per speaker pass:
    # speakers resolved, those on matched quotes and those right (resolved-speaker scoring).
    found_by: RuleTable = field(default_factory=lambda: RuleTable("predicted", "matched"))
    resolved_by: RuleTable = field(default_factory=lambda: RuleTable("resolved", "speaker_right", judged="matched"))

    @property
    def spurious(self) -> int:
        return self.overlap.n_pred - self.overlap.tp

    def as_dict(self) -> dict:
        return {
            "documents": self.documents,
            "speaker_mode": self.speaker_mode,
            "unit": self.unit,
            "overlap": self.overlap.as_dict(),
            "direct_mixed": self.direct_mixed.as_dict(),
            "indirect": self.indirect.as_dict(),
            "speaker_accuracy": round(self.speaker_correct / self.matched, 4) if self.matched else 0.0,
            "with_right_speaker": PRF(self.found_with_speaker, self.overlap.n_pred, self.overlap.n_gold).as_dict(),
            "found_with_right_speaker": self.found_with_speaker,
            "gold_quotes": self.overlap.n_gold,
            "spurious": self.spurious,
            "exact": {
                "content": self.content_exact.as_dict(),
                "source": self.source_exact.as_dict(),
                "cue": self.cue_exact.as_dict(),
            },
            "venue_accuracy": round(self.venue_correct / self.venue_gold, 4) if self.venue_gold else None,
        }

    def by_rule(self) -> dict:
        """Precision per pass: the attribution pass that found each quote, the speaker pass that
        resolved it."""
        return {"found_by": self.found_by.rows(), "resolved_by": self.resolved_by.rows()}


def speaker_mode_of(gold_docs: list[dict]) -> str:
    for doc in gold_docs:
        for q in doc.get("quotes", []):
            if q.get("speaker_start") is not None:
                return "surface"
    return "resolved"


def speaker_right(mode: str, g: dict, p: dict) -> bool:
    if mode == "resolved":
        if not g.get("speaker"):
            return not p.get("speaker_resolved")
        return same_person_or_role(g["speaker"], p.get("speaker_resolved"))
    if g.get("speaker") in (None, ""):
        return not p.get("speaker")
    if p.get("speaker_start") is not None and g.get("speaker_start") is not None:
        if p["speaker_start"] < g["speaker_end"] and g["speaker_start"] < p["speaker_end"]:
            return True
    return normalise_name(g.get("speaker")) == normalise_name(p.get("speaker"))


def _spans(text: str, quotes: list[dict], start: str, end: str) -> set[tuple[int, int]]:
    out = set()
    for q in quotes:
        span = trim_span(text, q.get(start), q.get(end))
        if span:
            out.add(span)
    return out


def _add_exact(prf: PRF, gold: set, pred: set) -> None:
    prf.tp += len(gold & pred)
    prf.n_gold += len(gold)
    prf.n_pred += len(pred)


def annotates_utterances(gold_docs: list[dict]) -> bool:
    """Gold that annotates one attribution per utterance, with discontinuous fragments (PolNeAR)."""
    return any("fragments" in q for doc in gold_docs for q in doc.get("quotes", []))


def join_utterances(text: str, quotes: list[dict]) -> list[dict]:
    """Merge the pieces of each utterance into one quote spanning them (as fragment gold does)."""
    merged: list[dict] = []
    by_utterance: dict = {}
    for q in quotes:
        key = q.get("utterance")
        if key is None or key not in by_utterance:
            entry = dict(q)
            merged.append(entry)
            if key is not None:
                by_utterance[key] = entry
            continue
        entry = by_utterance[key]
        entry["start"], entry["end"] = min(entry["start"], q["start"]), max(entry["end"], q["end"])
        entry["text"] = text[entry["start"] : entry["end"]]
        if entry["kind"] != q["kind"]:
            entry["kind"] = "mixed"
        for field_name in ("speaker", "speaker_start", "speaker_end", "cue", "cue_start", "cue_end"):
            if entry.get(field_name) is None:
                entry[field_name] = q.get(field_name)
    return merged


def score(
    gold_docs: list[dict], predictions: dict[str, list[dict]], threshold: float = 0.5, unit: str = "auto", speakers: str = "auto"
) -> QuoteScores:
    """unit: 'piece' scores each predicted quote; 'utterance' merges the pieces of an utterance
    first; 'auto' picks 'utterance' for gold annotated with fragments. speakers: 'surface',
    'resolved', or 'auto' (from the gold, see the module's docstring)."""
    scores = QuoteScores(speaker_mode=speakers if speakers != "auto" else speaker_mode_of(gold_docs))
    scores.unit = unit if unit != "auto" else ("utterance" if annotates_utterances(gold_docs) else "piece")
    for doc in gold_docs:
        pred = predictions.get(str(doc["id"]), [])
        if scores.unit == "utterance":
            pred = join_utterances(doc["text"], pred)
        score_document(scores, doc, pred, threshold)
    return scores


DIRECT_KINDS = ("direct", "mixed")


def score_document(scores: QuoteScores, doc: dict, pred: list[dict], threshold: float) -> None:
    scores.documents += 1
    text = doc["text"]
    gold = doc.get("quotes", [])
    pairs = match(gold, pred, threshold)
    scores.overlap.tp += len(pairs)
    scores.overlap.n_gold += len(gold)
    scores.overlap.n_pred += len(pred)
    for subset, kinds in ((scores.direct_mixed, DIRECT_KINDS), (scores.indirect, ("indirect",))):
        subset.n_gold += sum(1 for g in gold if g.get("kind") in kinds)
        subset.n_pred += sum(1 for p in pred if p.get("kind") in kinds)
        subset.tp += sum(1 for gi, pi in pairs if gold[gi].get("kind") in kinds and pred[pi].get("kind") in kinds)
    for p in pred:
        scores.found_by.made(rule_of(p, "found_by"))
        scores.resolved_by.made(resolver_of(p), judged=False)
    for gi, pi in pairs:
        score_pair(scores, doc["id"], gold[gi], pred[pi])
    note_unmatched(scores, doc["id"], gold, pred, pairs)
    _add_exact(scores.content_exact, _spans(text, gold, "start", "end"), _spans(text, pred, "start", "end"))
    _add_exact(scores.source_exact, _spans(text, gold, "speaker_start", "speaker_end"), _spans(text, pred, "speaker_start", "speaker_end"))
    _add_exact(scores.cue_exact, _spans(text, gold, "cue_start", "cue_end"), _spans(text, pred, "cue_start", "cue_end"))


def score_pair(scores: QuoteScores, doc_id, g: dict, p: dict) -> None:
    """A matched quote: its speaker and venue."""
    scores.matched += 1
    right = speaker_right(scores.speaker_mode, g, p)
    scores.speaker_correct += right
    scores.found_with_speaker += right
    scores.found_by.right(rule_of(p, "found_by"))
    scores.resolved_by.judged(resolver_of(p), speaker_right("resolved", g, p))
    if "venue" in g:
        scores.venue_gold += 1
        scores.venue_correct += same_venue(g["venue"], p.get("venue"))
    if not right and len(scores.errors) < MAX_ERRORS:
        predicted = p.get("speaker_resolved" if scores.speaker_mode == "resolved" else "speaker")
        scores.errors.append({"id": doc_id, "kind": "speaker", "gold": g.get("speaker"), "predicted": predicted, "text": g["text"][:120]})


def note_unmatched(scores: QuoteScores, doc_id, gold: list[dict], pred: list[dict], pairs: list[tuple[int, int]]) -> None:
    matched_gold = {gi for gi, _ in pairs}
    matched_pred = {pi for _, pi in pairs}
    for gi, g in enumerate(gold):
        if gi not in matched_gold and len(scores.errors) < MAX_ERRORS:
            scores.errors.append({"id": doc_id, "kind": "missed", "gold": g.get("speaker"), "text": g["text"][:160]})
    for pi, p in enumerate(pred):
        if pi not in matched_pred and len(scores.errors) < MAX_ERRORS:
            scores.errors.append({"id": doc_id, "kind": "spurious", "predicted": p.get("speaker"), "text": p["text"][:160]})
