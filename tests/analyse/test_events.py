"""Events read from real sentences: what counts, what must not, and how dates resolve."""

from datetime import date

import pytest

from crossfloor.analyse.dates import resolve
from crossfloor.analyse.run import analyse_texts


@pytest.fixture(scope="module")
def events_of(nlp):
    def run(text: str, published: date | None = None, kind: str | None = None) -> list[dict]:
        events = analyse_texts(nlp, [(text, published)])[0].events
        return [e for e in events if kind is None or e["type"] == kind]

    return run


def test_defection_with_parties_seat_and_weekday(events_of):
    text = (
        "A by-election should be held in Bury South after Tory MP Christian Wakeford defected to Labour "
        "on Wednesday because the people deserve a choice, the Health Secretary has said."
    )
    [switch] = events_of(text, date(2022, 1, 20), "party_switch")
    assert (switch["person"], switch["from_party"], switch["to_party"]) == ("Christian Wakeford", "Conservative", "Labour")
    assert switch["date"] == "2022-01-19" and switch["date_text"] == "Wednesday"
    assert switch["seat"] == "Bury South"
    assert text[switch["start"] : switch["end"]].startswith("Christian Wakeford defected") or switch["start"] == 0
    [call] = events_of(text, date(2022, 1, 20), "by_election_call")
    assert (call["by"], call["stance"], call["seat"]) == ("Health Secretary", "for", "Bury South")


def test_two_steps_of_one_switch_stay_apart_when_dated_apart(events_of):
    text = (
        "But another former Tory MP, Mr Peter Temple-Morris, who left the party in November, 1997, and joined "
        "Labour in June last year, spoke of the difficulties involved in changing political allegiance."
    )
    left, joined = events_of(text, date(1999, 12, 21), "party_switch")
    assert (left["person"], left["from_party"], left["to_party"]) == ("Peter Temple-Morris", "Conservative", None)
    assert left["date_range"] == ["1997-11-01", "1997-11-30"]
    assert (joined["from_party"], joined["to_party"]) == (None, "Labour")
    assert joined["date_range"] == ["1998-06-01", "1998-06-30"]


def test_relatives_who_joined_a_party(events_of):
    text = (
        "A Labour Party spokesman said later that Mr Woodward's parents, Dennis and Joan Woodward, both in "
        'their 80s, who had been "lifelong Conservatives", had joined New Labour.'
    )
    people = {(e["person"], e["to_party"]) for e in events_of(text, kind="party_switch")}
    assert people == {("Dennis Woodward", "Labour"), ("Joan Woodward", "Labour")}


def test_news_lede_names_the_defector_in_the_next_sentence(events_of):
    text = (
        "Conservative MP defects to Labour\n\nA Conservative MP and former minister has defected to Labour.\n\n"
        "Robert Jackson, 58, MP for Wantage in Oxfordshire, said he was disillusioned with the party's leadership."
    )
    [switch] = events_of(text, date(2005, 1, 16), "party_switch")
    assert (switch["person"], switch["from_party"], switch["to_party"], switch["seat"]) == ("Robert Jackson", "Conservative", "Labour", "Wantage")
    # 'has defected' is news, but no day: the publication day is not the event's date by default.
    assert (switch["date"], switch["news"]) == (None, True)


def test_no_confidence_letters_withdrawn_by_a_group(events_of):
    text = (
        "Tory MPs had been planning to file letters of no confidence in the Prime Minister.\n"
        "It is understood up to seven Tory MPs have now withdrawn their letters of no confidence."
    )
    [letter] = events_of(text, kind="no_confidence_letter")
    assert (letter["action"], letter["count"], letter["by_party"], letter["against"]) == ("withdrawn", "up to seven", "Conservative", "Prime Minister")


def test_a_quoted_refusal_is_a_call_against(events_of):
    text = 'But a Labour leadership source played down the chances of a fresh vote, telling the broadcaster: "There won\'t be a by-election."'
    [call] = events_of(text, kind="by_election_call")
    assert (call["by"], call["stance"]) == ("Labour leadership source", "against")
    assert call["quotes"] == [0]


