"""Full-text search over quotes and sentences: SQLite FTS5 or PostgreSQL tsvector (made by
migration 0002). Queries are always parameterised."""

from __future__ import annotations

import re

from sqlalchemy import text
from sqlalchemy.orm import Session

WORDS = re.compile(r"\w+", re.UNICODE)


def index_article(session: Session, article_id: int, body: str, quotes: list, sentences: list[list[int]]) -> None:
    rows = [{"kind": "quote", "ref": q.id, "article": article_id, "start": q.start, "body": q.text} for q in quotes]
    rows += [{"kind": "sentence", "ref": None, "article": article_id, "start": s, "body": body[s:e]} for s, e in sentences]
    if rows:
        session.execute(
            text("INSERT INTO search_index (kind, ref_id, article_id, start, body) VALUES (:kind, :ref, :article, :start, :body)"),
            rows,
        )


def match_expression(query: str) -> str:
    """The user's words, all required, each quoted (so FTS5 syntax in the input is just text)."""
    return " ".join(f'"{w}"' for w in WORDS.findall(query))


def search(session: Session, query: str, kind: str | None = None, limit: int = 50) -> list[dict]:
    if not WORDS.search(query):
        return []
    params = {"limit": limit, "kind": kind}
    if session.get_bind().dialect.name == "sqlite":
        sql = (
            "SELECT kind, ref_id, article_id, start, body, bm25(search_index) AS rank FROM search_index "
            "WHERE search_index MATCH :match AND (:kind IS NULL OR kind = :kind) ORDER BY rank LIMIT :limit"
        )
        params["match"] = match_expression(query)
    else:
        sql = (
            "SELECT kind, ref_id, article_id, start, body, ts_rank(tsv, q) AS rank FROM search_index, "
            "plainto_tsquery('english', :query) AS q WHERE tsv @@ q AND (CAST(:kind AS VARCHAR) IS NULL OR kind = :kind) "
            "ORDER BY rank DESC, id LIMIT :limit"
        )
        params["query"] = query
    return [dict(r._mapping) for r in session.execute(text(sql), params)]
