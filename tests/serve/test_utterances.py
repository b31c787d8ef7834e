"""Words quoted across outlets, as a reader finds them (issue 27): the store's views of
utterances, the API (filters, paging bounds, a bad change refused), the pages (the list, an
utterance's renderings side by side with the differences marked and escaped, the note on a
quote's details, a person's "Quoted differently") and the streamed export, on the made-up
newsroom of utterance_desk.py (its doc says what it holds)."""

import csv
import io
import re

import pytest

from crossfloor.serve.app import ServeSettings, create_app
from crossfloor.store import views
from crossfloor.store.database import open_database
from tests.databases import BACKENDS, fresh_url
from tests.serve import utterance_desk as desk
from tests.serve.test_serve import local


@pytest.fixture(scope="module", params=BACKENDS)
def newsroom(request, tmp_path_factory):
    url = fresh_url(request.param, tmp_path_factory.mktemp("utterances"))
    ids = desk.build(url)
    db = open_database(url)
    app = create_app(ServeSettings(url))
    yield db, local(app, raise_server_exceptions=False), ids
    app.db.engine.dispose()
    db.engine.dispose()


def listed(db, **filters) -> list[int]:
    with db.sessions() as session:
        return [u["id"] for u in views.utterances(session, **filters)]


# ---- the store's views --------------------------------------------------------------------------


def test_utterances_of_two_or_more_outlets_are_listed_newest_first(newsroom):
    db, _, ids = newsroom
    assert listed(db) == [ids["railway"], ids["budget"], ids["hospital"]]  # the bridge: one outlet
    assert listed(db, min_outlets=1)[-1] == ids["bridge"]
    assert listed(db, sort="oldest") == [ids["hospital"], ids["budget"], ids["railway"]]
    assert listed(db, sort="different")[0] == ids["budget"]
    assert listed(db, limit=1, offset=1) == [ids["budget"]]
    with db.sessions() as session:
        assert views.utterance_count(session) == 3 and views.utterance_count(session, min_outlets=1) == 4
        budget = views.utterances(session, limit=1, sort="different")[0]
    assert (budget["speaker"], budget["text"], budget["outlets"], budget["different"]) == ("Jane Roe", desk.FULL, 5, 2)
    assert budget["changes"] == ["changed", "negation_lost", "number_changed", "paraphrase", "trimmed"]


def test_utterances_are_filtered_by_person_outlet_and_change(newsroom):
    db, _, ids = newsroom
    assert listed(db, person="roe") == [ids["railway"], ids["budget"]]
    assert listed(db, person_id=ids["john"]) == [ids["hospital"]]
    assert listed(db, outlet="weekly <b>") == [ids["hospital"]]
    assert listed(db, outlet="Daily Four") == [ids["budget"]]
    assert listed(db, change="number_changed") == [ids["budget"], ids["hospital"]]
    assert listed(db, change="paraphrase") == [ids["budget"]]
    assert listed(db, change="spliced") == []
    assert listed(db, change="_") == [] and listed(db, change="%") == []  # a wildcard is a character
    assert listed(db, differently=True) == [ids["budget"], ids["hospital"]]
    assert listed(db, contains="railway") == [ids["railway"]]


def test_an_utterance_gives_every_quote_of_it_and_which_is_the_fullest(newsroom):
    db, _, ids = newsroom
    with db.sessions() as session:
        budget = views.utterance(session, ids["budget"])
        bridge = views.utterance(session, ids["bridge"])
        assert views.utterance(session, 10_000) is None
    quotes = {q["text"]: q for q in budget["quotes"]}
    assert set(quotes) == {desk.FULL, desk.TRIMMED, desk.DROPPED, desk.FIFTY, desk.PARAPHRASE}
    assert [q["text"] for q in budget["quotes"] if q["fullest"]] == [desk.FULL]
    assert (quotes[desk.DROPPED]["outlet"], quotes[desk.DROPPED]["kind"], quotes[desk.DROPPED]["flags"]) == ("Daily Three", "changed", ["negation_lost"])
    assert quotes[desk.PARAPHRASE]["quote_kind"] == "indirect" and quotes[desk.PARAPHRASE]["kind"] == "paraphrase"
    assert [q["published"] for q in budget["quotes"]] == sorted(q["published"] for q in budget["quotes"])
    assert bridge["outlets"] == 1 and len(bridge["quotes"]) == 2  # one outlet: not listed, but it has its page