@pytest.mark.parametrize(
    "text",
    [
        "Mr Smith denied he would defect to Labour.",
        "There were rumours of a defection to the Liberal Democrats by Mr Smith.",
        "Mr Smith did not defect to Labour on Wednesday.",
        "Mr Smith joined the debate on Wednesday.",
        "Mr Smith quit smoking last year.",
        "Mr Smith left the chamber before the vote.",
        "Mr Smith could defect to Labour next week.",
        "Will Mr Smith defect to Labour?",
        "If Mr Smith defects to Labour, there will be a by-election.",
        "Labour urged Mr Smith to defect.",
        "Tony Blair has dismissed reports he told Gordon Brown he would quit before the next general election.",
        "Mr Blair had decided in November 2003 he would quit because he felt he had lost voters' trust.",
        "The head of the agency widely reported to have resigned three months ago is still at the helm.",
        "Veteran Labour MP Jack Cunningham has said he will stand down at the next election.",
        "Former Defence Secretary Michael Portillo is to stand down as an MP at the next election.",
        "Conservative MP Michael Mates joined calls for a probe into the claims.",
        "Five more barristers are now reported to be threatening to resign.",
        "The minister refused to resign over the affair.",
        "Oleg Gordievsky, a senior KGB officer, said he had been treated well since he defected in 1985.",
        "Mr Smith joined Labour's campaign team last week.",
        "Mr Smith would not stand down and resign.",
        "Mr Smith would not resign, and he did not quit the party either.",
    ],
)
def test_near_misses_are_not_events(events_of, text):
    found = [e for e in events_of(text, date(2005, 3, 1)) if e["type"] in ("party_switch", "resignation")]
    assert found == [], found


@pytest.mark.parametrize(
    "text, person, office",
    [
        ("David McLetchie has resigned from his post as a partner in a legal firm following criticism.", "David McLetchie", "partner in a legal firm"),
        ("Mr Blunkett quit as home secretary last week after being told of the findings.", "Blunkett", "home secretary"),
        ("Former minister Clare Short, who resigned from the government over the Iraq war, said the advice was wrong.", "Clare Short", "government"),
        ("The affair prompted the resignation of BBC chairman Gavyn Davies.", "Gavyn Davies", "BBC chairman"),
        ("Voters in the Australian seat of Eastvale go to the polls after the resignation of Liberal National MP Joan Pell.", "Joan Pell", "MP"),
    ],
)
def test_resignations(events_of, text, person, office):
    [event] = events_of(text, kind="resignation")
    assert event["person"].endswith(person) and event["office"] == office


def test_expulsion_and_whip(events_of):
    [expelled] = events_of("Mr Galloway was expelled from the Labour party because of his opposition to the war.", kind="party_switch")
    assert (expelled["subtype"], expelled["from_party"], expelled["to_party"]) == ("expelled", "Labour", None)
    [whip] = events_of(
        "Mr Kilroy-Silk, an MEP for the East Midlands, resigned the UK Independence Party whip in the European Parliament in October.",
        date(2005, 1, 20),
        "party_switch",
    )
    assert (whip["subtype"], whip["from_party"], whip["date_range"]) == ("whip_resigned", "UK Independence Party", ["2004-10-01", "2004-10-31"])


@pytest.mark.parametrize(
    "phrase, published, expected",
    [
        ("on Wednesday", date(2022, 1, 20), ("2022-01-19", "2022-01-19")),
        ("at the weekend", date(1999, 12, 21), ("1999-12-18", "1999-12-19")),
        ("last night", date(1999, 12, 21), ("1999-12-20", "1999-12-20")),
        ("yesterday", date(2005, 1, 1), ("2004-12-31", "2004-12-31")),
        ("in November, 1997", None, ("1997-11-01", "1997-11-30")),
        ("June last year", date(1999, 12, 21), ("1998-06-01", "1998-06-30")),
        ("17 March 2003", None, ("2003-03-17", "2003-03-17")),
        ("the 1970s", None, ("1970-01-01", "1979-12-31")),
        # A part of a period names no day: the text supports the whole month or year.
        ("in late January", date(2013, 5, 9), ("2013-01-01", "2013-01-31")),
        ("mid-February", date(2013, 5, 9), ("2013-02-01", "2013-02-28")),
        ("early 2013", None, ("2013-01-01", "2013-12-31")),
        # A calendar period named from the day of writing: the year so far, the year before.
        ("this year", date(2015, 3, 17), ("2015-01-01", "2015-03-17")),
        ("last year", date(2015, 3, 17), ("2014-01-01", "2014-12-31")),
        ("last week", date(2015, 3, 18), ("2015-03-09", "2015-03-15")),
        # A season: the latest begun by publication, or the one before it.
        ("This fall", date(2015, 12, 19), ("2015-09-01", "2015-11-30")),
        ("last winter", date(2015, 12, 19), ("2014-12-01", "2015-02-28")),
        ("this summer", date(2016, 7, 4), ("2016-06-01", "2016-07-04")),
        # A weekday beside the day fixes the year, even a few days after publication.
        ("next Wednesday, July 31", date(2019, 7, 28), ("2019-07-31", "2019-07-31")),
        ("on Friday, March 1", date(2019, 2, 25), ("2019-03-01", "2019-03-01")),
        ("Saturday, March 3", date(2019, 2, 25), ("2018-03-03", "2018-03-03")),
    ],
)
def test_date_phrases(phrase, published, expected):
    when = resolve(phrase, published)
    assert (when.first.isoformat(), when.last.isoformat()) == expected


