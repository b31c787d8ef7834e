"""The reason an article gives for a switch or a resignation."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .syntax import phrase_text

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from .lexicon import EventLexicon


def reason_of(doc: Doc, verb: Token, lex: EventLexicon) -> str | None:
    """The stated reason: 'quit over a remark', 'in protest at X', '... because X', 'saying X'."""
    for child in verb.children:
        found = reason_in(doc, verb, child, lex)
        if found is not None:
            return found
    return None


def reason_in(doc: Doc, verb: Token, child: Token, lex: EventLexicon) -> str | None:
    if child.dep_ == "prep" and child.lower_ in lex.reason_prepositions:
        obj = next((c for c in child.children if c.dep_ == "pobj"), None)
        if obj is None or (child.lower_ in lex.protest_prepositions and obj.lemma_.lower() not in lex.protest_nouns):
            return None
        return phrase_text(doc, list(obj.subtree))
    if child.dep_ == "advcl" and verb.dep_ == "ROOT" and gives_reason(child, lex):
        return phrase_text(doc, [t for t in child.subtree if t.dep_ != "mark" and t.lower_ not in lex.reason_marks])
    return None


def gives_reason(clause: Token, lex: EventLexicon) -> bool:
    """'because ...', 'since ...', 'saying ...', 'citing ...'."""
    marks = {c.lower_ for c in clause.children if c.dep_ == "mark"}
    return bool(marks & lex.reason_marks) or (clause.lemma_.lower() in lex.reason_verbs and clause.tag_ == "VBG")
