"""Speakers given by a description or a short form of a name the article also gives in full, on
sentences made up for these tests: a name that carries two surnames, a name a participle or a
conjunct's apposition gives, and a role such as 'archbishop' written before the name."""

from datetime import date

import pytest

from crossfloor.analyse.run import analyse_texts


@pytest.fixture(scope="module")
def speakers(nlp):
    def run(text: str) -> list[str | None]:
        return [q["speaker_resolved"] for q in analyse_texts(nlp, [(text, date(2019, 7, 25))])[0].quotes]

    return run


def test_the_first_of_two_surnames_is_the_person(speakers):
    text = 'Governor Ricardo Montalvo Ferrer announced his resignation on Wednesday. Montalvo said, "I have decided to step aside."'
    assert speakers(text) == ["Ricardo Montalvo Ferrer"]


def test_a_full_name_the_recogniser_missed_is_found_by_its_surname_standing_alone_later(speakers):
    # After a dateline the recogniser labels no person at all here; 'Montalvo' standing alone as
    # the next sentence's subject makes the run of proper nouns holding it his name.
    text = (
        "Monday, March 9, 2020\xa0\n\n\nRicardo Montalvo Ferrer, Barset's mayor, announced his resignation just after midnight on Tuesday in a video posted online for "
        "the city's residents. Montalvo said he will leave office next month on April 1 at noon local time (1600 UTC). His statement came after a week of protests in the city."
    )
    assert speakers(text) == ["Ricardo Montalvo Ferrer"]


def test_a_surname_someone_bears_as_their_last_is_theirs_before_anyone_elses_inner_one(speakers):
    # 'Duncan' is Alan Duncan's surname; the inner word of Iain Duncan Smith's name yields to it.
    text = 'Iain Duncan Smith spoke first. Alan Duncan spoke next. "It is over," Duncan said.'
    assert speakers(text) == ["Alan Duncan"]


@pytest.mark.parametrize(
    "text, speaker",
    [
        ('A university student named Wong said, "Even though the weather was bad, we came."', "Wong"),
        ("Harbour University energy expert and former Danish security official, Mikkel Sorensen, said the new supply cannot be considered a significant change to the market.", "Mikkel Sorensen"),
    ],
)
def test_a_name_inside_the_description_is_the_speaker(speakers, text, speaker):
    assert speakers(text) == [speaker]


@pytest.mark.parametrize("written", ["archbishop Carlos Ruiz", "archbishop Monsenor Carlos Ruiz"])
def test_a_church_title_before_the_name_tells_who_the_title_is(speakers, written):
    text = f'The new law was criticised by {written}. Calling it a "culture of fear", the archbishop said "We need to protect every family."'
    assert set(speakers(text)) == {"Carlos Ruiz"}



def test_a_foreign_leaders_title_does_not_make_them_the_article_s_prime_minister(speakers):
    # A British article: 'the prime minister' is not the Dutch one; with no one else titled so,
    # the role stays a role (a gap, not a wrong name).
    text = (
        "Theresa May says leaders in London share her determination to solve the Brexit problem before the Commons vote. "
        "She was speaking after meetings with German Chancellor Angela Merkel and Dutch Prime Minister Mark Rutte. "
        "The prime minister says there can be no deal without a backstop."
    )
    assert speakers(text)[-1] == "prime minister"


def test_in_an_article_about_no_one_country_each_of_its_nationalities_qualifies_a_role(nlp):
    """Irish, German and Dutch words, no one country ahead: each nationality is another
    country's, so 'Dutch Prime Minister Mark Rutte' is not a bare 'the prime minister'. With one
    nationality only, it is the article's own (the test after this one)."""
    from crossfloor.analyse.lexicon import party_lexicon, people_lexicon
    from crossfloor.analyse.speakers.description import foreign_words
    from crossfloor.analyse.speakers.state import Lexicons

    words = Lexicons(people_lexicon(), party_lexicon())
    summit = nlp("She spoke on the Irish border after talks with German Chancellor Angela Merkel and Dutch Prime Minister Mark Rutte.")
    assert {"german", "dutch"} <= foreign_words(summit, words)
    assert foreign_words(nlp("Dutch Prime Minister Mark Rutte met farmers on Monday."), words) == set()


def test_an_acronym_taken_for_a_nationality_is_no_other_countrys(nlp):
    """The recogniser may call a union's initials a nationality ('AU'): they name no country,
    so 'the commissioner' is still 'AU trade commissioner Grace Mbeki'."""
    from spacy.tokens import Span

    from crossfloor.analyse.lexicon import party_lexicon, people_lexicon
    from crossfloor.analyse.speakers.description import foreign_words
    from crossfloor.analyse.speakers.state import Lexicons

    doc = nlp("AU trade commissioner Grace Mbeki met Kenyan and Ghanaian ministers in Accra.")
    doc.ents = [Span(doc, 0, 1, label="NORP"), *(e for e in doc.ents if e.start > 0)]
    found = foreign_words(doc, Lexicons(people_lexicon(), party_lexicon()))
    assert "au" not in found and "ghanaian" in found


def test_in_an_article_about_that_country_its_leader_is_the_prime_minister(speakers):
    text = "Dutch Prime Minister Mark Rutte met farmers in Amsterdam on Monday. The prime minister says there can be no deal without the farmers."
    assert speakers(text) == ["Mark Rutte"]
