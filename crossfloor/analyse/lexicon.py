"""Load the editable word lists in crossfloor/data (cues, people and outlet words, parties)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from functools import cache, cached_property
from itertools import permutations
from pathlib import Path

from ..data import load


def _load(name: str, path: str | Path | None = None) -> dict:
    return load(name, path)


@dataclass(frozen=True)
class CueLexicon:
    speech: frozenset[str]
    clause_only: frozenset[str]
    infinitive: frozenset[str]
    nouns: frozenset[str]
    beliefs: frozenset[str]
    naming: frozenset[str]
    object_speech: frozenset[str] = frozenset()
    refusals: frozenset[str] = frozenset()
    # The words the attribution rules read beside the cue lists (cues.json's _comment says what each is).
    cue_adverbs: frozenset[str] = frozenset()
    adverb_endings: tuple[str, ...] = ()  # endings of manner adverbs that join a cue ('publicly denied')
    relative_pronouns: frozenset[str] = frozenset()
    according_to: dict[str, str] = field(default_factory=dict)  # 'according' -> 'to'
    infinitive_markers: frozenset[str] = frozenset()
    complementisers: frozenset[str] = frozenset()
    naming_objects: frozenset[str] = frozenset()
    naming_prepositions: frozenset[str] = frozenset()
    representing_prepositions: frozenset[str] = frozenset()
    telling_verbs: frozenset[str] = frozenset()
    venue_prepositions: frozenset[str] = frozenset()
    addressee_prepositions: frozenset[str] = frozenset()
    noun_source_prepositions: frozenset[str] = frozenset()
    programme_lead_words: frozenset[str] = frozenset()
    title_minor_words: frozenset[str] = frozenset()
    interview_labels: tuple[str, ...] = ()
    list_marks: frozenset[str] = frozenset()
    perfect_contractions: frozenset[str] = frozenset()

    @property
    def clause_verbs(self) -> frozenset[str]:
        return self.speech | self.clause_only

    @cached_property
    def thought(self) -> frozenset[str]:
        """Words whose attributions are thoughts, not speech: belief and intention ('believe',
        'plan'), less any word an edited lexicon also lists as speech."""
        return self.beliefs - self.speech


@cache
def cue_lexicon(path: str | None = None) -> CueLexicon:
    data = _load("cues.json", path)
    return CueLexicon(
        speech=frozenset(data["speech"]),
        clause_only=frozenset(data["clause_only"]),
        infinitive=frozenset(data["infinitive"]),
        nouns=frozenset(data["nouns"]),
        beliefs=frozenset(data.get("beliefs", [])),
        naming=frozenset(data.get("naming", [])),
        object_speech=frozenset(data.get("object_speech", [])),
        refusals=frozenset(data.get("refusals", [])),
        according_to=data.get("according_to", {}),
        interview_labels=tuple(data.get("interview_labels", [])),
        adverb_endings=tuple(data.get("adverb_endings", [])),
        **{key: frozenset(data.get(key, [])) for key in WORD_SETS},
    )


# The CueLexicon fields loaded as plain word sets.
WORD_SETS = (
    "cue_adverbs",
    "relative_pronouns",
    "infinitive_markers",
    "complementisers",
    "naming_objects",
    "naming_prepositions",
    "representing_prepositions",
    "telling_verbs",
    "venue_prepositions",
    "addressee_prepositions",
    "noun_source_prepositions",
    "programme_lead_words",
    "title_minor_words",
    "list_marks",
    "perfect_contractions",
)


@dataclass(frozen=True)
class PeopleLexicon:
    honorifics: dict[str, str | None]
    pronoun_gender: dict[str, str]
    role_heads: frozenset[str]
    media_nouns: frozenset[str]
    venue_nouns: frozenset[str]
    outlet_words: frozenset[str]
    role_classes: dict[str, frozenset[str]] = field(default_factory=dict)  # word -> classes
    specific_classes: frozenset[str] = frozenset()
    generic_descriptions: frozenset[str] = frozenset()
    rank_words: frozenset[str] = frozenset()
    gendered_roles: dict[str, str] = field(default_factory=dict)
    platforms: dict[str, str] = field(default_factory=dict)  # 'tweet' -> 'Twitter'
    # The speaker resolver's words (people.json's _comment says what each list is for).
    personal_pronouns: frozenset[str] = frozenset()
    unresolved_pronouns: frozenset[str] = frozenset()
    plural_pronouns: frozenset[str] = frozenset()
    first_person: frozenset[str] = frozenset()
    object_pronouns: frozenset[str] = frozenset()
    quantifier_pronouns: frozenset[str] = frozenset()
    possessive_endings: frozenset[str] = frozenset()
    seat_titles: frozenset[str] = frozenset()
    seat_prepositions: frozenset[str] = frozenset()
    role_fillers: frozenset[str] = frozenset()
    numeral_words: frozenset[str] = frozenset()
    definite_articles: frozenset[str] = frozenset()
    age_suffixes: tuple[str, ...] = ()
    time_qualifiers: frozenset[str] = frozenset()
    not_person_endings: frozenset[str] = frozenset()
    not_name_openers: frozenset[str] = frozenset()
    speaking_pronouns: frozenset[str] = frozenset()
    role_verbs: frozenset[str] = frozenset()
    role_prepositions: frozenset[str] = frozenset()
    relative_subjects: frozenset[str] = frozenset()
    former_role_verbs: frozenset[str] = frozenset()
    proportion_words: frozenset[str] = frozenset()
    document_nouns: frozenset[str] = frozenset()
    author_prepositions: frozenset[str] = frozenset()
    impersonal_heads: frozenset[str] = frozenset()

    @cached_property
    def role_joining_words(self) -> frozenset[str]:
        """The role_fillers that join a role's words ('chief of staff', 'envoy for Ukraine'),
        unlike a time qualifier ('former')."""
        return self.role_fillers - self.time_qualifiers

    def classes_of(self, words) -> frozenset[str]:
        """The role classes that words ('Rep.', 'prime minister', 'congressman') belong to: a
        phrase's words in order, or a set of title words (a person's titles) in any order. A set
        has no order, so each two of its words are tried both ways; read in the set's iteration
        order, 'prime minister' was found or not by the interpreter's hash seed."""
        lowered = [w.lower() for w in words]
        pairs = zip(lowered, lowered[1:]) if isinstance(words, (list, tuple)) else permutations(lowered, 2)
        found: set[str] = set()
        for word in lowered:
            found |= self.role_classes.get(word, frozenset())
        for first, second in pairs:
            found |= self.role_classes.get(f"{first} {second}", frozenset())
        return frozenset(found)


