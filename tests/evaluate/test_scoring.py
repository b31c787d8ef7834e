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
