"""'((JQD)) Why now?', 'JQD: Why now?': a transcript's label that is the initials of a person the
article names ('Wikinews reporter John Q. Doe') is that person. Only a transcript's label: an
acronym elsewhere is far more often a body ('AP said' beside an Alice Park)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ....people import is_acronym, spells_out
from ...attribution.passes.transcript_label import NAME as TRANSCRIPT_LABEL

if TYPE_CHECKING:
    from ..state import Article, Source


def resolve(article: Article, source: Source) -> None:
    label = source.subject.text
    if source.attribution is None or source.attribution.found_by != TRANSCRIPT_LABEL or not is_acronym(label):
        return
    people = [p for p in article.cast.people() if spells_out(label, p.name)]
    if len(people) == 1:
        source.settle(people[0].as_speaker())
