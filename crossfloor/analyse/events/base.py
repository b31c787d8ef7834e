"""How an event type's triggers become events: the analyse side of a type, whose declaration
(fields, keys, conflict rule) is its spec in crossfloor/schema/events.py.

An event type is one module holding one subclass of `EventType` that points at its spec, reads
its trigger words (its section of data/events.json) and implements the hooks it needs. It gets
the shared readers (assertion, participants, parties) when it is made, not a finder on every
call: each hook receives only the parse it reads. Its passes (passes.py) are its trigger
families (`<type>_verbs`, `<type>_nouns`, `<type>_scan`, from the hooks it implements), the verb
readings of its own it lists in `verb_readings`, and the steps that fill its events in from the
rest of the article (`completions`, `settlements`), each a method of the same name.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from ...schema.events import EventSpec
from .mentions import new_event

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from ..cast import Cast, Speaker
    from .assertion import Assertion
    from .lexicon import EventLexicon
    from .participants import Participants
    from .parties import Parties
    from .record import Event

# What a verb classifier returns when the trigger is its type's but states no event: the finder
# tries no other type for it ('lost the whip' is never a resignation).
BLOCKED = "blocked"


@dataclass(frozen=True)
class Readers:
    """The shared machinery an event type reads the parse with."""

    lexicon: EventLexicon
    assertion: Assertion
    people: Participants
    parties: Parties


class EventType:
    spec: ClassVar[EventSpec]
    # A move the person announces in the future tense ('will switch parties', 'will sit as an
    # independent') is news of the event itself, not a plan of someone else's: every trigger of
    # such a type counts in the future tense, and of other types the words their lexicon section
    # lists as 'future_verbs' ('will resign', but not 'will stand down at the election').
    announced_future: ClassVar[bool] = False
    # Passes of this type's own, each a method of the same name: verb readings run before any
    # type classifies the verb, (doc, verb, cast) -> events, or None when the verb is not theirs;
    # completions fill an event in from the article, (doc, event, events, cast), in event order;
    # settlements are a last look at the completed events, (event, events).
    verb_readings: ClassVar[tuple[str, ...]] = ()
    completions: ClassVar[tuple[str, ...]] = ()
    settlements: ClassVar[tuple[str, ...]] = ()

    def __init__(self, words: dict, readers: Readers):
        self.words = words
        self.lex = readers.lexicon
        self.assertion = readers.assertion
        self.people = readers.people
        self.parties = readers.parties

    @property
    def name(self) -> str:
        return self.spec.name

    def new_event(self, doc: Doc, trigger: Token) -> Event:
        return new_event(doc, trigger, self.spec.name, self.lex)

    # ---- which trigger passes the type has ------------------------------------------------
    @classmethod
    def reads_verbs(cls) -> bool:
        return cls.classify_verb is not EventType.classify_verb

    @classmethod
    def reads_nouns(cls) -> bool:
        return cls.from_noun is not EventType.from_noun

    @classmethod
    def scans(cls) -> bool:
        return cls.scan is not EventType.scan

    # ---- hooks (inside the spaCy pipeline) ------------------------------------------------
    @property
    def trigger_verbs(self) -> frozenset[str]:
        return frozenset()

    @property
    def future_verbs(self) -> frozenset[str]:
        return self.trigger_verbs if self.announced_future else frozenset(self.words.get("future_verbs", ()))

    @property
    def trigger_nouns(self) -> frozenset[str]:
        return frozenset()

    def classify_verb(self, doc: Doc, verb: Token, obj: Token | None, passive: bool) -> str | None:
        """The subtype ('' for none) of this type's event a trigger verb states, BLOCKED, or None
        when the verb is not this type's."""
        return None

    def verb_arguments(self, verb: Token, obj: Token | None, subject: Token | None, passive: bool, subtype: str):
        """(object, subject) of the verb as this type reads them."""
        return obj, subject

    def fill_from_verb(self, doc: Doc, verb: Token, obj: Token | None, subtype: str, event: Event, person: Speaker | None) -> None:
        """Fields of an event stated by a verb, from the verb's arguments."""

    def describe_unnamed(self, event: Event, subject: Token) -> None:
        """What the noun phrase of an unnamed participant says ('A prospective candidate')."""

    def keep_mention(self, event: Event, subtype: str) -> bool:
        """Whether a verb's event is worth keeping before the article fills it in."""
        return True

    def from_noun(self, doc: Doc, noun: Token, cast: Cast) -> list[Event]:
        return []

    def scan(self, doc: Doc, cast: Cast) -> list[Event]:
        """Events found by reading the text rather than a trigger token."""
        return []

    def keep(self, event: Event) -> bool:
        """Whether a completed event states enough to report."""
        return True
