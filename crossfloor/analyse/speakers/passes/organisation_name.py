"""'The Ministry of Finance said': a body the entity recogniser names is an organisation, by its
whole name."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...cast import Speaker
from ...doctext import entity_at
from ..phrases import ORGANISATION_ENTITIES

if TYPE_CHECKING:
    from ..state import Article, Source

# A nationality or group ('Democrats said') is left to the role and group passes.
BODIES = ORGANISATION_ENTITIES - {"NORP"}


def resolve(article: Article, source: Source) -> None:
    if source.is_pronoun(article):
        return
    subject = source.subject
    body = entity_at(article.doc, subject.i)
    if body is None or body.label_ not in BODIES or body.root.i != subject.i:
        return
    name = " ".join(t.text for t in body if t.dep_ != "det" and t.tag_ != "POS").replace(" - ", "-")
    source.settle(Speaker(name, party=article.parties.normalise(name), kind="organisation"))