def test_a_listed_quote_says_how_widely_its_utterance_is_quoted(newsroom):
    db, _, ids = newsroom
    with db.sessions() as session:
        found = {q["text"]: q for q in views.quotes(session, limit=None)}
    assert found[desk.DROPPED]["utterance_id"] == ids["budget"]
    assert found[desk.DROPPED]["rendering"] == {"kind": "changed", "flags": ["negation_lost"], "outlets": 5, "different": 2}
    assert found[desk.RAILWAY]["rendering"] == {"kind": "verbatim", "flags": [], "outlets": 2, "different": 0}


def test_the_facets_count_utterances_by_change_outlet_and_speaker(newsroom):
    db, _, _ = newsroom
    with db.sessions() as session:
        facets = views.utterance_facets(session)
        jane = views.utterance_facets(session, person="Jane")
    assert dict(facets["change"])["number_changed"] == 2 and dict(facets["change"])["paraphrase"] == 1
    assert facets["outlet"][0] == ("Daily One", 3)
    assert dict(facets["person"]) == {"Jane Roe": 2, "John Doe": 1}
    assert "Weekly <b>Five</b>" not in dict(jane["outlet"])


# ---- the API ------------------------------------------------------------------------------------


def test_the_api_lists_utterances_with_paging_and_filters(newsroom):
    _, client, ids = newsroom
    first = client.get("/api/utterances", params={"limit": 2})
    assert first.status_code == 200
    body = first.json()
    assert [u["id"] for u in body["items"]] == [ids["railway"], ids["budget"]] and "offset=2" in body["next"]
    rest = client.get(body["next"]).json()
    assert [u["id"] for u in rest["items"]] == [ids["hospital"]] and rest["next"] is None
    assert [u["id"] for u in client.get("/api/utterances", params={"change": "negation_lost"}).json()["items"]] == [ids["budget"]]
    assert [u["id"] for u in client.get("/api/utterances", params={"person_id": ids["john"], "min_outlets": 1}).json()["items"]] == [ids["hospital"], ids["bridge"]]
    table = list(csv.DictReader(io.StringIO(client.get("/api/utterances", params={"format": "csv"}).text)))
    assert [int(row["id"]) for row in table] == [ids["railway"], ids["budget"], ids["hospital"]]


@pytest.mark.parametrize("params", [{"change": "misquoted"}, {"change": "%"}, {"limit": 501}, {"limit": 0}, {"offset": -1}, {"min_outlets": 0}, {"sort": "random"}])
def test_the_api_refuses_a_bad_filter_or_page_with_a_problem(newsroom, params):
    _, client, _ = newsroom
    answer = client.get("/api/utterances", params=params)
    assert answer.status_code == 422
    assert answer.headers["content-type"].startswith("application/problem+json")
    assert next(iter(params)) in answer.json()["detail"]


def test_the_api_gives_an_utterance_with_each_quote_marked_against_the_fullest(newsroom):
    _, client, ids = newsroom
    body = client.get(f"/api/utterances/{ids['budget']}").json()
    quotes = {q["text"]: q for q in body["quotes"]}
    assert quotes[desk.FULL]["segments"] == [{"op": "equal", "text": "We will not rule out higher fuel duty this year because the deficit is 40 billion pounds and still growing"}]
    assert {"op": "delete", "text": "not"} in quotes[desk.DROPPED]["segments"] and quotes[desk.DROPPED]["different"] is True
    assert [s for s in quotes[desk.FIFTY]["segments"] if s["op"] != "equal"] == [{"op": "delete", "text": "40"}, {"op": "insert", "text": "50"}]
    assert quotes[desk.TRIMMED]["different"] is False and quotes[desk.PARAPHRASE]["segments"] == []
    assert "ops" not in quotes[desk.FULL]
    assert client.get("/api/utterances/99999").status_code == 404
    quote = client.get(f"/api/quotes/{ids['quotes'][desk.FIFTY]}").json()
    assert quote["utterance_id"] == ids["budget"] and quote["rendering"]["flags"] == ["number_changed"]


# ---- the pages ----------------------------------------------------------------------------------


def test_the_list_page_shows_each_utterance_with_its_counts_and_changes(newsroom):
    _, client, ids = newsroom
    front = client.get("/").text
    assert 'href="/utterances"' in front
    page = client.get("/utterances").text
    rows = re.findall(r'<tr><td><a href="/people/\d+">([^<]+)</a></td><td><a href="/utterances/(\d+)">', page)
    assert rows == [("Jane Roe", str(ids["railway"])), ("Jane Roe", str(ids["budget"])), ("John Doe", str(ids["hospital"]))]
    assert "negation lost" in page and 'href="/utterances?change=number_changed' in page  # a badge; a facet
    assert "/api/export/utterances?" in page
    only = client.get("/utterances", params={"change": "paraphrase"}).text
    assert f'href="/utterances/{ids["budget"]}"' in only and f'href="/utterances/{ids["railway"]}"' not in only
    assert client.get("/utterances", params={"change": "misquoted"}).status_code == 422


