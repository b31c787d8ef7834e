"""The person a subject phrase names, as the name passes read it: the entity at a token of the
phrase, its name without honorifics, and how it is written (in full, by surname, with a title)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..doctext import entity_at, text_of
from .casting import honorific_gender, name_tokens

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from ..cast import Person
    from .state import Article, Source


@dataclass(frozen=True)
class Named:
    person: Person
    # how the name is written: 'full' (the person's fullest name), 'titled' ('Mr Woodward',
    # 'Rep. Justin Amash') or 'short' (a surname or other shorter form of the fullest name)
    form: str


def phrase_heads(subject: Token) -> set[int]:
    """The subject and the words of its phrase that may carry its name: its appositives and
    conjuncts, a conjunct's appositive ('policy expert and former official, Jane Roe') and the
    name a participle gives it ('a student named Wong': the parse's object predicate)."""
    near = [c for c in subject.children if c.dep_ in ("appos", "conj")]
    apposed = [a for c in near if c.dep_ == "conj" for a in c.children if a.dep_ == "appos"]
    given = [o for c in subject.children if c.dep_ == "acl" for o in c.children if o.dep_ == "oprd"]
    return {subject.i} | {t.i for t in near + apposed + given}


def named_at(article: Article, i: int, heads: set[int]) -> Named | None:
    """The cast's person whose name is the entity at token i, when the entity heads the phrase."""
    ent = entity_at(article.doc, i)
    if ent is None or ent.label_ != "PERSON" or ent.root.i not in heads:
        return None
    tokens = name_tokens(ent, article.people)
    written = text_of(article.doc)[tokens[0].idx : tokens[-1].idx + len(tokens[-1].text)] if tokens else None
    person = article.cast.find(written, honorific_gender(ent, article.people.honorifics))
    if person is None:
        return None
    return Named(person, form_of(article, ent, tokens, person))


def form_of(article: Article, ent: Span, tokens: list[Token], person: Person) -> str:
    honorifics = article.people.honorifics
    titled = any(t.lower_ in honorifics for t in ent if t.i < tokens[0].i) or (ent.start > 0 and article.doc[ent.start - 1].lower_ in honorifics)
    if titled:
        return "titled"
    written = text_of(article.doc)[tokens[0].idx : tokens[-1].idx + len(tokens[-1].text)]
    return "full" if written == person.name else "short"


def subject_named(article: Article, subject: Token) -> Named | None:
    """The person the subject's own entity names."""
    return named_at(article, subject.i, phrase_heads(subject))


def settle_named(article: Article, source: Source, form: str) -> None:
    """Settle a source whose own entity names a person in the cast, written in this form."""
    if source.is_pronoun(article):
        return
    named = subject_named(article, source.subject)
    if named is not None and named.form == form:
        source.settle(named.person.as_speaker())
