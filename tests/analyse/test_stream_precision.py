"""Events on the ordinary stream, as the stream set's tuning part showed them going wrong, on
sentences made up for these tests: a resigner hidden in a clause the parser misread or before a
gerund, a post given only by a title, stepping down from what is no post, news told by the date
words of the clause, a by-election only named inside a quote, a whip taken from someone."""

from datetime import date

import pytest

from crossfloor.analyse.run import analyse_texts
from crossfloor.settings import overriding


@pytest.fixture(scope="module")
def analysed(nlp):
    def run(text: str, published: date | None = None):
        return analyse_texts(nlp, [(text, published)])[0]

    return run


def events_of(result, kind: str) -> list[dict]:
    return [e for e in result.events if e["type"] == kind]


def test_the_resigner_is_the_subject_the_parser_hung_on_the_clause_mark(analysed):
    # The parser reads 'after Ann Lee' as a preposition and its object: without the clause's own
    # subject, 'stepped down' took the main clause's ('Tom Jones').
    result = analysed(
        "Tom Jones became leader of the Conservative Party and prime minister after Theresa May stepped down on July 24 after she was unable to agree a deal.", date(2019, 9, 1)
    )
    [event] = events_of(result, "resignation")
    assert event["person"] == "Theresa May"


def test_a_title_given_as_the_office_gives_way_to_the_post_it_stands_for(analysed):
    result = analysed("When Rep. Tom Baxter announced his immediate resignation on Friday, he ended a long inquiry.", date(2018, 4, 30))
    [event] = events_of(result, "resignation")
    assert (event["person"], event["office"], event["date"]) == ("Tom Baxter", "House", "2018-04-27")


def test_this_week_in_an_aside_dates_the_event_as_news(analysed):
    result = analysed(
        "In his interview, the president also said former Foreign Secretary Tom Baxter - who disagrees with the prime minister and resigned this week - would make a great leader.",
        date(2018, 7, 14),
    )
    [event] = events_of(result, "resignation")
    assert (event["date_range"], event["news"]) == (["2018-07-09", "2018-07-14"], True)


def test_the_clause_date_tells_an_undated_resignation_as_background(analysed):
    result = analysed("A revealing moment came last year shortly after Tom Baxter's resignation as foreign secretary.", date(2015, 12, 1))
    [event] = events_of(result, "resignation")
    assert (event["date"], event["date_range"], event["news"]) == (None, None, False)
    assert event["filled_by"]["news"] == "news.by_clause_date"


def test_a_simple_past_in_a_passage_dated_years_back_is_background(analysed):
    result = analysed("The president gave the order in October 1973 amid the inquiry. Attorney General Tom Baxter resigned rather than carry it out.", date(2019, 4, 19))
    [event] = events_of(result, "resignation")
    assert (event["news"], event["filled_by"]["news"]) == (False, "news.by_year_near")
    # a year in the passage does not outweigh the event's own date
    result = analysed("In 2016, Tom Baxter won the seat. Baxter resigned on Monday, citing his health.", date(2019, 4, 19))
    [event] = events_of(result, "resignation")
    assert (event["date"], event["news"]) == ("2019-04-15", True)


def test_a_month_without_its_year_is_of_the_year_the_passage_tells_of(analysed):
    text = "By the spring of 2018, the president had two options.\n\nBy then his legal team had changed. Tom Baxter resigned in March."
    [event] = events_of(analysed(text, date(2019, 3, 27)), "resignation")
    assert (event["date_range"], event["news"]) == (["2018-03-01", "2018-03-31"], False)
    # words that count from the publication day are not moved: 'March last year' is 2018's anyway
    [event] = events_of(analysed("In 2016 he won the seat. Tom Baxter resigned in March last year.", date(2019, 3, 27)), "resignation")
    assert event["date_range"] == ["2018-03-01", "2018-03-31"]


