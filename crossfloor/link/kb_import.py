"""Load reference data on politicians into the database: parlparse (mySociety's UK Parliament
data: all-members*.xml, people.xml, ministers.xml, ministers-*.json, constituencies.json,
member-aliases.xml) and Popolo JSON (the open standard other countries publish).

parlparse files refer to one another (member ids -> person ids through people.xml), so a folder
is imported as a whole, people.xml first. Each file is one source: importing it again replaces
what it brought, in one transaction, so a failed import leaves the previous data in place.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from sqlalchemy import delete, select

from ..analyse.lexicon import party_lexicon
from ..people import surname_of
from ..store.database import Database, DatabaseProblem
from ..store.schema import (
    KbAreaRow,
    KbMembershipRow,
    KbNameRow,
    KbPersonRow,
    KbPostRow,
    KbSourceRow,
)

OPEN_END = "9999-12-31"


class KbProblem(Exception):
    """A reference file that cannot be imported; the message is one line naming the file."""


@dataclass
class Rows:
    """What one source file contributes."""

    format: str
    persons: dict[str, str] = field(default_factory=dict)  # id -> name
    names: list[dict] = field(default_factory=list)
    memberships: list[dict] = field(default_factory=list)
    posts: list[dict] = field(default_factory=list)
    areas: list[dict] = field(default_factory=list)

    def latest_day(self) -> date | None:
        days = [r[k] for rows in (self.memberships, self.posts) for r in rows for k in ("start", "end") if r.get(k)]
        return max(days) if days else None

    def counts(self) -> dict[str, int]:
        return {"persons": len(self.persons), "names": len(self.names), "memberships": len(self.memberships), "posts": len(self.posts), "areas": len(self.areas)}


def day(value: str | None) -> date | None:
    """ISO day; a bare year ('1918') is its first day; 9999-12-31 means still open."""
    if not value or value.startswith(OPEN_END):
        return None
    value = value.strip()
    try:
        return date.fromisoformat(value[:10]) if len(value) >= 10 else date(int(value[:4]), 1, 1)
    except ValueError:
        return None


# ---- parlparse --------------------------------------------------------------------------------
class Parlparse:
    """Reads a parlparse folder, resolving member ids to person ids."""

    def __init__(self):
        self.person_of: dict[str, str] = {}  # member / moffice / membership id -> person id
        self.person_name: dict[str, str] = {}
        self.parties = party_lexicon()

    def people(self, path: Path) -> Rows:
        rows = Rows("parlparse-people")
        for person in parse_xml(path).iter("person"):
            pid = person.get("id")
            name = person.get("latestname") or ""
            rows.persons[pid] = name
            self.person_name[pid] = name
            rows.names.append({"person_id": pid, "name": name, "start": None, "end": None})
            for office in person.iter("office"):
                self.person_of[office.get("id")] = pid
        return rows

    def members(self, path: Path) -> Rows:
        rows = Rows("parlparse-members")
        for m in parse_xml(path).iter("member"):
            pid = self.person_of.get(m.get("id"), m.get("id"))
            name = " ".join(x for x in (m.get("firstname"), m.get("lastname")) if x)
            rows.persons.setdefault(pid, self.person_name.get(pid, name))
            start, end = day(m.get("fromdate")), day(m.get("todate"))
            rows.names.append({"person_id": pid, "name": name, "start": start, "end": end})
            rows.memberships.append(
                {
                    "person_id": pid, "party": self.parties.from_code(m.get("party")), "seat": m.get("constituency"),
                    "house": m.get("house") or "commons", "start": start, "end": end,
                    "start_reason": m.get("fromwhy"), "end_reason": m.get("towhy"),
                }
            )
        return rows

    def aliases(self, path: Path) -> Rows:
        """'Tony Blair' is 'The Prime Minister' from 1997-05-01 to 2007-06-27."""
        rows = Rows("parlparse-aliases")
        by_name = {name.lower(): pid for pid, name in self.person_name.items()}
        for alias in parse_xml(path).iter("alias"):
            fullname, alternate = alias.get("fullname"), alias.get("alternate")
            pid = by_name.get((fullname or "").lower())
            if pid and alternate:
                rows.names.append({"person_id": pid, "name": alternate, "start": day(alias.get("from")), "end": day(alias.get("to"))})
        return rows

    def ministers_xml(self, path: Path) -> Rows:
        rows = Rows("parlparse-ministers")
        for office in parse_xml(path).iter("moffice"):
            pid = self.person_of.get(office.get("id")) or self.person_of.get(office.get("matchid") or "", office.get("matchid") or office.get("id"))
            rows.persons.setdefault(pid, self.person_name.get(pid, office.get("name") or ""))
            position = office.get("position") or ""
            rows.posts.append(
                {
                    "person_id": pid, "role": position, "organisation": office.get("dept"),
                    "start": day(office.get("fromdate")), "end": day(office.get("todate")),
                }
            )
        return rows

    def ministers_json(self, path: Path) -> Rows:
        data = parse_json(path)
        rows = Rows("parlparse-ministers-json")
        organisations = {o["id"]: o.get("name") for o in data.get("organizations", [])}
        for m in data.get("memberships", []):
            role = m.get("role")
            if not role:
                continue  # plain committee membership
            pid = m.get("person_id")
            rows.persons.setdefault(pid, self.person_name.get(pid, ""))
            rows.posts.append(
                {"person_id": pid, "role": role, "organisation": organisations.get(m.get("organization_id")), "start": day(m.get("start_date")), "end": day(m.get("end_date"))}
            )
        return rows

    @staticmethod
    def constituencies(path: Path) -> Rows:
        rows = Rows("parlparse-constituencies")
        for area in parse_json(path):
            for name in area.get("names", []):
                rows.areas.append({"area_id": area["id"], "name": name, "start": day(area.get("start_date")), "end": day(area.get("end_date"))})
        return rows

    def read_folder(self, folder: Path) -> Iterator[tuple[Path, Rows]]:
        """people.xml first (it links every other file's ids to persons), then the rest."""
        files = sorted(p for p in folder.iterdir() if p.suffix in (".xml", ".json"))
        people = [p for p in files if p.name == "people.xml"]
        for path in people + [p for p in files if p.name != "people.xml"]:
            rows = self.read(path)
            if rows is not None:
                yield path, rows

    def read(self, path: Path) -> Rows | None:
        name = path.name
        if name == "people.xml":
            return self.people(path)
        if name.startswith("all-members"):
            return self.members(path)
        if name == "member-aliases.xml":
            return self.aliases(path)
        if name.startswith("ministers") and name.endswith(".xml"):
            return self.ministers_xml(path)
        if name.startswith("ministers") and name.endswith(".json"):
            return self.ministers_json(path)
        if name.startswith("constituencies") and name.endswith(".json"):
            return self.constituencies(path)
        if path.suffix == ".json":
            return read_popolo(path)
        if path.suffix == ".xml":  # a renamed parlparse file: tell by what it holds
            first = next(iter(parse_xml(path)), None)
            reader = {"person": self.people, "member": self.members, "alias": self.aliases, "moffice": self.ministers_xml}.get(first.tag if first is not None else "")
            return reader(path) if reader else None
        return None


# ---- Popolo -----------------------------------------------------------------------------------
def popolo_person(rows: Rows, person: dict) -> None:
    pid, name = person.get("id"), person.get("name") or ""
    rows.persons[pid] = name
    rows.names.append({"person_id": pid, "name": name, "start": None, "end": None})
    for other in person.get("other_names", []):
        if other.get("name"):
            rows.names.append({"person_id": pid, "name": other["name"], "start": day(other.get("start_date")), "end": day(other.get("end_date"))})


def popolo_membership(rows: Rows, m: dict, organisations: dict, areas: dict, posts: dict) -> None:
    """A membership: of a party (an organisation classified as one, or 'on_behalf_of_id') or for
    a seat; with a role outside a party, a post."""
    pid = m.get("person_id")
    org = organisations.get(m.get("organization_id"), {})
    party_org = organisations.get(m.get("on_behalf_of_id"), {}) if m.get("on_behalf_of_id") else (org if org.get("classification") == "party" else {})
    post = posts.get(m.get("post_id"), {})
    seat = areas.get(m.get("area_id") or post.get("area_id"))
    start, end = day(m.get("start_date")), day(m.get("end_date"))
    in_house = org.get("classification") != "party"
    if party_org or seat:
        party = party_lexicon().from_code(party_org.get("name")) if party_org else None
        rows.memberships.append({"person_id": pid, "party": party, "seat": seat, "house": org.get("name") if in_house else None, "start": start, "end": end, "start_reason": None, "end_reason": None})
    role = m.get("role") or post.get("label")
    if role and in_house:
        rows.posts.append({"person_id": pid, "role": role, "organisation": org.get("name"), "start": start, "end": end})


def read_popolo(path: Path) -> Rows:
    """Popolo JSON (persons, organizations, memberships, areas, posts): party memberships come
    from organisations classified as parties or from 'on_behalf_of_id'; other memberships with a
    role are posts."""
    data = parse_json(path)
    if not isinstance(data, dict) or "persons" not in data:
        raise KbProblem(f"{path}: not Popolo JSON (no 'persons' list) and not a known parlparse file")
    rows = Rows("popolo")
    organisations = {o.get("id"): o for o in data.get("organizations", [])}
    areas = {a.get("id"): a.get("name") for a in data.get("areas", [])}
    posts = {p.get("id"): p for p in data.get("posts", [])}
    for person in data.get("persons", []):
        popolo_person(rows, person)
    for m in data.get("memberships", []):
        if m.get("person_id") in rows.persons:
            popolo_membership(rows, m, organisations, areas, posts)
    for area_id, name in areas.items():
        if name:
            rows.areas.append({"area_id": area_id, "name": name, "start": None, "end": None})
    return rows


# ---- reading and storing ----------------------------------------------------------------------
def parse_xml(path: Path) -> ET.Element:
    try:
        return ET.parse(path).getroot()  # the XML declaration gives the encoding (ISO-8859-1)
    except ET.ParseError as err:
        raise KbProblem(f"{path}: not well-formed XML ({err})") from None
    except OSError as err:
        raise KbProblem(f"{path}: cannot read ({err.strerror})") from None


def parse_json(path: Path):
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as err:
        raise KbProblem(f"{path}: invalid JSON ({err.msg} at line {err.lineno})") from None
    except (OSError, UnicodeDecodeError) as err:
        raise KbProblem(f"{path}: cannot read ({getattr(err, 'strerror', None) or err})") from None


def store_rows(db: Database, path: Path, rows: Rows) -> None:
    """Replace what this file brought before, in one transaction."""
    key = str(path.resolve())
    try:
        with db.writer.begin() as session:
            old = session.scalar(select(KbSourceRow).where(KbSourceRow.path == key))
            if old is not None:
                for table in (KbPersonRow, KbNameRow, KbMembershipRow, KbPostRow, KbAreaRow):
                    session.execute(delete(table).where(table.source_id == old.id))
                session.delete(old)
                session.flush()
            source = KbSourceRow(path=key, format=rows.format, covers_until=rows.latest_day())
            session.add(source)
            session.flush()
            known = set(session.scalars(select(KbPersonRow.id))) if rows.persons else set()
            session.add_all(KbPersonRow(id=pid, name=name, source_id=source.id) for pid, name in rows.persons.items() if pid not in known)
            session.add_all(KbNameRow(surname=surname_of(r["name"]), source_id=source.id, **r) for r in rows.names if r["name"])
            session.add_all(KbMembershipRow(source_id=source.id, **r) for r in rows.memberships)
            session.add_all(KbPostRow(source_id=source.id, **r) for r in rows.posts)
            session.add_all(KbAreaRow(source_id=source.id, **r) for r in rows.areas)
    except DatabaseProblem:
        raise
    except Exception as err:  # SQLAlchemy errors: one line naming the file
        raise KbProblem(f"{path}: cannot store ({str(getattr(err, 'orig', err)).splitlines()[0]})") from None


def import_path(db: Database, path: Path) -> list[tuple[Path, dict[str, int]]]:
    """Import a parlparse folder, a single parlparse file or a Popolo JSON file."""
    if not path.exists():
        raise KbProblem(f"{path}: no such file or folder")
    reader = Parlparse()
    if path.is_dir():
        items = list(reader.read_folder(path))
        if not items:
            raise KbProblem(f"{path}: no parlparse or Popolo files in this folder")
    else:
        people = path.parent / "people.xml"
        if path.name != "people.xml" and people.exists() and path.suffix == ".xml":
            reader.people(people)  # member ids in this file need people.xml to reach persons
        rows = reader.read(path)
        if rows is None:
            raise KbProblem(f"{path}: not a known reference-data format (parlparse XML/JSON or Popolo JSON)")
        items = [(path, rows)]
    done = []
    for file, rows in items:
        store_rows(db, file, rows)
        done.append((file, rows.counts()))
    return done
