"""'urged him to resign': the infinitive a verb of urging or promising takes."""

from __future__ import annotations

from ..clause import read_clauses
from ..content import infinitive_content
from ..state import AttributionState

NAME = "infinitive_complement"


def infinitive_complement(state: AttributionState) -> None:
    read_clauses(state, NAME, infinitive_content)
