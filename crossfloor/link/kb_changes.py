"""What importing a reference file again changed: the people, memberships and posts its source
held before against those it holds now, each added, removed or changed. A person is known by
their reference id (shown by their first name in the file); a membership by its person, chamber,
seat and first day, and it changed when its party or its last day did; a post by its person,
role, organisation and first day, and it changed when its last day did."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select

from ..store.schema import KbMembershipRow, KbNameRow, KbPostRow

# How many of each kind of change `describe` names (the counts are always whole).
NAMED = 3


@dataclass
class Diff:
    added: list = field(default_factory=list)
    removed: list = field(default_factory=list)
    changed: list = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.added or self.removed or self.changed)

    def counts(self) -> str:
        return f"{len(self.added)} added, {len(self.removed)} removed, {len(self.changed)} changed"


def diff(before: dict, after: dict) -> Diff:
    """Keys only after (added), only before (removed), and in both with another value (changed)."""
    return Diff(
        added=sorted(after.keys() - before.keys(), key=str),
        removed=sorted(before.keys() - after.keys(), key=str),
        changed=sorted((k for k in before.keys() & after.keys() if before[k] != after[k]), key=str),
    )


@dataclass
class Snapshot:
    """One source's people (id -> name), memberships ((person, house, seat, start) -> (party,
    end)) and posts ((person, role, organisation, start) -> end)."""

    people: dict = field(default_factory=dict)
    memberships: dict = field(default_factory=dict)
    posts: dict = field(default_factory=dict)

    @classmethod
    def of(cls, names: list[dict], memberships: list[dict], posts: list[dict]) -> Snapshot:
        """From rows as the readers give them (person ids already the stored ones)."""
        people: dict = {}
        for row in names:
            people.setdefault(row["person_id"], row["name"])
        for row in memberships + posts:
            people.setdefault(row["person_id"], row["person_id"])
        held = {(r["person_id"], r.get("house"), r.get("seat"), r.get("start")): (r.get("party"), r.get("end")) for r in memberships}
        offices = {(r["person_id"], r.get("role"), r.get("organisation"), r.get("start")): r.get("end") for r in posts}
        return cls(people, held, offices)

    @classmethod
    def stored(cls, session, source_id: int) -> Snapshot:
        """What the database holds of a source, read in the order it was stored."""

        def rows(table, *columns) -> list[dict]:
            query = select(table.person_id, *columns).where(table.source_id == source_id).order_by(table.id)
            return [dict(r) for r in session.execute(query).mappings()]

        return cls.of(
            rows(KbNameRow, KbNameRow.name),
            rows(KbMembershipRow, KbMembershipRow.house, KbMembershipRow.seat, KbMembershipRow.start, KbMembershipRow.party, KbMembershipRow.end),
            rows(KbPostRow, KbPostRow.role, KbPostRow.organisation, KbPostRow.start, KbPostRow.end),
        )


@dataclass
class Changes:
    before: Snapshot
    after: Snapshot

    @property
    def people(self) -> Diff:
        return diff(self.before.people, self.after.people)

    @property
    def memberships(self) -> Diff:
        return diff(self.before.memberships, self.after.memberships)

    @property
    def posts(self) -> Diff:
        return diff(self.before.posts, self.after.posts)

    def __bool__(self) -> bool:
        return bool(self.people or self.memberships or self.posts)

    def describe(self) -> list[str]:
        """Lines for the terminal: the counts, then a few of each kind of change by name."""
        people = self.people
        lines = [f"people {people.counts()}; memberships {self.memberships.counts()}" + (f"; posts {self.posts.counts()}" if self.posts else "")]
        for label, ids, known in (("added", people.added, self.after.people), ("removed", people.removed, self.before.people), ("renamed", people.changed, self.after.people)):
            if ids:
                lines.append(f"  people {label}: " + named(sorted(str(known.get(i, i)) for i in ids)))
        for kind, told in (("memberships", self.membership), ("posts", self.post)):
            found = getattr(self, kind)
            for label, keys in (("added", found.added), ("removed", found.removed), ("changed", found.changed)):
                if keys:
                    lines.append(f"  {kind} {label}: " + named(told(k) for k in keys))
        return lines

    def name(self, person: str) -> str:
        return self.after.people.get(person) or self.before.people.get(person) or person

    def membership(self, key: tuple) -> str:
        """'Jane Doe (Hove): Labour 2019-01-03 to 2020-05-31 -> Labour 2019-01-03 to open' (before -> after)."""
        person, _, seat, start = key
        told = [f"{party or 'no party'} {start or '?'} to {end or 'open'}" for party, end in (s.memberships[key] for s in (self.before, self.after) if key in s.memberships)]
        return f"{self.name(person)}{f' ({seat})' if seat else ''}: " + " -> ".join(told)

    def post(self, key: tuple) -> str:
        """'Jane Doe: Home Secretary 2019-01-03 to open -> Home Secretary 2019-01-03 to 2020-02-13'."""
        person, role, _, start = key
        told = [f"{start or '?'} to {s.posts[key] or 'open'}" for s in (self.before, self.after) if key in s.posts]
        return f"{self.name(person)}: {role} " + " -> ".join(told)


def named(items) -> str:
    items = list(items)
    shown = "; ".join(str(i) for i in items[:NAMED])
    return shown + (f"; and {len(items) - NAMED} more" if len(items) > NAMED else "")
