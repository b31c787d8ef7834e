"""Resignations: 'resigned as Home Secretary', 'stepped down', 'stood down', 'quit the cabinet',
'vacated the seat', 'the resignation of immigration minister Beverley Hughes'."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .base import EventType, Key
from .syntax import noun_phrase, phrase_text, prep_object

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from ..cast import Cast, Speaker
    from .finder import EventFinder
    from .record import Event


class Resignation(EventType):
    name = "resignation"
    fields = ("person", "office", "seat", "reason")
    view_fields = ("person", "office", "seat")
    people_fields = ("person",)
    party_fields = ()
    participant = "person"
    merge_keys = ("person",)
    link_column = "person_id"
    agree_fields = ("office",)
    score_keys = (Key("person", "person"), Key("office", "actor", optional=True))

    @classmethod
    def describe(cls, event: dict) -> str:
        return f"{event.get('person')} resigned" + (f" as/from {event['office']}" if event.get("office") else "")

    @property
    def trigger_verbs(self) -> frozenset[str]:
        return self.words["verbs"] | frozenset(self.words["phrasal"]) | self.words["leave_offices"]

    @property
    def trigger_nouns(self) -> frozenset[str]:
        return self.words["nouns"]

    def classify_verb(self, finder: EventFinder, doc: Doc, verb: Token, obj: Token | None, passive: bool) -> str | None:
        lemma = verb.lemma_.lower()
        w = self.words
        if lemma in w["verbs"] or lemma in w["leave_verbs"]:
            source = obj if obj is not None else prep_object(verb, ("from",))
            if lemma in w["leave_verbs"]:
                return "" if source is not None and finder.is_office(source) else None
            return None if source is not None and not finder.is_office(source) else ""
        particles = {c.lower_ for c in verb.children if c.dep_ in ("prt", "advmod")}
        if lemma in w["phrasal"] and particles & w["phrasal"][lemma]:
            return ""
        if lemma in w["leave_offices"] and obj is not None and finder.is_office(obj):
            return ""
        return None

    def describe_unnamed(self, finder: EventFinder, event: Event, subject: Token) -> None:
        event.office = finder.resolver.role_phrase(subject)  # 'A prospective candidate has resigned'

    def fill_from_verb(self, finder: EventFinder, doc: Doc, verb: Token, obj: Token | None, subtype: str, event: Event, person: Speaker | None, cast: Cast) -> None:
        if person is not None:
            event.office = self.office_of(doc, verb, obj, person)
        else:
            event.office = event.office or self.office_of(doc, verb, obj, None)

    @staticmethod
    def office_of(doc: Doc, verb: Token, obj: Token | None, person: Speaker | None) -> str | None:
        role = prep_object(verb, ("as",))
        if role is not None:
            return phrase_text(doc, [t for t in role.subtree if t.dep_ not in ("relcl", "poss")])
        for holder in (obj, prep_object(verb, ("from",))):
            if holder is None:
                continue
            inner = prep_object(holder, ("as", "of"))
            if holder.lemma_.lower() in ("post", "position", "job", "role"):
                if inner is None:  # 'leave the job that has been the honour of my life': which job, the article says elsewhere
                    return person.role if person is not None else None
                return phrase_text(doc, [t for t in inner.subtree if t.dep_ not in ("relcl",)])
            return phrase_text(doc, [t for t in holder.subtree if t.dep_ not in ("relcl", "acl", "poss")])
        return person.role if person is not None else None

    def from_noun(self, finder: EventFinder, doc: Doc, noun: Token, cast: Cast) -> list[Event]:
        """'the resignation of immigration minister Beverley Hughes'."""
        events = []
        for person in finder.holders_of(doc, noun, cast):
            event = finder.new_event(doc, noun, self.name)
            role = prep_object(noun, ("as", "from"))
            event.office = phrase_text(doc, noun_phrase(role)) if role is not None else finder.role_beside(doc, person, noun.sent) or person.role
            event.person = person.name
            events.append(event)
        return events

    def complete(self, finder: EventFinder, doc: Doc, event: Event, events: list[Event], cast: Cast) -> None:
        person = finder.person_record(cast, event.person)
        if person is not None:
            event.seat = event.seat or person.seat
