"""The learned event filter: what the event rules propose, the model keeps or drops once dates and
news are settled (sentences written for these tests)."""

import json
from datetime import date

import pytest

from crossfloor.analyse.event_filter import EventFilter, features
from crossfloor.analyse.linear import FilterProblem
from crossfloor.analyse.quote_filter import QuoteFilter
from crossfloor.analyse.run import analyse_texts
from crossfloor.settings import overriding

PUBLISHED = date(2019, 5, 7)
# A council's routine, long enough that what follows is told deep in the article.
ROUTINE = "".join(f"The council met on day {k} to discuss the budget, and members argued about roads and schools for {k} hours.\n\n" for k in range(2, 20))
ARTICLE = "Jane Roe resigned as Health Secretary on Tuesday. " + ROUTINE + "Mark Doe, a councillor, opened the meeting. Doe was a banker. He resigned in 2009."


def resigned(nlp, text: str) -> list[str]:
    return [e["person"] for e in analyse_texts(nlp, [(text, PUBLISHED)])[0].events if e["type"] == "resignation"]


def test_the_default_keeps_the_news_in_the_lead_and_drops_a_passer_by_s_old_resignation(nlp):
    assert resigned(nlp, ARTICLE) == ["Jane Roe"]
    with overriding(event_filter=False):
        assert resigned(nlp, ARTICLE) == ["Jane Roe", "Mark Doe"]


def test_features_say_where_the_article_tells_the_event_and_how_often_it_names_the_person():
    lead = {"type": "resignation", "start": 0, "end": 49, "person": "Jane Roe", "office": "Health Secretary", "news": True}
    late = {"type": "resignation", "start": len(ARTICLE) - 20, "end": len(ARTICLE), "person": "Mark Doe", "news": False, "filled_by": {"person": "participants.pronoun"}}
    assert {"told in the lead", "person named in the lead", "person named once", "has office", "news=True"} <= set(features(lead, ARTICLE, PUBLISHED))
    named = set(features(late, ARTICLE, PUBLISHED))
    assert {"told in the late", "person named two or three", "an earlier year in its sentence", "person:participants.pronoun"} <= named
    assert "person named in the lead" not in named and "has office" not in named
    assert "an earlier year in its sentence" not in features(late, ARTICLE, date(2009, 5, 7))


def test_only_the_types_the_model_judges_are_dropped():
    model = EventFilter(weights={"has office": 10.0}, bias=-5.0, threshold=0.5, types=frozenset({"resignation"}))
    assert model.keeps({"type": "resignation", "office": "Mayor", "start": 0, "end": 5}, "Mayor")
    assert not model.keeps({"type": "resignation", "start": 0, "end": 5}, "Mayor")
    assert model.keeps({"type": "party_switch", "start": 0, "end": 5}, "Mayor")


@pytest.mark.parametrize(
    "model, content",
    [(EventFilter, '{"weights": {"has office": "heavy"}, "bias": 0.1, "threshold": 0.5}'), (QuoteFilter, '{"weights": {}, "bias": 0.1}')],
    ids=["event filter", "quote filter"],
)
def test_a_broken_model_file_is_one_line_naming_it(tmp_path, model, content):
    path = tmp_path / "filter.json"
    path.write_text(content)
    with pytest.raises(FilterProblem) as problem:
        model.load(path)
    what = "event filter" if model is EventFilter else "quote filter"
    assert str(problem.value).startswith(f"{path}: cannot read the {what}") and "\n" not in str(problem.value)


def test_training_learns_from_articles_it_holds_out_and_writes_a_loadable_model(tmp_path):
    from crossfloor.train.event_filter import fit

    office = ["type=resignation", "has office"]
    bare = ["type=resignation"]
    labelled = [((office, 1), f"a{k}") for k in range(30)] + [((bare, 0), f"b{k}") for k in range(30)]
    labelled += [((office, 0), "c1"), ((bare, 1), "c2"), ((["type=party_switch"], 0), "d1")]
    model = fit(labelled)
    path = tmp_path / "filter.json"
    path.write_text(json.dumps(model))
    loaded = EventFilter.load(path)
    assert loaded.types == frozenset({"resignation"}) and model["tuning"]["examples"] == 62 and model["tuning"]["articles"] == 62
    event = {"type": "resignation", "start": 0, "end": 9, "person": "Jo Roe"}
    assert loaded.keeps({**event, "office": "Mayor"}, "Jo Roe quit")
    assert not loaded.keeps(event, "Jo Roe quit")
