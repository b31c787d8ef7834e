"""Export what is stored as JSON Lines, CSV or Parquet: articles, quotes, events (with their
sources) and people. Articles and quotes stream in batches, so memory stays flat."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
from sqlalchemy import select
from sqlalchemy.orm import Session

from ..present import csv_fields, csv_row
from ..schema import QUOTE_FIELDS
from . import views
from .rows import quote_record
from .schema import ArticleRow, QuoteRow

TABLES = ("articles", "quotes", "events", "people")
BATCH = 500
ARTICLE_SCHEMA = pa.schema(
    [("id", pa.int64()), ("content_hash", pa.string()), ("external_id", pa.string()), ("title", pa.string()), ("published", pa.string()),
     ("outlet", pa.string()), ("url", pa.string()), ("source", pa.string()), ("story_id", pa.int64()), ("text", pa.string())]
)
QUOTE_SCHEMA = pa.schema(
    [("id", pa.int64()), ("article_id", pa.int64()), ("person_id", pa.int64())]
    + [(k, pa.int64() if k in ("start", "end", "cue_start", "cue_end", "speaker_start", "speaker_end", "utterance") else pa.string()) for k in QUOTE_FIELDS]
)


def paged(session: Session, model, as_dict) -> Iterator[list[dict]]:
    """Rows of a table in id order, a batch at a time."""
    last = 0
    while True:
        batch = session.scalars(select(model).where(model.id > last).order_by(model.id).limit(BATCH)).all()
        if not batch:
            return
        last = batch[-1].id
        yield [as_dict(row) for row in batch]


def article_dict(a: ArticleRow) -> dict:
    return {
        "id": a.id, "content_hash": a.content_hash, "external_id": a.external_id, "title": a.title, "published": views.iso(a.published),
        "outlet": a.outlet, "url": a.url, "source": a.source, "story_id": a.story_id, "text": a.text,
    }


def quote_dict(q: QuoteRow) -> dict:
    return {"id": q.id, "article_id": q.article_id, "person_id": q.person_id, **quote_record(q)}


def batches(session: Session, table: str) -> Iterator[list[dict]]:
    if table == "articles":
        yield from paged(session, ArticleRow, article_dict)
    elif table == "quotes":
        yield from paged(session, QuoteRow, quote_dict)
    elif table == "events":
        yield views.events(session)
    elif table == "people":
        yield views.people(session)


def write(session: Session, table: str, fmt: str, path: Path) -> int:
    """Write one table to path; returns the number of rows."""
    count = 0
    if fmt == "jsonl":
        with path.open("w", encoding="utf-8") as out:
            for batch in batches(session, table):
                out.writelines(json.dumps(row, ensure_ascii=False) + "\n" for row in batch)
                count += len(batch)
    elif fmt == "csv":
        with path.open("w", encoding="utf-8", newline="") as out:
            writer = None
            for batch in batches(session, table):
                if writer is None and batch:
                    writer = csv.DictWriter(out, fieldnames=csv_fields(batch), restval="", extrasaction="ignore")
                    writer.writeheader()
                writer.writerows(csv_row(row) for row in batch)
                count += len(batch)
    elif fmt == "parquet":
        schema = {"articles": ARTICLE_SCHEMA, "quotes": QUOTE_SCHEMA}.get(table)
        writer = None
        try:
            for batch in batches(session, table):
                frame = pa.Table.from_pylist(batch, schema=schema)
                if writer is None:
                    writer = pq.ParquetWriter(path, frame.schema)
                writer.write_table(frame)
                count += len(batch)
            if writer is None:
                pq.write_table(pa.Table.from_pylist([], schema=schema or pa.schema([])), path)
        finally:
            if writer is not None:
                writer.close()
    else:
        raise ValueError(fmt)
    return count
