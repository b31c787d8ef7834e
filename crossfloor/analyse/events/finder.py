"""Find political events in a parsed article, each with its participants, date words and
evidence sentences, by asking every event type (registry.py) about the trigger words it knows.

An event is only kept when the text states it as having happened (assertion.py); by-election
*calls* are the exception, since there the call is the event. People are resolved with the
speaker resolver's cast of the article, so "the MP who defected" and "he" reach the person.
Mentions of one event merge within the article (merge.py), and each type then fills in what one
sentence leaves out from the rest of the article.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..dates import is_duration
from ..doctext import inside_quotation, text_of
from .assertion import Assertion
from .base import BLOCKED
from .merge import merge_events
from .participants import Participants
from .parties import Parties
from .reasons import reason_of
from .record import Event
from .registry import REGISTRY
from .syntax import SUBJECTS, direct_object, noun_phrase, phrase_text, tense_of

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from ..cast import Cast
    from ..lexicon import PartyLexicon
    from ..speakers import SpeakerResolver
    from .lexicon import EventLexicon


class EventFinder(Assertion, Participants, Parties):
    def __init__(self, lexicon: EventLexicon, parties: PartyLexicon, resolver: SpeakerResolver):
        self.lex = lexicon
        self.parties = parties
        self.resolver = resolver
        self.types = {name: kind(lexicon.words(name)) for name, kind in REGISTRY.items()}
        self.trigger_verbs = frozenset().union(*(t.trigger_verbs for t in self.types.values()))
        self.future_verbs = frozenset().union(*(t.future_verbs for t in self.types.values()))
        self.noun_types = {}
        for kind in self.types.values():
            for noun in kind.trigger_nouns:
                self.noun_types.setdefault(noun, kind)

    def __call__(self, doc: Doc) -> list[Event]:
        cast: Cast | None = doc._.cast
        if cast is None:
            return []
        events: list[Event] = []
        for tok in doc:
            if inside_quotation(doc, tok.idx) and not self.told_by_its_doer(doc, tok):
                continue
            if tok.pos_ in ("VERB", "AUX") or tok.tag_.startswith("VB"):
                events.extend(self.verb_events(doc, tok, cast))
            elif tok.pos_ in ("NOUN", "PROPN"):
                events.extend(self.noun_events(doc, tok, cast))
        for kind in self.types.values():
            events.extend(kind.scan(self, doc, cast))
        events = merge_events(events)
        self.fill_in(doc, events, cast)
        events = [e for e in events if self.types[e.type].keep(e)]
        return sorted(events, key=lambda e: (e.start, e.type))

    # ---- verbs ------------------------------------------------------------------------------
    def verb_events(self, doc: Doc, verb: Token, cast: Cast) -> list[Event]:
        for kind in self.types.values():
            read = kind.verb_hook(self, doc, verb, cast)
            if read is not None:
                return read
        lemma = verb.lemma_.lower()
        if lemma not in self.trigger_verbs:
            return []
        if not self.is_asserted(verb) and not (lemma in self.future_verbs and self.is_asserted(verb, allow_will=True)):
            return []
        obj = direct_object(verb)
        subject = self.subject_of(verb)
        passive = subject is not None and subject.dep_ == "nsubjpass"
        found = self.classify(doc, verb, obj, passive)
        if found is None:
            return []
        kind, subtype = found
        obj, subject = kind.verb_arguments(self, verb, obj, subject, passive, subtype)
        people = self.people_in(doc, subject, cast, lede=True) if subject is not None else []
        events = []
        for person in people or [None]:
            event = self.new_event(doc, verb, kind.name)
            event.person = person.name if person else None
            if subject is not None and not people:
                if not self.describes_person(subject):
                    continue  # 'leaving the Tories with 163 MPs': a party or thing, not a switcher
                event.unnamed = phrase_text(doc, noun_phrase(subject))
                kind.describe_unnamed(self, event, subject)
            event.distinct = any(c.lower_ in ("also", "too") and c.dep_ == "advmod" for c in verb.children)
            kind.fill_from_verb(self, doc, verb, obj, subtype, event, person, cast)
            event.reason = reason_of(doc, verb)
            if kind.keep_mention(event, subtype):
                events.append(event)
        return events

    def told_by_its_doer(self, doc: Doc, verb: Token) -> bool:
        """A quoted verb states an event when its doer tells it: 'I am resigning' in someone's
        own words, or 'he has "left the Republican Party"' with the subject outside the marks."""
        if not (verb.pos_ in ("VERB", "AUX") and verb.lemma_.lower() in self.trigger_verbs):
            return False
        subject = self.subject_of(verb)
        return subject is not None and (subject.lower_ == "i" or not inside_quotation(doc, subject.idx))

    def classify(self, doc: Doc, verb: Token, obj: Token | None, passive: bool):
        """(the type, the subtype) of the event a trigger verb states, or None."""
        for kind in self.types.values():
            subtype = kind.classify_verb(self, doc, verb, obj, passive)
            if subtype == BLOCKED:
                return None
            if subtype is not None:
                return kind, subtype
        return None

    # ---- nouns ------------------------------------------------------------------------------
    def noun_events(self, doc: Doc, noun: Token, cast: Cast) -> list[Event]:
        kind = self.noun_types.get(noun.lemma_.lower())
        return kind.from_noun(self, doc, noun, cast) if kind is not None else []

    # ---- common -------------------------------------------------------------------------------
    def new_event(self, doc: Doc, trigger: Token, kind: str) -> Event:
        sent = trigger.sent
        start, end = sent.start_char, sent.end_char
        while end > start and text_of(doc)[end - 1].isspace():
            end -= 1
        event = Event(type=kind, start=start, end=end, trigger=trigger.text, trigger_start=trigger.idx, trigger_end=trigger.idx + len(trigger.text))
        event.date_text = self.date_words(doc, trigger)
        event.tense = tense_of(trigger)
        return event

    @staticmethod
    def date_words(doc: Doc, trigger: Token) -> str | None:
        """The DATE/TIME phrase attached to the trigger itself, not to its subject or a clause
        below; for a noun trigger, to the verb it is the object of ('submitted his resignation
        Monday'). A day before a time of day ('Friday' in 'Friday morning'); never a duration
        ('after 17 years')."""
        anchors = [trigger]
        if trigger.pos_ in ("NOUN", "PROPN") and trigger.dep_ in (
            "dobj",
            "nsubjpass",
            "pobj",
            "nsubj",
        ):
            anchors.append(trigger.head)
        found = [ent for ent in doc.ents if ent.label_ in ("DATE", "TIME") and ent.sent == trigger.sent and any(attached_to(ent.root, a) for a in anchors) and not is_duration(ent.text)]
        found.sort(key=lambda ent: ent.label_ != "DATE")
        return found[0].text if found else None

    def is_office(self, tok: Token) -> bool:
        if tok.lemma_.lower() in self.lex.office_nouns or tok.lower_ in self.lex.office_nouns:
            return True
        return tok.lower_ in ("10", "downing") or any(t.lower_ in ("secretary", "minister") for t in tok.subtree)

    def fill_in(self, doc: Doc, events: list[Event], cast: Cast) -> None:
        """What a single sentence leaves out, from the rest of the article, type by type in
        event order; then each type's last pass."""
        for event in events:
            self.types[event.type].complete(self, doc, event, events, cast)
        for event in events:
            self.types[event.type].settle(event, events)


def attached_to(node: Token, trigger: Token) -> bool:
    for _ in range(4):
        if node.i == trigger.i:
            return True
        if node.dep_ in SUBJECTS + ("dobj", "relcl", "ccomp", "advcl", "acl", "appos", "compound") or node.head.i == node.i:
            return False
        node = node.head
    return False
