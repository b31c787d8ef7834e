"""'The President said': the holder of a top post on the article's day, when the article names
them (data/office_holders.json); sentences written for these tests."""

from datetime import date

import pytest

from crossfloor.analyse.run import analyse_texts
from crossfloor.analyse.top_posts import holder_named

VISIT = (
    "Hours before Donald Trump lands in London, the US President has told Britain to walk away from the talks. "
    '"If you do not get the deal you want, then you walk away," the President told a newspaper.'
)


def speakers(nlp, text: str, day: date) -> list[tuple[str, str]]:
    return [(q["speaker_resolved"], q["resolved_by"]) for q in analyse_texts(nlp, [(text, day)])[0].quotes]


def test_the_president_is_the_holder_the_article_names_on_its_day(nlp):
    assert ("Donald Trump", "top_post_holder") in speakers(nlp, VISIT, date(2018, 7, 12))
    # in 2022 the holder was someone the article never names: the role stays
    assert all(name != "Donald Trump" for name, _ in speakers(nlp, VISIT, date(2022, 7, 12)))


def test_an_undated_article_gives_the_post_to_the_one_holder_it_names(nlp):
    # no publication day: the one person named who ever held the post
    assert ("Donald Trump", "top_post_holder") in speakers(nlp, VISIT, None)


@pytest.mark.parametrize(
    "role, day, names, holder",
    [
        ("prime minister", date(2015, 3, 1), ["David Cameron", "Ed Miliband"], "David Cameron"),
        ("British PM", date(2015, 3, 1), ["Cameron"], "David Cameron"),
        ("prime minister", date(2017, 3, 1), ["David Cameron"], None),
        ("former prime minister", date(2015, 3, 1), ["David Cameron"], None),
        ("French president", date(2018, 3, 1), ["Donald Trump"], None),
        ("Vice President", date(2018, 3, 1), ["Mike Pence"], "Mike Pence"),
        ("Irish prime minister", date(2018, 3, 1), ["Leo Varadkar"], "Leo Varadkar"),
        ("prime minister", date(2018, 3, 1), ["Theresa May", "Justin Trudeau"], None),
        ("House Minority Leader", date(2014, 6, 7), ["Nancy Pelosi", "John Boehner"], "Nancy Pelosi"),
        ("minority leader", date(2014, 6, 7), ["Mitch McConnell"], "Mitch McConnell"),
        ("Senate Majority Leader", date(2014, 6, 7), ["Mitch McConnell"], None),
        ("White House press secretary", date(2018, 3, 1), ["Sarah Huckabee Sanders"], "Sarah Huckabee Sanders"),
        ("Chancellor", date(2019, 3, 7), ["Philip Hammond"], "Philip Hammond"),
        ("chancellor", date(2019, 3, 7), ["Angela Merkel", "Philip Hammond"], None),
        ("EU's chief negotiator", date(2019, 3, 7), ["Michel Barnier"], "Michel Barnier"),
        ("prime minister", None, ["Theresa May", "Jeremy Corbyn"], "Theresa May"),
        ("prime minister", None, ["Theresa May", "David Cameron"], None),
        ("Labour leader", date(2018, 3, 1), ["Jeremy Corbyn", "Theresa May"], "Jeremy Corbyn"),
        ("Tory leader", date(2018, 3, 1), ["Jeremy Corbyn", "Theresa May"], "Theresa May"),
        ("Lib Dem leader", date(2012, 1, 1), ["Nick Clegg"], "Nick Clegg"),
        ("Scottish Labour leader", date(2018, 3, 1), ["Jeremy Corbyn"], None),
    ],
    ids=[
        "named in full", "by surname", "not in office that day", "former", "another country's", "vice president", "a taoiseach",
        "two prime ministers named", "a house leader", "the one minority leader named", "majority leader then in the minority",
        "press secretary", "a chancellor", "two chancellors named", "a negotiator",
        "undated: the one holder named", "undated: two holders named", "a party leader", "another party's leader",
        "a leader by the party's short name", "a leader of a party's branch",
    ],
)
def test_a_post_is_its_holder_only_when_the_words_fit_and_the_article_names_them(role, day, names, holder):
    assert holder_named(role, day, names) == holder
