"""Link what articles say to loaded reference data: who held a post on a day ("the Home
Secretary" on 2005-01-10), who held a seat ("the member for Streatham", "senator from Ohio"),
which member record a name stands for ("Mr Woodward" -> the member for Witney), and whether a
reported party switch is in the record of its country and date: `confirmed`, `contradicted` or
`not in record`, with the record's dates beside the article's (`record`).

Without reference data every function leaves its input as it is. A post or seat with no end date
is only taken to last until the last day its own source covers: after that the data cannot say
who holds it. A membership with no dates at all (the last seat of a former US member) says who
sat somewhere once, never who sat there on a day.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

from sqlalchemy import and_, func, or_, select

from ..analyse.lexicon import _load, party_lexicon, people_lexicon
from ..people import PersonName, same_person, without_honorifics
from ..store.chunks import in_chunks
from ..store.database import Database
from ..store.schema import (
    KbAreaRow,
    KbMembershipRow,
    KbNameRow,
    KbPersonRow,
    KbPostRow,
    KbSourceRow,
)
from .descriptions import article_names, resolve_description
from .identify import Identified, Identifier, Said
from .posts import matches, post_rules

# How far a switch date in the text may be from the record's (reports lag the day by a little).
SWITCH_SLACK = timedelta(days=7)


@dataclass
class Member:
    id: str
    name: str


@dataclass(frozen=True)
class Change:
    """A change of party between two successive memberships of one source."""

    day: date | None  # the first day of the new party
    old: str | None
    new: str | None
    left: date | None  # the last day of the old party


NOT_IN_RECORD = "not in record"
def held_on(table, on: date, dated: bool = False):
    """Rows (joined to their source) valid on a day; an open end lasts to what the source covers.
    `dated`: rows with neither start nor end say nothing about a day."""
    clause = and_(
        or_(table.start.is_(None), table.start <= on),
        or_(table.end >= on, and_(table.end.is_(None), or_(KbSourceRow.covers_until.is_(None), KbSourceRow.covers_until >= on))),
    )
    return and_(clause, or_(table.start.is_not(None), table.end.is_not(None))) if dated else clause


@cache
def seat_phrases() -> dict[str, str]:
    """'senator from' -> 'senate': the words before a place, and a word the chamber's name holds."""
    return _load("posts.json").get("seat_phrases", {})


def seat_description(text: str | None) -> tuple[str, str] | None:
    """'the member for Streatham' -> ('', 'streatham'); 'senator from Ohio' -> ('senate', 'ohio');
    'the Streatham MP' -> ('', 'streatham'); 'the Ohio Republican senator' -> ('senate', 'ohio').
    A former holder ('the former Streatham MP') describes no seat held now."""
    key = " ".join((text or "").lower().replace(",", " ").split()).removeprefix("the ")
    for phrase in sorted(seat_phrases(), key=len, reverse=True):
        if key.startswith(phrase + " ") and key[len(phrase):].strip(" .'’"):
            return seat_phrases()[phrase], key[len(phrase):].strip(" .'’").removeprefix("the ")
    return seat_before_title((text or "").replace(",", " ").strip(" .'’").split())


def seat_before_title(words: list[str]) -> tuple[str, str] | None:
    """'the Streatham MP' -> ('', 'streatham'): a place (capitalised words, party names passed
    over) before a seat's title; 'a senior Labour MP' names no place."""
    chamber = _load("posts.json").get("seat_titles_after", {}).get(words[-1].lower()) if words else None
    if chamber is None or {w.lower() for w in words} & people_lexicon().time_qualifiers:
        return None
    words = words[1:-1] if words[0].lower() in people_lexicon().definite_articles else words[:-1]
    place = [w for w in words if not party_lexicon().normalise(w)]
    return (chamber, " ".join(place).lower()) if place and all(w[:1].isupper() for w in place) else None


