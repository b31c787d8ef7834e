"""Storage: one transaction per article, content-hash de-duplication, migrations, retries. What is
stored is read through views.py."""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TypeVar

from sqlalchemy import create_engine, event, func, inspect, make_url, select, text
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DatabaseError, IntegrityError, OperationalError
from sqlalchemy.orm import Session, sessionmaker


from ..schema import AnalysedArticle, Article
from ..schema.events import weightiest_status
from .rows import event_record, event_row, quote_record, quote_row
from .chunks import in_chunks
from .schema import ArticleCopyRow, ArticleRow, CanonicalEventRow, EventRow, KbSourceRow, QuoteRow
from .problems import DatabaseProblem, RowsRejected
from .search import index_article

log = logging.getLogger(__name__)


@dataclass
class Outcome:
    """What storing an article did: 'stored' (article_id is the new row), 'copy' (a near copy
    of article_id, kept as another publication of it), 'duplicate' (the same text is stored) or
    'skipped' (not stored; detail says why)."""

    kind: str
    article_id: int | None
    similarity: float | None = None
    detail: str | None = None


@dataclass
class StoredRows:
    """The rows of an article just added, for linking in the same transaction."""

    article: ArticleRow
    quotes: list[QuoteRow]
    events: list[EventRow]


T = TypeVar("T")


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    # SQLAlchemy, not the driver, opens transactions (see _sqlite_begin).
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


def _sqlite_begin(conn) -> None:
    """A writing transaction takes the write lock when it begins: a deferred one that reads
    first and then writes fails at once (SQLITE_BUSY) when another process wrote meanwhile,
    whatever the busy timeout."""
    conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get("writer") else "BEGIN")


# Failures worth another try: another writer holds the lock, or the server went away (restart).
TRANSIENT = ("database is locked", "database is busy", "deadlock detected", "could not serialize", "server closed the connection",
             "terminating connection", "connection refused", "connection failed", "the database system is", "consuming input failed",
             "connection is closed", "ssl syscall", "no connection to the server")
RETRY_SECONDS = 90.0
# All writers on PostgreSQL take this lock for a store: linking reads what the others wrote.
WRITE_LOCK = 4243


def transient(err: Exception) -> bool:
    message = str(getattr(err, "orig", err)).lower()
    return getattr(err, "connection_invalidated", False) or any(t in message for t in TRANSIENT)


def unique_violation(err: IntegrityError) -> bool:
    """A unique constraint another writer won (SQLite's extended code, PostgreSQL's SQLSTATE
    23505), not a foreign key or NOT NULL constraint."""
    return getattr(err.orig, "sqlstate", None) == "23505" or getattr(err.orig, "sqlite_errorname", None) in ("SQLITE_CONSTRAINT_UNIQUE", "SQLITE_CONSTRAINT_PRIMARYKEY")


def retrying(action, what: str, seconds: float = RETRY_SECONDS):
    """Run action(), again after a growing pause while it fails transiently, for up to `seconds`."""
    deadline, pause = time.monotonic() + seconds, 0.2
    while True:
        try:
            return action()
        except OperationalError as err:
            if not transient(err) or time.monotonic() + pause > deadline:
                raise
            log.warning("%s: %s; trying again in %.1f s", what, str(getattr(err, "orig", err)).splitlines()[0], pause)
            time.sleep(pause)
            pause = min(pause * 2, 5.0)


MIGRATIONS = Path(__file__).with_name("migrations")
FIRST_REVISION = "0001"


# A migration's own lines naming it and the one it follows: `revision: str = '0012'`.
REVISION_LINE = re.compile(r"^(revision|down_revision)\b[^=\n]*=\s*(?:['\"](\w+)['\"]|None)", re.M)


@cache
def newest_revision() -> str | None:
    """The newest migration, read from the migration files without loading Alembic (a second
    or so of every command's start); None unless exactly one migration is nobody's parent."""
    revisions: set[str | None] = set()
    parents: set[str | None] = set()
    for path in (MIGRATIONS / "versions").glob("*.py"):
        found = dict(REVISION_LINE.findall(path.read_text(encoding="utf-8")))
        revisions.add(found.get("revision") or None)
        parents.add(found.get("down_revision") or None)
    heads = revisions - parents - {None}
    return heads.pop() if len(heads) == 1 else None


def up_to_date(conn) -> bool:
    """Whether the database already stands at the newest migration (nothing for Alembic to do)."""
    newest = newest_revision()
    if newest is None or not inspect(conn).has_table("alembic_version"):
        return False
    return list(conn.execute(text("SELECT version_num FROM alembic_version")).scalars()) == [newest]


def migrate(conn) -> None:
    """Upgrade the schema to the newest migration, in the caller's transaction (Alembic is
    loaded only when there is something to do). A database made before migrations existed
    (same tables as the first revision) is stamped first. On PostgreSQL an advisory lock keeps
    two processes from migrating at once."""
    if up_to_date(conn):
        return
    from alembic import command
    from alembic.config import Config

    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_advisory_xact_lock(4242)"))
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = conn
    tables = set(inspect(conn).get_table_names())
    if "articles" in tables and "alembic_version" not in tables:
        command.stamp(config, FIRST_REVISION)
    command.upgrade(config, "head")


