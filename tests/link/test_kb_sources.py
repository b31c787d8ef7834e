"""Reference data from several publishers, on small made-up files in their formats:
congress-legislators YAML (terms with dated party affiliations), its CSV of former members and
executive.yaml; EveryPolitician Popolo (legislative periods, on_behalf_of, identifiers). People
join across sources by shared ids, never by name; seats, posts and switches answer on a day."""

import json
import textwrap
from datetime import date

import pytest
from sqlalchemy import func, select

from crossfloor.link.kb_import import KbProblem, import_path
from crossfloor.link.reference import Reference, seat_description
from crossfloor.store.database import open_database
from crossfloor.store.schema import KbIdentifierRow, KbMembershipRow, KbPersonRow

LEGISLATORS = """\
- id:
    bioguide: Z000001
    wikidata: Q900001
  name:
    first: Jane
    last: Zephyr
    official_full: Jane Zephyr
  terms:
  - type: sen
    start: '2013-01-03'
    end: '2019-01-03'
    state: OH
    class: 1
    party: Democrat
  - type: sen
    start: '2019-01-03'
    end: '2025-01-03'
    state: OH
    class: 1
    party: Independent
    party_affiliations:
    - start: '2019-01-03'
      end: '2020-05-31'
      party: Democrat
    - start: '2020-06-01'
      end: '2025-01-03'
      party: Independent
- id:
    bioguide: Y000002
  name:
    first: Tom
    last: Yarrow
  terms:
  - type: rep
    start: '2017-01-03'
    end: '2019-01-03'
    state: OH
    district: 3
    party: Republican
"""

SNAPSHOT = """\
- id:
    bioguide: Z000001
  name:
    first: Jane
    last: Zephyr
  terms:
  - type: sen
    start: '2013-01-03'
    end: '2019-01-03'
    state: OH
    party: Democrat
- id:
    bioguide: X000003
    wikidata: Q900003
  name:
    first: Rob
    last: Xavier
  terms:
  - type: sen
    start: '2011-01-05'
    end: '2023-01-03'
    state: OH
    party: Republican
"""

EXECUTIVE = """\
- id:
    bioguide: X000003
  name:
    first: Rob
    last: Xavier
  terms:
  - type: viceprez
    start: '2023-01-20'
    end: '2027-01-20'
    party: Republican
"""

HISTORICAL = """\
last_name,first_name,full_name,type,state,district,senate_class,party,bioguide_id,govtrack_id,wikipedia_id
Oldham,Ada,Ada Oldham,sen,OH,,3,Whig,O000009,400001,Ada Oldham
Zephyr,Jane,Jane Zephyr,sen,OH,,1,Independent,Z000001,400002,Jane Zephyr
"""


def popolo(people, memberships, areas, legislature_wikidata="Q11005", legacy_areas=True):
    prefix = "uk.org.publicwhip/cons/" if legacy_areas else "area/"
    return {
        "persons": people,
        "organizations": [
            {"id": "legislature", "name": "House of Commons", "classification": "legislature", "identifiers": [{"scheme": "wikidata", "identifier": legislature_wikidata}]},
            {"id": "con", "name": "Conservative", "classification": "party"},
            {"id": "ukip", "name": "UK Independence Party", "classification": "party"},
        ],
        "areas": [{"id": prefix + str(i), "name": name} for i, name in enumerate(areas)],
        "events": [
            {"id": "term/55", "classification": "legislative period", "start_date": "2010-05-06", "end_date": "2015-03-30"},
            {"id": "term/56", "classification": "legislative period", "start_date": "2015-05-08"},
        ],
        "memberships": memberships,
    }


CLACKTOWN = popolo(
    [
        {"id": "uuid-dc", "name": "Dora Cleave", "identifiers": [{"scheme": "everypolitician_legacy", "identifier": "70001"}, {"scheme": "wikidata", "identifier": "Q800001"}]},
        {"id": "uuid-fm", "name": "Fred Mallow", "identifiers": [{"scheme": "wikidata", "identifier": "Q800002"}]},
        {"id": "uuid-nn", "name": "Nell Nash"},
    ],
    [
        {"person_id": "uuid-dc", "organization_id": "legislature", "on_behalf_of_id": "con", "area_id": "uk.org.publicwhip/cons/0", "legislative_period_id": "term/55", "end_date": "2014-08-29", "role": "member"},
        {"person_id": "uuid-dc", "organization_id": "legislature", "on_behalf_of_id": "ukip", "area_id": "uk.org.publicwhip/cons/0", "legislative_period_id": "term/55", "start_date": "2014-10-10", "role": "member"},
        {"person_id": "uuid-dc", "organization_id": "legislature", "on_behalf_of_id": "ukip", "area_id": "uk.org.publicwhip/cons/0", "legislative_period_id": "term/56", "role": "member"},
        {"person_id": "uuid-fm", "organization_id": "legislature", "on_behalf_of_id": "con", "area_id": "uk.org.publicwhip/cons/1", "legislative_period_id": "term/56", "role": "member"},
        # A by-election: the file speaks for the open period up to this, its latest dated fact.
        {"person_id": "uuid-nn", "organization_id": "legislature", "on_behalf_of_id": "con", "area_id": "uk.org.publicwhip/cons/2", "legislative_period_id": "term/56", "start_date": "2015-11-01", "role": "member"},
    ],
    ["Clacktown", "Streamside", "Oldport"],
)

