"""The timeline page (issue 29): everything about a person or a party, as `crossfloor timeline`
gives it, newest or oldest first, linked from the person's page, with CSV and JSON of all of it.

Jo Bloggs is quoted on three days of 2020 and an undated day, switched from Labour to the Green
Party on 2020-02-15, and an undated letter names Labour; on SQLite and PostgreSQL."""

import csv
import io
import re
from datetime import date

import pytest

from crossfloor.serve.app import ServeSettings, create_app
from crossfloor.store import views
from crossfloor.store.database import open_database
from crossfloor.store.schema import ArticleRow, CanonicalEventRow, EventRow, PersonRow
from tests.databases import BACKENDS, fresh_url
from tests.serve.test_person import quote
from tests.serve.test_serve import local

DAYS = [date(2020, 1, 10), date(2020, 3, 1), date(2020, 4, 2), None]


def event(session, k: int, published: date | None, **fields) -> int:
    text = f"Report {k}: something happened."
    article = ArticleRow(content_hash=f"e{k:063d}", title=f"Report {k}", outlet="Daily Ledger", published=published, text=text)
    session.add(article)
    session.flush()
    canonical = CanonicalEventRow(**fields)
    session.add(canonical)
    session.flush()
    report = {k: v for k, v in fields.items() if k != "person_id"}
    session.add(EventRow(article_id=article.id, start=0, end=len(text), canonical_id=canonical.id, **report))
    return canonical.id


@pytest.fixture(scope="module", params=BACKENDS)
def desk(request, tmp_path_factory):
    url = fresh_url(request.param, tmp_path_factory.mktemp("timeline"))
    db = open_database(url)
    with db.sessions() as session:
        jo = PersonRow(name="Jo Bloggs", surname="Bloggs")
        session.add(jo)
        session.flush()
        for k, day in enumerate(DAYS):
            quote(session, jo, k, "Weekly Courier", day, None, party="Labour")
        switch = dict(type="party_switch", person="Jo Bloggs", person_id=jo.id, from_party="Labour", to_party="Green Party", subtype="defection")
        event(session, 1, date(2020, 2, 20), **switch, date=date(2020, 2, 15), date_first=date(2020, 2, 15), date_last=date(2020, 2, 15))
        event(session, 2, None, type="no_confidence_letter", by_party="Labour", action="submitted")
        session.commit()
    db.engine.dispose()
    app = create_app(ServeSettings(url))
    yield local(app, raise_server_exceptions=False), url
    app.db.engine.dispose()


def rows(page: str) -> list[tuple[str, str, str]]:
    """(when, kind, link) of each row of the timeline page."""
    return re.findall(r'<tr class="(?:event|quote)">\s*<td>([^<]+)</td>\s*<td><span class="badge">(\w+)</span> <a href="([^"]+)"', page)


def test_a_persons_timeline_newest_first_and_turned_round(desk):
    client, _ = desk
    newest = rows(client.get("/timeline", params={"name": "Jo Bloggs"}).text)
    assert [when for when, _, _ in newest] == ["2020-04-02", "2020-03-01", "2020-02-15", "2020-01-10", "undated"]
    assert newest[2][1] == "event" and newest[2][2].startswith("/events/") and all(link.startswith("/quotes/") for _, kind, link in newest if kind == "quote")
    oldest = rows(client.get("/timeline", params={"name": "Jo Bloggs", "sort": "oldest"}).text)
    assert [w for w, _, _ in oldest] == ["2020-01-10", "2020-02-15", "2020-03-01", "2020-04-02", "undated"]
    for _, _, link in newest:  # every row's page is there
        assert client.get(link).status_code == 200


def test_a_partys_timeline_lists_its_events(desk):
    client, _ = desk
    found = rows(client.get("/timeline", params={"name": "Labour", "sort": "oldest"}).text)
    assert [(w, kind) for w, kind, _ in found] == [("2020-02-15", "event"), ("undated", "event")]


def test_the_person_page_links_their_timeline_and_their_parties(desk):
    client, _ = desk
    person = client.get("/api/people", params={"name": "Bloggs"}).json()["items"][0]
    page = client.get(f"/people/{person['id']}").text
    assert 'href="/timeline?name=Jo%20Bloggs"' in page and 'href="/timeline?name=Labour"' in page


def test_the_page_the_api_and_the_export_give_the_same_items(desk):
    client, url = desk
    api = client.get("/api/timeline", params={"name": "Jo Bloggs", "sort": "oldest", "limit": 500}).json()["items"]
    assert [i["page"] for i in api] == [link for _, _, link in rows(client.get("/timeline", params={"name": "Jo Bloggs", "sort": "oldest"}).text)]
    exported = list(csv.DictReader(io.StringIO(client.get("/api/export/timeline", params={"name": "Jo Bloggs", "sort": "oldest"}).text)))
    assert [(r["date"] or None, r["kind"], r["page"]) for r in exported] == [(i["date"], i["kind"], i["page"]) for i in api]
    assert client.get("/api/export/timeline", params={"name": "Jo Bloggs", "sort": "oldest", "format": "json"}).json() == api
    page_csv = list(csv.DictReader(io.StringIO(client.get("/api/timeline", params={"name": "Jo Bloggs", "sort": "oldest", "format": "csv"}).text)))
    assert page_csv == exported
    # the CLI's timeline is the same query, oldest first
    with open_database(url).sessions() as session:
        assert [(i["date"], i["kind"], i["what"]["id"]) for i in views.timeline(session, "Jo Bloggs")] == [(i["date"], i["kind"], (i["event"] or i["quote"])["id"]) for i in api]


def test_a_timeline_name_is_bounded(desk):
    client, _ = desk
    assert client.get("/api/timeline", params={"name": "J"}).status_code == 422
    assert client.get("/api/timeline", params={"name": "x" * 201}).status_code == 422
    assert client.get("/timeline", params={"name": "x" * 201}).status_code == 422
    assert rows(client.get("/timeline").text) == [] and client.get("/timeline").status_code == 200
