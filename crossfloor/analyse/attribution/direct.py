"""What the mark passes share: a quotation's tokens, the cue it is given, and where it stands."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from ..marks import MarkSpan

from .grammar import source_span
from .record import Attribution
from .state import AttributionState

# A partial quote belongs to a cue when it sits in the cue's content, not in an adjunct
# ('said on "Face the Nation"' is a programme, not a quotation).
GOVERNED_DEPS = frozenset({"ccomp", "xcomp", "acl", "advcl", "conj", "parataxis", "oprd", "attr", "dobj", "acomp"})


def quoted_span(doc: Doc, mark: MarkSpan) -> Span | None:
    """The tokens of a quotation, its marks included."""
    return doc.char_span(mark.start, mark.end, alignment_mode="expand")


def attach_cue(state: AttributionState, a: Attribution, cue: Token, found_by: str, noun_source: Token | None = None) -> None:
    """Give a direct quotation its cue, and with it source and venue (a cue noun's source is its
    owner: 'Mr Woodward's claim')."""
    grammar = state.grammar
    verb = cue.pos_ in ("VERB", "AUX")
    subject = noun_source if noun_source is not None else (grammar.subject_of(cue) if verb else None)
    a.cue_token = cue
    a.cue = grammar.cue_of(cue)
    a.subject = subject
    a.source = source_span(subject, cue) if subject is not None else None
    a.venue = grammar.venues.venue_of(cue) if verb else None
    a.found_by = found_by


def standalone(text: str, a: Attribution) -> bool:
    """A quotation that is a sentence of its own: it opens a paragraph or follows the end of
    a sentence. Only such quotations continue another speaker's words; a fragment inside a
    sentence ('called the remarks "a wake-up call"') belongs to that sentence."""
    before = text[: a.start].rstrip(" \t\u00a0\"'“‘`«„")
    return not before or before[-1] in "\n.!?:…"


def lead_in_verb(colon: Token) -> Token | None:
    """The verb of the clause the colon closes: the verb it hangs on, before it. Not the
    sentence's root, which may be a clause before it ('When Johnson pressed her, she slapped him
    down: "...'). Where the parser hung the colon, and the lead-in, on a verb inside the
    quotation, the lead-in's own verb: the highest word above the word before the colon that
    still stands before it."""
    verb = colon.head
    if verb.i > colon.i and colon.i > colon.sent.start:
        verb = colon.doc[colon.i - 1]
        while verb.head.i < colon.i and verb.head.i != verb.i:  # the root is its own head
            verb = verb.head
    return verb if verb.pos_ in ("VERB", "AUX") and verb.i < colon.i else None


def content_path(span: Span, naming_prepositions: frozenset[str]):
    """Ancestors of a quoted fragment reached through content relations (object, complement,
    'as ...'), not through adjuncts."""
    child = span.root
    for anc in span.root.ancestors:
        if anc.i in range(span.start, span.end):
            child = anc
            continue
        through_content = child.dep_ in GOVERNED_DEPS or (
            child.lower_ in naming_prepositions if child.dep_ == "prep" else child.dep_ == "pobj" and child.head.lower_ in naming_prepositions
        )
        child = anc
        if through_content:
            yield anc


def lead_before(state: AttributionState, mark: MarkSpan) -> Token | None:
    """The last token before a quotation (by its marks) and its opening marks."""
    doc, mark_of_token = state.doc, state.mark_of_token
    i = quoted_span(doc, mark).start - 1
    while i >= 0 and mark_of_token[i] >= 0 and (doc[i].is_quote or doc[i].is_space):
        i -= 1
    while i >= 0 and doc[i].is_space:
        i -= 1
    return doc[i] if i >= 0 else None


# How far (in tokens) a cue may stand before the quotation it introduces.
ADJACENT_BEFORE = 30


def cue_walking_back(state: AttributionState, lead: Token, colon: bool, is_cue) -> Token | None:
    """The nearest token before the quotation's `lead` (itself included) that `is_cue(tok, j)`
    accepts, looking back no further than the lead-in: not into another quotation, past a
    sentence end or (unless the lead-in ends in a colon) a line break."""
    i = lead.i
    for j in range(i, max(-1, i - ADJACENT_BEFORE), -1):
        tok = state.doc[j]
        if state.mark_of_token[j] >= 0 or (j < i and ends_lead_in(tok, colon)):
            return None
        if is_cue(tok, j):
            return tok
    return None


def ends_lead_in(tok: Token, colon: bool) -> bool:
    """A lead-in looking back for its cue stops at a sentence end, and at a line break unless
    it ends in a colon."""
    return ("\n" in tok.text and not colon) or (tok.is_sent_end and tok.text in ".!?")
