"""The article's cast, built once before any pass runs: its people grouped by surname and shown in
their fullest form, the roles they were introduced with, and their mentions in order."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ...people import has_given_name
from ..cast import Cast, Person, Said, surname_keys
from ..doctext import inside_quotation, text_of
from ..names import first_name_gender, is_first_name
from .descriptors import describe
from .headlines import in_headline
from .salience import ANTECEDENT_ROLES, is_main_subject

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from ..attribution import Attribution
    from .state import Lexicons

# A US party label after a name: 'Justin Amash (I-MI)', 'Kevin McCarthy, R-Calif.'
PARTY_LABEL = re.compile(r"\s*[(,]\s*([A-Z])\s*[-–]\s*[A-Z][A-Za-z.]{1,12}\.?(?:\s?[A-Z][a-z.]*)?\s*\)?")
# An editor's brackets inside a quoted name: '[Benjamin] Netanyahu'.
BRACKETS = re.compile(r"[\[\]]")
# A regnal or generational number after a name.
ROMAN = re.compile(r"[IVXLC]+")
# What the entity recogniser may call a surname written alone.
MISREAD_AS = frozenset({"ORG", "GPE", "NORP"})
# Punctuation that ends the titles written before a name.
TITLE_STOPS = frozenset({",", ";", ":", "—", "-", "–", '"', "“", "”"})


def build_cast(doc: Doc, words: Lexicons, attributions: list[Attribution]) -> Cast:
    """People by surname, people by the role they were introduced with, and mentions in order;
    one entry per attribution for the resolver to fill in."""
    cast = Cast({}, {}, [], [Said(a) for a in attributions])
    names = [ent for ent in doc.ents if ent.label_ == "PERSON"]
    headed = [ent for ent in names if in_headline(text_of(doc), ent.start_char)]
    unplaced = [ent for ent in names if ent not in headed and not register(doc, ent, words, cast)]
    for ent in headed:
        register_headed(doc, ent, words, cast)
    link_first_names(cast)
    for person in cast.everyone():
        person.gender = person.gender or first_name_gender(person.name)
    for ent in unplaced:
        place_namesake(doc, ent, words, cast)
    for ent in doc.ents:
        place_misread_surname(ent, words, cast)
    # 'Sir Edward' mentioned before the link was made is the linked person too.
    cast.mentions = sorted(((offset, linked(cast, person), role) for offset, person, role in cast.mentions), key=lambda m: m[0])
    return cast


def register_headed(doc: Doc, ent: Span, words: Lexicons, cast: Cast) -> None:
    """A name in a headline ('Whatever Obama Says') is a mention of the person of the body it
    holds (the longest run of its words the cast answers to); one the body does not name is
    taken only when it is a plain name (two or three words, opening with a first name)."""
    tokens = name_tokens(ent, words.people)
    text = text_of(doc)
    runs = ((i, j) for size in range(min(len(tokens), 3), 0, -1) for i in range(len(tokens) - size + 1) for j in [i + size])
    for i, j in runs:
        person = cast.find(text[tokens[i].idx : tokens[j - 1].idx + len(tokens[j - 1].text)])
        if person is not None:
            add_mention(doc, ent, person, words, cast)
            return
    plain = 2 <= len(tokens) <= 3 and is_first_name(tokens[0].text) and tokens[-1].lower_ not in words.people.not_name_openers
    if plain:
        register(doc, ent, words, cast)


def linked(cast: Cast, person: Person) -> Person:
    return cast.by_surname.get(person.name.split()[-1].lower(), person) if " " not in person.name else person


def written_name(doc: Doc, ent: Span, words: Lexicons) -> tuple[str, str] | None:
    """A PERSON entity's name as written, without honorifics, and the key it is filed under."""
    tokens = name_tokens(ent, words.people)
    if not tokens or not tokens[-1].text[:1].isupper():
        return None
    name = " ".join(BRACKETS.sub("", text_of(doc)[tokens[0].idx : tokens[-1].idx + len(tokens[-1].text)]).split())
    if words.parties.normalise(name) or common_noun(doc, ent, name, words):  # 'Lib Dems', 'Attacker' taken for a person
        return None
    return name, surname_keys(name)[0]


def common_noun(doc: Doc, ent: Span, name: str, words: Lexicons) -> bool:
    """A lone capitalised word no honorific marks as a name, which the article also writes in
    lower case ('ATTACKER:' labels beside 'the attacker'): a noun, not a surname."""
    if " " in name or honorific_gender(ent, words.people.honorifics) or (ent.start and doc[ent.start - 1].lower_ in words.people.honorifics):
        return False
    return re.search(rf"\b{re.escape(name.lower())}\b", text_of(doc)) is not None


