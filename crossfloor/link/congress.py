"""unitedstates/congress-legislators: legislators-current.yaml (and its dated snapshots, same
format), executive.yaml (presidents and vice-presidents) and legislators-historical.csv (one row
per former member: the last seat and party, no dates).

A term's `party` is the party at its end; `party_affiliations` splits it by date, which is where
a switch shows (Justin Amash: Republican to 2019-07-03, Independent from 2019-07-04). A person's
id is the bioguide id; the file's wikidata ids are kept beside it. An older snapshot describes
people as they were then, so a folder is read newest first and each person is taken from the
newest file that has them (`Congress.seen`)."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from ..analyse.lexicon import _load, party_lexicon
from .kb_rows import KbProblem, Rows, day, parse_yaml, read_csv

HOUSES = {"sen": "Senate", "rep": "House of Representatives"}
EXECUTIVE = {"prez": "President of the United States", "viceprez": "Vice President of the United States"}
ID_SCHEMES = ("bioguide", "wikidata", "govtrack", "thomas", "lis", "icpsr", "opensecrets", "votesmart", "ballotpedia", "wikipedia")
SNAPSHOT_DAY = re.compile(r"(\d{4}-\d{2}-\d{2})")


def ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


class Congress:
    def __init__(self):
        self.seen: set[str] = set()  # bioguide ids already taken from a newer file
        self.parties = party_lexicon()
        self.states = _load("posts.json").get("us_states", {})

    # ---- where a term sits ---------------------------------------------------------------------
    def seat(self, kind: str, state: str | None, district) -> tuple[str | None, str | None]:
        """(seat, state name): a senator's seat is the state; a representative's is a district."""
        region = self.states.get(state or "", state)
        if kind != "rep" or district in (None, ""):
            return region, region
        number = int(district) if str(district).lstrip("-").isdigit() else None
        where = "at-large" if not number or number < 1 else ordinal(number)
        return f"{region}'s {where} congressional district", region

    def term_rows(self, pid: str, term: dict) -> list[dict]:
        """One membership per party the term was held for (its affiliations, else its party)."""
        seat, region = self.seat(term.get("type"), term.get("state"), term.get("district"))
        pieces = term.get("party_affiliations") or [{"start": term.get("start"), "end": term.get("end"), "party": term.get("party")}]
        rows = []
        for piece in pieces:
            rows.append(
                {
                    "person_id": pid, "party": self.parties.from_code(piece.get("party")), "seat": seat, "region": region,
                    "house": HOUSES.get(term.get("type"), term.get("type")), "country": "US",
                    "start": day(piece.get("start")), "end": day(piece.get("end")),
                    "start_reason": "changed_party" if rows else None, "end_reason": "changed_party" if len(rows) < len(pieces) - 1 else None,
                }
            )
        return rows

    # ---- people --------------------------------------------------------------------------------
    def person(self, rows: Rows, entry: dict, once: bool = True) -> str | None:
        """The person of one entry, with names and ids; None when a newer file had them (`once`:
        members are taken from one file each; the executive's from its own file)."""
        ids = entry.get("id") or {}
        pid = ids.get("bioguide") or (f"govtrack/{ids['govtrack']}" if ids.get("govtrack") else None)
        if not pid or (once and pid in self.seen):
            rows.taken_elsewhere += bool(pid)
            return None
        if once:
            self.seen.add(pid)
        name = entry.get("name") or {}
        full = name.get("official_full") or " ".join(str(name[k]) for k in ("first", "last") if name.get(k))
        rows.persons[pid] = full
        rows.name(pid, full)
        if name.get("nickname") and name.get("last"):
            rows.name(pid, f"{name['nickname']} {name['last']}")
        for scheme in ID_SCHEMES:
            rows.identify(pid, scheme, ids.get(scheme))
        return pid

    def legislators(self, path: Path) -> Rows:
        data = self.entries(path)
        rows = Rows("congress-legislators")
        found = SNAPSHOT_DAY.search(path.name)
        rows.covers = date.fromisoformat(found.group(1)) if found else None
        for entry in data:
            pid = self.person(rows, entry)
            for term in (entry.get("terms") or []) if pid else []:
                rows.memberships.extend(self.term_rows(pid, term))
        return rows

    def executive(self, path: Path) -> Rows:
        rows = Rows("congress-executive")
        for entry in self.entries(path):
            pid = self.person(rows, entry, once=False)
            for term in (entry.get("terms") or []) if pid else []:
                rows.posts.append(
                    {"person_id": pid, "role": EXECUTIVE.get(term.get("type"), term.get("type")), "organisation": "United States",
                     "start": day(term.get("start")), "end": day(term.get("end"))}
                )
        return rows

    @staticmethod
    def entries(path: Path) -> list[dict]:
        data = parse_yaml(path)
        if not isinstance(data, list) or not all(isinstance(e, dict) and "terms" in e for e in data):
            raise KbProblem(f"{path}: not congress-legislators YAML (a list of people with 'id', 'name' and 'terms')")
        return data

    def historical(self, path: Path) -> Rows:
        """One row per former member: names, ids, and the last seat and party, undated."""
        rows = Rows("congress-historical")
        for record in read_csv(path):
            pid = record.get("bioguide_id")
            if not pid or pid in self.seen:
                rows.taken_elsewhere += bool(pid)
                continue  # a newer YAML file has them, with dates
            full = record.get("full_name") or " ".join(x for x in (record.get("first_name"), record.get("last_name")) if x)
            self.person(rows, {"id": {s: record.get(f"{s}_id") for s in ID_SCHEMES}, "name": {"official_full": full, "nickname": record.get("nickname"), "last": record.get("last_name")}})
            seat, region = self.seat(record.get("type"), record.get("state"), record.get("district"))
            rows.memberships.append(
                {"person_id": pid, "party": self.parties.from_code(record.get("party")), "seat": seat, "region": region,
                 "house": HOUSES.get(record.get("type"), record.get("type")), "country": "US", "start": None, "end": None}
            )
        return rows
