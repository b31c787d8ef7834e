"""What every event type declares, and the hooks the finder calls on it.

An event type is one module holding one subclass of `EventType`: its name, the fields it carries
(in output, across articles, for merging, for linking and for scoring), its trigger words (its
section of data/events.json) and how a trigger becomes an event. The class attributes are plain
data, read by the store, the linker, the scorer and the web app without spaCy; the methods run
inside the spaCy pipeline and get the `EventFinder` (the shared machinery: assertion,
participants, parties, places) as `finder`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from ..cast import Cast, Speaker
    from .finder import EventFinder
    from .record import Event

# What a verb classifier returns when the trigger is its type's but states no event: the finder
# tries no other type for it ('lost the whip' is never a resignation).
BLOCKED = "blocked"


@dataclass(frozen=True)
class Key:
    """A field that must agree for a predicted event to match a gold one. compare: 'person'
    (names), 'actor' (a name, or a role or group by its words), 'party' (after folding aliases),
    'count' (as numbers) or 'exact'. optional: scored only when the gold gives it."""

    field: str
    compare: str
    optional: bool = False


@dataclass(frozen=True)
class Conflict:
    """Two canonical events of this type disagree when they share the `same` fields (a missing
    one equal to a missing one) and both give `differ`, differently; `given` must be set."""

    same: tuple[str, ...]
    differ: str
    given: tuple[str, ...]


class EventType:
    name: ClassVar[str]
    # The extract contract's fields of this type, in output order (after the common ones).
    fields: ClassVar[tuple[str, ...]]
    # The fields a canonical event (across articles) carries and shows.
    view_fields: ClassVar[tuple[str, ...]]
    # Fields that name people (searched by --person) and parties (searched by --party).
    people_fields: ClassVar[tuple[str, ...]] = ()
    party_fields: ClassVar[tuple[str, ...]] = ()
    # The field naming the one it happened to ('person'), when there is one: reports without it
    # are 'unnamed' in an article and never start a canonical event.
    participant: ClassVar[str | None] = None
    # Within an article, mentions merge when these agree (names compared as names).
    merge_keys: ClassVar[tuple[str, ...]]
    # Across articles, a report joins a canonical event with equal `link_column` (a stored
    # column, or 'person_id' for the participant) whose `agree_fields` agree where both give them.
    link_column: ClassVar[str]
    agree_fields: ClassVar[tuple[str, ...]]
    score_keys: ClassVar[tuple[Key, ...]]
    conflict: ClassVar[Conflict | None] = None
    # Subtypes from the most to the least telling, for mentions that merge.
    subtype_order: ClassVar[tuple[str, ...]] = ()
    # A move the person announces in the future tense ('will switch parties', 'will sit as an
    # independent') is news of the event itself, not a plan of someone else's: every trigger of
    # such a type counts in the future tense, and of other types the words their lexicon section
    # lists as 'future_verbs' ('will resign', but not 'will stand down at the election').
    announced_future: ClassVar[bool] = False

    def __init__(self, words: dict):
        self.words = words

    # ---- plain data, no spaCy -------------------------------------------------------------
    @classmethod
    def describe(cls, event: dict) -> str:
        """One line saying what happened."""
        return cls.name

    @classmethod
    def agrees(cls, canonical, report, same) -> bool:
        """Whether a stored report may join a canonical event, by `same(a, b)` on agree_fields."""
        return all(same(getattr(canonical, k), getattr(report, k)) for k in cls.agree_fields)

    # ---- hooks the finder calls (inside the spaCy pipeline) -------------------------------
    @property
    def trigger_verbs(self) -> frozenset[str]:
        return frozenset()

    @property
    def future_verbs(self) -> frozenset[str]:
        return self.trigger_verbs if self.announced_future else frozenset(self.words.get("future_verbs", ()))

    @property
    def trigger_nouns(self) -> frozenset[str]:
        return frozenset()

    def verb_hook(self, finder: EventFinder, doc: Doc, verb: Token, cast: Cast) -> list[Event] | None:
        """Events of a verb read its own way, before classification; None: not this type's."""
        return None

    def classify_verb(self, finder: EventFinder, doc: Doc, verb: Token, obj: Token | None, passive: bool) -> str | None:
        """The subtype ('' for none) of this type's event a trigger verb states, BLOCKED, or None
        when the verb is not this type's."""
        return None

    def verb_arguments(self, finder: EventFinder, verb: Token, obj: Token | None, subject: Token | None, passive: bool, subtype: str):
        """(object, subject) of the verb as this type reads them."""
        return obj, subject

    def fill_from_verb(self, finder: EventFinder, doc: Doc, verb: Token, obj: Token | None, subtype: str, event: Event, person: Speaker | None, cast: Cast) -> None:
        """Fields of an event stated by a verb, from the verb's arguments."""

    def describe_unnamed(self, finder: EventFinder, event: Event, subject: Token) -> None:
        """What the noun phrase of an unnamed participant says ('A prospective candidate')."""

    def keep_mention(self, event: Event, subtype: str) -> bool:
        """Whether a verb's event is worth keeping before the article fills it in."""
        return True

    def from_noun(self, finder: EventFinder, doc: Doc, noun: Token, cast: Cast) -> list[Event]:
        return []

    def scan(self, finder: EventFinder, doc: Doc, cast: Cast) -> list[Event]:
        """Events found by reading the text rather than a trigger token."""
        return []

    def complete(self, finder: EventFinder, doc: Doc, event: Event, events: list[Event], cast: Cast) -> None:
        """Fill what a single sentence leaves out from the rest of the article (in event order)."""

    def settle(self, event: Event, events: list[Event]) -> None:
        """A last pass over the completed events of the article."""

    def keep(self, event: Event) -> bool:
        """Whether a completed event states enough to report."""
        return True

