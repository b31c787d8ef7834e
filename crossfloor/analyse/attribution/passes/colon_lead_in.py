"""'He said: "...', 'told BBC Radio 4's Today Programme: "...': the cue of a lead-in ending in a
colon right before the quotation, as far back as the sentence (or the paragraph) it ends."""

from __future__ import annotations

from spacy.tokens import Token

from ..direct import attach_cue, ends_lead_in, lead_before, quoted_span
from ..state import AttributionState

NAME = "colon_lead_in"
# How far (in tokens) a cue may stand before the quotation it introduces.
ADJACENT_BEFORE = 30


def colon_lead_in(state: AttributionState) -> None:
    for a in list(state.unresolved_direct()):
        lead = lead_before(state, quoted_span(state.doc, a.mark))
        cue = lead_in_cue(state, lead) if lead is not None and lead.text == ":" else None
        if cue is not None:
            attach_cue(state, a, cue, NAME)


def lead_in_cue(state: AttributionState, colon: Token) -> Token | None:
    """Any cue verb of the lead-in, nearest the colon first."""
    i = colon.i
    for j in range(i, max(-1, i - ADJACENT_BEFORE), -1):
        tok = state.doc[j]
        if state.mark_of_token[j] >= 0 or (j < i and ends_lead_in(tok, True)):
            return None
        if state.grammar.is_cue_verb(tok):
            return tok
    return None
