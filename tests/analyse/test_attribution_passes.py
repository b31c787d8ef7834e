"""The attribution passes: each names what it found, and one switched off finds nothing."""

import pytest

from crossfloor.analyse.attribution import DEFAULT_PASSES, PASSES, AttributionFinder
from crossfloor.analyse.attribution.passes.worth_reporting import ADJACENT_CUE, GOVERNING_CUE
from crossfloor.analyse.lexicon import cue_lexicon, people_lexicon

TWO_REPORTS = "According to a senior backbencher, at least four MPs have submitted letters. Sarah Jones warned the party was heading for defeat."


@pytest.fixture(scope="module")
def parse():
    from crossfloor.analyse.pipeline import build_pipeline

    return build_pipeline("none")


def found(doc, passes=None) -> list[tuple[str, str]]:
    """(found_by, content) of each attribution the given passes find."""
    finder = AttributionFinder(cue_lexicon(), people_lexicon(), passes=passes)
    return [(a.found_by, doc.text[a.start : a.end]) for a in finder(doc)]


def without(name: str) -> list[str]:
    return [p for p in DEFAULT_PASSES if p != name]


@pytest.mark.parametrize(
    "text, found_by, content",
    [
        (TWO_REPORTS, "according_to", "at least four MPs have submitted letters"),
        (TWO_REPORTS, "clausal_complement", "the party was heading for defeat"),
        ("The new plan, the minister said, would cost far more than the old one.", "parenthetical_cue", "The new plan, the minister said, would cost far more than the old one"),
        ("Fresh elections must be held soon because voters deserve a say, the party chairman has said.", "sentence_final_cue", "Fresh elections must be held soon because voters deserve a say"),
        ("The chancellor urged ministers to cut spending.", "infinitive_complement", "to cut spending"),
        ('Mr Kerr described the decision as "a betrayal of the north".', "characterisation", 'the decision as "a betrayal of the north'),
        ("She rejected Mr Woodward's claim that the party was \"extremist\".", "governed_quotation", "extremist"),
        ("HOST: Good evening and welcome to the programme.\n\nHOST: Let us begin with the budget vote tonight.", "transcript_label", "Good evening and welcome to the programme."),
        ('The minister told Sky News: "It is a sad day for me.\n"But the voters will judge him."', "continuation", "But the voters will judge him."),
        ("The mayor spoke to reporters.\n\nAs the Eastmoor Gazette reported at the time:\n\nThe council had sold the land to a friend of the mayor.", "colon_list", "The council had sold the land to a friend of the mayor."),
    ],
)
def test_each_attribution_records_the_pass_that_found_it(parse, text, found_by, content):
    assert (found_by, content) in found(parse(text))


def test_a_pass_switched_off_finds_nothing_and_the_others_still_do(parse):
    doc = parse(TWO_REPORTS)
    assert found(doc, without("according_to")) == [("clausal_complement", "the party was heading for defeat")]
    assert found(doc, without("clausal_complement")) == [("according_to", "at least four MPs have submitted letters")]
    assert found(doc, []) == []


def test_with_the_clause_pass_off_the_cue_after_the_quotation_is_found_instead(parse):
    doc = parse('"We will not raise taxes," the Chancellor, Jane Smith, said.')
    assert found(doc) == [("clausal_complement", "We will not raise taxes,")]
    assert found(doc, without("clausal_complement")) == [("cue_after", "We will not raise taxes,")]


def test_a_pass_left_out_of_the_component_config_is_off(parse):
    from crossfloor.analyse.pipeline import load_model

    nlp = load_model()
    nlp.add_pipe("crossfloor_attribution", config={"passes": without("according_to")})
    assert [a.found_by for a in nlp(TWO_REPORTS)._.attributions] == ["clausal_complement"]
    with pytest.raises(ValueError, match="known: according_to"):
        load_model().add_pipe("crossfloor_attribution", config={"passes": ["according_to", "no_such_pass"]})


def test_the_filters_name_only_passes_that_exist():
    assert ADJACENT_CUE | GOVERNING_CUE <= set(PASSES)
    assert tuple(PASSES) == DEFAULT_PASSES


LISTED = """Mr Dunmore also said at the news conference:

- the talks would go on "for as long as it takes"

- the two countries would sign a trade pact by the summer

Analysis: what the visit means for the talks

The visit was the first in six years."""


def test_a_colon_lead_in_reports_each_item_of_the_list_it_opens_and_no_more(parse):
    doc = parse(LISTED)
    listed = [content for by, content in found(doc) if by == "colon_list"]
    assert listed == ['the talks would go on "for as long as it takes"', "the two countries would sign a trade pact by the summer"]
    assert not [content for by, content in found(doc, without("colon_list")) if "trade pact" in content]


@pytest.mark.parametrize(
    "text",
    [
        "Key developments:\n\nMinisters will not travel to the summit this week",  # no speaker
        "The minister told reporters:\n\n\"We will not back down.\"",  # a direct quotation: colon_lead_in's
        "Here is what the governor said:\n\nWatch\n\nVideo",  # nothing said
    ],
)
def test_a_colon_lead_in_without_a_speaker_or_before_a_quotation_lists_nothing(parse, text):
    assert not [content for by, content in found(parse(text)) if by == "colon_list"]


def test_a_lead_in_looks_for_its_list_no_further_than_its_reach():
    from crossfloor.analyse.attribution.passes.colon_list import ITEMS_REACH, paragraphs_after

    near = "He said:\n\n- the plan would go on"
    assert [near[a:b] for a, b in paragraphs_after(near, 8)] == ["- the plan would go on"]
    far = "He said:\n" + " " * ITEMS_REACH + "\n- the plan would go on"
    assert list(paragraphs_after(far, 8)) == []


def test_where_a_stretch_of_one_paragraph_starts_agrees_with_counting_the_paragraphs():
    import random

    from crossfloor.analyse.attribution.passes.continuation import paragraph_gap, stretch_start

    rng = random.Random(7)
    for _ in range(2000):
        text = "".join(rng.choice("ab \n") for _ in range(rng.randint(0, 24)))
        pos = rng.randint(0, len(text))
        start = stretch_start(text, pos)
        assert all((paragraph_gap(text, end, pos) <= 1) == (end >= start) for end in range(pos + 1)), (text, pos)
