"""The JSON API: paginated, filterable lists like the CLI's, CSV on request, and article upload."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, File, HTTPException, Path, Query, Request, UploadFile
from fastapi.responses import PlainTextResponse, Response
from pydantic import BaseModel, Field, create_model
from sqlalchemy import select

from ..link.differences import marked
from ..link.renderings import CHANGES
from ..present import describe_event, format_rows
from ..schema.events import STATUS_NAMES, names, view_fields
from ..read import ReadOptions, Skipped, read_bytes
from ..schema import Article
from ..store import views
from ..store.schema import ArticleRow, EventRow
from ..store.search import HitFilters, SearchRefused
from .analyser import ANALYSER
from .common import require_writes


class Problem(BaseModel):
    """An error, as RFC 9457 problem details."""

    type: str
    title: str
    status: int
    detail: str


def problems(*codes: int) -> dict:
    return {code: {"model": Problem, "content": {"application/problem+json": {}}, "description": "Problem details"} for code in codes}


router = APIRouter(prefix="/api", tags=["api"], responses=problems(422, 500, 503))

Limit = Annotated[int, Query(ge=1, le=500, description="Page size")]
Id = Annotated[int, Path(ge=1, le=2**63 - 1, description="Row id")]
Offset = Annotated[int, Query(ge=0, le=10_000_000, description="Rows to skip")]
Format = Annotated[Literal["json", "csv"], Query(description="json (default) or csv")]
Act = Annotated[Literal["said", "thought"], Query(description="said, or thought (beliefs and intentions: 'believes', 'plans to'); both when left out")]
CSV = {200: {"content": {"text/csv": {}}, "description": "The page, or CSV when format=csv"}}


class ArticleRef(BaseModel):
    """The article a row comes from."""

    article_id: int
    title: str | None
    published: str | None
    outlet: str | None
    url: str | None


class RenderingSummary(BaseModel):
    """How a quote renders the utterance it belongs to, and how widely that utterance is quoted."""

    kind: str | None = Field(None, description="What the quote did to the utterance's fullest wording: verbatim, trimmed, spliced, changed or paraphrase")
    flags: list[str] = Field(default_factory=list, description="Changes that matter: negation_lost, negation_added, number_changed, name_changed, hedge_dropped, says_more")
    outlets: int = Field(description="How many outlets quote the utterance")
    different: int = Field(description="How many of those outlets put other words in the speaker's mouth")


class QuoteOut(ArticleRef):
    id: int
    start: int
    end: int
    text: str
    kind: str
    speaker: str | None
    mention: str | None
    person_id: int | None
    role: str | None
    party: str | None
    cue: str | None
    venue: str | None
    story_id: int | None
    act: str | None = Field(None, description="said, or thought: a belief or intention ('believes', 'plans to')")
    found_by: str | None = Field(None, description="The attribution pass that found the quote ('according_to', 'tagger' for the trained tagger)")
    resolved_by: str | None = Field(None, description="The speaker pass that resolved its speaker ('record': the reference record's holder of the post or seat the article describes them by, whom the article names); null when unresolved")
    speaker_suggested: str | None = Field(None, description="Who the reference record says held the post or seat the speaker is described by, when the article never names them: a suggestion, not the speaker")
    utterance_id: int | None = Field(None, description="The utterance this quote renders, as other outlets quote it too (/api/utterances/{id}); null when no other article gives its words")
    rendering: RenderingSummary | None = Field(None, description="How this quote renders that utterance, and how many outlets quote it")


class Provenance(BaseModel):
    """Which rules made an event report: the trigger rule that proposed it and, for each field,
    the pass that filled it (null for reports stored before provenance was recorded)."""

    found_by: str | None = Field(None, description="The trigger rule that proposed the event")
    filled_by: dict[str, str] | None = Field(None, description="Each field and the pass that filled it")


class SourceOut(Provenance, ArticleRef):
    start: int
    end: int
    sentence: str
    date_text: str | None
    story_id: int | None = None
    news: bool | None = None  # this report tells the event as news (true), background (false), or does not say
    status: str | None = Field(None, description="A switch: confirmed, contradicted or not in record, as this report's dates meet the reference record")
    record: str | None = Field(None, description="What the reference record shows for this report's dates ('Conservative to 2014-08-29, UK Independence Party from 2014-10-10')")


# An event across articles: the fields of every registered type (each event gives its own).
EventOut = create_model(
    "EventOut",
    id=(int, ...),
    type=(str, ...),
    **{name: (str | None, None) for name in view_fields()},
    status=(str | None, None),
    record=(str | None, None),  # what the reference record shows, with its dates (the report whose status the event takes)
    person_id=(int | None, None),
    date=(str | None, None),
    date_range=(list[str | None] | None, None),
    news=(bool | None, None),  # some report tells it as news (true), every report as background (false), else unknown
    kb_person=(str | None, Field(None, description="The reference person of its participant, when linked")),
    wikidata=(str | None, None),
    parlparse=(str | None, None),
    bioguide=(str | None, None),
    sources=(list[SourceOut], ...),
    conflicts=(list[int], ...),
)
EventTypeName = Literal[names()]  # type: ignore[valid-type]
RecordStatus = Literal[STATUS_NAMES]  # type: ignore[valid-type]


class Dated(BaseModel):
    name: str | None
    first: str | None = None
    last: str | None = None
    source: str | None = None
    from_: str | None = Field(None, alias="from")


class RecordMembership(BaseModel):
    chamber: str | None
    seat: str | None
    region: str | None = None
    party: str | None
    country: str | None = None
    start: str | None
    end: str | None


class RecordPost(BaseModel):
    role: str
    organisation: str | None
    start: str | None
    end: str | None


class RecordOut(BaseModel):
    id: str
    name: str | None
    memberships: list[RecordMembership]
    posts: list[RecordPost]


class PersonOut(BaseModel):
    id: int
    name: str
    aliases: list[str]
    parties: list[Dated]
    roles: list[Dated]
    seats: list[Dated]
    quote_count: int
    mentions: int = Field(0, description="How many times articles name them")
    articles: int
    kb_person: str | None = Field(None, description="The reference person they are linked to")
    kind: str = "person"  # person, or organisation (a body that speaks: 'the White House')
    wikidata: str | None = None
    parlparse: str | None = None
    bioguide: str | None = None
    kb_evidence: dict | None = Field(None, description="What tied them to the record: the fields that fitted (name, date, role, seat, party), the record's name, the day and the article")
    record: RecordOut | None = Field(None, description="What the reference record holds of them: seats per chamber with party and dates, posts")


class PersonDetail(PersonOut):
    quotes: list[QuoteOut]
    events: list[EventOut]


class StoryArticle(ArticleRef):
    source: str | None
    copies: list[dict]


class StoryOut(BaseModel):
    id: int
    title: str | None
    size: int
    first: str | None
    last: str | None
    articles: list[StoryArticle]
    event_ids: list[int]


class ReportOut(Provenance):
    id: int
    type: str
    start: int
    end: int
    sentence: str
    canonical_id: int | None


class ArticleOut(BaseModel):
    id: int
    title: str | None
    published: str | None
    outlet: str | None
    url: str | None
    source: str | None
    story_id: int | None
    text: str
    quotes: list[QuoteOut]
    events: list[ReportOut]


class NewArticle(BaseModel):
    text: str | None = Field(None, description="Plain text (a short first line above a blank line is the headline)")
    html: str | None = Field(None, description="An HTML page; its main text is extracted")
    title: str | None = None
    published: date | None = None
    outlet: str | None = None
    url: str | None = None


class Stored(BaseModel):
    outcome: Literal["stored", "copy", "duplicate", "skipped"]
    article_id: int | None
    detail: str | None = None


def paged(request: Request, items: list, limit: int, offset: int) -> dict:
    more = len(items) > limit
    url = str(request.url.include_query_params(offset=offset + limit)) if more else None
    return {"items": items[:limit], "limit": limit, "offset": offset, "next": url}


def listing(request: Request, view, limit: int, offset: int, format: str, flat=None, **filters):
    """One page of a view (one row more is read to know whether another page follows); flat:
    how a row becomes CSV rows, when it is not flat already."""
    with request.app.db.sessions() as session:
        items = view(session, limit=limit + 1, offset=offset, **filters)
    if format == "csv":
        rows = [r for item in items[:limit] for r in flat(item)] if flat else items[:limit]
        return PlainTextResponse(format_rows(rows, "csv"), media_type="text/csv")
    return paged(request, items, limit, offset)


def page_model(item: type[BaseModel]) -> type[BaseModel]:
    return type(f"{item.__name__}Page", (BaseModel,), {"__annotations__": {"items": list[item], "limit": int, "offset": int, "next": str | None}})


QuotePage, EventPage, PersonPage, StoryPage = (page_model(m) for m in (QuoteOut, EventOut, PersonOut, StoryOut))


Text = Annotated[str | None, Query(max_length=300)]


@dataclass
class QuoteQuery:
    """The filters and order of a list of quotes (the list, its page and its export share them)."""

    speaker: Annotated[str | None, Query(max_length=300, description="The speaker's name, the mention in the text or the role holds this")] = None
    party: Text = None
    outlet: Text = None
    contains: Text = None
    since: date | None = None
    until: date | None = None
    act: Act | None = None
    kind: Literal["direct", "indirect", "mixed"] | None = None
    sort: Literal["newest", "oldest", "speaker", "outlet", "kind"] = "newest"


EventSort = Literal["newest", "oldest", "date", "type", "person"]


@dataclass
class EventQuery:
    """The filters and order of a list of events."""

    type: EventTypeName | None = None
    person: Text = None
    party: Text = None
    outlet: Annotated[str | None, Query(max_length=300, description="Some report comes from an outlet holding this")] = None
    since: date | None = None
    until: date | None = None
    sort: Annotated[EventSort, Query(description="newest (default) or oldest by the event's day (its date, else its first report's); 'date' is oldest")] = "newest"
    background: Annotated[bool, Query(description="Include events the articles mention only as background (history); news only by default")] = False
    status: Annotated[RecordStatus | None, Query(description="Switches the reference record confirms, contradicts or lacks (not-in-record)")] = None


@dataclass
class PeopleQuery:
    """The filters and order of a list of people."""

    name: Text = None
    sort: Literal["mentions", "name", "quotes"] = "mentions"
    kind: Literal["person", "organisation"] = "person"


@router.get("/quotes", response_model=QuotePage, responses=CSV, summary="Quotes, newest first")
def list_quotes(request: Request, query: Annotated[QuoteQuery, Depends()], limit: Limit = 50, offset: Offset = 0, format: Format = "json"):
    return listing(request, views.quotes, limit, offset, format, **asdict(query))


@router.get("/events", response_model=EventPage, responses=CSV, summary="Events across articles, newest first, with their sources")
def list_events(request: Request, query: Annotated[EventQuery, Depends()], limit: Limit = 50, offset: Offset = 0, format: Format = "json"):
    return listing(request, views.events, limit, offset, format, **asdict(query))


@router.get("/events/{event_id}", response_model=EventOut, responses=problems(404), summary="An event across articles, with its sources")
def get_event(request: Request, event_id: Id):
    with request.app.db.sessions() as session:
        return event_detail(session, event_id)


def event_detail(session, event_id: int) -> dict:
    found = views.events(session, ids={event_id})
    if not found:
        raise HTTPException(404, f"no event with id {event_id}")
    return found[0]


@router.get("/quotes/{quote_id}", response_model=QuoteOut, responses=problems(404), summary="A quote, with its speaker and article")
def get_quote(request: Request, quote_id: Id):
    with request.app.db.sessions() as session:
        return quote_detail(session, quote_id)


def quote_detail(session, quote_id: int) -> dict:
    found = views.quotes(session, ids=[quote_id], limit=1)
    if not found:
        raise HTTPException(404, f"no quote with id {quote_id}")
    return found[0]


# ---- utterances: one quotation as many outlets rendered it ---------------------------------

Change = Literal[CHANGES]  # type: ignore[valid-type]
UtteranceSort = Literal["newest", "oldest", "outlets", "different"]


class UtteranceOut(BaseModel):
    """One utterance quoted across outlets: its speaker, its fullest wording, how many quotes
    render it from how many outlets, how many of those give other words, and the kinds of change."""

    id: int
    person_id: int
    speaker: str | None
    text: str = Field(description="The fullest wording, as its quote gives it")
    quote_id: int = Field(description="The quote giving the fullest wording")
    first_published: str | None
    last_published: str | None
    renderings: int = Field(description="Quotes rendering it (paraphrases included)")
    outlets: int = Field(description="Outlets quoting it")
    different: int = Field(description="Outlets putting other words in the speaker's mouth (splices, changed words, a lost negation...)")
    changes: list[str] = Field(description="Every kind of change its quotes carry: spliced, changed, paraphrase, trimmed and the flags")


class RenderingOut(ArticleRef):
    """One quote rendering an utterance, and what it did to the fullest wording."""

    quote_id: int
    start: int
    end: int
    text: str = Field(description="The quote as its article gives it")
    quote_kind: str = Field(description="direct, indirect or mixed")
    kind: str | None = Field(None, description="verbatim, trimmed, spliced, changed or paraphrase")
    flags: list[str] = Field(default_factory=list)
    fullest: bool = Field(description="This quote gives the fullest wording")


class Segment(BaseModel):
    """A piece of a rendering against the fullest wording: words both give (equal), words of the
    fullest it lacks (delete), its own words (insert), words it quotes beyond the fullest (extra)."""

    op: Literal["equal", "delete", "insert", "extra"]
    text: str


class RenderingDiff(RenderingOut):
    different: bool = Field(description="It puts other words in the speaker's mouth (not a trim, not a paraphrase)")
    segments: list[Segment] = Field(description="Its words against the fullest wording, in its order (empty for a paraphrase)")


class UtteranceQuotes(UtteranceOut):
    quotes: list[RenderingOut]


class UtteranceDetail(UtteranceOut):
    quotes: list[RenderingDiff]


UtterancePage = page_model(UtteranceOut)


@dataclass
class UtteranceQuery:
    """The filters and order of a list of utterances (the list, its page and its export share them)."""

    person: Annotated[str | None, Query(max_length=300, description="The speaker goes by a name holding this")] = None
    person_id: Annotated[int | None, Query(ge=1, le=2**63 - 1, description="This person's utterances")] = None
    outlet: Annotated[str | None, Query(max_length=300, description="Some quote of it comes from an outlet holding this")] = None
    change: Annotated[Change | None, Query(description="Some quote of it carries this kind of change (a rendering kind or a flag)")] = None
    min_outlets: Annotated[int, Query(ge=1, le=10_000, description="Quoted by at least this many outlets")] = 2
    differently: Annotated[bool, Query(description="Only utterances some outlet gives in other words")] = False
    sort: Annotated[UtteranceSort, Query(description="newest (default), oldest, most outlets or most outlets with other words first")] = "newest"


@router.get("/utterances", response_model=UtterancePage, responses=CSV, summary="Utterances quoted by two or more outlets, newest first, with how many give other words")
def list_utterances(request: Request, query: Annotated[UtteranceQuery, Depends()], limit: Limit = 50, offset: Offset = 0, format: Format = "json"):
    return listing(request, views.utterances, limit, offset, format, **asdict(query))


@router.get("/utterances/{utterance_id}", response_model=UtteranceDetail, responses=problems(404), summary="An utterance with every quote rendering it and each one's differences from the fullest wording")
def get_utterance(request: Request, utterance_id: Id):
    with request.app.db.sessions() as session:
        return utterance_detail(session, utterance_id)


def utterance_detail(session, utterance_id: int) -> dict:
    found = views.utterance(session, utterance_id)
    if found is None:
        raise HTTPException(404, f"no utterance with id {utterance_id}")
    return marked(found)


HitSort = Literal["relevance", "newest", "oldest"]


class HitOut(ArticleRef):
    kind: str = Field(description="quote or sentence")
    text: str
    start: int
    speaker: str | None
    act: str | None


@router.get("/search", response_model=list[HitOut], responses=problems(422), summary="Quotes and sentences holding every word and phrase of q (X-Total-Count: how many in all)")
def search(
    request: Request,
    response: Response,
    q: Annotated[str, Query(max_length=2000, description="Words, \"quoted phrases\" and hyphenated words (by-election), all required; at most 12 different ones (more: 422)")],
    kind: Literal["quote", "sentence"] | None = None,
    speaker: Annotated[str | None, Query(max_length=300, description="The quote's speaker holds this")] = None,
    party: Annotated[str | None, Query(max_length=300, description="The speaker's party holds this")] = None,
    outlet: Annotated[str | None, Query(max_length=300, description="The article's outlet holds this")] = None,
    act: Act | None = None,
    since: date | None = None,
    until: date | None = None,
    sort: Annotated[HitSort, Query(description="relevance (default: best first, very short hits ranked down), or newest or oldest by publication date")] = "relevance",
    limit: Limit = 50,
    offset: Offset = 0,
):
    filters = HitFilters(kind=kind, speaker=speaker, party=party, outlet=outlet, act=act, since=since, until=until)
    with request.app.db.sessions() as session:
        try:
            hits, total = views.search_hits(session, q, filters, limit, offset, seconds=request.app.settings.search_seconds, sort=sort)
        except SearchRefused as refused:
            raise HTTPException(422, str(refused)) from None
    response.headers["X-Total-Count"] = str(total)
    return hits


@router.get("/people", response_model=PersonPage, responses=CSV, summary="People, most mentioned first")
def list_people(request: Request, query: Annotated[PeopleQuery, Depends()], limit: Limit = 50, offset: Offset = 0, format: Format = "json"):
    return listing(request, views.people, limit, offset, format, **asdict(query))


@router.get("/people/{person_id}", response_model=PersonDetail, responses=problems(404), summary="A person with their quotes and events")
def get_person(request: Request, person_id: Id):
    with request.app.db.sessions() as session:
        return person_detail(session, person_id)


def person_detail(session, person_id: int, quotes: bool = True) -> dict:
    found = views.people(session, ids=[person_id])
    if not found:
        raise HTTPException(404, f"no person with id {person_id}")
    person = found[0]
    person["quotes"] = views.quotes(session, person_id=person_id, limit=500) if quotes else []
    person["events"] = views.events(session, ids=views.event_ids_of_person(session, person_id, person["name"]))
    return person


class TimelineItemOut(BaseModel):
    """One thing on a person's or a party's timeline: an event or a quote, on its day."""

    date: str | None = Field(description="The event's day (else its first report's publication date), or the quote's article's date")
    kind: Literal["event", "quote"]
    summary: str = Field(description="One line saying what happened or who said what")
    page: str = Field(description="Its page on this server (/events/{id} or /quotes/{id})")
    event: EventOut | None = None
    quote: QuoteOut | None = None


TimelinePage = page_model(TimelineItemOut)
TIMELINE_FIELDS = ("date", "kind", "id", "summary", "page", "speaker", "article_id", "title", "outlet", "published", "url")


@dataclass
class TimelineQuery:
    """Whose timeline, and in which order."""

    name: Annotated[str, Query(min_length=2, max_length=200, description="A person ('Shaun Woodward') or, when no person has the name, a party ('Labour')")]
    sort: Annotated[Literal["newest", "oldest"], Query(description="newest (default) or oldest first; undated last")] = "newest"


def summary_of(kind: str, fact: dict) -> str:
    """An event or a quote in one line: 'Jo Roe: Labour -> Green Party', 'Jo Roe: “...”'."""
    if kind == "event":
        return describe_event(fact)
    return f"{fact.get('speaker') or '(unknown speaker)'}: \u201c{fact['text']}\u201d"


def where_told(kind: str, fact: dict) -> dict:
    """Where an event or a quote is in the articles: a quote's own place, an event's first source."""
    return (fact.get("sources") or [{}])[0] if kind == "event" else fact


def timeline_items(session, name: str, sort: str = "newest", limit: int | None = None, offset: int = 0) -> list[dict]:
    """A page of views.timeline as the API gives it: each item with its summary and page."""
    return [
        {"date": item["date"], "kind": item["kind"], "summary": summary_of(item["kind"], item["what"]), "page": f"/{item['kind']}s/{item['what']['id']}", item["kind"]: item["what"]}
        for item in views.timeline(session, name, sort, limit, offset)
    ]


def timeline_rows(item: dict) -> list[dict]:
    """A timeline item as one CSV row: an event with its first source's article."""
    what = item.get("event") or item["quote"]
    article = where_told(item["kind"], what)
    row = {k: item[k] for k in ("date", "kind", "summary", "page")} | {"id": what["id"], "speaker": what.get("speaker")} | {k: article.get(k) for k in ("article_id", "title", "outlet", "published", "url")}
    return [{k: row[k] for k in TIMELINE_FIELDS}]


