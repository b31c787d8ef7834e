"""`--without PASS` reaches the rule components: the settings (CROSSFLOOR_WITHOUT_PASSES) name
the passes to switch off, and build_pipeline gives each rule component the passes it runs, in
its declared order. The components' own passes are stubbed here: this is the wiring only."""

import pytest

from crossfloor.analyse import pipeline

STUB_PASSES = {
    "crossfloor_attribution": ("clausal_complement", "according_to", "colon_lead_in"),
    "crossfloor_speakers": ("exact_name", "surname", "pronoun_by_salience"),
    "crossfloor_events": ("defect_verb", "join_noun"),
}


class RecordingPipeline:
    """Stands in for the spaCy model: records what each add_pipe is given."""

    def __init__(self):
        self.configs: dict[str, dict] = {}

    def add_pipe(self, name: str, config: dict | None = None, **where):
        self.configs[name] = config


@pytest.fixture()
def stubbed(monkeypatch):
    monkeypatch.setattr(pipeline, "default_passes", STUB_PASSES.__getitem__)
    monkeypatch.setattr(pipeline, "load_model", RecordingPipeline)
    pipeline._pipeline.cache_clear()
    yield
    pipeline._pipeline.cache_clear()


def test_the_settings_switch_passes_off_in_every_rule_component(stubbed, monkeypatch):
    monkeypatch.setenv("CROSSFLOOR_WITHOUT_PASSES", "according_to, pronoun_by_salience")
    nlp = pipeline.build_pipeline("none")
    assert nlp.configs["crossfloor_attribution"] == {"passes": ["clausal_complement", "colon_lead_in"]}
    assert nlp.configs["crossfloor_speakers"] == {"passes": ["exact_name", "surname"]}
    assert nlp.configs["crossfloor_events"] == {"passes": ["defect_verb", "join_noun"]}


def test_with_every_pass_on_the_components_keep_their_own_config(stubbed, monkeypatch):
    monkeypatch.delenv("CROSSFLOOR_WITHOUT_PASSES", raising=False)
    nlp = pipeline.build_pipeline("none")
    assert all(nlp.configs[name] == {} for name in STUB_PASSES)
    assert pipeline.build_pipeline("none", without=["join_noun"]).configs["crossfloor_events"] == {"passes": ["defect_verb"]}


def test_an_unknown_pass_is_one_error_listing_the_known_ones(stubbed):
    with pytest.raises(ValueError, match="no pass called colon_leadin; the passes are: clausal_complement, according_to, colon_lead_in, exact_name") as raised:
        pipeline.build_pipeline("none", without=["colon_leadin"])
    assert "\n" not in str(raised.value)


def test_without_passes_reach_forked_workers_through_the_settings(monkeypatch):
    from crossfloor.settings import get_settings, overriding

    monkeypatch.delenv("CROSSFLOOR_WITHOUT_PASSES", raising=False)
    with overriding(without_passes="surname,according_to"):
        assert get_settings().passes_off == ("according_to", "surname")
    assert get_settings().passes_off == ()
