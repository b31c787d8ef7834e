"""'"...," Mr Hague said.' / '"...," said Mr Hague' / '"...," he told BBC Radio 4.': a speech verb
just after the quotation, past its closing comma or dash."""

from __future__ import annotations

from spacy.tokens import Span, Token

from ..direct import attach_cue, quoted_span
from ..state import AttributionState

NAME = "cue_after"
# How far (in tokens) a cue may stand after the quotation it follows.
ADJACENT_AFTER = 8
CLAUSE_ENDS = (",", ".", "!", "?", "…", "—", "-")


def cue_after(state: AttributionState) -> None:
    for a in list(state.unresolved_direct()):
        span = quoted_span(state.doc, a.mark)
        cue = cue_following(state, span) if span is not None else None
        if cue is not None:
            attach_cue(state, a, cue, NAME)


def clause_end_after(state: AttributionState, span: Span) -> int | None:
    """The first token after the quotation and its closing punctuation, when the quotation ends a
    clause there."""
    doc, mark_of_token = state.doc, state.mark_of_token
    i = span.end
    while i < len(doc) and (doc[i].is_quote or doc[i].is_space) and mark_of_token[i] >= 0:
        i += 1
    ends_clause = span[-1].text in CLAUSE_ENDS
    while i < len(doc) and doc[i].is_punct and doc[i].text in ",—–-" and "\n" not in doc[i].text:
        ends_clause = True
        i += 1
    return i if ends_clause else None


def cue_following(state: AttributionState, span: Span) -> Token | None:
    doc = state.doc
    i = clause_end_after(state, span)
    if i is None:
        return None
    for j in range(i, min(len(doc), i + ADJACENT_AFTER)):
        tok = doc[j]
        if "\n" in tok.text or state.mark_of_token[j] >= 0 or (tok.is_punct and tok.text in ".!?;"):
            return None
        if state.grammar.is_speech_verb(tok):
            return tok
        if tok.pos_ == "VERB" and tok.dep_ not in ("aux", "auxpass"):
            return None
    return None
