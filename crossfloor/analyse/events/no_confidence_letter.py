"""Letters of no confidence submitted or withdrawn: by whom (a person, or a group with its count
and party: 'up to seven Tory MPs'), against whom ('letters of no confidence in the Prime
Minister')."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...schema.events import NO_CONFIDENCE_LETTER
from .base import EventType
from .syntax import SUBJECTS, phrase_text, prep_object

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from ..cast import Cast
    from .record import Event


class NoConfidenceLetter(EventType):
    spec = NO_CONFIDENCE_LETTER
    completions = ("letter_party_from_cast", "letter_target_elsewhere")

    @property
    def trigger_nouns(self) -> frozenset[str]:
        return self.words["letter_nouns"]

    def from_noun(self, doc: Doc, noun: Token, cast: Cast) -> list[Event]:
        """'up to seven Tory MPs have withdrawn their letters of no confidence'."""
        about = self.confidence_in(noun)
        verb = self.action_verb(noun) if about else None
        if verb is None or not self.assertion.is_asserted(verb):
            return []
        event = self.new_event(doc, verb)
        event.action = "submitted" if verb.lemma_.lower() in self.words["submitted_verbs"] else "withdrawn"
        subject = self.people.subject_of(verb)
        if subject is None:
            subject = next((t for t in noun.sent if t.dep_ in SUBJECTS and t.i < verb.i and t.pos_ in ("NOUN", "PROPN")), None)
        if subject is not None:
            self.senders(doc, event, subject, cast)
        event.against = self.against(doc, about[0], cast)
        return [event]

    def confidence_in(self, noun: Token) -> list[Token]:
        """The word 'confidence' in the letter's phrase ('letters of no confidence'), or in the
        phrase it belongs to."""
        words = self.words["confidence_words"]
        text = noun.sent.text.lower()
        if not any(word in text for word in words):
            return []
        return [t for t in noun.subtree if t.lower_ in words] or [t for t in noun.head.subtree if t.lower_ in words]

    def against(self, doc: Doc, confidence: Token, cast: Cast) -> str | None:
        """'no confidence in the Prime Minister' -> the person, or the role."""
        target = next((t for t in confidence.subtree if t.dep_ == "pobj" and t.head.lower_ in self.lex.prepositions["confidence_in"]), None)
        if target is None:
            return None
        person = self.people.people_in(doc, target, cast)
        return person[0].name if person else self.people.resolver.role_phrase(target)

    def senders(self, doc: Doc, event: Event, subject: Token, cast: Cast) -> None:
        """A named sender, or a group with its count and party."""
        people, route = self.people.reach(doc, subject, cast)
        if people:
            event.filled("by", people[0].name, f"participants.{route}")
            event.filled("by_party", people[0].party, f"participants.{route}")
            event.count = str(len(people))
            return
        event.count, event.by_party = self.group_of(doc, subject)
        quantifiers = self.lex.quantifier_words
        event.by = phrase_text(doc, [t for t in subject.subtree if t.dep_ not in ("relcl", "nummod", "quantmod") and not t.like_num and t.lower_ not in quantifiers])

    def group_of(self, doc: Doc, head: Token) -> tuple[str | None, str | None]:
        """('up to seven Tory MPs' -> count 'up to seven', party 'Conservative')."""
        tokens = [t for t in head.subtree if t.dep_ not in ("relcl",) and not any(a.dep_ == "relcl" for a in t.ancestors if a in head.subtree and a.i != head.i)]
        number = next((t for t in tokens if t.dep_ == "nummod" or t.like_num), None)
        count = phrase_text(doc, self.with_quantifiers(doc, list(number.subtree))) if number is not None else None
        party = self.parties.find(" ".join(t.text for t in tokens))
        return count, party

    def with_quantifiers(self, doc: Doc, words: list[Token]) -> list[Token]:
        """'seven' -> 'up to seven'."""
        while words[0].i > 0 and doc[words[0].i - 1].lower_ in self.lex.quantifier_words:
            words.insert(0, doc[words[0].i - 1])
        return words

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

    # ---- the article ------------------------------------------------------------------------
    def letter_party_from_cast(self, doc: Doc, event: Event, events: list[Event], cast: Cast) -> None:
        by = self.people.person_record(cast, event.by)
        if by is not None:
            event.by_party = event.by_party or by.party

    def letter_target_elsewhere(self, doc: Doc, event: Event, events: list[Event], cast: Cast) -> None:
        """Against whom another letter of the article is, or 'confidence in X' anywhere in it."""
        if event.against is None:
            event.against = next((e.against for e in events if e.type == self.name and e.against), None) or self.confidence_target(doc, cast)

    def confidence_target(self, doc: Doc, cast: Cast) -> str | None:
        for tok in doc:
            if tok.lower_ in self.words["confidence_words"]:
                target = prep_object(tok, self.lex.prepositions["located_in"])
                if target is not None:
                    people = self.people.people_in(doc, target, cast)
                    return people[0].name if people else self.people.resolver.role_phrase(target)
        return None
