"""`crossfloor evaluate quotes|events --by-rule` prints precision per pass, and `--without PASS`
sets the figures without a pass beside the full pipeline's. The pipeline is stood in for by
predictions written here (the rule passes themselves are measured by their own tests)."""

import json

import pytest
from typer.testing import CliRunner

from crossfloor.analyse import pipeline
from crossfloor.cli import app

TEXT = 'The plan is dead, according to Ann Lee. "We start again," she said. Ann Lee has defected from the Conservatives to Labour.'
GOLD = {
    "id": "a", "text": TEXT, "published": "2024-03-01",
    "quotes": [{"start": 0, "end": 17, "kind": "indirect", "speaker": "Ann Lee"}, {"start": 40, "end": 57, "kind": "direct", "speaker": "Ann Lee"}],
    "events": [{"type": "party_switch", "person": "Ann Lee", "from_party": "Conservative", "to_party": "Labour"}],
}
QUOTES = [
    {"start": 0, "end": 17, "text": TEXT[:17], "kind": "indirect", "speaker_resolved": "Ann Lee", "found_by": "according_to", "resolved_by": "exact_name"},
    {"start": 40, "end": 57, "text": TEXT[40:57], "kind": "direct", "speaker_resolved": "Ann Lee", "found_by": "sentence_final_cue", "resolved_by": "pronoun_by_salience"},
]
EVENT = {"type": "party_switch", "person": "Ann Lee", "from_party": "Conservative", "to_party": "Labour", "found_by": "defect_verb", "filled_by": {"to_party": "party_after_to"}}


def invoke(*args):
    return CliRunner().invoke(app, [str(a) for a in args])


@pytest.fixture()
def gold(tmp_path):
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(GOLD) + "\n")
    return path


def test_by_rule_prints_and_writes_precision_per_pass(gold, tmp_path):
    predictions = tmp_path / "pred.jsonl"
    predictions.write_text(json.dumps({"id": "a", "quotes": QUOTES, "events": [EVENT]}) + "\n")
    out = tmp_path / "scores.json"
    shown = invoke("evaluate", "quotes", gold, "--pred", predictions, "--by-rule", "--json", out, "--texts", tmp_path)
    assert shown.exit_code == 0, shown.output
    assert "according_to" in shown.output and "pronoun_by_salience" in shown.output
    tables = json.loads(out.read_text())["by_rule"]
    assert {row["pass"]: row["matched"] for row in tables["found_by"]} == {"according_to": 1, "sentence_final_cue": 1}
    assert {row["pass"]: row["speaker_right"] for row in tables["resolved_by"]} == {"exact_name": 1, "pronoun_by_salience": 1}
    events = invoke("evaluate", "events", gold, "--pred", predictions, "--by-rule", "--json", out, "--texts", tmp_path)
    assert events.exit_code == 0, events.output
    tables = json.loads(out.read_text())["by_rule"]
    assert tables["found_by"] == [{"pass": "defect_verb", "predicted": 1, "right": 1, "precision": 1.0}]
    assert tables["filled_by"] == [{"pass": "party_after_to", "filled": 1, "right": 1, "precision": 1.0}]
    plain = invoke("evaluate", "events", gold, "--pred", predictions, "--json", out, "--texts", tmp_path)
    assert plain.exit_code == 0 and "by_rule" not in json.loads(out.read_text())


def test_without_sets_the_figures_beside_the_full_pipelines(gold, tmp_path, monkeypatch):
    from crossfloor.evaluate import run

    asked = []

    def predict(gold_docs, predictions=None, processes=None, dated=False, without=None):
        asked.append(without)
        kept = [q for q in QUOTES if q["found_by"] not in (without or ())]
        return [{"id": "a", "quotes": kept, "events": [EVENT]}]

    monkeypatch.setattr(pipeline, "default_passes", lambda component: {"crossfloor_attribution": ("according_to", "sentence_final_cue")}.get(component, ()))
    monkeypatch.setattr(run, "predict", predict)
    out = tmp_path / "scores.json"
    shown = invoke("evaluate", "quotes", gold, "--without", "sentence_final_cue", "--json", out, "--texts", tmp_path)
    assert shown.exit_code == 0, shown.output
    assert asked == [(), ("sentence_final_cue",)]  # every pass on, then the one off
    assert "without sentence_final_cue" in shown.output and "-0.500" in shown.output
    compared = json.loads(out.read_text())["without"]
    first = compared["comparison"][0]
    assert compared["passes"] == ["sentence_final_cue"] and first["measure"].startswith("overlap")
    assert (first["full"]["recall"], first["without"]["recall"], first["difference"]["recall"]) == (1.0, 0.5, -0.5)


def test_without_names_a_known_pass_and_runs_the_pipeline(gold, tmp_path, monkeypatch):
    monkeypatch.setattr(pipeline, "default_passes", lambda component: {"crossfloor_speakers": ("exact_name", "surname")}.get(component, ()))
    unknown = invoke("evaluate", "quotes", gold, "--without", "surnames", "--texts", tmp_path)
    assert unknown.exit_code == 2 and "no pass called surnames; the passes are: exact_name, surname" in unknown.output
    predictions = tmp_path / "pred.jsonl"
    predictions.write_text(json.dumps({"id": "a", "quotes": QUOTES, "events": []}) + "\n")
    both = invoke("evaluate", "events", gold, "--pred", predictions, "--without", "surname", "--texts", tmp_path)
    assert both.exit_code == 2 and "leave out --pred" in both.output