def test_an_utterance_page_sets_the_renderings_side_by_side_with_differences_marked(newsroom):
    _, client, ids = newsroom
    page = client.get(f"/utterances/{ids['budget']}").text
    assert page.count('<li class="rendering') == 5
    assert "<del>not</del>" in page and "<del>40</del> <ins>50</ins>" in page
    assert "Daily Three" in page and "2024-05-03" in page and "negation lost" in page and "paraphrase" in page
    article_links = re.findall(r'href="/articles/(\d+)\?mark=(\d+)-(\d+)#m"', page)
    assert len(article_links) == 5
    assert client.get(f"/utterances/{ids['bridge']}").status_code == 200
    assert client.get("/utterances/99999").status_code == 404


def test_an_utterance_page_escapes_the_quotes_and_outlets(newsroom):
    _, client, ids = newsroom
    page = client.get(f"/utterances/{ids['hospital']}").text
    assert "<script>alert" not in page and "<b>Five</b>" not in page
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in page and "Weekly &lt;b&gt;Five&lt;/b&gt;" in page
    assert "<del>30</del> <ins>40</ins>" in page
    listing = client.get("/utterances", params={"person": "Doe"}).text
    assert "<script>alert" not in listing and "&lt;script&gt;" in listing


def test_a_quotes_details_link_its_utterance(newsroom):
    _, client, ids = newsroom
    note = f'<a href="/utterances/{ids["budget"]}">quoted by 5 outlets, 2 with different words</a>'
    listing = client.get("/search", params={"speaker": "Jane"}).text
    assert note in listing and "(this one: changed, negation lost)" in listing
    quote_id = ids["quotes"][desk.DROPPED]
    article_id = client.get(f"/api/quotes/{quote_id}").json()["article_id"]
    assert note in client.get(f"/articles/{article_id}").text
    assert note in client.get(f"/quotes/{quote_id}").text
    railway = client.get(f"/quotes/{ids['quotes'][desk.RAILWAY]}").text
    assert "quoted by 2 outlets, none with different words" in railway


def test_a_persons_page_lists_what_they_were_quoted_saying_differently(newsroom):
    _, client, ids = newsroom
    jane = client.get(f"/people/{ids['jane']}").text
    section = re.search(r'<section class="quoted-differently">.*?</section>', jane, re.S).group(0)
    assert f'href="/utterances/{ids["budget"]}"' in section and f'href="/utterances/{ids["railway"]}"' not in section
    assert "5 outlets, 2 with different words" in section
    john = client.get(f"/people/{ids['john']}").text
    assert f'href="/utterances/{ids["hospital"]}"' in re.search(r'<section class="quoted-differently">.*?</section>', john, re.S).group(0)


def test_a_person_quoted_only_word_for_word_has_no_such_section(tmp_path):
    url = f"sqlite:///{tmp_path / 'plain.db'}"
    from tests.link.test_utterances import article, store
    from datetime import date

    db = open_database(url)
    store(db, *(article(f"Reporter {n} wrote. «{desk.RAILWAY}» Jane Roe said.", outlet, date(2024, 6, 10)) for n, outlet in enumerate(("Daily One", "Daily Two"))))
    db.engine.dispose()
    app = create_app(ServeSettings(url))
    page = local(app).get("/people/1").text
    app.db.engine.dispose()
    assert "Quoted differently" not in page and "quoted by 2 outlets" in page


# ---- the streamed export ------------------------------------------------------------------------


def test_the_export_gives_one_row_per_quote_of_each_utterance(newsroom):
    _, client, ids = newsroom
    answer = client.get("/api/export/utterances", params={"person": "Jane"})
    assert answer.status_code == 200 and answer.headers["x-total-count"] == "2"
    rows = list(csv.DictReader(io.StringIO(answer.text)))
    assert len(rows) == 7  # the railway twice, the budget five times
    dropped = next(r for r in rows if r["text"] == desk.DROPPED)
    assert (dropped["utterance_id"], dropped["speaker"], dropped["outlet"], dropped["published"], dropped["kind"], dropped["flags"], dropped["fullest_text"]) == (
        str(ids["budget"]), "Jane Roe", "Daily Three", "2024-05-03", "changed", "negation_lost", desk.FULL
    )
    whole = client.get("/api/export/utterances", params={"format": "json", "change": "number_changed"}).json()
    assert [u["id"] for u in whole] == [ids["budget"], ids["hospital"]] and len(whole[1]["quotes"]) == 2
    assert client.get("/api/export/utterances", params={"change": "misquoted"}).status_code == 422
