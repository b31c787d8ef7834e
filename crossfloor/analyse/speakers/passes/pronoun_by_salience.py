"""'he', 'she', 'they': the most salient agreeing speaker or person before the pronoun (nearest
sentence first, its main subject or speaker first, first-name gender), never the subject of its
own clause nor the speaker whose words it is in. A person named elsewhere in a sentence (an
object, a prepositional phrase) is taken only when their gender is known to agree. The person
chosen learns the pronoun's gender when the article gave none."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..salience import best_antecedent, choose_person, ranked_candidates, sentence_index, unbound

if TYPE_CHECKING:
    from ..state import Article, Source


def resolve(article: Article, source: Source) -> None:
    if not source.is_pronoun(article):
        return
    pronoun, people = source.subject, article.people
    lower = pronoun.lower_
    gender = people.pronoun_gender.get(lower)
    ranked = unbound(article, pronoun, ranked_candidates(article, pronoun.idx, source.attribution))
    chosen = best_antecedent(lower, gender, ranked, sentence_index(article.doc), people)
    if chosen is None:
        return
    if gender and chosen.gender is None and lower not in people.plural_pronouns:
        chosen.gender = gender
    source.settle(choose_person(chosen))