def register(doc: Doc, ent: Span, words: Lexicons, cast: Cast) -> bool:
    """Add one PERSON entity to the cast: a new person, or a mention (perhaps a fuller name) of one
    already there. False when it is a lone surname namesakes share, or a name that fits several
    of them: which one it is waits until the whole cast is known."""
    written = written_name(doc, ent, words)
    if written is None:
        return True
    name, key = written
    person = cast.place(name, key)
    if person is None:
        return False
    if len(name.split()) > len(person.name.split()):
        person.name = name
    add_mention(doc, ent, person, words, cast)
    return True


def place_namesake(doc: Doc, ent: Span, words: Lexicons, cast: Cast) -> None:
    """A lone surname namesakes share ('Trump' beside Donald and Ivanka Trump) is a mention of the
    one the article makes plain (`Cast.namesake`), else of nobody."""
    name, key = written_name(doc, ent, words)
    gender = honorific_gender(ent, words.people.honorifics)
    person = cast.namesake(key, gender, frozenset(title_words(ent, words.people.honorifics))) if not has_given_name(name) else None
    if person is not None:
        add_mention(doc, ent, person, words, cast)


def place_misread_surname(ent: Span, words: Lexicons, cast: Cast) -> None:
    """A lone proper noun the recogniser took for a body or a place ('McGahn, again, refused')
    that is the surname of one person the article names in full is a mention of that person,
    so a pronoun after it may stand for them; only where it heads a noun phrase a pronoun may
    refer back to, not as a modifier ('Trump voters', 'the Obama years')."""
    token = ent.root
    if ent.label_ not in MISREAD_AS or len(ent) != 1 or token.pos_ != "PROPN" or token.dep_ not in ANTECEDENT_ROLES:
        return
    person = cast.by_surname.get(token.lower_)
    if person is not None and has_given_name(person.name) and person.name.split()[-1] == token.text:
        add_mention(ent.doc, ent, person, words, cast)


def add_mention(doc: Doc, ent: Span, person: Person, words: Lexicons, cast: Cast) -> None:
    """What one entity tells of its person: gender, titles, a US party label, its place, and
    the role, party and seat written beside it."""
    person.gender = person.gender or honorific_gender(ent, words.people.honorifics)
    person.titles |= title_words(ent, words.people.honorifics)
    person.party = person.party or label_party(text_of(doc), ent.end_char, words.parties.letters)
    person.mentions.append(ent.start_char)
    if not inside_quotation(doc, ent.start_char):
        cast.mentions.append((ent.start_char, person, "main" if is_main_subject(ent.root) else ent.root.dep_))
    describe(ent, person, cast.by_role, words)


def name_tokens(tokens, people) -> list[Token]:
    """A name without honorifics, determiners or possessive endings, nor the headline, caption
    or credit words the entity recogniser took into it ('Claims Obama', 'CLOSE Donald Trump',
    'President Donald Trump' -> 'Donald Trump')."""
    out = [t for t in tokens if t.tag_ != "POS" and t.text not in people.possessive_endings]
    while out and (out[0].lower_ in people.honorifics or out[0].is_punct or opens_no_name(out, people)):
        out.pop(0)
    while out and (out[-1].is_punct or (len(out) > 1 and shouted(out[-1]) and not shouted(out[-2]))):
        out.pop()
    return out


def opens_no_name(tokens: list[Token], people) -> bool:
    """A first word no name opens with, when a name follows it: a headline's or caption's word
    (people.json's not_name_openers, or a common word that is no first name: 'Whatever Obama'),
    a word in capitals before one that is not ('CLOSE Donald Trump'), or a role before a full
    name ('Comedian Jo Fenn')."""
    if len(tokens) < 2:
        return False
    first = tokens[0]
    if first.lower_ in people.not_name_openers or (shouted(first) and not shouted(tokens[1])):
        return True
    if first.is_stop and not is_first_name(first.text):
        return True
    return len(tokens) > 2 and (first.lower_ in people.role_heads or first.lower_ in people.generic_descriptions)


def shouted(token: Token) -> bool:
    """A word written in capitals ('CLOSE', 'REUTERS'), not an initial, a one-letter word or a
    regnal number ('Benedict XVI', 'Henry VIII')."""
    return token.text.isalpha() and token.text.isupper() and len(token.text) > 1 and not ROMAN.fullmatch(token.text)


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


def link_first_names(cast: Cast) -> None:
    """'Sir Graham' after 'Sir Graham Lowe': a lone first name joins the one person it fits."""
    by_surname = cast.by_surname
    for key, person in list(by_surname.items()):
        if " " in person.name:
            continue
        fits = [p for p in cast.everyone() if " " in p.name and p.name.split()[0].lower() == key]
        if len(fits) == 1:
            fits[0].mentions.extend(person.mentions)
            by_surname[key] = fits[0]
