"""The people an article names, as the speaker resolver finds them and later components (events)
use them. Plain records: nothing here needs spaCy."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING

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
    looks back only at speakers resolved before it."""

    by_surname: dict[str, Person]
    by_role: dict[str, Person]
    mentions: list[tuple[int, Person, str]]
    said: list[Said] = field(default_factory=list)

    def said_by(self, attribution: Attribution) -> Said | None:
        """This attribution's entry (by identity: two attributions may hold equal values)."""
        return next((s for s in self.said if s.attribution is attribution), None)

    def people(self) -> list[Person]:
        """The people the article names, each once in their fullest form; a lone word counts as a
        name only with an honorific ('Mr') or more than one mention."""
        found: list[Person] = []
        for person in self.by_surname.values():
            lone = " " not in person.name
            if lone and not (person.gender or len(person.mentions) > 1):
                continue
            # one person may stand under several keys ('Graham' and 'Lowe'): list them once
            if person.name[:1].isupper() and all(p is not person for p in found):
                found.append(person)
        return found
