"""'her statement said', 'Trump's letter says': a statement, letter or tweet that speaks is its
owner speaking; the passes after this one resolve the owner ('her' as a pronoun, 'Trump' as a
name). The document itself is the venue's business, not the speaker's."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..state import Article, Source


def resolve(article: Article, source: Source) -> None:
    subject = source.subject
    if subject.lemma_.lower() not in article.people.venue_nouns and subject.lower_ not in article.people.venue_nouns:
        return
    owner = next((c for c in subject.children if c.dep_ == "poss"), None)
    if owner is not None:
        source.subject = owner
