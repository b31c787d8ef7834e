"""'The MP, Mr Woodward, said', 'Smith and Jones said': a name in an appositive or conjunct of
the subject, when the subject itself names nobody."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..naming import named_at, phrase_heads

if TYPE_CHECKING:
    from ..state import Article, Source


def resolve(article: Article, source: Source) -> None:
    if source.is_pronoun(article):
        return
    subject = source.subject
    heads = phrase_heads(subject)
    for i in sorted(heads - {subject.i}):
        named = named_at(article, i, heads)
        if named is not None:
            source.settle(named.person.as_speaker())
            return
