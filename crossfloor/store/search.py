"""Full-text search over quotes and sentences: SQLite FTS5 or PostgreSQL tsvector (made by
migration 0002). Queries are always parameterised, and bounded before they run: a quoted phrase
or a hyphenated word ("by-election") is one phrase, repeated words count once, at most
MAX_PHRASES phrases of at most MAX_PHRASE_WORDS words, and a query that runs longer than its time
limit is stopped (SQLite: a progress handler; PostgreSQL: statement_timeout)."""

from __future__ import annotations

import re
import time
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date

from sqlalchemy import bindparam, text
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


def sql_patterns(query: str, dialect: str) -> list[str]:
    """phrase_patterns as the database's regular expressions, so that the filter runs in the
    query, before its LIMIT: Python's syntax for SQLite's REGEXP (SQLAlchemy registers it),
    POSIX classes for PostgreSQL's ~* (case-insensitive)."""
    phrases_of(query)  # the same bounds
    # Where a word starts (the query's words start with a letter, digit or _), and what stands
    # between a quoted phrase's words.
    start, other = (r"\m", r"[^[:alnum:]]+") if dialect == "postgresql" else (r"\b", r"[\W_]+")
    out = []
    for match in PHRASES.finditer(query):
        words = WORDS.findall(match.group(0))  # letters, digits and _ only: nothing to escape
        if words:
            joiner = "[-‐‑–]" if match.group(2) else other
            out.append(("" if dialect == "postgresql" else "(?i)") + start + joiner.join(words))
    return list(dict.fromkeys(out))  # repeated words count once


LIKE_ESCAPE = "\\"


def like_pattern(value: str) -> str:
    """A LIKE pattern matching values that hold `value` as typed: its % and _ (and the escape
    character) are escaped, so '_' matches an underscore, not every value. Use with
    ESCAPE LIKE_ESCAPE (SQLAlchemy: .ilike(like_pattern(v), escape=LIKE_ESCAPE))."""
    escaped = value.replace(LIKE_ESCAPE, LIKE_ESCAPE * 2).replace("%", LIKE_ESCAPE + "%").replace("_", LIKE_ESCAPE + "_")
    return f"%{escaped}%"


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


@dataclass
class HitFilters:
    """What a search keeps besides its words. speaker, party and act are a quote's, so a
    sentence hit is left out once one of them is given."""

    kind: str | None = None  # quote or sentence
    speaker: str | None = None
    party: str | None = None
    outlet: str | None = None
    act: str | None = None  # said or thought
    since: date | None = None
    until: date | None = None

    def conditions(self, params: dict) -> list[str]:
        """SQL conditions on search_index s, articles a and quotes q, their values in params."""
        contains = {"speaker": "(lower(q.speaker_resolved) LIKE lower(:speaker) ESCAPE '\\' OR lower(q.speaker) LIKE lower(:speaker) ESCAPE '\\')",
                    "party": "lower(q.speaker_party) LIKE lower(:party) ESCAPE '\\'", "outlet": "lower(a.outlet) LIKE lower(:outlet) ESCAPE '\\'"}
        equal = {"kind": "s.kind = :kind", "act": "q.act = :act", "since": "a.published >= :since", "until": "a.published <= :until"}
        out = []
        for name, value in vars(self).items():
            if value in (None, ""):
                continue
            out.append(contains.get(name) or equal[name])
            params[name] = like_pattern(value) if name in contains else value
        return out


# The columns of a hit: where it is, its words, and its article and quote.
HIT_COLUMNS = "s.kind, s.ref_id, s.article_id, s.start, s.body, a.title, a.published, a.outlet, a.url, q.speaker_resolved AS speaker, q.act, lower(s.body) AS copy_key"
HIT_JOINS = "JOIN articles a ON a.id = s.article_id LEFT JOIN quotes q ON s.kind = 'quote' AND q.id = s.ref_id"


def matching(session: Session, query: str, filters: HitFilters) -> tuple[str, str, tuple[str, str], dict]:
    """(FROM and WHERE, the words as typed, the rank's expression and direction, parameters) of
    the hits that hold every word and phrase as typed and pass the filters: everything in SQL,
    so LIMIT and count are true. The first part alone is what the index and the filters keep:
    the words' condition is the costly one (a regular expression per row)."""
    phrases = phrases_of(query)
    dialect = session.get_bind().dialect.name
    params: dict = {}
    conditions = filters.conditions(params)
    as_typed = []
    for k, pattern in enumerate(sql_patterns(query, dialect)):
        as_typed.append(f"s.body {'~*' if dialect == 'postgresql' else 'REGEXP'} :re{k}")
        params[f"re{k}"] = pattern
    joins = HIT_JOINS
    if dialect == "sqlite":
        source = f"FROM search_index s {joins} WHERE search_index MATCH :match"
        params["match"] = match_expression(phrases)
    else:
        parts = " && ".join(f"phraseto_tsquery('english', :p{k})" for k in range(len(phrases)))
        source = f"FROM search_index s CROSS JOIN (SELECT {parts} AS q) AS query {joins} WHERE s.tsv @@ query.q"
        params.update({f"p{k}": " ".join(words) for k, words in enumerate(phrases)})
    return " AND ".join([source, *conditions]), " AND ".join(as_typed), relevance(dialect), params


