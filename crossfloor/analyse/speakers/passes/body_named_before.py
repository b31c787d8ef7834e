"""'the committee said', 'the State Department said': a definite description of a body that
speaks is the body named last before it, within a few sentences, whose name holds every word
of the description ('the House Intelligence Committee' for 'the committee'). A name that does
not hold the words ('the Bureau of Labor Statistics' for 'the agency') is left alone: which
body a word such as 'agency' stands for is guesswork."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...cast import Speaker
from ..salience import sentences_back
from .organisation_name import BODIES, body_name

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from ..state import Article, Source

# The body is named at most this many sentences before its description.
BODY_REACH = 3


def resolve(article: Article, source: Source) -> None:
    subject = source.subject
    words = description_words(subject, article.people.definite_articles)
    if source.is_pronoun(article) or subject.pos_ != "NOUN" or not words:
        return
    back = sentences_back(article.doc, subject.idx)
    named = [e for e in article.doc.ents if e.end_char <= subject.idx and e.label_ in BODIES and back(e.start_char) <= BODY_REACH and holds(e, words)]
    if named:
        name = body_name(named[-1])
        source.settle(Speaker(name, party=article.parties.normalise(name), kind="organisation"))


def description_words(subject: Token, definite: frozenset[str]) -> list[str] | None:
    """The words of 'the [state] department' without the article; None unless it opens with a
    definite article and is only words before its noun."""
    children = list(subject.children)
    if not any(c.dep_ == "det" and c.lower_ in definite for c in children):
        return None
    if any(c.dep_ not in ("det", "compound", "amod") or c.i > subject.i for c in children):
        return None
    return [t.lower_ for t in subject.subtree if t.dep_ != "det"]


def holds(body: Span, words: list[str]) -> bool:
    name = {t.lower_ for t in body}
    return all(w in name for w in words)