class FlagOut(BaseModel):
    """A reader's flag on a fact they say is wrong, with the fact as its page showed it then."""

    id: int
    created_at: str | None
    target: Literal["quote", "event"]
    target_id: int
    page: str = Field(description="The flagged fact's page on this server")
    what: str = Field(description="What the reader says is wrong, in their words")
    summary: str = Field(description="The fact in one line, as it was shown")
    fact: dict = Field(description="The quote or event as the API gave it when it was flagged")


FlagPage = page_model(FlagOut)
FLAG_FIELDS = ("id", "created_at", "target", "target_id", "page", "what", "summary", "article_id", "start", "end", "text", "fact")


@dataclass
class FlagQuery:
    """Which flags, in which order."""

    target: Literal["quote", "event"] | None = None
    target_id: Annotated[int | None, Query(ge=1, le=2**63 - 1, description="Flags on this quote or event")] = None
    sort: Annotated[Literal["newest", "oldest"], Query(description="newest (default) or oldest first")] = "newest"


def flag_items(session, limit: int | None = 50, offset: int = 0, sort: str = "newest", **filters) -> list[dict]:
    return [flag | {"summary": summary_of(flag["target"], flag["fact"])} for flag in views.flags(session, limit, offset, sort, **filters)]


def flag_rows(flag: dict) -> list[dict]:
    """A flag as one CSV row: the reader's words beside the words flagged (a quote's text, an
    event's first evidence sentence) and their place, then the whole fact as JSON."""
    told = where_told(flag["target"], flag["fact"])
    placed = {"article_id": told.get("article_id"), "start": told.get("start"), "end": told.get("end"), "text": told.get("text") or told.get("sentence")}
    row = flag | placed
    return [{k: row[k] for k in FLAG_FIELDS}]


