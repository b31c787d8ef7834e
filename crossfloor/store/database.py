"""Storage: one transaction per article, content-hash de-duplication, queries for the CLI."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import create_engine, event, func, or_, select
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DatabaseError, IntegrityError, OperationalError
from sqlalchemy.orm import Session, selectinload, sessionmaker

from ..records import QUOTE_FIELDS, Article
from .schema import ArticleRow, Base, QuoteRow


class DatabaseProblem(Exception):
    """The database cannot be used; the message is one line for the user."""


@dataclass
class StoredQuote:
    article_id: int
    title: str | None
    published: str | None
    outlet: str | None
    quote: dict


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


def describe_url(url: str) -> str:
    return url.split("///", 1)[1] if url.startswith("sqlite:///") else url.rsplit("@", 1)[-1]


class Database:
    def __init__(self, url: str):
        self.url = url
        self.engine: Engine = create_engine(url, future=True)
        if self.engine.dialect.name == "sqlite":
            event.listen(self.engine, "connect", _sqlite_pragmas)
        self.sessions = sessionmaker(self.engine, expire_on_commit=False)

    def _fail(self, err: Exception) -> DatabaseProblem:
        detail = str(getattr(err, "orig", err)).splitlines()[0]
        return DatabaseProblem(f"{describe_url(self.url)}: cannot use database ({detail})")

    def init(self) -> Database:
        """Create missing tables; a file that is not a database is reported, never overwritten."""
        if self.url.startswith("sqlite:///") and not self.url.endswith(":memory:"):
            Path(describe_url(self.url)).parent.mkdir(parents=True, exist_ok=True)
        try:
            Base.metadata.create_all(self.engine)
            with self.engine.connect() as conn:
                conn.execute(select(func.count()).select_from(ArticleRow))
        except (DatabaseError, OperationalError) as err:
            raise self._fail(err) from None
        return self

    def known_hashes(self, hashes: Iterable[str]) -> set[str]:
        hashes = list(hashes)
        found: set[str] = set()
        with self.sessions() as session:
            for i in range(0, len(hashes), 500):
                chunk = hashes[i : i + 500]
                found.update(session.scalars(select(ArticleRow.content_hash).where(ArticleRow.content_hash.in_(chunk))))
        return found

    def store(self, article: Article, quotes: list[dict]) -> int | None:
        """Store an article with its quotes in one transaction; None when it was already stored."""
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
        row.quotes = [QuoteRow(**{k: q.get(k) for k in QUOTE_FIELDS}) for q in quotes]
        try:
            with self.sessions.begin() as session:
                session.add(row)
                session.flush()
                return row.id
        except IntegrityError:
            return None
        except (DatabaseError, OperationalError) as err:
            raise self._fail(err) from None

    def quotes(
        self, speaker: str | None = None, contains: str | None = None, limit: int | None = None, article_id: int | None = None
    ) -> list[StoredQuote]:
        query = select(QuoteRow).join(QuoteRow.article).options(selectinload(QuoteRow.article))
        if speaker:
            pattern = f"%{speaker}%"
            query = query.where(or_(QuoteRow.speaker_resolved.ilike(pattern), QuoteRow.speaker.ilike(pattern)))
        if contains:
            query = query.where(QuoteRow.text.ilike(f"%{contains}%"))
        if article_id is not None:
            query = query.where(QuoteRow.article_id == article_id)
        query = query.order_by(ArticleRow.published.is_(None), ArticleRow.published, QuoteRow.article_id, QuoteRow.start)
        if limit:
            query = query.limit(limit)
        try:
            with self.sessions() as session:
                rows = session.scalars(query).all()
        except (DatabaseError, OperationalError) as err:
            raise self._fail(err) from None
        return [
            StoredQuote(
                r.article_id,
                r.article.title,
                r.article.published.isoformat() if r.article.published else None,
                r.article.outlet,
                {k: getattr(r, k) for k in QUOTE_FIELDS},
            )
            for r in rows
        ]

    def article(self, article_id: int) -> ArticleRow | None:
        with self.sessions() as session:
            return session.scalars(
                select(ArticleRow).where(ArticleRow.id == article_id).options(selectinload(ArticleRow.quotes))
            ).first()

    def counts(self) -> dict[str, int]:
        with self.sessions() as session:
            return {
                "articles": session.scalar(select(func.count()).select_from(ArticleRow)) or 0,
                "quotes": session.scalar(select(func.count()).select_from(QuoteRow)) or 0,
            }


def open_database(url: str) -> Database:
    return Database(url).init()
