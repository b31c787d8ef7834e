"""'Will said', 'May said', a transcript's 'PENCE:': a capitalised word that is the surname of a
person in the cast, whatever the parser took it for (a modal verb, a label)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..state import Article, Source


def resolve(article: Article, source: Source) -> None:
    subject = source.subject
    if source.is_pronoun(article) or subject.pos_ in ("PRON", "DET") or not subject.text[:1].isupper():
        return
    before = subject.doc[subject.i - 1].lower_ if subject.i else ""
    person = article.cast.find(subject.text, article.people.honorifics.get(before))
    if person is not None:
        source.settle(person.as_speaker())
