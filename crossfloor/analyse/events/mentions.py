"""A new event at its trigger: its evidence sentence, date words and tense."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from ..dates import YEAR, is_duration
from ..doctext import text_of
from .record import Event
from .syntax import SUBJECTS, tense_of
from .timing import ASIDE_LINKS, telling_of

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from .lexicon import EventLexicon


def new_event(doc: Doc, trigger: Token, kind: str, lexicon: EventLexicon) -> Event:
    sent = trigger.sent
    start, end = sent.start_char, sent.end_char
    while end > start and text_of(doc)[end - 1].isspace():
        end -= 1
    event = Event(type=kind, start=start, end=end, trigger=trigger.text, trigger_start=trigger.idx, trigger_end=trigger.idx + len(trigger.text))
    event.filled("date_text", date_words(doc, trigger, lexicon.bounding_prepositions), "mentions.date_words")
    event.tense = tense_of(trigger, lexicon.auxiliaries)
    telling = telling_of(trigger, event.tense, sentence_number(doc, sent), lexicon)
    if not event.date_text and not telling.aside:
        telling = replace(telling, clause_date=clause_date_words(doc, trigger, lexicon.bounding_prepositions))
    event.tellings = [replace(telling, year_near=year_near(doc, sent))]
    return event


# How many sentences back a written year still dates the passage an event is told in.
YEAR_REACH = 2


def year_near(doc: Doc, sent: Span) -> int | None:
    """The latest year a date of this sentence or the YEAR_REACH before it writes out ('in
    October 1973')."""
    before = sent
    for _ in range(YEAR_REACH):
        before = sentence_before(doc, before)
    years = [int(m.group()) for e in doc.ents if e.label_ == "DATE" and before.start <= e.start < sent.end for m in YEAR.finditer(e.text)]
    return max(years, default=None)


def sentence_before(doc: Doc, sent: Span) -> Span:
    """The sentence before, past the blank lines the parser makes sentences of (itself, first)."""
    while sent.start > 0:
        sent = doc[sent.start - 1].sent
        if sent.text.strip():
            break
    return sent


def sentence_number(doc: Doc, sent) -> int:
    """Which sentence of the document this is, from 0."""
    return sum(1 for s in doc.sents if s.start < sent.start)


def date_words(doc: Doc, trigger: Token, bounding: frozenset[str] = frozenset()) -> str | None:
    """The DATE/TIME phrase attached to the trigger itself, not to its subject or a clause below;
    for a noun trigger, to the verb it is the object of ('submitted his resignation Monday'). A
    day before a time of day ('Friday' in 'Friday morning'); never a duration ('after 17 years'),
    nor a time that bounds the event ('until November': `bounding` prepositions)."""
    anchors = [trigger]
    if trigger.pos_ in ("NOUN", "PROPN") and trigger.dep_ in ("dobj", "nsubjpass", "pobj", "nsubj"):
        anchors.append(trigger.head)

    def dates_it(ent) -> bool:
        bounded = ent.root.dep_ == "pobj" and ent.root.head.lower_ in bounding
        return ent.label_ in ("DATE", "TIME") and ent.sent == trigger.sent and not bounded and any(attached_to(ent.root, a) for a in anchors) and not is_duration(ent.text)

    found = [ent for ent in doc.ents if dates_it(ent)]
    found.sort(key=lambda ent: ent.label_ != "DATE")
    return with_determiners(doc, found[0]).text if found else None


def clause_date_words(doc: Doc, trigger: Token, bounding: frozenset[str] = frozenset()) -> str | None:
    """The date words of a clause the trigger hangs from ('A revealing moment came last year,
    after his resignation'): not the event's own date, but when the sentence tells it. Climbing
    stops at a relative clause or an apposition, whose main clause tells of something else."""
    node = trigger
    for _ in range(4):
        if node.dep_ in ASIDE_LINKS or node.head.i == node.i:
            return None
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            found = date_words(doc, node, bounding)
            if found:
                return found
    return None


def with_determiners(doc: Doc, ent: Span) -> Span:
    """'this week' where the recogniser marked only 'week': the determiners of the phrase's root
    just before it belong to the date ('week' alone would be any week)."""
    start = ent.start
    while start > ent.sent.start and doc[start - 1].dep_ in ("det", "amod") and doc[start - 1].head.i in range(ent.start, ent.end):
        start -= 1
    return doc[start : ent.end]


def attached_to(node: Token, trigger: Token) -> bool:
    for _ in range(4):
        if node.i == trigger.i:
            return True
        if node.dep_ in SUBJECTS + ("dobj", "relcl", "ccomp", "advcl", "acl", "appos", "compound") or node.head.i == node.i:
            return False
        node = node.head
    return False