@cache
def people_lexicon(path: str | None = None) -> PeopleLexicon:
    data = _load("people.json", path)
    return PeopleLexicon(
        honorifics=data["honorifics"],
        pronoun_gender=data["pronoun_gender"],
        role_heads=frozenset(data["role_heads"]),
        media_nouns=frozenset(data["media_nouns"]),
        venue_nouns=frozenset(data["venue_nouns"]),
        outlet_words=frozenset(data["outlet_words"]),
        role_classes=role_classes(data.get("role_classes", {})),
        specific_classes=frozenset(k for k, v in data.get("role_classes", {}).items() if v.get("specific")),
        generic_descriptions=frozenset(data.get("generic_descriptions", [])),
        rank_words=frozenset(data.get("rank_words", [])),
        gendered_roles=data.get("gendered_roles", {}),
        platforms=data.get("platforms", {}),
        age_suffixes=tuple(data.get("age_suffixes", [])),
        **{key: frozenset(data.get(key, [])) for key in SPEAKER_WORD_LISTS},
    )


# people.json's plain word lists that PeopleLexicon holds as sets.
SPEAKER_WORD_LISTS = (
    "personal_pronouns",
    "unresolved_pronouns",
    "plural_pronouns",
    "first_person",
    "object_pronouns",
    "quantifier_pronouns",
    "possessive_endings",
    "seat_titles",
    "seat_prepositions",
    "role_fillers",
    "numeral_words",
    "definite_articles",
    "time_qualifiers",
    "not_person_endings",
    "not_name_openers",
    "speaking_pronouns",
    "role_verbs",
    "role_prepositions",
    "relative_subjects",
    "former_role_verbs",
    "proportion_words",
    "document_nouns",
    "author_prepositions",
    "impersonal_heads",
)


def role_classes(classes: dict[str, dict]) -> dict[str, frozenset[str]]:
    by_word: dict[str, set[str]] = {}
    for name, info in classes.items():
        for word in info["words"]:
            by_word.setdefault(word.lower(), set()).add(name)
    return {w: frozenset(c) for w, c in by_word.items()}


