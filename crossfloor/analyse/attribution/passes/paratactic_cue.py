"""'The vote is lost, he says': a speech verb hung beside the clause it reports."""

from __future__ import annotations

from ..clause import read_clauses
from ..content import paratactic_content
from ..state import AttributionState

NAME = "paratactic_cue"


def paratactic_cue(state: AttributionState) -> None:
    read_clauses(state, NAME, paratactic_content)
