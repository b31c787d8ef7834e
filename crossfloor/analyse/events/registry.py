"""The event types, by name, in the order their verb classifiers are tried. Adding a type is a
module with an `EventType` subclass, its section in data/events.json, and a line here."""

from __future__ import annotations

from .base import EventType
from .by_election_call import ByElectionCall
from .no_confidence_letter import NoConfidenceLetter
from .party_switch import PartySwitch
from .resignation import Resignation

REGISTRY: dict[str, type[EventType]] = {t.name: t for t in (PartySwitch, ByElectionCall, NoConfidenceLetter, Resignation)}
COMMON_FIELDS = ("type", "start", "end", "evidence", "trigger", "date", "date_range", "date_text", "status", "kb_person", "found_by", "filled_by")


def event_type(name: str) -> type[EventType]:
    return REGISTRY[name]


def names() -> tuple[str, ...]:
    return tuple(REGISTRY)


def view_fields() -> tuple[str, ...]:
    """Every field a canonical event of some type carries, in first-seen order."""
    return tuple(dict.fromkeys(f for t in REGISTRY.values() for f in t.view_fields))


def people_fields() -> tuple[str, ...]:
    return tuple(dict.fromkeys(f for t in REGISTRY.values() for f in t.people_fields))


def party_fields() -> tuple[str, ...]:
    return tuple(dict.fromkeys(f for t in REGISTRY.values() for f in t.party_fields))
