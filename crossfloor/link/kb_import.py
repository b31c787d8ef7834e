"""Load reference data on politicians into the database: parlparse (mySociety's UK Parliament
data: all-members*.xml, people.xml, ministers.xml, ministers-*.json, constituencies.json,
member-aliases.xml), Popolo JSON (the open standard other countries publish; `popolo.py`) and
unitedstates/congress-legislators (YAML, executive.yaml and the CSV of former members;
`congress.py`).

parlparse files refer to one another (member ids -> person ids through people.xml), so a folder
is imported as a whole, people.xml first; congress-legislators snapshots newest first. Each file
is one source: importing it again replaces what it brought, in one transaction, so a failed import
leaves the previous data in place. A person a file names joins the reference person another
source brought when they share a parlparse, bioguide or Wikidata id (`joined_ids`), never by name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import delete, insert, select

from ..analyse.lexicon import party_lexicon
from ..people import surname_of
from ..store.database import Database, DatabaseProblem
from ..store.schema import (
    KbAreaRow,
    KbIdentifierRow,
    KbMembershipRow,
    KbNameRow,
    KbPersonRow,
    KbPostRow,
    KbSourceRow,
)
from .congress import SNAPSHOT_DAY, Congress
from .kb_changes import Changes, Snapshot
from .kb_rows import JOIN_SCHEMES, KbProblem, Rows, csv_header, day, parse_json, parse_xml
from .popolo import PARLPARSE_PERSON, read_popolo

KNOWN_SUFFIXES = (".xml", ".json", ".yaml", ".yml", ".csv")
CURRENT_LEGISLATORS = re.compile(r"legislators-current(\.\d{4}-\d{2}-\d{2})?\.ya?ml$")


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


# ---- every format -----------------------------------------------------------------------------
class Readers:
    """Which reader a file needs, by its name and what it holds; one instance per import, so
    parlparse ids and congress-legislators' newest-first choice carry from file to file."""

    def __init__(self):
        self.parlparse = Parlparse()
        self.congress = Congress()

    def read(self, path: Path) -> Rows | None:
        suffix = path.suffix.lower()
        if suffix in (".yaml", ".yml"):
            return self.congress.executive(path) if path.name.startswith("executive") else self.congress.legislators(path)
        if suffix == ".csv":
            return self.congress.historical(path) if "bioguide_id" in csv_header(path) else None
        rows = self.parlparse.read(path) if suffix in (".xml", ".json") else None
        if rows is not None and rows.format.startswith("parlparse"):
            for pid in rows.persons:
                if str(pid).startswith(PARLPARSE_PERSON):
                    rows.identify(pid, "parlparse", pid)
        return rows

    def read_folder(self, folder: Path) -> tuple[list[tuple[Path, Rows]], list[Path]]:
        """Every data file under the folder in reading order; those in no format it reads apart."""
        read, skipped = [], []
        files = (p for p in folder.rglob("*") if p.is_file() and p.suffix.lower() in KNOWN_SUFFIXES)  # not notes, licences
        for path in sorted(files, key=reading_order):
            rows = self.read(path)
            if rows is None:
                skipped.append(path)
            else:
                read.append((path, rows))
        return read, skipped


def reading_order(path: Path) -> tuple:
    """people.xml first (it links every other parlparse file's ids to persons); then
    congress-legislators' current file and its snapshots, newest first; the CSV of former members
    after them (it only adds people no YAML file has); then the rest by path."""
    if path.name == "people.xml":
        return (0, 0, str(path))
    if CURRENT_LEGISLATORS.match(path.name):
        found = SNAPSHOT_DAY.search(path.name)
        return (1, -day(found.group(1)).toordinal() if found else -10**7, str(path))
    return (2 if path.suffix.lower() == ".csv" else 3, 0, str(path))


# ---- storing ----------------------------------------------------------------------------------
def joined_ids(session, rows: Rows) -> dict[str, str]:
    """The file's person ids that are a person other sources already brought (a shared parlparse,
    bioguide or Wikidata id) -> that person's id. Where ids point at several, the first by id."""
    keys: dict[str, set[tuple[str, str]]] = {}
    for ident in rows.identifiers:
        if ident["scheme"] in JOIN_SCHEMES:
            keys.setdefault(ident["person_id"], set()).add((ident["scheme"], ident["value"]))
    if not keys:
        return {}
    known: dict[tuple[str, str], str] = {}
    query = select(KbIdentifierRow.scheme, KbIdentifierRow.value, KbIdentifierRow.person_id).where(KbIdentifierRow.scheme.in_(JOIN_SCHEMES))
    for scheme, value, pid in session.execute(query):
        key = (scheme, value)
        known[key] = min(known.get(key, pid), pid)
    joined = {}
    for local, pairs in keys.items():
        found = sorted({known[pair] for pair in pairs if pair in known})
        if found and found[0] != local:
            joined[local] = found[0]
    return joined


