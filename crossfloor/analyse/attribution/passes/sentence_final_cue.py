"""'A fresh vote should be held, the party chairman has said.': everything before the comma that closes the sentence with its attribution."""

from __future__ import annotations

from ..clause import read_clauses
from ..content import sentence_final_content
from ..state import AttributionState

NAME = "sentence_final_cue"


def sentence_final_cue(state: AttributionState) -> None:
    read_clauses(state, NAME, sentence_final_content)
