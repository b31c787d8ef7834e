"""The store reads and writes the contract between analyse and store (AnalysedArticle): quotes
and events go in as their records and come back out of the one read path (store/views.py) as
the same records, whatever fields an event type declares."""

from datetime import date

import pytest
from sqlalchemy import inspect

from crossfloor.schema import AnalysedArticle, Article
from crossfloor.schema.events import SPECS, EventSpec, FieldSpec, Key
from crossfloor.store import views
from crossfloor.store.database import open_database
from crossfloor.store.rows import EVENT_COLUMNS
from crossfloor.store.schema import EventRow

TEXT = 'Councillor Jane Doe was deselected by her local party. "I am disappointed," she said.'


# Made up for this test, with a field no table has a column for: the vote's margin.
DESELECTION = EventSpec(
    name="deselection",
    field_specs=(FieldSpec("person", "person", merge="longer"), FieldSpec("seat", "place"), FieldSpec("margin", "text", across=False)),
    participant="person",
    merge_keys=("person",),
    link_column="person_id",
    agree_fields=(),
    score_keys=(Key("person", "person"),),
    describe=lambda event: f"{event.get('person')} deselected",
)


@pytest.fixture
def with_deselection(monkeypatch):
    monkeypatch.setitem(SPECS, "deselection", DESELECTION)


def quote() -> dict:
    start = TEXT.index('"I am')
    return {
        "start": start, "end": start + 19, "text": TEXT[start : start + 19], "kind": "direct", "cue": "said", "cue_start": TEXT.index("said"),
        "cue_end": TEXT.index("said") + 4, "speaker": "she", "speaker_start": TEXT.index("she"), "speaker_end": TEXT.index("she") + 3,
        "speaker_resolved": "Jane Doe", "speaker_role": "Councillor", "speaker_party": None, "speaker_seat": None, "speaker_kind": "person",
        "venue": None, "utterance": 0, "act": "said", "found_by": "sentence_final_cue", "resolved_by": "pronoun_by_salience",
    }


def deselection() -> dict:
    end = TEXT.index(".") + 1
    return {
        "type": "deselection", "start": 0, "end": end, "evidence": [[0, end]], "trigger": "deselected", "date": "2024-03-01", "date_range": None,
        "date_text": None, "news": True, "status": None, "kb_person": None, "found_by": "verb:deselect", "filled_by": {"person": "subject"},
        "person": "Jane Doe", "seat": None, "margin": "12 votes to 9",
    }


def test_an_event_field_without_a_column_is_stored_and_read_back_without_a_migration(tmp_path, with_deselection):
    db = open_database(f"sqlite:///{tmp_path / 'records.db'}")
    assert "margin" not in {c["name"] for c in inspect(db.engine).get_columns("events")}
    analysed = AnalysedArticle(quotes=[quote()], events=[deselection()], sentences=[[0, TEXT.index(".") + 1]])
    outcome = db.store(Article(text=TEXT, title="Deselected", published=date(2024, 3, 1), source="test"), analysed)
    assert outcome.kind == "stored"
    with db.reading() as session:
        [report] = views.event_reports(session, type="deselection")
        [stored] = views.quote_records(session, article_id=outcome.article_id)
    expected = deselection()
    assert {k: report[k] for k in expected} == expected
    assert set(report) == {"article_id", "title", "published", "outlet", "id", "sentence", *expected}
    assert report["sentence"] == "Councillor Jane Doe was deselected by her local party."
    assert {k: stored[k] for k in quote()} == quote()


def test_events_of_known_types_keep_every_field_in_its_own_column(tmp_path):
    db = open_database(f"sqlite:///{tmp_path / 'columns.db'}")
    for kind in SPECS.values():
        assert set(kind.fields) - {"quotes"} <= set(EVENT_COLUMNS), kind.name
    resignation = {**deselection(), "type": "resignation", "office": "councillor", "reason": None}
    del resignation["margin"]
    db.store(Article(text=TEXT, source="test"), AnalysedArticle(events=[resignation]))
    with db.reading() as session:
        assert session.query(EventRow).one().details is None
        [report] = views.event_reports(session)
    assert report["office"] == "councillor" and "margin" not in report


def test_a_failed_analysis_is_its_error_alone_and_its_record_is_the_extract_record():
    failed = AnalysedArticle.failed("analysis stopped after 1 s")
    assert failed.to_dict() == {"quotes": [], "events": [], "people": [], "error": "analysis stopped after 1 s"}
    assert AnalysedArticle(quotes=[quote()]).to_dict() == {"quotes": [quote()], "events": [], "people": []}
