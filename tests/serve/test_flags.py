"""Readers' flags on wrong facts (issue 29): a form on every quote's and event's page, stored
with the fact as the page showed it, listed at /flags and /api/flags and exported as CSV and
JSON for the development data; the form needs its own token and a same-site origin, its words
and its body are bounded, and so is the number of flags.

One quote by Jo Bloggs and one party switch, written row by row, on SQLite and PostgreSQL."""

import csv
import io
import re
from datetime import date

import pytest

from crossfloor.serve.api import FLAG_FIELDS
from crossfloor.serve.app import ServeSettings, create_app
from crossfloor.serve.guard import FLAG_BYTES
from crossfloor.serve.pages import FLAG_CHARS
from crossfloor.store.database import open_database
from crossfloor.store.schema import PersonRow
from tests.databases import BACKENDS, fresh_url
from tests.serve.test_person import quote
from tests.serve.test_serve import local
from tests.serve.test_timeline import event


@pytest.fixture(params=BACKENDS)
def database(request, tmp_path):
    url = fresh_url(request.param, tmp_path)
    db = open_database(url)
    with db.sessions() as session:
        jo = PersonRow(name="Jo Bloggs", surname="Bloggs")
        session.add(jo)
        session.flush()
        quote(session, jo, 1, "Weekly Courier", date(2020, 1, 10), "BBC Radio 4", party="Labour")
        event(session, 1, date(2020, 2, 20), type="party_switch", person="Jo Bloggs", person_id=jo.id, from_party="Labour", to_party="Green Party")
        session.commit()
    db.engine.dispose()
    return url


@pytest.fixture()
def client(database):
    app = create_app(ServeSettings(database))
    yield local(app, raise_server_exceptions=False)
    app.db.engine.dispose()


def ids(client) -> tuple[int, int]:
    return client.get("/api/quotes").json()["items"][0]["id"], client.get("/api/events").json()["items"][0]["id"]


def token(client, page: str) -> str:
    return re.search(r'<form action="/flags" method="post" class="flag-form">.*?name="csrf" value="([^"]+)"', client.get(page).text, re.S).group(1)


def flag(client, target: str, target_id: int, what: str, **headers):
    form = {"target": target, "target_id": str(target_id), "what": what, "csrf": token(client, f"/{target}s/{target_id}")}
    return client.post("/flags", data=form, headers=headers, follow_redirects=False)


def test_a_reader_flags_a_quote_and_an_event_and_the_flags_are_listed(client):
    quote_id, event_id = ids(client)
    sent = flag(client, "quote", quote_id, "Jo Bloggs said this on Sky News, not BBC Radio 4.", Origin="http://127.0.0.1")
    assert sent.status_code == 303 and re.fullmatch(rf"/quotes/{quote_id}\?flagged=\d+#flag", sent.headers["location"])
    assert "Thank you: your flag is number" in client.get(sent.headers["location"].split("#")[0]).text
    assert flag(client, "event", event_id, "She joined the Liberal Democrats.").status_code == 303
    listed = client.get("/api/flags").json()["items"]
    assert [(f["target"], f["target_id"]) for f in listed] == [("event", event_id), ("quote", quote_id)]  # newest first
    on_quote = listed[1]
    assert on_quote["what"] == "Jo Bloggs said this on Sky News, not BBC Radio 4." and on_quote["page"] == f"/quotes/{quote_id}"
    assert on_quote["fact"]["venue"] == "BBC Radio 4" and on_quote["fact"]["speaker"] == "Jo Bloggs"  # the fact as shown
    assert listed[0]["summary"].startswith("Jo Bloggs") and listed[0]["fact"]["to_party"] == "Green Party"
    assert [f["target"] for f in client.get("/api/flags", params={"target": "event"}).json()["items"]] == ["event"]
    page = client.get("/flags").text
    assert "She joined the Liberal Democrats." in page and f'href="/quotes/{quote_id}"' in page and f'href="/events/{event_id}"' in page
    assert 'href="/api/export/flags?sort=newest&amp;format=csv"' in page


def test_flags_export_with_the_words_flagged(client):
    quote_id, event_id = ids(client)
    flag(client, "quote", quote_id, "=HYPERLINK(\"http://evil.example\") wrong speaker")
    flag(client, "event", event_id, "Wrong party")
    rows = list(csv.DictReader(io.StringIO(client.get("/api/export/flags", params={"sort": "oldest"}).text)))
    assert tuple(rows[0]) == FLAG_FIELDS
    assert rows[0]["what"].startswith("'=HYPERLINK")  # a spreadsheet does not run it
    assert rows[0]["text"] == client.get(f"/api/quotes/{quote_id}").json()["text"] and rows[0]["start"] == "0"
    assert rows[1]["text"] == client.get(f"/api/events/{event_id}").json()["sources"][0]["sentence"]
    exported = client.get("/api/export/flags", params={"format": "json", "sort": "oldest"}).json()
    assert exported == client.get("/api/flags", params={"sort": "oldest"}).json()["items"]


def test_the_flag_form_is_guarded_and_bounded(client):
    quote_id, _ = ids(client)
    good = {"target": "quote", "target_id": str(quote_id), "what": "Wrong speaker", "csrf": token(client, f"/quotes/{quote_id}")}
    refused = {
        "no token": (client.post("/flags", data={**good, "csrf": ""}), 403),
        "forged token": (client.post("/flags", data={**good, "csrf": "1700000000.deadbeef"}), 403),
        "another site": (client.post("/flags", data=good, headers={"Origin": "https://evil.example"}), 403),
        "empty": (client.post("/flags", data={**good, "what": "   "}), 422),
        "too long": (client.post("/flags", data={**good, "what": "x" * (FLAG_CHARS + 1)}), 422),
        "no such quote": (client.post("/flags", data={**good, "target_id": "999999"}), 404),
        "not a fact": (client.post("/flags", data={**good, "target": "article"}), 422),
        "body too large": (client.post("/flags", data={**good, "padding": "x" * FLAG_BYTES}), 413),
    }
    assert {name: r.status_code for name, (r, _) in refused.items()} == {name: status for name, (_, status) in refused.items()}

    def chunks():
        for _ in range(100):  # 6.5 MB, if it were all read
            yield b"x" * 65536

    streamed = client.post("/flags", content=chunks(), headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert streamed.status_code == 413
    assert client.get("/api/flags").json()["items"] == []
    assert client.post("/flags", data={**good, "what": "é" * FLAG_CHARS}, follow_redirects=False).status_code == 303  # the longest, in any script


def test_hostile_words_in_a_flag_are_shown_as_text(client):
    quote_id, _ = ids(client)
    flag(client, "quote", quote_id, "<script>alert('flag')</script>")
    page = client.get("/flags").text
    assert "<script>alert" not in page and "&lt;script&gt;alert(&#39;flag&#39;)&lt;/script&gt;" in page


def test_the_number_of_flags_is_bounded(database):
    app = create_app(ServeSettings(database, max_flags=2))
    bounded = local(app, raise_server_exceptions=False)
    quote_id, _ = ids(bounded)
    assert [flag(bounded, "quote", quote_id, f"flag {k}").status_code for k in range(3)] == [303, 303, 429]
    assert "holds 2 flags already" in flag(bounded, "quote", quote_id, "one more").text
    assert len(bounded.get("/api/flags").json()["items"]) == 2
    app.db.engine.dispose()
