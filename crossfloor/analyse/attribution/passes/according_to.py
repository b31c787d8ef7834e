"""'According to a senior backbencher, at least four MPs have submitted letters': the rest of the
sentence is what the object of 'according to' says."""

from __future__ import annotations

from spacy.tokens import Token

from ..content import trimmed
from ..grammar import source_span
from ..record import Attribution
from ..state import AttributionState

NAME = "according_to"


def according_to(state: AttributionState) -> None:
    for tok in state.free_tokens():
        attribution = according_to_phrase(state, tok)
        if attribution is not None:
            state.report(attribution)


def according_to_phrase(state: AttributionState, tok: Token) -> Attribution | None:
    preposition = state.grammar.cues.according_to.get(tok.lower_)
    if preposition is None:
        return None
    to = next((c for c in tok.children if c.lower_ == preposition), None)
    pobj = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
    if pobj is None:
        return None
    if speaks_itself(state, tok.head) or reports_a_report(state, tok):
        return None
    excluded = {t.i for t in tok.subtree}
    content = trimmed([t for t in tok.sent if t.i not in excluded], tok)
    if content is None:
        return None
    return Attribution(
        *content,
        kind="indirect",
        cue=(tok.idx, to.idx + len(to.text)),
        subject=pobj,
        source=source_span(pobj),
        cue_token=tok,
        found_by=NAME,
    )


def speaks_itself(state: AttributionState, verb: Token) -> bool:
    """'"...," Sutton said, according to The New York Times'; 'According to the Post, friends of
    the suspect said they believed ...': 'according to' hangs on a speech verb with a subject
    of its own, who is the speaker; what 'according to' names is where the words were
    reported, so the cue passes after this one attribute them. ('According to Whitehall
    sources, Sir Kim decided ..., said Landale' hangs on 'decided': the sources are the
    speaker of what they say.)"""
    return state.grammar.is_speech_verb(verb) and any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)


def reports_a_report(state: AttributionState, tok: Token) -> bool:
    """'Ms Vance has said she will not stand, though she would serve if asked, according to
    Reuters': at the end of a sentence 'according to' may hang deep in the reported clause, but
    it names where a report made earlier in the sentence was read; the speech verb above it,
    with a subject of its own, gives the speaker. (Before the speech verb it names the source of
    what follows: 'According to Whitehall sources, Sir Kim decided ..., said Landale'.)"""
    return any(a.i < tok.i and speaks_itself(state, a) for a in tok.ancestors)
