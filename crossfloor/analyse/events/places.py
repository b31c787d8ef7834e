"""Seats: the constituency an article gives a person ('Mr Woodward's former constituency
association in Witney')."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .syntax import phrase_text, prep_object

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from .lexicon import EventLexicon


def constituency_of(doc: Doc, person, lex: EventLexicon) -> str | None:
    """'Mr Woodward's former constituency association in Witney' -> Witney."""
    surname = person.name.split()[-1]
    for tok in doc:
        if tok.lemma_.lower() in lex.constituency_nouns and owned_by(tok, surname):
            place = prep_object(tok.head if tok.dep_ == "compound" else tok, lex.prepositions["constituency_of"])
            if place is not None and place.pos_ == "PROPN":
                return place_name(doc, place)
    return None


def owned_by(constituency: Token, surname: str) -> bool:
    """'Woodward's constituency', 'Woodward's constituency association'."""
    phrase = constituency.head if constituency.dep_ == "compound" else constituency
    return any(t.dep_ == "poss" and t.text == surname for t in phrase.subtree)


def place_name(doc: Doc, place: Token) -> str:
    """The proper-noun words of a place ('Bury South'), without appositions."""
    return phrase_text(doc, [t for t in place.subtree if t.pos_ in ("PROPN", "CCONJ") and t.dep_ != "appos" and t.head.dep_ != "appos"])
