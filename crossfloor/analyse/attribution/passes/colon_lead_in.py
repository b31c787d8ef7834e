"""'He said: "...', 'told BBC Radio 4's Today Programme: "...': the cue of a lead-in ending in a
colon right before the quotation, as far back as the sentence (or the paragraph) it ends."""

from __future__ import annotations

from spacy.tokens import Token

from ..direct import attach_cue, cue_walking_back, lead_before
from ..state import AttributionState

NAME = "colon_lead_in"


def colon_lead_in(state: AttributionState) -> None:
    for a in list(state.unresolved_direct()):
        lead = lead_before(state, a.mark)
        cue = lead_in_cue(state, lead) if lead is not None and lead.text == ":" else None
        if cue is not None:
            attach_cue(state, a, cue, NAME)


def lead_in_cue(state: AttributionState, colon: Token) -> Token | None:
    """Any cue verb of the lead-in, nearest the colon first."""
    return cue_walking_back(state, colon, True, lambda tok, _j: state.grammar.is_cue_verb(tok))
