"""'The Health Secretary said' after 'Health Secretary Jo Hunt': a role noun is the person the
article introduced with that role, written beside their name (premodifier or appositive)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..descriptors import role_key
from ..phrases import role_phrase

if TYPE_CHECKING:
    from ..state import Article, Source


def resolve(article: Article, source: Source) -> None:
    if source.is_pronoun(article):
        return
    person = article.cast.by_role.get(role_key(role_phrase(source.subject, article.people), article.people))
    if person is not None:
        source.settle(person.as_speaker())
