"""A page of people or events is read in a fixed number of statements, however many rows it
lists: views.people and views.events read what their rows need by the page's ids, not one query
per row (on a store of 36,000 articles the people page issued several statements per person).
Each row still carries its own mentions, quotes, switches, record, reference ids and conflicts.
Made-up articles, people and record, on SQLite and on PostgreSQL."""

from contextlib import contextmanager
from datetime import date, timedelta

import pytest
from sqlalchemy import event

from crossfloor.store import views
from crossfloor.store.database import Database, open_database
from crossfloor.store.schema import (
    ArticleRow,
    CanonicalEventRow,
    EventRow,
    KbIdentifierRow,
    KbMembershipRow,
    KbPersonRow,
    KbPostRow,
    KbSourceRow,
    PersonMentionRow,
    PersonRow,
    QuoteRow,
)
from tests.databases import BACKENDS, fresh_url

SWITCH = "{name}, who sat for {seat} as a Labour member, said on Tuesday she would sit with the Greens from now on."
CALLS = "Neighbours in {seat} argued over whether {name} should face a by-election; one councillor said she must, another said she need not."


# Made-up surnames, in alphabetical order (people by name list them in this order).
SURNAMES = ("Ashcombe", "Brackley", "Carrow", "Dunstan", "Elmridge", "Fawley", "Garrick", "Hollins")


def add_person(session, source: KbSourceRow, i: int) -> None:
    """Person i: linked to the made-up record (two Labour terms, a Green one, a post, two ids),
    named in two articles, quoted i + 1 times, two switches from Labour that disagree, and a
    call for and a call against a by-election in her seat."""
    name, kb, seat = f"Alys {SURNAMES[i]}", f"made-up/{i}", f"Eastmarsh {i}"
    session.add(KbPersonRow(id=kb, name=name, source_id=source.id))
    terms = [("Labour", date(2010, 5, 6), date(2015, 3, 30)), ("Labour", date(2015, 5, 7), date(2017, 5, 3)), ("Green", date(2017, 6, 8), None)]
    session.add_all(KbMembershipRow(person_id=kb, source_id=source.id, house="commons", seat=seat, country="gb", party=p, start=s, end=e) for p, s, e in terms)
    session.add(KbPostRow(person_id=kb, source_id=source.id, role="Minister for Harbours", organisation="Department of Coasts", start=date(2012, 1, 9), end=date(2013, 2, 1)))
    session.add_all([KbIdentifierRow(person_id=kb, source_id=source.id, scheme="wikidata", value=f"Q{9800000 + i}"), KbIdentifierRow(person_id=kb, source_id=source.id, scheme="parlparse", value=f"made-up/{7000 + i}")])
    day = date(2024, 3, 1) + timedelta(days=i)
    articles = [ArticleRow(content_hash=f"{i:031x}{k:033x}", text=text.format(name=name, seat=seat), title=f"Story {i}.{k}", published=day + timedelta(days=k), outlet="The Made-up Gazette") for k, text in enumerate((SWITCH, CALLS))]
    person = PersonRow(name=name, surname=SURNAMES[i].lower(), kb_person=kb, kind="person")
    session.add_all([*articles, person])
    session.flush()
    session.add_all(PersonMentionRow(person_id=person.id, article_id=a.id, name=n, role="MP", party="Labour", seat=seat) for a, n in zip(articles, (name, f"Ms {SURNAMES[i]}")))
    session.add_all(QuoteRow(article_id=articles[0].id, start=k, end=k + 1, text="from now on", kind="indirect", person_id=person.id) for k in range(i + 1))
    facts = [
        dict(type="party_switch", person_id=person.id, person=name, from_party="Labour", to_party="Green", seat=seat, subtype="defection", date=day, date_first=day, date_last=day),
        dict(type="party_switch", person_id=person.id, person=name, from_party="Labour", to_party="Liberal Democrats", seat=seat),
        dict(type="by_election_call", target=name, seat=seat, stance="for"),
        dict(type="by_election_call", target=name, seat=seat, stance="against"),
    ]
    for k, fact in enumerate(facts):
        canonical = CanonicalEventRow(**fact)
        session.add(canonical)
        session.flush()
        article = articles[0] if fact["type"] == "party_switch" else articles[1]
        # Some reports carry the person's record themselves; the others leave it to the person.
        told = kb if k == 0 and i % 2 == 0 else None
        report = {key: value for key, value in fact.items() if key != "person_id"}
        session.add(EventRow(article_id=article.id, start=0, end=len(article.text), canonical_id=canonical.id, kb_person=told, news=True, **report))


