"""Calls for and against a by-election: who calls (or refuses), on whom, for which seat ('called
on him to stand down and fight a by-election', 'ruled out a by-election', a quote saying 'there
should be a by-election'). The call is the event, so it is kept even when the by-election is
only wanted."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..doctext import text_of
from .base import Conflict, EventType, Key
from .places import constituency_of
from .syntax import phrase_text, prep_object

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from ..cast import Cast
    from .finder import EventFinder
    from .record import Event

BY_ELECTION = re.compile(r"\bby[- ]?elections?\b", re.I)
NOT_CALLERS = ("i", "we", "you", "it", "they")


class ByElectionCall(EventType):
    name = "by_election_call"
    fields = ("by", "by_party", "target", "seat", "stance", "quotes")
    view_fields = ("by", "by_party", "target", "seat", "stance")
    people_fields = ("by", "target")
    party_fields = ("by_party",)
    merge_keys = ("by", "stance")
    link_column = "stance"
    agree_fields = ("by", "target")
    score_keys = (Key("stance", "exact"), Key("by", "actor"), Key("target", "person", optional=True))
    conflict = Conflict(same=("target",), differ="stance", given=("target",))

    @classmethod
    def describe(cls, event: dict) -> str:
        stance = "calls for" if event.get("stance") == "for" else "rejects"
        where = f" in {event['seat']}" if event.get("seat") else ""
        return f"{event.get('by')} {stance} a by-election{where}" + (f" ({event['target']})" if event.get("target") else "")

    @classmethod
    def agrees(cls, canonical, report, same) -> bool:
        if not super().agrees(canonical, report, same):
            return False
        # Without a target, only the same caller's calls are one event.
        return bool(canonical.target or report.target) or canonical.by == report.by

    # ---- reading ----------------------------------------------------------------------------
    def scan(self, finder: EventFinder, doc: Doc, cast: Cast) -> list[Event]:
        events: list[Event] = []
        quotes = doc._.quotes or []
        for match in BY_ELECTION.finditer(text_of(doc)):
            span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
            if span is None:
                continue
            event = self.mention(finder, doc, match, span, quotes, cast)
            if event is not None:
                event.seat = self.by_election_seat(doc, span[-1])
                events.append(event)
        return events

    def mention(self, finder: EventFinder, doc: Doc, match, span: Span, quotes: list, cast: Cast) -> Event | None:
        anchor = span[-1]
        sent = anchor.sent
        quote_index = next((k for k, q in enumerate(quotes) if q.start <= match.start() < q.end), None)
        event = finder.new_event(doc, anchor, self.name)
        event.trigger_start, event.trigger_end = match.start(), match.end()
        event.trigger = match.group(0)
        if (sent.text.rstrip().endswith("?") or self.is_headline(doc, sent)) and quote_index is None:
            return None  # a question, or a headline ('Rival calls for by-election'): the body says who
        if quote_index is not None:
            return self.quoted_call(event, span, quotes, quote_index)
        return self.stated_call(finder, doc, event, anchor, cast)

    def quoted_call(self, event: Event, span: Span, quotes: list, quote_index: int) -> Event | None:
        """A by-election named inside a quote: the speaker calls for it (or rules it out)."""
        quote = quotes[quote_index]
        speaker_name = quote.speaker_resolved or quote.speaker
        if not speaker_name or speaker_name.lower() in NOT_CALLERS:
            return None
        event.by = speaker_name
        event.by_party = quote.speaker_party
        event.quotes = [quote_index]
        event.stance = "against" if self.negated_mention(span) else "for"
        return event

    def stated_call(self, finder: EventFinder, doc: Doc, event: Event, anchor: Token, cast: Cast) -> Event | None:
        caller = self.calling_verb(anchor)
        if caller is None:
            return None
        verb, stance = caller
        subject = finder.subject_of(verb)
        if subject is None:
            return None
        people = finder.people_in(doc, subject, cast)
        if people:
            event.by, event.by_party = people[0].name, people[0].party
        else:
            event.by = phrase_text(doc, [t for t in subject.subtree if t.dep_ not in ("relcl", "acl")])
            event.by_party = finder.parties.find(event.by)
        event.stance = stance
        event.target = self.call_target(finder, doc, verb, cast)
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
        for node in nodes:
            if any(c.lower_ in words for c in node.children):
                return True
            if node.lemma_.lower() in self.words["against_verbs"]:
                return True
        return False

    def calling_verb(self, anchor: Token) -> tuple[Token, str] | None:
        """The verb by which someone calls for (or against) the by-election the anchor names."""
        w = self.words
        node = anchor
        for _ in range(6):
            if node.head.i == node.i:
                return None
            node = node.head
            lemma = node.lemma_.lower()
            if lemma in w["against_verbs"] or any(c.dep_ == "neg" for c in node.children) and lemma in w["for_verbs"]:
                return node, "against"
            if lemma in w["for_verbs"] and node.pos_ in ("VERB",):
                if lemma in w["taking_part_verbs"]:
                    continue  # the call is the verb above: 'called on him to ... stand in a by-election'
                return node, "for"
        return None

    @staticmethod
    def call_target(finder: EventFinder, doc: Doc, verb: Token, cast: Cast) -> str | None:
        """Who is called on to stand: 'called on him to ...', 'challenged Mr X to ...'."""
        node = verb
        for _ in range(2):
            for child in node.children:
                obj = child if child.dep_ in ("dobj",) and child.pos_ in ("PRON", "PROPN") else None
                if child.dep_ == "prep" and child.lower_ == "on":
                    obj = next((c for c in child.children if c.dep_ == "pobj"), None)
                people = finder.people_in(doc, obj, cast) if obj is not None else []
                if people:
                    return people[0].name
            if node.head.i == node.i:
                break
            node = node.head
        return None

    @staticmethod
    def by_election_seat(doc: Doc, anchor: Token) -> str | None:
        node = anchor
        for _ in range(4):
            place = prep_object(node, ("in",))
            if place is not None and place.pos_ == "PROPN":
                return phrase_text(doc, [t for t in place.subtree if t.pos_ in ("PROPN", "CCONJ") or t.text == "-"])
            if node.head.i == node.i:
                break
            node = node.head
        return None

    # ---- the article ------------------------------------------------------------------------
    def complete(self, finder: EventFinder, doc: Doc, event: Event, events: list[Event], cast: Cast) -> None:
        """Target and seat from the switch the article reports, when the call names neither."""
        switches = [e for e in events if e.type == "party_switch" and e.person]
        if event.target is None and switches:
            earlier = [s for s in switches if s.start <= event.start] or switches
            event.target = earlier[-1].person
        target = finder.person_record(cast, event.target)
        if event.seat is None and target is not None:
            event.seat = target.seat or constituency_of(doc, target)
        if event.seat is None:
            event.seat = next((s.seat for s in switches if s.person == event.target and s.seat), None)
