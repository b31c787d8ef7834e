"""The people an article names, as the speaker resolver finds them and later components (events)
use them. Plain records: nothing here needs spaCy."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING

from ..people import has_given_name, is_suffix, one_person

if TYPE_CHECKING:
    from .attribution import Attribution


@dataclass
class Speaker:
    name: str
    gender: str | None = None
    role: str | None = None
    party: str | None = None
    seat: str | None = None
    # person | organisation ('the White House', 'Reuters') | role (an office or function the
    # article does not give a name: 'the Health Secretary') | group ('officials', 'some')
    kind: str | None = None

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class Person(Speaker):
    """A person named in the article, with where they are mentioned (character offsets)."""

    mentions: list[int] = field(default_factory=list)
    # Words of the titles and roles the article gives the person ('rep.', 'congressman', 'mp').
    titles: set[str] = field(default_factory=set)

    def as_speaker(self) -> Speaker:
        return Speaker(self.name, self.gender, self.role, self.party, self.seat, "person")


@dataclass
class Said:
    """One attribution and what the resolver made of it: who said it (and which pass found that),
    and where."""

    attribution: Attribution
    speaker: Speaker | None = None
    resolved_by: str | None = None
    venue: str | None = None
    # Resolved or inherited already: an inheriting attribution looks no further up its chain.
    settled: bool = False


@dataclass
class Cast:
    """Who an article names and how, built once per article by the speaker resolver and kept on
    the Doc for later components (events). `said` fills in as the resolver goes, so a pronoun
    looks back only at speakers resolved before it.

    `by_surname` holds the one person the article names by each surname (and by a lone first
    name linked to a full name); a surname two people named in full share (Donald and Ivanka
    Trump, George W. and George H. W. Bush) is not there but in `namesakes`, and a lone surname
    reaches one of them only when the article makes it plain (`namesake`)."""

    by_surname: dict[str, Person]
    by_role: dict[str, Person]
    mentions: list[tuple[int, Person, str]]
    said: list[Said] = field(default_factory=list)
    namesakes: dict[str, list[Person]] = field(default_factory=dict)

    def said_by(self, attribution: Attribution) -> Said | None:
        """This attribution's entry (by identity: two attributions may hold equal values)."""
        return next((s for s in self.said if s.attribution is attribution), None)

    def everyone(self) -> list[Person]:
        """Each person of the cast once, in the order they were filed."""
        found: list[Person] = []
        for person in [*self.by_surname.values(), *(p for group in self.namesakes.values() for p in group)]:
            if all(p is not person for p in found):
                found.append(person)
        return found

    def people(self) -> list[Person]:
        """The people the article names, each once in their fullest form; a lone word counts as a
        name only with an honorific ('Mr') or more than one mention."""
        found: list[Person] = []
        for person in self.everyone():
            lone = " " not in person.name
            if lone and not (person.gender or len(person.mentions) > 1):
                continue
            if person.name[:1].isupper():
                found.append(person)
        return found

    def filed(self, key: str) -> list[Person]:
        """The people filed under a surname key: its namesakes, or the one person."""
        return self.namesakes.get(key) or ([self.by_surname[key]] if key in self.by_surname else [])

    def place(self, name: str, key: str) -> Person | None:
        """The person a name the article writes is: one of the cast it fits (`one_person`), or a
        new one; None when it fits several ('George Bush' beside George W. and George H. W.
        Bush) or is a lone surname namesakes share (settled later: `namesake`)."""
        known = self.filed(key)
        if not has_given_name(name):
            if key in self.namesakes:
                return None
            if key not in self.by_surname and (double := self.by_inner_surname(name)) is not None:
                self.by_surname[key] = double
            return self.by_surname.setdefault(key, Person(name))
        fits = [p for p in known if one_person(p.name, name)]
        if len(fits) > 1:
            return None
        if fits:
            return fits[0]
        person = Person(name)
        if known:
            self.namesakes[key] = [*known, person]
            self.by_surname.pop(key, None)
        else:
            self.by_surname[key] = person
        return person

    def namesake(self, key: str, gender: str | None = None, titles: frozenset[str] = frozenset()) -> Person | None:
        """Which of the namesakes a lone surname stands for, when the article makes it plain: the
        one its honorific's gender fits ('Mr Trump'), the one its title was given to ('President
        Trump'); None otherwise. (Taking the one namesake the article never calls by the first
        name alone was tried: on the stream set's tuning part it gave two resignations of two to
        the wrong namesake, Margaret Thatcher's to her daughter, and no quote figure moved.)"""
        options = self.namesakes.get(key, [])
        if gender:
            options = [p for p in options if p.gender in (None, gender)]
        if titles and len(options) > 1:
            options = [p for p in options if titles & p.titles] or options
        return options[0] if len(options) == 1 else None

    def find(self, name: str | None, gender: str | None = None) -> Person | None:
        """The person of the cast a written name stands for: a full name, the one person it fits;
        a lone surname, the one person filed under it, or the namesake the article makes plain."""
        if not name or not name.split():
            return None
        for key in surname_keys(name):
            if not has_given_name(name):
                found = self.by_surname.get(key) or self.namesake(key, gender)
                found = None if found is not None and gender and found.gender not in (None, gender) else found
            else:
                fits = [p for p in self.filed(key) if one_person(p.name, name)]
                found = fits[0] if len(fits) == 1 else None
            if found is not None:
                return found
        return None if has_given_name(name) else self.by_first_name(name) or self.by_inner_surname(name)

    def by_first_name(self, word: str) -> Person | None:
        """'Ivanka said' beside Ivanka and Donald Trump: a lone word no one is filed under is the
        one namesake whose first name it is."""
        fits = [p for group in self.namesakes.values() for p in group if p.name.split()[0] == word]
        return fits[0] if len(fits) == 1 else None

    def by_inner_surname(self, word: str) -> Person | None:
        """'Rosselló said' beside Ricardo Rosselló Nevares: where a name carries two surnames (as
        Spanish and Portuguese names do) the article may call the person by the first of them. A
        lone word no one is filed under is the one person whose name holds it between the first
        and the last word (never an initial)."""
        fits = [p for p in self.everyone() if word in inner_words(p.name)]
        return fits[0] if len(fits) == 1 else None


def inner_words(name: str) -> list[str]:
    """The words of a full name between its first and its last, initials and suffixes left out
    ('Rosselló' of 'Ricardo Rosselló Nevares'; none of 'George W. Bush')."""
    words = [w for w in name.split() if not is_suffix(w.strip(","))]
    return [w for w in words[1:-1] if len(w.strip(".")) > 1 and w[:1].isupper()]


def surname_keys(name: str) -> list[str]:
    """The keys a name is filed under: its last word but a suffix, in lower case, and the last
    part of a hyphenated one ('Kilroy-Silk' is filed under 'silk', the parser's last token)."""
    words = name.split()
    while len(words) > 1 and is_suffix(words[-1].strip(",")):
        words.pop()
    last = words[-1].lower()
    return list(dict.fromkeys([last, re.split(r"[-–]", last)[-1]]))
