"""Mentions of one event in an article become one event: later mentions fill in what earlier
ones left out. An unnamed participant ('the 2019 recruit crossed the floor') joins the only named
one of that type; one marked as another ('has also resigned as') stays apart."""

from __future__ import annotations

from ...people import same_person
from .record import Event
from .registry import REGISTRY

MERGE_FIELDS = ("from_party", "to_party", "seat", "office", "target", "by_party", "count", "against", "reason", "date_text")
NAME_KEYS = ("person", "by")
# Offices that hold others: resigning as transport minister is resigning from the government.
CONTAINING_OFFICES = frozenset({"government", "the government", "cabinet", "the cabinet", "frontbench", "front bench", "shadow cabinet", "the shadow cabinet"})


def same_name(a: str, b: str) -> bool:
    """'Jesse L. Jackson' and 'Jesse L. Jackson Jr.', 'Kilroy-Silk' and 'Robert Kilroy-Silk': two
    participants who can be one person (`people.same_person`)."""
    return same_person(a, b)


def keys_agree(a: Event, b: Event) -> bool:
    for key in REGISTRY[a.type].merge_keys:
        x, y = getattr(a, key), getattr(b, key)
        if key in NAME_KEYS and x and y:
            if not same_name(x, y):
                return False
        elif x != y:
            return False
    return True


def compatible(a: Event, b: Event) -> bool:
    if a.type != b.type or not keys_agree(a, b):
        return False
    for key in ("from_party", "to_party", "count"):
        x, y = getattr(a, key), getattr(b, key)
        if x and y and x.lower() != y.lower():
            return False
    if not compatible_office(a, b):
        return False
    return not (a.date_text and b.date_text and a.date_text.lower() != b.date_text.lower())


def merge_events(events: list[Event]) -> list[Event]:
    """One event per participant and change in an article."""
    merged: list[Event] = []
    unnamed: list[Event] = []
    for event in sorted(events, key=lambda e: e.start):
        participant = REGISTRY[event.type].participant
        if participant and not getattr(event, participant):
            unnamed.append(event)
            continue
        into = None if event.distinct else next((m for m in merged if compatible(m, event)), None)
        if into is None:
            merged.append(event)
        else:
            absorb(into, event)
    for event in unnamed:
        join_unnamed(event, merged)
    return merged


def join_unnamed(event: Event, merged: list[Event]) -> None:
    if not event.unnamed:
        return  # nobody at all, not an unnamed somebody
    named = [m for m in merged if m.type == event.type and m.person]
    if len({m.person for m in named}) != 1:
        return
    into = next((m for m in named if compatible_parties(m, event) and compatible_office(m, event)), None)
    if into is not None:
        absorb(into, event)


def compatible_office(a: Event, b: Event) -> bool:
    if not (a.office and b.office):
        return True
    x, y = a.office.lower(), b.office.lower()
    return x == y or x in CONTAINING_OFFICES or y in CONTAINING_OFFICES


def compatible_parties(a: Event, b: Event) -> bool:
    return all(not (getattr(a, k) and getattr(b, k)) or getattr(a, k) == getattr(b, k) for k in ("from_party", "to_party"))


def absorb(into: Event, other: Event) -> None:
    if into.office and other.office and into.office.lower() in CONTAINING_OFFICES:
        into.office = other.office  # the post itself says more than 'the government'
    for key in MERGE_FIELDS:
        if getattr(into, key) is None and getattr(other, key) is not None:
            setattr(into, key, getattr(other, key))
            if key == "date_text":
                into.tense = other.tense
    if into.tense is None:
        into.tense = other.tense
    if into.person and other.person and len(other.person) > len(into.person):
        into.person = other.person
    if into.by and other.by and other.by[:1].isupper() and len(other.by.split()) > len(into.by.split()) and not into.by[:1].isupper():
        into.by = other.by
    into.subtype = telling_subtype(into, other)
    span = [other.start, other.end]
    if span not in into.evidence:
        into.evidence.append(span)
    into.quotes = sorted(set(into.quotes) | set(other.quotes))


def telling_subtype(into: Event, other: Event) -> str | None:
    """Of two mentions' subtypes, the one that says more ('defection' over 'quit')."""
    rank = REGISTRY[into.type].subtype_order
    if other.subtype and (into.subtype is None or (other.subtype in rank and into.subtype in rank and rank.index(other.subtype) < rank.index(into.subtype))):
        return other.subtype
    return into.subtype
