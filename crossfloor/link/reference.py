"""Link what articles say to loaded reference data: who held a post on a day ("the Home
Secretary" on 2005-01-10), which member record a name stands for ("Mr Woodward" -> the member
for Witney), and whether a reported party switch is in the record (confirmed) or not
(contradicted).

Without reference data every function leaves its input as it is. A post with no end date is
only taken to last until the last day its source covers: after that the data cannot say who
holds it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

from sqlalchemy import func, or_, select

from ..analyse.lexicon import _load, party_lexicon
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

# How far a switch date in the text may be from the record's (reports lag the day by a little).
SWITCH_SLACK = timedelta(days=7)


@dataclass(frozen=True)
class PostRule:
    groups: tuple[tuple[str, ...], ...]
    exclude: tuple[str, ...]


@cache
def post_rules() -> dict[str, PostRule]:
    data = _load("posts.json")
    common = tuple(data.get("exclude_always", []))
    rules: dict[str, PostRule] = {}
    for title, spec in data["posts"].items():
        if "same_as" in spec:
            continue
        exclude = tuple(spec.get("exclude", [])) + (common if spec.get("exclude_always", True) is not False else ())
        rules[title] = PostRule(tuple(tuple(g) for g in spec["all"]), exclude)
    for title, spec in data["posts"].items():
        if "same_as" in spec:
            rules[title] = rules[spec["same_as"]]
    return rules


@dataclass
class Member:
    id: str
    name: str


class Reference:
    def __init__(self, db: Database):
        self.db = db
        self.parties = party_lexicon()
        with db.sessions() as session:
            self.loaded = bool(session.scalar(select(func.count()).select_from(KbSourceRow)))
            self.covers_until = session.scalar(select(func.max(KbSourceRow.covers_until))) if self.loaded else None

    # ---- posts --------------------------------------------------------------------------------
    def holder(self, title: str | None, on: date | None) -> Member | None:
        """Who held the post a title names on a day, if the data says so and only one did."""
        if not self.loaded or not title or on is None or (self.covers_until and on > self.covers_until):
            return None
        key = without_honorifics(title).lower()
        rule = post_rules().get(key)
        with self.db.sessions() as session:
            query = select(KbPostRow.person_id, KbPostRow.role, KbPostRow.organisation).where(
                or_(KbPostRow.start.is_(None), KbPostRow.start <= on), or_(KbPostRow.end.is_(None), KbPostRow.end >= on)
            )
            if rule is None:
                query = query.where(func.lower(KbPostRow.role).in_([key, f"the {key}"]))
            else:
                query = query.where(func.lower(KbPostRow.role).like(f"%{rule.groups[0][0]}%"))
            rows = session.execute(query).all()
            holders = {pid for pid, role, org in rows if rule is None or self.matches(rule, role, org)}
            if len(holders) != 1:
                return None
            pid = holders.pop()
            return Member(pid, session.scalar(select(KbPersonRow.name).where(KbPersonRow.id == pid)) or key)

    @staticmethod
    def matches(rule: PostRule, role: str, organisation: str | None) -> bool:
        text = f"{role} {organisation or ''}".lower()
        role_text = role.lower()
        return all(any(option in text for option in group) for group in rule.groups) and not any(word in role_text for word in rule.exclude)

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
            pid = candidates.pop()
            return Member(pid, session.scalar(select(KbPersonRow.name).where(KbPersonRow.id == pid)) or written.plain)

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
            if seat and member_seat and seat.lower() != member_seat.lower():
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
        seats = {seat for seat, start, end in rows if seat and self.in_time(on, start, end)}
        return seats.pop() if len(seats) == 1 else None

    # ---- switches -----------------------------------------------------------------------------
    def party_changes(self, person_id: str) -> list[tuple[date | None, str | None, str | None, bool]]:
        """(day, from party, to party, recorded as a change of party) between successive records."""
        with self.db.sessions() as session:
            rows = session.execute(
                select(KbMembershipRow.party, KbMembershipRow.start, KbMembershipRow.end, KbMembershipRow.start_reason)
                .where(KbMembershipRow.person_id == person_id)
                .order_by(KbMembershipRow.start)
            ).all()
        changes = []
        for before, after in zip(rows, rows[1:]):
            if before.party != after.party:
                changes.append((after.start, before.party, after.party, after.start_reason == "changed_party"))
        return changes

    def memberships_cover(self, person_id: str, first: date, last: date) -> bool:
        """The record follows the person on both days (through one record or successive ones)."""
        with self.db.sessions() as session:
            rows = session.execute(select(KbMembershipRow.start, KbMembershipRow.end).where(KbMembershipRow.person_id == person_id)).all()
        return all(any((s is None or s <= d) and (e is None or d <= e) for s, e in rows) for d in (first, last))

    def check_switch(self, event: dict, published: date | None) -> None:
        """Mark a party switch confirmed or contradicted by the member record, when there is one."""
        on = date.fromisoformat(event["date"]) if event.get("date") else published
        member = self.member(event.get("person"), on, event.get("seat"))
        if member is None:
            return
        event["kb_person"] = member.id
        first, last = self.window(event, published)
        changes = self.party_changes(member.id)
        for day, old, new, _ in changes:
            if first and day and not (first - SWITCH_SLACK <= day <= last + SWITCH_SLACK):
                continue
            if self.same_party(event.get("from_party"), old) and self.same_party(event.get("to_party"), new):
                event["status"] = "confirmed"
                return
        if first and (self.covers_until is None or last <= self.covers_until) and self.memberships_cover(member.id, first - SWITCH_SLACK, last):
            event["status"] = "contradicted"

    @staticmethod
    def window(event: dict, published: date | None) -> tuple[date | None, date | None]:
        if event.get("date"):
            d = date.fromisoformat(event["date"])
            return d, d
        if event.get("date_range"):
            return tuple(date.fromisoformat(d) for d in event["date_range"])
        return (published - timedelta(days=7), published) if published else (None, None)

    def same_party(self, said: str | None, recorded: str | None) -> bool:
        """A party the article names agrees with the record; one it does not name agrees with any.
        'Independent Conservative' is a way of leaving the Conservatives, so a switch 'to no
        party' agrees with it."""
        if said is None:
            return True
        if recorded is None:
            return False
        return (self.parties.normalise(said) or said).lower() == (self.parties.from_code(recorded) or recorded).lower()

    # ---- one article ----------------------------------------------------------------------------
    def link(self, published: date | None, quotes: list[dict], events: list[dict]) -> None:
        """Resolve post titles and names against the record, and check switches; in place."""
        if not self.loaded:
            return
        for quote in quotes:
            holder = self.holder(quote.get("speaker_resolved"), published) if self.is_title(quote.get("speaker_resolved")) else None
            if holder is not None:
                quote["speaker_role"] = quote.get("speaker_role") or quote["speaker_resolved"]
                quote["speaker_resolved"] = holder.name
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
                event["seat"] = self.seat_of(event["kb_person"], self.window(event, published)[0] or published)

    @staticmethod
    def is_title(value: str | None) -> bool:
        """'Health Secretary' or 'the Prime Minister', not a person's name."""
        if not value:
            return False
        key = without_honorifics(value).lower()
        return key in post_rules() or any(word in key.split() for word in ("secretary", "minister", "chancellor"))
