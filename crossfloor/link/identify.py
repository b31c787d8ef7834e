"""Which reference person a person named in an article is: the one, and only one, whose record
fits the name and what the article says of them (its day, a role, a seat, a party).

A name given in full (a first name and a surname) reaches the reference persons of that name;
those whose record contradicts the article (another seat, another party around its day) or lies
far from its day (`ERA`) drop out. One left is the person; of several, the one that fits most
of the day (in a seat or post then), the role, the seat and the party, when only one fits most.
A surname alone never reaches the record here: it is the article's or the story's to resolve.
The evidence says which of name, date, role, seat and party fitted (`Identified.evidence`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache

from sqlalchemy import select

from ..analyse.lexicon import _load
from ..people import PersonName, has_given_name, one_person, without_honorifics
from ..store.chunks import in_chunks
from ..store.schema import ArticleRow, KbMembershipRow, KbNameRow, KbPersonRow, KbPostRow, PersonMentionRow, PersonRow
from .posts import matches, post_rules

# A record this far from the article's day (its first seat or post after it, its last before
# it) says nothing of whom the article names: the namesake of 1850 is not today's.
ERA = timedelta(days=365 * 20)
# A seat, party or post this close to the article's day counts as held then.
NEAR = timedelta(days=365)
# Most reference persons a name may reach before it is too common to be told apart.
MOST_CANDIDATES = 40


@cache
def role_chambers() -> dict[str, tuple[str, ...]]:
    """'senator' -> ('senate',): the words of the chambers a role says the person sits in."""
    return {role: tuple(words) for role, words in _load("posts.json").get("role_chambers", {}).items()}


@dataclass
class Record:
    """One reference person's record, as far as telling people apart reads it: each row is
    (value, start, end); houses hold the chamber of each seat."""

    id: str
    name: str
    seats: list[tuple[str | None, date | None, date | None]] = field(default_factory=list)
    parties: list[tuple[str | None, date | None, date | None]] = field(default_factory=list)
    houses: list[tuple[str | None, date | None, date | None]] = field(default_factory=list)
    posts: list[tuple[str, str | None, date | None, date | None]] = field(default_factory=list)  # role, organisation, start, end

    def spans(self) -> list[tuple[date | None, date | None]]:
        dated = [*((start, end) for _, start, end in self.seats), *((start, end) for _, _, start, end in self.posts)]
        return [(start, end) for start, end in dated if start or end]


@dataclass(frozen=True)
class Said:
    """What an article says of a person it names: the day, and the role, party, seat given."""

    on: date | None
    role: str | None = None
    party: str | None = None
    seat: str | None = None


@dataclass(frozen=True)
class Identified:
    id: str
    name: str
    evidence: dict


def near(on: date, start: date | None, end: date | None, slack: timedelta) -> bool:
    return (start is None or start - slack <= on) and (end is None or on <= end + slack)


def within_era(record: Record, on: date | None) -> bool:
    """The record's dated seats and posts come within ERA of the day (no day: any record)."""
    spans = record.spans()
    return on is None or any(near(on, start, end, ERA) for start, end in spans)


