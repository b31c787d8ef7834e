"""Strings bounded to their columns: a value longer than its column's declared length never
reaches the database (PostgreSQL would refuse it and abort the writer's transaction; SQLite
would keep it whole, so the two would differ). The column's type decides, once, what happens to
an over-long value, whoever writes it and in lookups alike (bound parameters of a comparison
or an IN list go through the same type, so a lookup finds what a write stored):

- `Clipped`: display text (titles, outlets, speakers, cues, parties, seats ...) is cut to fit.
- `Keyed`: an identifier looked up by equality (a page's URL, a record's id, a reference id)
  keeps its first characters and ends in the SHA-256 of the whole value, so two long values
  that share a beginning stay apart and the same value always gives the same key.
- `Dropped`: an HTTP validator (ETag, Last-Modified) is kept whole or not at all: a cut one
  would be sent back as a lie; without it the next fetch is unconditional.
"""

from __future__ import annotations

import hashlib

from sqlalchemy import String
from sqlalchemy.types import TypeDecorator


class Clipped(TypeDecorator):
    """A String(n) whose over-long values are cut to n characters."""

    impl = String
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if isinstance(value, str) and len(value) > self.impl.length:
            return self.fit(value, self.impl.length)
        return value

    @staticmethod
    def fit(value: str, length: int) -> str | None:
        return value[:length]


class Keyed(Clipped):
    """A String(n) whose over-long values become their beginning and their SHA-256."""

    cache_ok = True

    @staticmethod
    def fit(value: str, length: int) -> str | None:
        digest = "#sha256:" + hashlib.sha256(value.encode("utf-8", "surrogatepass")).hexdigest()
        return value[: length - len(digest)] + digest


class Dropped(Clipped):
    """A String(n) whose over-long values are not stored (NULL)."""

    cache_ok = True

    @staticmethod
    def fit(value: str, length: int) -> str | None:
        return None
