"""`crossfloor quotes` as `make run` shows it: the table at 80 columns when piped, the order of
the rows, and what --speaker searches."""

import json

import pytest
from typer.testing import CliRunner

from crossfloor.cli import app

runner = CliRunner()


@pytest.fixture(scope="module")
def samples_db(tmp_path_factory):
    db = tmp_path_factory.mktemp("listing") / "samples.db"
    result = runner.invoke(app, ["--fast", "ingest", "crossfloor/samples", "--db", str(db), "--processes", "1", "--quiet"])
    assert result.exit_code == 0, result.output
    return str(db)


def quotes(db, *args, **env):
    result = runner.invoke(app, ["quotes", "--db", db, *args], env=env)
    assert result.exit_code == 0, result.output
    return result.output


def test_the_quote_table_at_80_columns_piped_keeps_cues_whole_and_speaker_apart_from_role(samples_db):
    out = quotes(samples_db, COLUMNS="80")
    lines = out.splitlines()
    assert max(len(line) for line in lines) <= 80
    cells = [cell.strip() for line in lines for cell in line.split("│")]
    # 'According to Rebecca Shaw' (the quote filter drops 'according to a senior backbencher')
    for cue in ("According to", "has warned", "said", "told", "insisted"):
        assert cue in cells, cue
    assert not any(cell.endswith("…") and len(cell) <= 3 for cell in cells)  # no "sa…"
    # The role and party come in brackets after the name, never run on from it.
    speaker_cells = "\n".join(line.split("│")[2].strip() for line in lines if line.startswith("│"))
    assert "Tom Ashby\n(leader" in speaker_cells
    assert "Tom Ashby leader" not in " ".join(speaker_cells.split())


def test_quotes_are_listed_by_article_in_the_order_of_its_text(samples_db):
    rows = json.loads(quotes(samples_db, "--format", "json"))
    keys = [(r["article_id"], r["start"]) for r in rows]
    assert keys == sorted(keys) and len({a for a, _ in keys}) == 5
    assert len(rows) > 5 and [r["article_id"] for r in json.loads(quotes(samples_db, "--format", "json", "--limit", "3"))] == [1, 1, 1]


def test_speaker_searches_the_role_too_and_takes_wildcards_literally(samples_db):
    def speakers(words):
        return {r["speaker_resolved"] for r in json.loads(quotes(samples_db, "--speaker", words, "--format", "json"))}

    assert speakers("transport minister") == {"Helen Marsh"}
    assert speakers("LEADER OF THE LIBERAL") == {"Tom Ashby"}
    assert speakers("okafor") == {"Maria Okafor"}
    assert speakers("%") == set() and speakers("_") == set()
