"""What each event type declares, as data: its fields (what each names, whether and how mentions
of one event merge), the keys that merge, link and score it, and its conflict rule.

The store, the linker, the scorer, the web app, the CLI and `present.py` read these specs without
spaCy; the analyse side (`crossfloor/analyse/events/`) holds how each type's triggers become
events, one module per type pointing at its spec here. Adding a type is its spec below, its module
there and its words in data/events.json.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class FieldSpec:
    """One field of an event.

    kind: what the value is: 'person' (a person, or an actor such as a group: searched by
    --person), 'party' (searched by --party), 'place', 'office', 'choice' (one of a few values),
    'count', 'text', 'quotes' (indices of the article's quotes), or, for the common fields,
    'offset', 'spans', 'date', 'provenance'.
    merge: how a later mention of the same event in an article adds to the first (merge.py):
    None, never (the first mention's value stands); 'fill', only where the first left it empty;
    'longer', the longer of two names; 'fuller', a capitalised name of more words over a
    description; 'telling', the subtype that says more (the type's subtype_order); 'specific', a
    post over an office that holds it ('transport minister' over 'the government'), else fill;
    'union', every mention's.
    across: carried by a canonical event across articles (and shown with it)."""

    name: str
    kind: str
    merge: str | None = "fill"
    across: bool = True


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


@dataclass(frozen=True)
class About:
    """This type's events are about another type's: its `field` names the participant of an
    event of type `kind` (a by-election call's target is the one who switched). The analyse side
    reads it both ways, so neither type's module names the other."""

    kind: str
    field: str


@dataclass(frozen=True)
class EventSpec:
    """One event type's declaration.

    participant: the field naming the one it happened to ('person'), when there is one: reports
    without it are 'unnamed' in an article and never start a canonical event. merge_keys: within
    an article, mentions merge when these agree (names compared as names). Across articles a
    report joins a canonical event with equal `link_column` (a stored column, or 'person_id' for
    the participant) whose `agree_fields` agree where both give them; `solo_needs` (anchor,
    field): when neither gives the anchor, the field must be equal too. subtype_order: subtypes
    from the most to the least telling."""

    name: str
    field_specs: tuple[FieldSpec, ...]
    merge_keys: tuple[str, ...]
    link_column: str
    agree_fields: tuple[str, ...]
    score_keys: tuple[Key, ...]
    describe: Callable[[dict], str]
    participant: str | None = None
    conflict: Conflict | None = None
    subtype_order: tuple[str, ...] = ()
    about: About | None = None
    solo_needs: tuple[str, str] | None = None

    @property
    def fields(self) -> tuple[str, ...]:
        """The extract contract's fields of this type, in output order (after the common ones)."""
        return tuple(f.name for f in self.field_specs)

    @property
    def view_fields(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.field_specs if f.across)

    @property
    def people_fields(self) -> tuple[str, ...]:
        return self.of_kind("person")

    @property
    def party_fields(self) -> tuple[str, ...]:
        return self.of_kind("party")

    def of_kind(self, kind: str) -> tuple[str, ...]:
        return tuple(f.name for f in self.field_specs if f.kind == kind)

    def merging(self) -> tuple[FieldSpec, ...]:
        """The fields a later mention adds to, the common ones first."""
        return tuple(f for f in COMMON_FIELD_SPECS + self.field_specs if f.merge)

    def agrees(self, canonical, report, same: Callable) -> bool:
        """Whether a stored report may join a canonical event, by `same(a, b)` on agree_fields."""
        if not all(same(getattr(canonical, k), getattr(report, k)) for k in self.agree_fields):
            return False
        if self.solo_needs is None:
            return True
        anchor, needed = self.solo_needs
        return bool(getattr(canonical, anchor) or getattr(report, anchor)) or getattr(canonical, needed) == getattr(report, needed)


COMMON_FIELD_SPECS = (
    FieldSpec("type", "choice", merge=None),
    FieldSpec("start", "offset", merge=None),
    FieldSpec("end", "offset", merge=None),
    FieldSpec("evidence", "spans", merge=None),
    FieldSpec("trigger", "text", merge=None),
    FieldSpec("date", "date", merge=None),
    FieldSpec("date_range", "date", merge=None),
    FieldSpec("date_text", "text"),
    FieldSpec("news", "choice", merge=None),
    FieldSpec("status", "choice", merge=None),
    FieldSpec("kb_person", "text", merge=None),
    FieldSpec("found_by", "provenance", merge=None),
    FieldSpec("filled_by", "provenance", merge=None),
)
COMMON_FIELDS = tuple(f.name for f in COMMON_FIELD_SPECS)

# What reference data says of a party switch (link/reference.py), lightest first: a report the
# record confirms outweighs one it contradicts, which outweighs one it lacks; an event across
# articles takes its reports' weightiest. Options and urls write them with hyphens ('not-in-record').
RECORD_STATUSES = ("not in record", "contradicted", "confirmed")
STATUS_NAMES = tuple(s.replace(" ", "-") for s in reversed(RECORD_STATUSES))  # confirmed, contradicted, not-in-record


def record_status(name: str) -> str:
    """The stored status a name gives ('not-in-record' -> 'not in record'); ValueError for another."""
    status = name.replace("-", " ").strip().lower()
    if status not in RECORD_STATUSES:
        raise ValueError(f"a status is one of {', '.join(STATUS_NAMES)}, not {name!r}")
    return status


def weightiest_status(statuses) -> str | None:
    """The weightiest of some statuses (None when none is given)."""
    known = [s for s in statuses if s in RECORD_STATUSES]
    return max(known, key=RECORD_STATUSES.index) if known else None


# ---- the types -------------------------------------------------------------------------------
def describe_switch(event: dict) -> str:
    change = f"{event.get('from_party') or '?'} -> {event.get('to_party') or '?'}"
    return f"{event.get('person')}: {change} ({event.get('subtype') or 'switch'})" + (f", {event['seat']}" if event.get("seat") else "")


def describe_call(event: dict) -> str:
    stance = "calls for" if event.get("stance") == "for" else "rejects"
    where = f" in {event['seat']}" if event.get("seat") else ""
    return f"{event.get('by')} {stance} a by-election{where}" + (f" ({event['target']})" if event.get("target") else "")


def describe_letter(event: dict) -> str:
    who = " ".join(x for x in (event.get("count"), event.get("by")) if x) or event.get("by_party") or "?"
    return f"{who}: letter(s) of no confidence {event.get('action')}" + (f" against {event['against']}" if event.get("against") else "")


def describe_resignation(event: dict) -> str:
    return f"{event.get('person')} resigned" + (f" as/from {event['office']}" if event.get("office") else "")


PARTY_SWITCH = EventSpec(
    name="party_switch",
    field_specs=(
        FieldSpec("person", "person", merge="longer"),
        FieldSpec("from_party", "party"),
        FieldSpec("to_party", "party"),
        FieldSpec("seat", "place"),
        FieldSpec("subtype", "choice", merge="telling"),
        FieldSpec("reason", "text", across=False),
        FieldSpec("record", "text", merge=None, across=False),
    ),
    participant="person",
    merge_keys=("person",),
    link_column="person_id",
    agree_fields=("from_party", "to_party"),
    score_keys=(Key("person", "person"), Key("from_party", "party"), Key("to_party", "party")),
    conflict=Conflict(same=("person", "from_party"), differ="to_party", given=("person", "to_party")),
    subtype_order=("founded_new_party", "defection", "expelled", "whip_withdrawn", "whip_resigned", "quit", "readmitted"),
    describe=describe_switch,
)

BY_ELECTION_CALL = EventSpec(
    name="by_election_call",
    field_specs=(
        FieldSpec("by", "person", merge="fuller"),
        FieldSpec("by_party", "party"),
        FieldSpec("target", "person"),
        FieldSpec("seat", "place"),
        FieldSpec("stance", "choice", merge=None),
        FieldSpec("quotes", "quotes", merge="union", across=False),
    ),
    merge_keys=("by", "stance"),
    link_column="stance",
    agree_fields=("by", "target"),
    solo_needs=("target", "by"),  # without a target, only the same caller's calls are one event
    score_keys=(Key("stance", "exact"), Key("by", "actor"), Key("target", "person", optional=True)),
    conflict=Conflict(same=("target",), differ="stance", given=("target",)),
    about=About(kind="party_switch", field="target"),
    describe=describe_call,
)

NO_CONFIDENCE_LETTER = EventSpec(
    name="no_confidence_letter",
    field_specs=(
        FieldSpec("action", "choice", merge=None),
        FieldSpec("by", "person", merge="fuller"),
        FieldSpec("by_party", "party"),
        FieldSpec("count", "count"),
        FieldSpec("against", "person"),
    ),
    merge_keys=("action", "by"),
    link_column="action",
    agree_fields=("against", "by", "by_party", "count"),
    score_keys=(
        Key("action", "exact"),
        Key("count", "count"),
        Key("by", "actor", optional=True),
        Key("by_party", "party", optional=True),
        Key("against", "person", optional=True),
    ),
    describe=describe_letter,
)

RESIGNATION = EventSpec(
    name="resignation",
    field_specs=(
        FieldSpec("person", "person", merge="longer"),
        FieldSpec("office", "office", merge="specific"),
        FieldSpec("seat", "place"),
        FieldSpec("reason", "text", across=False),
    ),
    participant="person",
    merge_keys=("person",),
    link_column="person_id",
    agree_fields=("office",),
    score_keys=(Key("person", "person"), Key("office", "actor", optional=True)),
    describe=describe_resignation,
)

# The registry, in the order the analyse side tries the types' verb classifiers.
SPECS: dict[str, EventSpec] = {s.name: s for s in (PARTY_SWITCH, BY_ELECTION_CALL, NO_CONFIDENCE_LETTER, RESIGNATION)}


def names() -> tuple[str, ...]:
    return tuple(SPECS)


def spec(name: str) -> EventSpec:
    return SPECS[name]


def public_fields(name: str) -> tuple[str, ...]:
    """The fields an event of this type carries in output, as its type declares them."""
    return COMMON_FIELDS + SPECS[name].fields


def view_fields() -> tuple[str, ...]:
    """Every field a canonical event of some type carries, in first-seen order."""
    return tuple(dict.fromkeys(f for s in SPECS.values() for f in s.view_fields))


def people_fields() -> tuple[str, ...]:
    return tuple(dict.fromkeys(f for s in SPECS.values() for f in s.people_fields))


def party_fields() -> tuple[str, ...]:
    return tuple(dict.fromkeys(f for s in SPECS.values() for f in s.party_fields))
