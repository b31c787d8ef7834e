"""'the MP who said ...': a relative pronoun stands for the noun its clause hangs from; the passes
after this one resolve that noun."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...attribution import RELATIVE_PRONOUNS

if TYPE_CHECKING:
    from ..state import Article, Source


def resolve(article: Article, source: Source) -> None:
    subject = source.subject
    if subject.lower_ in RELATIVE_PRONOUNS and subject.head.dep_ == "relcl":
        source.subject = subject.head.head
