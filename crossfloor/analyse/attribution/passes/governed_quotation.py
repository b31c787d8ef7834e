"""A partial quote inside a sentence ('rejecting Mr Woodward's claim that ... "extremist"'): the
cue verb, or the cue noun with an owner, that holds it in its content."""

from __future__ import annotations

from spacy.tokens import Span, Token

from ..direct import attach_cue, content_path, quoted_span
from ..state import AttributionState

NAME = "governed_quotation"


def governed_quotation(state: AttributionState) -> None:
    for a in list(state.unresolved_direct()):
        cue, owner = governing_cue(state, quoted_span(state.doc, a.mark))
        if cue is not None:
            attach_cue(state, a, cue, NAME, owner)


def governing_cue(state: AttributionState, span: Span) -> tuple[Token | None, Token | None]:
    """The first cue verb on the fragment's content path, or a cue noun whose owner is named."""
    grammar = state.grammar
    for anc in content_path(span, grammar.cues.naming_prepositions):
        if grammar.is_cue_verb(anc):
            return anc, None
        if anc.pos_ == "NOUN" and anc.lemma_.lower() in grammar.cues.nouns:
            owner = owner_of(anc, grammar.cues.noun_source_prepositions)
            if owner is not None:
                return anc, owner
    return None, None


def owner_of(noun: Token, prepositions: frozenset[str]) -> Token | None:
    """'Mr Woodward's claim', 'a claim by Mr Woodward'."""
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if owner is not None:
        return owner
    by = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ in prepositions), None)
    return next((p for p in by.children if p.dep_ == "pobj"), None) if by is not None else None