def test_a_resignation_in_a_when_clause_is_told_in_passing(analysed):
    # the parser makes 'when' the clause's adverb, not its mark
    [event] = events_of(analysed("Ann Lee became leader of the party when Tom Baxter resigned as prime minister.", date(2017, 6, 10)), "resignation")
    assert (event["person"], event["news"], event["filled_by"]["news"]) == ("Tom Baxter", False, "news.told_as_past")


def test_a_present_tense_outranks_a_date_of_something_else_in_the_clause(analysed):
    result = analysed("Speaker Tom Baxter's resignation reduces the chances of a government shutdown on Oct. 1.", date(2015, 9, 26))
    [event] = events_of(result, "resignation")
    assert event["news"] is True


def test_a_by_election_only_named_in_a_quote_is_no_call(analysed):
    result = analysed('The analyst Kevin Bonham called it "the most boring by-election in years" on his blog.', date(2020, 3, 1))
    assert events_of(result, "by_election_call") == []


@pytest.mark.parametrize(
    "text,stance",
    [
        pytest.param('"A by-election should be held in Bury South," the Health Secretary said.', "for", id="should be held"),
        pytest.param('"There won\'t be a by-election," a Labour source told the broadcaster.', "against", id="ruled out"),
        pytest.param("Labour leader Ann Lee said Tom Baxter should resign his seat and run in a by-election.", "for", id="reported, under 'should'"),
    ],
)
def test_a_quote_that_calls_for_or_rules_out_a_by_election(analysed, text, stance):
    [call] = events_of(analysed(text, date(2022, 1, 20)), "by_election_call")
    assert call["stance"] == stance


@pytest.mark.parametrize(
    "text, person",
    [
        pytest.param("Tom Perez took the post amid problems including Ann Baxter resigning after leaked emails.", "Ann Baxter", id="a name just before a gerund"),
        # 'Jr.' tells the son from his father: it is no post-nominal to drop.
        pytest.param("Tom Baxter Jr. resigned from Congress on Wednesday, citing his health.", "Tom Baxter Jr.", id="a name's suffix"),
    ],
)
def test_the_one_who_resigned_is_named_in_full(analysed, text, person):
    # How the rules name the person; whether the learned filter keeps a resignation mentioned in
    # passing is its own test (test_event_filter.py).
    with overriding(event_filter=False):
        [event] = events_of(analysed(text, date(2017, 8, 22)), "resignation")
    assert event["person"] == person


@pytest.mark.parametrize(
    "text,office",
    [
        pytest.param("Tom Baxter stepped down as chairman on Monday.", "chairman", id="as a post"),
        pytest.param("Tom Baxter stepped down on Monday.", None, id="no post named"),
    ],
)
def test_stepping_down_is_resigning(analysed, text, office):
    [event] = events_of(analysed(text, date(2017, 8, 22)), "resignation")
    assert (event["person"], event["office"]) == ("Tom Baxter", office)


def test_stepping_down_from_a_pulpit_is_no_resignation(analysed):
    result = analysed("When he had finished his eulogy, Tom Baxter stepped down from the pulpit and embraced the widow.", date(2017, 8, 22))
    assert events_of(result, "resignation") == []


def switches_of(result) -> list[tuple]:
    return [(e["person"], e["subtype"]) for e in events_of(result, "party_switch")]


def test_the_whip_is_lost_by_the_one_it_is_removed_from(analysed):
    assert switches_of(analysed("The Prime Minister removed the whip from Tom Baxter on Tuesday.", date(2019, 9, 4))) == [("Tom Baxter", "whip_withdrawn")]
    # Who spoke of it lost nothing.
    said = analysed("Former minister Greg Hale said he was uncomfortable with removing the whip from the rebels.", date(2019, 9, 4))
    assert switches_of(said) == []


@pytest.mark.parametrize(
    "text,news",
    [
        pytest.param("Tom Baxter, who resigned as mayor on Monday, is running again.", True, id="counts from the day of writing"),
        pytest.param("Tom Baxter, who resigned as mayor in March 2018, is running again.", False, id="a date: says nothing"),
    ],
)
def test_without_a_publication_date_words_that_count_from_writing_tell_news(analysed, text, news):
    [event] = events_of(analysed(text, None), "resignation")
    assert event["news"] is news


