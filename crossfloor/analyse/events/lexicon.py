"""The words of events (data/events.json): each type's own section, and the words they share."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from ..lexicon import _load


@dataclass(frozen=True)
class EventLexicon:
    """The shared words: what blocks an event, and what one resigns from."""

    office_nouns: frozenset[str]
    blocking_governors: frozenset[str]
    factive_infinitive_heads: frozenset[str]
    blocking_nouns: frozenset[str]
    sections: dict[str, dict]

    def words(self, section: str) -> dict:
        """A type's section, its lists as frozensets ('phrasal' maps verbs to particles)."""
        return {key: frozen(value) for key, value in self.sections.get(section, {}).items()}


def frozen(value):
    if isinstance(value, dict):
        return {k: frozenset(v) for k, v in value.items()}
    return frozenset(value) if isinstance(value, list) else value


@cache
def event_lexicon(path: str | None = None) -> EventLexicon:
    data = _load("events.json", path)
    shared = ("office_nouns", "blocking_governors", "factive_infinitive_heads", "blocking_nouns")
    return EventLexicon(
        *(frozenset(data[key]) for key in shared),
        sections={k: v for k, v in data.items() if isinstance(v, dict)},
    )
