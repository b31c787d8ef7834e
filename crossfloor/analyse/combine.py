"""Rules and the trained tagger behind one extractor.

The rules read quotation marks exactly and know which verbs report speech, so direct and mixed
quotations come from them; the tagger (trained on PolNeAR) finds indirect speech and its cue and
source far better than clause rules do. Each model attribution becomes an Attribution like the
rules' own, so speaker resolution, venues and events treat both alike.
"""

from __future__ import annotations

from spacy.tokens import Doc

from .attribution import Attribution
from .doctext import text_of
from .marks import MarkSpan

# Rules first for every kind: on the seeds the tagger's indirect spans displaced right rule
# quotes; the tagger adds what the rules did not find.
RULE_KINDS = ("direct", "mixed", "indirect")
# Two content spans are one attribution when this share of the shorter lies inside the other.
SAME_CONTENT = 0.5


def kind_of(text: str, start: int, end: int, marks: list[MarkSpan]) -> str:
    """As the gold defines it: all word characters inside quotation marks = direct, none =
    indirect, else mixed."""
    near = [m for m in marks if m.start < end and m.end > start]
    inside = outside = 0
    for k in range(start, end):
        if text[k].isalnum():
            if any(m.start <= k < m.end for m in near):
                inside += 1
            else:
                outside += 1
    if inside and not outside:
        return "direct"
    return "mixed" if inside else "indirect"


def reports_speech(doc: Doc, a: Attribution, cues: frozenset[str]) -> bool:
    """The cue is a reporting word ('said', 'denied', 'claim', 'according to')."""
    span = doc.char_span(*a.cue, alignment_mode="expand") if a.cue else None
    if span is None:
        return False
    return span.text.lower().startswith("according to") or any(t.lemma_.lower() in cues for t in span)


# A content span the tagger cut short ends on a word that needs a following one ("thrown his
# entire career into"): a fragment, not something a person said.
DANGLING = frozenset({"ADP", "DET", "CCONJ", "SCONJ", "PART"})


def cut_short(doc: Doc, a: Attribution) -> bool:
    span = doc.char_span(a.start, a.end, alignment_mode="expand")
    return span is None or not len(span) or span[-1].pos_ in DANGLING


def overlap(a: Attribution, b: Attribution) -> bool:
    shared = min(a.end, b.end) - max(a.start, b.start)
    return shared > SAME_CONTENT * min(a.end - a.start, b.end - b.start)


def from_model(doc: Doc, found: dict, marks: list[MarkSpan]) -> Attribution | None:
    """An Attribution from a linked model prediction, with head tokens for the resolver."""
    a = Attribution(start=found["start"], end=found["end"], kind=kind_of(text_of(doc), found["start"], found["end"], marks), via="model")
    if found.get("cue_start") is not None:
        a.cue = (found["cue_start"], found["cue_end"])
        span = doc.char_span(*a.cue, alignment_mode="expand")
        a.cue_token = span.root if span is not None and len(span) else None
    if found.get("speaker_start") is not None:
        a.source = (found["speaker_start"], found["speaker_end"])
        span = doc.char_span(*a.source, alignment_mode="expand")
        a.subject = span.root if span is not None and len(span) else None
    return a


def adopt_source(a: Attribution, chosen_ids: set[int]) -> None:
    """A quote that continues one left out takes over that one's speaker and cue."""
    parent = a.inherits_from
    while parent is not None and id(parent) not in chosen_ids:
        a.subject, a.source = a.subject or parent.subject, a.source or parent.source
        a.cue, a.cue_token = a.cue or parent.cue, a.cue_token or parent.cue_token
        parent = parent.inherits_from
    a.inherits_from = parent


def combine(
    rules: list[Attribution], model: list[Attribution], rule_kinds: tuple[str, ...] = RULE_KINDS, other_rules: bool = True
) -> list[Attribution]:
    """Rule attributions of rule_kinds, then every model attribution that is not one of those,
    then (other_rules) the remaining rule attributions that the model did not find either."""
    chosen = [r for r in rules if r.kind in rule_kinds]
    taken = list(chosen)
    for m in model:
        if not any(overlap(m, t) for t in taken):
            taken.append(m)
    if other_rules:
        for r in rules:
            if r.kind not in rule_kinds and not any(overlap(r, t) for t in taken):
                taken.append(r)
    kept = {id(a) for a in taken}
    for a in taken:
        adopt_source(a, kept)
    return sorted(taken, key=lambda a: (a.start, a.end))
