"""One picture across articles, on SQLite and PostgreSQL: the seeds and the BBC politics corpus in
one database; an ingest killed part-way and run again ends equal to an uninterrupted run."""

import json
import os
import shutil
import signal
import time

import pytest
from sqlalchemy import select

from crossfloor.store import views
from crossfloor.store.database import open_database
from crossfloor.store.schema import ArticleCopyRow, ArticleRow
from tests.conftest import shared_file, write_seeds
from tests.databases import BACKENDS, fresh_url, ingest, snapshot


@pytest.fixture(scope="module")
def seeds_jsonl(tmp_path_factory):
    return write_seeds(tmp_path_factory.mktemp("seeds") / "seeds.jsonl")


@pytest.fixture(scope="module", params=BACKENDS)
def corpus_db(request, seeds_jsonl, tmp_path_factory):
    """The seeds (with their publication dates) and the BBC corpus ingested in one run: on
    SQLite a copy of the session's, on PostgreSQL an ingest of its own."""
    folder = tmp_path_factory.mktemp("db")
    if request.param == "sqlite":
        shutil.copy(request.getfixturevalue("seeds_and_bbc"), folder / "corpus.db")
        return f"sqlite:///{folder / 'corpus.db'}"
    url = fresh_url(request.param, folder)
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
    # Short hits are ranked down (search.py), so the five-word quote need not come first.
    [wont] = [q for q in quotes if "There won't be" in q["text"]]
    assert wont["speaker"] == "Labour leadership source"
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
    assert pq.read_table(tmp_path / "quotes.parquet").num_rows == count > 3500


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
