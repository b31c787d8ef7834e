"""Adding an event type is its spec (crossfloor/schema/events.py), its module (here, a class) and
its words: the finder reads it, the extract contract carries its fields, the scorer scores it,
outputs describe it and its trigger pass can be switched off."""

import json
from importlib import resources

import pytest

from crossfloor.analyse.events import DEFAULT_PASSES, REGISTRY, EventType
from crossfloor.analyse.events.record import Event
from crossfloor.schema import events as schema
from crossfloor.schema.events import SPECS, EventSpec, FieldSpec, Key

DESELECTION = EventSpec(
    name="deselection",
    field_specs=(FieldSpec("person", "person", merge="longer"), FieldSpec("seat", "place"), FieldSpec("reason", "text", across=False)),
    participant="person",
    merge_keys=("person",),
    link_column="person_id",
    agree_fields=(),
    score_keys=(Key("person", "person"),),
    describe=lambda event: f"{event.get('person')} deselected",
)


class Deselection(EventType):
    """'X was deselected by her local party': made up for this test."""

    spec = DESELECTION

    @property
    def trigger_verbs(self):
        return self.words["verbs"]

    def classify_verb(self, doc, verb, obj, passive):
        return "" if verb.lemma_.lower() in self.words["verbs"] and passive else None


@pytest.fixture
def with_deselection(monkeypatch, tmp_path):
    monkeypatch.setitem(SPECS, "deselection", DESELECTION)
    monkeypatch.setitem(REGISTRY, "deselection", Deselection)
    words = json.loads(resources.files("crossfloor.data").joinpath("events.json").read_text(encoding="utf-8"))
    words["deselection"] = {"verbs": ["deselect", "deselecte"]}  # the lemmatiser reads "deselected" as "deselecte"
    path = tmp_path / "events.json"
    path.write_text(json.dumps(words), encoding="utf-8")
    return str(path)


def finder_for(lexicon_path, passes=None):
    from crossfloor.analyse.events.finder import EventFinder
    from crossfloor.analyse.events.lexicon import event_lexicon
    from crossfloor.analyse.lexicon import party_lexicon, people_lexicon
    from crossfloor.analyse.speakers import SpeakerResolver

    return EventFinder(event_lexicon(lexicon_path), party_lexicon(), SpeakerResolver(people_lexicon(), party_lexicon()), passes)


DESELECTED = "Councillor Jane Doe was deselected by her local party on Friday after a row over housing."


def test_a_new_type_is_found_output_scored_and_described(nlp, with_deselection):
    from crossfloor.evaluate import score_events
    from crossfloor.present import describe_event

    events = [e.to_dict() for e in finder_for(with_deselection)(nlp(DESELECTED))]
    found = [e for e in events if e["type"] == "deselection"]
    assert len(found) == 1
    assert found[0]["person"] == "Jane Doe"
    assert set(found[0]) >= {"person", "seat", "reason", "date_text", "evidence"} and "office" not in found[0]
    assert found[0]["found_by"] == "verb:deselecte"
    assert found[0]["filled_by"]["person"] == "participants.name"
    assert describe_event(found[0]) == "Jane Doe deselected"
    gold = [{"id": "d", "text": DESELECTED, "events": [{"type": "deselection", "person": "Jane Doe"}]}]
    scores = score_events(gold, {"d": events}).as_dict()
    assert scores["by_type"]["deselection"]["tp"] == 1


def test_a_new_type_has_its_trigger_pass_which_can_be_switched_off(nlp, with_deselection):
    from crossfloor.analyse.events.passes import default_passes

    passes = default_passes(REGISTRY.values())
    assert "deselection_verbs" in passes and "deselection_verbs" not in DEFAULT_PASSES
    without = [p for p in passes if p != "deselection_verbs"]
    assert not [e for e in finder_for(with_deselection, without)(nlp(DESELECTED)) if e.type == "deselection"]


def test_without_its_module_the_words_alone_find_nothing(nlp, with_deselection, monkeypatch):
    monkeypatch.delitem(REGISTRY, "deselection")
    doc = nlp("Councillor Jane Doe was deselected by her local party on Friday.")
    assert not [e for e in finder_for(with_deselection)(doc) if e.type == "deselection"]


def test_the_analyse_side_follows_the_specs():
    assert tuple(REGISTRY) == schema.names()
    assert all(kind.spec is SPECS[name] for name, kind in REGISTRY.items())


@pytest.mark.parametrize("name", schema.names())
def test_every_declared_field_is_a_field_of_the_record(name):
    record_fields = set(Event.__dataclass_fields__)
    assert set(schema.public_fields(name)) <= record_fields
    assert {k.field for k in SPECS[name].score_keys} <= set(SPECS[name].fields)
    assert set(SPECS[name].merge_keys) <= set(SPECS[name].fields)


def test_per_field_lists_come_from_the_field_specs():
    assert schema.people_fields() == ("person", "by", "target", "against")
    assert schema.party_fields() == ("from_party", "to_party", "by_party")
    assert schema.view_fields() == ("person", "from_party", "to_party", "seat", "subtype", "by", "by_party", "target", "stance", "action", "count", "against", "office")
    merged = {f.name: f.merge for f in SPECS["resignation"].merging()}
    assert merged == {"date_text": "fill", "person": "longer", "office": "specific", "seat": "fill", "reason": "fill"}


def test_no_events_module_names_a_type():
    """A type knows its own name from its spec and another's only through a spec's relation
    (a by-election call is `about` a party switch), so no module of analyse/events names one."""
    from pathlib import Path

    import crossfloor.analyse.events as package

    for module in Path(package.__file__).parent.glob("*.py"):
        text = module.read_text(encoding="utf-8")
        assert not [name for name in schema.names() if f'"{name}"' in text], module.name


def test_an_unknown_pass_is_an_error_naming_the_known_ones():
    with pytest.raises(ValueError, match="party_switch_verbs"):
        finder_for(None, ["no_such_pass"])
