"""A person is shown by the fullest way their name is written, never by words a headline or a
label put before it."""

import pytest

from crossfloor.link.knowledge import fuller_name


@pytest.mark.parametrize(
    ("shown", "written", "taken"),
    [
        ("Roe", "Jane Roe", True),  # a first name where there was none
        ("J. Roe", "Jane Roe", True),  # an initial written out
        ("Jane Roe", "Jane Q. Roe", True),  # a middle initial
        ("Kay Roe", "Mary Kay Roe", False),  # a word in front, even a first name: it may be a headline's
        ("Jane Roe", "Tell Jane Roe", False),  # a headline's verb that is also a first name
        ("Dan Roe", "Jane Roe-Dan Roe", False),  # two names run together by a hyphen
        ("Jane Roe", "Jane Roe Roe", False),  # a word twice
        ("Jane Roe", "Nervous Jane Roe", False),  # a nickname from a headline
        ("Jane Roe", "Define Jane Roe", False),  # a headline's verb
        ("Jane Roe", "J. Q. Roe", False),  # opening with an initial
    ],
)
def test_the_name_shown_grows_only_by_name_words(shown, written, taken):
    assert fuller_name(shown, written) is taken


def test_two_names_run_together_are_not_a_fuller_name():
    assert not fuller_name("Joe Biden", "Amy Klobuchar Joe Biden")


def test_two_names_written_as_one_are_nobody():
    from crossfloor.link.knowledge import looks_like_name

    assert not looks_like_name("Jane Roe-Dan Hale")  # 'the Jane Roe-Dan Hale race'
    assert not looks_like_name("Jane Roe Jane")
    assert looks_like_name("Jane Lloyd-George") and looks_like_name("Marie-Anne Roe") and looks_like_name("Dan Kilroy-Silk")


def test_a_word_in_front_of_a_known_name_is_that_person(tmp_path):
    from crossfloor.link.knowledge import Linker
    from crossfloor.store.database import open_database

    db = open_database(f"sqlite:///{tmp_path / 'names.db'}")
    with db.write_transaction() as session:
        linker = Linker(session)
        jane = linker.person("Jane Roe")
        assert linker.person("Tell Jane Roe") is jane  # a headline's verb that is also a first name
        assert linker.person("Mary Ann Hale") is not jane


def test_a_headline_word_in_front_neither_makes_a_person_nor_splits_the_one_it_stands_before(tmp_path):
    from crossfloor.link.knowledge import Linker
    from crossfloor.store.database import open_database

    db = open_database(f"sqlite:///{tmp_path / 'names.db'}")
    with db.write_transaction() as session:
        linker = Linker(session)
        jane = linker.person("Jane Q. Roe")
        # the rest of the name denotes her, with or without the middle initial
        assert linker.person("Comparing Jane Roe") is jane
        # and a bare 'Jane Roe' stays hers, however many names ending in it are stored
        linker.person("Mary Jane Roe")
        assert linker.person("Jane Roe") is jane
