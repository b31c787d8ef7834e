"""Popolo JSON, the open standard other countries publish, with EveryPolitician's extensions:
legislative periods (a membership without dates lasts its period), `on_behalf_of_id` (the party a
seat was held for), `identifiers` (wikidata, and in the UK file the parlparse person number as
`everypolitician_legacy`) and the legislature's Wikidata id, which names the country.

TheyWorkForYou's people.json (mysociety/parlparse `members/people.json`) is Popolo too, in its
own flavour: people named only by their `other_names` (given and family name, or a peer's title,
the one with note "Main" first), a seat's area inside its post (`post.area.name`), the chamber as
the post's organisation, reasons a membership began and ended, and parlparse person ids."""

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
        self.posts = {p.get("id"): p for p in data.get("posts") or [] if isinstance(p, dict)}
        self.periods = {e.get("id"): e for e in data.get("events") or [] if e.get("classification") == "legislative period"}
        # EveryPolitician's UK file numbers its people as parlparse does (its areas are parlparse's).
        self.legacy_is_parlparse = any(str(a).startswith(PARLPARSE_AREA) for a in self.areas)
        self.parties = party_lexicon()
        self.countries = _load("posts.json").get("legislature_countries", {})

    def country(self, org: dict) -> str | None:
        """The country of a legislature, by its Wikidata id (posts.json: legislature_countries)."""
        return next((self.countries[i.get("identifier")] for i in org.get("identifiers") or [] if i.get("identifier") in self.countries), None)

    def person(self, rows: Rows, person: dict) -> None:
        pid = person.get("id")
        self.names(rows, pid, person)
        # parlparse's own people.json numbers its people as parlparse does; EveryPolitician by uuid.
        rows.identify(pid, "parlparse" if str(pid).startswith(PARLPARSE_PERSON) else "everypolitician", pid)
        for ident in person.get("identifiers") or []:
            scheme, value = ident.get("scheme"), ident.get("identifier")
            if scheme == "everypolitician_legacy" and self.legacy_is_parlparse:
                rows.identify(pid, "parlparse", f"{PARLPARSE_PERSON}{value}")
            if scheme:
                rows.identify(pid, scheme, value)

    @staticmethod
    def names(rows: Rows, pid: str, person: dict) -> None:
        """The person's name (else their 'Main' other name, else the first) and every English other name."""
        others = [o for o in person.get("other_names") or [] if isinstance(o, dict) and o.get("lang") in (None, "en")]
        main = next((o for o in others if o.get("note") == "Main"), others[0] if others else {})
        name = person.get("name") or written_name(main) or ""
        rows.persons[pid] = name
        rows.name(pid, name)
        for other in others:
            rows.name(pid, written_name(other), day(other.get("start_date")), day(other.get("end_date")))

    def seat(self, m: dict, post: dict) -> str | None:
        """The area's name: by id, or inside the post (parlparse's people.json)."""
        inside = post.get("area") if isinstance(post.get("area"), dict) else {}
        return self.areas.get(m.get("area_id") or post.get("area_id")) or inside.get("name")

    def span(self, m: dict):
        """A membership's days: its own, else its legislative period's."""
        period = self.periods.get(m.get("legislative_period_id"), {})
        return day(m.get("start_date") or period.get("start_date")), day(m.get("end_date") or period.get("end_date"))

    def membership(self, rows: Rows, m: dict) -> None:
        """Of a party (an organisation classified as one, or 'on_behalf_of_id') or for a seat; with
        a role other than plain membership outside a party, a post."""
        pid = m.get("person_id")
        post = self.posts.get(m.get("post_id"), {})
        org = self.organisations.get(m.get("organization_id") or post.get("organization_id"), {})
        party_org = self.organisations.get(m.get("on_behalf_of_id"), {}) if m.get("on_behalf_of_id") else (org if org.get("classification") == "party" else {})
        seat = self.seat(m, post)
        start, end = self.span(m)
        in_house = org.get("classification") != "party"
        if party_org or seat:
            rows.memberships.append(
                {
                    "person_id": pid, "party": self.parties.from_code(party_org.get("name")) if party_org else None, "seat": seat,
                    "house": org.get("name") if in_house else None, "start": start, "end": end,
                    "country": self.country(org), "start_reason": m.get("start_reason"), "end_reason": m.get("end_reason"),
                }
            )
        role = m.get("role") or post.get("label")
        if role and in_house and role.lower() != "member":
            rows.posts.append({"person_id": pid, "role": role, "organisation": org.get("name"), "start": start, "end": end})


def written_name(other: dict) -> str | None:
    """An other_names entry as written: its name, else given and family name, else a peer's title
    ('Baroness Smith')."""
    parts = (other.get("given_name"), other.get("family_name")) if other.get("family_name") else (other.get("honorific_prefix"), other.get("lordname"))
    return other.get("name") or " ".join(str(p) for p in parts if p) or None


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
    for post_id, post in popolo.posts.items():
        area = post.get("area") if isinstance(post.get("area"), dict) else {}
        if area.get("name"):
            rows.areas.append({"area_id": post_id, "name": area["name"], "start": day(post.get("start_date")), "end": day(post.get("end_date"))})
    return rows
