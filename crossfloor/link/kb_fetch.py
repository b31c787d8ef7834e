"""`crossfloor kb fetch`: each publisher's current reference files (`data/kb_sources.json`: the
urls and the name that tells the readers a file's format), downloaded with the fetcher `watch`
uses (read/web.py: robots.txt, a deadline per request, a size limit counted as the body streams,
only public addresses unless private ones are allowed), read by the importers `kb import` uses,
and stored as `kb import` stores a file, under its url.

A file is asked for conditionally (the ETag and Last-Modified its last import kept): a 304 is
"unchanged". A body is read before anything is stored, and a file that cannot be had, is too
large, cannot be read or holds nobody leaves the record of that url as it was. Each file is
imported in one transaction, which also keeps its validators, and says what it changed."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from ..data import load
from ..read.web import Fetcher, FetchProblem
from ..store.database import Database
from ..store.schema import KbSourceRow
from .kb_changes import Changes
from .kb_import import Readers, Validators, store_rows
from .kb_rows import KbProblem, Rows

# What publishers serve their files as (GitHub serves every raw file as text/plain).
DATA_TYPES = (
    "application/json", "text/json", "application/yaml", "application/x-yaml", "text/yaml", "text/x-yaml",
    "text/csv", "application/xml", "text/xml", "text/plain", "application/octet-stream",
)
ALL = "all"


@dataclass(frozen=True)
class Published:
    url: str
    file: str  # its name, which tells the readers its format


def publishers(path: str | None = None) -> dict[str, list[Published]]:
    """Each country's files, in the order they are imported (data/kb_sources.json, or the file
    at `path`: the setting kb_sources)."""
    data = load("kb_sources.json", path)
    return {name: [Published(f["url"], f["file"]) for f in spec["files"]] for name, spec in data["publishers"].items()}


def chosen(names: list[str], known: dict[str, list[Published]]) -> list[str]:
    """The countries named ('all': every one), in the order given; KbProblem for one not known."""
    unknown = [n for n in names if n != ALL and n not in known]
    if unknown:
        raise KbProblem(f"no publisher for {unknown[0]!r}: choose from {', '.join(known)} or {ALL}")
    return list(known) if ALL in names else list(dict.fromkeys(names))


@dataclass
class Outcome:
    """What fetching one url came to: 'updated' (with its changes), 'unchanged' or 'failed'."""

    url: str
    result: str
    detail: str = ""
    changes: Changes | None = None

    def lines(self) -> list[str]:
        if self.result == "updated" and self.changes is not None:
            described = self.changes.describe()
            return [f"updated {self.url}: {described[0]}", *described[1:]]
        if self.result == "failed":
            return [f"error: {self.detail}; the record of {self.url} is left as it was"]
        return [f"unchanged {self.url} ({self.detail})"]


@dataclass
class KbFetcher:
    db: Database
    fetcher: Fetcher
    log: Callable[[str], None] = print

    def country(self, files: list[Published]) -> list[Outcome]:
        """Each of a country's files in turn, read with one set of readers (so that
        congress-legislators' current members are not taken again from its historical file)."""
        readers = Readers()
        return [self.one(published, readers) for published in files]

    def one(self, published: Published, readers: Readers) -> Outcome:
        outcome = self.fetched(published, readers)
        for line in outcome.lines():
            self.log(line)
        return outcome

    def fetched(self, published: Published, readers: Readers) -> Outcome:
        known = self.validators(published.url)
        try:
            got = self.fetcher.fetch(published.url, known.etag, known.last_modified, kinds=DATA_TYPES)
        except FetchProblem as problem:
            return Outcome(published.url, "failed", str(problem))
        if got.status == 304:
            return Outcome(published.url, "unchanged", "304 Not Modified")
        try:
            rows = verified(published, got.content, readers)
            changes = store_rows(self.db, Path(published.file), rows, key=published.url, validators=Validators(got.etag, got.last_modified))
        except KbProblem as problem:
            return Outcome(published.url, "failed", str(problem))
        if not changes:
            return Outcome(published.url, "unchanged", "no change to its people and memberships")
        return Outcome(published.url, "updated", changes=changes)

    def validators(self, url: str) -> Validators:
        """What the publisher said of the url when it was last imported (nothing if never)."""
        with self.db.sessions() as session:
            found = session.execute(select(KbSourceRow.etag, KbSourceRow.last_modified).where(KbSourceRow.path == url)).first()
        return Validators(*found) if found else Validators()


def verified(published: Published, content: bytes, readers: Readers) -> Rows:
    """The file read as its name says (in a temporary folder); KbProblem, naming the url, when
    it cannot be read or names nobody at all (a publisher's broken export must not empty the
    record; a file whose people all came from a file read before it is no such export)."""
    with tempfile.TemporaryDirectory(prefix="crossfloor-kb-") as folder:
        path = Path(folder) / published.file
        path.write_bytes(content)
        try:
            rows = readers.read(path)
        except KbProblem as problem:
            raise KbProblem(str(problem).replace(str(path), published.url)) from None
        except (AttributeError, KeyError, TypeError, ValueError) as err:  # parsed, but not shaped as its format
            raise KbProblem(f"{published.url}: not shaped as {published.file} should be ({type(err).__name__}: {' '.join(str(err).split())[:120]})") from None
    if rows is None:
        raise KbProblem(f"{published.url}: not a reference-data format crossfloor reads (as {published.file})")
    if not rows.persons and not rows.taken_elsewhere:
        raise KbProblem(f"{published.url}: holds nobody ({len(content)} bytes)")
    return rows
