"""One picture across articles, on SQLite and PostgreSQL: the seeds and the BBC politics corpus in
one database; an ingest killed part-way and run again ends equal to an uninterrupted run."""

import json
import os
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from sqlalchemy import create_engine, select, text

from crossfloor.store import views
from crossfloor.store.database import open_database
from crossfloor.store.schema import ArticleCopyRow, ArticleRow, CanonicalEventRow, EventRow, PersonMentionRow, PersonRow, QuoteRow

from .conftest import ROOT, read_jsonl, shared_file

PG_ADMIN = os.environ.get("CROSSFLOOR_TEST_PG")  # e.g. postgresql+psycopg://user:pw@localhost/postgres
BACKENDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.skipif(not PG_ADMIN, reason="CROSSFLOOR_TEST_PG is not set"))]


def fresh_url(backend: str, tmp_path: Path) -> str:
    if backend == "sqlite":
        return f"sqlite:///{tmp_path / f'{uuid.uuid4().hex}.db'}"
    name = f"crossfloor_test_{uuid.uuid4().hex[:12]}"
    engine = create_engine(PG_ADMIN, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    engine.dispose()
    return PG_ADMIN.rsplit("/", 1)[0] + "/" + name


def ingest(url: str, *inputs, wait=True, extra=()):
    command = [sys.executable, "-m", "crossfloor.cli", "ingest", *map(str, inputs), "--db", url, "--processes", "2", "--quiet", "--keep-going", *extra]
    if wait:
        return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=900)
    # A session of its own, so that the kill reaches the worker processes too.
    return subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)


@pytest.fixture(scope="module")
def seeds_jsonl(tmp_path_factory):
    path = tmp_path_factory.mktemp("seeds") / "seeds.jsonl"
    rows = [{"id": d["id"], "text": d["text"], "published": d["published"]} for d in read_jsonl(shared_file("gold", "seeds.gold.jsonl"))]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    return path


@pytest.fixture(scope="module", params=BACKENDS)
def corpus_db(request, seeds_jsonl, tmp_path_factory):
    """The seeds (with their publication dates) and the BBC corpus ingested in one run."""
    url = fresh_url(request.param, tmp_path_factory.mktemp("db"))
    done = ingest(url, seeds_jsonl, shared_file("corpora", "bbc-politics"))
    assert done.returncode == 0, done.stderr
    return url


def test_the_same_switch_reported_twice_is_one_event_with_two_sources(corpus_db):
    with open_database(corpus_db).sessions() as session:
        switches = views.events(session, type="party_switch")
    wakeford = [e for e in switches if e["person"] == "Christian Wakeford"]
    assert len(wakeford) == 1 and len(wakeford[0]["sources"]) == 2
    assert (wakeford[0]["from_party"], wakeford[0]["to_party"], wakeford[0]["date"]) == ("Conservative", "Labour", "2022-01-19")
    assert {s["published"] for s in wakeford[0]["sources"]} == {"2022-01-19", "2022-01-20"}
    assert len([e for e in switches if e["person"] == "Shaun Woodward"]) == 1
    jackson = [e for e in switches if e["person"] == "Robert Jackson"]
    assert len(jackson) == 1 and len(jackson[0]["sources"]) >= 3
    people = [e["person"] for e in switches]
    assert len(people) == len(set(people)) + people.count("Peter Temple-Morris") - 1  # only his two dated steps repeat a name


def test_near_identical_copies_are_stored_once(corpus_db):
    db = open_database(corpus_db)
    with db.sessions() as session:
        copies = session.scalars(select(ArticleCopyRow)).all()
        assert len(copies) >= 8 and all(c.similarity >= 0.8 for c in copies)
        originals = {session.get(ArticleRow, c.article_id).source.rsplit("/", 1)[-1]: c.source.rsplit("/", 1)[-1] for c in copies}
    assert originals.get("212.txt") == "329.txt"  # the same article published twice, lightly edited
    files = len(list(shared_file("corpora", "bbc-politics").glob("*.txt")))
    assert db.counts()["articles"] + len(copies) + 14 == 3 + files  # 14 byte-identical files are simply already stored


def test_one_person_however_named(corpus_db):
    with open_database(corpus_db).sessions() as session:
        [wakeford] = views.people(session, name="Wakeford")
        assert wakeford["name"] == "Christian Wakeford" and wakeford["articles"] == 2
        assert [p["name"] for p in wakeford["parties"]] == ["Conservative", "Labour"]
        [hockney] = views.people(session, name="Hockney")  # written Damian and Damien by the BBC
        assert {hockney["name"], *hockney["aliases"]} >= {"Damian Hockney", "Damien Hockney"}
        kilroy = views.people(session, name="Kilroy")
        assert len(kilroy) == 1  # 'Kilroy-Silk' and 'Kilroy Silk'


