"""Export what is stored as JSON Lines, CSV or Parquet: articles, quotes, events (with their
sources), people, each person and switch with the reference ids of the person (Wikidata,
parlparse, bioguide), and utterances quoted across outlets (one row per quote rendering one);
and people as Popolo JSON. Articles, quotes and utterances stream in batches, so memory stays
flat."""

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

TABLES = ("articles", "quotes", "events", "people", "utterances")
BATCH = 500
ARTICLE_SCHEMA = pa.schema(
    [("id", pa.int64()), ("content_hash", pa.string()), ("external_id", pa.string()), ("title", pa.string()), ("published", pa.string()),
     ("outlet", pa.string()), ("url", pa.string()), ("source", pa.string()), ("story_id", pa.int64()), ("text", pa.string())]
)
QUOTE_SCHEMA = pa.schema(
    [("id", pa.int64()), ("article_id", pa.int64()), ("person_id", pa.int64()), ("utterance_id", pa.int64())]
    + [(k, pa.int64() if k in ("start", "end", "cue_start", "cue_end", "speaker_start", "speaker_end", "utterance") else pa.string()) for k in QUOTE_FIELDS]
)
# An utterance as one row per quote rendering it: the utterance, the speaker, where and when the
# quote was published, what it did to the fullest wording (kind, flags: space-separated), its
# words and the fullest wording's.
UTTERANCE_SCHEMA = pa.schema(
    [("utterance_id", pa.int64()), ("person_id", pa.int64()), ("speaker", pa.string()), ("quote_id", pa.int64()), ("article_id", pa.int64()),
     ("outlet", pa.string()), ("published", pa.string()), ("kind", pa.string()), ("flags", pa.string()), ("quote_kind", pa.string()),
     ("text", pa.string()), ("fullest", pa.bool_()), ("fullest_text", pa.string())]
)
UTTERANCE_FIELDS = tuple(UTTERANCE_SCHEMA.names)
# Utterances a batch: each holds at most link.utterances.MAX_RENDERINGS quotes.
UTTERANCE_BATCH = 100


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
    return {"id": q.id, "article_id": q.article_id, "person_id": q.person_id, "utterance_id": q.utterance_id, **quote_record(q)}


def utterance_rows(utterance: dict) -> list[dict]:
    """An utterance (views.utterances with its quotes) as one row per quote rendering it."""
    return [
        {"utterance_id": utterance["id"], "person_id": utterance["person_id"], "speaker": utterance["speaker"], "quote_id": q["quote_id"], "article_id": q["article_id"],
         "outlet": q["outlet"], "published": q["published"], "kind": q["kind"], "flags": " ".join(q["flags"]), "quote_kind": q["quote_kind"],
         "text": q["text"], "fullest": q["fullest"], "fullest_text": utterance["text"]}
        for q in utterance["quotes"]
    ]


def utterance_batches(session: Session) -> Iterator[list[dict]]:
    """Every utterance, oldest first, a batch of utterances at a time, as rows (utterance_rows)."""
    offset = 0
    while found := views.utterances(session, limit=UTTERANCE_BATCH, offset=offset, sort="oldest", renderings=True, min_outlets=0):
        yield [row for utterance in found for row in utterance_rows(utterance)]
        offset += UTTERANCE_BATCH


def batches(session: Session, table: str) -> Iterator[list[dict]]:
    if table == "articles":
        yield from paged(session, ArticleRow, article_dict)
    elif table == "quotes":
        yield from paged(session, QuoteRow, quote_dict)
    elif table == "events":
        yield views.events(session)
    elif table == "people":
        yield views.people(session)
    elif table == "utterances":
        yield from utterance_batches(session)


def slug(kind: str, *parts: str | None) -> str:
    """A Popolo organisation's id: 'party/labour', 'chamber/house-of-commons/gb'."""
    return "/".join([kind, *("-".join((p or "").lower().split()) for p in parts if p)])