@pytest.mark.parametrize("phrase", ["on Wednesday", "last night", "June last year", "just over two years ago"])
def test_relative_dates_need_a_publication_date(phrase):
    assert resolve(phrase, None) is None


def test_a_weekday_that_agrees_with_no_year_near_fixes_no_day():
    assert resolve("Thursday, July 31", date(2019, 7, 28)) is None


def test_words_that_only_look_like_dates_are_not_dates():
    assert resolve("we", date(2022, 1, 20)) is None
    assert resolve("the fall of the government", date(2022, 1, 20)) is None


def test_a_resignation_this_fall_told_in_december_is_background(events_of):
    [event] = events_of("This fall, the party was torn apart by Speaker Dan Moss's abrupt resignation.", date(2015, 12, 19), "resignation")
    assert (event["person"], event["news"]) == ("Dan Moss", False)
    [event] = events_of("The spokesman pointed to Rep. Tom Hale, who resigned this year after pleading guilty to tax charges.", date(2015, 3, 17), "resignation")
    assert (event["date_range"], event["news"]) == (["2015-01-01", "2015-03-17"], False)


# ---- today's phrasing (made-up sentences) ---------------------------------------------------


def switch_fields(events: list[dict]) -> list[tuple]:
    return [(e["person"], e["from_party"], e["to_party"]) for e in events]


def test_a_group_listed_after_a_colon_is_one_switch_each(events_of):
    text = "Seven Labour MPs have quit the party to sit as an independent group: Jane Ashford, Tom Bell and Carla Diaz."
    assert switch_fields(events_of(text, date(2019, 2, 18), "party_switch")) == [
        ("Jane Ashford", "Labour", "Independent"),
        ("Tom Bell", "Labour", "Independent"),
        ("Carla Diaz", "Labour", "Independent"),
    ]


def test_the_new_party_in_the_next_sentence(events_of):
    text = (
        "Alan Price, a Conservative, defected from the Conservative Party during the debate.\n\n"
        "As the minister spoke, Price crossed the chamber and took a seat with the opposition Liberal Democrats."
    )
    [switch] = events_of(text, date(2019, 9, 3), "party_switch")
    assert (switch["person"], switch["from_party"], switch["to_party"], switch["date"]) == ("Alan Price", "Conservative", "Liberal Democrat", None)


def test_leaving_to_become_an_independent_and_a_us_label(events_of):
    [switch] = events_of("Rep. Dana Cole said Thursday that she is leaving the Republican Party to become an independent.", date(2019, 7, 4), "party_switch")
    # 'Thursday' dates the saying, not the leaving: news, undated.
    assert (switch["person"], switch["from_party"], switch["to_party"], switch["date"], switch["news"]) == ("Dana Cole", "Republican", "Independent", None, True)
    [labelled] = events_of("Rep. Dana Cole (I-Mich.) is leaving the Republican Party.", date(2019, 7, 4), "party_switch")
    assert labelled["to_party"] == "Independent"


def test_a_switch_announced_for_the_future_counts_a_rumoured_one_does_not(events_of):
    [switch] = events_of("Mr Hale told colleagues he will switch from the Democratic Party to the Republican Party.", date(2019, 12, 16), "party_switch")
    assert (switch["person"], switch["from_party"], switch["to_party"]) == ("Hale", "Democratic", "Republican")
    assert events_of("Mr Hale might switch to the Republican Party, aides said.", date(2019, 12, 16), "party_switch") == []


def test_his_new_party_colleagues_name_the_new_party(events_of):
    [switch] = events_of("Tory defector Ian Marsh and his new Labour colleagues attacked the budget.", None, "party_switch")
    assert (switch["person"], switch["from_party"], switch["to_party"]) == ("Ian Marsh", "Conservative", "Labour")


def test_will_resign_is_a_resignation_will_stand_down_at_the_election_is_not(events_of):
    [resignation] = events_of("Congressman Paul Avery will resign from Congress on Oct. 21, the Speaker said.", date(2017, 10, 5), "resignation")
    assert resignation["person"] == "Paul Avery" and resignation["date"] == "2017-10-21"
    assert events_of("Congressman Paul Avery will stand down at the next election.", date(2017, 10, 5), "resignation") == []


