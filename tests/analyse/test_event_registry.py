"""Adding an event type is one module (here, a class) plus its words: the finder reads it, the
extract contract carries its fields, the scorer scores it and outputs describe it."""

import json
from importlib import resources

import pytest

from crossfloor.analyse.events import REGISTRY, EventType, Key


class Deselection(EventType):
    """'X was deselected by her local party': made up for this test."""

    name = "deselection"
    fields = ("person", "seat", "reason")
    view_fields = ("person", "seat")
    people_fields = ("person",)
    participant = "person"
    merge_keys = ("person",)
    link_column = "person_id"
    agree_fields = ()
    score_keys = (Key("person", "person"),)

    @classmethod
    def describe(cls, event: dict) -> str:
        return f"{event.get('person')} deselected"

    @property
    def trigger_verbs(self):
        return self.words["verbs"]

    def classify_verb(self, finder, doc, verb, obj, passive):
        return "" if verb.lemma_.lower() in self.words["verbs"] and passive else None


@pytest.fixture
def with_deselection(monkeypatch, tmp_path):
    monkeypatch.setitem(REGISTRY, "deselection", Deselection)
    words = json.loads(resources.files("crossfloor.data").joinpath("events.json").read_text(encoding="utf-8"))
    words["deselection"] = {"verbs": ["deselect", "deselecte"]}  # the lemmatiser reads "deselected" as "deselecte"
    path = tmp_path / "events.json"
    path.write_text(json.dumps(words), encoding="utf-8")
    return str(path)


def test_a_new_type_is_found_output_scored_and_described(nlp, with_deselection):
    from crossfloor.analyse.events.finder import EventFinder
    from crossfloor.analyse.events.lexicon import event_lexicon
    from crossfloor.analyse.lexicon import party_lexicon, people_lexicon
    from crossfloor.analyse.speakers import SpeakerResolver
    from crossfloor.evaluate import score_events
    from crossfloor.present import describe_event

    text = "Councillor Jane Doe was deselected by her local party on Friday after a row over housing."
    doc = nlp(text)
    finder = EventFinder(event_lexicon(with_deselection), party_lexicon(), SpeakerResolver(people_lexicon(), party_lexicon()))
    events = [e.to_dict() for e in finder(doc)]
    found = [e for e in events if e["type"] == "deselection"]
    assert len(found) == 1
    assert found[0]["person"] == "Jane Doe"
    assert set(found[0]) >= {"person", "seat", "reason", "date_text", "evidence"} and "office" not in found[0]
    assert describe_event(found[0]) == "Jane Doe deselected"
    gold = [{"id": "d", "text": text, "events": [{"type": "deselection", "person": "Jane Doe"}]}]
    scores = score_events(gold, {"d": events}).as_dict()
    assert scores["by_type"]["deselection"]["tp"] == 1


def test_without_its_module_the_words_alone_find_nothing(nlp, with_deselection, monkeypatch):
    from crossfloor.analyse.events.finder import EventFinder
    from crossfloor.analyse.events.lexicon import event_lexicon
    from crossfloor.analyse.lexicon import party_lexicon, people_lexicon
    from crossfloor.analyse.speakers import SpeakerResolver

    monkeypatch.delitem(REGISTRY, "deselection")
    doc = nlp("Councillor Jane Doe was deselected by her local party on Friday.")
    finder = EventFinder(event_lexicon(with_deselection), party_lexicon(), SpeakerResolver(people_lexicon(), party_lexicon()))
    assert not [e for e in finder(doc) if e.type == "deselection"]