def rekeyed(rows: list[dict], joined: dict[str, str], source_id: int) -> list[dict]:
    return [{**r, "person_id": joined.get(r["person_id"], r["person_id"]), "source_id": source_id} for r in rows]


@dataclass(frozen=True)
class Validators:
    """What the publisher said of a downloaded file (ETag, Last-Modified), kept with its rows."""

    etag: str | None = None
    last_modified: str | None = None


def forget_source(session, key: str) -> Snapshot:
    """Delete what the source stored under `key` brought (if any); what it held, for the changes."""
    old = session.scalar(select(KbSourceRow).where(KbSourceRow.path == key))
    if old is None:
        return Snapshot()
    before = Snapshot.stored(session, old.id)
    for table in (KbPersonRow, KbNameRow, KbMembershipRow, KbPostRow, KbAreaRow, KbIdentifierRow):
        session.execute(delete(table).where(table.source_id == old.id))
    session.delete(old)
    session.flush()
    return before


def add_rows(session, source: KbSourceRow, rows: Rows) -> Snapshot:
    """The file's rows under its source, its people joined to those other sources brought."""
    joined = joined_ids(session, rows)
    persons = {joined.get(pid, pid): name for pid, name in rows.persons.items()}
    known = set(session.scalars(select(KbPersonRow.id))) if persons else set()
    session.add_all(KbPersonRow(id=pid, name=name, source_id=source.id) for pid, name in persons.items() if pid not in known)
    names = rekeyed([{**r, "surname": surname_of(r["name"])} for r in rows.names if r["name"]], joined, source.id)
    memberships, posts = rekeyed(rows.memberships, joined, source.id), rekeyed(rows.posts, joined, source.id)
    for table, items in ((KbNameRow, names), (KbMembershipRow, memberships), (KbPostRow, posts), (KbIdentifierRow, rekeyed(rows.identifiers, joined, source.id))):
        if items:
            session.execute(insert(table), items)
    if rows.areas:
        session.execute(insert(KbAreaRow), [{**r, "source_id": source.id} for r in rows.areas])
    return Snapshot.of(names, memberships, posts)


def store_rows(db: Database, path: Path, rows: Rows, key: str | None = None, validators: Validators = Validators()) -> Changes:
    """Replace what this file brought before (under `key`: its resolved path, or the url it was
    downloaded from), in one transaction; its people joined to the persons other sources brought
    through shared ids. Returns what changed."""
    try:
        with db.writer.begin() as session:
            before = forget_source(session, key or str(path.resolve()))
            source = KbSourceRow(path=key or str(path.resolve()), format=rows.format, covers_until=rows.latest_day(), etag=validators.etag, last_modified=validators.last_modified)
            session.add(source)
            session.flush()
            return Changes(before, add_rows(session, source, rows))
    except DatabaseProblem:
        raise
    except Exception as err:  # SQLAlchemy errors: one line naming the file
        raise KbProblem(f"{key or path}: cannot store ({str(getattr(err, 'orig', err)).splitlines()[0]})") from None


def import_path(db: Database, path: Path) -> tuple[list[tuple[Path, dict[str, int]]], list[Path]]:
    """Import a folder (parlparse, congress-legislators, Popolo files; every file under it) or one
    file. Returns what each file brought, and the files of a folder that are no reference data."""
    if not path.exists():
        raise KbProblem(f"{path}: no such file or folder")
    readers = Readers()
    skipped: list[Path] = []
    if path.is_dir():
        items, skipped = readers.read_folder(path)
        if not items:
            raise KbProblem(f"{path}: no parlparse, congress-legislators or Popolo files in this folder")
    else:
        people = path.parent / "people.xml"
        if path.name != "people.xml" and people.exists() and path.suffix == ".xml":
            readers.parlparse.people(people)  # member ids in this file need people.xml to reach persons
        rows = readers.read(path)
        if rows is None:
            raise KbProblem(f"{path}: not a known reference-data format (parlparse XML/JSON, Popolo JSON, congress-legislators YAML/CSV)")
        items = [(path, rows)]
    done = []
    for file, rows in items:
        store_rows(db, file, rows)
        done.append((file, rows.counts()))
    return done, skipped
