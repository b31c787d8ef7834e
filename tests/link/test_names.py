"""How the linker reads names before it looks anything up: which sources are people's names, when
a report's fields agree with a canonical event's, and which phrases are post titles (made-up
names)."""

import pytest

from crossfloor.link.knowledge import agree_where_given, looks_like_name
from crossfloor.link.reference import Reference


@pytest.mark.parametrize("name", ["Rachel Vane", "Wakeford", "Mr Orrin Fairbrook", "Damian Green", "President Trump", "Beto O'Rourke"])
def test_names_of_people(name):
    assert looks_like_name(name)


@pytest.mark.parametrize(
    "name",
    ["Health Secretary", "Labour leadership source", "Tories", "Conservative", "Liberal Democrats", "party spokesman", "he", "", None, "Aled Bryn Ceri Dafydd Emyr Ffion"],
)
def test_roles_parties_and_pronouns_are_no_names(name):
    assert not looks_like_name(name)


def test_fields_agree_where_given():
    assert agree_where_given(None, "Christian Wakeford") and agree_where_given("Labour", None)
    assert agree_where_given("Mr Wakeford", "Christian Wakeford")
    assert agree_where_given("transport minister", "minister")
    assert not agree_where_given("Joan Woodward", "Shaun Woodward")
    assert not agree_where_given("Health Secretary", "Home Secretary")


def test_post_titles_are_not_names():
    assert Reference.is_title("the Home Secretary") and Reference.is_title("Prime Minister")
    assert not Reference.is_title("Orrin Fairbrook") and not Reference.is_title(None)
