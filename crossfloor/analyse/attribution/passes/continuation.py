"""Unattributed quotations take the speaker of the quote or report they continue: a fragment
inside a sentence only that of an attribution in the same sentence; a quotation that is a
sentence of its own that of the attribution just before it (at most a paragraph away; past one
whose source is a document or a body, to the person who spoke before it there), else of a
direct quotation just after it; a quotation left open at its paragraph's end takes first the
speaker of the quotation it runs on into."""

from __future__ import annotations

from ..direct import lead_before, lead_in_verb, standalone
from ..record import Attribution
from ..state import AttributionState

NAME = "continuation"


def continuation(state: AttributionState) -> None:
    text = state.text
    everything = sorted(state.direct + state.found, key=lambda a: a.start)
    for k, a in enumerate(everything):
        if a.kind != "direct" or a.is_attributed:
            continue
        previous = everything[k - 1] if k > 0 else None
        parent = continued(state, a, everything[:k]) if standalone(text, a) else continued_in_sentence(text, a, previous)
        if parent is not None and led_in_by_another(state, a, parent):
            parent = None
        if standalone(text, a) and (parent is None or runs_on(a)):
            parent = continued_by(text, a, everything[k + 1 :]) or parent
        if parent is not None:
            a.inherits_from = parent
            a.found_by = NAME


def led_in_by_another(state: AttributionState, a: Attribution, parent: Attribution) -> bool:
    """'Romney said ... The Biden campaign recycled a statement: "..."': a colon lead-in whose
    subject names someone (a proper noun) the previous report's source does not is about that
    one, not a continuation of the previous speaker; whose words they are is then left open,
    not guessed."""
    if a.mark is None:
        return False
    lead = lead_before(state, a.mark)
    verb = lead_in_verb(lead) if lead is not None and lead.text == ":" else None
    subject = state.grammar.subject_of(verb) if verb is not None else None
    if subject is None or subject.i > lead.i:  # 'According to X: "Y was ..."' has no subject of its own
        return False
    named = {t.lower_ for t in subject.subtree if t.pos_ == "PROPN"}
    known = {t.lower_ for t in parent.subject.subtree} if parent.subject is not None else set()
    return bool(named) and not named & known


def continued_in_sentence(text: str, a: Attribution, previous: Attribution | None) -> Attribution | None:
    """A fragment inside a sentence continues only an attribution of that sentence."""
    if previous is None or not previous.is_attributed:
        return None
    between = text[previous.end : a.start].strip("\"'”’` ")
    return previous if not any(c in ".!?\n" for c in between) else None


def continued(state: AttributionState, a: Attribution, before: list[Attribution]) -> Attribution | None:
    """The attribution just before, at most a paragraph away; but when that one's source is a
    document or a body ('..., according to research.'), the last one before it in that stretch
    whose source may be a person speaking: a report does not say the next paragraph's words."""
    # paragraph_gap(text, b.end, a.start) <= 1 exactly when b ends at or after this offset,
    # found once per quotation, not by reading the text between it and every report before it
    stretch = stretch_start(state.text, a.start)
    near = [b for b in before if b.is_attributed and b.end >= stretch]
    if not near or near[-1] is not before[-1]:
        return None
    impersonal = state.grammar.people.impersonal_heads
    # not a report inside another's words ('..., 1 in 4 adults said ..., says Ms Roe')
    outer = [b for b in near if not any(c is not b and c.start <= b.start and b.end <= c.end for c in near)]
    spoken = [b for b in outer if b.subject is None or b.subject.lemma_.lower() not in impersonal]
    return spoken[-1] if spoken else near[-1]


def stretch_start(text: str, pos: int) -> int:
    """The first offset from which at most a paragraph lies before pos (`paragraph_gap` <= 1):
    just after the line break before the nearest line with words, blank lines passed over,
    that ends before pos's own line."""
    line_break = text.rfind("\n", 0, pos)
    while line_break > 0:
        before = text.rfind("\n", 0, line_break)
        if text[before + 1 : line_break].strip():
            return before + 1
        line_break = before
    return 0


def runs_on(a: Attribution) -> bool:
    """A quotation left open at its paragraph's end runs on into the next paragraph's (the
    British and American style for a quotation of several paragraphs): its speaker is named
    where it ends, not before it."""
    return a.mark is not None and not a.mark.closed


def continued_by(text: str, a: Attribution, after: list[Attribution]) -> Attribution | None:
    """The quotation's speaker speaks next: '"It is over." / "We lost," she said.'"""
    following = next((b for b in after if b.is_attributed), None)
    if following is not None and following.kind == "direct" and paragraph_gap(text, a.end, following.start) <= 1 and following.inherits_from is None:
        return following
    return None


def paragraph_gap(text: str, start: int, end: int) -> int:
    between = text[start:end]
    return sum(1 for line in between.split("\n")[1:-1] if line.strip()) + (1 if "\n" in between else 0)
