"""'The Health Secretary said' after 'Health Secretary Jo Hunt': a role noun is the person the
article introduced with that role, written beside their name (premodifier or appositive)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..description import foreign_words
from ..descriptors import role_key
from ..phrases import role_phrase

if TYPE_CHECKING:
    from ..state import Article, Source


def resolve(article: Article, source: Source) -> None:
    if source.is_pronoun(article):
        return
    key = role_key(role_phrase(source.subject, article.people), article.people)
    person = article.cast.by_role.get(key) or narrower_role(article, key)
    if person is not None:
        source.settle(person.as_speaker())


def narrower_role(article: Article, key: str):
    """'the chief of staff' after 'White House chief of staff X': the one person whose role ends
    with the description's words, more words before them naming no rank ('deputy', 'shadow')
    and no other country ('the prime minister' of a British article is not 'Dutch Prime Minister
    Mark Rutte')."""
    if not key:
        return None
    unlike = article.people.rank_words | foreign_words(article.doc, article.words)
    fits = {id(p): p for role, p in article.cast.by_role.items() if role.endswith(" " + key) and not set(role[: -len(key)].split()) & unlike}
    return next(iter(fits.values())) if len(fits) == 1 else None