PEOPLE_XML = """<?xml version="1.0" encoding="ISO-8859-1"?>
<publicwhip><person id="uk.org.publicwhip/person/70001" latestname="Dora Cleave">
<office id="uk.org.publicwhip/member/1"/></person></publicwhip>
"""
MEMBERS_XML = """<?xml version="1.0" encoding="ISO-8859-1"?>
<publicwhip><member id="uk.org.publicwhip/member/1" house="commons" firstname="Dora" lastname="Cleave"
 constituency="Clacktown" party="Con" fromdate="2005-05-05" todate="2010-04-12" fromwhy="general_election" towhy="general_election"/></publicwhip>
"""


def write(folder, name, text):
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text if isinstance(text, str) else json.dumps(text), encoding="utf-8")
    return path


@pytest.fixture
def us(tmp_path):
    folder = tmp_path / "us"
    write(folder, "legislators-current.yaml", LEGISLATORS)
    write(folder, "snapshots/legislators-current.2022-12-23.yaml", SNAPSHOT)
    write(folder, "executive.yaml", EXECUTIVE)
    write(folder, "legislators-historical.csv", HISTORICAL)
    write(folder, "README.md", "notes")
    db = open_database(f"sqlite:///{tmp_path / 'us.db'}")
    done, skipped = import_path(db, folder)
    return db, {path.name: counts for path, counts in done}, skipped


def count(db, table, *where):
    with db.sessions() as session:
        return session.scalar(select(func.count()).select_from(table).where(*where))


def test_a_congress_folder_is_read_newest_first_with_counts_per_file(us):
    db, counts, skipped = us
    assert counts["legislators-current.yaml"]["persons"] == 2
    assert counts["legislators-current.yaml"]["memberships"] == 4  # the switched term is two
    # Jane Zephyr is in the current file: the older snapshot adds only Rob Xavier, the CSV only Ada Oldham.
    assert counts["legislators-current.2022-12-23.yaml"]["persons"] == 1
    assert counts["legislators-historical.csv"]["persons"] == 1
    assert counts["executive.yaml"]["posts"] == 1
    assert skipped == []  # notes are not data files
    # Rob Xavier of the snapshot and of executive.yaml is one person (bioguide X000003).
    assert count(db, KbPersonRow, KbPersonRow.id == "X000003") == 1
    assert count(db, KbIdentifierRow, KbIdentifierRow.person_id == "X000003", KbIdentifierRow.scheme == "bioguide") == 2


def test_senators_and_representatives_of_a_state_on_a_day(us):
    db, _, _ = us
    reference = Reference(db)
    assert [m.name for m in reference.who("senator from Ohio", date(2019, 3, 1))] == ["Jane Zephyr", "Rob Xavier"]
    assert [m.name for m in reference.who("the senator from Ohio", date(2024, 3, 1))] == ["Jane Zephyr"]
    assert [m.name for m in reference.who("representative from Ohio", date(2018, 3, 1))] == ["Tom Yarrow"]
    # Ada Oldham's last seat has no dates: it never answers for a day.
    assert "Ada Oldham" not in [m.name for m in reference.who("senator from Ohio", date(1850, 1, 1))]
    assert [m.name for m in reference.who("vice president of the united states", date(2024, 1, 1))] == ["Rob Xavier"]


def test_a_dated_party_affiliation_confirms_a_switch(us):
    db, _, _ = us
    reference = Reference(db)
    event = {"type": "party_switch", "person": "Jane Zephyr", "from_party": "Democratic", "to_party": "Independent", "date": "2020-06-01"}
    reference.check_switch(event, date(2020, 6, 2))
    assert event["status"] == "confirmed" and event["kb_person"] == "Z000001"
    assert event["record"] == "Democratic to 2020-05-31, Independent from 2020-06-01"
    wrong = {"type": "party_switch", "person": "Jane Zephyr", "from_party": "Democratic", "to_party": "Republican", "date": "2016-06-01"}
    reference.check_switch(wrong, date(2016, 6, 2))
    assert wrong["status"] == "contradicted" and "Democratic 2013-01-03 to 2019-01-03" in wrong["record"]
    nobody = {"type": "party_switch", "person": "Ada Oldham", "from_party": "Whig", "to_party": "Republican", "date": "1856-06-01"}
    reference.check_switch(nobody, date(1856, 6, 2))
    assert nobody["status"] == "not in record"  # an undated last seat cannot follow her through 1856


