"""The command line end to end, on the bundled samples and on bad input."""

import json
import sqlite3

import pytest
from typer.testing import CliRunner

from crossfloor.cli import app

runner = CliRunner()
SAMPLES = "crossfloor/samples"


def invoke(*args):
    return runner.invoke(app, [str(a) for a in args])


def test_ingest_is_idempotent_and_quotes_are_queryable(tmp_path):
    db = tmp_path / "t.db"
    first = invoke("ingest", SAMPLES, "--db", db, "--processes", 1)
    assert first.exit_code == 0, first.output
    assert "stored 5 new article(s)" in first.output
    again = invoke("ingest", SAMPLES, "--db", db, "--processes", 1)
    assert "stored 0 new article(s)" in again.output and "5 already stored" in again.output
    out = invoke("quotes", "--db", db, "--speaker", "Okafor", "--format", "json")
    rows = json.loads(out.output)
    assert rows and all(r["speaker_resolved"] == "Maria Okafor" for r in rows)
    assert any("lightly" in r["text"] for r in rows)
    ashby = json.loads(invoke("quotes", "--db", db, "--contains", "deserve the chance", "--format", "json").output)
    assert ashby[0]["speaker_resolved"] == "Tom Ashby" and ashby[0]["venue"] == "BBC Radio Northfield"
    csv_out = invoke("quotes", "--db", db, "--format", "csv").output
    assert csv_out.splitlines()[0].startswith("article_id,")
    shown = invoke("show", 1, "--db", db)
    assert shown.exit_code == 0 and "Maria Okafor" in shown.output


def test_quotes_can_be_limited_to_what_was_said_or_what_was_thought(tmp_path, monkeypatch):
    monkeypatch.setenv("CROSSFLOOR_ATTRIBUTION_MODEL", "packaged")  # the tagger reports beliefs
    article = tmp_path / "belief.txt"
    article.write_text(
        "Council split over tram plan\n\n"
        "Most Labour councillors believe the tram line will open before the election.\n\n"
        "The council leader said the budget for the line had doubled since March.\n"
    )
    db = tmp_path / "t.db"
    assert invoke("ingest", article, "--db", db, "--processes", 1).exit_code == 0

    def texts(*args):
        return {r["text"]: r["act"] for r in json.loads(invoke("quotes", "--db", db, "--format", "json", *args).output)}

    thought = "the tram line will open before the election"
    said = "the budget for the line had doubled since March"
    assert texts() == {thought: "thought", said: "said"}
    assert texts("--act", "thought") == {thought: "thought"}
    assert texts("--act", "said") == {said: "said"}
    assert invoke("quotes", "--db", db, "--act", "heard").exit_code == 2


def test_skipped_inputs_set_the_exit_status_unless_keep_going(tmp_path):
    bad = tmp_path / "in"
    bad.mkdir()
    (bad / "empty.txt").write_text("")
    db = tmp_path / "t.db"
    result = invoke("ingest", bad, SAMPLES + "/01_councillor_defects.txt", "--db", db, "--processes", 1)
    assert result.exit_code == 1
    assert "empty.txt: empty file" in result.output
    assert "stored 1 new article(s)" in result.output
    kept = invoke("ingest", bad, "--db", db, "--keep-going", "--processes", 1)
    assert kept.exit_code == 0


def test_broken_database_gives_one_clear_line_and_is_left_alone(tmp_path):
    db = tmp_path / "broken.db"
    db.write_bytes(b"this is not a database" * 100)
    before = db.read_bytes()
    result = invoke("quotes", "--db", db)
    assert result.exit_code == 2
    assert "broken.db: cannot use database" in result.output
    assert db.read_bytes() == before


