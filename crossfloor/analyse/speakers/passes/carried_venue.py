"""A speaker keeps the venue named for them until another is named ('He said:' after 'told Sky
News'), across at most two line breaks."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...doctext import text_of

if TYPE_CHECKING:
    from ..state import Article

# Line breaks a carried venue crosses: the next paragraph, not the rest of the article.
CARRY_BREAKS = 2


def carry(article: Article) -> None:
    text = text_of(article.doc)
    last: dict[str, tuple[int, str]] = {}
    for said in sorted(article.cast.said, key=lambda s: s.attribution.start):
        if said.speaker is None:
            continue
        key, a = said.speaker.name.lower(), said.attribution
        if said.venue:
            last[key] = (a.end, said.venue)
        elif key in last and text.count("\n", last[key][0], a.start) <= CARRY_BREAKS:
            said.venue = last[key][1]
            last[key] = (a.end, said.venue)
