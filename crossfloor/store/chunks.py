"""IN lists of any length: a statement run once per chunk of the values, so no statement binds
more parameters than a database takes (PostgreSQL: 65,535; older SQLite: 32,766), whatever the
size of the collection (a feed's 70,000 links, an article's people)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

CHUNK = 10_000


def in_chunks(statement, column, values: Iterable, size: int = CHUNK) -> Iterator:
    """`statement` restricted to `column IN chunk`, once per chunk of `values` (none when empty)."""
    values = list(values)
    for start in range(0, len(values), size):
        yield statement.where(column.in_(values[start : start + size]))


def rows_in(session, statement, column, values: Iterable, size: int = CHUNK) -> Iterator:
    """The rows `statement` gives with `column IN values`, read a chunk of values at a time."""
    for chunk in in_chunks(statement, column, values, size):
        yield from session.execute(chunk)
