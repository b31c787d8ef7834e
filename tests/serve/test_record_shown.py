"""What the record says of a linked person, shown and exported: the person page and `crossfloor
people` (chambers, seats, parties with dates, Wikidata id), a post holder the article never
names shown only as a suggestion, people and switches exported with their reference ids (CSV,
JSON, the API), and people as Popolo JSON (the tiny made-up record, made-up articles)."""

import csv
import io
import json

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from crossfloor.cli import app as cli
from crossfloor.cli.tables import record_line
from crossfloor.serve.app import ServeSettings, create_app
from tests.link.record_fixture import linked_db


@pytest.fixture(scope="module")
def url(tmp_path_factory):
    folder = tmp_path_factory.mktemp("shown")
    linked_db(folder)
    return f"sqlite:///{folder / 'record.db'}"


@pytest.fixture(scope="module")
def client(url):
    return TestClient(create_app(ServeSettings(url)), base_url="http://127.0.0.1")


def person_id(client, name: str) -> int:
    return next(p["id"] for p in client.get("/api/people", params={"name": name}).json()["items"] if p["name"] == name)


def test_the_person_page_shows_the_record(client):
    page = client.get(f"/people/{person_id(client, 'Nadia Quint')}").text
    assert "In the record" in page and "Q9990001" in page
    assert "House of Commons" in page and "Eastmoor" in page and "2010-05-06" in page and "2017-05-03" in page
    assert "name, date, role, party" in page  # what linked them


def test_an_unlinked_person_says_so(client):
    page = client.get(f"/people/{person_id(client, 'Orrin Quint')}").text
    assert "In the record" not in page and "Not linked to a reference record" in page


def test_a_suggested_holder_is_shown_as_a_suggestion_never_as_the_speaker(client):
    quotes = client.get("/api/quotes", params={"contains": "budget was fixed"}).json()["items"]
    [unnamed] = [q for q in quotes if q["speaker"] == "Health Secretary"]
    assert unnamed["speaker_suggested"] == "Orrin Fairbrook" and unnamed["person_id"] is None
    page = client.get(f"/quotes/{unnamed['id']}").text
    assert "<h1>Health Secretary" in page and "Suggested by the record" in page and "Orrin Fairbrook" in page


def test_people_and_switches_export_with_their_reference_ids(client):
    rows = list(csv.DictReader(io.StringIO(client.get("/api/export/people").text)))
    nadia = next(r for r in rows if r["name"] == "Nadia Quint")
    assert (nadia["kb_person"], nadia["wikidata"], nadia["parlparse"]) == ("nq", "Q9990001", "uk.org.publicwhip/person/99001")
    assert json.loads(nadia["kb_evidence"])["fields"][0] == "name"
    switches = list(csv.DictReader(io.StringIO(client.get("/api/export/events", params={"type": "party_switch"}).text)))
    assert switches and all((s["person"], s["wikidata"]) == ("Nadia Quint", "Q9990001") for s in switches)
    people = client.get("/api/export/people", params={"format": "json"}).json()
    assert next(p for p in people if p["name"] == "Nadia Quint")["record"]["memberships"][0]["seat"] == "Eastmoor"


def test_people_as_popolo_json(client):
    popolo = client.get("/api/export/popolo").json()
    nadia = next(p for p in popolo["persons"] if p["name"] == "Nadia Quint")
    assert {"scheme": "wikidata", "identifier": "Q9990001"} in nadia["identifiers"]
    [seat] = [m for m in popolo["memberships"] if m["person_id"] == nadia["id"]]
    assert seat["area_name"] == "Eastmoor" and seat["start_date"] == "2010-05-06" and seat["on_behalf_of_id"] == "party/labour"
    assert {o["id"] for o in popolo["organizations"]} >= {seat["organization_id"], seat["on_behalf_of_id"]}


def test_crossfloor_people_and_export_show_the_record(url, tmp_path):
    runner = CliRunner()
    shown = runner.invoke(cli, ["people", "--name", "Nadia", "--db", url, "--format", "json"])
    [nadia] = json.loads(shown.output)
    assert nadia["wikidata"] == "Q9990001" and {"name": "Labour", "first": "2010-05-06", "last": "2017-05-03", "source": "record"} in nadia["parties"]
    assert record_line(nadia) == "wikidata Q9990001 parlparse uk.org.publicwhip/person/99001; House of Commons, Eastmoor: Labour 2010-05-06..2017-05-03"
    table = runner.invoke(cli, ["people", "--name", "Nadia", "--db", url], env={"COLUMNS": "400"})
    assert "record" in table.output and "Q9990001" in table.output
    done = runner.invoke(cli, ["export", "--output", str(tmp_path), "--format", "popolo", "--db", url])
    assert done.exit_code == 0, done.output
    persons = json.loads((tmp_path / "people.popolo.json").read_text())["persons"]
    assert any(i == {"scheme": "wikidata", "identifier": "Q9990001"} for p in persons for i in p["identifiers"])
    refused = runner.invoke(cli, ["export", "--output", str(tmp_path), "--format", "popolo", "--table", "quotes", "--db", url])
    assert refused.exit_code != 0 and "people only" in refused.output


def test_a_popolo_export_over_the_bound_is_refused(url):
    small = TestClient(create_app(ServeSettings(url, export_rows=2)), base_url="http://127.0.0.1")
    answer = small.get("/api/export/popolo")
    assert answer.status_code == 422 and "at most 2" in answer.json()["detail"]
    assert small.get("/api/export/popolo", params={"name": "Nadia"}).status_code == 200
