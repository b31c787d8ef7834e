"""Short quoted words are names, titles and scare quotes unless speech governs them ('rejecting
Mr Woodward's claim that ... "extremist"') or they are a whole utterance ("No."): such direct
quotations are dropped."""

from __future__ import annotations

from ..direct import standalone
from ..record import Attribution
from ..state import AttributionState
from . import (
    characterised_quotation,
    clausal_complement,
    colon_lead_in,
    cue_after,
    cue_before,
    governed_quotation,
    infinitive_complement,
    paratactic_cue,
    parenthetical_cue,
    sentence_final_cue,
    transcript_label,
)

# The passes that find a cue right beside the quotation (or read it as a cue's whole content)...
ADJACENT_CUE = frozenset(
    m.NAME
    for m in (parenthetical_cue, sentence_final_cue, clausal_complement, infinitive_complement, paratactic_cue, cue_after, colon_lead_in, cue_before)
)
# ...and those that find the verb or noun whose content holds a fragment.
GOVERNING_CUE = frozenset({governed_quotation.NAME, characterised_quotation.NAME})


def worth_reporting(state: AttributionState) -> None:
    state.direct = [a for a in state.direct if worth(state, a)]


def worth(state: AttributionState, a: Attribution) -> bool:
    if a.found_by == transcript_label.NAME:
        return True
    text, cues = state.text, state.grammar.cues
    title = is_title(text[a.start : a.end], cues.title_minor_words)
    if title and named_programme(text, a, cues.programme_lead_words):
        return False  # where it was said, even right after the quotation: '"...," she said on "Morning Joe."'
    parent = a.inherits_from
    if parent is not None and "\n" not in text[min(parent.end, a.start) : max(parent.start, a.start)]:
        return True  # the rest of a quotation split around its attribution: '"I would," she said. "I would."'
    if title and a.found_by not in ADJACENT_CUE:
        return False
    long = len(text[a.start : a.end].split()) >= state.grammar.min_unattributed_words
    if not a.is_attributed:
        return long and standalone(text, a)
    if long:
        return True
    if a.found_by in GOVERNING_CUE:
        cue = a.cue_token
        return cue is not None and (cue.pos_ == "NOUN" or state.grammar.lemma(cue) in cues.speech | cues.naming)
    return a.found_by in ADJACENT_CUE and text[a.start : a.end].rstrip()[-1:] in ",.!?"


def named_programme(text: str, a: Attribution, lead_words: frozenset[str]) -> bool:
    """'said on "Morning Joe."', 'told "Fox News Sunday"': a quoted title after the preposition
    or verb that names where something was said."""
    before = text[max(0, a.start - 12) : a.start].rstrip(" “\"'‘").lower()
    return before.endswith(tuple(f" {w}" for w in lead_words))


def is_title(quoted: str, minor: frozenset[str]) -> bool:
    """'The Steve Harvey Morning Show', 'Legend in the Coal Fields': every content word capitalised."""
    words = [w for w in quoted.strip(" ,.!?;:").split() if w[:1].isalpha()]
    return len(words) >= 2 and all(w[0].isupper() or w.lower() in minor for w in words) and words[0][0].isupper()
