"""'Christie described Clinton as a "disgrace"', 'called the plan "a betrayal"': the quoted words
a naming verb gives its object are the speaker's, its subject the source. Where the verb names
a thing ('the plan', 'Clinton as'), each quoted run is a direct quotation with this cue (the
writer's object is no part of the words said, and a short run would drown in it); where its
complement is a clause ('described how he became "disenchanted"'), the clause with its quoted
words is one mixed report. Without quoted words it is no attribution."""

from __future__ import annotations

from spacy.tokens import Token

from ...lexicon import CueLexicon
from ...marks import MarkSpan
from ..content import trimmed
from ..grammar import source_span
from ..record import Attribution
from ..state import AttributionState

NAME = "characterisation"
# Complements that are clauses: what the verb describes is a report, not a thing named.
CLAUSAL = frozenset({"ccomp", "xcomp"})
# Clauses that modify a noun of the complement: the writer's words about it.
MODIFIER_CLAUSES = frozenset({"acl", "relcl"})


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


def names_only(complements: list[Token], inside: list[MarkSpan]) -> bool:
    """The verb names a thing and every quoted run is that name, none in a clause the writer
    hangs on it ('called the attack "an outrage" carried out by those with "a hateful creed"'
    is one mixed report: the second run is not what the attack was called)."""
    if any(c.dep_ in CLAUSAL for c in complements):
        return False
    modifying = [t for c in complements for t in c.subtree if t.dep_ in MODIFIER_CLAUSES]
    spans = [(t.left_edge.idx, t.right_edge.idx + len(t.right_edge.text)) for t in modifying]
    return not any(a <= m.start and m.end <= b + 1 for m in inside for a, b in spans)


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
    if names_only(complements, inside):
        state.hand_over(inside, verb, NAME)
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
