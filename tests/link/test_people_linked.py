"""Across articles: people tied to the reference record with the evidence kept, a surname alone
joined to a person only when the article's story names them, namesakes and a father and his
Jr. kept apart, and speakers described by a post resolved through the record only when the
article names the holder (made-up articles, the tiny made-up record)."""

import json
from datetime import date

import pytest
from sqlalchemy import select

from crossfloor.store import views
from crossfloor.store.schema import PersonRow, QuoteRow
from tests.link.record_fixture import ARTICLES, linked_db

@pytest.fixture(scope="module")
def db(tmp_path_factory):
    return linked_db(tmp_path_factory.mktemp("linked"))


def quotes_of(db, external_id: str) -> list[QuoteRow]:
    with db.sessions() as session:
        return session.scalars(select(QuoteRow).join(QuoteRow.article).where(QuoteRow.article.has(external_id=external_id)).order_by(QuoteRow.start)).all()


def test_a_person_linked_to_the_record_keeps_the_evidence(db):
    with db.sessions() as session:
        nadia = session.scalar(select(PersonRow).where(PersonRow.name == "Nadia Quint"))
    assert nadia.kb_person == "nq"
    assert set(nadia.kb_evidence["fields"]) >= {"name", "date", "party"} and nadia.kb_evidence["article_id"]


def test_a_post_holder_the_article_never_names_is_only_suggested(db):
    budget = next(q for q in quotes_of(db, "linked") if "budget" in q.text)
    assert budget.speaker_resolved == "Health Secretary" and budget.person_id is None
    assert budget.speaker_suggested == "Orrin Fairbrook"


def test_a_post_holder_the_article_names_is_the_speaker_by_the_record(db):
    budget = next(q for q in quotes_of(db, "named") if "budget" in q.text)
    assert (budget.speaker_resolved, budget.resolved_by, budget.speaker_suggested) == ("Orrin Fairbrook", "record", None)
    with db.sessions() as session:
        assert session.get(PersonRow, budget.person_id).kb_person == "of"


def test_a_surname_alone_joins_the_person_its_story_names_and_nobody_elsewhere(db):
    [again] = quotes_of(db, "depot again")
    [elsewhere] = quotes_of(db, "elsewhere")
    with db.sessions() as session:
        harold = session.scalar(select(PersonRow).where(PersonRow.name == "Harold Penhallow"))
    assert again.person_id == harold.id  # the same story: the depot sale
    assert elsewhere.speaker_resolved == "Penhallow" and elsewhere.person_id is None  # which Penhallow, nothing says


def test_the_first_half_of_a_double_barrelled_surname_joins_the_person_its_story_names(db):
    [again] = quotes_of(db, "library again")
    with db.sessions() as session:
        morwenna = session.scalar(select(PersonRow).where(PersonRow.name == "Morwenna Tregaskis-Vane"))
    assert again.person_id == morwenna.id


def test_a_father_and_his_jr_are_two_people(db):
    with db.sessions() as session:
        names = {p["name"] for p in views.people(session, name="Quint")}
    assert {"Orrin Quint", "Orrin Quint Jr.", "Nadia Quint"} <= names


def test_people_stored_before_the_record_are_linked_when_it_is_imported(tmp_path):
    from typer.testing import CliRunner

    from crossfloor.cli import app
    from crossfloor.ingest import ingest_now
    from crossfloor.schema import Article
    from crossfloor.store.database import open_database
    from tests.link.record_fixture import POPOLO

    db = open_database(f"sqlite:///{tmp_path / 'later.db'}")
    ingest_now(Article(text=ARTICLES[0][2], id="linked", published=ARTICLES[0][1]), db)
    (tmp_path / "record.json").write_text(json.dumps(POPOLO))
    done = CliRunner().invoke(app, ["kb", "import", str(tmp_path / "record.json"), "--db", str(tmp_path / "later.db")])
    assert done.exit_code == 0 and "linked 1 stored people to the record" in done.output, done.output
    with db.sessions() as session:
        nadia = session.scalar(select(PersonRow).where(PersonRow.name == "Nadia Quint"))
    assert nadia.kb_person == "nq" and nadia.kb_evidence["article_id"] == 1
    budget = next(q for q in quotes_of(db, "linked") if "budget" in q.text)
    assert budget.speaker_resolved == "Health Secretary" and budget.speaker_suggested == "Orrin Fairbrook"  # re-checked too


HINTED = [
    ("father", "Mayor Harold Okafor said the ferry would run all winter."),
    ("daughter", "Margaret Okafor said the school roof would be mended by May."),
    ("mr", "Mr Okafor said the harbour wall had held through the storm."),
    ("mayor", "Mayor Okafor said the bridge would reopen in June after repairs."),
    ("bare", "Asked about the match, Okafor said it had been a disgrace."),
]


def test_an_honorific_or_a_role_tells_which_of_a_surname_the_article_means(tmp_path):
    from crossfloor.ingest import ingest_now
    from crossfloor.schema import Article
    from crossfloor.store.database import open_database

    db = open_database(f"sqlite:///{tmp_path / 'hints.db'}")
    for k, (name, text) in enumerate(HINTED):
        ingest_now(Article(text=text, id=name, published=date(2013, 1 + k * 2, 1)), db)
    with db.sessions() as session:
        harold = session.scalar(select(PersonRow).where(PersonRow.name == "Harold Okafor"))
    [mr], [mayor] = quotes_of(db, "mr"), quotes_of(db, "mayor")
    assert mr.person_id == harold.id  # 'Mr' rules out Margaret
    assert mayor.person_id == harold.id  # articles call Harold the mayor
    [bare] = quotes_of(db, "bare")
    assert bare.speaker_kind == "person" and bare.person_id is None  # nothing says which
