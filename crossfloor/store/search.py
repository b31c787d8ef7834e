"""Full-text search over quotes and sentences: SQLite FTS5 or PostgreSQL tsvector (made by
migration 0002). Queries are always parameterised, and bounded before they run: a quoted phrase
or a hyphenated word ("by-election") is one phrase, repeated words count once, at most
MAX_PHRASES phrases of at most MAX_PHRASE_WORDS words, and a query that runs longer than its time
limit is stopped (SQLite: a progress handler; PostgreSQL: statement_timeout)."""

from __future__ import annotations

import re
import time
from contextlib import contextmanager

from sqlalchemy import text
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

WORDS = re.compile(r"\w+", re.UNICODE)
# A quoted phrase, or a word with its hyphens ('by-election', 'co-operate').
PHRASES = re.compile(r'"([^"]*)"|(\w+(?:[-‐‑]\w+)+)|(\w+)', re.UNICODE)
MAX_PHRASES = 12
MAX_PHRASE_WORDS = 8


class SearchRefused(Exception):
    """A query that is not run (too many words) or was stopped (too slow); one line for the user."""


def index_article(session: Session, article_id: int, body: str, quotes: list, sentences: list[list[int]]) -> None:
    rows = [{"kind": "quote", "ref": q.id, "article": article_id, "start": q.start, "body": q.text} for q in quotes]
    rows += [{"kind": "sentence", "ref": None, "article": article_id, "start": s, "body": body[s:e]} for s, e in sentences]
    if rows:
        session.execute(
            text("INSERT INTO search_index (kind, ref_id, article_id, start, body) VALUES (:kind, :ref, :article, :start, :body)"),
            rows,
        )


def phrases_of(query: str) -> list[list[str]]:
    """The query's phrases, each a list of words, in order, each once."""
    found: list[list[str]] = []
    for match in PHRASES.finditer(query):
        words = [w.lower() for w in WORDS.findall(match.group(0))]
        if words and words not in found:
            found.append(words)
    if len(found) > MAX_PHRASES:
        raise SearchRefused(f"a search takes at most {MAX_PHRASES} different words or phrases, not {len(found)}")
    if any(len(p) > MAX_PHRASE_WORDS for p in found):
        raise SearchRefused(f"a quoted phrase takes at most {MAX_PHRASE_WORDS} words")
    return found


def phrase_patterns(query: str) -> list[re.Pattern]:
    """How each word or phrase of the query reads in a hit's text: the index stems words, so
    'by-election' finds 'by elections' too; a hyphenated word must be hyphenated in the text
    (inflected: 'by-elections'), a quoted phrase's words may stand apart by any punctuation."""
    phrases_of(query)  # the same bounds
    patterns = []
    for match in PHRASES.finditer(query):
        words = [re.escape(w) for w in WORDS.findall(match.group(0))]
        if not words:
            continue
        joiner = r"[-‐‑–]" if match.group(2) else r"[\W_]+"
        patterns.append(re.compile(r"(?<!\w)" + joiner.join(words) + r"\w*", re.I))
    return patterns


def holds_all(text: str, patterns: list[re.Pattern]) -> bool:
    return all(p.search(text) for p in patterns)


def match_expression(phrases: list[list[str]]) -> str:
    """Every phrase required, each quoted (so FTS5 syntax in the input is just text)."""
    return " ".join('"' + " ".join(words) + '"' for words in phrases)


@contextmanager
def time_limit(session: Session, seconds: float):
    """Stop the statements run inside after `seconds` (SearchRefused)."""
    connection = session.connection()
    if connection.dialect.name == "postgresql":
        connection.execute(text(f"SET LOCAL statement_timeout = {max(1, int(seconds * 1000))}"))
        try:
            yield
        except OperationalError as err:
            if "statement timeout" in str(err).lower() or "canceling statement" in str(err).lower():
                raise SearchRefused(f"the search took longer than {seconds:g} s: use fewer or rarer words") from None
            raise
        return
    raw = connection.connection.dbapi_connection
    deadline = time.monotonic() + seconds
    raw.set_progress_handler(lambda: int(time.monotonic() > deadline), 2000)
    try:
        yield
    except OperationalError as err:
        if "interrupted" in str(err).lower():
            raise SearchRefused(f"the search took longer than {seconds:g} s: use fewer or rarer words") from None
        raise
    finally:
        raw.set_progress_handler(None, 0)


def search(session: Session, query: str, kind: str | None = None, limit: int = 50, seconds: float = 2.0) -> list[dict]:
    phrases = phrases_of(query)
    if not phrases:
        return []
    params = {"limit": limit, "kind": kind}
    if session.get_bind().dialect.name == "sqlite":
        sql = (
            "SELECT kind, ref_id, article_id, start, body, bm25(search_index) AS rank FROM search_index "
            "WHERE search_index MATCH :match AND (:kind IS NULL OR kind = :kind) ORDER BY rank LIMIT :limit"
        )
        params["match"] = match_expression(phrases)
    else:
        parts = " && ".join(f"phraseto_tsquery('english', :p{k})" for k in range(len(phrases)))
        sql = (
            f"SELECT kind, ref_id, article_id, start, body, ts_rank(tsv, query.q) AS rank FROM search_index, (SELECT {parts} AS q) AS query "
            "WHERE tsv @@ query.q AND (CAST(:kind AS VARCHAR) IS NULL OR kind = :kind) ORDER BY rank DESC, id LIMIT :limit"
        )
        params.update({f"p{k}": " ".join(words) for k, words in enumerate(phrases)})
    patterns = phrase_patterns(query)
    with time_limit(session, seconds):
        return [dict(r._mapping) for r in session.execute(text(sql), params) if holds_all(r.body, patterns)]
