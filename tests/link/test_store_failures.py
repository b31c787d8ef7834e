"""An article the linker trips on is skipped with its reason and leaves nothing behind; a
speaker given as an organisation whose name has no word in it is nobody, not a crash."""

from datetime import date

from crossfloor.ingest import stored_or_skipped
from crossfloor.link.reference import Reference
from crossfloor.link.utterances import UtteranceLinker
from crossfloor.store.database import open_database
from tests.link.test_utterances import article


def test_an_article_the_linker_cannot_take_is_skipped_whole(tmp_path, monkeypatch):
    db = open_database(f"sqlite:///{tmp_path / 'fail.db'}")

    def trip(self, article_row, quotes):
        raise ValueError("max() arg is an empty sequence")

    monkeypatch.setattr(UtteranceLinker, "link", trip)
    art, result = article("Jane Roe said: «We will build the bridge before the winter comes» on Monday.", "Daily One", date(2024, 5, 2))
    outcome = stored_or_skipped(art, result, db, Reference(db))
    assert outcome.kind == "skipped" and outcome.detail == "storing failed (ValueError: max() arg is an empty sequence)"
    assert db.counts() == {"articles": 0, "quotes": 0, "events": 0}  # its transaction rolled back


def test_an_organisation_named_by_no_word_is_nobody(tmp_path):
    db = open_database(f"sqlite:///{tmp_path / 'org.db'}")
    art, result = article("The statement said: «We will build the bridge before the winter comes» on Monday.", "Daily One", date(2024, 5, 2), speaker="...")
    result.quotes[0]["speaker_kind"] = "organisation"
    outcome = stored_or_skipped(art, result, db, Reference(db))
    assert outcome.kind == "stored"
    with db.sessions() as session:
        from crossfloor.store.schema import QuoteRow

        assert session.query(QuoteRow.person_id).scalar() is None


def test_rows_the_database_rejects_are_no_duplicate(tmp_path, monkeypatch):
    """Only a unique constraint another writer won is a duplicate: a reference to a row that is
    not there (a linker's defect) skips the article with the database's reason, never silently."""
    from crossfloor.store.schema import PersonMentionRow

    db = open_database(f"sqlite:///{tmp_path / 'reject.db'}")

    def dangling(self, article_row, quotes):
        self.session.add(PersonMentionRow(person_id=987654, article_id=article_row.id, name="Nobody Known"))
        self.session.flush()
        return set()

    monkeypatch.setattr(UtteranceLinker, "link", dangling)
    art, result = article("Jane Roe said: «We will build the bridge before the winter comes» on Monday.", "Daily One", date(2024, 5, 2))
    outcome = stored_or_skipped(art, result, db, Reference(db))
    assert outcome.kind == "skipped" and "FOREIGN KEY constraint failed" in outcome.detail, outcome
    assert db.counts()["articles"] == 0