# A hit of fewer words than this is ranked down in proportion ('Trump wrote.', a bare headline
# such as 'What Trump knew'): the index's length normalisation (BM25's, and ts_rank's) favours
# short texts, so without it the shortest hits holding a word come first.
FULL_WORDS = 12
# The words of a hit, counted in SQL (spaces, plus one).
WORD_COUNT = "(length(s.body) - length(replace(s.body, ' ', '')) + 1)"


def relevance(dialect: str) -> tuple[str, str]:
    """The rank's SQL expression and its direction (best first): the index's relevance (SQLite
    FTS5's BM25, lower is better; PostgreSQL's ts_rank with its length normalisation 1, higher
    is better), times the share of FULL_WORDS a short hit has (a penalty, never a bonus)."""
    if dialect == "sqlite":
        return f"bm25(search_index) * min({WORD_COUNT}, {FULL_WORDS}) / {FULL_WORDS}.0", ""
    return f"ts_rank(s.tsv, query.q, 1) * least({WORD_COUNT}, {FULL_WORDS}) / {FULL_WORDS}.0", " DESC"


def read_hits(session: Session, hit_id: str, ids: list[int]) -> dict[int, dict]:
    """The columns of these hits (search_index ids), by id."""
    if not ids:
        return {}
    query = text(f"SELECT {hit_id} AS hit, {HIT_COLUMNS} FROM search_index s {HIT_JOINS} WHERE {hit_id} IN :ids").bindparams(bindparam("ids", expanding=True))
    return {row.hit: dict(row._mapping) for row in session.execute(query, {"ids": ids})}


def add_copies(session: Session, base: str, params: dict, rows: list[dict]) -> None:
    """Each hit's 'copies': the other hits with the same words (read only for the hits that have
    some; the same words hold the words as typed, so only the index and the filters are asked)."""
    duplicated = [r["copy_key"] for r in rows if r["copies"] > 1]
    found: dict[str, list[dict]] = {}
    if duplicated:
        query = text(f"SELECT {HIT_COLUMNS} {base} AND lower(s.body) IN :bodies").bindparams(bindparam("bodies", expanding=True))
        for other in session.execute(query, {**params, "bodies": duplicated}):
            found.setdefault(other.copy_key, []).append(dict(other._mapping))
    for row in rows:
        row["copies"] = [c for c in found.get(row["copy_key"], []) if (c["article_id"], c["start"]) != (row["article_id"], row["start"])]


# The orders of hits: best first, or by their article's publication date either way (undated
# articles last); ties in article order.
HIT_SORTS = ("relevance", "newest", "oldest")


def hit_order(sort: str, rank: str, best: str) -> str:
    if sort not in HIT_SORTS:
        raise SearchRefused(f"hits sort by {', '.join(HIT_SORTS)}, not {sort!r}")
    return {
        "relevance": f"rank{best}, article_id, start",
        "newest": "published IS NULL, published DESC, article_id DESC, start",
        "oldest": "published IS NULL, published, article_id, start",
    }[sort]


def search(
    session: Session, query: str, filters: HitFilters | None = None, limit: int = 50, offset: int = 0, seconds: float = 2.0, collapse: bool = False,
    sort: str = "relevance",
) -> tuple[list[dict], int]:
    """A page of the hits in the order asked (HIT_SORTS: best first by default), and how many
    there are in all. collapse: copies of the same words (syndicated articles) are counted and
    paged once, each hit's `copies` listing the others."""
    if not phrases_of(query):
        return [], 0
    base, as_typed, (rank, best), params = matching(session, query, filters or HitFilters())
    order = hit_order(sort, rank, best)
    where = f"{base} AND {as_typed}"
    # Copies are the same words, case aside: the first in the page's order stands for them. The
    # hits are ranked, collapsed and counted (before the LIMIT) as ids only, then one page's
    # columns read: carrying the columns of every match through the window costs four times as
    # much. (The rank is taken first: SQLite's bm25() cannot stand in a window.)
    hit_id = "s.rowid" if session.get_bind().dialect.name == "sqlite" else "s.id"
    matched = f"SELECT {hit_id} AS hit, s.article_id, s.start, a.published, lower(s.body) AS copy_key, {rank} AS rank {where}"
    if collapse:
        matched = f"SELECT *, row_number() OVER (PARTITION BY copy_key ORDER BY {order}) AS copy_rank, count(*) OVER (PARTITION BY copy_key) AS copies FROM ({matched}) AS matched"
    else:
        matched = f"SELECT *, 1 AS copy_rank, 1 AS copies FROM ({matched}) AS matched"
    page = f"SELECT hit, copies, count(*) OVER () AS total FROM ({matched}) AS hits WHERE copy_rank = 1 ORDER BY {order} LIMIT :limit OFFSET :offset"
    with time_limit(session, seconds):
        ranked = session.execute(text(page), {**params, "limit": limit, "offset": offset}).all()
        # Past the last page there is no row to carry the total.
        total = ranked[0].total if ranked else session.scalar(text(f"SELECT count({'DISTINCT lower(s.body)' if collapse else '*'}) {where}"), params) or 0
        columns = read_hits(session, hit_id, [r.hit for r in ranked])
        rows = [{**columns[r.hit], "copies": r.copies} for r in ranked]
        add_copies(session, base, params, rows)
    return rows, total
