"""'The MP, Mr Woodward, said', 'Smith and Jones said': a name in an appositive or conjunct of
the subject, when the subject itself names nobody; and 'Ryan Thomas -- spokesman for X -- said',
where the parse made the name and its apposition two subjects of one verb."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..naming import named_at, phrase_heads

if TYPE_CHECKING:
    from spacy.tokens import Token

    from ..state import Article, Source


def resolve(article: Article, source: Source) -> None:
    if source.is_pronoun(article):
        return
    subject = source.subject
    heads = phrase_heads(subject) | apposed_subjects(subject)
    for i in sorted(heads - {subject.i}):
        named = named_at(article, i, heads)
        if named is not None:
            source.settle(named.person.as_speaker())
            return


def apposed_subjects(subject: Token) -> set[int]:
    """A subject of the same verb just before this one, apart only by punctuation (a dash or a
    comma the parse did not read as apposition)."""
    doc = subject.doc
    start = min((t.i for t in subject.subtree if not t.is_punct), default=subject.i)
    return {c.i for c in subject.head.children if c is not subject and c.dep_ == subject.dep_ and c.i + 1 < start and all(t.is_punct for t in doc[c.i + 1 : start])}
