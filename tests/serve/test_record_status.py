"""Party switches filtered by what the reference record says of them (confirmed, contradicted,
not in record): `crossfloor events --status`, `/api/events?status=`, its export and the events
page's Status filter, all in the query; the event page shows the status with the record's dates
beside the article's.

The database is written row by row (no analysis), so the answers are known exactly: nine
switches, three of each status, and a resignation, which has none."""

import csv
import io
import json
import re
from datetime import date

import pytest
from sqlalchemy import select
from typer.testing import CliRunner

from crossfloor.cli import app as cli
from crossfloor.serve.app import ServeSettings, create_app
from crossfloor.store import views
from crossfloor.store.database import open_database
from crossfloor.store.schema import ArticleRow, CanonicalEventRow, EventRow
from tests.serve.test_serve import local

STATUSES = ("confirmed", "contradicted", "not in record")
RECORDS = {"confirmed": "Labour to 2019-02-17, Independent from 2019-02-18", "contradicted": "Labour 2017-06-08 to 2019-11-06", "not in record": None}


def add_switch(session, k: int, status: str | None, kind: str = "party_switch") -> int:
    person = f"Member {k}"
    text = f"{person} has left Labour to sit as an independent."
    article = ArticleRow(content_hash=f"{k:064d}", title=f"Switch {k}", published=date(2019, 2, 10 + k), text=text)
    canonical = CanonicalEventRow(type=kind, person=person, from_party="Labour", to_party="Independent", status=status)
    session.add_all([article, canonical])
    session.flush()
    session.add(EventRow(article_id=article.id, type=kind, start=0, end=len(text), person=person, from_party="Labour", to_party="Independent",
                         status=status, record=RECORDS.get(status), canonical_id=canonical.id, news=True))
    return canonical.id


@pytest.fixture(scope="module")
def desk(tmp_path_factory):
    path = tmp_path_factory.mktemp("status") / "desk.db"
    db = open_database(f"sqlite:///{path}")
    ids: dict = {s: [] for s in STATUSES}
    with db.sessions() as session:
        for k in range(9):
            ids[STATUSES[k % 3]].append(add_switch(session, k, STATUSES[k % 3]))
        ids[None] = [add_switch(session, 9, None, "resignation")]
        session.commit()
    db.engine.dispose()
    return path, ids


@pytest.fixture(scope="module")
def client(desk):
    app = create_app(ServeSettings(f"sqlite:///{desk[0]}"))
    yield local(app, raise_server_exceptions=False)
    app.db.engine.dispose()


@pytest.mark.parametrize("name, stored", [("confirmed", "confirmed"), ("contradicted", "contradicted"), ("not-in-record", "not in record")])
def test_the_store_filters_events_and_reports_by_status_in_the_query(desk, name, stored):
    path, ids = desk
    db = open_database(f"sqlite:///{path}")
    with db.sessions() as session:
        found = views.events(session, status=name)
        assert sorted(e["id"] for e in found) == sorted(ids[stored]) and views.event_count(session, status=name) == 3
        assert {r["status"] for r in views.event_reports(session, status=name)} == {stored}
        query, _ = views.event_filters(select(CanonicalEventRow.id), status=name)
        assert "status" in str(query.whereclause)  # a condition of the query, not a filter after it
        assert views.event_count(session) == 10


@pytest.mark.parametrize("name, stored", [("confirmed", "confirmed"), ("not-in-record", "not in record")])
def test_the_command_line_lists_events_of_one_status(desk, name, stored):
    path, ids = desk
    listed = CliRunner().invoke(cli, ["events", "--status", name, "--format", "json", "--db", str(path)])
    assert listed.exit_code == 0, listed.output
    rows = json.loads(listed.output)
    assert sorted(r["id"] for r in rows) == sorted(ids[stored]) and {r["status"] for r in rows} == {stored}
    reports = json.loads(CliRunner().invoke(cli, ["events", "--status", name, "--per-article", "--format", "json", "--db", str(path)]).output)
    assert len(reports) == 3 and {r["status"] for r in reports} == {stored}
    wrong = CliRunner().invoke(cli, ["events", "--status", "maybe", "--db", str(path)])
    assert wrong.exit_code == 2


def test_the_api_filters_by_status_and_gives_the_record(client, desk):
    _, ids = desk
    confirmed = client.get("/api/events", params={"status": "confirmed"}).json()["items"]
    assert sorted(e["id"] for e in confirmed) == sorted(ids["confirmed"])
    assert {e["record"] for e in confirmed} == {RECORDS["confirmed"]} and {e["sources"][0]["status"] for e in confirmed} == {"confirmed"}
    lacking = client.get("/api/events", params={"status": "not-in-record"}).json()["items"]
    assert sorted(e["id"] for e in lacking) == sorted(ids["not in record"]) and {e["record"] for e in lacking} == {None}
    assert len(client.get("/api/events").json()["items"]) == 10
    refused = client.get("/api/events", params={"status": "maybe"})
    assert refused.status_code == 422 and refused.headers["content-type"] == "application/problem+json"
    exported = list(csv.DictReader(io.StringIO(client.get("/api/export/events", params={"status": "contradicted"}).text)))
    assert len(exported) == 3 and {(r["status"], r["record"], r["source_record"]) for r in exported} == {("contradicted", RECORDS["contradicted"], RECORDS["contradicted"])}


def test_the_events_page_has_a_status_filter(client, desk):
    _, ids = desk
    page = client.get("/events", params={"status": "contradicted"})
    assert page.status_code == 200
    shown = {int(i) for i in re.findall(r'href="/events/(\d+)"', page.text)}
    assert shown == set(ids["contradicted"])
    assert '<option value="contradicted" selected>contradicted</option>' in page.text
    assert '<option value="not-in-record">not in record</option>' in page.text
    assert "status=contradicted" in page.text  # the JSON, CSV and export links keep the filter
    assert client.get("/events", params={"status": "maybe"}).status_code == 422


def test_the_event_page_shows_the_status_and_the_records_dates_beside_the_articles(client, desk):
    _, ids = desk
    page = client.get(f"/events/{ids['confirmed'][0]}").text
    assert "Reference record" in page and f"the record: {RECORDS['confirmed']}" in page
    assert "the article: reported 2019-02-10" in page  # the event's own day, as the articles give it
    assert 'href="/events?status=confirmed"' in page
    unchecked = client.get(f"/events/{ids[None][0]}").text
    assert "Reference record" not in unchecked
