"""Find political events in a parsed article, each with its participants, date words and
evidence sentences, by running the passes of passes.py: each event type's trigger passes propose
events from the verbs, nouns and text it knows, mentions of one event merge (merge.py), and
each type's completion passes fill in what one sentence leaves out from the rest of the article.

An event is only kept when the text states it as having happened (assertion.py); by-election
*calls* are the exception, since there the call is the event. People are resolved with the
speaker resolver's cast of the article, so "the MP who defected" and "he" reach the person.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..doctext import inside_quotation, text_of
from .assertion import Assertion
from .base import BLOCKED, EventType, Readers
from .merge import Merger
from .participants import NOBODY, Participants
from .parties import Parties
from .passes import PARTICIPANT_FROM_LEDE, chosen_passes, default_passes
from .reasons import reason_of
from .registry import REGISTRY
from .syntax import direct_object, noun_phrase, phrase_text

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from ..cast import Cast
    from ..lexicon import PartyLexicon
    from ..speakers import SpeakerResolver
    from .lexicon import EventLexicon
    from .record import Event


@dataclass
class Reading:
    """What the trigger passes have read of one article: the events each trigger token gave (in
    token order, whichever pass read it), those scans found, and the verbs a type has decided
    (found an event in, or blocked), which later verb passes leave alone."""

    doc: Doc
    cast: Cast
    verbs: list[Token]
    nouns: list[Token]
    found: list[tuple[int, Event]] = field(default_factory=list)
    scanned: list[Event] = field(default_factory=list)
    decided: set[int] = field(default_factory=set)

    def events(self) -> list[Event]:
        return [event for _, event in sorted(self.found, key=lambda pair: pair[0])] + self.scanned


TriggerPass = Callable[[Reading], None]


class EventFinder:
    def __init__(self, lexicon: EventLexicon, parties: PartyLexicon, resolver: SpeakerResolver, passes: Iterable[str] | None = None):
        self.lex = lexicon
        known = default_passes(REGISTRY.values())
        self.passes = chosen_passes(passes, known)
        assertion = Assertion(lexicon)
        self.people = Participants(lexicon, parties, resolver, assertion, use_lede=PARTICIPANT_FROM_LEDE in self.passes)
        readers = Readers(lexicon, assertion, self.people, Parties(lexicon, parties))
        self.assertion = assertion
        self.types = {name: kind(lexicon.words(name), readers) for name, kind in REGISTRY.items()}
        self.trigger_verbs = frozenset().union(*(t.trigger_verbs for t in self.types.values()))
        self.future_verbs = frozenset().union(*(t.future_verbs for t in self.types.values()))
        self.noun_types: dict[str, EventType] = {}
        for kind in self.types.values():
            for noun in kind.trigger_nouns:
                self.noun_types.setdefault(noun, kind)
        self.merge = Merger(lexicon.containing_offices)
        triggers = self.trigger_passes()
        self.triggers = [(name, triggers[name]) for name in self.passes if name in triggers]

    def trigger_passes(self) -> dict[str, TriggerPass]:
        found: dict[str, TriggerPass] = {}
        for kind in self.types.values():
            cls = type(kind)
            for name in cls.verb_readings:
                found[name] = self.verb_reading(kind, name)
            if cls.reads_verbs():
                found[f"{kind.name}_verbs"] = self.verb_pass(kind)
            if cls.reads_nouns():
                found[f"{kind.name}_nouns"] = self.noun_pass(kind)
            if cls.scans():
                found[f"{kind.name}_scan"] = self.scan_pass(kind)
        return found

    def __call__(self, doc: Doc) -> list[Event]:
        cast: Cast | None = doc._.cast
        if cast is None:
            return []
        reading = self.reading(doc, cast)
        for _, run in self.triggers:
            run(reading)
        events = self.merge(reading.events(), text_of(reading.doc))
        self.fill_in(doc, events, cast)
        events = [e for e in events if self.types[e.type].keep(e)]
        return sorted(events, key=lambda e: (e.start, e.type))

    def reading(self, doc: Doc, cast: Cast) -> Reading:
        """The tokens that may be triggers: a quoted one only when its doer tells it."""
        verbs, nouns = [], []
        for tok in doc:
            if inside_quotation(doc, tok.idx) and not self.told_by_its_doer(doc, tok):
                continue
            if tok.pos_ in ("VERB", "AUX") or tok.tag_.startswith("VB"):
                verbs.append(tok)
            elif tok.pos_ in ("NOUN", "PROPN"):
                nouns.append(tok)
        return Reading(doc, cast, verbs, nouns)

    def told_by_its_doer(self, doc: Doc, verb: Token) -> bool:
        """A quoted verb states an event when its doer tells it: 'I am resigning' in someone's
        own words, or 'he has "left the Republican Party"' with the subject outside the marks."""
        if not (verb.pos_ in ("VERB", "AUX") and verb.lemma_.lower() in self.trigger_verbs):
            return False
        subject = self.people.subject_of(verb)
        return subject is not None and (subject.lower_ in self.lex.first_person or not inside_quotation(doc, subject.idx))

    # ---- trigger passes -----------------------------------------------------------------------
    def verb_reading(self, kind: EventType, name: str) -> TriggerPass:
        read_verb = getattr(kind, name)

        def run(reading: Reading) -> None:
            for verb in reading.verbs:
                if verb.i not in reading.decided:
                    events = read_verb(reading.doc, verb, reading.cast)
                    if events is not None:
                        reading.decided.add(verb.i)
                        self.found(reading, verb.i, kind, events, name, name)

        return run

    def verb_pass(self, kind: EventType) -> TriggerPass:
        name = f"{kind.name}_verbs"

        def run(reading: Reading) -> None:
            for verb in reading.verbs:
                if verb.i not in reading.decided and self.stated(verb):
                    events = self.verb_events(reading, kind, verb)
                    if events is not None:
                        self.found(reading, verb.i, kind, events, f"verb:{verb.lemma_.lower()}", name)

        return run

    def noun_pass(self, kind: EventType) -> TriggerPass:
        name = f"{kind.name}_nouns"

        def run(reading: Reading) -> None:
            for noun in reading.nouns:
                lemma = noun.lemma_.lower()
                if self.noun_types.get(lemma) is kind:
                    self.found(reading, noun.i, kind, kind.from_noun(reading.doc, noun, reading.cast), f"noun:{lemma}", name)

        return run

    def scan_pass(self, kind: EventType) -> TriggerPass:
        name = f"{kind.name}_scan"

        def run(reading: Reading) -> None:
            events = kind.scan(reading.doc, reading.cast)
            for event in events:
                self.credit(kind, event, name, name)
            reading.scanned.extend(events)

        return run

    def found(self, reading: Reading, at: int, kind: EventType, events: list[Event], rule: str, pass_name: str) -> None:
        for event in events:
            self.credit(kind, event, rule, pass_name)
            reading.found.append((at, event))

    @staticmethod
    def credit(kind: EventType, event: Event, rule: str, pass_name: str) -> None:
        """The trigger rule found it; the pass filled what no finer rule claimed."""
        event.found_by = event.found_by or rule
        event.credit(kind.spec.fields + ("date_text",), pass_name)

    # ---- verbs --------------------------------------------------------------------------------
    def stated(self, verb: Token) -> bool:
        """A trigger verb of some type, stated as having happened (or announced, for the verbs
        told in the future)."""
        lemma = verb.lemma_.lower()
        if lemma not in self.trigger_verbs:
            return False
        return self.assertion.is_asserted(verb) or (lemma in self.future_verbs and self.assertion.is_asserted(verb, allow_will=True))

    def verb_events(self, reading: Reading, kind: EventType, verb: Token) -> list[Event] | None:
        """The events a trigger verb states as this type reads it; None when it is not this
        type's (another type may read it)."""
        obj = direct_object(verb)
        subject = self.people.subject_of(verb)
        passive = subject is not None and subject.dep_ == "nsubjpass"
        subtype = kind.classify_verb(reading.doc, verb, obj, passive)
        if subtype is None:
            return None
        reading.decided.add(verb.i)
        if subtype == BLOCKED:
            return []
        obj, subject = kind.verb_arguments(verb, obj, subject, passive, subtype)
        return self.verb_mentions(reading, kind, verb, obj, subject, subtype)

    def verb_mentions(self, reading: Reading, kind: EventType, verb: Token, obj: Token | None, subject: Token | None, subtype: str) -> list[Event]:
        """One event per person the subject stands for; an unnamed one for a person described."""
        doc = reading.doc
        people, route = self.people.reach(doc, subject, reading.cast, lede=True) if subject is not None else NOBODY
        events = []
        for person in people or [None]:
            event = kind.new_event(doc, verb)
            event.filled("person", person.name if person else None, f"participants.{route}")
            if subject is not None and not people:
                if not self.people.describes_person(subject):
                    continue  # 'leaving the Tories with 163 MPs': a party or thing, not a switcher
                event.unnamed = phrase_text(doc, noun_phrase(subject))
                kind.describe_unnamed(event, subject)
            event.distinct = any(c.lower_ in self.lex.distinct_adverbs and c.dep_ == "advmod" for c in verb.children)
            kind.fill_from_verb(doc, verb, obj, subtype, event, person)
            event.filled("reason", reason_of(doc, verb, self.lex), "reasons.reason_of")
            if kind.keep_mention(event, subtype):
                events.append(event)
        return events

    # ---- the article --------------------------------------------------------------------------
    def fill_in(self, doc: Doc, events: list[Event], cast: Cast) -> None:
        """What a single sentence leaves out, from the rest of the article, event by event in
        article order; then each type's last look."""
        for event in events:
            kind = self.types[event.type]
            for name in self.active(type(kind).completions):
                with_credit(kind, event, name, lambda: getattr(kind, name)(doc, event, events, cast))
        for event in events:
            kind = self.types[event.type]
            for name in self.active(type(kind).settlements):
                with_credit(kind, event, name, lambda: getattr(kind, name)(event, events))

    def active(self, names: tuple[str, ...]) -> list[str]:
        """Of a type's passes, those switched on, in the configured order."""
        return [name for name in self.passes if name in names]


def with_credit(kind: EventType, event: Event, name: str, step: Callable[[], None]) -> None:
    """Run a completion step; it filled whatever field it changed."""
    fields = kind.spec.fields
    before = [getattr(event, f) for f in fields]
    step()
    for field_name, was in zip(fields, before):
        now = getattr(event, field_name)
        if now != was and now is not None:
            event.filled_by[field_name] = name
