"""Accuracy on the shared gold data, measured with the project's own scorer."""

import json

import pytest

from crossfloor.evaluate import score
from crossfloor.extraction import extract_lines
from tests.conftest import read_jsonl, shared_file


@pytest.fixture(autouse=True)
def shipped_default(monkeypatch):
    """Accuracy is measured on what a user runs: the rules with the learned quote filter."""
    monkeypatch.setenv("CROSSFLOOR_ATTRIBUTION_MODEL", "none")
    monkeypatch.delenv("CROSSFLOOR_QUOTE_FILTER", raising=False)


def evaluate(path, processes=2):
    gold = read_jsonl(path)
    lines = (json.dumps({"id": d["id"], "text": d["text"]}) for d in gold)
    predictions = {str(r["id"]): r["quotes"] for r in extract_lines(lines, processes=processes)}
    return score(gold, predictions)


def test_seeds_meet_the_core_bar():
    result = evaluate(shared_file("gold", "seeds.gold.jsonl"))
    assert result.found_with_speaker >= 29, result.errors
    assert result.spurious <= 3, [e for e in result.errors if e["kind"] == "spurious"]


def test_polnear_dev_by_default():
    """The default on PolNeAR dev: direct+mixed and speakers meet the core issue's bars (>= 0.80,
    >= 0.85). Overall overlap F1 is 0.565 (P 0.886, R 0.415), below the core issue's 0.60: the
    tagger that carried it is no longer the default (it was mostly wrong on news) and the quote
    filter drops indirect quotes PolNeAR counts (beliefs, plans, polls) that this project's
    conventions do not. The filter retrained with the counted-group feature took it from 0.575
    to 0.565 while indirect 'quotes' that are not speech on the stream's validation part fell
    from 6 of 30 to 3 of 27; the figure is held here so that it falls no further."""
    data = evaluate(shared_file("benchmarks", "quotes", "polnear-dev.jsonl")).as_dict()
    assert data["overlap"]["f1"] >= 0.56
    assert data["direct_mixed"]["f1"] >= 0.80
    assert data["speaker_accuracy"] >= 0.85


def test_polnear_dev_with_the_tagger_meets_the_core_bars(monkeypatch):
    """With --tagger (PolNeAR's conventions, no quote filter): overlap F1 >= 0.60 overall and >= 0.80
    on direct+mixed, speakers >= 0.85; and the exact spans the tagger brings (measured 0.720 /
    0.660 / 0.571; rules alone 0.638 / 0.588 / 0.515)."""
    monkeypatch.setenv("CROSSFLOOR_ATTRIBUTION_MODEL", "packaged")
    data = evaluate(shared_file("benchmarks", "quotes", "polnear-dev.jsonl")).as_dict()
    assert data["overlap"]["f1"] >= 0.68
    assert data["direct_mixed"]["f1"] >= 0.80
    assert data["speaker_accuracy"] >= 0.85
    exact = data["exact"]
    assert exact["source"]["f1"] >= 0.71
    assert exact["cue"]["f1"] >= 0.65
    assert exact["content"]["f1"] >= 0.56


def evaluate_events(path, texts=None):
    from crossfloor.evaluate import score_events

    gold = read_jsonl(path)
    for doc in gold:
        if "text" not in doc:
            doc["text"] = (texts / doc["file"]).read_text(encoding="utf-8")
    lines = (json.dumps({"id": d["id"], "text": d["text"], "published": d.get("published")}) for d in gold)
    predictions = {str(r["id"]): r["events"] for r in extract_lines(lines, processes=2)}
    return score_events(gold, predictions).as_dict()


def test_seed_events():
    """The events issue asks for all 13; 11 are found with every key field today (the two
    no-confidence letters name 'the Prime Minister', whom the seeds never name)."""
    data = evaluate_events(shared_file("gold", "seeds.gold.jsonl"))
    assert data["overall"]["tp"] >= 11
    assert data["overall"]["predicted"] - data["overall"]["tp"] <= 2
    assert data["date_accuracy"] == 1.0


def test_bbc_development_events():
    """The team's own annotation of BBC politics articles (tests/gold): precision first."""
    from tests.conftest import ROOT

    shared_file("corpora", "bbc-politics")
    data = evaluate_events(ROOT / "tests" / "gold" / "bbc-events.dev.jsonl", shared_file("corpora"))
    assert data["overall"]["precision"] >= 0.80
    assert data["overall"]["f1"] >= 0.78


