"""'..., declaring his career was in jeopardy: "I have no idea ..."': a report whose content ends
in the colon before a quotation the same cue carries introduces that quotation; one utterance,
one quote, so the report is dropped."""

from __future__ import annotations

from ...doctext import text_of
from ..record import Attribution
from ..state import AttributionState


def leads_in(state: AttributionState) -> None:
    state.found = [a for a in state.found if not leading_in(state, a)]


def leading_in(state: AttributionState, a: Attribution) -> bool:
    after = text_of(state.doc)[a.end : a.end + 4].lstrip()
    if not after.startswith(":"):
        return False
    return any(d.cue_token is not None and d.cue_token.i == a.cue_token.i and d.start > a.end for d in state.direct)
