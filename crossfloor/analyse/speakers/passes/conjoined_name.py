"""'Conservative columnist and commentator George Will said': a name closing a conjoined
description of the subject (the parser hangs it on the last noun as a compound)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..state import Article, Source


def resolve(article: Article, source: Source) -> None:
    if source.is_pronoun(article):
        return
    by_surname = article.cast.by_surname
    for conj in (c for c in source.subject.children if c.dep_ == "conj"):
        compounds = [t for t in conj.lefts if t.dep_ == "compound" and t.ent_type_ == "PERSON"]
        if compounds and compounds[-1].lower_ in by_surname and compounds[-1].i == conj.i - 1:
            source.settle(by_surname[compounds[-1].lower_].as_speaker())
            return
