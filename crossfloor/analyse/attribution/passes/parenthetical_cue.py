"""'The new plan, the minister said, would cost far more': the attribution set off mid-sentence, its content on both sides."""

from __future__ import annotations

from ..clause import read_clauses
from ..content import parenthetical_content
from ..state import AttributionState

NAME = "parenthetical_cue"


def parenthetical_cue(state: AttributionState) -> None:
    read_clauses(state, NAME, parenthetical_content)
