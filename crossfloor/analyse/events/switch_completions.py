"""What the rest of an article adds to a party switch: the new party a founding names nearby, the
switcher's seat and former party from the cast, the former party the article names most, the new
party from the next sentence or the switcher's label, and the seat an event about the switch
gives. Each is a pass of its own (passes.py), run event by event in article order."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...schema.events import spec
from ..doctext import tokens_of
from .base import EventType
from .places import constituency_of

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from ..cast import Cast
    from .record import Event

INFERS_FORMER_PARTY = ("defection", "founded_new_party", "whip_withdrawn", "whip_resigned")


class SwitchCompletions(EventType):
    completions = (
        "founded_party_nearby",
        "switcher_seat",
        "former_party_from_cast",
        "former_party_most_named",
        "new_party_next_sentence",
        "new_party_from_label",
    )
    settlements = ("switch_seat_from_related",)

    def founded_party_nearby(self, doc: Doc, event: Event, events: list[Event], cast: Cast) -> None:
        """A new party founded and not named: the party named nearest, that the founder did not
        leave."""
        if event.subtype == "founded_new_party" and event.to_party is None:
            person = self.people.person_record(cast, event.person)
            left = {e.from_party for e in events if e.person == event.person} | {person.party if person else None}
            event.to_party = self.parties.nearest_party(doc, event.trigger_start or event.start, left)

    def switcher_seat(self, doc: Doc, event: Event, events: list[Event], cast: Cast) -> None:
        person = self.people.person_record(cast, event.person)
        if person is not None:
            event.seat = event.seat or person.seat or constituency_of(doc, person, self.lex)

    def former_party_from_cast(self, doc: Doc, event: Event, events: list[Event], cast: Cast) -> None:
        """The party the article gives the switcher, when it is not where they went."""
        person = self.people.person_record(cast, event.person)
        if person is not None and self.may_infer_former(event, events) and person.party and person.party != event.to_party:
            event.from_party = person.party

    def former_party_most_named(self, doc: Doc, event: Event, events: list[Event], cast: Cast) -> None:
        """A defection told only by where it went: the party the article names most besides."""
        if self.may_infer_former(event, events) and event.subtype in ("defection", "founded_new_party") and event.to_party:
            event.from_party = self.parties.other_party(doc, event.to_party)

    def may_infer_former(self, event: Event, events: list[Event]) -> bool:
        return event.from_party is None and not self.left_before(event, events) and event.subtype in INFERS_FORMER_PARTY

    def left_before(self, event: Event, events: list[Event]) -> bool:
        """'who left the party in 1997 and joined Labour in 1998': the join starts from no party."""
        return any(e is not event and e.type == self.name and e.person == event.person and e.to_party is None and e.start <= event.start for e in events)

    def new_party_next_sentence(self, doc: Doc, event: Event, events: list[Event], cast: Cast) -> None:
        if event.to_party is None and event.subtype in ("defection", "quit"):
            event.to_party = self.party_joined_next(doc, event)

    def new_party_from_label(self, doc: Doc, event: Event, events: list[Event], cast: Cast) -> None:
        """After a quit, the party label the article gives them now ('Rep. Justin Amash (I-MI)
        ... leaves the GOP')."""
        if event.to_party is None and event.subtype == "quit":
            person = self.people.person_record(cast, event.person)
            if person is not None and person.party and person.party != event.from_party:
                event.to_party = person.party

    def party_joined_next(self, doc: Doc, event: Event) -> str | None:
        """The new party told in the next sentence: '... defected from the Conservative Party.
        Lee crossed the room and took a seat with the Liberal Democrats.' The sentence must be
        about the switcher (named, or 'he'/'she') and name the party as where they went."""
        following = next_sentence(doc, event)
        if following is None:
            return None
        subject = next((c for c in following.root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None or not self.refers_to(subject, event.person):
            return None
        for tok in following:
            party = self.party_gone_to(doc, tok)
            if party and party != event.from_party:
                return party
        return None

    def party_gone_to(self, doc: Doc, tok: Token) -> str | None:
        """The party a word names as where someone went: 'with/to/as X', 'joined X'."""
        object_of = tok.head if tok.dep_ in ("pobj", "dobj") else None
        if object_of is None or not (object_of.lower_ in self.lex.prepositions["gone_to"] or object_of.lemma_.lower() in self.words["join_verbs"]):
            return None
        return self.parties.party_in(doc, tok, None) or self.parties.find(" ".join(t.text for t in tok.subtree))

    def refers_to(self, subject: Token, person: str | None) -> bool:
        if person is None:
            return False
        if subject.lower_ in self.words["singular_pronouns"]:
            return True
        return subject.pos_ == "PROPN" and subject.text.lower() == person.lower().split()[-1]

    def switch_seat_from_related(self, event: Event, events: list[Event]) -> None:
        """The seat an event about this switch gives (a by-election called over it), as that
        type's spec declares the relation."""
        if event.seat is None:
            event.seat = next((c.seat for c in events if self.is_about(c, event) and c.seat), None)

    def is_about(self, other: Event, event: Event) -> bool:
        about = spec(other.type).about
        return about is not None and about.kind == self.name and getattr(other, about.field) == event.person


def next_sentence(doc: Doc, event: Event) -> Span | None:
    """The first sentence with words after the one holding an event's trigger."""
    trigger = tokens_of(doc, (event.trigger_start, event.trigger_end)) if event.trigger_start is not None else None
    if trigger is None:
        return None
    following = trigger.sent
    while following.end < len(doc):
        following = doc[following.end].sent
        if following.text.strip():
            break
    if following == trigger.sent or not following.text.strip():
        return None
    return following
