"""Lines of a transcript ('PENCE: Well, look, ...', '((WN)) Why now?'): the label is the speaker and the colon the
cue. A quoted line's quotation becomes the words after the label; an unquoted line becomes a
direct quotation of its own. The label counts as a speaker when it is an interview label (Q, A),
opens two or more lines (turns of a conversation), or one of its words is a name the article
writes in ordinary case ('Mike Pence'), which keeps a lone 'UPDATE:' out; a name in ordinary case
labels a quoted line when the article names that person ('McConnell: "..."')."""

from __future__ import annotations

import re
from collections import Counter
from functools import cache

from spacy.tokens import Doc

from ...doctext import tokens_of
from ..record import Attribution
from ..state import AttributionState

NAME = "transcript_label"
# A label in double brackets, a colon or not: '((WN)) Why are you running?', '((Jane Roe)) : We
# will win.' (the interview transcripts of wikis and of some papers).
BRACKETED_LABEL = re.compile(r"""(?m)^[ \t]*\(\((?P<label>[A-Z][A-Za-z.'’ -]{0,40}?)\)\)[ \t\u00a0]*:?[ \t\u00a0]*(?=\S)""")
# How any line of a transcript opens, found as a turn or not: a label in double brackets, or in
# capitals and a colon, or a colon whose label was lost ('((WN)) ...', 'HOLT: ...', ': Why now?').
TURN_OPENING = re.compile(r"\s*(?:\(\([^()\n]*\)\)|:|[A-Z][A-Z'’.-]+(?: [A-Z][A-Z'’.-]+){0,2}:)")
# 'McConnell: "Senator Burr contacted me ..."': a name in ordinary case labelling a quoted line.
NAME_LABEL = re.compile(r"""(?m)^[ \t]*(?P<label>[A-Z][a-z][A-Za-z'’]*(?:[ -][A-Z][a-z][A-Za-z'’]*){0,2}):[ \t\u00a0]*(?=["“])""")


@cache
def speaker_label(interview_labels: tuple[str, ...]) -> re.Pattern:
    """A transcript line opens with its speaker's label: 'WALLACE: Let's start ...', 'Q: Will you
    go?' (after an opening quotation mark when the transcript is quoted)."""
    short = "".join(f"{re.escape(label)}|" for label in interview_labels)
    return re.compile(rf"""(?m)^[ \t"“'‘]*(?P<label>{short}[A-Z][A-Z'’.-]+(?: [A-Z][A-Z'’.-]+){{0,2}}):[ \t\u00a0]+(?=\S)""")


def transcript_label(state: AttributionState) -> None:
    doc, text = state.doc, state.text
    added: list[Attribution] = []
    for match in speaker_labels(doc, text, state.grammar.cues.interview_labels):
        a, new = labelled_line(text, match, state.direct, state.found)
        if a is None:
            continue
        if new:
            added.append(a)
        a.source = (match.start("label"), match.end("label"))
        a.cue = (match.end("label"), match.end("label") + 1)
        label_span, colon = tokens_of(doc, a.source), tokens_of(doc, a.cue)
        a.subject = label_span.root if label_span is not None else None
        a.cue_token = colon[0] if colon is not None else None
        a.found_by = NAME
    state.direct += added


def speaker_labels(doc: Doc, text: str, interview_labels: tuple[str, ...]) -> list:
    """The label matches that name a speaker, in text order."""
    matches = [*speaker_label(interview_labels).finditer(text), *BRACKETED_LABEL.finditer(text)]
    turns = Counter(m.group("label") for m in matches)
    people = {w for e in doc.ents if e.label_ == "PERSON" for w in e.text.split()}
    names = [m for m in NAME_LABEL.finditer(text) if m.group("label").split()[-1] in people and text.count(m.group("label").split()[-1]) > 1]

    def speaks(match) -> bool:
        label = match.group("label")
        named = match.re is NAME_LABEL or any(len(w) > 2 and re.search(rf"\b{re.escape(w.title())}\b", text) for w in label.split())
        return label in interview_labels or turns[label] > 1 or named

    return [m for m in sorted(matches + names, key=lambda m: m.start()) if speaks(m)]


def labelled_line(text: str, match, direct: list[Attribution], found: list[Attribution]) -> tuple[Attribution | None, bool]:
    """The quotation a label introduces (its start moved past the label), or a new direct
    quotation of the rest of an unquoted line (True); None when the line is attributed
    already."""
    line_end = text.find("\n", match.end())
    line_end = len(text) if line_end < 0 else line_end
    quoted = [d for d in direct if d.start <= match.start("label") < d.end or (match.re is NAME_LABEL and 0 <= d.start - match.end() <= 2)]
    if quoted:
        if quoted[0].source is not None:
            return None, False
        quoted[0].start = max(quoted[0].start, match.end())
        return quoted[0], False
    if attributed_already(match, line_end, [*direct, *found]):
        return None, False
    return Attribution(match.end(), len(text[:line_end].rstrip()), kind="direct"), True


def attributed_already(match, line_end: int, attributions: list[Attribution]) -> bool:
    """Another attribution covers the rest of the line. A turn in double brackets is the asker's
    line whole: what it reports or quotes of others ('((WN)) You've said that you want to act
    ...') stays a report of its own within it."""
    inside = [x for x in attributions if x.start < line_end and x.end > match.end()]
    nested = match.re is BRACKETED_LABEL and all(x.start >= match.end() and x.end <= line_end for x in inside)
    return bool(inside) and not nested
