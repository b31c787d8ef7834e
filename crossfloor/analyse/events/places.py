"""Seats: the constituency an article gives a person ('Mr Woodward's former constituency
association in Witney')."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .syntax import phrase_text, prep_object

if TYPE_CHECKING:
    from spacy.tokens import Doc


def constituency_of(doc: Doc, person) -> str | None:
    """'Mr Woodward's former constituency association in Witney' -> Witney."""
    surname = person.name.split()[-1]
    for tok in doc:
        if tok.lemma_.lower() != "constituency":
            continue
        owner = [t for t in tok.head.subtree if t.dep_ == "poss" and t.text == surname] if tok.dep_ == "compound" else [t for t in tok.subtree if t.dep_ == "poss" and t.text == surname]
        if not owner:
            continue
        holder = tok.head if tok.dep_ == "compound" else tok
        place = prep_object(holder, ("in", "of"))
        if place is not None and place.pos_ == "PROPN":
            return phrase_text(doc, [t for t in place.subtree if t.pos_ in ("PROPN", "CCONJ") and t.dep_ != "appos" and t.head.dep_ != "appos"])
    return None
