"""'told the broadcaster', 'told the paper': a media noun stands for the outlet named last before
it, as a venue of an earlier quote or an organisation whose name has an outlet's word."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Span

    from ...cast import Said
    from ..state import Article


def resolve_venue(article: Article, said: Said) -> None:
    venue = said.venue
    if not venue or not stands_for_outlet(article, venue):
        return
    start = said.attribution.start
    pool = sorted(earlier_venues(article, start) + outlets_before(article, start), key=lambda x: x[0])
    if pool:
        said.venue = pool[-1][1]


def stands_for_outlet(article: Article, venue: str) -> bool:
    """A media noun with no name of its own ('the broadcaster', not 'the BBC programme')."""
    words = venue.lower().split()
    return bool(words) and words[-1] in article.people.media_nouns and not any(w[:1].isupper() for w in venue.split())


def earlier_venues(article: Article, start: int) -> list[tuple[int, str]]:
    """The named media of quotes placed so far that come before start ('a statement' names none)."""
    venue_nouns = article.people.venue_nouns
    return [(s.attribution.start, s.venue) for s in article.cast.said if s.attribution.start < start and s.venue and s.venue.lower().split()[-1] not in venue_nouns]


def outlets_before(article: Article, start: int) -> list[tuple[int, str]]:
    outlet_words = article.people.outlet_words
    return [(e.start_char, e.text) for e in article.doc.ents if e.start_char < start and is_outlet(e, outlet_words)]


def is_outlet(ent: Span, outlet_words: frozenset[str]) -> bool:
    """An organisation named with an outlet's word ('Fox News', 'The Times')."""
    return ent.label_ == "ORG" and bool(set(ent.text.lower().split()) & outlet_words)