def test_popolo_and_parlparse_join_by_the_parlparse_number_in_either_order(tmp_path):
    for order in ((0, 1), (1, 0)):
        folder = tmp_path / f"order{order}"
        files = [write(folder / "uk", "people.xml", PEOPLE_XML), write(folder / "ep", "Commons.json", CLACKTOWN)]
        write(folder / "uk", "all-members.xml", MEMBERS_XML)
        db = open_database(f"sqlite:///{folder / 'kb.db'}")
        for i in order:
            import_path(db, files[i].parent)
        reference = Reference(db)
        dora = reference.member("Dora Cleave", date(2014, 9, 1))
        assert dora is not None, order
        with db.sessions() as session:
            owners = set(session.scalars(select(KbMembershipRow.person_id).where(KbMembershipRow.seat == "Clacktown")))
        assert owners == {dora.id}, order  # the parlparse seat and the Popolo seats are one person's


def test_popolo_periods_fill_undated_memberships_and_answer_seats(tmp_path):
    path = write(tmp_path, "Commons.json", CLACKTOWN)
    db = open_database(f"sqlite:///{tmp_path / 'ep.db'}")
    import_path(db, path)
    reference = Reference(db)
    assert [m.name for m in reference.who("the member for Streamside", date(2015, 6, 1))] == ["Fred Mallow"]
    assert reference.who("the member for Streamside", date(2014, 6, 1)) == []  # term/56 begins in 2015
    assert reference.who("the member for Streamside", date(2016, 6, 1)) == []  # after what the file speaks for
    assert [m.name for m in reference.who("MP for Clacktown", date(2012, 1, 1))] == ["Dora Cleave"]
    with db.sessions() as session:
        assert set(session.scalars(select(KbMembershipRow.country))) == {"GB"}
    # Left the Conservatives, vacated the seat, came back for UKIP at a by-election: confirmed.
    event = {"type": "party_switch", "person": "Dora Cleave", "from_party": "Conservative", "to_party": "UKIP", "date": "2014-08-28"}
    reference.check_switch(event, date(2014, 8, 28))
    assert event["status"] == "confirmed" and event["record"] == "Conservative to 2014-08-29, UK Independence Party from 2014-10-10"


def test_names_alone_never_join_people(tmp_path):
    """Two Popolo files with the same name and no shared id stay two people."""
    other = json.loads(json.dumps(CLACKTOWN))
    other["persons"][1]["identifiers"] = [{"scheme": "wikidata", "identifier": "Q800999"}]
    other["persons"][1]["id"] = "uuid-other"
    for m in other["memberships"]:
        m["person_id"] = {"uuid-fm": "uuid-other"}.get(m["person_id"], m["person_id"])
    db = open_database(f"sqlite:///{tmp_path / 'two.db'}")
    import_path(db, write(tmp_path, "a.json", CLACKTOWN))
    import_path(db, write(tmp_path, "b.json", other))
    with db.sessions() as session:
        fred = set(session.scalars(select(KbPersonRow.id).where(KbPersonRow.name == "Fred Mallow")))
    assert fred == {"uuid-fm", "uuid-other"}


@pytest.mark.parametrize(
    "name, content, problem",
    [
        ("legislators-current.yaml", "- id: [unclosed\n", "invalid YAML"),
        ("legislators-current.yaml", "just: a mapping\n", "not congress-legislators YAML"),
        ("executive.yaml", "- name: {first: A}\n", "not congress-legislators YAML"),
        ("legislators-historical.csv", b"bioguide_id,type\n\xff\xfe,sen\n", "cannot read"),
    ],
)
def test_bad_congress_files_get_one_line_naming_them(tmp_path, name, content, problem):
    path = tmp_path / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode())
    db = open_database(f"sqlite:///{tmp_path / 'bad.db'}")
    with pytest.raises(KbProblem) as raised:
        import_path(db, path)
    message = str(raised.value)
    assert str(path) in message and problem in message and "\n" not in message


