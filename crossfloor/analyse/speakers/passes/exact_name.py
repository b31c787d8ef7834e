"""'Jane Okafor said': the subject is a person's name written in full."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..naming import settle_named

if TYPE_CHECKING:
    from ..state import Article, Source


def resolve(article: Article, source: Source) -> None:
    settle_named(article, source, "full")
