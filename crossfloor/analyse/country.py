"""Which country an article is about, from the names it uses (data/countries.json) and the
parties only one country has (data/parties.json).

It decides what a party name used in several countries means: 'Labour' in a New Zealand article
is the New Zealand Labour Party, 'Congress' in an Indian one the Indian National Congress
(PartyLexicon.within). An article that names no country clearly more than any other gets none,
and its party names keep the meaning they have everywhere."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from ..data import load
from .lexicon import PartyLexicon


@dataclass(frozen=True)
class Country:
    """The country an article is about (ISO 3166 code, or None) and the mentions that settled it."""

    code: str | None
    mentions: dict[str, int]


@dataclass(frozen=True)
class CountryWords:
    pattern: re.Pattern
    country_of: dict[str, str]
    min_mentions: int
    lead: float

    def mentions(self, text: str, parties: PartyLexicon) -> Counter:
        """How often each country is named, by its own words or by a party only it has."""
        counts: Counter = Counter(self.country_of[m.group(0)] for m in self.pattern.finditer(text))
        counts.update(country for _, alias in parties.aliases_in(text) if (country := parties.sole_country(alias)))
        return counts

    def country(self, text: str, parties: PartyLexicon) -> Country:
        counts = self.mentions(text, parties)
        ranked = counts.most_common(2)
        if not ranked or ranked[0][1] < self.min_mentions:
            return Country(None, dict(counts))
        if len(ranked) > 1 and ranked[0][1] < self.lead * ranked[1][1]:
            return Country(None, dict(counts))
        return Country(ranked[0][0], dict(counts))


@cache
def country_words(path: str | None = None) -> CountryWords:
    data = load("countries.json", Path(path) if path else None)
    country_of = {word: code for code, words in data["countries"].items() for word in words}
    alternatives = sorted(country_of, key=len, reverse=True)
    # Case matters ('US', not 'us'); a name is whole ('Indian', not 'Indiana').
    pattern = re.compile(r"(?<![\w-])(" + "|".join(re.escape(w) for w in alternatives) + r")(?![\w-])")
    return CountryWords(pattern, country_of, data["min_mentions"], data["lead"])
