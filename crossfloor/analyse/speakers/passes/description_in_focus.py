"""'The Nevada Democrat said', 'the 58-year-old said': a generic definite description (no office
of its own) is the person in focus, the most salient one it does not contradict."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..description import settle_description

if TYPE_CHECKING:
    from ..state import Article, Source


def resolve(article: Article, source: Source) -> None:
    settle_description(article, source, of_office=False)