# ---- a switch against one source's record -----------------------------------------------------
def records_of(db: Database, person_id: str) -> dict[int, list]:
    """The person's dated memberships, per source, in date order: each source is one record
    (sources of one chamber overlap, and their days differ by one here and there)."""
    with db.sessions() as session:
        rows = session.execute(
            select(KbMembershipRow.source_id, KbMembershipRow.party, KbMembershipRow.start, KbMembershipRow.end, KbSourceRow.covers_until)
            .join(KbSourceRow, KbSourceRow.id == KbMembershipRow.source_id)
            .where(KbMembershipRow.person_id == person_id, or_(KbMembershipRow.start.is_not(None), KbMembershipRow.end.is_not(None)))
            .order_by(KbMembershipRow.source_id, KbMembershipRow.start)
        ).all()
    records: dict[int, list] = {}
    for row in rows:
        records.setdefault(row.source_id, []).append(row)
    return records


def party_changes(record: list, offices: set[str]) -> list[Change]:
    """Changes between successive memberships; an office recorded as a party (the Speaker)
    is passed over, so Liberal, Speaker, Independent is one change from Liberal."""
    parties = [r for r in record if r.party not in offices]
    return [Change(after.start, before.party, after.party, before.end) for before, after in zip(parties, parties[1:]) if before.party != after.party]


def near(change: Change, first: date | None, last: date | None) -> bool:
    """The article's days meet the change, or the gap it spans (a member who resigned the
    seat on leaving and came back for the new party at a by-election), within a week."""
    if first is None or not (change.day or change.left):
        return True
    begins, ends = change.left or change.day, change.day or change.left
    return first - SWITCH_SLACK <= ends and begins <= last + SWITCH_SLACK


def covers(record: list, first: date, last: date) -> bool:
    """The record follows the person on both days (through one membership or successive
    ones), and its source speaks for the later one."""
    known = all(r.covers_until is None or last <= r.covers_until for r in record)
    return known and all(any((r.start is None or r.start <= d) and (r.end is None or d <= r.end) for r in record) for d in (first, last))


def describe_change(change: Change) -> str:
    return f"{change.old or 'no party'} to {change.left or '?'}, {change.new or 'no party'} from {change.day or '?'}"


def describe_record(record: list, first: date, last: date) -> str:
    """The parties the record shows from `first` to `last`, each with its dates."""
    shown = [r for r in record if (r.start is None or r.start <= last) and (r.end is None or first <= r.end)]
    return "; ".join(f"{r.party or 'no party'} {r.start or '?'} to {r.end or 'open'}" for r in shown)


def window(event: dict, published: date | None) -> tuple[date | None, date | None]:
    """The days an event report places it on: its date, its range, else the week before the
    article."""
    if event.get("date"):
        d = date.fromisoformat(event["date"])
        return d, d
    if event.get("date_range"):
        return tuple(date.fromisoformat(d) for d in event["date_range"])
    return (published - timedelta(days=7), published) if published else (None, None)


