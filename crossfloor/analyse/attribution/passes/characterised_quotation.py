"""'Obama called the holiday "a celebration of ..."', 'described Clinton as "a lifetime
politician"': a quoted fragment inside its sentence takes the first verb with a subject that
holds it in its content, when that verb is a naming verb."""

from __future__ import annotations

from spacy.tokens import Span, Token

from ..direct import attach_cue, content_path, quoted_span, standalone
from ..state import AttributionState

NAME = "characterised_quotation"


def characterised_quotation(state: AttributionState) -> None:
    for a in list(state.unresolved_direct()):
        if standalone(state.text, a):
            continue
        cue = characterising_verb(state, quoted_span(state.doc, a.mark))
        if cue is not None:
            attach_cue(state, a, cue, NAME)


def characterising_verb(state: AttributionState, span: Span) -> Token | None:
    grammar = state.grammar
    for anc in content_path(span, grammar.cues.naming_prepositions):
        if anc.pos_ == "VERB" and any(c.dep_ in ("nsubj", "csubj") for c in anc.children):
            return anc if grammar.lemma(anc) in grammar.cues.naming else None
    return None