def test_timeline_puts_the_switch_before_the_call(corpus_db):
    with open_database(corpus_db).sessions() as session:
        items = views.timeline(session, "Shaun Woodward")
    events = [i["what"] for i in items if i["kind"] == "event"]
    kinds = [(e["type"], e.get("by")) for e in events]
    assert kinds.index(("party_switch", None)) < kinds.index(("by_election_call", "William Hague"))
    dates = [i["date"] for i in items if i["date"]]
    assert dates == sorted(dates)
    assert any(i["kind"] == "quote" and "could not remain" in i["what"]["text"] for i in items)


def test_conflicting_reports_stay_side_by_side(corpus_db):
    with open_database(corpus_db).sessions() as session:
        calls = views.events(session, type="by_election_call", person="Wakeford")
    stances = {c["stance"]: c for c in calls}
    assert set(stances) == {"for", "against"}
    assert stances["against"]["id"] in stances["for"]["conflicts"]


def test_stories_group_a_resignation_reported_many_times(corpus_db):
    with open_database(corpus_db).sessions() as session:
        story = views.stories(session, limit=1)[0]
        resignation = views.events(session, type="resignation", person="Blunkett")
        every = views.stories(session)
    assert story["size"] >= 8
    assert set(story["event_ids"]) & {e["id"] for e in resignation}
    wakeford = [s for s in every if {a["published"] for a in s["articles"]} == {"2022-01-19", "2022-01-20"}]
    assert len(wakeford) == 1 and wakeford[0]["size"] == 2
    assert len(every) > 300  # most BBC articles are stories of their own


def test_search_finds_quotes_and_sentences(corpus_db):
    with open_database(corpus_db).sessions() as session:
        hits = views.search(session, "by-election", limit=100)
        quotes = views.search(session, "there won't be", kind="quote")
        nothing = views.search(session, '"); DROP TABLE articles; --')
    assert any(h["kind"] == "quote" for h in hits) and any(h["kind"] == "sentence" for h in hits)
    assert quotes[0]["speaker"] == "Labour leadership source"
    assert nothing == []


def test_export_formats(corpus_db, tmp_path):
    import pyarrow.parquet as pq

    from crossfloor.store.export import write

    with open_database(corpus_db).sessions() as session:
        assert write(session, "events", "jsonl", tmp_path / "events.jsonl") == len(views.events(session))
        assert write(session, "people", "csv", tmp_path / "people.csv") > 100
        count = write(session, "quotes", "parquet", tmp_path / "quotes.parquet")
    first = json.loads((tmp_path / "events.jsonl").read_text().splitlines()[0])
    assert first["sources"] and {"article_id", "start", "end"} <= set(first["sources"][0])
    assert pq.read_table(tmp_path / "quotes.parquet").num_rows == count > 4000


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


def test_an_ingest_killed_part_way_resumes_to_the_same_rows(corpus_db, seeds_jsonl, tmp_path):
    url = fresh_url("sqlite" if corpus_db.startswith("sqlite") else "postgresql", tmp_path)
    running = ingest(url, seeds_jsonl, shared_file("corpora", "bbc-politics"), wait=False)
    deadline = time.time() + 300
    stored = 0
    while time.time() < deadline and running.poll() is None:
        time.sleep(0.5)
        try:
            stored = open_database(url).counts()["articles"]
        except Exception:
            continue
        if stored >= 60:
            break
    os.killpg(running.pid, signal.SIGKILL)
    running.wait(timeout=60)
    assert 0 < open_database(url).counts()["articles"] < 397, "the kill must land part-way"
    again = ingest(url, seeds_jsonl, shared_file("corpora", "bbc-politics"))
    assert again.returncode == 0, again.stderr
    assert snapshot(url) == snapshot(corpus_db)


def test_a_dask_cluster_gives_the_same_rows(corpus_db, seeds_jsonl, tmp_path):
    """Analysis on a 2-worker dask.distributed LocalCluster, storing in order from the client:
    the database equals the single-machine run."""
    from distributed import LocalCluster

    url = fresh_url("sqlite" if corpus_db.startswith("sqlite") else "postgresql", tmp_path)
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        done = ingest(url, seeds_jsonl, shared_file("corpora", "bbc-politics"), extra=["--scheduler", cluster.scheduler_address])
    assert done.returncode == 0, done.stderr
    assert snapshot(url) == snapshot(corpus_db)