@router.get("/flags", response_model=FlagPage, responses=CSV, summary="Readers' flags on wrong facts, newest first")
def list_flags(request: Request, query: Annotated[FlagQuery, Depends()], limit: Limit = 50, offset: Offset = 0, format: Format = "json"):
    return listing(request, flag_items, limit, offset, format, flat=flag_rows, **asdict(query))


@router.get("/timeline", response_model=TimelinePage, responses=CSV, summary="Everything about a person or a party, newest first: events and the person's quotes")
def list_timeline(request: Request, query: Annotated[TimelineQuery, Depends()], limit: Limit = 50, offset: Offset = 0, format: Format = "json"):
    return listing(request, timeline_items, limit, offset, format, flat=timeline_rows, **asdict(query))


@router.get("/stories", response_model=StoryPage, responses=CSV, summary="Stories, largest first")
def list_stories(request: Request, sort: Literal["size", "newest"] = "size", limit: Limit = 50, offset: Offset = 0, format: Format = "json"):
    return listing(request, views.stories, limit, offset, format, sort=sort)


@router.get("/articles/{article_id}", response_model=ArticleOut, responses=problems(404), summary="An article with its quotes and event reports")
def get_article(request: Request, article_id: Id):
    with request.app.db.sessions() as session:
        return article_detail(session, article_id)


