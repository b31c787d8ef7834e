"""`crossfloor quotes --variants` and `crossfloor export --table utterances` on the made-up
newsroom of tests/serve/utterance_desk.py: the words several outlets quote, each outlet's
version of them, and one exported row per quote of each utterance."""

import csv
import io
import json

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from crossfloor.cli import app
from tests.serve import utterance_desk as desk

runner = CliRunner()


def invoke(*args):
    return runner.invoke(app, [str(a) for a in args])


@pytest.fixture(scope="module")
def newsroom(tmp_path_factory):
    path = tmp_path_factory.mktemp("variants") / "desk.db"
    return path, desk.build(f"sqlite:///{path}")


def test_variants_print_each_utterance_then_every_outlets_version(newsroom):
    db, _ = newsroom
    out = invoke("quotes", "--variants", "--db", db)
    assert out.exit_code == 0, out.output
    text = out.output
    assert text.index("Jane Roe · 2 outlets, 0 with different words") < text.index("Jane Roe · 5 outlets, 2 with different words") < text.index("John Doe · 2 outlets")
    assert "Daily Three · 2024-05-03 · changed · negation_lost" in text
    assert "Daily One · 2024-05-02 · verbatim (fullest)" in text
    assert "bridge" not in text  # quoted by one outlet only


def test_variants_are_filtered_by_change_and_speaker(newsroom):
    db, ids = newsroom
    found = json.loads(invoke("quotes", "--variants", "--change", "number_changed", "--format", "json", "--db", db).output)
    assert [u["id"] for u in found] == [ids["budget"], ids["hospital"]]
    assert all("ops" not in q for u in found for q in u["quotes"])
    doe = json.loads(invoke("quotes", "--variants", "--speaker", "doe", "--format", "json", "--db", db).output)
    assert [u["id"] for u in doe] == [ids["hospital"]]
    rows = list(csv.DictReader(io.StringIO(invoke("quotes", "--variants", "--speaker", "Roe", "--format", "csv", "--db", db).output)))
    assert len(rows) == 7 and {r["fullest_text"] for r in rows} == {desk.FULL, desk.RAILWAY}


@pytest.mark.parametrize(
    "args, message",
    [
        (("--variants", "--change", "misquoted"), "--change must be one of trimmed, spliced"),
        (("--change", "trimmed"), "--change needs --variants"),
        (("--variants", "--act", "said"), "--act does not apply with --variants"),
    ],
)
def test_a_bad_variants_option_is_one_line(newsroom, args, message):
    db, _ = newsroom
    out = invoke("quotes", *args, "--db", db)
    assert out.exit_code == 2 and message in out.output and len(out.output.strip().splitlines()) == 1


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
def test_the_export_writes_one_row_per_quote_of_each_utterance(newsroom, tmp_path, fmt):
    db, ids = newsroom
    out = invoke("export", "--output", tmp_path, "--format", fmt, "--table", "utterances", "--db", db)
    assert out.exit_code == 0, out.output
    assert "wrote 11 utterances" in out.output  # 5 + 2 + 2 quotes, and the bridge's 2 (one outlet, exported too)
    path = tmp_path / f"utterances.{fmt}"
    if fmt == "jsonl":
        rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    elif fmt == "csv":
        rows = list(csv.DictReader(path.open(encoding="utf-8")))
    else:
        rows = pq.read_table(path).to_pylist()
    fifty = next(r for r in rows if r["text"] == desk.FIFTY)
    assert (str(fifty["utterance_id"]), fifty["speaker"], fifty["outlet"], fifty["published"], fifty["kind"], fifty["flags"], fifty["fullest_text"]) == (
        str(ids["budget"]), "Jane Roe", "Daily Four", "2024-05-03", "changed", "number_changed", desk.FULL
    )
