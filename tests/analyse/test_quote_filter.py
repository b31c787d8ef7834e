"""The learned quote filter: what the rules propose, the model keeps or drops (sentences written
for these tests)."""

from crossfloor.analyse.quote_filter import QuoteFilter, features


def test_the_default_pipeline_drops_an_indirect_quote_nobody_said_and_keeps_a_named_one(nlp, rules_nlp):
    text = "It said the figures were wrong. Sarah Jones warned the party was heading for defeat."
    proposed = [q.text for q in rules_nlp(text)._.quotes]
    kept = [q.text for q in nlp(text)._.quotes]
    assert any("figures were wrong" in t for t in proposed)
    assert not any("figures were wrong" in t for t in kept)
    assert any("heading for defeat" in t for t in kept)


def test_quotes_whose_speaker_nothing_resolves_are_left_out_on_request(nlp):
    from crossfloor.analyse.pipeline import build_pipeline
    from crossfloor.settings import overriding

    text = '"We will not back down," read the banner at the front of the march. Jane Roe said the march was peaceful.'
    assert ("We will not back down,", None) in [(q.text, q.speaker_resolved) for q in nlp(text)._.quotes]
    with overriding(unattributed_quotes=False):
        attributed = build_pipeline()(text)._.quotes
    assert [(q.text, q.speaker_resolved) for q in attributed] == [("the march was peaceful", "Jane Roe")]


def test_direct_quotes_are_never_judged():
    model = QuoteFilter(weights={"kind=direct": -50.0}, bias=-50.0, threshold=0.5)
    assert model.keeps({"kind": "direct", "text": "We will win"})
    assert not model.keeps({"kind": "indirect", "text": "the party would win"})


def test_features_read_the_words_from_the_data():
    names = features({"kind": "indirect", "text": "that we should go", "speaker": "We", "cue": "argued", "found_by": "clausal_complement"})
    assert {"speaker=first or second person", "content=opens with that", "speaker=unresolved", "cue=argued", "cue=argued|indirect"} <= set(names)


def test_a_counted_group_is_told_from_a_person():
    assert "speaker=counted group" in features({"kind": "indirect", "text": "they had no preference", "speaker": "three of four voters", "cue": "said"})
    assert "speaker=counted group" in features({"kind": "indirect", "text": "they lost hours", "speaker": "67% of adults", "cue": "say"})
    assert "speaker=counted group" not in features({"kind": "indirect", "text": "the plan would fail", "speaker": "Jane Roe", "cue": "said"})


def test_training_learns_which_cues_report_speech_and_writes_a_loadable_model(tmp_path):
    from crossfloor.train.quote_filter import fit

    said = ["kind=indirect", "cue=said"]
    hoped = ["kind=indirect", "cue=hoped"]
    model = fit([(said, 1)] * 30 + [(said, 0)] * 3 + [(hoped, 0)] * 30 + [(hoped, 1)] * 3, threshold=0.5)
    path = tmp_path / "filter.json"
    import json

    path.write_text(json.dumps(model))
    loaded = QuoteFilter.load(path)
    assert loaded.keeps({"kind": "indirect", "text": "it would rain", "cue": "said", "speaker_resolved": "Jo Roe"})
    assert not loaded.keeps({"kind": "indirect", "text": "it would rain", "cue": "hoped", "speaker_resolved": "Jo Roe"})
    assert model["tuning"]["examples"] == 66 and model["kinds"] == ["indirect"]
