"""Exports of every row a list's filters keep, streamed as CSV or JSON (as datasette's
_stream=on): quotes, events, people, timelines, utterances quoted across outlets and readers'
flags, and what a person's, an event's or an article's page shows. Rows are read a batch at a time in the list's own order, so memory stays flat; an export
holds at most ServeSettings.export_rows list rows, and one that would hold more is refused
before anything is sent. In CSV an event is one row per source, its source's fields in columns
of their own (source_...), and an utterance one row per quote rendering it; JSON keeps each
event whole, its sources nested, and each utterance with its quotes."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass
from functools import partial
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import JSONResponse, StreamingResponse
from pydantic import BaseModel
from sqlalchemy import select

from ..present import csv_row
from ..store import views
from ..store.export import UTTERANCE_FIELDS, popolo, utterance_rows
from ..store.schema import EventRow
from .api import (
    FLAG_FIELDS,
    TIMELINE_FIELDS,
    EventOut,
    EventQuery,
    FlagOut,
    FlagQuery,
    PeopleQuery,
    PersonOut,
    QuoteOut,
    QuoteQuery,
    TimelineItemOut,
    TimelineQuery,
    UtteranceQuery,
    UtteranceQuotes,
    flag_items,
    flag_rows,
    problems,
    timeline_items,
    timeline_rows,
)

router = APIRouter(prefix="/api/export", tags=["export"], responses=problems(422, 500, 503))
BATCH = 500
RowId = Annotated[int | None, Query(ge=1, le=2**63 - 1)]
Format = Annotated[Literal["csv", "json"], Query(description="csv (default) or json")]
SOURCE_FIELDS = ("article_id", "title", "published", "outlet", "url", "start", "end", "sentence", "date_text", "story_id", "news", "status", "record", "found_by")
EVENT_FIELDS = tuple(k for k in EventOut.model_fields if k not in ("sources", "conflicts", "date_range")) + ("date_first", "date_last", "conflicts")
# The record is whole in JSON; in CSV a person is one row, with its reference ids as columns.
PERSON_FIELDS = tuple(k for k in PersonOut.model_fields if k != "record")


@dataclass
class Export:
    """What an export reads (view, count: the store's functions, with the filters), how one
    of its rows becomes CSV rows (flat) under a fixed header (fields), and the API's model of
    a row (JSON rows are as the API gives them)."""

    name: str
    view: Callable
    count: Callable
    fields: tuple[str, ...]
    flat: Callable[[dict], list[dict]]
    model: type[BaseModel]


def quote_rows(quote: dict) -> list[dict]:
    return [quote]


def event_rows(event: dict) -> list[dict]:
    """An event as CSV rows: one a source, the event's fields repeated, lists as text."""
    first, last = event.get("date_range") or (event.get("date"), event.get("date"))
    common = {k: event.get(k) for k in EVENT_FIELDS} | {"date_first": first, "date_last": last, "conflicts": " ".join(map(str, event["conflicts"]))}
    sources = event["sources"] or [{}]
    return [common | {f"source_{k}": s.get(k) for k in SOURCE_FIELDS} for s in sources]


def person_rows(person: dict) -> list[dict]:
    """A person as one CSV row: their names, parties, roles and seats as '; '-separated text."""
    lists = {k: "; ".join(x if isinstance(x, str) else (x.get("name") or "") for x in person[k]) for k in ("aliases", "parties", "roles", "seats")}
    return [{k: person.get(k) for k in PERSON_FIELDS} | lists]


EXPORTS = {
    "quotes": Export("quotes", views.quotes, views.quote_count, tuple(QuoteOut.model_fields), quote_rows, QuoteOut),
    "events": Export("events", views.events, views.event_count, EVENT_FIELDS + tuple(f"source_{k}" for k in SOURCE_FIELDS), event_rows, EventOut),
    "people": Export("people", views.people, views.people_count, PERSON_FIELDS, person_rows, PersonOut),
    "timeline": Export("timeline", timeline_items, views.timeline_count, TIMELINE_FIELDS, timeline_rows, TimelineItemOut),
    "flags": Export("flags", flag_items, views.flag_count, FLAG_FIELDS, flag_rows, FlagOut),
    "utterances": Export("utterances", partial(views.utterances, renderings=True), views.utterance_count, UTTERANCE_FIELDS, utterance_rows, UtteranceQuotes),
}


def read_batches(request: Request, export: Export, filters: dict, sort: str, total: int) -> Iterator[list[dict]]:
    """The rows in the list's order, BATCH at a time, never more than `total` (the bound)."""
    with request.app.db.sessions() as session:
        for offset in range(0, total, BATCH):
            batch = export.view(session, limit=min(BATCH, total - offset), offset=offset, sort=sort, **filters)
            if not batch:
                return
            yield batch


def as_csv(export: Export, batches: Iterator[list[dict]]) -> Iterator[str]:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=export.fields, restval="", extrasaction="ignore")
    writer.writeheader()
    for batch in batches:
        writer.writerows(csv_row(flat) for row in batch for flat in export.flat(row))
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
    yield buffer.getvalue()