def test_a_resignation_accepted_and_a_misread_name(events_of):
    [resignation] = events_of("President Trump has accepted the resignation of Nikki Haley, his ambassador to the United Nations.", date(2018, 10, 9), "resignation")
    assert resignation["person"] == "Nikki Haley" and resignation["office"] == "ambassador to the United Nations"
    assert (resignation["date"], resignation["news"]) == (None, True)  # 'has accepted': news, undated


def test_weekdays_are_days_of_the_publication_week_and_durations_are_not_dates():
    assert resolve("Thursday", date(2018, 12, 20)).first == date(2018, 12, 20)
    assert resolve("on Monday", date(2018, 12, 20)).first == date(2018, 12, 17)
    assert resolve("last Thursday", date(2018, 12, 20)).first == date(2018, 12, 13)
    assert resolve("last November", date(2019, 4, 29)).fields()["date_range"] == ["2018-11-01", "2018-11-30"]
    assert resolve("June 7", date(2019, 5, 24), future=True).first == date(2019, 6, 7)
    assert resolve("17 years", date(2012, 11, 21)) is None and resolve("after nearly two years", date(2012, 11, 21)) is None
    assert resolve("weeks", date(2012, 11, 21)) is None and resolve("two weeks ago", date(2012, 11, 21)) is not None


def test_a_duration_beside_a_second_mention_does_not_split_one_resignation(events_of):
    text = (
        "Deputy Transport Minister Ruth Calder resigned on Monday, ending a stormy year in the post. "
        "Aides said Calder resigned after weeks of pressure from backbenchers."
    )
    [resignation] = events_of(text, date(2021, 5, 4), "resignation")
    assert (resignation["person"], resignation["date"]) == ("Ruth Calder", "2021-05-03")


def test_his_resignation_after_a_spokesman_spoke_refers_back_to_the_resignation_told(events_of):
    """The pronoun resolver gives 'his' to the last speaker; a noun of a resignation with a
    pronoun for its person, after one resignation was told, is that resignation again."""
    text = (
        "Senator Alan Pryce surprised colleagues on Monday by saying he will resign at the end of the month. "
        "The senator will first return to his farm before he retires to the coast, the party spokesman Paul Dorn said. "
        "He will not be involved in running the party after his resignation."
    )
    [resignation] = events_of(text, date(2013, 2, 12), "resignation")
    assert resignation["person"] == "Alan Pryce"
    assert len(resignation["evidence"]) == 2


def test_an_office_read_across_blanked_page_furniture_has_no_white_space_of_it(events_of):
    text = (
        "Story highlights Pope Benedict XVI surprises the world with his decision to step down\n\n"
        "The spiritual leader of Roman Catholics, Pope Benedict XVI, surprised the world Monday by saying he will resign at the end of the month."
    )
    [resignation] = events_of(text, date(2013, 2, 12), "resignation")
    assert resignation["office"] == "Pope"


def test_first_person_in_someones_own_words_is_them(events_of):
    [resignation] = events_of('In his letter, Tom Smith wrote: "I have decided today to resign from the cabinet."', date(2020, 3, 2), "resignation")
    assert resignation["person"] == "Tom Smith"
    [switch] = events_of('Columnist Gary Hill said Sunday he has "left the Republican Party for good."', date(2016, 6, 26), "party_switch")
    assert (switch["person"], switch["from_party"]) == ("Gary Hill", "Republican")
    assert events_of('"I would never leave the Labour Party," Jo Reed said.', None, "party_switch") == []
    assert events_of('Ann Cole said: "If I quit the party, I would lose my seat."', None, "party_switch") == []


def test_a_generational_suffix_does_not_split_one_resignation(events_of):
    text = "Rep. Carl B. Moore Jr. resigned from Congress on Wednesday, citing failing health as the reason he is stepping down."
    assert [e["person"] for e in events_of(text, date(2012, 11, 21), "resignation")] in (["Carl B. Moore Jr."], ["Carl B. Moore"])


# ---- passes and provenance (made-up sentences) ------------------------------------------------