class Identifier:
    """Reads the reference persons a full name reaches (once per name) and tells which one an
    article means. `same_party(said, recorded)` is the reference's party comparison."""

    def __init__(self, db, same_party):
        self.db = db
        self.same_party = same_party
        self.records: dict[str, list[Record]] = {}

    def identify(self, name: str | None, said: Said) -> Identified | None:
        written = PersonName.parse(name)
        if not name or not has_given_name(written):
            return None
        fitting = [r for r in self.candidates(written) if within_era(r, said.on) and not self.contradicts(r, said)]
        scored = sorted(((self.fits(r, said), r) for r in fitting), key=lambda pair: -len(pair[0]))
        if not scored or (len(scored) > 1 and (not scored[0][0] or len(scored[0][0]) == len(scored[1][0]))):
            return None
        fields, record = scored[0]
        evidence = {"fields": ["name", *fields], "record_name": record.name, "on": said.on.isoformat() if said.on else None, "candidates": len(fitting)}
        evidence.update({k: getattr(said, k) for k in fields if k in ("role", "party", "seat")})
        return Identified(record.id, record.name, evidence)

    def identify_people(self, published: date | None, people: list[dict]) -> None:
        """Each person an article names tied to the reference person they are (kb_person,
        kb_evidence), in place."""
        for person in people:
            found = self.identify(person.get("name"), Said(published, person.get("role"), person.get("party"), person.get("seat")))
            if found is not None:
                person["kb_person"], person["kb_evidence"] = found.id, found.evidence

    # ---- what the record says ------------------------------------------------------------------
    def candidates(self, written: PersonName) -> list[Record]:
        """The reference persons a full name can denote, with their records (read once a name)."""
        if written.key not in self.records:
            with self.db.sessions() as session:
                rows = session.execute(select(KbNameRow.person_id, KbNameRow.name).where(KbNameRow.surname == written.surname_key)).all()
                ids = sorted({pid for pid, full in rows if has_given_name(full) and one_person(written, full)})
                self.records[written.key] = self.read(session, ids) if len(ids) <= MOST_CANDIDATES else []
        return self.records[written.key]

    @staticmethod
    def read(session, ids: list[str]) -> list[Record]:
        records = {pid: Record(pid, pid) for pid in ids}
        for query in in_chunks(select(KbPersonRow.id, KbPersonRow.name), KbPersonRow.id, ids):
            for pid, name in session.execute(query):
                records[pid].name = name
        memberships = select(KbMembershipRow.person_id, KbMembershipRow.seat, KbMembershipRow.region, KbMembershipRow.party, KbMembershipRow.house, KbMembershipRow.start, KbMembershipRow.end)
        for query in in_chunks(memberships, KbMembershipRow.person_id, ids):
            for pid, seat, region, party, house, start, end in session.execute(query):
                record = records[pid]
                record.seats.extend((place, start, end) for place in (seat, region) if place)
                record.parties.append((party, start, end))
                record.houses.append((house, start, end))
        for query in in_chunks(select(KbPostRow.person_id, KbPostRow.role, KbPostRow.organisation, KbPostRow.start, KbPostRow.end), KbPostRow.person_id, ids):
            for pid, role, organisation, start, end in session.execute(query):
                records[pid].posts.append((role or "", organisation, start, end))
        return list(records.values())

    # ---- the article against the record ----------------------------------------------------
    def contradicts(self, record: Record, said: Said) -> bool:
        """The article gives a seat the record never shows the person in, or a party the record
        never gives them while it follows them around the article's day."""
        if said.seat and record.seats and not self.seat_fits(record, said.seat):
            return True
        if not said.party or said.on is None:
            return False
        around = [party for party, start, end in record.parties if near(said.on, start, end, NEAR) and (start or end)]
        return bool(around) and not self.party_fits(record, said.party)

    def fits(self, record: Record, said: Said) -> list[str]:
        """What of the article the record bears out: 'date' (a seat or post held about its day),
        'role', 'seat', 'party'."""
        checks = {
            "date": said.on is not None and any(near(said.on, start, end, NEAR) for start, end in record.spans()),
            "role": bool(said.role) and self.role_fits(record, said.role),
            "seat": bool(said.seat) and self.seat_fits(record, said.seat),
            "party": bool(said.party) and self.party_fits(record, said.party),
        }
        return [name for name, fitted in checks.items() if fitted]

    @staticmethod
    def seat_fits(record: Record, seat: str) -> bool:
        wanted = {seat.lower().strip(), seat.split(",")[0].lower().strip()}
        return any(place.lower() in wanted for place, _, _ in record.seats)

    def party_fits(self, record: Record, party: str) -> bool:
        return any(recorded and self.same_party(party, recorded) for recorded, _, _ in record.parties)

    @staticmethod
    def role_fits(record: Record, role: str) -> bool:
        """A post the role names (posts.json's rules: 'Home Secretary' is a 'Secretary of State'
        of the Home Office; a title without a rule, a post whose role and organisation hold its
        last two words), or a chamber the role names ('senator')."""
        key = without_honorifics(role).lower()
        chambers = [c for w in key.split() for c in role_chambers().get(w, ())]
        if any(house and any(c in house.lower() for c in chambers) for house, _, _ in record.houses):
            return True
        rule = post_rules().get(key)
        if rule is not None:
            return any(matches(rule, post, organisation) for post, organisation, _, _ in record.posts)
        words = key.split()[-2:]
        return bool(words) and any(all(w in f"{post} {organisation or ''}".lower() for w in words) for post, organisation, _, _ in record.posts)


def link_stored_people(db, reference) -> int:
    """People stored before the record was loaded, tied to it now (after `kb import`): a person
    all of whose mentions that the record can tell identify one reference person, and none
    another, is linked with the evidence of the first. Returns how many were linked."""
    if not reference.loaded:
        return 0
    linked = 0
    with db.sessions() as session:
        ids = session.scalars(select(PersonRow.id).where(PersonRow.kb_person.is_(None), PersonRow.kind == "person").order_by(PersonRow.id)).all()
    for person_id in ids:
        with db.writer.begin() as session:
            mentions = session.execute(
                select(PersonMentionRow.name, PersonMentionRow.role, PersonMentionRow.party, PersonMentionRow.seat, ArticleRow.published, ArticleRow.id)
                .join(ArticleRow, ArticleRow.id == PersonMentionRow.article_id).where(PersonMentionRow.person_id == person_id).order_by(ArticleRow.id)
            ).all()
            found = [(hit, article_id) for name, role, party, seat, published, article_id in mentions for hit in [reference.identify(name, published, role, party, seat)] if hit]
            if found and len({hit.id for hit, _ in found}) == 1:
                hit, article_id = found[0]
                row = session.get(PersonRow, person_id)
                row.kb_person, row.kb_evidence = hit.id, {**hit.evidence, "article_id": article_id}
                linked += 1
    return linked