def test_extract_contract(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text(
        json.dumps({"id": "a", "text": '"We will win," Ms Jo Park said.'}) + "\n"
        + "broken line\n"
        + json.dumps({"id": "b", "text": "Nothing quoted here at all."}) + "\n"
    )
    out = tmp_path / "out.jsonl"
    result = invoke("extract", src, "-o", out, "--processes", 2)
    assert result.exit_code == 0, result.output
    lines = [json.loads(l) for l in out.read_text().splitlines()]
    assert [l["id"] for l in lines] == ["a", None, "b"]
    q = lines[0]["quotes"][0]
    assert set(q) >= {"start", "end", "text", "kind", "speaker", "speaker_start", "speaker_end", "speaker_resolved", "cue", "cue_start", "cue_end", "venue"}
    assert q["speaker_resolved"] == "Jo Park" and lines[0]["events"] == []
    # The people named, as ingest links them against the record.
    assert lines[0]["people"] == [{"name": "Jo Park", "role": None, "party": None, "seat": None}]
    assert "error" in lines[1] and lines[2]["quotes"] == []


def test_stored_rows_match_extraction(tmp_path):
    db = tmp_path / "t.db"
    invoke("ingest", SAMPLES + "/03_wire_briefs.jsonl", "--db", db, "--processes", 1)
    with sqlite3.connect(db) as conn:
        rows = conn.execute("select a.text, q.start, q.end, q.text from quotes q join articles a on a.id = q.article_id").fetchall()
    assert rows
    for text, start, end, quote in rows:
        assert text[start:end] == quote


def test_events_are_stored_and_queryable(tmp_path):
    db = tmp_path / "t.db"
    assert invoke("ingest", SAMPLES, "--db", db, "--processes", 1).exit_code == 0
    switches = json.loads(invoke("events", "--db", db, "--type", "party_switch", "--format", "json").output)
    assert [(e["person"], e["from_party"], e["to_party"]) for e in switches] == [("Maria Okafor", "Liberal Democrat", "Green")]
    assert "defected to the Green Party" in switches[0]["sources"][0]["sentence"]
    reports = json.loads(invoke("events", "--db", db, "--per-article", "--format", "json").output)
    assert len(reports) == 5 and all("sentence" in r for r in reports)
    calls = json.loads(invoke("events", "--db", db, "--type", "by_election_call", "--format", "json").output)
    assert {(c["by"], c["stance"]) for c in calls} == {("James Holt", "for"), ("Labour spokesman", "against")}
    dated = json.loads(invoke("events", "--db", db, "--since", "2023-03-14", "--until", "2023-03-14", "--format", "json").output)
    assert [(e["type"], e["person"], e["office"]) for e in dated] == [("resignation", "Helen Marsh", "transport minister")]
    assert invoke("events", "--db", db, "--since", "14/03/2023").exit_code == 2
    shown = invoke("show", 2, "--db", db)
    assert "event: Helen Marsh resigned" in shown.output


def test_extract_resolves_event_dates_from_published(tmp_path):
    source = tmp_path / "in.jsonl"
    text = "Tory MP Christian Wakeford defected to Labour on Wednesday, saying the party had changed."
    source.write_text(json.dumps({"id": "a", "text": text, "published": "2022-01-20"}) + "\n" + json.dumps({"id": "b", "text": text}) + "\n")
    out = tmp_path / "out.jsonl"
    assert invoke("extract", source, "-o", out, "--processes", 1).exit_code == 0
    with_date, without = (json.loads(line)["events"][0] for line in out.read_text().splitlines())
    assert with_date["date"] == "2022-01-19"
    assert without["date"] is None and without["date_text"] == "Wednesday"


def test_kb_import_reports_a_bad_file_and_keeps_going(tmp_path):
    bad = tmp_path / "broken.json"
    bad.write_text("{not json")
    popolo = tmp_path / "popolo.json"
    popolo.write_text(json.dumps({"persons": [{"id": "p", "name": "Ana Silva"}], "memberships": []}))
    result = invoke("kb", "import", bad, popolo, "--db", tmp_path / "k.db")
    assert result.exit_code == 1
    assert f"{bad}: invalid JSON" in result.output and "1 persons" in result.output
    assert "popolo" in invoke("kb", "status", "--db", tmp_path / "k.db").output


def test_a_folder_of_files_that_are_not_articles_says_what_it_passed_over(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("a.pdf", "b.PDF", "c.bin", ".hidden"):
        (folder / name).write_bytes(b"%PDF-1.4 not an article")
    result = invoke("--fast", "ingest", folder, "--db", tmp_path / "t.db", "--processes", 1)
    assert result.exit_code == 0, result.output
    assert "stored 0 new article(s)" in result.output
    assert "passed over 3 file(s) that are not articles (2 .pdf, 1 .bin)" in result.output


def test_kb_who_names_every_holder_of_a_seat_and_bad_yaml_is_one_line(tmp_path):
    from tests.link.test_kb_sources import LEGISLATORS, SNAPSHOT

    folder = tmp_path / "us"
    folder.mkdir()
    (folder / "legislators-current.yaml").write_text(LEGISLATORS)
    (folder / "legislators-current.2022-12-23.yaml").write_text(SNAPSHOT)
    db = tmp_path / "us.db"
    imported = invoke("kb", "import", folder, "--db", db)
    assert imported.exit_code == 0, imported.output
    assert "legislators-current.yaml: 2 persons" in imported.output and "file(s) in" in imported.output
    who = invoke("kb", "who", "senator from Ohio", "--on", "2019-03-01", "--db", db)
    assert who.exit_code == 0 and who.output.splitlines() == ["Jane Zephyr  (Z000001)", "Rob Xavier  (X000003)"]
    assert invoke("kb", "who", "senator from Ohio", "--on", "1990-01-01", "--db", db).exit_code == 1
    broken = tmp_path / "legislators-current.yaml"
    broken.write_text("- id: [unclosed\n")
    result = invoke("kb", "import", broken, "--db", db)
    assert result.exit_code == 1 and "Traceback" not in result.output
    errors = [line for line in result.output.splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and errors[0].startswith(f"error: {broken}: invalid YAML (") and errors[0].endswith("at line 2)")


def test_the_first_ctrl_c_asks_and_the_second_stops():
    import os
    import signal

    from crossfloor.cli.common import stop_between_articles

    # As from a terminal: a test run started in the background (a shell's '&') inherits Ctrl-C
    # ignored, and then the ingest rightly leaves it ignored.
    before = signal.signal(signal.SIGINT, signal.default_int_handler)
    with stop_between_articles() as stop:
        assert not stop()
        os.kill(os.getpid(), signal.SIGINT)
        assert stop()  # asked, not raised: the article in hand is finished
        with pytest.raises(KeyboardInterrupt):
            os.kill(os.getpid(), signal.SIGINT)
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler
    signal.signal(signal.SIGINT, before)
