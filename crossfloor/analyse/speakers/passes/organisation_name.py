"""'The Ministry of Finance said': a body the entity recogniser names is an organisation, by its
whole name; by the name the article spells it out in, when it is an acronym of one ('BLS said'
beside 'the Bureau of Labor Statistics')."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ....people import is_acronym, spells_out
from ...cast import Speaker
from ...doctext import entity_at
from ..phrases import ORGANISATION_ENTITIES

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

    from ..state import Article, Source

# A nationality or group ('Democrats said') is left to the role and group passes.
BODIES = ORGANISATION_ENTITIES - {"NORP"}


def resolve(article: Article, source: Source) -> None:
    if source.is_pronoun(article):
        return
    subject = source.subject
    body = entity_at(article.doc, subject.i)
    if body is None:
        # an acronym the recogniser left unlabelled ('According to BLS:') is still the body the
        # article spells it out as
        name = spelled_out(article.doc, subject.text)
    elif body.label_ in BODIES and body.root.i == subject.i:
        name = spelled_out(article.doc, body_name(body)) or body_name(body)
    else:
        return
    if name is None:
        return
    source.settle(Speaker(name, party=article.parties.normalise(name), kind="organisation"))


def body_name(body: Span) -> str:
    return " ".join(t.text for t in body if t.dep_ != "det" and t.tag_ != "POS").replace(" - ", "-")


def spelled_out(doc: Doc, short: str) -> str | None:
    """The name of a body the article names whose initials an acronym spells (`spells_out`:
    'BLS', the Bureau of Labor Statistics; 'DOJ', the Department of Justice); None when it is
    no acronym or the article never spells it out."""
    if not is_acronym(short):
        return None
    return next((name for body in doc.ents if body.label_ in BODIES for name in [body_name(body)] if spells_out(short, name)), None)
