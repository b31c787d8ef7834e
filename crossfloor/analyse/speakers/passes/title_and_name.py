"""'Mr Woodward said', 'Rep. Justin Amash said': a name written with its title or honorific is the person of that surname."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..naming import settle_named

if TYPE_CHECKING:
    from ..state import Article, Source


def resolve(article: Article, source: Source) -> None:
    settle_named(article, source, "titled")
