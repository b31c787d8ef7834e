"""Popolo JSON, the open standard other countries publish, with EveryPolitician's extensions:
legislative periods (a membership without dates lasts its period), `on_behalf_of_id` (the party a
seat was held for), `identifiers` (wikidata, and in the UK file the parlparse person number as
`everypolitician_legacy`) and the legislature's Wikidata id, which names the country."""

from __future__ import annotations

from pathlib import Path

from ..analyse.lexicon import _load, party_lexicon
from .kb_rows import KbProblem, Rows, day, parse_json

PARLPARSE_AREA = "uk.org.publicwhip/cons/"
PARLPARSE_PERSON = "uk.org.publicwhip/person/"


class Popolo:
    """One Popolo file's lookups: organisations, areas, posts, legislative periods."""

    def __init__(self, data: dict):
        self.organisations = {o.get("id"): o for o in data.get("organizations") or []}
        self.areas = {a.get("id"): a.get("name") for a in data.get("areas") or []}
        self.posts = {p.get("id"): p for p in data.get("posts") or []}
        self.periods = {e.get("id"): e for e in data.get("events") or [] if e.get("classification") == "legislative period"}
        # EveryPolitician's UK file numbers its people as parlparse does (its areas are parlparse's).
        self.legacy_is_parlparse = any(str(a).startswith(PARLPARSE_AREA) for a in self.areas)
        self.parties = party_lexicon()
        self.countries = _load("posts.json").get("legislature_countries", {})

    def country(self, org: dict) -> str | None:
        """The country of a legislature, by its Wikidata id (posts.json: legislature_countries)."""
        return next((self.countries[i.get("identifier")] for i in org.get("identifiers") or [] if i.get("identifier") in self.countries), None)

    def person(self, rows: Rows, person: dict) -> None:
        pid, name = person.get("id"), person.get("name") or ""
        rows.persons[pid] = name
        rows.name(pid, name)
        for other in person.get("other_names") or []:
            if other.get("name") and other.get("lang") in (None, "en"):
                rows.name(pid, other["name"], day(other.get("start_date")), day(other.get("end_date")))
        rows.identify(pid, "everypolitician", pid)
        for ident in person.get("identifiers") or []:
            scheme, value = ident.get("scheme"), ident.get("identifier")
            if scheme == "everypolitician_legacy" and self.legacy_is_parlparse:
                rows.identify(pid, "parlparse", f"{PARLPARSE_PERSON}{value}")
            if scheme:
                rows.identify(pid, scheme, value)

    def span(self, m: dict):
        """A membership's days: its own, else its legislative period's."""
        period = self.periods.get(m.get("legislative_period_id"), {})
        return day(m.get("start_date") or period.get("start_date")), day(m.get("end_date") or period.get("end_date"))

    def membership(self, rows: Rows, m: dict) -> None:
        """Of a party (an organisation classified as one, or 'on_behalf_of_id') or for a seat; with
        a role other than plain membership outside a party, a post."""
        pid = m.get("person_id")
        org = self.organisations.get(m.get("organization_id"), {})
        party_org = self.organisations.get(m.get("on_behalf_of_id"), {}) if m.get("on_behalf_of_id") else (org if org.get("classification") == "party" else {})
        post = self.posts.get(m.get("post_id"), {})
        seat = self.areas.get(m.get("area_id") or post.get("area_id"))
        start, end = self.span(m)
        in_house = org.get("classification") != "party"
        if party_org or seat:
            rows.memberships.append(
                {
                    "person_id": pid, "party": self.parties.from_code(party_org.get("name")) if party_org else None, "seat": seat,
                    "house": org.get("name") if in_house else None, "start": start, "end": end,
                    "country": self.country(org),
                }
            )
        role = m.get("role") or post.get("label")
        if role and in_house and role.lower() != "member":
            rows.posts.append({"person_id": pid, "role": role, "organisation": org.get("name"), "start": start, "end": end})


def read_popolo(path: Path) -> Rows:
    """Popolo JSON (persons, organizations, memberships, areas, posts, events)."""
    data = parse_json(path)
    if not isinstance(data, dict) or not isinstance(data.get("persons"), list):
        raise KbProblem(f"{path}: not Popolo JSON (no 'persons' list) and not a known parlparse file")
    popolo = Popolo(data)
    rows = Rows("popolo")
    for person in data["persons"]:
        if isinstance(person, dict) and person.get("id"):
            popolo.person(rows, person)
    for m in data.get("memberships") or []:
        if isinstance(m, dict) and m.get("person_id") in rows.persons:
            popolo.membership(rows, m)
    for area_id, name in popolo.areas.items():
        if name:
            rows.areas.append({"area_id": area_id, "name": name, "start": None, "end": None})
    return rows
