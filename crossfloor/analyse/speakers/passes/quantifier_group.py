"""'Some say', 'others argue': a quantifier pronoun is a group the article leaves unnamed."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...cast import Speaker

if TYPE_CHECKING:
    from ..state import Article, Source


def resolve(article: Article, source: Source) -> None:
    lower = source.subject.lower_
    if source.is_pronoun(article) and lower in article.people.quantifier_pronouns:
        source.settle(Speaker(lower, kind="group"))
