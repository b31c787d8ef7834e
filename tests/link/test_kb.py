"""Reference data: parlparse and Popolo import, posts and names at a date, switches checked."""

import json
from datetime import date

import pytest
from sqlalchemy import func, select

from crossfloor.link.kb_import import KbProblem, import_path
from crossfloor.link.reference import Reference
from crossfloor.store.database import open_database
from crossfloor.store.schema import KbMembershipRow, KbPostRow
from tests.conftest import shared_file


@pytest.fixture(scope="module")
def uk(tmp_path_factory):
    db = open_database(f"sqlite:///{tmp_path_factory.mktemp('kb') / 'kb.db'}")
    import_path(db, shared_file("kb", "uk"))
    return db


@pytest.mark.parametrize(
    "title, on, name",
    [
        ("Home Secretary", date(2005, 1, 10), "Charles Clarke"),
        ("the Home Secretary", date(2004, 11, 1), "David Blunkett"),
        ("Prime Minister", date(2005, 1, 10), "Tony Blair"),
        ("Chancellor", date(2008, 1, 1), "Alistair Darling"),
        ("Health Secretary", date(2012, 1, 1), "Andrew Lansley"),
    ],
)
def test_post_holder_on_a_day(uk, title, on, name):
    assert Reference(uk).holder(title, on).name == name


def test_open_ended_posts_are_not_stretched_past_the_data(uk):
    # ministers-2010.json ends in October 2020: it cannot say who was Health Secretary in 2022.
    assert Reference(uk).holder("Health Secretary", date(2022, 1, 20)) is None


def test_a_surname_reaches_the_member_record(uk):
    member = Reference(uk).member("Mr Woodward", date(1999, 12, 21))
    assert member.name == "Shaun Woodward"
    assert Reference(uk).member("Mr Woodward", date(1999, 12, 21), seat="Witney").id == member.id


def switch(person, from_party, to_party, first, last):
    return {"type": "party_switch", "person": person, "from_party": from_party, "to_party": to_party, "date_range": [first, last]}


def test_switches_are_checked_against_the_record(uk):
    reference = Reference(uk)
    published = date(1999, 12, 21)
    reported = switch("Shaun Woodward", "Conservative", "Labour", "1999-12-18", "1999-12-19")
    reference.check_switch(reported, published)
    assert reported["status"] == "confirmed" and reported["kb_person"]
    left = switch("Peter Temple-Morris", "Conservative", None, "1997-11-01", "1997-11-30")
    reference.check_switch(left, published)
    assert left["status"] == "confirmed"
    wrong = switch("Shaun Woodward", "Labour", "Liberal Democrat", "1999-12-18", "1999-12-19")
    reference.check_switch(wrong, published)
    assert wrong["status"] == "contradicted"
    unknown = switch("Christian Wakeford", "Conservative", "Labour", "2022-01-19", "2022-01-19")
    reference.check_switch(unknown, date(2022, 1, 20))
    assert unknown["status"] == "not in record"  # not in the data: neither confirmed nor contradicted


def test_importing_again_replaces_rather_than_doubles(uk):
    with uk.sessions() as session:
        before = session.scalar(select(func.count()).select_from(KbMembershipRow))
    import_path(uk, shared_file("kb", "uk", "all-members.xml"))
    with uk.sessions() as session:
        assert session.scalar(select(func.count()).select_from(KbMembershipRow)) == before


def test_popolo_for_another_country(tmp_path):
    popolo = {
        "persons": [{"id": "p1", "name": "Jane Tremblay"}, {"id": "p2", "name": "Luc Roy"}],
        "organizations": [
            {"id": "lib", "name": "Liberal Party", "classification": "party"},
            {"id": "ndp", "name": "New Democratic Party", "classification": "party"},
            {"id": "hoc", "name": "House of Commons", "classification": "legislature"},
            {"id": "cabinet", "name": "Cabinet", "classification": "executive"},
        ],
        "areas": [{"id": "a1", "name": "Laurier—Sainte-Marie"}],
        "memberships": [
            {"person_id": "p1", "organization_id": "hoc", "on_behalf_of_id": "ndp", "area_id": "a1", "start_date": "2015-10-19", "end_date": "2018-03-01"},
            {"person_id": "p1", "organization_id": "hoc", "on_behalf_of_id": "lib", "area_id": "a1", "start_date": "2018-03-02"},
            {"person_id": "p2", "organization_id": "cabinet", "role": "Minister of Finance", "start_date": "2016-01-01", "end_date": "2019-12-31"},
        ],
    }
    path = tmp_path / "canada.json"
    path.write_text(json.dumps(popolo))
    db = open_database(f"sqlite:///{tmp_path / 'ca.db'}")
    import_path(db, path)
    reference = Reference(db)
    assert reference.holder("Minister of Finance", date(2017, 6, 1)).name == "Luc Roy"
    event = switch("Jane Tremblay", "New Democratic Party", "Liberal Party", "2018-03-01", "2018-03-02")
    reference.check_switch(event, date(2018, 3, 3))
    assert event["status"] == "confirmed"
    with db.sessions() as session:
        assert session.scalar(select(func.count()).select_from(KbPostRow)) == 1


@pytest.mark.parametrize(
    "name, content, problem",
    [
        ("broken.xml", "<publicwhip><member id='1'", "not well-formed XML"),
        ("broken.json", "{\"persons\": [", "invalid JSON"),
        ("other.json", "{\"rows\": []}", "not Popolo JSON"),
        ("notes.txt", "hello", "not a known reference-data format"),
    ],
)
def test_bad_reference_files_get_one_line_naming_them(tmp_path, name, content, problem):
    path = tmp_path / name
    path.write_text(content)
    db = open_database(f"sqlite:///{tmp_path / 'bad.db'}")
    with pytest.raises(KbProblem) as raised:
        import_path(db, path)
    message = str(raised.value)
    assert str(path) in message and problem in message and "\n" not in message


def test_the_gazetteer_names_seats(uk):
    reference = Reference(uk)
    assert reference.seat_name("Witney, West Oxfordshire") == "Witney"
    assert reference.seat_name("Bury South") == "Bury South"
    assert reference.seat_name("the moon") is None


def test_newer_data_resolves_a_leader_the_article_only_titles(tmp_path):
    """The seeds' no-confidence letters are 'in the Prime Minister' (2022), which the parlparse
    snapshot cannot answer; a newer Popolo export can, through the same import."""
    popolo = {
        "persons": [{"id": "bj", "name": "Boris Johnson"}],
        "organizations": [{"id": "gov", "name": "HM Government", "classification": "executive"}],
        "memberships": [{"person_id": "bj", "organization_id": "gov", "role": "Prime Minister", "start_date": "2019-07-24", "end_date": "2022-09-06"}],
    }
    path = tmp_path / "pm.json"
    path.write_text(json.dumps(popolo))
    db = open_database(f"sqlite:///{tmp_path / 'pm.db'}")
    import_path(db, path)
    events = [{"type": "no_confidence_letter", "action": "withdrawn", "count": "up to seven", "by_party": "Conservative", "against": "Prime Minister"}]
    Reference(db).link(date(2022, 1, 20), [], events)
    assert events[0]["against"] == "Boris Johnson"
    late = [{"type": "no_confidence_letter", "action": "submitted", "against": "Prime Minister"}]
    Reference(db).link(date(2023, 1, 20), [], late)
    assert late[0]["against"] == "Prime Minister"  # after the record's end: nobody known
