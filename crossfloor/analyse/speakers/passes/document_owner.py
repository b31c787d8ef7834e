"""'her statement said', 'Trump's letter says', 'a statement from the party said', 'a tweet sent
from Biden's account said': a statement, letter, tweet or lawsuit that speaks is its author
speaking; the passes after this one resolve the author ('her' as a pronoun, 'Trump' as a name).
'The statement said' that names no author is the speaker just before it, within two sentences
('CBS News denied it ... "...," the statement said'), unless the article said who put it out
a few sentences before ('X issued a statement'): never one only cited ('according to
NBC'), who reported the document rather than wrote it. The document itself is the venue's
business, not the speaker's."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...attribution.passes.according_to import NAME as ACCORDING_TO
from ..salience import sentences_back

if TYPE_CHECKING:
    from spacy.tokens import Token

    from ...cast import Speaker
    from ..state import Article, Source

# The speaker a document stands for is at most this many sentences before it, as the parser
# splits them (it often ends one at a dash).
AUTHOR_REACH = 2
# ... and the one who put it out ('X issued a statement') at most this many.
ISSUER_REACH = 3


def resolve(article: Article, source: Source) -> None:
    subject, people = source.subject, article.people
    if not is_document(subject, people):
        return
    author = author_in_phrase(subject, people)
    if author is not None:
        source.subject = author
        return
    if any(c.dep_ == "det" and c.lower_ in people.definite_articles for c in subject.children):
        issuer = issued_by(article, subject)
        if issuer is not None:
            source.subject = issuer
            return
        speaker = speaker_before(article, subject)
        if speaker is not None:
            source.settle(speaker)


def issued_by(article: Article, document: Token) -> Token | None:
    """Who the article said put the document out, within ISSUER_REACH sentences before: the
    subject of the verb the same noun was the object of ('Trump's lawyers filed a lawsuit ...
    The lawsuit alleges', 'The ministry issued a statement ... the statement said')."""
    back = sentences_back(article.doc, document.idx)
    for earlier in reversed(article.doc[: document.i]):
        if back(earlier.idx) > ISSUER_REACH:
            return None
        if earlier.lemma_ == document.lemma_ and earlier.dep_ == "dobj":
            return next((c for c in earlier.head.children if c.dep_ == "nsubj"), None)
    return None


def is_document(token: Token, people) -> bool:
    return any(w in people.venue_nouns or w in people.document_nouns for w in (token.lemma_.lower(), token.lower_))


def author_in_phrase(document: Token, people) -> Token | None:
    """The document's owner ('Trump's letter'), or who it is from or by ('a statement from the
    party', 'a tweet sent from Biden's account': then the account's owner)."""
    owner = next((c for c in document.children if c.dep_ == "poss"), None)
    if owner is not None:
        return owner
    found = author_after_preposition(document, people)
    if found is None or found.pos_ != "NOUN" or found.lower_ in people.role_heads:
        return found  # 'from the Labour Party', 'from Trump's campaign': the body itself
    return next((c for c in found.children if c.dep_ == "poss"), found)


def author_after_preposition(document: Token, people) -> Token | None:
    """The object of 'from'/'by' on the document or on a participle describing it."""
    holders = [document, *(c for c in document.children if c.dep_ == "acl")]
    preps = [p for h in holders for p in h.children if p.dep_ in ("prep", "agent") and p.lower_ in people.author_prepositions]
    return next((o for p in preps for o in p.children if o.dep_ == "pobj"), None)


def speaker_before(article: Article, document: Token) -> Speaker | None:
    """The speaker of the nearest attribution before the document, within AUTHOR_REACH
    sentences, when it is a person or an organisation the article named and was not only cited."""
    back = sentences_back(article.doc, document.idx)
    earlier = [s for s in article.cast.said if s.speaker is not None and s.attribution.start < document.idx and back(s.attribution.start) <= AUTHOR_REACH]
    if not earlier:
        return None
    said = max(earlier, key=lambda s: s.attribution.start)
    if said.attribution.found_by == ACCORDING_TO or said.speaker.kind not in ("person", "organisation"):
        return None
    return said.speaker
