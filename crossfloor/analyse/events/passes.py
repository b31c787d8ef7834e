"""The passes of the events component, in the order they run (see docs/architecture.md).

Trigger passes propose events: each type's own verb readings (`verb_readings`:
'party_loses_member'), then per type its trigger verbs (`<type>_verbs`), its trigger nouns
(`<type>_nouns`) and its scan of the text (`<type>_scan`), each type's from the hooks it
implements. A verb one verb pass has decided (found an event, or blocked) is not read by a later
one, so their order is the order types are tried. 'participant_from_lede' lets a lede's unnamed
subject ('A Conservative MP has defected') be the person the next sentence names. Then, event
by event in article order, each type's completions fill in what one sentence leaves out, and
its settlements take a last look at the article's events.

A name left out of the `passes` list switches that pass off; an unknown name is a ValueError."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from .registry import REGISTRY

if TYPE_CHECKING:
    from .base import EventType

PARTICIPANT_FROM_LEDE = "participant_from_lede"


def default_passes(types: Iterable[type[EventType]]) -> tuple[str, ...]:
    """Every pass the types give, in the order the events component ran them before passes had
    names."""
    types = list(types)
    return (
        *(p for t in types for p in t.verb_readings),
        *(f"{t.spec.name}_verbs" for t in types if t.reads_verbs()),
        *(f"{t.spec.name}_nouns" for t in types if t.reads_nouns()),
        *(f"{t.spec.name}_scan" for t in types if t.scans()),
        PARTICIPANT_FROM_LEDE,
        *(p for t in types for p in t.completions),
        *(p for t in types for p in t.settlements),
    )


def chosen_passes(passes: Iterable[str] | None, known: tuple[str, ...]) -> tuple[str, ...]:
    """The passes to run, in order: all known ones when None."""
    if passes is None:
        return known
    unknown = [p for p in passes if p not in known]
    if unknown:
        raise ValueError(f"unknown event pass(es) {', '.join(unknown)}; known: {', '.join(known)}")
    return tuple(passes)


DEFAULT_PASSES = default_passes(REGISTRY.values())
