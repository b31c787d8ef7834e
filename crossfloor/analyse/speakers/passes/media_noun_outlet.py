"""'the network reported', 'the paper said': a media noun with no name of its own that speaks is
the outlet named last before it, as a venue of an earlier quote or an organisation named with an
outlet's word ('Carson got into a fight with CNN when the network reported ...'), within a few
sentences; as `told_outlet` reads 'told the broadcaster'."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...cast import Speaker
from ..phrases import role_phrase
from ..salience import sentences_back
from .told_outlet import earlier_venues, outlets_before, stands_for_outlet

if TYPE_CHECKING:
    from ..state import Article, Source

# The outlet is named at most this many sentences before the media noun.
OUTLET_REACH = 2


def resolve(article: Article, source: Source) -> None:
    subject = source.subject
    if source.is_pronoun(article) or subject.pos_ != "NOUN" or not stands_for_outlet(article, role_phrase(subject, article.people)):
        return
    back = sentences_back(article.doc, subject.idx)
    pool = [(at, name) for at, name in earlier_venues(article, subject.idx) + outlets_before(article, subject.idx) if back(at) <= OUTLET_REACH]
    if pool:
        source.settle(Speaker(max(pool)[1], kind="organisation"))
