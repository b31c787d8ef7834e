"""A transcript's turns ('((WN)) Why now?', 'HOLT: Will you resign?') were spoken in the interview
the article introduces them with ('With Wikinews, Roe discussed ...', 'In an interview with Fox
News, ...'): each turn without a venue takes the outlet the lines just before the first turn
name, else the outlet the article names last before them. The interviewer's label, an
initialism that names nobody in the article and opens questions more often than not (an
interviewer also thanks and comments), is the outlet's journalist the article names right after
it ('Wikinews reporter Jo Roe'), else the outlet speaking."""

from __future__ import annotations

import re
from itertools import groupby
from typing import TYPE_CHECKING

from ....people import is_acronym
from ...cast import Speaker
from ...doctext import text_of
from ...attribution.passes.transcript_label import NAME as TRANSCRIPT_LABEL, TURN_OPENING
from .told_outlet import is_outlet

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

    from ...cast import Said
    from ..state import Article

NAME = "interview_transcript"
# The lines before a transcript's first turn that introduce the interview.
INTRO_LINES = 2
LINE = re.compile(r"[^\n]*\S[^\n]*")
# How far after the outlet's name its journalist's name starts: 'Wikinews reporter William
# S. Saturn', "NBC's Chuck Todd".
JOURNALIST_REACH = 3


def carry(article: Article) -> None:
    turns = sorted((s for s in article.cast.said if s.attribution.found_by == TRANSCRIPT_LABEL), key=lambda s: s.attribution.start)
    outlet = introduced_outlet(article, turns[0].attribution.start) if turns else None
    if outlet is None:
        return
    for said in turns:
        said.venue = said.venue or outlet.text
    asker = interviewer(article, outlet)
    for _label, same in groupby(sorted(turns, key=label_of), key=label_of):
        spoken = list(same)
        if all(names_nobody(s) for s in spoken) and 2 * sum(map(asks, spoken)) > len(spoken):
            for said in spoken:
                said.speaker, said.resolved_by = asker, NAME


def interviewer(article: Article, outlet: Span) -> Speaker:
    """The outlet's journalist the article names right after it, in one phrase with it (the
    outlet modifies the name: not 'With Wikinews, Roe discussed ...'), else the outlet."""
    doc = outlet.doc
    after = doc[outlet.end : min(len(doc), outlet.end + JOURNALIST_REACH + 1)]
    named = next((e for e in doc.ents if e.label_ == "PERSON" and after.start < e.start <= after.end and e.root.is_ancestor(outlet.root)), None)
    person = article.cast.find(named.text) if named is not None else None
    return person.as_speaker() if person is not None else Speaker(outlet.text, kind="organisation")


def label_of(said: Said) -> str:
    subject = said.attribution.subject
    return subject.text if subject is not None else ""


def names_nobody(said: Said) -> bool:
    """A turn whose label is an initialism no earlier pass took for a person the article names
    (left unresolved, or a body called by the initialism itself)."""
    label, speaker = label_of(said), said.speaker
    return is_acronym(label) and (speaker is None or (speaker.kind != "person" and speaker.name == label))


def asks(said: Said) -> bool:
    a = said.attribution
    return text_of(a.subject.doc)[a.start : a.end].rstrip().endswith("?")


def introduced_outlet(article: Article, start: int) -> Span | None:
    """The outlet named last in the lines that introduce the transcript `start` is in (the
    INTRO_LINES before its turns), else the one named last before them (an introduction of
    several paragraphs): an organisation named with an outlet's word ('Fox News'), or a proper
    noun that is one ('Wikinews')."""
    text = text_of(article.doc)
    before = list(LINE.finditer(text, 0, text.rfind("\n", 0, start) + 1))
    while before and TURN_OPENING.match(before[-1].group()):  # other turns, found or not
        before.pop()
    if not before:
        return None
    begin = before[-INTRO_LINES].start() if len(before) >= INTRO_LINES else 0
    named = outlets_in(article.doc, begin, before[-1].end(), article.people.outlet_words)
    named = named or outlets_in(article.doc, 0, begin, article.people.outlet_words)
    return named[-1] if named else None


def outlets_in(doc: Doc, begin: int, end: int, outlet_words: frozenset[str]) -> list[Span]:
    found = [e for e in doc.ents if begin <= e.start_char < end and is_outlet(e, outlet_words)]
    found += [doc[t.i : t.i + 1] for t in doc if begin <= t.idx < end and t.pos_ == "PROPN" and t.lower_ in outlet_words and not t.ent_type_]
    return sorted(found, key=lambda span: span.start)
