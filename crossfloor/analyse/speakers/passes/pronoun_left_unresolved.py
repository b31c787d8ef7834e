"""'It said', 'we said' outside a quotation: pronouns no antecedent stands for stay unresolved
rather than become a speaker called 'It' (people.json's unresolved_pronouns)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..state import Article, Source


def resolve(article: Article, source: Source) -> None:
    if source.is_pronoun(article) and source.subject.lower_ in article.people.unresolved_pronouns:
        source.settle(None)
