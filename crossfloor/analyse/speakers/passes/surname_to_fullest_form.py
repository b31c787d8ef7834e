"""'Okafor said' after 'Rep. Jane Okafor': a surname (or other shorter form) is the person the article names most fully by it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..naming import settle_named

if TYPE_CHECKING:
    from ..state import Article, Source


def resolve(article: Article, source: Source) -> None:
    settle_named(article, source, "short")
