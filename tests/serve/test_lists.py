"""Lists as a newsroom reads them (issue 29): events and the front page newest first with a
control for oldest first, date-range and outlet filters applied in the query (the counts are of
every matching row, past the first page), and the People list's Mentions column filled.

The database is written row by row (no analysis), so the expected answers are known exactly:
120 resignations, one an article, a month apart from 2015-01-01, from two outlets in turn; every
third event has no date of its own and is placed on its article's publication date; one more
event comes from an article with no date and no outlet."""

import re
from datetime import date, timedelta

import pytest

from crossfloor.serve.app import ServeSettings, create_app
from crossfloor.store.database import open_database
from crossfloor.store.schema import ArticleRow, CanonicalEventRow, EventRow, PersonMentionRow, PersonRow, QuoteRow
from tests.serve.test_serve import local

EVENTS = 120
START = date(2015, 1, 1)
OUTLETS = ("Daily Ledger", "Weekly Courier")


def day_of(k: int) -> date:
    return START + timedelta(days=30 * k)


def add_article(session, k: int, person: PersonRow) -> ArticleRow:
    sentence = f"Minister {k} resigned from the cabinet."
    said = f'"I leave with my head high," said Minister {k}.'
    article = ArticleRow(content_hash=f"{k:064d}", title=f"Resignation {k}", outlet=OUTLETS[k % 2], published=day_of(k), text=f"{sentence} {said}")
    session.add(article)
    session.flush()
    dated = k % 3 != 0
    canonical = CanonicalEventRow(type="resignation", person=f"Minister {k}", person_id=person.id, office="cabinet", date=day_of(k) if dated else None,
                                  date_first=day_of(k) if dated else None, date_last=day_of(k) if dated else None)
    session.add(canonical)
    session.flush()
    session.add(EventRow(article_id=article.id, type="resignation", start=0, end=len(sentence), person=f"Minister {k}", canonical_id=canonical.id,
                         date_text=None, date=canonical.date, date_first=canonical.date_first, date_last=canonical.date_last))
    start = len(sentence) + 1
    session.add(QuoteRow(article_id=article.id, start=start, end=start + len(said), text=said, kind="direct", speaker=f"Minister {k}",
                         speaker_resolved=f"Minister {k}", person_id=person.id, act="said"))
    for _ in range(1 + k % 4):  # Minister k is named 1 + k % 4 times
        session.add(PersonMentionRow(person_id=person.id, article_id=article.id, name=f"Minister {k}"))
    return article


@pytest.fixture(scope="module")
def desk(tmp_path_factory):
    url = f"sqlite:///{tmp_path_factory.mktemp('lists') / 'desk.db'}"
    db = open_database(url)
    with db.sessions() as session:
        for k in range(EVENTS):
            person = PersonRow(name=f"Minister {k}", surname=str(k))
            session.add(person)
            session.flush()
            add_article(session, k, person)
        text = "A minister resigned."
        article = ArticleRow(content_hash="u" * 64, title="Undated", text=text)
        session.add(article)
        session.flush()
        canonical = CanonicalEventRow(type="resignation", person="Minister Undated", office="cabinet")
        session.add(canonical)
        session.flush()
        session.add(EventRow(article_id=article.id, type="resignation", start=0, end=len(text), person="Minister Undated", canonical_id=canonical.id))
        session.commit()
    db.engine.dispose()
    app = create_app(ServeSettings(url))
    yield local(app, raise_server_exceptions=False)
    app.db.engine.dispose()


def event_days(items: list[dict]) -> list[str]:
    return [e["date"] or e["sources"][0]["published"] for e in items]


def test_events_are_listed_newest_first_and_turn_round_to_oldest(desk):
    newest = desk.get("/api/events", params={"limit": 10}).json()["items"]
    assert event_days(newest) == [day_of(k).isoformat() for k in range(EVENTS - 1, EVENTS - 11, -1)]
    oldest = desk.get("/api/events", params={"limit": 10, "sort": "oldest"}).json()["items"]
    assert event_days(oldest) == [day_of(k).isoformat() for k in range(10)]

    page = desk.get("/events").text
    rows = re.findall(r'<tr><td><a href="/events/(\d+)">', page)
    assert rows[:2] == [str(e["id"]) for e in newest[:2]]
    header = re.search(r'<th aria-sort="descending"><a href="([^"]+)">When', page)
    assert header and "sort=oldest" in header.group(1)
    turned = desk.get(header.group(1).replace("&amp;", "&")).text
    assert re.findall(r'<tr><td><a href="/events/(\d+)">', turned)[:2] == [str(e["id"]) for e in oldest[:2]]
    assert '<th aria-sort="ascending"><a href="/events?sort=newest' in turned
    assert '<option value="oldest" selected>' in turned  # the Order control says what is shown

    front = desk.get("/").text
    assert re.search(r'<a href="/events/(\d+)">', front).group(1) == str(newest[0]["id"])
    assert 'href="/events?sort=oldest"' in front


