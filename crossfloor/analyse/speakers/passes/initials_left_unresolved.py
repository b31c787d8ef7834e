"""'((XY)) Why now?': a transcript's label that is initials nobody the article names answers to
(transcript_initials found no one), that no body it names spells out and that its running text
never uses stays unresolved. The entity recogniser takes such a label for an organisation, and
an organisation called 'XY' would be a wrong speaker where a gap is honest; the interviewer's
label is told later by the interview itself (interview_transcript)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ....people import is_acronym
from ...attribution.passes.transcript_label import NAME as TRANSCRIPT_LABEL, TURN_OPENING
from ...doctext import entity_at, text_of
from .organisation_name import BODIES, spelled_out

if TYPE_CHECKING:
    from ..state import Article, Source

def resolve(article: Article, source: Source) -> None:
    label = source.subject.text
    if source.attribution is None or source.attribution.found_by != TRANSCRIPT_LABEL or not is_acronym(label):
        return
    body = entity_at(article.doc, source.subject.i)
    if body is None or body.label_ not in BODIES:
        return
    if spelled_out(article.doc, label) is None and not used_in_running_text(text_of(article.doc), label):
        source.settle(None)


def used_in_running_text(text: str, label: str) -> bool:
    """Whether the article writes `label` anywhere but as the label opening a line."""
    word = re.compile(rf"\b{re.escape(label)}\b")
    return any(word.search(TURN_OPENING.sub("", line, count=1)) for line in text.splitlines())
