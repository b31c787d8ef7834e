"""'Mr Trump also said at the news conference:' and then, paragraph by paragraph, what he said
('- the talks would go on', '- the protests were "very small"'); 'As the Gazette reported at
the time:' and the paragraph it reported: a lead-in that ends its paragraph with a colon reports
what follows. Its cue is a speech verb with a speaker ('according to X' too) whose content no
earlier pass read: the lead-in reports nothing of its own.

What follows is one report, or one report an item when it is a list: items opened by a list
mark ('-', '•', '1.'; cues.json `list_marks`) or left without a full stop, as bullets are. A
list ends at the first paragraph that is not such an item, a label ('Analysis: ...') or a
line too short to say anything. A paragraph opened by a quotation mark is a direct quotation,
`colon_lead_in`'s; an item that holds another report, or cuts through a quotation, is left to
the passes that read it."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

from spacy.tokens import Token

from ...doctext import tokens_of
from ..grammar import source_span
from ..record import Attribution
from ..state import AttributionState

NAME = "colon_list"
MAX_ITEMS = 15  # a longer run of short lines is a page's furniture, not one speaker's points
MIN_ITEM_WORDS = 4
ITEMS_REACH = 20_000  # characters after the colon that its list may take
LINE = re.compile(r"[^\n]*\S[^\n]*")
OPENING_QUOTES = "\"'“‘«„"
SENTENCE_END = re.compile(r"[.!?…][\"'”’»)\]]*$")
NUMBERED = re.compile(r"^\(?\d{1,2}[.)]\s")
LABEL = re.compile(r"^[^\s:]{1,20}( [^\s:]{1,20})?:\s")


class LeadIn(NamedTuple):
    cue: Token  # the speech verb, or the head word of 'according to'
    cue_span: tuple[int, int]
    subject: Token


def colon_list(state: AttributionState) -> None:
    text = state.text
    for colon in [t for t in state.doc if t.text == ":" and ends_paragraph(text, t)]:
        lead = lead_in(state, colon)
        if lead is None:
            continue
        reports = [item_report(state, lead, span) for span in items_after(state, colon)]
        for report in reports:
            if report is not None:
                state.report(report)
        state.read_clauses.add(lead.cue.i)


def ends_paragraph(text: str, colon: Token) -> bool:
    return text[colon.idx + 1 : colon.idx + 4].lstrip(" \t").startswith("\n")


def lead_in(state: AttributionState, colon: Token) -> LeadIn | None:
    """The lead-in's cue and its speaker: a speech verb with a subject whose content no pass
    read, nearest the colon, or 'according to X' with X."""
    grammar = state.grammar
    for tok in reversed(colon.doc[colon.sent.start : colon.i]):
        if tok.i in state.read_clauses or tok.i in state.cue_tokens or state.mark_of_token[tok.i] >= 0:
            continue
        if tok.lower_ in grammar.cues.according_to:
            return according_to_lead(grammar.cues.according_to[tok.lower_], tok)
        if grammar.is_speech_verb(tok):
            subject = grammar.subject_of(tok)
            return LeadIn(tok, grammar.cue_span(tok), subject) if subject is not None else None
    return None


def according_to_lead(preposition: str, head: Token) -> LeadIn | None:
    to = next((c for c in head.children if c.lower_ == preposition), None)
    source = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
    return LeadIn(head, (head.idx, to.idx + len(to.text)), source) if source is not None else None


def items_after(state: AttributionState, colon: Token) -> Iterator[tuple[int, int]]:
    """The character spans of what the lead-in introduces: the next paragraph, or the items of
    the list it opens."""
    marks = state.grammar.cues.list_marks
    for n, (start, end) in enumerate(paragraphs_after(state.text, colon.idx + 1)):
        line = state.text[start:end]
        if n == MAX_ITEMS or line[:1] in OPENING_QUOTES or len(line.split()) < MIN_ITEM_WORDS or LABEL.match(line):
            return
        mark = list_mark_length(line, marks)
        item = mark > 0 or not SENTENCE_END.search(line)
        if n > 0 and not item:
            return
        yield start + mark, end
        if not item:
            return


def paragraphs_after(text: str, offset: int) -> Iterator[tuple[int, int]]:
    """The character spans of the lines after offset, without the space around them, no further
    than ITEMS_REACH: an article of a thousand lead-ins is read in time linear in its length."""
    for m in LINE.finditer(text, offset, min(len(text), offset + ITEMS_REACH)):
        line = m.group(0)
        start = m.start() + len(line) - len(line.lstrip())
        yield start, start + len(line.strip())


def list_mark_length(line: str, marks: frozenset[str]) -> int:
    """How many characters a list mark opening the line takes with the space after it (0: it
    opens with none)."""
    numbered = NUMBERED.match(line)
    if numbered:
        return numbered.end()
    first = line.split(maxsplit=1)[0]
    return len(line) - len(line[len(first) :].lstrip()) if first in marks else 0


def item_report(state: AttributionState, lead: LeadIn, span: tuple[int, int]) -> Attribution | None:
    start, end = span
    inside, cutting = state.marks_over(start, end)
    if tokens_of(state.doc, span) is None or cutting or any(a.start < end and start < a.end for a in state.found):
        return None
    verb = lead.cue.pos_ in ("VERB", "AUX")
    return Attribution(
        start,
        end,
        kind="mixed" if inside else "indirect",
        cue=lead.cue_span,
        subject=lead.subject,
        source=source_span(lead.subject, lead.cue if verb else None),
        cue_token=lead.cue,
        venue=state.grammar.venues.venue_of(lead.cue) if verb else None,
        marks_inside=inside,
        found_by=NAME,
    )