def popolo_person(person: dict) -> dict:
    """One person as a Popolo person: their names, their crossfloor id and reference ids."""
    ids = [{"scheme": "crossfloor", "identifier": str(person["id"])}]
    ids += [{"scheme": scheme, "identifier": person[scheme]} for scheme in views.REFERENCE_SCHEMES if person.get(scheme)]
    if person.get("kb_person"):
        ids.append({"scheme": "crossfloor_reference", "identifier": person["kb_person"]})
    return {"id": f"crossfloor/person/{person['id']}", "name": person["name"], "other_names": [{"name": a} for a in person["aliases"]], "identifiers": ids}


def popolo_memberships(person: dict, organisations: dict[str, dict]) -> list[dict]:
    """The record's seats of a linked person as memberships of their chamber on behalf of their
    party (organisations collects the chambers and parties named)."""
    found = []
    for seat in (person.get("record") or {}).get("memberships", []):
        chamber = slug("chamber", seat["chamber"], seat["country"]) if seat["chamber"] else None
        party = slug("party", seat["party"]) if seat["party"] else None
        if chamber:
            organisations.setdefault(chamber, {"id": chamber, "name": seat["chamber"], "classification": "legislature"})
        if party:
            organisations.setdefault(party, {"id": party, "name": seat["party"], "classification": "party"})
        membership = {"person_id": f"crossfloor/person/{person['id']}", "organization_id": chamber, "on_behalf_of_id": party, "area_name": seat["seat"] or seat["region"], "start_date": seat["start"], "end_date": seat["end"]}
        found.append({k: v for k, v in membership.items() if v})
    return found


def popolo(people: list[dict]) -> dict:
    """People as Popolo JSON (persons, organizations, memberships), for joining with other data:
    each person with the names articles give them, their crossfloor id and reference ids
    (Wikidata, parlparse, bioguide); for a person linked to the record, its seats as memberships
    of their chamber on behalf of their party, with its dates."""
    organisations: dict[str, dict] = {}
    memberships = [m for person in people for m in popolo_memberships(person, organisations)]
    return {"persons": [popolo_person(p) for p in people], "organizations": sorted(organisations.values(), key=lambda o: o["id"]), "memberships": memberships}


def write_popolo(session: Session, table: str, path: Path) -> int:
    if table != "people":
        raise ValueError(f"popolo holds people, not {table}")
    people = views.people(session)
    path.write_text(json.dumps(popolo(people), ensure_ascii=False, indent=1), encoding="utf-8")
    return len(people)


# Nested values whose shape differs from row to row (the evidence of a link names the fields
# that fitted; a record may be missing), kept in Parquet as JSON text.
AS_JSON_TEXT = ("kb_evidence", "record")


def as_text(row: dict, keys: tuple[str, ...]) -> dict:
    return {k: json.dumps(v, ensure_ascii=False) if k in keys and v is not None else v for k, v in row.items()}


def write_parquet(session: Session, table: str, path: Path) -> int:
    count = 0
    schema = {"articles": ARTICLE_SCHEMA, "quotes": QUOTE_SCHEMA, "utterances": UTTERANCE_SCHEMA}.get(table)
    writer = None
    try:
        for batch in batches(session, table):
            frame = pa.Table.from_pylist([as_text(row, AS_JSON_TEXT) for row in batch], schema=schema)
            if writer is None:
                writer = pq.ParquetWriter(path, frame.schema)
            writer.write_table(frame)
            count += len(batch)
        if writer is None:
            pq.write_table(pa.Table.from_pylist([], schema=schema or pa.schema([])), path)
    finally:
        if writer is not None:
            writer.close()
    return count


def write(session: Session, table: str, fmt: str, path: Path) -> int:
    """Write one table to path; returns the number of rows. fmt 'popolo' is for people."""
    count = 0
    if fmt == "popolo":
        return write_popolo(session, table, path)
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
        count = write_parquet(session, table, path)
    else:
        raise ValueError(fmt)
    return count