def describe_url(url: str) -> str:
    return url.split("///", 1)[1] if url.startswith("sqlite:///") else url.rsplit("@", 1)[-1]


SUPPORTED_URLS = "an SQLite path, sqlite:///PATH, or postgresql+psycopg://USER:PASSWORD@HOST/NAME"
# The drivers crossfloor ships with; the short PostgreSQL spellings mean psycopg (SQLAlchemy
# would look for psycopg2, which is not installed).
URL_SCHEMES = {"sqlite": "sqlite", "sqlite+pysqlite": "sqlite+pysqlite", "postgresql+psycopg": "postgresql+psycopg",
               "postgresql": "postgresql+psycopg", "postgres": "postgresql+psycopg"}


def check_url(url: str, create: bool) -> str:
    """The URL to open, with the scheme spelled as SQLAlchemy needs it; a DatabaseProblem for a
    scheme crossfloor cannot use, an SQLite file in a folder that does not exist (never made:
    a typo should not leave folders behind) or, unless `create`, an SQLite file that does not
    exist (a typo would otherwise read as an empty database)."""
    scheme, _, rest = url.partition("://")
    if scheme.lower() not in URL_SCHEMES:
        raise DatabaseProblem(f"{scheme}://: not a supported database URL (use {SUPPORTED_URLS})")
    url = f"{URL_SCHEMES[scheme.lower()]}://{rest}"
    path = sqlite_file(url)
    if path is not None and not path.parent.is_dir():
        raise DatabaseProblem(f"{path}: the folder {path.parent} does not exist")
    if path is not None and not create and not path.exists():
        raise DatabaseProblem(f"{path}: no such database (`crossfloor ingest` or `crossfloor kb import` creates one; check --db)")
    return url


def sqlite_file(url: str) -> Path | None:
    """The file an SQLite URL names; None for other databases and for an in-memory one."""
    if not url.startswith("sqlite"):
        return None
    name = make_url(url).database
    return Path(name) if name and name != ":memory:" and not name.startswith("file:") else None