@pytest.fixture(scope="module")
def events_with(nlp):
    """The events of a text with only the given passes (None: all), read from the pipeline's parse."""
    from crossfloor.analyse.events.finder import EventFinder
    from crossfloor.analyse.events.lexicon import event_lexicon
    from crossfloor.analyse.lexicon import party_lexicon, people_lexicon
    from crossfloor.analyse.speakers import SpeakerResolver

    def run(text: str, passes=None, kind: str | None = None):
        finder = EventFinder(event_lexicon(), party_lexicon(), SpeakerResolver(people_lexicon(), party_lexicon()), passes)
        return [e for e in finder(nlp(text)) if kind is None or e.type == kind]

    return run


def without(*names: str) -> list[str]:
    from crossfloor.analyse.events import DEFAULT_PASSES

    assert set(names) <= set(DEFAULT_PASSES)
    return [p for p in DEFAULT_PASSES if p not in names]


LEDE = (
    "Conservative MP defects to Labour\n\nA Conservative MP and former minister has defected to Labour.\n\n"
    "Robert Jackson, 58, MP for Wantage in Oxfordshire, said he was disillusioned with the party's leadership."
)


def test_an_event_says_which_rule_found_it_and_which_filled_each_field(events_with):
    [switch] = events_with(LEDE, kind="party_switch")
    assert switch.found_by == "verb:defect"
    assert switch.filled_by == {
        "person": "participants.lede",
        "to_party": "party_switch_verbs",
        "subtype": "party_switch_verbs",
        "seat": "switcher_seat",
        "from_party": "former_party_most_named",
    }
    [defector] = events_with("Tory defector Ian Marsh and his new Labour colleagues attacked the budget.", kind="party_switch")
    assert defector.found_by == "noun:defector" and defector.filled_by["from_party"] == "parties.premodifier"


def test_merged_mentions_keep_the_first_trigger_and_each_value_its_rule(events_with):
    text = "The resignation of Tom Ward was announced on Friday. Ward resigned as transport minister after a row over rail fares."
    [resignation] = events_with(text, kind="resignation")
    assert (resignation.person, resignation.office, resignation.found_by) == ("Tom Ward", "transport minister", "noun:resignation")
    assert resignation.filled_by["office"] == "resignation_verbs"  # the second mention's value, and its rule
    assert len(resignation.evidence) == 2


def test_a_pass_switched_off_stops_contributing(events_with):
    assert [e.person for e in events_with(LEDE, without("participant_from_lede"), "party_switch")] == []
    next_sentence = (
        "Alan Price, a Conservative, defected from the Conservative Party during the debate.\n\n"
        "As the minister spoke, Price crossed the chamber and took a seat with the opposition Liberal Democrats."
    )
    [switch] = events_with(next_sentence, kind="party_switch")
    assert (switch.to_party, switch.filled_by["to_party"]) == ("Liberal Democrat", "new_party_next_sentence")
    [switch] = events_with(next_sentence, without("new_party_next_sentence"), "party_switch")
    assert (switch.person, switch.to_party) == ("Alan Price", None)
    resigned = "Sarah Lane, the Labour MP for Northfield, resigned as shadow health secretary on Monday. Her resignation came after a row over the budget."
    # 'Her resignation' refers back to the resignation told: one event, with both sentences
    [both] = events_with(resigned, kind="resignation")
    assert (both.found_by, len(both.evidence)) == ("verb:resign", 2)
    [verbs_only] = events_with(resigned, without("resignation_nouns"), "resignation")
    assert len(verbs_only.evidence) == 1
    assert [e.found_by for e in events_with(resigned, without("resignation_verbs"), "resignation")] == ["noun:resignation"]
    assert events_with(resigned, without("resignation_verbs", "resignation_nouns"), "resignation") == []
    called = "Mark Dunn, the MP for Eastleigh, has defected from the Liberal Democrats to the Green Party. The Liberal Democrats called on him to stand down and fight a by-election."
    assert [e.type for e in events_with(called)] == ["party_switch", "by_election_call"]
    assert [e.type for e in events_with(called, without("by_election_call_scan"))] == ["party_switch"]


def test_the_events_component_takes_its_passes_from_config(nlp):
    from crossfloor.analyse.pipeline import make_events

    component = make_events(nlp, "crossfloor_events", None, None, None, ["resignation_verbs"])
    assert component.finder.passes == ("resignation_verbs",)
    with pytest.raises(ValueError, match="resignation_verbs"):
        make_events(nlp, "crossfloor_events", None, None, None, ["resignation_by_telepathy"])


def test_a_clause_with_its_own_subject_does_not_share_the_modal_of_the_one_before(events_of):
    text = "The deputy would normally succeed the governor, but that post stands vacant after the resignation of Tom Baxter over the scandal."
    assert [e["person"] for e in events_of(text, date(2019, 7, 25), "resignation")] == ["Tom Baxter"]
