"""Where a source spoke, when the attribution names a medium: an outlet, programme or platform
('told Sky News', 'tweeted' -> Twitter) or a media noun that stands for one ('told the
broadcaster', which `told_outlet` resolves). 'In a statement' or 'in his letter' name none."""

from __future__ import annotations

import calendar
from functools import cache
from typing import TYPE_CHECKING

from ...dates import WEEKDAYS

if TYPE_CHECKING:
    from ...cast import Said
    from ...lexicon import PeopleLexicon
    from ..state import Article


@cache
def calendar_words() -> frozenset[str]:
    """Capitalised words of a venue that name a day, not a medium ('in a statement on Wednesday')."""
    return frozenset(WEEKDAYS) | frozenset(name.lower() for name in calendar.month_name if name)


def resolve_venue(article: Article, said: Said) -> None:
    said.venue = named_venue(said.attribution.venue, article.people)


def named_venue(venue: str | None, people: PeopleLexicon) -> str | None:
    if not venue:
        return None
    words = venue.split()
    platform = next((people.platforms[w.lower()] for w in words if w.lower() in people.platforms), None)
    if platform:
        return platform
    named = [w for w in words if w[:1].isupper() and w.lower().strip(".,") not in calendar_words()]
    return venue if named or (words and words[-1].lower() in people.media_nouns) else None
