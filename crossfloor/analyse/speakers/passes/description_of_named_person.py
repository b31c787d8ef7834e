"""'The congresswoman said' after 'Rep. Jane Okafor': a definite description of an office or
function is the most salient person the article gave it. A description of an office nobody in
the article holds ('the Health Secretary') finds no one and is left to `unnamed_source`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..description import settle_description

if TYPE_CHECKING:
    from ..state import Article, Source


def resolve(article: Article, source: Source) -> None:
    settle_description(article, source, of_office=True)
