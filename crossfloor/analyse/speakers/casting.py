"""The article's cast, built once before any pass runs: its people grouped by surname and shown in
their fullest form, the roles they were introduced with, and their mentions in order."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..cast import Cast, Person, Said
from ..doctext import inside_quotation, text_of
from ..names import first_name_gender
from .descriptors import describe
from .salience import is_main_subject

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from ..attribution import Attribution
    from .state import Lexicons

# A US party label after a name: 'Justin Amash (I-MI)', 'Kevin McCarthy, R-Calif.'
PARTY_LABEL = re.compile(r"\s*[(,]\s*([A-Z])\s*[-–]\s*[A-Z][A-Za-z.]{1,12}\.?(?:\s?[A-Z][a-z.]*)?\s*\)?")
# Punctuation that ends the titles written before a name.
TITLE_STOPS = frozenset({",", ";", ":", "—", "-", "–", '"', "“", "”"})


def build_cast(doc: Doc, words: Lexicons, attributions: list[Attribution]) -> Cast:
    """People by surname, people by the role they were introduced with, and mentions in order;
    one entry per attribution for the resolver to fill in."""
    cast = Cast({}, {}, [], [Said(a) for a in attributions])
    for ent in doc.ents:
        if ent.label_ == "PERSON":
            register(doc, ent, words, cast)
    link_first_names(cast.by_surname)
    for person in cast.by_surname.values():
        person.gender = person.gender or first_name_gender(person.name)
    # 'Sir Edward' mentioned before the link was made is the linked person too.
    cast.mentions = [(offset, linked(cast, person), role) for offset, person, role in cast.mentions]
    return cast


def linked(cast: Cast, person: Person) -> Person:
    return cast.by_surname.get(person.name.split()[-1].lower(), person) if " " not in person.name else person


def register(doc: Doc, ent: Span, words: Lexicons, cast: Cast) -> None:
    """Add one PERSON entity to the cast: a new person, or a mention (perhaps a fuller name) of one
    already there."""
    tokens = name_tokens(ent, words.people)
    if not tokens or not tokens[-1].text[:1].isupper():
        return
    text = text_of(doc)
    name = text[tokens[0].idx : tokens[-1].idx + len(tokens[-1].text)]
    key = tokens[-1].lower_
    person = cast.by_surname.get(key)
    if person is None:
        person = cast.by_surname[key] = Person(name)
    elif len(name.split()) > len(person.name.split()):
        person.name = name
    person.gender = person.gender or honorific_gender(ent, words.people.honorifics)
    person.titles |= title_words(ent, words.people.honorifics)
    person.party = person.party or label_party(text, ent.end_char, words.parties.letters)
    person.mentions.append(ent.start_char)
    if not inside_quotation(doc, ent.start_char):
        cast.mentions.append((ent.start_char, person, "main" if is_main_subject(ent.root) else ent.root.dep_))
    describe(ent, person, cast.by_role, words)


def name_tokens(tokens, people) -> list[Token]:
    """A name without honorifics, determiners or possessive endings."""
    out = [t for t in tokens if t.tag_ != "POS" and t.text not in people.possessive_endings]
    while out and (out[0].lower_ in people.honorifics or out[0].is_punct):
        out.pop(0)
    while out and out[-1].is_punct:
        out.pop()
    return out


def honorific_gender(ent: Span, honorifics: dict[str, str | None]) -> str | None:
    """The gender an honorific before or in the name implies ('Mrs', 'Sir')."""
    before = [ent.doc[ent.start - 1]] if ent.start > 0 else []
    for tok in [*before, *ent]:
        if honorifics.get(tok.lower_):
            return honorifics[tok.lower_]
    return None


def label_party(text: str, end: int, letters: dict[str, str]) -> str | None:
    """'Justin Amash (I-MI)', 'Kevin McCarthy, R-Calif.': the party of a US label."""
    label = PARTY_LABEL.match(text, end, min(len(text), end + 24))
    return letters.get(label.group(1)) if label else None


def title_words(ent: Span, honorifics) -> set[str]:
    """'Rep.' in 'Michigan Rep. Justin Amash', 'President' in 'President Donald Trump',
    'Secretary' in 'Health and Human Services Secretary Tom Price'."""
    doc = ent.doc
    words = {t.lower_ for t in ent if t.lower_ in honorifics}
    k = ent.start - 1
    while k >= 0 and k >= ent.start - 6 and doc[k].pos_ in ("PROPN", "NOUN", "ADJ", "CCONJ", "PUNCT") and doc[k].text not in TITLE_STOPS:
        words.add(doc[k].lower_)
        k -= 1
    return words


def link_first_names(by_surname: dict[str, Person]) -> None:
    """'Sir Graham' after 'Sir Graham Lowe': a lone first name joins the one person it fits."""
    for key, person in list(by_surname.items()):
        if " " in person.name:
            continue
        fits = [p for p in by_surname.values() if " " in p.name and p.name.split()[0].lower() == key]
        if len(fits) == 1:
            fits[0].mentions.extend(person.mentions)
            by_surname[key] = fits[0]