def made_up_store(url: str, count: int) -> Database:
    db = open_database(url)
    with db.writer.begin() as session:
        source = KbSourceRow(path="made-up record", format="popolo")
        session.add(source)
        session.flush()
        for i in range(count):
            add_person(session, source, i)
    return db


@contextmanager
def statements(db: Database):
    """The SQL statements the database is sent meanwhile."""
    sent: list[str] = []

    def send(conn, cursor, statement, parameters, context, executemany):
        sent.append(statement)

    event.listen(db.engine, "before_cursor_execute", send)
    try:
        yield sent
    finally:
        event.remove(db.engine, "before_cursor_execute", send)


def sent_by(db: Database, read) -> tuple[int, list]:
    """How many statements `read(session)` sends, and what it gives."""
    with db.reading() as session, statements(db) as sent:
        found = read(session)
    return len(sent), found


# Each listing as a page: the front page's 16 people; a page of 40 events.
LISTINGS = {"people": lambda session: views.people(session, limit=16), "events": lambda session: views.events(session, limit=40)}


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize("listing", LISTINGS)
def test_a_page_of_people_or_events_takes_the_same_statements_however_many_rows_it_lists(tmp_path, backend, listing):
    few, many = made_up_store(fresh_url(backend, tmp_path), 2), made_up_store(fresh_url(backend, tmp_path), 8)
    (few_sent, few_found), (many_sent, many_found) = sent_by(few, LISTINGS[listing]), sent_by(many, LISTINGS[listing])
    assert (len(few_found), len(many_found)) == ((2, 8) if listing == "people" else (8, 32))
    assert few_sent == many_sent, f"views.{listing}: {few_sent} statements for {len(few_found)} rows, {many_sent} for {len(many_found)}"


@pytest.fixture(scope="module", params=BACKENDS)
def store(request, tmp_path_factory):
    return made_up_store(fresh_url(request.param, tmp_path_factory.mktemp("batched")), 8)


def test_each_listed_person_carries_their_own_mentions_quotes_switches_and_record(store):
    with store.reading() as session:
        people = views.people(session, sort="name")
        switches = {(e["person_id"], e["to_party"]): e["id"] for e in views.events(session, type="party_switch")}
    assert [p["name"] for p in people] == [f"Alys {SURNAMES[i]}" for i in range(8)]
    for i, person in enumerate(people):
        assert (person["aliases"], person["mentions"], person["articles"], person["quote_count"]) == ([f"Ms {SURNAMES[i]}"], 2, 2, i + 1)
        assert (person["kb_person"], person["wikidata"], person["parlparse"], person["bioguide"]) == (f"made-up/{i}", f"Q{9800000 + i}", f"made-up/{7000 + i}", None)
        record = person["record"]
        assert (record["id"], record["name"]) == (f"made-up/{i}", person["name"])
        assert [(m["party"], m["start"], m["end"]) for m in record["memberships"]] == [("Labour", "2010-05-06", "2015-03-30"), ("Labour", "2015-05-07", "2017-05-03"), ("Green", "2017-06-08", None)]
        assert [p["role"] for p in record["posts"]] == ["Minister for Harbours"]
        first = (date(2024, 3, 1) + timedelta(days=i)).isoformat()
        green, libdem = switches[(person["id"], "Green")], switches[(person["id"], "Liberal Democrats")]
        assert [(h["name"], h["first"], h["source"]) for h in person["parties"]] == [
            ("Liberal Democrats", None, f"event {libdem} (None)"),
            ("Labour", "2010-05-06", "record"),  # two terms with a month between them are one span
            ("Green", "2017-06-08", "record"),
            ("Green", first, f"event {green} (defection)"),
            ("Labour", first, "described"),
        ]


def test_each_listed_event_carries_its_own_conflicts_sources_and_reference_ids(store):
    with store.reading() as session:
        found = views.events(session, sort="person")
        people = {p["id"]: p for p in views.people(session)}
    by_seat: dict[str, list[dict]] = {}
    for e in found:
        by_seat.setdefault(e["seat"], []).append(e)
    assert len(by_seat) == 8
    for seat, listed in by_seat.items():
        assert len(listed) == 4 and all(len(e["sources"]) == 1 and seat in e["sources"][0]["sentence"] for e in listed)
        for kind in ("party_switch", "by_election_call"):
            one, other = (e for e in listed if e["type"] == kind)
            assert (one["conflicts"], other["conflicts"]) == ([other["id"]], [one["id"]])
        for switch in (e for e in listed if e["type"] == "party_switch"):
            person = people[switch["person_id"]]
            assert (switch["kb_person"], switch["wikidata"]) == (person["kb_person"], person["wikidata"])
        assert all(e["kb_person"] is None and e["wikidata"] is None for e in listed if e["type"] == "by_election_call")
