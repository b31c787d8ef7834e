"""What the clause passes share: a cue verb whose content one of them reads becomes an indirect or
mixed report, or hands its quotation to the mark passes as a direct one."""

from __future__ import annotations

from typing import Callable

from spacy.tokens import Doc, Token

from ..doctext import text_of, tokens_of
from ..marks import MarkSpan
from .content import CLAUSE_DEPS, NO_CONTENT
from .grammar import CueGrammar, says_nothing, source_span
from .record import Attribution
from .state import AttributionState

ContentRule = Callable[[CueGrammar, Token], "tuple[int, int] | None"]


def read_clauses(state: AttributionState, found_by: str, rule: ContentRule) -> None:
    """Read the content of each cue verb no earlier clause pass has read by rule."""
    grammar = state.grammar
    for verb in state.free_tokens():
        if verb.i in state.read_clauses or not grammar.is_cue_verb(verb):
            continue
        content = rule(grammar, verb)
        if content is None:
            continue
        state.read_clauses.add(verb.i)
        if content != NO_CONTENT and not says_nothing(verb, grammar.cues.refusals):
            report_clause(state, verb, content, found_by)


def report_clause(state: AttributionState, verb: Token, content: tuple[int, int], found_by: str) -> None:
    start, end = content
    marks = state.marks
    if not has_clause(state.doc, start, end, marks):
        return
    inside, cutting = state.marks_over(start, end)
    # The parse split a quotation, or the quotation is the whole content, or a fragment of an
    # infinitive ('challenged him to "do the honourable thing"'): the mark route reports it
    # as direct, with this cue.
    handed = cutting or (inside if quotation_is_content(state.grammar, verb, start, end, inside) else [])
    if handed:
        state.hand_over(handed, verb, found_by)
        return
    grammar = state.grammar
    subject = grammar.subject_of(verb)
    state.report(
        Attribution(
            start,
            end,
            kind="mixed" if inside else "indirect",
            act="thought" if grammar.lemma(verb) in grammar.cues.thought else "said",
            cue=grammar.cue_span(verb),
            subject=subject,
            source=source_span(subject, verb) if subject is not None else None,
            cue_token=verb,
            venue=grammar.venues.venue_of(verb),
            marks_inside=inside,
            found_by=found_by,
        )
    )


def has_clause(doc: Doc, start: int, end: int, marks: list[MarkSpan]) -> bool:
    """Reported content states something: it has a verb ('his resignation' after 'announced'
    and 'the existence of a probe' after 'confirmed' are things, not words), or quoted words."""
    tokens = tokens_of(doc, (start, end))
    if tokens is None:
        return False
    return any(t.pos_ in ("VERB", "AUX") for t in tokens) or any(m.start >= start - 1 and m.end <= end + 1 for m in marks)


def quotation_is_content(grammar: CueGrammar, verb: Token, start: int, end: int, inside: list[MarkSpan]) -> bool:
    if not inside:
        return False
    text = text_of(verb.doc)
    words = text[start:end].split()
    outside_words = len(words) - sum(len(m.text(text).split()) for m in inside)
    # 'said that "..."': the reporter's 'that' makes the quotation part of reported speech, a
    # mixed quote with the 'that' (as PolNeAR marks it); a bare quotation stays direct
    reported = outside_words == 1 and words[0].lower() in grammar.cues.complementisers
    if outside_words <= 1 and not reported:
        return True
    return any(c.dep_ == "xcomp" for c in verb.children) and not any(c.dep_ in CLAUSE_DEPS for c in verb.children)
