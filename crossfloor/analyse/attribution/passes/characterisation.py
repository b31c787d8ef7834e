"""'Christie described Clinton as a "disgrace"', 'called the plan "a betrayal"': a naming verb's
object with its quoted words is the content, its subject the source. Without quoted words it is
no attribution."""

from __future__ import annotations

from spacy.tokens import Token

from ...lexicon import CueLexicon
from ..content import trimmed
from ..grammar import source_span
from ..record import Attribution
from ..state import AttributionState

NAME = "characterisation"


def characterisation(state: AttributionState) -> None:
    for verb in state.free_tokens():
        if state.grammar.is_naming_verb(verb):
            attribution = characterised(state, verb)
            if attribution is not None:
                state.report(attribution)


def characterising(cues: CueLexicon, verb: Token, c: Token) -> bool:
    """An object or complement that holds what a naming verb calls something ('called the plan
    "a betrayal"', 'described him as "a lifetime politician"', 'what he called "a breach"')."""
    if c.dep_ == "dobj" and c.lower_ in cues.naming_objects:
        return True
    return c.i > verb.i and (c.dep_ in ("dobj", "oprd", "dative", "ccomp", "xcomp") or (c.dep_ == "prep" and c.lower_ in cues.naming_prepositions))


def characterisation_content(complements: list[Token], verb: Token) -> tuple[int, int] | None:
    """The complements' words, unless a colon opens a quotation among them."""
    tokens = [t for c in complements for t in c.subtree]
    if any(t.text == ":" for t in tokens):
        return None
    return trimmed(sorted(tokens, key=lambda t: t.i), verb)


def characterised(state: AttributionState, verb: Token) -> Attribution | None:
    grammar = state.grammar
    complements = [c for c in verb.children if characterising(grammar.cues, verb, c)]
    subject = grammar.subject_of(verb)
    if not complements or subject is None:
        return None
    content = characterisation_content(complements, verb)
    if content is None:
        return None
    start, end = content
    inside, cutting = state.marks_over(start, end)
    if not inside or cutting:
        return None
    return Attribution(
        start,
        end,
        kind="mixed",
        cue=grammar.cue_span(verb),
        subject=subject,
        source=source_span(subject, verb),
        cue_token=verb,
        marks_inside=inside,
        found_by=NAME,
    )
