"""Events and names in the phrasing of many countries: party names read as the article's country
uses them, names apart from their titles, leaving a party no resignation, a resignation's post
and day. Sentences made up for these tests."""

from datetime import date

import pytest

from crossfloor.analyse.country import country_words
from crossfloor.analyse.lexicon import party_lexicon
from crossfloor.analyse.run import analyse_texts
from crossfloor.evaluate.events import same_party


@pytest.fixture(scope="module")
def analysed(nlp):
    def run(text: str, published: date | None = None):
        return analyse_texts(nlp, [(text, published)])[0]

    return run


def switches(result) -> list[tuple]:
    return [(e["person"], e["from_party"], e["to_party"]) for e in result.events if e["type"] == "party_switch"]


def test_the_country_is_the_one_named_clearly_more_than_any_other():
    words, parties = country_words(), party_lexicon()
    assert words.country("The Wellington caucus met in Auckland on Monday.", parties).code == "NZ"
    assert words.country("The BJP won in Uttar Pradesh.", parties).code == "IN"
    # Named as often as each other: no country, and so no country's local party names.
    assert words.country("Ottawa and Canberra disagreed.", parties).code is None
    assert words.country("The mayor spoke at the town hall.", parties).code is None
    # 'Labour' is a party in several countries: it names none of them.
    assert words.country("Labour and Labour again.", parties).mentions == {}


def test_a_party_name_of_several_countries_means_the_articles_country():
    parties = party_lexicon()
    assert parties.find("the Labour MP") == "Labour"
    with parties.within("NZ"):
        assert parties.find("the Labour MP") == "New Zealand Labour Party"
    with parties.within("IN"):
        assert parties.find("a Congress MLA") == "Indian National Congress"
    # 'Congress' outside India is the legislature, no party.
    assert parties.find("a Congress vote") is None
    with parties.within("US"):
        assert parties.find("a Congress vote") is None


def test_a_switch_in_an_indian_article_keeps_its_parties_and_a_bare_name(analysed):
    result = analysed(
        "Congress MLA Ravi Menon joined the BJP on Thursday in Thiruvananthapuram, Kerala. "
        "Menon said he was unhappy with the Congress leadership in the state.",
        date(2016, 3, 4),
    )
    assert switches(result) == [("Ravi Menon", "Indian National Congress", "Bharatiya Janata Party")]


def test_a_foreign_democratic_party_is_not_the_us_one(analysed):
    result = analysed("Australian Democrats senator Mary Pike has quit the party to sit as an independent, she said in Canberra on Thursday.", date(2016, 3, 4))
    assert switches(result) == [("Mary Pike", "Australian Democrats", "Independent")]


def test_new_zealand_labour_in_a_new_zealand_article(analysed):
    result = analysed(
        "Wellington MP Aroha Tane has left the National Party and joined Labour, she told reporters in Auckland on Monday.",
        date(2020, 6, 2),
    )
    [(person, _, to_party)] = switches(result)
    assert (person, to_party) == ("Aroha Tane", "New Zealand Labour Party")


def test_crossing_the_floor_to_join_a_party_names_the_new_party(analysed):
    result = analysed("Jane Roe, the Tory MP for Westbury, was cheered after she crossed the floor to join Labour on Wednesday.", date(2025, 3, 6))
    assert switches(result) == [("Jane Roe", "Conservative", "Labour")]


def test_resigning_from_a_party_is_a_switch_not_a_resignation(analysed):
    result = analysed(
        "Three MPs have quit Labour to form a new group. Anna Field, Tom Birch and Ray Cole announced their resignations from the party on Monday.",
        date(2019, 2, 19),
    )
    assert [e for e in result.events if e["type"] == "resignation"] == []
    assert {s[0] for s in switches(result)} == {"Anna Field", "Tom Birch", "Ray Cole"}


def test_a_party_or_title_before_a_name_is_not_part_of_it(analysed):
    result = analysed("Tory Jane Roe said the plan would fail. MLA Ravi Menon said the state needed money.")
    speakers = [(q["speaker_resolved"], q["speaker_party"]) for q in result.quotes]
    assert speakers == [("Jane Roe", "Conservative"), ("Ravi Menon", None)]


def test_a_resignation_takes_the_post_the_article_gives_the_person(analysed):
    result = analysed(
        "Rep. Pat Mahon of Pennsylvania resigned on Friday, weeks after a harassment scandal.\n\nHis resignation leaves the seat vacant until November.",
        date(2018, 4, 28),
    )
    [event] = [e for e in result.events if e["type"] == "resignation"]
    # One event: the day is Friday's (not 'Friday, weeks'), and 'until November' dates nothing.
    assert (event["person"], event["office"], event["date"]) == ("Pat Mahon", "House", "2018-04-27")
    assert event["filled_by"]["office"] == "resignation_office_from_cast"


def test_the_party_before_the_post_a_resignation_names_is_no_part_of_the_office(analysed):
    # as the verb's 'Labour MP Jane Roe resigned' reads it, so does the noun's
    result = analysed("Voters in Eastmoor go to the polls after the resignation of Labour MP Jane Roe.", date(2020, 2, 26))
    [event] = [e for e in result.events if e["type"] == "resignation"]
    assert (event["person"], event["office"]) == ("Jane Roe", "MP")


def test_an_office_keeps_its_joining_words(analysed):
    result = analysed("White House chief of staff Rafael Llerena resigned on Monday.", date(2019, 7, 23))
    [event] = [e for e in result.events if e["type"] == "resignation"]
    assert (event["person"], event["office"]) == ("Rafael Llerena", "White House chief of staff")


def test_evaluation_takes_a_partys_local_name_for_it():
    assert same_party("Labour", "New Zealand Labour Party")
    assert same_party("Liberal", "Liberal Party of Australia")
    assert not same_party("Labour", "Conservative")
    assert not same_party("Democratic", "Australian Democrats")


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Senator Ada Brook remains in the race, leaving the party in flux. This leaves the Democratic Party with two options.", id="leaving a party in a state"),
        pytest.param("Carla Speight, another Conservative former minister, switched sides and joined the rebels in today's vote.", id="switching sides in a vote"),
        pytest.param("Conservative columnist Brett Stevens has made his defection to the liberal New York Times complete.", id="a defection to a newspaper"),
    ],
)
def test_no_party_switch_where_nobody_changed_party(analysed, text):
    assert switches(analysed(text, date(2019, 9, 4))) == []


def test_leaving_a_party_to_identify_as_an_independent(analysed):
    result = analysed(
        "Former Rep. Joe Schwarzman, a moderate who left the Republican Party after serving in Congress and now identifies as a political independent, backs the plan.",
        date(2016, 3, 4),
    )
    assert switches(result) == [("Joe Schwarzman", "Republican", "Independent")]
