"""People named in articles tied to their reference record when name, day, role, seat or party
fit one reference person and only one, with the evidence kept; speakers described by a post or a
seat resolved through the record only when the article names the holder, else the holder is a
suggestion (a tiny made-up record, made-up articles)."""

from datetime import date

import pytest

from crossfloor.link.reference import Reference
from tests.link.record_fixture import record_db


@pytest.fixture(scope="module")
def reference(tmp_path_factory):
    return Reference(record_db(tmp_path_factory.mktemp("record")))


def test_a_full_name_of_one_member_links_with_its_evidence(reference):
    found = reference.identify("Nadia Quint", date(2013, 3, 1), role="MP", party="Labour", seat="Eastmoor")
    assert found.id == "nq"
    assert found.evidence["fields"] == ["name", "date", "role", "seat", "party"]
    assert found.evidence["record_name"] == "Nadia Quint" and found.evidence["on"] == "2013-03-01"


def test_a_post_bears_out_the_role(reference):
    found = reference.identify("Orrin Fairbrook", date(2013, 3, 1), role="Health Secretary")
    assert found.id == "of" and "role" in found.evidence["fields"]


@pytest.mark.parametrize(
    ("name", "said", "why"),
    [
        ("Nadia Quint", {"seat": "Westmoor"}, "a seat the record never shows her in"),
        ("Nadia Quint", {"party": "Conservative"}, "a party the record never gives her while it follows her"),
        ("John Arden", {}, "two members of that name sit on the day"),
        ("Quint", {}, "a surname alone"),
        ("Nadia Quint", {"on": date(1950, 1, 1)}, "a record far from the article's day"),
        ("Jane Nobody", {}, "no such name"),
        ("Ada Quenby", {}, "a record that names only a title and a surname ('Lord Quenby')"),
    ],
)
def test_no_link_unless_one_person_fits(reference, name, said, why):
    on = said.pop("on", date(2013, 3, 1))
    assert reference.identify(name, on, **said) is None, why


def test_without_a_day_a_name_of_one_member_links_by_the_name_alone(reference):
    found = reference.identify("Nadia Quint", None)
    assert found.id == "nq" and found.evidence["fields"] == ["name"] and found.evidence["on"] is None


def test_a_namesake_of_another_century_is_passed_over(reference):
    assert reference.identify("Harold Penhallow", date(2013, 3, 1)).id == "hp"


def test_a_seat_or_party_tells_namesakes_apart(reference):
    assert reference.identify("John Arden", date(2013, 3, 1), seat="Southgate").id == "ja-s"
    found = reference.identify("John Arden", date(2013, 3, 1), party="Labour")
    assert found.id == "ja-n" and found.evidence["fields"] == ["name", "date", "party"]


def role_quote(words: str) -> dict:
    return {"speaker": f"the {words}", "speaker_resolved": words, "speaker_role": words, "speaker_kind": "role", "resolved_by": "unnamed_source"}


@pytest.mark.parametrize("words", ["Health Secretary", "member for Eastmoor", "Eastmoor MP"])
def test_a_description_whose_holder_the_article_never_names_stays_the_speaker_with_a_suggestion(reference, words):
    quote = role_quote(words)
    reference.link(date(2013, 3, 1), [quote], [], [{"name": "Jane Nobody"}])
    assert quote["speaker_resolved"] == words and quote["speaker_kind"] == "role" and quote["resolved_by"] == "unnamed_source"
    assert quote["speaker_suggested"] in ("Orrin Fairbrook", "Nadia Quint")


def test_a_description_whose_holder_the_article_names_is_that_person_by_the_record(reference):
    quote = role_quote("Health Secretary")
    people = [{"name": "Orrin Fairbrook", "role": None, "party": None, "seat": None}]
    reference.link(date(2013, 3, 1), [quote], [], people)
    assert (quote["speaker_resolved"], quote["speaker_kind"], quote["resolved_by"]) == ("Orrin Fairbrook", "person", "record")
    assert quote["speaker_suggested"] is None and quote["speaker_role"] == "Health Secretary"
    assert people[0]["kb_person"] == "of" and people[0]["kb_evidence"]["fields"] == ["name", "date"]


def test_a_description_two_holders_fit_names_the_one_the_article_names(reference):
    quote = role_quote("Ohio senator")
    reference.link(date(2014, 3, 1), [quote], [], [])
    assert quote["speaker_resolved"] == "Ohio senator" and quote["speaker_suggested"] is None  # two senators: no guess
    quote = role_quote("Ohio senator")
    reference.link(date(2014, 3, 1), [quote], [], [{"name": "Rob Tellis"}])
    assert quote["speaker_resolved"] == "Rob Tellis" and quote["resolved_by"] == "record"


def test_outside_the_holders_days_nothing_is_suggested(reference):
    quote = role_quote("Health Secretary")
    reference.link(date(2016, 3, 1), [quote], [], [{"name": "Orrin Fairbrook"}])
    assert quote["speaker_resolved"] == "Health Secretary" and quote["speaker_suggested"] is None