def article_detail(session, article_id: int) -> dict:
    article = session.get(ArticleRow, article_id)
    if article is None:
        raise HTTPException(404, f"no article with id {article_id}")
    reports = session.scalars(select(EventRow).where(EventRow.article_id == article_id).order_by(EventRow.start)).all()
    return {
        "id": article.id, "title": article.title, "published": views.iso(article.published), "outlet": article.outlet, "url": article.url,
        "source": article.source, "story_id": article.story_id, "text": article.text,
        "quotes": views.quotes(session, article_id=article_id, limit=None),
        "events": [{"id": r.id, "type": r.type, "start": r.start, "end": r.end, "sentence": article.text[r.start : r.end], "canonical_id": r.canonical_id,
                    "found_by": r.found_by, "filled_by": r.filled_by or None} for r in reports],
    }


def store_upload(request: Request, data: bytes, name: str, suffix: str, defaults: dict) -> Stored:
    from ..ingest import store_analysed
    from ..link.reference import Reference

    settings = request.app.settings
    if len(data) > settings.max_upload_bytes:
        raise HTTPException(413, f"{name}: larger than {settings.max_upload_bytes} bytes")
    options = ReadOptions(max_bytes=settings.max_upload_bytes, published=defaults.get("published"), outlet=defaults.get("outlet"))
    items = list(read_bytes(data, name, suffix, options))
    if not items:
        return Stored(outcome="skipped", article_id=None, detail=f"{name}: no article found")
    first = items[0]
    if isinstance(first, Skipped):
        return Stored(outcome="skipped", article_id=None, detail=f"{first.source}: {first.reason}")
    article: Article = first
    article.title = defaults.get("title") or article.title
    article.url = defaults.get("url") or article.url
    # One upload analysed at a time, within the per-article time limit (analyser.py).
    result = ANALYSER.analyse(article.text, article.published, settings.article_seconds)
    if result.error:
        return Stored(outcome="skipped", article_id=None, detail=f"{article.source}: {result.error}")
    outcome = store_analysed(article, result, request.app.db, Reference(request.app.db))
    return Stored(outcome=outcome.kind, article_id=outcome.article_id, detail=outcome.detail)


