"""Who is a person across articles: organisations that speak are kept apart, unnamed roles and
pronouns are nobody, and a middle initial does not make a second person (made-up articles)."""

from datetime import date

import pytest

from crossfloor.ingest import ingest_now
from crossfloor.schema import Article
from crossfloor.store import views
from crossfloor.store.database import open_database

ARTICLES = [
    "The White House said on Monday that the talks would resume.\n\nIt said the mood was good. A party spokesman said the vote was lost.",
    "Donald Trump said the deal was done.\n\nTrump told reporters he was pleased.",
    "Donald J. Trump said the wall would be built.\n\nReuters said the claim could not be checked.",
]


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    database = open_database(f"sqlite:///{tmp_path_factory.mktemp('people') / 'people.db'}")
    for k, text in enumerate(ARTICLES):
        outcome = ingest_now(Article(text=text, id=f"people-{k}", published=date(2020, 1, 6 + k)), database)
        assert outcome.kind == "stored", outcome
    return database


def test_only_people_are_people(db):
    with db.sessions() as session:
        names = {p["name"] for p in views.people(session)}
    assert names == {"Donald J. Trump"}, names  # not 'It', 'White House', 'Reuters' or 'party spokesman'


def test_organisations_that_speak_are_listed_as_organisations(db):
    with db.sessions() as session:
        bodies = {p["name"]: p for p in views.people(session, kind="organisation")}
    assert {"White House", "Reuters"} <= set(bodies)
    assert all(b["kind"] == "organisation" and b["quote_count"] >= 1 for b in bodies.values())


def test_a_middle_initial_joins_the_same_person(db):
    with db.sessions() as session:
        [trump] = views.people(session, name="Trump")
    assert trump["quote_count"] == 3 and trump["articles"] == 2 and "Donald Trump" in trump["aliases"]
