"""The analyse side of each event type, by name, in the order of the specs' registry
(crossfloor/schema/events.py), which is the order their verb classifiers are tried. Adding a type
is its spec there, a module with an `EventType` subclass here, its section in data/events.json,
and a line below."""

from __future__ import annotations

from .base import EventType
from .by_election_call import ByElectionCall
from .no_confidence_letter import NoConfidenceLetter
from .party_switch import PartySwitch
from .resignation import Resignation

REGISTRY: dict[str, type[EventType]] = {t.spec.name: t for t in (PartySwitch, ByElectionCall, NoConfidenceLetter, Resignation)}
