"""'The Health Secretary said' (an office nobody in the article holds), 'officials said', 'a
Labour source said': a source no earlier pass ties to someone named stays what its words say, a
role, a group or an organisation, with the party they name; a surname namesakes share stays a
person's name, unresolved."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...cast import Speaker
from ..phrases import kind_of, role_phrase

if TYPE_CHECKING:
    from ..state import Article, Source


def resolve(article: Article, source: Source) -> None:
    if source.is_pronoun(article):
        return
    subject, people = source.subject, article.people
    role = role_phrase(subject, people)
    office = role if subject.lower_ in people.role_heads else None
    # A surname two people named in full share, which nothing tells apart ('Bush' beside George
    # W. and George H. W. Bush), is a person's name still: a person, unresolved.
    kind = "person" if subject.lower_ in article.cast.namesakes else kind_of(subject, role, article.words)
    source.settle(Speaker(role, None, office, article.parties.find(role), kind=kind))
