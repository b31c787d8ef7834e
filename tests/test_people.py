"""The one model of people's names: how a written name parses, and when two written names can
denote the same person (made-up names and public politicians')."""

import pytest

from crossfloor.people import (
    PersonName,
    has_given_name,
    name_key,
    one_person,
    plain_name,
    same_person,
    spelling_key,
    surname_of,
    without_honorifics,
)


@pytest.mark.parametrize(
    ("written", "first", "middle", "surname", "suffix", "title"),
    [
        ("Mr Christian Wakeford", "Christian", (), "Wakeford", "", "Mr"),
        ("George H. W. Bush", "George", ("H.", "W."), "Bush", "", ""),
        ("Jesse L. Jackson Jr.", "Jesse", ("L.",), "Jackson", "Jr.", ""),
        ("Marla Quint, Jr.", "Marla", (), "Quint", "Jr.", ""),
        ("Rt Hon Theresa May MP", "Theresa", (), "May", "", "Rt Hon"),
        ("Sen. Ted Cruz", "Ted", (), "Cruz", "", "Sen."),
        ("Robert Kilroy-Silk", "Robert", (), "Kilroy-Silk", "", ""),
        ("Ursula von der Leyen", "Ursula", (), "von der Leyen", "", ""),
        ("Wakeford", "", (), "Wakeford", "", ""),  # a lone word in the news is a surname
        ("Mrs Penhallow", "", (), "Penhallow", "", "Mrs"),
        ("John Major", "John", (), "Major", "", ""),  # nameparser's own titles would take 'Major'
        ("Ivo Judge", "Ivo", (), "Judge", "", ""),
        ("Kevin McCarthy, R-Calif.", "Kevin", (), "McCarthy", "", ""),  # an apposition is not the name
        ('Justin Amash (I-MI)', "Justin", (), "Amash", "", ""),
        ("the President", "", (), "President", "", ""),  # a title alone is kept as written
    ],
)
def test_a_written_name_parses_into_its_parts(written, first, middle, surname, suffix, title):
    name = PersonName.parse(written)
    assert (name.first, name.middle, name.surname, name.suffix, name.title) == (first, middle, surname, suffix, title)


def test_keys_fold_case_hyphens_dots_and_honorifics():
    assert name_key("Robert Kilroy-Silk") == name_key("robert kilroy silk") == "robert kilroy silk"
    assert name_key("Mr Orrin Fairbrook MP") == "orrin fairbrook"
    assert name_key("Jesse L. Jackson Jr.") == "jesse l jackson jr"
    assert surname_of("Mr Robert Kilroy-Silk") == surname_of("Kilroy Silk") == "silk"
    assert surname_of("Dame Edwina Tull-Arden") == "arden"
    assert spelling_key("the B.B.C.") == "the b b c"
    assert name_key("Beto O’Rourke") == name_key("Beto O'Rourke")


def test_plain_names_and_initials():
    assert plain_name("Rt Hon Theresa May MP") == "Theresa May"
    assert plain_name("President Trump") == "Trump"
    assert plain_name("the Health Secretary") == "Health Secretary"
    assert PersonName.parse("George H. W. Bush").initials == "ghw"
    assert PersonName.parse("Robert Kilroy-Silk").hyphenated and not PersonName.parse("Robert Kilroy Silk").hyphenated
    assert PersonName.parse("Mrs Penhallow").gender == "female" and PersonName.parse("Dr Penhallow").gender is None


def test_honorifics_before_a_title_in_lower_case_stay():
    assert without_honorifics("the Rt Hon Sir Peter Tapsell") == "Peter Tapsell"
    assert without_honorifics("the Health Secretary") == "Health Secretary"
    assert without_honorifics("President of the Board of Trade") == "President of the Board of Trade"
    assert without_honorifics("Mr") == "Mr"


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Mr Wakeford", "Christian Wakeford"),
        ("C. Wakeford", "Christian Wakeford"),
        ("Wakeford", "Mr Christian Wakeford MP"),
        ("Donald J. Trump", "Donald Trump"),
        ("Donald J. Trump", "Donald John Trump"),
        ("President Trump", "Donald Trump"),
        ("Jesse Jackson", "Jesse L. Jackson Jr."),
        ("George Herbert Walker Bush", "George H. W. Bush"),
        ("Robert Kilroy-Silk", "Robert Kilroy Silk"),
        ("Kilroy-Silk", "Robert Kilroy-Silk"),
        ("Iain Duncan Smith", "Duncan Smith"),
        ("I. Duncan Smith", "Iain Duncan Smith"),
        ("von der Leyen", "Ursula von der Leyen"),
        ("Damian Hockney", "Damien Hockney"),  # one slip in a long first name
        ("Marianne Oakes", "Mairanne Oakes"),  # two letters swapped are one slip
        ("Alexandria Ocasio-Cortez", "alexandria ocasio cortez"),
        ("Quentin Blythe", "Quentin Blythe"),
    ],
)
def test_names_that_can_denote_one_person(a, b):
    assert same_person(a, b) and same_person(b, a)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Donald Trump", "Ivanka Trump"),
        ("George H. W. Bush", "George W. Bush"),
        ("Jesse Jackson Jr.", "Jesse Jackson Sr."),
        ("Joan Woodward", "Shaun Woodward"),
        ("Hilary Benn", "Tony Benn"),
        ("Ed Miliband", "David Miliband"),
        ("Jon Tamsin", "Jan Tamsin"),  # a short first name gets no slip
        ("Boris Johnson", "Boris Johnston"),  # nor does a surname
        ("Mary Ann Pellow", "Mary Jane Pellow"),
        ("D. Trump", "Ivanka Trump"),
        ("Kilroy", "Robert Kilroy-Silk"),  # part of a surname is not its last words
        ("Wakeford", "Christian"),
        ("", "Christian Wakeford"),
        (None, None),
    ],
)
def test_names_that_cannot(a, b):
    assert not same_person(a, b) and not same_person(b, a)


def test_parsed_and_written_names_compare_alike():
    assert same_person(PersonName.parse("Mr Orrin Fairbrook"), "Orrin Fairbrook")


@pytest.mark.parametrize(
    ("a", "b", "joined"),
    [
        ("Donald Trump", "Donald J. Trump", True),
        ("Trump", "Donald Trump Jr.", True),  # a surname alone may be either
        ("Donald Trump", "Donald Trump Jr.", False),  # a suffix one lacks tells father and son apart
        ("Orrin Fairbrook III", "Orrin Fairbrook", False),
        ("Orrin Fairbrook III", "O. Fairbrook III", True),
        ("Donald Trump", "Ivanka Trump", False),
    ],
)
def test_names_joined_as_one_person(a, b, joined):
    assert one_person(a, b) is joined and one_person(b, a) is joined


def test_a_given_name_is_more_than_a_surname():
    assert has_given_name("C. Wakeford") and has_given_name("Ursula von der Leyen")
    assert not has_given_name("Mr Wakeford") and not has_given_name("Kilroy-Silk") and not has_given_name("")
