"""The scorer compares what a reader would call the same: people by name, roles by their words,
venues by the outlet they name; and gold kept as offsets gets its text from the corpus."""

import gzip
import json

import pytest

from crossfloor.evaluate.names import same_person_or_role, same_venue
from crossfloor.evaluate.quotes import score
from crossfloor.evaluate.run import GoldProblem, read_gold


@pytest.mark.parametrize(
    ("gold", "predicted", "same"),
    [
        ("Donald Trump", "Donald J. Trump", True),
        ("Trump", "Donald Trump", True),
        ("Jesse L. Jackson Jr.", "Jesse Jackson", True),
        ("Joan Woodward", "Shaun Woodward", False),
        ("Health Secretary", "Health Secretary", True),
        ("Health Secretary", "Sajid Javid", False),
        ("Mueller's report", "Robert Mueller's report", True),
        ("CBO", "Congressional Budget Office", True),
        ("Department of Ports", "DOP", True),
        ("CBO", "Congressional Research Service", False),
    ],
)
def test_resolved_speakers(gold, predicted, same):
    assert same_person_or_role(gold, predicted) is same


def test_venues_agree_when_one_names_the_other():
    assert same_venue("CNN", "an interview with CNN's Anderson Cooper")
    assert same_venue(None, None) and not same_venue("Sky News", None) and not same_venue("Sky News", "BBC Radio 4")


def test_resolved_mode_scores_the_person_not_the_pronoun():
    text = 'Jane Roe said the plan was fine. "It works," she said.'
    gold = [{"id": "a", "text": text, "quotes": [{"start": 14, "end": 31, "text": text[14:31], "kind": "indirect", "speaker": "Jane Roe"}]}]
    right = {"a": [{"start": 14, "end": 31, "text": text[14:31], "kind": "indirect", "speaker": "Jane Roe", "speaker_resolved": "Jane Roe"}]}
    wrong = {"a": [{"start": 14, "end": 31, "text": text[14:31], "kind": "indirect", "speaker": "she", "speaker_resolved": "Bob Doe"}]}
    assert score(gold, right, speakers="resolved").as_dict()["with_right_speaker"]["f1"] == 1.0
    assert score(gold, wrong, speakers="resolved").as_dict()["with_right_speaker"]["f1"] == 0.0


def test_gold_kept_as_offsets_reads_its_text_from_the_corpus(tmp_path):
    corpus = tmp_path / "corpus" / "articles.jsonl.gz"
    corpus.parent.mkdir()
    with gzip.open(corpus, "wt", encoding="utf-8") as out:
        out.write(json.dumps({"id": "x/1", "published": "2020-02-03", "text": "Ann Lee said the vote was close. More text follows here."}) + "\n")
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"id": "x/1", "source": "corpus/articles.jsonl.gz", "end": 32, "quotes": [{"start": 13, "end": 31, "kind": "indirect", "speaker": "Ann Lee"}]}) + "\n")
    [doc] = read_gold(gold, tmp_path)
    assert doc["text"] == "Ann Lee said the vote was close." and doc["published"] == "2020-02-03"
    assert doc["quotes"][0]["text"] == "the vote was close"
    gold.write_text(json.dumps({"id": "x/2", "source": "corpus/articles.jsonl.gz", "quotes": []}) + "\n")
    with pytest.raises(GoldProblem, match="not in this corpus"):
        read_gold(gold, tmp_path)


def test_by_rule_counts_what_each_pass_found_and_how_much_was_right():
    text = 'The plan is dead, according to Ann Lee. "We start again," she said. Bob Doe said taxes would fall.'
    gold = [{"id": "a", "text": text, "quotes": [
        {"start": 0, "end": 17, "text": text[:17], "kind": "indirect", "speaker": "Ann Lee"},
        {"start": 40, "end": 57, "text": text[40:57], "kind": "direct", "speaker": "Ann Lee"},
    ]}]
    predicted = {"a": [
        {"start": 0, "end": 17, "text": text[:17], "kind": "indirect", "speaker_resolved": "Ann Lee", "found_by": "according_to", "resolved_by": "exact_name"},
        {"start": 40, "end": 57, "text": text[40:57], "kind": "direct", "speaker_resolved": "Bob Doe", "found_by": "sentence_final_cue", "resolved_by": "pronoun_by_salience"},
        {"start": 78, "end": 97, "text": text[78:97], "kind": "indirect", "speaker_resolved": "Bob Doe", "found_by": "clausal_complement", "resolved_by": "exact_name"},
        {"start": 40, "end": 57, "text": "taxes would fall soon", "kind": "indirect", "speaker_resolved": None},  # an old prediction: no provenance
    ]}
    tables = score(gold, predicted, speakers="resolved").by_rule()
    found = {row["pass"]: row for row in tables["found_by"]}
    assert found["according_to"] == {"pass": "according_to", "predicted": 1, "matched": 1, "precision": 1.0}
    assert found["clausal_complement"]["matched"] == 0 and found["clausal_complement"]["precision"] == 0.0
    assert found["(unknown)"]["predicted"] == 1
    resolved = {row["pass"]: row for row in tables["resolved_by"]}
    assert resolved["exact_name"] == {"pass": "exact_name", "resolved": 2, "matched": 1, "speaker_right": 1, "precision": 1.0}
    assert resolved["pronoun_by_salience"] == {"pass": "pronoun_by_salience", "resolved": 1, "matched": 1, "speaker_right": 0, "precision": 0.0}
    assert resolved["(unresolved)"]["resolved"] == 1


def test_by_rule_for_events_judges_each_filled_field_against_the_gold():
    from crossfloor.evaluate.events import score_events

    gold = [{"id": "a", "text": "...", "events": [
        {"type": "party_switch", "person": "Ann Lee", "from_party": "Conservative", "to_party": "Labour", "date": "2024-03-01"},
        {"type": "party_switch", "person": "Bob Doe", "from_party": "Labour", "to_party": "Reform UK"},
    ]}]
    right = {"type": "party_switch", "person": "Ann Lee", "from_party": "Conservative", "to_party": "Labour", "date": "2024-03-02",
             "found_by": "defect_verb", "filled_by": {"person": "subject_of_verb", "to_party": "party_after_to", "date": "date_words"}}
    wrong_party = {"type": "party_switch", "person": "Bob Doe", "from_party": "Labour", "to_party": "Green",
                   "found_by": "join_noun", "filled_by": {"person": "subject_of_verb", "to_party": "party_after_to", "reason": "because_clause"}}
    old = {"type": "party_switch", "person": "Cal Roe", "from_party": None, "to_party": "Labour"}
    tables = score_events(gold, {"a": [right, wrong_party, old]}).by_rule()
    found = {row["pass"]: row for row in tables["found_by"]}
    assert found["defect_verb"] == {"pass": "defect_verb", "predicted": 1, "right": 1, "precision": 1.0}
    assert found["join_noun"]["right"] == 0 and found["(unknown)"]["predicted"] == 1
    filled = {row["pass"]: row for row in tables["filled_by"]}
    # Bob Doe's event matched nothing, but is judged against the gold switch of the same person
    assert filled["subject_of_verb"] == {"pass": "subject_of_verb", "filled": 2, "right": 2, "precision": 1.0}
    assert filled["party_after_to"] == {"pass": "party_after_to", "filled": 2, "right": 1, "precision": 0.5}
    assert filled["date_words"]["right"] == 0  # 2 March, not 1 March
    assert "because_clause" not in filled  # the gold gives no reason
