"""Which rule found each quote and resolved its speaker, and which rules made each event, where
users and maintainers see it: the API, the quote details in the article view and quote lists,
and the event page. The rule passes fill these fields; here they are set on stored rows."""

import json
import sqlite3

import grimp
import pytest

from crossfloor.serve.app import ServeSettings, create_app
from tests.serve.test_serve import local, seeded  # noqa: F401 - the module's database fixture

FILLED = {"person": "subject_of_verb", "to_party": "party_after_to"}


@pytest.fixture(scope="module")
def provenance_db(seeded, tmp_path_factory):  # noqa: F811 - the imported fixture
    """A copy of the seeds database whose Reeves quotes and Wakeford reports carry provenance we
    set, and whose other rows carry none, as rows stored before migration 0006 do."""
    path = tmp_path_factory.mktemp("provenance") / "provenance.db"
    source = sqlite3.connect(seeded.removeprefix("sqlite:///"))
    copy = sqlite3.connect(path)
    source.backup(copy)
    source.close()
    with copy:
        copy.execute("UPDATE quotes SET found_by = NULL, resolved_by = NULL")
        copy.execute("UPDATE events SET found_by = NULL, filled_by = NULL")
        copy.execute("UPDATE quotes SET found_by = 'according_to', resolved_by = 'surname' WHERE speaker_resolved = 'Rachel Reeves'")
        copy.execute("UPDATE events SET found_by = 'defect_verb', filled_by = ? WHERE person LIKE '%Wakeford%'", (json.dumps(FILLED),))
    copy.close()
    return path


@pytest.fixture(scope="module")
def provenanced(provenance_db):
    return local(create_app(ServeSettings(f"sqlite:///{provenance_db}")), raise_server_exceptions=False)


def test_the_api_says_which_rule_found_a_quote_and_resolved_its_speaker(provenanced):
    reeves = provenanced.get("/api/quotes", params={"speaker": "Reeves"}).json()["items"]
    assert reeves and all((q["found_by"], q["resolved_by"]) == ("according_to", "surname") for q in reeves)
    others = provenanced.get("/api/quotes", params={"speaker": "Wakeford"}).json()["items"]
    assert others and all(q["found_by"] is None and q["resolved_by"] is None for q in others)
    article = provenanced.get(f"/api/articles/{reeves[0]['article_id']}").json()
    assert any(q["found_by"] == "according_to" for q in article["quotes"])
    person = provenanced.get(f"/api/people/{reeves[0]['person_id']}").json()
    assert {q["resolved_by"] for q in person["quotes"]} == {"surname"}
    csv = provenanced.get("/api/quotes", params={"speaker": "Reeves", "format": "csv"}).text
    assert "found_by" in csv.splitlines()[0] and "according_to" in csv


def test_the_api_says_which_rules_made_an_event(provenanced):
    events = provenanced.get("/api/events", params={"type": "party_switch", "person": "Wakeford"}).json()["items"]
    assert events
    sources = events[0]["sources"]
    assert sources and all(s["found_by"] == "defect_verb" and s["filled_by"] == FILLED for s in sources)
    report = provenanced.get(f"/api/articles/{sources[0]['article_id']}").json()["events"]
    assert any(r["found_by"] == "defect_verb" and r["filled_by"] == FILLED for r in report)
    others = provenanced.get("/api/events", params={"type": "by_election_call"}).json()["items"]
    assert all(s["found_by"] is None and s["filled_by"] is None for e in others for s in e["sources"])


def test_quote_details_name_the_rules(provenanced):
    reeves = provenanced.get("/api/quotes", params={"speaker": "Reeves"}).json()["items"][0]
    page = provenanced.get(f"/articles/{reeves['article_id']}").text
    assert "found by according_to · speaker by surname" in page  # the details box shown on focus or tap
    listing = provenanced.get("/search", params={"speaker": "Reeves"}).text
    assert "found by <code>according_to</code> · speaker by <code>surname</code>" in listing
    person = provenanced.get(f"/people/{reeves['person_id']}").text
    assert "speaker by <code>surname</code>" in person


def test_the_event_page_lists_the_trigger_rule_and_what_filled_each_field(provenanced):
    event = provenanced.get("/api/events", params={"type": "party_switch", "person": "Wakeford"}).json()["items"][0]
    page = provenanced.get(f"/events/{event['id']}").text
    assert "<dt>Found by</dt><dd><code>defect_verb</code></dd>" in page
    assert "<dt>person</dt><dd>filled by <code>subject_of_verb</code></dd>" in page
    assert "<dt>to party</dt><dd>filled by <code>party_after_to</code></dd>" in page


def test_the_command_line_and_exports_carry_provenance(provenance_db, tmp_path):
    import csv

    import pyarrow.parquet as pq
    from typer.testing import CliRunner

    from crossfloor.cli import app
    from crossfloor.store.database import open_database
    from crossfloor.store.export import write

    listed = CliRunner().invoke(app, ["quotes", "--db", str(provenance_db), "--speaker", "Reeves", "--format", "json"])
    assert listed.exit_code == 0 and {(q["found_by"], q["resolved_by"]) for q in json.loads(listed.output)} == {("according_to", "surname")}
    as_csv = CliRunner().invoke(app, ["quotes", "--db", str(provenance_db), "--speaker", "Reeves", "--format", "csv"]).output
    assert {(r["found_by"], r["resolved_by"]) for r in csv.DictReader(as_csv.splitlines())} == {("according_to", "surname")}
    with open_database(f"sqlite:///{provenance_db}").sessions() as session:
        for fmt in ("jsonl", "parquet"):
            write(session, "quotes", fmt, tmp_path / f"quotes.{fmt}")
            write(session, "events", fmt, tmp_path / f"events.{fmt}")
    quotes = pq.read_table(tmp_path / "quotes.parquet").to_pylist()
    assert {q["found_by"] for q in quotes} == {"according_to", None}
    events = [json.loads(line) for line in (tmp_path / "events.jsonl").read_text().splitlines()]
    sources = [s for e in events for s in e["sources"]]
    assert {s["found_by"] for s in sources} == {"defect_verb", None}
    assert FILLED in [s["filled_by"] for s in sources]
    stored = [s for e in pq.read_table(tmp_path / "events.parquet").to_pylist() for s in e["sources"]]
    assert {s["found_by"] for s in stored} == {"defect_verb", None}


def test_serve_modules_import_one_another_one_way():
    """app, guard, api and pages share serve/common.py instead of importing each other (imports
    inside functions count)."""
    graph = grimp.build_graph("crossfloor")
    modules = {m for m in graph.modules if m.startswith("crossfloor.serve.")}
    edges = {(a, b) for a in modules for b in graph.find_modules_directly_imported_by(a) if b in modules}
    cycles = [(a, b) for a in modules for b in modules if a < b and graph.chain_exists(a, b) and graph.chain_exists(b, a)]
    assert edges and not cycles, cycles