def test_outlet_and_date_filters_are_applied_in_the_query(desk):
    """Each filter keeps more rows than one page: the total counts all of them, every page holds
    only matching rows, and the facet counts each outlet's events."""
    weekly = desk.get("/api/events", params={"outlet": "weekly", "limit": 500}).json()["items"]
    assert len(weekly) == EVENTS // 2 and all(s["outlet"] == "Weekly Courier" for e in weekly for s in e["sources"])
    page = desk.get("/events", params={"outlet": "Weekly Courier"}).text
    assert f"Rows 1 to 50 of {EVENTS // 2}" in page
    second = desk.get("/events", params={"outlet": "Weekly Courier", "page": 2}).text
    assert f"Rows 51 to {EVENTS // 2} of {EVENTS // 2}" in second
    facet = re.search(r'Reported by:</span>(.*?)</div>', desk.get("/events").text, re.S).group(1)
    assert re.search(rf'Daily Ledger <span class="count">{EVENTS // 2}</span>', facet)

    since, until = day_of(10), day_of(69)  # 60 events, dated or placed on their article's day
    ranged = desk.get("/api/events", params={"since": since.isoformat(), "until": until.isoformat(), "limit": 500, "sort": "oldest"}).json()["items"]
    assert event_days(ranged) == [day_of(k).isoformat() for k in range(10, 70)]
    page = desk.get("/events", params={"since": since.isoformat(), "until": until.isoformat(), "outlet": "Daily"}).text
    assert "Rows 1 to 30 of 30" in page and f'value="{since.isoformat()}"' in page
    assert desk.get("/events", params={"since": "last week"}).status_code == 422


def test_the_people_list_counts_mentions(desk):
    """issue 29: the default sort column, Mentions, was empty (the view gave no count)."""
    people = desk.get("/api/people", params={"limit": 500}).json()["items"]
    assert {p["name"]: p["mentions"] for p in people} == {f"Minister {k}": 1 + k % 4 for k in range(EVENTS)}
    assert [p["mentions"] for p in people] == sorted((p["mentions"] for p in people), reverse=True)
    page = desk.get("/people").text
    first = re.search(r'<tr><td><a href="/people/\d+">([^<]+)</a></td><td>[^<]*</td><td>[^<]*</td><td>(\d+)</td><td>(\d+)</td>', page)
    assert first and first.group(3) == "4" and first.group(1) == people[0]["name"]


def test_an_event_without_a_date_of_its_own_says_when_it_was_first_reported(desk):
    """issue 29: the event page said "its sources carry none" beside a source dated 2022-01-20."""
    first = desk.get("/api/events", params={"sort": "oldest", "limit": 1}).json()["items"][0]
    assert first["date"] is None and first["sources"][0]["published"] == START.isoformat()
    page = desk.get(f"/events/{first['id']}").text
    assert f"first reported {START.isoformat()}" in page and "give one" not in page
    undated = desk.get("/api/events", params={"sort": "newest", "limit": 500}).json()["items"][-1]
    assert undated["person"] == "Minister Undated"  # no day at all: last either way
    assert desk.get("/api/events", params={"sort": "oldest", "limit": 500}).json()["items"][-1]["id"] == undated["id"]
    page = desk.get(f"/events/{undated['id']}").text
    assert "neither the text nor its sources' publication dates give one" in page and "first reported" not in page


def test_every_event_and_quote_has_a_permalink_and_an_api_record(desk):
    """issue 29: no /api/events/{id}; no quote had a page or a permalink."""
    listed = desk.get("/api/events", params={"limit": 1}).json()["items"][0]
    one = desk.get(f"/api/events/{listed['id']}")
    assert one.status_code == 200 and one.json() == listed
    assert f'href="/api/events/{listed["id"]}"' in desk.get(f"/events/{listed['id']}").text
    for path in ("/api/events/999999", "/api/quotes/999999"):
        missing = desk.get(path)
        assert missing.status_code == 404 and missing.headers["content-type"] == "application/problem+json", path
    assert desk.get("/quotes/999999").status_code == 404 and "text/html" in desk.get("/quotes/999999").headers["content-type"]
    assert desk.get("/api/events/0").status_code == 422

    quotes = desk.get("/api/quotes", params={"speaker": "Minister 119", "limit": 1}).json()["items"]
    record = desk.get(f"/api/quotes/{quotes[0]['id']}").json()
    assert record == quotes[0] and record["text"] == '"I leave with my head high," said Minister 119.'
    listing = desk.get("/search", params={"speaker": "Minister 119"}).text
    person = desk.get(f"/people/{record['person_id']}").text
    article = desk.get(f"/articles/{record['article_id']}").text
    for page in (listing, person, article):
        assert f'href="/quotes/{record["id"]}"' in page
    page = desk.get(f"/quotes/{record['id']}").text
    assert "I leave with my head high" in page and f'href="/people/{record["person_id"]}"' in page
    assert f'href="/articles/{record["article_id"]}?mark={record["start"]}-{record["end"]}#m"' in page
    assert "Minister 119 resigned from the cabinet." in page  # the words around it