@pytest.mark.parametrize(
    "aside, news",
    [("who is stepping down as head of the Harbour Trust", True), ("who resigned as head of the Harbour Trust", False), ("who has resigned as head of the Harbour Trust", False)],
)
def test_an_aside_in_the_present_tells_news_and_one_in_the_past_history(analysed, aside, news):
    result = analysed(f"In its profile of Tom Baxter, {aside}, a quote was slipped into the story without comment.", date(2014, 11, 12))
    [event] = events_of(result, "resignation")
    assert event["news"] is news


@pytest.mark.parametrize("when, news", [("in March", False), ("last month", False), ("last week", True), ("on April 10", True)])
def test_a_month_tells_news_by_its_middle(analysed, when, news):
    # Written on April 30: March ended 30 days before, but most of it is five weeks back or more.
    result = analysed(f"Tom Baxter resigned {when}, following reports that the mayor ignored his advice.", date(2018, 4, 30))
    [event] = events_of(result, "resignation")
    assert event["news"] is news


@pytest.mark.parametrize(
    "text, switched",
    [
        ("Sen. Tom Baxter joined Republicans in voting down the bill on Tuesday.", False),
        ("Sen. Tom Baxter joined Democrats on Tuesday to block the bill.", False),
        ("Rep. Tom Baxter joined the Republicans at a rally in Ohio.", False),
        ("Tom Baxter, the Conservative MP for Kettleby, has joined Reform UK, the party announced on Tuesday.", True),
        ("Tom Baxter joined the Liberal Democrats at the weekend.", True),
        ("Tom Baxter went to the Democrats for help with the bill.", False),
        ("Tom Baxter has gone over to the Liberal Democrats.", True),
        ("Ravi Rao, who won the seat on a Congress ticket, formally joined the BJP at the party headquarters in Delhi.", True),
        ("Tom Baxter joined the Tories at their conference in Manchester.", False),
    ],
)
def test_joining_a_partys_people_in_an_act_or_a_place_is_no_switch(analysed, text, switched):
    assert bool(events_of(analysed(text, date(2021, 6, 10)), "party_switch")) is switched


@pytest.mark.parametrize(
    "text, resigned",
    [
        ("Tom Baxter stood down at the last election after 20 years in the Commons.", False),
        ("Tom Baxter will step down at the next general election.", False),
        ("Tom Baxter stood down as party leader at the weekend.", True),
    ],
)
def test_standing_down_at_an_election_is_not_standing_again(analysed, text, resigned):
    assert bool(events_of(analysed(text, date(2021, 6, 10)), "resignation")) is resigned


def test_a_group_that_names_its_members_gives_each_member_a_switch(analysed):
    result = analysed("Seven Labour MPs, including Ann Ashford and Tom Bellamy, have quit the party to form a new group.", date(2019, 2, 18))
    switches = [(e["person"], e["from_party"]) for e in events_of(result, "party_switch")]
    assert switches == [("Ann Ashford", "Labour"), ("Tom Bellamy", "Labour")]


def test_a_person_whose_name_ends_in_a_partys_word_is_still_the_one_who_switched(analysed):
    result = analysed("The Member of Parliament for Barset, Tom Green, quit the ruling Jubilee Party on Monday and joined the opposition ODM.", date(2021, 6, 10))
    [event] = events_of(result, "party_switch")
    assert (event["person"], event["from_party"], event["to_party"]) == ("Tom Green", "Jubilee Party", "Orange Democratic Movement")


def test_the_office_is_the_one_role_an_apposition_gives_not_a_second_joined_to_it(analysed):
    text = "The group includes Tom Baxter, the former editor of the Harbour Times editorial page (and a former editor in chief of this magazine), who was forced to resign after the page ran an article."
    [event] = events_of(analysed(text, date(2020, 6, 10)), "resignation")
    assert event["office"] == "editor of the Harbour Times editorial page"
