"""Readers' flags on wrong facts: stored one a transaction, at most a given number in all (a
form anyone can post must not fill the disk). views.flags reads them."""

from __future__ import annotations

from sqlalchemy import func, select

from .database import Database
from .schema import FlagRow

FLAG_TARGETS = ("quote", "event")


class FlagRefused(Exception):
    """A flag not stored: the database holds as many as it may. One line for the reader."""


def add_flag(db: Database, target: str, target_id: int, what: str, fact: dict, most: int) -> int:
    """Store a flag on a quote or an event (`fact`: the record as the page showed it); its id.
    Refused (FlagRefused) when `most` flags are stored already."""
    if target not in FLAG_TARGETS:
        raise ValueError(f"a flag is on a {' or an '.join(FLAG_TARGETS)}, not {target!r}")

    def action(session) -> int:
        if (session.scalar(select(func.count()).select_from(FlagRow)) or 0) >= most:
            raise FlagRefused(f"this server holds {most} flags already, as many as it takes; export them (/api/export/flags) and ask its keeper to clear them")
        row = FlagRow(target=target, target_id=target_id, what=what, fact=fact)
        session.add(row)
        session.flush()
        return row.id

    return db.in_transaction(action, f"storing a flag on {target} {target_id}")
