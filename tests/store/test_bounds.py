"""Hostile values never stop a writer: every bounded string column takes a value of any length
(clipped, keyed or dropped by its type, store/bounded.py), IN lists of any length run in chunks,
and an ingest of hostile records stores the rest, on SQLite and on PostgreSQL (which enforces
the lengths SQLite ignores and refuses NUL)."""

import json

import pytest
from sqlalchemy import func, select

from crossfloor.read.web import Fetched
from crossfloor.store.database import open_database
from crossfloor.store.schema import ArticleRow, WebResourceRow
from crossfloor.watch import Watcher
from tests.databases import BACKENDS, fresh_url, ingest

LONG_URL = "https://news.example/" + "a" * 3000


@pytest.mark.parametrize("backend", BACKENDS)
def test_over_long_urls_and_validators_fit_and_are_found_again(tmp_path, backend):
    db = open_database(fresh_url(backend, tmp_path))
    twin = LONG_URL + "b"  # the same first 2,000 characters
    with db.writer.begin() as session:
        session.add(WebResourceRow(url=LONG_URL, kind="page", etag='"' + "e" * 600 + '"', last_modified="x" * 200))
        session.add(WebResourceRow(url=twin, kind="page", etag='"short"', last_modified="Wed, 21 Oct 2015 07:28:00 GMT"))
    with db.sessions() as session:
        row = session.scalar(select(WebResourceRow).where(WebResourceRow.url == LONG_URL))
        assert len(row.url) == 2000 and (row.etag, row.last_modified) == (None, None)  # a cut validator would be a lie
        other = session.scalar(select(WebResourceRow).where(WebResourceRow.url == twin))
        assert other.id != row.id and other.etag == '"short"'
        assert len(session.scalars(select(WebResourceRow.id).where(WebResourceRow.url.in_([LONG_URL, twin]))).all()) == 2


@pytest.mark.parametrize("backend", BACKENDS)
def test_in_lists_longer_than_a_statement_takes_run_in_chunks(tmp_path, backend):
    db = open_database(fresh_url(backend, tmp_path))
    links = [f"https://news.example/{k}" for k in range(70_000)]
    with db.writer.begin() as session:
        session.add_all(WebResourceRow(url=u, kind="page") for u in links[::1000])
    watcher = Watcher(db, fetcher=None, options=None, targets=None, log=print)
    feed = Fetched(url="https://news.example/feed.xml", status=200)
    watcher.record_feed(feed.url, feed, [(u, None, None) for u in links])  # a feed of 70,000 links
    with db.sessions() as session:
        assert session.scalar(select(func.count()).select_from(WebResourceRow).where(WebResourceRow.kind == "page")) == 70_000
    assert db.known_hashes(f"{k:064x}" for k in range(70_000)) == set()


@pytest.mark.parametrize("backend", BACKENDS)
def test_an_ingest_of_hostile_records_stores_the_rest(tmp_path, backend):
    url = fresh_url(backend, tmp_path)
    text = "The transport minister, {}, has resigned from the government, saying the rail plan had failed commuters."
    lines = [
        {"id": "nul", "text": text.format("Ann\u0000 Lee"), "title": "Quits\u0000"},
        {"id": "long" * 200, "text": text.format("Bo Reyes"), "outlet": "O" * 1000, "title": "T" * 5000},
        {"id": "title", "text": text.format("Cy Dunn"), "title": {}},
        {"id": "meta", "text": text.format("Di Fox"), "meta": [1]},
        {"id": "last", "text": text.format("Ed Gray"), "url": "https://x.example/" + "u" * 5000},
    ]
    path = tmp_path / "hostile.jsonl"
    path.write_text("\n".join([json.dumps(line) for line in lines] + ["[" * 200_000]) + "\n")
    done = ingest(url, path, fast=True, processes=1)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "cannot use database" not in done.stderr and "Traceback" not in done.stderr
    with open_database(url).sessions() as session:
        stored = {a.external_id[:4]: a for a in session.scalars(select(ArticleRow))}
    assert sorted(stored) == ["last", "long", "nul"]
    assert "\u0000" not in stored["nul"].text and stored["nul"].title == "Quits"
    assert len(stored["long"].outlet) == 300 and len(stored["long"].external_id) == 500 and stored["long"].title == "T" * 5000
