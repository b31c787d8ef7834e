"""'She added, "...', 'said "...': a speech verb right before the quotation (after a comma, or
none), with only its own words between them."""

from __future__ import annotations

from spacy.tokens import Token

from ..direct import attach_cue, cue_walking_back, lead_before
from ..state import AttributionState

NAME = "cue_before"


def cue_before(state: AttributionState) -> None:
    for a in list(state.unresolved_direct()):
        lead = lead_before(state, a.mark)
        if lead is None or lead.text == ":" or not (lead.text == "," or state.grammar.is_speech_verb(lead)):
            continue
        cue = speech_verb_before(state, lead)
        if cue is not None:
            attach_cue(state, a, cue, NAME)


def speech_verb_before(state: AttributionState, lead: Token) -> Token | None:
    grammar = state.grammar
    return cue_walking_back(state, lead, False, lambda tok, j: grammar.is_speech_verb(tok) and leads_to(tok, state.doc[j + 1 : lead.i]))


def leads_to(cue: Token, between) -> bool:
    """Only the cue's own words (or punctuation) stand between it and the quotation."""
    subtree = {t.i for t in cue.subtree}
    return all(t.i in subtree or t.is_punct or t.is_space for t in between)
