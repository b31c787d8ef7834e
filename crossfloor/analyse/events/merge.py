"""Mentions of one event in an article become one event: later mentions fill in what earlier
ones left out, each field as its type's spec says (FieldSpec.merge). An unnamed participant ('the
2019 recruit crossed the floor') joins the only named one of that type; one marked as another
('has also resigned as') stays apart.

Provenance: the merged event keeps the first mention's `found_by`; a field's `filled_by` follows
its value, so a value a later mention gave brings the rule that found it."""

from __future__ import annotations

from collections.abc import Callable

from ...people import same_person
from ...schema.events import spec
from .record import Event

NAME_KEYS = ("person", "by")


def same_name(a: str, b: str) -> bool:
    """'Jesse L. Jackson' and 'Jesse L. Jackson Jr.', 'Kilroy-Silk' and 'Robert Kilroy-Silk': two
    participants who can be one person (`people.same_person`)."""
    return same_person(a, b)


class Merger:
    """containing_offices: offices that hold others: resigning as transport minister is resigning
    from the government (data/events.json)."""

    def __init__(self, containing_offices: frozenset[str]):
        self.containing_offices = containing_offices
        self.rules: dict[str, Callable[[Event, Event, str], None]] = {
            "fill": fill,
            "longer": longer,
            "fuller": fuller,
            "telling": telling,
            "specific": self.specific,
            "union": union,
        }

    def __call__(self, events: list[Event], text: str = "") -> list[Event]:
        """One event per participant and change in an article (text: the article's)."""
        merged: list[Event] = []
        unnamed: list[Event] = []
        for event in sorted(events, key=lambda e: e.start):
            participant = spec(event.type).participant
            if participant and not getattr(event, participant):
                unnamed.append(event)
                continue
            into = None if event.distinct else next((m for m in merged if self.compatible(m, event)), None)
            told = None if into is not None else referred_back_to(event, merged, text)
            if into is not None:
                self.absorb(into, event)
            elif told is not None:
                add_evidence(told, event)  # only its sentence: its fields came through the pronoun
            else:
                merged.append(event)
        for event in unnamed:
            self.join_unnamed(event, merged)
        return merged

    def compatible(self, a: Event, b: Event) -> bool:
        if a.type != b.type or not keys_agree(a, b):
            return False
        for key in ("from_party", "to_party", "count"):
            x, y = getattr(a, key), getattr(b, key)
            if x and y and x.lower() != y.lower():
                return False
        if not self.compatible_office(a, b):
            return False
        return not (a.date_text and b.date_text and a.date_text.lower() != b.date_text.lower())

    def join_unnamed(self, event: Event, merged: list[Event]) -> None:
        if not event.unnamed:
            return  # nobody at all, not an unnamed somebody
        named = [m for m in merged if m.type == event.type and m.person]
        if len({m.person for m in named}) != 1:
            return
        into = next((m for m in named if compatible_parties(m, event) and self.compatible_office(m, event)), None)
        if into is not None:
            self.absorb(into, event)

    def compatible_office(self, a: Event, b: Event) -> bool:
        if not (a.office and b.office):
            return True
        x, y = a.office.lower(), b.office.lower()
        return x == y or x in self.containing_offices or y in self.containing_offices

    def absorb(self, into: Event, other: Event) -> None:
        dated = into.date_text is not None
        for field_spec in spec(into.type).merging():
            self.rules[field_spec.merge](into, other, field_spec.name)
        if not dated and into.date_text is not None:
            into.tense = other.tense  # the tense of the mention that gave the date
        if into.tense is None:
            into.tense = other.tense
        into.tellings = into.tellings + other.tellings
        add_evidence(into, other)

    def specific(self, into: Event, other: Event, name: str) -> None:
        """The post itself says more than 'the government'."""
        ours, theirs = getattr(into, name), getattr(other, name)
        if ours and theirs and ours.lower() in self.containing_offices:
            take(into, other, name)
        fill(into, other, name)


# The mark a noun trigger leaves on found_by ('noun:resignation'), and the participant route of
# a pronoun ('participants.pronoun'): together, a mention like 'his resignation'.
NOUN_TRIGGER = "noun:"
PRONOUN_ROUTE = "participants.pronoun"


def referred_back_to(event: Event, merged: list[Event], text: str) -> Event | None:
    """'He won't be involved after his resignation': a noun of the event whose participant is a
    pronoun names no new event when the article has told one of its type, of one person, before
    it; it refers back to that one (returned), whoever the pronoun resolver picked (often the
    last speaker). Not when the sentence names the one the pronoun was resolved to ('Robin Cook
    was paid for his book about his resignation'): the pronoun is bound there, not guessed."""
    participant = spec(event.type).participant
    if not (event.found_by or "").startswith(NOUN_TRIGGER) or event.filled_by.get(participant) != PRONOUN_ROUTE:
        return None
    resolved = (getattr(event, participant) or "").split()
    if resolved and resolved[-1] in text[event.start : event.end]:
        return None
    told = [m for m in merged if m.type == event.type and getattr(m, participant)]
    return told[-1] if len({getattr(m, participant) for m in told}) == 1 else None


def add_evidence(into: Event, other: Event) -> None:
    """The other mention's sentence among the event's evidence, once."""
    span = [other.start, other.end]
    if span not in into.evidence:
        into.evidence.append(span)


def keys_agree(a: Event, b: Event) -> bool:
    for key in spec(a.type).merge_keys:
        x, y = getattr(a, key), getattr(b, key)
        if key in NAME_KEYS and x and y:
            if not same_name(x, y):
                return False
        elif x != y:
            return False
    return True


def compatible_parties(a: Event, b: Event) -> bool:
    return all(not (getattr(a, k) and getattr(b, k)) or getattr(a, k) == getattr(b, k) for k in ("from_party", "to_party"))


def take(into: Event, other: Event, name: str) -> None:
    """The other mention's value, and the rule that found it."""
    setattr(into, name, getattr(other, name))
    if name in other.filled_by:
        into.filled_by[name] = other.filled_by[name]
    else:
        into.filled_by.pop(name, None)


def fill(into: Event, other: Event, name: str) -> None:
    if getattr(into, name) is None and getattr(other, name) is not None:
        take(into, other, name)


def longer(into: Event, other: Event, name: str) -> None:
    ours, theirs = getattr(into, name), getattr(other, name)
    if ours and theirs and len(theirs) > len(ours):
        take(into, other, name)


def fuller(into: Event, other: Event, name: str) -> None:
    """A name over a description: 'Jane Doe' over 'a local councillor'."""
    ours, theirs = getattr(into, name), getattr(other, name)
    if ours and theirs and theirs[:1].isupper() and len(theirs.split()) > len(ours.split()) and not ours[:1].isupper():
        take(into, other, name)


def telling(into: Event, other: Event, name: str) -> None:
    """Of two mentions' subtypes, the one that says more ('defection' over 'quit')."""
    rank = spec(into.type).subtype_order
    ours, theirs = getattr(into, name), getattr(other, name)
    if theirs and (ours is None or (theirs in rank and ours in rank and rank.index(theirs) < rank.index(ours))):
        take(into, other, name)


def union(into: Event, other: Event, name: str) -> None:
    ours, theirs = getattr(into, name), getattr(other, name)
    setattr(into, name, sorted(set(ours) | set(theirs)))
    if theirs and name not in into.filled_by and name in other.filled_by:
        into.filled_by[name] = other.filled_by[name]
