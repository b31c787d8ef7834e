"""One pipeline, one answer: a Doc from `crossfloor.load()` carries the events and quotes that
`crossfloor extract` (and so `ingest`) finds in the same text."""

import json

import pytest
from typer.testing import CliRunner

import crossfloor
from crossfloor.cli import app

# Made up: a Canadian floor-crossing and a call for a by-election, with the page furniture a
# scraper leaves (a dateline, a share line, an advertisement).
ARTICLE = """Ottawa MP crosses the floor to join the Liberals

OTTAWA — Conservative MP Dana Whitfield crossed the floor on Tuesday to sit with the Liberal caucus, saying her party had "stopped listening" to rural voters.

"I did not take this decision lightly," Whitfield told reporters on Parliament Hill.

Conservative leader Marc Bellamy said Whitfield should resign her seat and run in a by-election if she believed voters agreed with her.

Share this article
Advertisement
"""


@pytest.fixture(scope="module")
def nlp():
    return crossfloor.load(fast=True)


def extracted(tmp_path, published=None):
    lines = tmp_path / "in.jsonl"
    lines.write_text(json.dumps({"id": 1, "text": ARTICLE, **({"published": published} if published else {})}) + "\n")
    result = CliRunner().invoke(app, ["--fast", "extract", str(lines), "--processes", "1"])
    assert result.exit_code == 0, result.output
    return json.loads(result.output.splitlines()[0])


@pytest.mark.parametrize("published", [None, "2024-03-14"])
def test_the_library_and_extract_give_the_same_events_and_quotes(nlp, tmp_path, published):
    record = extracted(tmp_path, published)
    doc = nlp(ARTICLE, published=published) if published else nlp(ARTICLE)
    events = [e.to_dict() for e in doc._.events]
    assert {e["type"] for e in events} == {"party_switch", "by_election_call"}
    assert events == record["events"]
    assert [q.to_dict() for q in doc._.quotes] == record["quotes"]
    if published:
        assert [e["date"] for e in events if e["type"] == "party_switch"] == ["2024-03-12"]


def test_the_pipeline_is_still_the_spacy_language(nlp):
    assert "crossfloor_events" in nlp.pipe_names
    assert [len(doc._.events) for doc in nlp.pipe([ARTICLE, "Nothing happened."])] == [2, 0]
