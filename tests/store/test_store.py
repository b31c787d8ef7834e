"""The schema: the models and the migrations agree, and old databases are brought up to date."""

import sqlite3

from alembic import command
from alembic.config import Config

from crossfloor.store.database import MIGRATIONS, newest_revision, open_database


def test_models_and_migrations_agree(tmp_path):
    url = f"sqlite:///{tmp_path / 'm.db'}"
    open_database(url)
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.set_main_option("sqlalchemy.url", url)
    command.check(config)  # raises when a model changed without a migration


def test_the_newest_migration_read_without_alembic_is_alembics_head():
    """Opening a database already at this revision skips Alembic (tests/cli/test_startup.py)."""
    from alembic.script import ScriptDirectory

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    assert newest_revision() == ScriptDirectory.from_config(config).get_current_head()


def test_a_database_from_before_migrations_is_upgraded_in_place(tmp_path):
    path = tmp_path / "old.db"
    url = f"sqlite:///{path}"
    open_database(url)
    with sqlite3.connect(path) as conn:  # what a database made before migration 0002 looked like
        conn.execute("INSERT INTO articles (content_hash, text, ingested_at) VALUES ('h', 'Some text.', '2024-01-01')")
        conn.execute("DROP INDEX ix_quotes_utterance_id")
        conn.execute("DROP INDEX ix_quotes_person_article")
        for column in ("utterance_id", "rendering"):
            conn.execute(f"ALTER TABLE quotes DROP COLUMN {column}")
        for table in ("utterances", "flags", "kb_identifiers", "alerts", "watch_state", "web_resources", "search_index", "article_bands", "article_signatures", "article_copies", "person_mentions", "canonical_events", "stories", "people", "alembic_version"):
            conn.execute(f"DROP TABLE {table}")
        conn.execute("DROP INDEX ix_quotes_act")
        conn.execute("DROP INDEX ix_kb_memberships_region")
        for column in ("country", "region"):
            conn.execute(f"ALTER TABLE kb_memberships DROP COLUMN {column}")
        conn.execute("ALTER TABLE events DROP COLUMN record")
        for column in ("etag", "last_modified"):
            conn.execute(f"ALTER TABLE kb_sources DROP COLUMN {column}")
        conn.execute("ALTER TABLE quotes DROP COLUMN act")
        conn.execute("ALTER TABLE quotes DROP COLUMN speaker_kind")
        conn.execute("ALTER TABLE quotes DROP COLUMN speaker_suggested")
        for table, column in (("quotes", "found_by"), ("quotes", "resolved_by"), ("events", "found_by"), ("events", "filled_by"), ("events", "details"), ("events", "news")):
            conn.execute(f"ALTER TABLE {table} DROP COLUMN {column}")
        for table, column in (("quotes", "person_id"), ("events", "canonical_id"), ("articles", "story_id")):
            conn.execute(f"DROP INDEX ix_{table}_{column}")
            conn.execute(f"ALTER TABLE {table} DROP COLUMN {column}")
    db = open_database(url)
    assert db.counts()["articles"] == 1
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == (newest_revision(),)
        assert "story_id" in {row[1] for row in conn.execute("PRAGMA table_info(articles)")}
        assert {"act", "found_by", "resolved_by"} <= {row[1] for row in conn.execute("PRAGMA table_info(quotes)")}


def database_at(path, revision: str) -> str:
    """A new SQLite database taken down to a migration revision; returns its URL."""
    url = f"sqlite:///{path}"
    open_database(url)
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.set_main_option("sqlalchemy.url", url)
    command.downgrade(config, revision)
    return url


def test_quotes_stored_before_acts_were_recorded_count_as_said(tmp_path):
    path = tmp_path / "acts.db"
    url = database_at(path, "0002")
    with sqlite3.connect(path) as conn:
        assert "act" not in {row[1] for row in conn.execute("PRAGMA table_info(quotes)")}
        conn.execute("INSERT INTO articles (id, content_hash, text, ingested_at) VALUES (1, 'h', 'He said it would fail.', '2024-01-01')")
        conn.execute("INSERT INTO quotes (article_id, start, \"end\", text, kind) VALUES (1, 8, 21, 'it would fail', 'indirect')")
    open_database(url)
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT act FROM quotes").fetchall() == [("said",)]


def test_news_kept_in_details_moves_to_its_column(tmp_path):
    path = tmp_path / "news.db"
    url = database_at(path, "0009")
    with sqlite3.connect(path) as conn:
        assert "news" not in {row[1] for row in conn.execute("PRAGMA table_info(events)")}
        conn.execute("INSERT INTO articles (id, content_hash, text, ingested_at) VALUES (1, 'h', 'Jane Roe, who quit in 2019, spoke.', '2024-01-01')")
        for event_id, details in ((1, '{"news": false}'), (2, '{"news": true, "extra": "x"}'), (3, None)):
            conn.execute('INSERT INTO events (id, article_id, type, start, "end", evidence, quote_ids, details) VALUES (?, 1, \'resignation\', 0, 10, \'[]\', \'[]\', ?)', (event_id, details))
    open_database(url)
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == (newest_revision(),)
        rows = conn.execute("SELECT id, news, details FROM events ORDER BY id").fetchall()
    assert rows == [(1, 0, None), (2, 1, '{"extra": "x"}'), (3, None, None)]


def test_people_and_quotes_stored_before_reference_links_keep_their_rows(tmp_path):
    path = tmp_path / "links.db"
    url = database_at(path, "0010")
    with sqlite3.connect(path) as conn:
        assert "kb_evidence" not in {row[1] for row in conn.execute("PRAGMA table_info(people)")}
        conn.execute("INSERT INTO people (id, name, surname, kind) VALUES (1, 'Jane Roe', 'roe', 'person')")
    open_database(url)
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == (newest_revision(),)
        assert conn.execute("SELECT name, kb_person, kb_evidence FROM people").fetchall() == [("Jane Roe", None, None)]
        assert "speaker_suggested" in {row[1] for row in conn.execute("PRAGMA table_info(quotes)")}
