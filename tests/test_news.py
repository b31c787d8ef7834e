"""News, not history: an event an article mentions only as background (news false) is left out
of `crossfloor events`, the web app's events list and /api/events unless asked for, and never
alerts; the rest (news, or not known) is shown and alerts. Made-up articles and records."""

import json

import pytest
from sqlalchemy import select
from typer.testing import CliRunner

from crossfloor import alerts
from crossfloor.alerts import Targets
from crossfloor.cli import app
from crossfloor.serve.app import ServeSettings, create_app
from crossfloor.store import views
from crossfloor.store.database import open_database
from crossfloor.store.schema import AlertRow
from tests.databases import store_events
from tests.serve.test_serve import local

NEWS_TEXT = "Jane Quill, the MP for Westbury, has defected from Labour to the Greens."
BACKGROUND_TEXT = "Tom Brack, who resigned as fisheries minister in 2019, opened a bakery on Friday."


def event(text: str, kind: str, news: bool | None, **fields) -> dict:
    return {"type": kind, "start": 0, "end": len(text), "evidence": [[0, len(text)]], "trigger": None, "news": news, "found_by": "test", **fields}


def switch(news: bool | None = True) -> dict:
    return event(NEWS_TEXT, "party_switch", news, person="Jane Quill", from_party="Labour", to_party="Greens", seat="Westbury")


def resignation(news: bool | None = False) -> dict:
    return event(BACKGROUND_TEXT, "resignation", news, person="Tom Brack", office="fisheries minister", date_range=["2019-01-01", "2019-12-31"])


@pytest.fixture
def db_url(tmp_path):
    url = f"sqlite:///{tmp_path / 'news.db'}"
    db = open_database(url)
    store_events(db, NEWS_TEXT, [switch()], "2024-05-02", "MP defects")
    store_events(db, BACKGROUND_TEXT, [resignation()], "2024-05-03", "Former minister opens bakery")
    return url


def people_in(rows: list[dict]) -> set[str]:
    return {r["person"] for r in rows}


def test_the_news_verdict_is_a_column_and_an_event_is_news_when_any_report_is(tmp_path):
    db = open_database(f"sqlite:///{tmp_path / 'merge.db'}")
    store_events(db, BACKGROUND_TEXT, [resignation(False)], "2024-05-03")
    with db.reading() as session:
        [alone] = views.events(session)
        [report] = views.event_reports(session)
    assert alone["news"] is False and alone["sources"][0]["news"] is False and report["news"] is False
    store_events(db, "Tom Brack has resigned as fisheries minister, his office said.", [resignation(True)], "2024-05-04")
    with db.reading() as session:
        [both] = views.events(session, background=False)
    assert both["news"] is True and sorted(s["news"] for s in both["sources"]) == [False, True]


def test_the_events_command_shows_news_and_background_only_when_asked(db_url):
    runner = CliRunner()
    shown = json.loads(runner.invoke(app, ["events", "--db", db_url, "--format", "json"]).output)
    assert people_in(shown) == {"Jane Quill"} and shown[0]["news"] is True
    every = json.loads(runner.invoke(app, ["events", "--db", db_url, "--background", "--format", "json"]).output)
    assert people_in(every) == {"Jane Quill", "Tom Brack"}
    assert {r["person"]: r["news"] for r in every} == {"Jane Quill": True, "Tom Brack": False}
    reports = json.loads(runner.invoke(app, ["events", "--db", db_url, "--per-article", "--format", "json"]).output)
    assert people_in(reports) == {"Jane Quill"}
    table = runner.invoke(app, ["events", "--db", db_url, "--background"], env={"COLUMNS": "200"}).output
    assert "news" in table and "background" in table


def test_the_api_and_the_events_page_show_background_only_when_asked(db_url):
    client = local(create_app(ServeSettings(db_url)))
    default = client.get("/api/events").json()
    assert people_in(default["items"]) == {"Jane Quill"} and default["items"][0]["news"] is True
    every = client.get("/api/events", params={"background": 1}).json()["items"]
    assert {e["person"]: e["news"] for e in every} == {"Jane Quill": True, "Tom Brack": False}
    page = client.get("/events").text
    assert "Jane Quill" in page and "Tom Brack" not in page and 'name="background"' in page
    page = client.get("/events", params={"background": "1"}).text
    assert "Tom Brack" in page and "checked" in page and "background=1" in page


def test_the_watcher_alerts_on_news_and_never_on_background(tmp_path):
    db = open_database(f"sqlite:///{tmp_path / 'watch.db'}")
    alerts.start_watching(db)
    store_events(db, NEWS_TEXT, [switch(True)], "2024-05-02")
    store_events(db, BACKGROUND_TEXT, [resignation(False)], "2024-05-03")
    unsaid = "Sam Lark, the MP for Ashby, has joined the Greens from Labour."  # news not known: alerts
    store_events(db, unsaid, [event(unsaid, "party_switch", None, person="Sam Lark", from_party="Labour", to_party="Greens")], "2024-05-04")
    assert alerts.queue(db, Targets(notify="http://127.0.0.1:9/hook")) == 2
    with db.reading() as session:
        alerted = {a.canonical_id for a in session.scalars(select(AlertRow))}
        events = {e["person"]: e["id"] for e in views.events(session)}
    assert alerted == {events["Jane Quill"], events["Sam Lark"]}
