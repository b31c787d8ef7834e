"""A person's page as a journalist reads it (issue 29): 'who quoted them' names the outlets that
published the quotes apart from the venues where they were said, the chart of quotes over time
has every month (empty ones at 0), and the charts are drawn at a phone's width too.

The database is written row by row: Jo Bloggs is quoted in January and April 2020 (none in
February and March) by two outlets, once 'told BBC Radio 4'; Al Long is quoted in 2001 and
2019, too many months apart for a bar each."""

import re
from datetime import date

import pytest

from crossfloor.serve.app import ServeSettings, create_app
from crossfloor.serve.charts import MAX_MONTHS, NARROW, every_month
from crossfloor.store.database import open_database
from crossfloor.store.schema import ArticleRow, PersonMentionRow, PersonRow, QuoteRow
from tests.serve.test_serve import local

QUOTED = [  # (outlet, published, venue)
    ("Daily Ledger", date(2020, 1, 10), None),
    ("Daily Ledger", date(2020, 1, 20), "BBC Radio 4"),
    ("Weekly Courier", date(2020, 4, 2), None),
]


def quote(session, person: PersonRow, k: int, outlet: str, published: date, venue: str | None, party: str | None = None) -> None:
    said = f'"We will keep going, round {k}," {person.name} said.'
    article = ArticleRow(content_hash=f"{person.id:032d}{k:032d}", title=f"Story {k}", outlet=outlet, published=published, text=said)
    session.add(article)
    session.flush()
    session.add(QuoteRow(article_id=article.id, start=0, end=said.index(",") + 2, text=said[: said.index(",") + 2], kind="direct",
                         speaker_resolved=person.name, person_id=person.id, venue=venue, act="said"))
    session.add(PersonMentionRow(person_id=person.id, article_id=article.id, name=person.name, party=party))


@pytest.fixture(scope="module")
def people(tmp_path_factory):
    url = f"sqlite:///{tmp_path_factory.mktemp('person') / 'person.db'}"
    db = open_database(url)
    with db.sessions() as session:
        jo, al = PersonRow(name="Jo Bloggs", surname="Bloggs"), PersonRow(name="Al Long", surname="Long")
        session.add_all([jo, al])
        session.flush()
        for k, (outlet, published, venue) in enumerate(QUOTED):
            quote(session, jo, k, outlet, published, venue, party="Labour")
        quote(session, al, 1, "Old Times", date(2001, 5, 1), None)
        quote(session, al, 2, "Old Times", date(2019, 5, 1), None)
        session.commit()
        ids = {"jo": jo.id, "al": al.id}
    db.engine.dispose()
    app = create_app(ServeSettings(url))
    yield local(app, raise_server_exceptions=False), ids
    app.db.engine.dispose()


def section(page: str, heading: str) -> str:
    return re.search(rf"<h3>{heading} .*?</ul>", page, re.S).group(0)


def test_who_quoted_them_separates_outlets_from_venues(people):
    client, ids = people
    page = client.get(f"/people/{ids['jo']}").text
    outlets, venues = section(page, "Outlets"), section(page, "Venues")
    assert "Daily Ledger" in outlets and "Weekly Courier" in outlets and "BBC Radio 4" not in outlets
    assert "BBC Radio 4" in venues and "Daily Ledger" not in venues and "Weekly Courier" not in venues
    assert re.search(r"Daily Ledger</a> <span class=\"muted\">2</span>", outlets)  # both Ledger quotes, the one said on Radio 4 too


def chart_rows(page: str, size: str) -> list[tuple[str, str]]:
    chart = re.search(rf'<svg class="chart chart-{size}".*?</svg>', page, re.S).group(0)
    return re.findall(r'class="label">([^<]+)</text>.*?class="value">(\d+)</text>', chart)


def test_the_chart_of_quotes_over_time_has_every_month(people):
    client, ids = people
    page = client.get(f"/people/{ids['jo']}").text
    assert chart_rows(page, "wide") == [("2020-01", "2"), ("2020-02", "0"), ("2020-03", "0"), ("2020-04", "1")]
    assert chart_rows(page, "narrow") == chart_rows(page, "wide")
    # a span too long for a bar a month: a bar a year, every year
    years = chart_rows(client.get(f"/people/{ids['al']}").text, "wide")
    assert [y for y, _ in years] == [str(y) for y in range(2001, 2020)] and dict(years)["2001"] == "1" and dict(years)["2010"] == "0"


def test_every_month_fills_gaps_and_bounds_the_bars():
    rows, unit = every_month([{"month": "2019-11", "count": 3}, {"month": "2020-02", "count": 1}])
    assert unit == "month" and rows == [{"month": m, "count": n} for m, n in (("2019-11", 3), ("2019-12", 0), ("2020-01", 0), ("2020-02", 1))]
    rows, unit = every_month([{"month": "1990-01", "count": 1}, {"month": "2024-12", "count": 2}])
    assert unit == "year" and len(rows) == 35 <= MAX_MONTHS
    assert every_month([]) == ([], "month")


def test_charts_come_at_a_phones_width_too(people):
    """issue 29: on a phone the party history was a 720-pixel drawing shrunk to half, its
    text unreadable; the page carries a drawing of the phone's width beside it."""
    client, ids = people
    page = client.get(f"/people/{ids['jo']}").text
    assert re.search(rf'<svg class="timeline chart-narrow" width="{NARROW}"', page) and '<svg class="timeline chart-wide" width="720"' in page
    assert re.search(rf'<svg class="chart chart-narrow" width="{NARROW}"', page)
    assert "Labour: 2020-01-10..2020-04-02" in page  # the history in words as well
    css = client.get("/static/style.css").text
    phone = css[css.index("@media (max-width: 600px)") :]
    assert ".chart-wide { display: none; }" in phone and ".chart-narrow { display: block; }" in phone