# Honest status codes: 201 for a new article, 200 for one already stored (or a near copy of
# one), 422 for one that could not be read.
STATUS = {"stored": 201, "copy": 200, "duplicate": 200, "skipped": 422}
WRITE_RESPONSES = {**problems(401, 403, 413, 415), 200: {"model": Stored, "description": "Already stored, or a near copy of a stored article"}, 422: {"model": Stored, "description": "Not stored: the article could not be read (detail says why)"}}


def answered(response: Response, stored: Stored) -> Stored:
    response.status_code = STATUS[stored.outcome]
    return stored


@router.post("/articles", response_model=Stored, status_code=201, responses=WRITE_RESPONSES, summary="Add an article (JSON with text or HTML); it is analysed at once")
def add_article(request: Request, response: Response, body: NewArticle):
    require_writes(request)
    if not (body.text or body.html):
        raise HTTPException(422, "give 'text' or 'html'")
    data = (body.html or body.text or "").encode("utf-8")
    return answered(response, store_upload(request, data, "upload", ".html" if body.html else ".txt", body.model_dump()))


@router.post("/articles/file", response_model=Stored, status_code=201, responses=WRITE_RESPONSES, summary="Add articles from a file (text, HTML, JSON Lines or a feed)")
def add_article_file(request: Request, response: Response, file: Annotated[UploadFile, File()]):
    require_writes(request)
    data = file.file.read(request.app.settings.max_upload_bytes + 1)
    name = file.filename or "upload"
    return answered(response, store_upload(request, data, name, "." + name.rsplit(".", 1)[-1] if "." in name else "", {}))
