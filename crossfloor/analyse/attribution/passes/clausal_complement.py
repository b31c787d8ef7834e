"""'Sarah Jones warned (that) the party was heading for defeat': the clausal complement of a cue verb."""

from __future__ import annotations

from ..clause import read_clauses
from ..content import complement_content
from ..state import AttributionState

NAME = "clausal_complement"


def clausal_complement(state: AttributionState) -> None:
    read_clauses(state, NAME, complement_content)