class Database:
    def __init__(self, url: str):
        self.url = url
        self.engine: Engine = create_engine(url, future=True, pool_pre_ping=True)
        if self.engine.dialect.name == "sqlite":
            event.listen(self.engine, "connect", _sqlite_pragmas)
            event.listen(self.engine, "begin", _sqlite_begin)
        self.sessions = sessionmaker(self.engine, expire_on_commit=False)
        self.writer = sessionmaker(self.engine.execution_options(writer=True), expire_on_commit=False)

    def _fail(self, err: Exception) -> DatabaseProblem:
        detail = str(getattr(err, "orig", err)).splitlines()[0]
        return DatabaseProblem(f"{describe_url(self.url)}: cannot use database ({detail})")

    def init(self) -> Database:
        """Bring the schema up to date (Alembic migrations); a file that is not a database is
        reported, never overwritten."""
        try:
            with self.engine.begin() as conn:
                migrate(conn)
                conn.execute(select(func.count()).select_from(ArticleRow))
        except (DatabaseError, OperationalError) as err:
            raise self._fail(err) from None
        return self

    def known_hashes(self, hashes: Iterable[str]) -> set[str]:
        hashes = list(hashes)
        found: set[str] = set()
        with self.sessions() as session:
            for table in (ArticleRow, ArticleCopyRow):
                for query in in_chunks(select(table.content_hash), table.content_hash, hashes):
                    found.update(session.scalars(query))
        return found

    @contextmanager
    def write_transaction(self) -> Iterator[Session]:
        """One writing transaction holding the database's write lock (SQLite BEGIN IMMEDIATE, a
        PostgreSQL advisory lock), so concurrent writers serialise: what one writer links
        against is what the others stored."""
        with self.writer.begin() as session:
            if session.bind.dialect.name == "postgresql":
                session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": WRITE_LOCK})
            yield session

    def in_transaction(self, action: Callable[[Session], T], what: str, on_conflict: Callable[[], T] | None = None) -> T:
        """action(session) in one write transaction, tried again while it fails transiently (a
        busy database, a server restart) for up to RETRY_SECONDS; on_conflict() answers a unique
        constraint that another writer won. Each attempt starts afresh: a failed one leaves
        nothing behind."""

        def once() -> T:
            try:
                with self.write_transaction() as session:
                    return action(session)
            except IntegrityError as err:
                if on_conflict is None:
                    raise
                if not unique_violation(err):  # a defect, never to be taken for a duplicate
                    raise RowsRejected(f"{what}: {str(err.orig).splitlines()[0]}") from None
                return on_conflict()

        try:
            return retrying(once, what)
        except (DatabaseError, OperationalError) as err:
            raise self._fail(err) from None

    def add_article(self, session: Session, article: Article, result: AnalysedArticle) -> StoredRows:
        """Add an analysed article with its quotes and events (and index them for search) in
        the caller's transaction. The rows are built afresh on each call, since a failed attempt
        leaves them bound to a rolled-back session."""
        row = ArticleRow(
            content_hash=article.content_hash,
            external_id=article.id,
            title=article.title,
            published=article.published,
            outlet=article.outlet,
            url=article.url,
            source=article.source,
            text=article.text,
        )
        quote_rows = [quote_row(q) for q in result.quotes]
        row.quotes = list(quote_rows)
        event_rows = [event_row(e) for e in result.events]
        row.events = list(event_rows)
        session.add(row)
        session.flush()
        for record, erow in zip(result.events, event_rows):
            erow.quote_ids = [quote_rows[k].id for k in record.get("quotes") or [] if k < len(quote_rows)]
        index_article(session, row.id, article.text, quote_rows, result.sentences)
        return StoredRows(row, quote_rows, event_rows)

    def store(self, article: Article, result: AnalysedArticle) -> Outcome:
        """Store an analysed article on its own, in one transaction (ingest stores it linked
        across articles); a text already stored is not stored again."""

        def action(session: Session) -> Outcome:
            if self.hash_stored(session, article.content_hash):
                return Outcome("duplicate", None)
            return Outcome("stored", self.add_article(session, article, result).article.id)

        return self.in_transaction(action, f"{article.source}: storing", on_conflict=lambda: Outcome("duplicate", None))

    @staticmethod
    def hash_stored(session: Session, content_hash: str) -> bool:
        return bool(
            session.scalar(select(ArticleRow.id).where(ArticleRow.content_hash == content_hash).limit(1))
            or session.scalar(select(ArticleCopyRow.id).where(ArticleCopyRow.content_hash == content_hash).limit(1))
        )

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A session to read in (store/views.py does the reading); a database that cannot be
        used is reported as a DatabaseProblem."""
        try:
            with self.sessions() as session:
                yield session
        except (DatabaseError, OperationalError) as err:
            raise self._fail(err) from None

    def kb_sources(self) -> list[dict]:
        with self.sessions() as session:
            rows = session.scalars(select(KbSourceRow).order_by(KbSourceRow.id)).all()
            return [{"path": r.path, "format": r.format, "covers_until": r.covers_until} for r in rows]

    def relink(self, reference) -> int:
        """Apply reference data to what is already stored (after `kb import` or `kb fetch`); one
        transaction per article, then the events across articles whose reports changed take their
        reports' weightiest status. Returns how many quotes and events changed."""
        if not reference.loaded:
            return 0
        with self.sessions() as session:
            ids = session.scalars(select(ArticleRow.id).order_by(ArticleRow.id)).all()
        touched: set[int] = set()
        changed = sum(self.relink_article(reference, article_id, touched) for article_id in ids)
        self.restate(touched)
        return changed

    def relink_article(self, reference, article_id: int, touched: set[int]) -> int:
        """One article's quotes and events linked again; the canonical events of changed reports go into `touched`."""
        changed = 0
        with self.writer.begin() as session:
            article = session.get(ArticleRow, article_id)
            quotes = [quote_record(q) for q in article.quotes]
            events = [event_record(e) for e in article.events]
            before = [dict(q) for q in quotes], [dict(e) for e in events]
            reference.link(article.published, quotes, events)
            for row, new, old in zip(article.quotes, quotes, before[0]):
                if new != old:
                    for key in ("speaker_resolved", "speaker_role", "speaker_kind", "resolved_by", "speaker_suggested"):
                        setattr(row, key, new.get(key))
                    changed += 1
            for row, new, old in zip(article.events, events, before[1]):
                if new != old:
                    for key in ("by", "against", "target", "status", "kb_person", "seat", "record"):
                        setattr(row, key, new.get(key))
                    touched.update([row.canonical_id] if row.canonical_id else [])
                    changed += 1
        return changed

    def restate(self, canonical_ids: set[int]) -> None:
        """These events across articles take their reports' weightiest status again."""
        with self.writer.begin() as session:
            for query in in_chunks(select(CanonicalEventRow), CanonicalEventRow.id, sorted(canonical_ids)):
                for canonical in session.scalars(query).all():
                    canonical.status = weightiest_status(session.scalars(select(EventRow.status).where(EventRow.canonical_id == canonical.id)))

    def article(self, article_id: int) -> ArticleRow | None:
        with self.reading() as session:
            return session.get(ArticleRow, article_id)

    def counts(self) -> dict[str, int]:
        with self.sessions() as session:
            return {
                "articles": session.scalar(select(func.count()).select_from(ArticleRow)) or 0,
                "quotes": session.scalar(select(func.count()).select_from(QuoteRow)) or 0,
                "events": session.scalar(select(func.count()).select_from(EventRow)) or 0,
            }


def open_database(url: str, create: bool = True) -> Database:
    """The database at `url`, its schema brought up to date; `create=False` (for commands that
    only read) refuses an SQLite file that does not exist. See check_url."""
    return Database(check_url(url, create)).init()