class PartyLexicon:
    """Folds party mentions (Tory, Lib Dems, New Labour) to canonical names.

    An alias may mean different parties in different countries ('Labour', 'Liberals',
    'Congress'): a party's `local_aliases` count only while the lexicon reads an article about its
    country (`within(country)`, set by the components from doc._.country); elsewhere an alias means
    the one party that lists it plainly, or nothing."""

    def __init__(self, parties: dict[str, dict], letters: dict[str, str] | None = None):
        self.canonical: dict[str, str] = {}
        self.local: dict[str, dict[str, str]] = {}  # alias -> country -> party
        self.country_of: dict[str, str] = {}
        self.codes: dict[str, str] = {}
        self.letters = letters or {}  # 'R' in '(R-Ohio)'
        # The country of the article being read; a ContextVar so threads and nested reads keep their own.
        self._country: ContextVar[str | None] = ContextVar(f"party_country_{id(self)}", default=None)

        self.offices: set[str] = set()
        for name, info in parties.items():
            for code in info.get("codes", []):
                self.codes[code.lower()] = name
            if info.get("not_a_party"):
                self.offices.add(name)
                continue
            if info.get("country"):
                self.country_of[name] = info["country"]
            for alias in [name, *info.get("aliases", [])]:
                self.canonical[alias.lower()] = name
            for alias in info.get("local_aliases", []):
                self.local.setdefault(alias.lower(), {})[info["country"]] = name
        alternatives = sorted(set(self.canonical) | set(self.local), key=len, reverse=True)
        # Case-insensitive, but a match must open with a capital: party names are proper nouns.
        self._pattern = re.compile(r"\b(?=(?-i:[A-Z]))(" + "|".join(re.escape(a) for a in alternatives) + r")\b", re.I)

    @contextmanager
    def within(self, country: str | None) -> Iterator[None]:
        """Read party names as an article about `country` uses them (None: no country's local names)."""
        token = self._country.set(country)
        try:
            yield
        finally:
            self._country.reset(token)

    def _party(self, alias: str) -> str | None:
        country = self._country.get()
        return (self.local.get(alias, {}).get(country) if country else None) or self.canonical.get(alias)

    def is_alias(self, word: str) -> bool:
        """A party's name in some country, written as one ('Tory', 'Congress'; not 'labour')."""
        return word[:1].isupper() and (word.lower() in self.canonical or word.lower() in self.local)

    def sole_country(self, alias: str) -> str | None:
        """The country of the one party a name stands for everywhere ('BJP': IN); None for a name
        of several countries' parties ('Labour') or of none."""
        return None if self.is_ambiguous(alias) else self.country_of.get(self.canonical.get(alias.lower(), ""))

    def is_ambiguous(self, alias: str) -> bool:
        """An alias some party uses only in its own country ('Labour' in New Zealand)."""
        return alias.lower() in self.local

    def find(self, text: str) -> str | None:
        """The canonical party of the first party name in text, if any. Party names are proper
        nouns: 'labour costs' and 'welfare reform' name no party."""
        found = self.find_all(text)
        return found[0][1] if found else None

    def from_code(self, code: str | None) -> str | None:
        """'Con' -> 'Conservative'; a name that is already canonical or an alias is folded too."""
        if not code:
            return None
        key = code.strip().lower()
        return self.codes.get(key) or self._party(key) or code.strip()

    def find_all(self, text: str) -> list[tuple[int, str]]:
        """(offset, canonical party) of every party name in text."""
        return [(at, party) for at, alias in self.aliases_in(text) if (party := self._party(alias))]

    def aliases_in(self, text: str) -> list[tuple[int, str]]:
        """(offset, lower-cased alias) of every party name written as one (with a capital: 'new
        Labour' in lower case is no party, but its 'Labour' is)."""
        return [(m.start(), m.group(1).lower()) for m in self._pattern.finditer(text)]

    def normalise(self, name: str) -> str | None:
        name = name.strip()
        return self._party(name.lower()) if name[:1].isupper() else None

    def leading(self, words: list[str]) -> int:
        """How many of the first words name one party, the longest run that does ('Liberal
        National MP': 2; 'Labour MP': 1; 'MP': 0)."""
        return next((k for k in range(len(words), 0, -1) if self.normalise(" ".join(words[:k]))), 0)

    def names_of(self, party: str) -> set[str]:
        """Every name (lower case) that can stand for a canonical party, in any country."""
        plain = {alias for alias, name in self.canonical.items() if name == party}
        return plain | {alias for alias, by_country in self.local.items() if party in by_country.values()}


@cache
def party_lexicon(path: str | None = None) -> PartyLexicon:
    data = _load("parties.json", path)
    return PartyLexicon(data["parties"], data.get("party_letters", {}))
