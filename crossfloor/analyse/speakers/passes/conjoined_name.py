"""'Conservative columnist and commentator George Will said': a name closing a conjoined
description of the subject (the parser hangs it on the last noun as a compound)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..state import Article, Source


def resolve(article: Article, source: Source) -> None:
    if source.is_pronoun(article):
        return
    for conj in (c for c in source.subject.children if c.dep_ == "conj"):
        compounds = [t for t in conj.lefts if t.dep_ == "compound" and t.ent_type_ == "PERSON"]
        person = article.cast.find(compounds[-1].text) if compounds and compounds[-1].i == conj.i - 1 else None
        if person is not None:
            source.settle(person.as_speaker())
            return
