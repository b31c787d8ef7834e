"""Definite descriptions ('the congresswoman', 'the Nevada Democrat', 'the 58-year-old'): what
one says of the person it stands for, and the most salient person it fits."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..cast import Person
from ..country import country_words
from .phrases import role_phrase
from .salience import ranked_candidates

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from .state import Article, Lexicons, Source


@dataclass(frozen=True)
class Description:
    """What a definite description says of the person it stands for."""

    words: list[str]
    classes: frozenset[str]
    generic: bool
    gender: str | None
    party: str | None
    ranks: set[str]


def description_of(subject: Token, role: str, words: Lexicons) -> Description | None:
    """The description a singular noun with 'the' makes ('the Illinois Democrat'), or None."""
    people = words.people
    if subject.tag_ in ("NNS", "NNPS") or not any(c.dep_ == "det" and c.lower_ in people.definite_articles for c in subject.children):
        return None
    lowered = role.lower().replace("-", " ").split()
    head = hyphenated(subject)
    generic = head in people.generic_descriptions or head.endswith(people.age_suffixes) or words.parties.normalise(subject.text) is not None
    # 'the former teacher': what someone was is said of someone already named, unless the
    # article brought in someone unnamed by it first ('a former teacher ... the former teacher')
    generic = generic or bool(set(lowered) & people.time_qualifiers) and not introduced_unnamed(subject, people.definite_articles)
    return Description(lowered, people.classes_of(lowered), generic, people.gendered_roles.get(head), words.parties.find(role), set(lowered) & people.rank_words)


def introduced_unnamed(subject: Token, definite: frozenset[str]) -> bool:
    """An earlier noun of the same word with an indefinite determiner ('a former aide')."""
    doc = subject.doc
    first = doc.user_data.get("crossfloor_first_indefinite")
    if first is None:  # once per document: where each noun is first brought in by 'a', 'an', 'one' ...
        first = doc.user_data["crossfloor_first_indefinite"] = {}
        for t in doc:
            if any(c.dep_ == "det" and c.lower_ not in definite for c in t.children):
                first.setdefault(t.lemma_.lower(), t.i)
    return first.get(subject.lemma_.lower(), subject.i) < subject.i


def hyphenated(tok: Token) -> str:
    """The whole hyphenated word a token ends, lower case ('58-year-old' for its 'old')."""
    doc, start = tok.doc, tok.i
    while start >= 2 and doc[start - 1].text == "-" and not doc[start - 1].whitespace_ and not doc[start - 2].whitespace_:
        start -= 2
    return doc[start : tok.i + 1].text.lower()


def described_person(article: Article, subject: Token, wanted: Description) -> Person | None:
    """The most salient person before the description that it fits, never one whose role another
    country's nationality qualifies when the description does not ('the prime minister' of a
    British article is not 'Dutch Prime Minister Mark Rutte')."""
    foreign = foreign_words(article.doc, article.words) - set(wanted.words)
    for candidate, _tier, _offset in ranked_candidates(article, subject.idx, None):
        if isinstance(candidate, Person) and not qualifiers(candidate, wanted) & foreign and fits(wanted, candidate, article.words):
            return candidate
    return None


def qualifiers(person: Person, wanted: Description) -> set[str]:
    """The words of the person's role before the description's head ('dutch', 'prime' of 'Dutch
    Prime Minister' for 'the minister'); none when the role does not hold the head."""
    words = (person.role or "").lower().split()
    head = wanted.words[-1] if wanted.words else None
    return set(words[: words.index(head)]) if head in words else set()


def foreign_words(doc: Doc, words: Lexicons) -> set[str]:
    """The nationalities the article names (the entity recogniser's NORP, but parties), in lower
    case, but those of the country it is about (data/countries.json): 'Dutch' in an article
    from the Netherlands is its own. When the article is about no one country, as far as the
    data tells, the one nationality it names is its own; of two or more, each qualifies a role:
    a bare 'the prime minister' in a report of a summit is not 'Dutch Prime Minister Mark Rutte'
    more than any other."""
    found = doc.user_data.get("crossfloor_foreign_words")
    if found is None:
        country = getattr(doc._, "country", None) if doc.has_extension("country") else None
        code = country.code if country is not None else None
        own = {w.lower() for w, of in country_words().country_of.items() if of == code}
        # An acronym the recogniser calls a nationality is a union ('AU trade commissioner'), not one.
        nationalities = {t.lower_ for t in doc if t.ent_type_ == "NORP" and not t.text.isupper() and words.parties.normalise(t.text) is None}
        found = nationalities - own if code else nationalities if len(nationalities) > 1 else set()
        doc.user_data["crossfloor_foreign_words"] = found
    return found


def fits(wanted: Description, person: Person, words: Lexicons) -> bool:
    """Gender, party and rank must not disagree; then a description of an office fits a holder
    of it (all its words, for a specific office: 'the Health Secretary' is not the Home
    Secretary), a generic one anyone who holds no office it names."""
    parties = words.parties
    if wanted.gender and person.gender and wanted.gender != person.gender:
        return False
    if wanted.party and person.party and parties.normalise(person.party) != parties.normalise(wanted.party):
        return False
    if not wanted.ranks <= person.titles:
        return False
    held = words.people.classes_of(person.titles)
    if not wanted.classes:
        return wanted.generic
    if wanted.classes & held:
        return not (wanted.classes & words.people.specific_classes) or distinguishing_words(wanted, words) <= person.titles
    return wanted.generic and not held


def distinguishing_words(wanted: Description, words: Lexicons) -> set[str]:
    """The words of a description beyond its class, party and time ('Health' of 'the Health
    Secretary')."""
    people = words.people
    # An owner ('the party's Westminster leader') says whose post it is, not which post.
    owners = {w for w in wanted.words if w.endswith(tuple(people.possessive_endings))}
    return {w for w in wanted.words if w not in people.role_classes and words.parties.normalise(w) is None and w not in people.time_qualifiers} - owners


def settle_description(article: Article, source: Source, of_office: bool) -> None:
    """Settle a definite description with the person it stands for: one of an office or
    function (of_office), or a generic one (the person in focus)."""
    if source.is_pronoun(article):
        return
    subject = source.subject
    wanted = description_of(subject, role_phrase(subject, article.people), article.words)
    if wanted is None or bool(wanted.classes) != of_office or not (wanted.classes or wanted.generic):
        return
    person = described_person(article, subject, wanted)
    if person is not None:
        source.settle(person.as_speaker())