def export_link(page: str, fmt: str = "csv") -> str:
    """The page's link to every matching row (not the page's own rows) in this format."""
    links = [h.replace("&amp;", "&") for h in re.findall(r'href="(/api/export/[^"]+)" class="export"', page)]
    return next(h for h in links if f"format={fmt}" in h)


def csv_rows(answer) -> list[dict]:
    import csv
    import io

    assert answer.status_code == 200, answer.text
    assert answer.headers["content-type"].startswith("text/csv") and "attachment" in answer.headers["content-disposition"]
    assert "content-length" not in answer.headers  # streamed
    return list(csv.DictReader(io.StringIO(answer.text)))


def every_item(client, path: str, **params) -> list[dict]:
    """The API's rows for these filters, page by page."""
    items, offset = [], 0
    while True:
        page = client.get(path, params={**params, "limit": 50, "offset": offset}).json()
        items += page["items"]
        if not page["next"]:
            return items
        offset += 50


def test_a_filtered_list_exports_every_matching_row_with_sources_in_columns(desk):
    """issue 29: export gave the rows on screen only, sources as a JSON blob in one cell."""
    page = desk.get("/events", params={"outlet": "Weekly Courier", "sort": "oldest"}).text
    rows = csv_rows(desk.get(export_link(page)))
    api = every_item(desk, "/api/events", outlet="Weekly Courier", sort="oldest")
    assert len(rows) == len(api) == EVENTS // 2 > 50  # past the page shown
    assert [int(r["id"]) for r in rows] == [e["id"] for e in api]
    assert {r["source_outlet"] for r in rows} == {"Weekly Courier"}
    assert [r["source_sentence"] for r in rows] == [e["sources"][0]["sentence"] for e in api]
    assert not any(v.startswith(("[", "{")) for r in rows for v in r.values())
    as_json = desk.get(export_link(page, "json"))
    assert as_json.json() == api

    quotes_page = desk.get("/search", params={"outlet": "Daily Ledger"}).text
    quotes = csv_rows(desk.get(export_link(quotes_page)))
    assert [int(q["id"]) for q in quotes] == [q["id"] for q in every_item(desk, "/api/quotes", outlet="Daily Ledger")] and len(quotes) == EVENTS // 2
    people = csv_rows(desk.get(export_link(desk.get("/people").text)))
    assert len(people) == EVENTS and {p["name"]: int(p["mentions"]) for p in people}["Minister 3"] == 4


def test_person_event_and_article_pages_export_what_they_show(desk):
    person = desk.get("/api/people", params={"name": "Minister 118"}).json()["items"][0]
    page = desk.get(f"/people/{person['id']}").text
    links = [h.replace("&amp;", "&") for h in re.findall(r'href="(/api/export/[^"]+)" class="export"', page)]
    quotes = csv_rows(desk.get(next(h for h in links if h.startswith("/api/export/quotes") and "csv" in h)))
    events = csv_rows(desk.get(next(h for h in links if h.startswith("/api/export/events") and "csv" in h)))
    assert {q["speaker"] for q in quotes} == {"Minister 118"} and [e["person"] for e in events] == ["Minister 118"]
    event_page = desk.get(f"/events/{events[0]['id']}").text
    assert [r["id"] for r in csv_rows(desk.get(export_link(event_page)))] == [events[0]["id"]]
    article_page = desk.get(f"/articles/{quotes[0]['article_id']}").text
    assert [r["text"] for r in csv_rows(desk.get(export_link(article_page)))] == [quotes[0]["text"]]


def test_an_export_holds_at_most_its_bound(desk, monkeypatch):
    """The bound is in the code (ServeSettings.export_rows): an export that would pass it is
    refused before a row is sent, and the stream itself never reads past it."""
    import dataclasses

    from crossfloor.serve import exports

    app = create_app(ServeSettings(str(desk.app.db.engine.url), export_rows=50))
    bounded = local(app, raise_server_exceptions=False)
    refused = bounded.get("/api/export/events", params={"outlet": "Weekly Courier"})
    assert refused.status_code == 422 and "60 events match: an export holds at most 50" in refused.json()["detail"]
    assert len(csv_rows(bounded.get("/api/export/events", params={"outlet": "Weekly Courier", "until": day_of(99).isoformat()}))) == 50
    # rows added after the count are not sent: the stream reads `total` rows at most
    monkeypatch.setitem(exports.EXPORTS, "quotes", dataclasses.replace(exports.EXPORTS["quotes"], count=lambda session, **filters: 7))
    assert len(csv_rows(bounded.get("/api/export/quotes"))) == 7
    app.db.engine.dispose()

