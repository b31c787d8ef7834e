"""The words of events (data/events.json): each type's own section, and the words they share."""

from __future__ import annotations

import re
from dataclasses import dataclass, fields
from functools import cache, cached_property

from ..lexicon import _load
from .syntax import Auxiliaries


@dataclass(frozen=True)
class EventLexicon:
    """The shared words (data/events.json's top-level lists; its _comment says what they are for),
    and each type's section."""

    office_nouns: frozenset[str]
    blocking_governors: frozenset[str]
    factive_infinitive_heads: frozenset[str]
    blocking_nouns: frozenset[str]
    distinct_adverbs: frozenset[str]
    first_person: frozenset[str]
    office_words: frozenset[str]
    office_titles: frozenset[str]
    relative_pronouns: frozenset[str]
    gerund_prepositions: frozenset[str]
    definite_articles: frozenset[str]
    indefinite_articles: frozenset[str]
    one_words: frozenset[str]
    nameless_pronouns: frozenset[str]
    post_nominals: frozenset[str]
    description_heads: frozenset[str]
    anaphoric_heads: frozenset[str]
    quantifier_words: frozenset[str]
    party_nouns: frozenset[str]
    party_plurals: frozenset[str]
    party_name_nouns: frozenset[str]
    modals: frozenset[str]
    future_auxiliaries: frozenset[str]
    perfect_auxiliaries: frozenset[str]
    factual_marks: frozenset[str]
    condition_marks: frozenset[str]
    hedging_marks: frozenset[str]
    negative_adverbs: frozenset[str]
    negative_determiners: frozenset[str]
    constituency_nouns: frozenset[str]
    reason_marks: frozenset[str]
    reason_prepositions: frozenset[str]
    protest_prepositions: frozenset[str]
    protest_nouns: frozenset[str]
    reason_verbs: frozenset[str]
    containing_offices: frozenset[str]
    aside_marks: frozenset[str]
    former_words: frozenset[str]
    bounding_prepositions: frozenset[str]
    unaffiliated_parties: tuple[str, ...]
    prepositions: dict[str, frozenset[str]]
    sections: dict[str, dict]

    def words(self, section: str) -> dict:
        """A type's section, its lists as frozensets ('phrasal' maps verbs to particles)."""
        return {key: frozen(value) for key, value in self.sections.get(section, {}).items()}

    @cached_property
    def auxiliaries(self) -> Auxiliaries:
        return Auxiliaries(perfect=self.perfect_auxiliaries, future=self.future_auxiliaries)

    @property
    def independent(self) -> str:
        """The party 'an independent' sits as."""
        return self.unaffiliated_parties[0]

    @cached_property
    def party_name(self) -> re.Pattern:
        """A party's own name: up to four capitalised words and 'Party' ('Veritas Party')."""
        nouns = "|".join(re.escape(n) for n in sorted(self.party_name_nouns))
        return re.compile(rf"^([A-Z][\w'’-]*\s+){{0,4}}({nouns})$")


def frozen(value):
    if isinstance(value, dict):  # a word maps to a list of words, or to one word (kept as is)
        return {k: v if isinstance(v, str) else frozenset(v) for k, v in value.items()}
    return frozenset(value) if isinstance(value, list) else value


@cache
def event_lexicon(path: str | None = None) -> EventLexicon:
    data = _load("events.json", path)
    shared = [f.name for f in fields(EventLexicon) if f.name not in ("sections", "unaffiliated_parties", "prepositions")]
    return EventLexicon(
        **{key: frozenset(data[key]) for key in shared},
        unaffiliated_parties=tuple(data["unaffiliated_parties"]),
        prepositions=frozen(data["prepositions"]),
        sections={k: v for k, v in data.items() if isinstance(v, dict) and k != "prepositions"},
    )
