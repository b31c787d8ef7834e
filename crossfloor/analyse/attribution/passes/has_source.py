"""A report found from its cue is kept only when its cue has a source: content with no one
saying it is no attribution."""

from __future__ import annotations

from ..state import AttributionState


def has_source(state: AttributionState) -> None:
    state.found = [a for a in state.found if a.subject is not None]
