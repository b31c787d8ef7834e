"""'In his letter, Smith wrote: "I have decided to resign"': a first-person pronoun inside an
attributed quotation is that quotation's speaker, when the speaker is a person."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...doctext import inside_quotation
from ..salience import quoted_speaker

if TYPE_CHECKING:
    from ..state import Article, Source


def resolve(article: Article, source: Source) -> None:
    pronoun = source.subject
    if not source.is_pronoun(article) or pronoun.lower_ not in article.people.first_person or not inside_quotation(article.doc, pronoun.idx):
        return
    writer = quoted_speaker(pronoun.idx, article.cast.said)
    source.settle(writer if writer is not None and writer.kind == "person" else None)
