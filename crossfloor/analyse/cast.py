"""The people an article names, as the speaker resolver finds them and later components (events)
use them. Plain records: nothing here needs spaCy."""

from __future__ import annotations

from dataclasses import dataclass, field
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


@dataclass
class Person(Speaker):
    """A person named in the article, with where they are mentioned (character offsets)."""

    mentions: list[int] = field(default_factory=list)

    def as_speaker(self) -> Speaker:
        return Speaker(self.name, self.gender, self.role, self.party, self.seat)


@dataclass
class Cast:
    """Who an article names and how, kept on the Doc for later components (events)."""

    by_surname: dict[str, Person]
    by_role: dict[str, Person]
    mentions: list[tuple[int, Person, str]]
    attributions: list[Attribution]
    resolved: dict[int, Speaker | None]
