"""The reason an article gives for a switch or a resignation."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .syntax import phrase_text

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

REASON_MARKS = frozenset({"because", "since"})


def reason_of(doc: Doc, verb: Token) -> str | None:
    """The stated reason: 'quit over a remark', 'in protest at X', '... because X', 'saying X'."""
    for child in verb.children:
        found = reason_in(doc, verb, child)
        if found is not None:
            return found
    return None


def reason_in(doc: Doc, verb: Token, child: Token) -> str | None:
    if child.dep_ == "prep" and child.lower_ in ("over", "in"):
        obj = next((c for c in child.children if c.dep_ == "pobj"), None)
        if obj is None or (child.lower_ == "in" and obj.lemma_.lower() != "protest"):
            return None
        return phrase_text(doc, list(obj.subtree))
    if child.dep_ == "advcl" and verb.dep_ == "ROOT" and gives_reason(child):
        return phrase_text(doc, [t for t in child.subtree if t.dep_ != "mark" and t.lower_ not in REASON_MARKS])
    return None


def gives_reason(clause: Token) -> bool:
    """'because ...', 'since ...', 'saying ...', 'citing ...'."""
    marks = {c.lower_ for c in clause.children if c.dep_ == "mark"}
    return bool(marks & REASON_MARKS) or (clause.lemma_.lower() in ("say", "cite", "claim") and clause.tag_ == "VBG")