class Reference:
    def __init__(self, db: Database):
        self.db = db
        self.parties = party_lexicon()
        with db.sessions() as session:
            self.loaded = bool(session.scalar(select(func.count()).select_from(KbSourceRow)))
        self.identifier = Identifier(db, self.same_party)

    # ---- posts --------------------------------------------------------------------------------
    def holder(self, title: str | None, on: date | None) -> Member | None:
        """Who held the post a title names on a day, if the data says so and only one did."""
        if not self.loaded or not title or on is None:
            return None
        key = without_honorifics(title).lower()
        rule = post_rules().get(key)
        with self.db.sessions() as session:
            query = select(KbPostRow.person_id, KbPostRow.role, KbPostRow.organisation).join(KbSourceRow, KbSourceRow.id == KbPostRow.source_id).where(held_on(KbPostRow, on))
            if rule is None:
                query = query.where(func.lower(KbPostRow.role).in_([key, f"the {key}"]))
            else:
                query = query.where(func.lower(KbPostRow.role).like(f"%{rule.groups[0][0]}%"))
            rows = session.execute(query).all()
            holders = {pid for pid, role, org in rows if rule is None or matches(rule, role, org)}
            if len(holders) != 1:
                return None
            return self.named(session, holders.pop(), key)

    @staticmethod
    def named(session, pid: str, fallback: str) -> Member:
        return Member(pid, session.scalar(select(KbPersonRow.name).where(KbPersonRow.id == pid)) or fallback)

    def who(self, text: str, on: date | None) -> list[Member]:
        """`crossfloor kb who`: a seat's holders (two senators of a state), a post's one holder,
        or the one person a name stands for; empty when the record does not say."""
        seated = self.seat_holders(text, on)
        if seated is not None:
            return seated
        found = self.holder(text, on) if self.is_title(text) else self.member(text, on)
        return [found] if found else []

    # ---- seats held -----------------------------------------------------------------------------
    def seat_holders(self, description: str | None, on: date | None) -> list[Member] | None:
        """Who held the seat a description names on a day ('the member for Streatham': one;
        'senator from Ohio': two); None when the words describe no seat."""
        described = seat_description(description)
        if described is None:
            return None
        if not self.loaded or on is None:
            return []
        chamber, place = described
        query = (
            select(KbMembershipRow.person_id)
            .join(KbSourceRow, KbSourceRow.id == KbMembershipRow.source_id)
            .where(held_on(KbMembershipRow, on, dated=True), or_(func.lower(KbMembershipRow.seat) == place, func.lower(KbMembershipRow.region) == place))
        )
        if chamber:
            query = query.where(func.lower(KbMembershipRow.house).like(f"%{chamber}%"))
        with self.db.sessions() as session:
            return sorted((self.named(session, pid, pid) for pid in set(session.scalars(query))), key=lambda m: m.name)

    # ---- people -------------------------------------------------------------------------------
    def member(self, name: str | None, on: date | None = None, seat: str | None = None) -> Member | None:
        """The one person a name stands for, preferring someone with a seat (or post) that day."""
        if not self.loaded or not name:
            return None
        written = PersonName.parse(name)
        if not written.words:
            return None
        with self.db.sessions() as session:
            rows = session.execute(select(KbNameRow.person_id, KbNameRow.name, KbNameRow.start, KbNameRow.end).where(KbNameRow.surname == written.surname_key)).all()
            candidates = {pid for pid, full, start, end in rows if same_person(written, full) and self.in_time(on, start, end, slack=True)}
            if len(candidates) > 1 and (on or seat):
                active = self.active(session, candidates, on, seat)
                candidates = active or candidates
            if len(candidates) != 1:
                return None
            return self.named(session, candidates.pop(), written.plain)

    @staticmethod
    def in_time(on: date | None, start: date | None, end: date | None, slack: bool = False) -> bool:
        if on is None:
            return True
        margin = timedelta(days=365 * 3) if slack else timedelta(0)
        return (start is None or start - margin <= on) and (end is None or on <= end + margin)

    def active(self, session, candidates: set[str], on: date | None, seat: str | None) -> set[str]:
        query = select(KbMembershipRow.person_id, KbMembershipRow.seat, KbMembershipRow.start, KbMembershipRow.end)
        keep = set()
        for pid, member_seat, start, end in (row for chunk in in_chunks(query, KbMembershipRow.person_id, candidates) for row in session.execute(chunk)):
            if (seat and member_seat and seat.lower() != member_seat.lower()) or (start is None and end is None):
                continue
            if self.in_time(on, start, end):
                keep.add(pid)
        return keep

    # ---- seats --------------------------------------------------------------------------------
    def seat_name(self, text: str | None) -> str | None:
        """The gazetteer's name for a seat the article writes ('Witney, West Oxfordshire' -> Witney)."""
        if not self.loaded or not text:
            return None
        candidates = [text.strip(), text.split(",")[0].strip()]
        with self.db.sessions() as session:
            for candidate in candidates:
                found = session.scalar(select(KbAreaRow.name).where(func.lower(KbAreaRow.name) == candidate.lower()).limit(1))
                if found:
                    return found
        return None

    def seat_of(self, person_id: str, on: date | None) -> str | None:
        with self.db.sessions() as session:
            rows = session.execute(select(KbMembershipRow.seat, KbMembershipRow.start, KbMembershipRow.end).where(KbMembershipRow.person_id == person_id)).all()
        seats = {seat for seat, start, end in rows if seat and (start or end) and self.in_time(on, start, end)}
        return seats.pop() if len(seats) == 1 else None

    # ---- switches -----------------------------------------------------------------------------
    def check_switch(self, event: dict, published: date | None) -> None:
        """Mark a party switch `confirmed` (a change in the record within a week of the article's
        dates), `contradicted` (the record follows the person through those days without it) or
        `not in record`; `record` says what the record shows, with its dates."""
        on = date.fromisoformat(event["date"]) if event.get("date") else published
        member = self.member(event.get("person"), on, event.get("seat"))
        event["status"] = NOT_IN_RECORD
        if member is None:
            return
        event["kb_person"] = member.id
        first, last = window(event, published)
        records = records_of(self.db, member.id).values()
        for change in (c for record in records for c in party_changes(record, self.parties.offices)):
            if near(change, first, last) and self.same_party(event.get("from_party"), change.old) and self.same_party(event.get("to_party"), change.new):
                event["status"], event["record"] = "confirmed", describe_change(change)
                return
        covering = [r for r in records if first and covers(r, first - SWITCH_SLACK, last)]
        if covering:
            event["status"], event["record"] = "contradicted", describe_record(covering[0], first - SWITCH_SLACK, last)

    def same_party(self, said: str | None, recorded: str | None) -> bool:
        """A party the article names agrees with the record; one it does not name agrees with any.
        'Independent Conservative' is a way of leaving the Conservatives, so a switch 'to no
        party' agrees with it."""
        if said is None:
            return True
        if recorded is None:
            return False
        return (self.parties.normalise(said) or said).lower() == (self.parties.from_code(recorded) or recorded).lower()

    # ---- people -----------------------------------------------------------------------------
    def identify(self, name: str | None, on: date | None, role: str | None = None, party: str | None = None, seat: str | None = None) -> Identified | None:
        """The one reference person a full name and what the article says of them fit, with the
        evidence (`identify.Identifier`); None when none or several do, or without data."""
        if not self.loaded:
            return None
        return self.identifier.identify(name, Said(on, role, party, seat))


    # ---- one article ----------------------------------------------------------------------------
    def link(self, published: date | None, quotes: list[dict], events: list[dict], people: list[dict] | None = None) -> None:
        """Link the people the article names to the record, resolve the posts and seats its
        speakers are described by (`descriptions.resolve_description`), and check switches; in
        place."""
        if not self.loaded:
            return
        people = people or []
        self.identifier.identify_people(published, people)
        names = article_names(people, quotes, events)
        for quote in quotes:
            resolve_description(self, quote, published, names)
        for event in events:
            self.link_event(event, published)

    def link_event(self, event: dict, published: date | None) -> None:
        """An event's titled participants to the post holders, its person to the record (a switch
        checked against it), and its seat to the gazetteer's name or the member's seat."""
        for key in ("by", "against", "target"):
            holder = self.holder(event[key], published) if self.is_title(event.get(key)) else None
            if holder is not None:
                event[key] = holder.name
        if event["type"] == "party_switch":
            self.check_switch(event, published)
        elif event.get("person"):
            member = self.member(event["person"], published)
            if member is not None:
                event["kb_person"] = member.id
        if "seat" in event:
            event["seat"] = self.seat_name(event.get("seat")) or event.get("seat")
            if not event.get("seat") and event.get("kb_person"):
                event["seat"] = self.seat_of(event["kb_person"], window(event, published)[0] or published)

    @staticmethod
    def is_title(value: str | None) -> bool:
        """'Health Secretary' or 'the Prime Minister', not a person's name."""
        if not value:
            return False
        key = without_honorifics(value).lower()
        return key in post_rules() or any(word in key.split() for word in ("secretary", "minister", "chancellor"))
