"""Letters of no confidence submitted or withdrawn: by whom (a person, or a group with its count
and party: 'up to seven Tory MPs'), against whom ('letters of no confidence in the Prime
Minister')."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .base import EventType, Key
from .participants import QUANTIFIER_WORDS
from .syntax import SUBJECTS, phrase_text, prep_object

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from ..cast import Cast
    from .finder import EventFinder
    from .record import Event


class NoConfidenceLetter(EventType):
    name = "no_confidence_letter"
    fields = ("action", "by", "by_party", "count", "against")
    view_fields = ("action", "by", "by_party", "count", "against")
    people_fields = ("by", "against")
    party_fields = ("by_party",)
    merge_keys = ("action", "by")
    link_column = "action"
    agree_fields = ("against", "by", "by_party", "count")
    score_keys = (
        Key("action", "exact"), Key("count", "count"), Key("by", "actor", optional=True),
        Key("by_party", "party", optional=True), Key("against", "person", optional=True),
    )

    @classmethod
    def describe(cls, event: dict) -> str:
        who = " ".join(x for x in (event.get("count"), event.get("by")) if x) or event.get("by_party") or "?"
        return f"{who}: letter(s) of no confidence {event.get('action')}" + (f" against {event['against']}" if event.get("against") else "")

    @property
    def trigger_nouns(self) -> frozenset[str]:
        return self.words["letter_nouns"]

    def from_noun(self, finder: EventFinder, doc: Doc, noun: Token, cast: Cast) -> list[Event]:
        """'up to seven Tory MPs have withdrawn their letters of no confidence'."""
        if "confidence" not in noun.sent.text.lower():
            return []
        about = [t for t in noun.subtree if t.lower_ == "confidence"] or [t for t in noun.head.subtree if t.lower_ == "confidence"]
        verb = self.action_verb(noun) if about else None
        if verb is None or not finder.is_asserted(verb):
            return []
        event = finder.new_event(doc, verb, self.name)
        event.action = "submitted" if verb.lemma_.lower() in self.words["submitted_verbs"] else "withdrawn"
        subject = finder.subject_of(verb)
        if subject is None:
            subject = next((t for t in noun.sent if t.dep_ in SUBJECTS and t.i < verb.i and t.pos_ in ("NOUN", "PROPN")), None)
        if subject is not None:
            self.senders(finder, doc, event, subject, cast)
        event.against = self.against(finder, doc, about[0], cast)
        return [event]

    @staticmethod
    def against(finder: EventFinder, doc: Doc, confidence: Token, cast: Cast) -> str | None:
        """'no confidence in the Prime Minister' -> the person, or the role."""
        target = next((t for t in confidence.subtree if t.dep_ == "pobj" and t.head.lower_ in ("in", "against")), None)
        if target is None:
            return None
        person = finder.people_in(doc, target, cast)
        return person[0].name if person else finder.resolver.role_phrase(target)

    @staticmethod
    def senders(finder: EventFinder, doc: Doc, event: Event, subject: Token, cast: Cast) -> None:
        """A named sender, or a group with its count and party."""
        people = finder.people_in(doc, subject, cast)
        if people:
            event.by = people[0].name
            event.by_party = people[0].party
            event.count = str(len(people))
            return
        event.count, event.by_party = finder.group_of(doc, subject)
        event.by = phrase_text(doc, [t for t in subject.subtree if t.dep_ not in ("relcl", "nummod", "quantmod") and not t.like_num and t.lower_ not in QUANTIFIER_WORDS])

    def action_verb(self, noun: Token) -> Token | None:
        verbs = self.words["submitted_verbs"] | self.words["withdrawn_verbs"]
        node = noun
        for _ in range(4):
            if node.head.i == node.i:
                break
            node = node.head
            if node.lemma_.lower() in verbs:
                return node
            for child in node.children:
                if child.dep_ in ("pcomp", "xcomp", "conj") and child.lemma_.lower() in verbs:
                    return child
        return None

    def complete(self, finder: EventFinder, doc: Doc, event: Event, events: list[Event], cast: Cast) -> None:
        by = finder.person_record(cast, event.by)
        if by is not None:
            event.by_party = event.by_party or by.party
        if event.against is None:
            event.against = next((e.against for e in events if e.type == self.name and e.against), None) or self.confidence_target(finder, doc, cast)

    @staticmethod
    def confidence_target(finder: EventFinder, doc: Doc, cast: Cast) -> str | None:
        for tok in doc:
            if tok.lower_ == "confidence":
                target = prep_object(tok, ("in",))
                if target is not None:
                    people = finder.people_in(doc, target, cast)
                    return people[0].name if people else finder.resolver.role_phrase(target)
        return None