def test_allsides_development_set():
    """The team's hand-annotated allsides articles (44, 31 outlets; tests/gold/README.md), speakers
    as resolved people. Measured at this commit: quotes overlap F1 0.837, with the right speaker
    F1 0.802, speaker accuracy 0.958; events F1 0.875 (party switches 0.769), dates right 4 of
    13 (no event is dated by its publication day any more)."""
    from crossfloor.evaluate.run import evaluate_events as run_events
    from crossfloor.evaluate.run import evaluate_quotes as run_quotes
    from tests.conftest import ROOT

    corpora = shared_file("corpora")
    shared_file("corpora", "allsides", "articles.jsonl.gz")
    gold = ROOT / "tests" / "gold" / "allsides.dev.jsonl"
    quotes = run_quotes(gold, processes=2, speakers="resolved", texts=corpora).as_dict()
    assert quotes["overlap"]["f1"] >= 0.78
    assert quotes["with_right_speaker"]["f1"] >= 0.70
    assert quotes["speaker_accuracy"] >= 0.88
    events = run_events(gold, corpora, processes=2).as_dict()
    assert events["overall"]["f1"] >= 0.82
    assert events["by_type"]["party_switch"]["f1"] >= 0.7


@pytest.mark.slow
def test_validation_parts_of_the_new_sets():
    """The validation parts (tests/gold/split.json) of the Wikinews, UK and whole-article sets,
    never tuned on; measured at this commit: right-speaker F1 0.674, 0.722 and 0.732, speaker
    accuracy 0.883, 0.919 and 0.904; UK events 8 of 9 predicted right. (Interview transcripts
    took the Wikinews part from 0.553 and 0.849: their turns first came with 37 interviewer's
    turns given a body called by the label's initials, 0.599 and 0.784, until the interviewer
    was told by an outlet named paragraphs before the transcript.)"""
    from crossfloor.evaluate.run import evaluate_events as run_events
    from crossfloor.evaluate.run import evaluate_quotes as run_quotes
    from tests.conftest import ROOT

    corpora = shared_file("corpora")
    gold = ROOT / "tests" / "gold"
    wikinews = run_quotes(gold / "wikinews.dev.jsonl", processes=2, speakers="resolved", texts=corpora, part="validate").as_dict()
    assert wikinews["with_right_speaker"]["f1"] >= 0.65 and wikinews["speaker_accuracy"] >= 0.86
    uk = run_quotes(gold / "allsides-uk.dev.jsonl", processes=2, speakers="resolved", texts=corpora, part="validate").as_dict()
    assert uk["with_right_speaker"]["f1"] >= 0.71 and uk["speaker_accuracy"] >= 0.91
    whole = run_quotes(gold / "allsides-whole.dev.jsonl", processes=2, speakers="resolved", texts=corpora, part="validate").as_dict()
    assert whole["with_right_speaker"]["f1"] >= 0.71 and whole["speaker_accuracy"] >= 0.89
    events = run_events(gold / "allsides-uk.dev.jsonl", corpora, processes=2, part="validate").as_dict()
    assert events["overall"]["precision"] >= 0.85


def test_joining_quotes_into_utterances_on_the_validation_pairs():
    """The validation part of the labelled pairs (tests/gold/utterance-pairs.jsonl), never tuned
    on; measured at this commit: pairwise precision 0.935, recall 0.853, F1 0.892; the kind of
    change right on 29 of 29 pairs both call the same. (Mixed quotes of a few quoted words
    joining one another, `echoes`, took it from 0.931, 0.794 and 0.857, and 26 of 27.)"""
    from crossfloor.evaluate.run import evaluate_utterances
    from tests.conftest import ROOT

    result = evaluate_utterances(ROOT / "tests" / "gold" / "utterance-pairs.jsonl", shared_file("corpora"), part="validate").as_dict()
    assert result["joining"]["precision"] >= 0.9 and result["joining"]["f1"] >= 0.87
    assert result["kind_accuracy"]["accuracy"] >= 0.9


def test_flags_a_user_sees_on_the_stream_are_mostly_right():
    """The validation part of the flagged renderings drawn from the whole allsides store
    (tests/gold/utterance-flags.jsonl). Measured at this commit: of 14 renderings the linker
    keeps (each joins its fullest wording itself), 13 are the utterance; 2 of 5 flags are right
    (a name changed, a negation added), where 2 of 12 were before the flags were read."""
    from crossfloor.evaluate.run import evaluate_utterances
    from tests.conftest import ROOT

    result = evaluate_utterances(ROOT / "tests" / "gold" / "utterance-flags.jsonl", shared_file("corpora"), part="validate").as_dict()
    assert result["joining"]["precision"] >= 0.9
    flags = result["flags"].values()
    right, wrong = sum(f["tp"] for f in flags), sum(f["fp"] for f in flags)
    assert right >= 2 and wrong <= 3
