"""Every quotation-mark span (marks.py) that no report holds becomes a direct quotation; one a
clause pass handed over takes that pass's cue. The passes after it look for the others' cues."""

from __future__ import annotations

from ..direct import attach_cue, quoted_span
from ..record import Attribution
from ..state import AttributionState

NAME = "quotation_marks"


def quotation_marks(state: AttributionState) -> None:
    claimed = {id(m) for a in state.found for m in a.marks_inside}
    for i, mark in enumerate(state.marks):
        if id(mark) in claimed:
            continue
        span = quoted_span(state.doc, mark)
        if span is None or len(span) == 0:
            continue
        a = Attribution(mark.start, mark.end, kind="direct", mark=mark, found_by=NAME)
        handed = state.handed.get(i)
        if handed is not None:
            attach_cue(state, a, handed.verb, handed.found_by)
        state.direct.append(a)