def as_json(export: Export, batches: Iterator[list[dict]]) -> Iterator[str]:
    yield "["
    first = True
    for batch in batches:
        for row in batch:
            shaped = export.model.model_validate(row).model_dump(mode="json", by_alias=True)
            yield ("\n" if first else ",\n") + json.dumps(shaped, ensure_ascii=False)
            first = False
    yield "\n]\n"


def bounded_total(request: Request, name: str, filters: dict) -> int:
    """How many rows the filters keep, refused with 422 when more than an export may hold."""
    bound = request.app.settings.export_rows
    with request.app.db.sessions() as session:
        total = EXPORTS[name].count(session, **filters)
    if total > bound:
        raise HTTPException(422, f"{total} {name} match: an export holds at most {bound}; narrow the filters (dates, outlet, type)")
    return total


def stream(request: Request, name: str, fmt: str, filters: dict) -> StreamingResponse:
    """Every row the filters keep, refused with 422 when there are more than the bound."""
    export = EXPORTS[name]
    sort = filters.pop("sort")
    total = bounded_total(request, name, filters)
    batches = read_batches(request, export, filters, sort, total)
    body = as_csv(export, batches) if fmt == "csv" else as_json(export, batches)
    media = "text/csv; charset=utf-8" if fmt == "csv" else "application/json"
    headers = {"Content-Disposition": f'attachment; filename="crossfloor-{name}.{fmt}"', "X-Total-Count": str(total)}
    return StreamingResponse(body, media_type=media, headers=headers)


STREAMED = {200: {"content": {"text/csv": {}, "application/json": {}}, "description": "Every matching row, streamed"}, **problems(422)}


@router.get("/quotes", responses=STREAMED, summary="Every quote the filters keep, as CSV or JSON (person_id, article_id: one person's or article's)")
def export_quotes(request: Request, query: Annotated[QuoteQuery, Depends()], person_id: RowId = None, article_id: RowId = None, format: Format = "csv"):
    scope = {k: v for k, v in (("person_id", person_id), ("article_id", article_id)) if v is not None}
    return stream(request, "quotes", format, asdict(query) | scope)


@router.get("/events", responses=STREAMED, summary="Every event the filters keep, one CSV row per source (event_id, person_id, article_id: one event's, person's or article's)")
def export_events(
    request: Request, query: Annotated[EventQuery, Depends()], event_id: RowId = None, person_id: RowId = None, article_id: RowId = None, format: Format = "csv"
):
    filters = asdict(query)
    with request.app.db.sessions() as session:
        ids = event_scope(session, event_id, person_id, article_id)
    return stream(request, "events", format, filters if ids is None else filters | {"ids": ids})


def event_scope(session, event_id: int | None, person_id: int | None, article_id: int | None) -> set[int] | None:
    """The events of one event's, person's or article's page (None: no scope; the ids given
    are all applied together)."""
    scopes = []
    if event_id is not None:
        scopes.append({event_id})
    if person_id is not None:
        found = views.people(session, ids=[person_id])
        scopes.append(views.event_ids_of_person(session, person_id, found[0]["name"]) if found else set())
    if article_id is not None:
        scopes.append(set(session.scalars(select(EventRow.canonical_id).where(EventRow.article_id == article_id, EventRow.canonical_id.is_not(None)))))
    return set.intersection(*scopes) if scopes else None


@router.get("/people", responses=STREAMED, summary="Every person the filters keep, as CSV or JSON (with their reference ids: Wikidata, parlparse, bioguide)")
def export_people(request: Request, query: Annotated[PeopleQuery, Depends()], format: Format = "csv"):
    return stream(request, "people", format, asdict(query))


@router.get("/timeline", responses=STREAMED, summary="Everything on a person's or a party's timeline, as CSV or JSON")
def export_timeline(request: Request, query: Annotated[TimelineQuery, Depends()], format: Format = "csv"):
    return stream(request, "timeline", format, asdict(query))


@router.get("/flags", responses=STREAMED, summary="Every reader's flag on a wrong fact, with the fact flagged, as CSV or JSON (for the development data)")
def export_flags(request: Request, query: Annotated[FlagQuery, Depends()], format: Format = "csv"):
    return stream(request, "flags", format, asdict(query))


@router.get("/utterances", responses=STREAMED, summary="Every utterance the filters keep, one CSV row per quote rendering it (outlet, date, kind of change, flags, its words, the fullest wording)")
def export_utterances(request: Request, query: Annotated[UtteranceQuery, Depends()], format: Format = "csv"):
    return stream(request, "utterances", format, asdict(query))


POPOLO = {200: {"content": {"application/json": {}}, "description": "Popolo JSON: persons, organizations, memberships"}, **problems(422)}


@router.get("/popolo", responses=POPOLO, summary="Every person the filters keep as Popolo JSON: names, reference ids, the record's seats as memberships")
def export_popolo(request: Request, query: Annotated[PeopleQuery, Depends()]):
    filters = asdict(query)
    sort = filters.pop("sort")
    total = bounded_total(request, "people", filters)
    with request.app.db.sessions() as session:
        people = views.people(session, limit=total, sort=sort, **filters) if total else []
    return JSONResponse(popolo(people), headers={"Content-Disposition": 'attachment; filename="crossfloor-people.popolo.json"', "X-Total-Count": str(total)})