@pytest.mark.parametrize(
    "text, described",
    [
        ("the member for Streatham", ("", "streatham")),
        ("MP for Witney", ("", "witney")),
        ("senator from Ohio", ("senate", "ohio")),
        ("Senators from New York.", ("senate", "new york")),
        ("Chancellor of the Exchequer", None),
        ("the member for", None),
        ("the Eastmoor MP", ("", "eastmoor")),  # a place before the seat's title
        ("the Ohio senator", ("senate", "ohio")),
        ("the Ohio Republican senator", ("senate", "ohio")),  # party words passed over
        ("a senior Labour MP", None),
        ("the former Eastmoor MP", None),  # a former member holds no seat now
    ],
)
def test_seat_descriptions(text, described):
    assert seat_description(text) == described


# TheyWorkForYou's people.json (mysociety/parlparse members/people.json): Popolo in parlparse's
# flavour, people named by their other_names, a seat's area inside its post, parlparse ids.
TWFY_PEOPLE = {
    "persons": [
        {"id": "uk.org.publicwhip/person/70001", "identifiers": [{"scheme": "datadotparl_id", "identifier": "9001"}],
         "other_names": [{"given_name": "Dora", "family_name": "Cleave", "note": "Main"}, {"given_name": "Dorothy", "family_name": "Cleave", "note": "Alternate"}]},
        {"id": "uk.org.publicwhip/person/70002", "other_names": [{"honorific_prefix": "Baroness", "lordname": "Lowmarsh", "lordofname": "Fenwick", "note": "Main"}]},
    ],
    "organizations": [
        {"id": "house-of-commons", "name": "House of Commons"},
        {"id": "house-of-lords", "name": "House of Lords"},
        {"id": "conservative", "name": "Conservative", "classification": "party"},
        {"id": "ukip", "name": "UKIP", "classification": "party"},
    ],
    "posts": [{"id": "uk.org.publicwhip/cons/0", "organization_id": "house-of-commons", "role": "Member of Parliament", "area": {"name": "Clacktown"}}],
    "memberships": [
        {"id": "uk.org.publicwhip/member/1", "person_id": "uk.org.publicwhip/person/70001", "post_id": "uk.org.publicwhip/cons/0", "on_behalf_of_id": "conservative",
         "start_date": "2010-05-06", "start_reason": "general_election", "end_date": "2014-08-28", "end_reason": "changed_party"},
        {"id": "uk.org.publicwhip/member/2", "person_id": "uk.org.publicwhip/person/70001", "post_id": "uk.org.publicwhip/cons/0", "on_behalf_of_id": "ukip",
         "start_date": "2014-08-29", "start_reason": "changed_party", "end_date": "2015-03-30", "end_reason": "general_election_standing"},
        {"id": "uk.org.publicwhip/lord/3", "person_id": "uk.org.publicwhip/person/70002", "organization_id": "house-of-lords", "on_behalf_of_id": "conservative", "role": "Peer", "start_date": "2011"},
    ],
}


def test_theyworkforyou_people_json_is_read_as_popolo_and_joins_parlparse_people(tmp_path):
    db = open_database(f"sqlite:///{tmp_path / 'twfy.db'}")
    done, _ = import_path(db, write(tmp_path / "twfy", "people.json", TWFY_PEOPLE))
    assert done[0][1]["persons"] == 2 and done[0][1]["memberships"] == 3
    reference = Reference(db)
    assert [m.name for m in reference.who("the member for Clacktown", date(2014, 9, 1))] == ["Dora Cleave"]
    assert reference.member("Baroness Lowmarsh", date(2012, 1, 1)).id == "uk.org.publicwhip/person/70002"
    with db.sessions() as session:
        houses = dict(session.execute(select(KbMembershipRow.person_id, KbMembershipRow.house)).all())
        reasons = set(session.scalars(select(KbMembershipRow.start_reason)))
    assert houses == {"uk.org.publicwhip/person/70001": "House of Commons", "uk.org.publicwhip/person/70002": "House of Lords"}
    assert "changed_party" in reasons
    event = {"type": "party_switch", "person": "Dora Cleave", "from_party": "Conservative", "to_party": "UKIP", "date": "2014-08-29"}
    reference.check_switch(event, date(2014, 8, 30))
    assert event["status"] == "confirmed" and event["record"] == "Conservative to 2014-08-28, UK Independence Party from 2014-08-29"
    # EveryPolitician's Dora Cleave carries parlparse number 70001: the same reference person.
    import_path(db, write(tmp_path / "ep", "Commons.json", CLACKTOWN))
    with db.sessions() as session:
        owners = set(session.scalars(select(KbMembershipRow.person_id).where(KbMembershipRow.seat == "Clacktown")))
    assert owners == {"uk.org.publicwhip/person/70001"}
