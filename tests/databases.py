"""Databases for tests: a fresh SQLite file or PostgreSQL database, an ingest in a subprocess,
and a snapshot of a database's content without its ids (to compare two runs row for row)."""

import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from sqlalchemy import create_engine, select, text

from crossfloor.store.database import open_database
from crossfloor.store.schema import (
    ArticleCopyRow,
    ArticleRow,
    CanonicalEventRow,
    EventRow,
    PersonMentionRow,
    PersonRow,
    QuoteRow,
)
from tests.conftest import ROOT

PG_ADMIN = os.environ.get("CROSSFLOOR_TEST_PG")  # e.g. postgresql+psycopg://user:pw@localhost/postgres
BACKENDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.skipif(not PG_ADMIN, reason="CROSSFLOOR_TEST_PG is not set"))]


CREATED: list[str] = []  # PostgreSQL databases this run made, dropped when it ends (conftest)


def fresh_url(backend: str, tmp_path: Path) -> str:
    if backend == "sqlite":
        return f"sqlite:///{tmp_path / f'{uuid.uuid4().hex}.db'}"
    name = f"crossfloor_test_{uuid.uuid4().hex[:12]}"
    engine = create_engine(PG_ADMIN, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    engine.dispose()
    CREATED.append(name)
    return PG_ADMIN.rsplit("/", 1)[0] + "/" + name


def drop_created() -> None:
    """Drop the test databases this run made (a server kept them all, run after run)."""
    if not CREATED:
        return
    engine = create_engine(PG_ADMIN, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        for name in CREATED:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    engine.dispose()
    CREATED.clear()


def ingest(url: str, *inputs, wait=True, extra=(), processes: int = 2, fast: bool = False, stderr: Path | None = None):
    """`crossfloor ingest` in a subprocess; fast: rules only (where storage, not attribution, is
    under test). wait=False returns the running process, in a session of its own so that a kill
    reaches its workers too, with stderr going to the file `stderr`."""
    command = [sys.executable, "-m", "crossfloor.cli", *(["--fast"] if fast else []), "ingest", *map(str, inputs), "--db", url, "--processes", str(processes), "--quiet", "--keep-going", *extra]
    if wait:
        return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=900)
    err = open(stderr, "w") if stderr else subprocess.DEVNULL  # noqa: SIM115 - the child owns it
    return subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=err, start_new_session=True)


def snapshot(url: str) -> dict:
    """The database's content without its ids: every row, keyed by what it is."""
    with open_database(url).sessions() as session:
        articles = {a.id: a.content_hash for a in session.scalars(select(ArticleRow))}
        people = {p.id: p.name for p in session.scalars(select(PersonRow))}
        stories: dict = {}
        for a in session.scalars(select(ArticleRow)):
            stories.setdefault(a.story_id, set()).add(a.content_hash)
        quotes = sorted(((articles[q.article_id], q.start, q.end, q.kind, q.speaker_resolved, q.cue, q.venue, people.get(q.person_id)) for q in session.scalars(select(QuoteRow))), key=repr)
        reports = {}
        for e in session.scalars(select(EventRow)):
            reports.setdefault(e.canonical_id, []).append((articles[e.article_id], e.start, e.type))
        canonical = sorted((
            (c.type, c.person, c.from_party, c.to_party, c.by, c.stance, c.office, str(c.date_first), tuple(sorted(reports.get(c.id, []))))
            for c in session.scalars(select(CanonicalEventRow))
        ), key=repr)
        mentions = sorted(((people[m.person_id], articles[m.article_id], m.name, m.role, m.party) for m in session.scalars(select(PersonMentionRow))), key=repr)
        copies = sorted((c.content_hash, articles[c.article_id]) for c in session.scalars(select(ArticleCopyRow)))
    return {
        "articles": sorted(articles.values()),
        "quotes": quotes,
        "events": canonical,
        "mentions": mentions,
        "copies": copies,
        "stories": sorted(sorted(s) for s in stories.values()),
    }




def store_events(db, text: str, events: list[dict], published: str | None = None, title: str | None = None) -> int:
    """Store an article with these event records (made up, as the extract contract writes them),
    linked across articles as ingest stores it; the article's id."""
    from datetime import date

    from crossfloor.ingest import store_linked
    from crossfloor.schema import AnalysedArticle, Article

    article = Article(text=text, title=title, published=date.fromisoformat(published) if published else None, source="test")
    return db.in_transaction(lambda session: store_linked(session, db, article, AnalysedArticle(events=events)), "storing").article_id
