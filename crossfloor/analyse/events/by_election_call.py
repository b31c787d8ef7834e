"""Calls for and against a by-election: who calls (or refuses), on whom, for which seat ('called
on him to stand down and fight a by-election', 'ruled out a by-election', a quote saying 'there
should be a by-election'). The call is the event, so it is kept even when the by-election is
only wanted. A call is about the event its spec names (`about`: a party switch), whose
participant it targets when it names nobody."""

from __future__ import annotations

import re
from functools import cached_property
from typing import TYPE_CHECKING

from ...schema.events import BY_ELECTION_CALL, spec
from ..doctext import text_of
from .base import EventType
from .places import constituency_of
from .syntax import phrase_text, prep_object

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from ..cast import Cast
    from .record import Event



class ByElectionCall(EventType):
    spec = BY_ELECTION_CALL
    completions = ("call_target_from_related", "call_seat_from_target", "call_seat_from_related")

    @cached_property
    def mentions(self) -> re.Pattern:
        """'by-election', 'by election', 'byelections'."""
        return re.compile("|".join(sorted(self.words["mention_patterns"])), re.I)

    # ---- reading ----------------------------------------------------------------------------
    def scan(self, doc: Doc, cast: Cast) -> list[Event]:
        events: list[Event] = []
        quotes = doc._.quotes or []
        for match in self.mentions.finditer(text_of(doc)):
            span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
            if span is None:
                continue
            event = self.mention(doc, match, span, quotes, cast)
            if event is not None:
                event.filled("seat", self.by_election_seat(doc, span[-1]), "places.by_election_in")
                events.append(event)
        return events

    def mention(self, doc: Doc, match, span: Span, quotes: list, cast: Cast) -> Event | None:
        anchor = span[-1]
        sent = anchor.sent
        quote_index = next((k for k, q in enumerate(quotes) if q.start <= match.start() < q.end), None)
        event = self.new_event(doc, anchor)
        event.trigger_start, event.trigger_end = match.start(), match.end()
        event.trigger = match.group(0)
        if (sent.text.rstrip().endswith("?") or self.is_headline(doc, sent)) and quote_index is None:
            return None  # a question, or a headline ('Rival calls for by-election'): the body says who
        if quote_index is not None:
            return self.quoted_call(event, span, quotes, quote_index)
        return self.stated_call(doc, event, anchor, cast)

    def quoted_call(self, event: Event, span: Span, quotes: list, quote_index: int) -> Event | None:
        """A by-election named inside a quote with words that call for it ('should be held',
        'trigger a by-election') or rule it out ('There won't be a by-election'): the speaker
        calls for it, or against it. A by-election only named ('the most boring by-election')
        is no call."""
        against = self.negated_mention(span)
        if not against and self.calling_verb(span[-1]) is None and not self.owed(span[-1]):
            return None
        quote = quotes[quote_index]
        speaker_name = quote.speaker_resolved or quote.speaker
        if not speaker_name or speaker_name.lower() in self.lex.nameless_pronouns:
            return None
        event.filled("by", speaker_name, "speakers.quote")
        event.filled("by_party", quote.speaker_party, "speakers.quote")
        event.quotes = [quote_index]
        event.stance = "against" if against else "for"
        return event

    def owed(self, anchor: Token) -> bool:
        """'A by-election should be held', 'he must fight a by-election', 'said Whitfield should
        resign her seat and run in a by-election': the mention under a verb with a modal of
        obligation (the words of a call when a quote or a report says them)."""
        modals = self.words["obligation_modals"]
        node = anchor
        for _ in range(5):
            if node.head.i == node.i:
                return False
            node = node.head
            if any(c.dep_ == "aux" and c.lower_ in modals for c in node.children):
                return True
        return False

    def stated_call(self, doc: Doc, event: Event, anchor: Token, cast: Cast) -> Event | None:
        caller = self.calling_verb(anchor)
        if caller is None:
            return None
        verb, stance = caller
        subject = self.people.subject_of(verb)
        if subject is None:
            return None
        people, route = self.people.reach(doc, subject, cast)
        if people:
            event.filled("by", people[0].name, f"participants.{route}")
            event.filled("by_party", people[0].party, f"participants.{route}")
        else:
            event.by = phrase_text(doc, [t for t in subject.subtree if t.dep_ not in ("relcl", "acl")])
            event.by_party = self.parties.find(event.by)
        event.stance = stance
        event.target = self.call_target(doc, verb, cast)
        return event

    @staticmethod
    def is_headline(doc: Doc, sent: Span) -> bool:
        """The first line, standing alone above a blank line, without closing punctuation."""
        text = text_of(doc)[sent.start_char : sent.end_char].strip()
        return sent.start_char <= 1 and text_of(doc)[sent.end_char :].startswith(("\n\n", "\r\n\r\n")) or (
            sent.start_char == 0 and "\n\n" in text_of(doc)[: sent.end_char + 2] and not text.endswith((".", "!", "?", '"', "”"))
        )

    def negated_mention(self, mention: Span) -> bool:
        """'There won't be a by-election', 'there would be no by-election', 'ruled out a by-election'."""
        words = self.words["against_words"]
        nodes = list(mention)
        node = mention.root
        for _ in range(4):
            if node.head.i == node.i:
                break
            node = node.head
            nodes.append(node)
        return any(any(c.lower_ in words for c in n.children) or n.lemma_.lower() in self.words["against_verbs"] for n in nodes)

    def calling_verb(self, anchor: Token) -> tuple[Token, str] | None:
        """The verb by which someone calls for (or against) the by-election the anchor names."""
        w = self.words
        node = anchor
        for _ in range(6):
            if node.head.i == node.i or node.dep_ == "oprd":
                return None  # 'called it the most boring by-election': naming it, not calling for it
            node = node.head
            lemma = node.lemma_.lower()
            if lemma in w["against_verbs"] or any(c.dep_ == "neg" for c in node.children) and lemma in w["for_verbs"]:
                return node, "against"
            if lemma in w["for_verbs"] and node.pos_ in ("VERB",):
                if lemma in w["taking_part_verbs"]:
                    continue  # the call is the verb above: 'called on him to ... stand in a by-election'
                return node, "for"
        return None

    def call_target(self, doc: Doc, verb: Token, cast: Cast) -> str | None:
        """Who is called on to stand: 'called on him to ...', 'challenged Mr X to ...'."""
        node = verb
        for _ in range(2):
            for child in node.children:
                obj = called_on(child, self.lex.prepositions["called_on"])
                people = self.people.people_in(doc, obj, cast) if obj is not None else []
                if people:
                    return people[0].name
            if node.head.i == node.i:
                break
            node = node.head
        return None

    def by_election_seat(self, doc: Doc, anchor: Token) -> str | None:
        node = anchor
        for _ in range(4):
            place = prep_object(node, self.lex.prepositions["located_in"])
            if place is not None and place.pos_ == "PROPN":
                return phrase_text(doc, [t for t in place.subtree if t.pos_ in ("PROPN", "CCONJ") or t.text == "-"])
            if node.head.i == node.i:
                break
            node = node.head
        return None

    # ---- the article ------------------------------------------------------------------------
    def related(self, events: list[Event]) -> list[Event]:
        """The events this call is about (its spec's `about`) that name their participant."""
        about = self.spec.about
        participant = spec_participant(about.kind) if about else None
        return [e for e in events if about and e.type == about.kind and getattr(e, participant)]

    def call_target_from_related(self, doc: Doc, event: Event, events: list[Event], cast: Cast) -> None:
        """A call naming nobody is about the latest such event told before it (or the first)."""
        related = self.related(events)
        if event.target is None and related:
            earlier = [s for s in related if s.start <= event.start] or related
            event.target = getattr(earlier[-1], spec_participant(self.spec.about.kind))

    def call_seat_from_target(self, doc: Doc, event: Event, events: list[Event], cast: Cast) -> None:
        target = self.people.person_record(cast, event.target)
        if event.seat is None and target is not None:
            event.seat = target.seat or constituency_of(doc, target, self.lex)

    def call_seat_from_related(self, doc: Doc, event: Event, events: list[Event], cast: Cast) -> None:
        if event.seat is None:
            participant = spec_participant(self.spec.about.kind)
            event.seat = next((s.seat for s in self.related(events) if getattr(s, participant) == event.target and s.seat), None)


def spec_participant(kind: str) -> str:
    return spec(kind).participant


def called_on(child: Token, prepositions: frozenset[str]) -> Token | None:
    """'called on him', 'challenged Mr X': the one called on."""
    if child.dep_ in ("dobj",) and child.pos_ in ("PRON", "PROPN"):
        return child
    if child.dep_ == "prep" and child.lower_ in prepositions:
        return next((c for c in child.children if c.dep_ == "pobj"), None)
    return None
