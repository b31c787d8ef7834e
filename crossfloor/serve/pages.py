"""The web pages: front page, search, person, timeline, event, quote, utterances, story, article,
readers' flags, upload."""

from __future__ import annotations

import time
from collections import OrderedDict
from datetime import date
from typing import Annotated, Literal

from fastapi import APIRouter, Form, HTTPException, Query, Request, UploadFile
from fastapi.encoders import jsonable_encoder
from fastapi.responses import HTMLResponse, RedirectResponse
from sqlalchemy import select

from ..schema.events import STATUS_NAMES, names
from ..present import describe_event, markup, when
from ..store import views
from ..store.flags import FlagRefused, add_flag
from ..store.schema import ArticleCopyRow, ArticleRow, StoryRow
from ..store.search import HitFilters, SearchRefused, phrase_patterns
from .api import (
    Change,
    EventSort,
    Id,
    UtteranceSort,
    article_detail,
    event_detail,
    flag_items,
    person_detail,
    quote_detail,
    store_upload,
    timeline_items,
    utterance_detail,
)
from .common import html, require_writes, writes_allowed
from .charts import bars, every_month, party_timeline, switches_chart
from .listing import Listing

router = APIRouter(include_in_schema=False)
PAGE = 50
# The most of a person's utterances quoted in other words their page lists (the rest a link away).
DIFFERENTLY = 20


def day(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise HTTPException(422, f"{value!r} is not a date (YYYY-MM-DD)") from None


# The front page is the most visited and the costliest (about a hundred queries): it is kept,
# rendered, while the database's counts stay the same (any article added, by an upload here or
# an ingest elsewhere, changes them), and at most this long (for changes counts do not show).
FRONT_SECONDS = 60.0


@router.get("/")
def front(request: Request):
    counts = request.app.db.counts()
    kept = getattr(request.app.state, "front", None)
    if kept is not None and kept[1] == counts and time.monotonic() - kept[0] < FRONT_SECONDS:
        return HTMLResponse(kept[2])
    with request.app.db.sessions() as session:
        page = html(
            request, "index.html",
            events=views.events(session, limit=12, sort="newest", background=False),
            people=views.people(session, limit=16),
            stories=views.stories(session, limit=8),
            counts=counts,
            coverage=cached_coverage(request, session),
            describe=describe_event, when=when,
        )
    request.app.state.front = (time.monotonic(), counts, page.body)
    return page


@router.get("/search")
def search(
    request: Request,
    q: str = "",
    speaker: str = "",
    party: str = "",
    outlet: str = "",
    since: str = "",
    until: str = "",
    act: Literal["", "said", "thought"] = "",
    kind: Literal["", "direct", "indirect", "mixed", "quote", "sentence"] = "",
    sort: Literal["", "relevance", "newest", "oldest", "speaker", "outlet", "kind"] = "",
    page: int = Query(1, ge=1, le=100_000),
):
    """Words: hits best first (or newest or oldest first); no words: the quotes the filters keep,
    newest first (or by speaker, outlet, kind)."""
    form = {"q": q, "speaker": speaker, "party": party, "outlet": outlet, "since": since, "until": until, "act": act, "kind": kind}
    with request.app.db.sessions() as session:
        coverage = cached_coverage(request, session)
        if q.strip():
            found = word_search(request, session, form, sort if sort in ("newest", "oldest") else "relevance", page)
        else:
            found = quote_list(session, form, sort if sort not in ("", "relevance") else "newest", page)
    return html(request, "search.html", coverage=coverage, page=page, describe=describe_event, when=when, **form, **found)


def word_search(request: Request, session, form: dict, sort: str, page: int) -> dict:
    """The search page's hits for words, in the order asked (best first, newest or oldest):
    quotes and sentences holding them, filtered in the query (so the count is every hit and
    every hit is on some page), copies of the same words shown once; and, for a name on the
    first page, the person and their events first."""
    q, kind = form["q"], form["kind"]
    filters = HitFilters(
        kind=kind if kind in ("quote", "sentence") else None, speaker=form["speaker"], party=form["party"], outlet=form["outlet"],
        act=form["act"] or None, since=day(form["since"]), until=day(form["until"]),
    )
    try:
        results, total = views.search_hits(
            session, q, filters, limit=PAGE, offset=(page - 1) * PAGE, seconds=request.app.settings.search_seconds, collapse=True, sort=sort
        )
    except SearchRefused as refused:
        raise HTTPException(422, str(refused)) from None
    patterns = phrase_patterns(q)
    for hit in results:
        hit["pieces"] = highlight(hit["text"], patterns)
        hit["also"] = hit.pop("copies")
    found_people, found_events = [], []
    if page == 1 and any(w[:1].isupper() for w in q.split()):
        name = q.strip().strip('"')
        found_people = views.people_named(session, name)
        found_events = views.events(session, person=name, limit=5) if found_people else []
    shown = {k: v for k, v in form.items() if v}
    listing = Listing("/search", "/api/search", shown, sort, page, PAGE, total, len(results))
    return {"results": results, "more": listing.more, "mode": "search", "total": str(total), "people": found_people, "events": found_events, "listing": listing}


def quote_list(session, form: dict, sort: str, page: int) -> dict:
    """The search page without words: the quotes the filters keep, as a sortable listing."""
    kind = form["kind"]
    filters = {
        "speaker": form["speaker"] or None, "party": form["party"] or None, "outlet": form["outlet"] or None, "since": day(form["since"]), "until": day(form["until"]),
        "act": form["act"] or None, "kind": kind if kind in ("direct", "indirect", "mixed") else None,
    }
    results = views.quotes(session, limit=PAGE, offset=(page - 1) * PAGE, sort=sort, **filters)
    count = views.quote_count(session, **filters)
    shown = {k: v for k, v in form.items() if k != "q"}
    listing = Listing("/search", "/api/quotes", shown, sort, page, PAGE, count, len(results), views.quote_facets(session, **filters))
    return {"results": results, "more": listing.more, "mode": "quotes", "total": None, "people": [], "events": [], "listing": listing}


COVERAGE_SECONDS = 10.0


def cached_coverage(request: Request, session) -> dict:
    """What the database holds that pages warn about (dates, reference data), counted at most
    every few seconds: it changes only when articles are added."""
    cached = getattr(request.app.state, "coverage", None)
    if cached is None or time.monotonic() - cached[0] > COVERAGE_SECONDS:
        cached = request.app.state.coverage = (time.monotonic(), views.coverage(session))
    return cached[1]


@router.get("/people")
def people_list(request: Request, name: str = "", sort: Literal["mentions", "name", "quotes"] = "mentions", kind: Literal["person", "organisation"] = "person", page: int = Query(1, ge=1, le=100_000)):
    with request.app.db.sessions() as session:
        found = views.people(session, name=name or None, limit=PAGE, offset=(page - 1) * PAGE, sort=sort, kind=kind)
        total = views.people_count(session, name=name or None, kind=kind)
    listing = Listing("/people", "/api/people", {"name": name, "kind": kind}, sort, page, PAGE, total, len(found))
    return html(request, "people.html", people=found, listing=listing, name=name, kind=kind)


@router.get("/people/{person_id}")
def person(request: Request, person_id: Id, page: int = Query(1, ge=1, le=100_000)):
    """A person, with their quotes a page at a time (grouped by story), the outlets that
    published them apart from the venues where they were said, and a chart of every month."""
    with request.app.db.sessions() as session:
        detail = person_detail(session, person_id, quotes=False)
        found = views.quotes(session, person_id=person_id, limit=PAGE + 1, offset=(page - 1) * PAGE)
        outlets, venues = views.quote_outlets(session, person_id), views.quote_venues(session, person_id)
        coverage = cached_coverage(request, session)
        periods, unit = every_month(views.quotes_by_month(session, person_id))
        differently = views.utterances(session, limit=DIFFERENTLY, person_id=person_id, differently=True)
        differently_total = views.utterance_count(session, person_id=person_id, differently=True) if differently else 0
        story_ids = {q["story_id"] for q in found if q["story_id"]}
        titles = dict(session.execute(select(StoryRow.id, StoryRow.title).where(StoryRow.id.in_(story_ids))).all()) if story_ids else {}
    by_story: OrderedDict = OrderedDict()
    for quote in found[:PAGE]:
        by_story.setdefault(quote["story_id"], []).append(quote)
    return html(
        request, "person.html", person=detail, by_story=by_story, story_titles=titles, page=page, more=len(found) > PAGE,
        outlets=outlets, venues=venues, timeline=party_timeline(detail["parties"]), coverage=coverage, by_month=bars(periods, "month"), unit=unit,
        differently=differently, differently_total=differently_total, describe=describe_event, when=when,
    )


@router.get("/timeline")
def timeline(request: Request, name: str = Query("", max_length=200), sort: Literal["newest", "oldest"] = "newest", page: int = Query(1, ge=1, le=100_000)):
    """Everything about a person or a party (as `crossfloor timeline`): events and the person's
    quotes, newest first (or oldest), with CSV and JSON of the page and of it all."""
    items, total = [], 0
    if len(name.strip()) >= 2:
        with request.app.db.sessions() as session:
            total = views.timeline_count(session, name.strip())
            items = timeline_items(session, name.strip(), sort, PAGE, (page - 1) * PAGE)
    listing = Listing("/timeline", "/api/timeline", {"name": name.strip()}, sort, page, PAGE, total, len(items))
    return html(request, "timeline.html", items=items, listing=listing, name=name.strip(), describe=describe_event, when=when)


@router.get("/events")
def events_list(
    request: Request, type: str = "", person: str = "", party: str = "", outlet: str = Query("", max_length=300),
    since: str = "", until: str = "", sort: EventSort = "newest", page: int = Query(1, ge=1, le=100_000), background: bool = False,
    status: Literal[("",) + STATUS_NAMES] = "",  # type: ignore[valid-type]
):
    """Events newest first (the When column and the Order control reach oldest first), filtered
    in the query by type, person, party, the outlets reporting them, a range of days and what
    the reference record says of a switch (status); news only unless background=1 (events the
    articles mention only as history)."""
    kinds = names()
    if type and type not in kinds:
        raise HTTPException(422, f"type must be one of {', '.join(kinds)}")
    shown = {"type": type, "person": person, "party": party, "outlet": outlet, "since": since, "until": until, "background": "1" if background else "", "status": status}
    filters = {k: v or None for k, v in shown.items() if k not in ("since", "until", "background")} | {"since": day(since), "until": day(until), "background": background}
    with request.app.db.sessions() as session:
        found = views.events(session, limit=PAGE, offset=(page - 1) * PAGE, sort=sort, **filters)
        total = views.event_count(session, **filters)
        facets = views.event_facets(session, **filters)
        chart = switches_chart(views.switches_by_year(session)) if type in ("", "party_switch") and not any(shown[k] for k in ("person", "party", "outlet", "status")) else None
    listing = Listing("/events", "/api/events", shown, sort, page, PAGE, total, len(found), {"type": facets["type"], "party": facets["to_party"], "outlet": facets["outlet"]})
    return html(request, "events.html", events=found, listing=listing, types=kinds, statuses=STATUS_NAMES, chart=chart, describe=describe_event, when=when, **shown)


Flagged = Annotated[int | None, Query(ge=1, le=2**63 - 1, description="The flag just stored (the page thanks the reader)")]


@router.get("/events/{event_id}")
def event(request: Request, event_id: Id, flagged: Flagged = None):
    with request.app.db.sessions() as session:
        found = event_detail(session, event_id)
        conflicts = views.events(session, ids=set(found["conflicts"])) if found["conflicts"] else []
    return html(request, "event.html", event=found, conflicts=conflicts, describe=describe_event, when=when, **flag_form(request, flagged))


# The most characters a reader's flag says (the guard bounds the body: guard.FLAG_BYTES).
FLAG_CHARS = 2000


def flag_form(request: Request, flagged: int | None) -> dict:
    """What a page's flag form needs: its token against cross-site posts, the bound on its
    words, and the flag just stored."""
    return {"csrf": request.app.form_tokens.issue(), "flag_chars": FLAG_CHARS, "flagged": flagged}


@router.post("/flags")
def flag(
    request: Request,
    target: Literal["quote", "event"] = Form(...),
    target_id: int = Form(..., ge=1, le=2**63 - 1),
    what: str = Form(..., max_length=FLAG_CHARS),
    csrf: str = Form(""),
):
    """A reader flags a wrong fact on a quote's or an event's page: stored with the fact as the
    page shows it (store.flags), then back to the page, which thanks them."""
    if not request.app.form_tokens.valid(csrf):
        raise HTTPException(403, "this form has expired or was not sent from this site: open the page again")
    if not what.strip():
        raise HTTPException(422, "say what is wrong")
    with request.app.db.sessions() as session:
        fact = quote_detail(session, target_id) if target == "quote" else event_detail(session, target_id)
    try:
        flag_id = add_flag(request.app.db, target, target_id, what.strip(), jsonable_encoder(fact), request.app.settings.max_flags)
    except FlagRefused as refused:
        raise HTTPException(429, str(refused)) from None
    return RedirectResponse(f"/{target}s/{target_id}?flagged={flag_id}#flag", status_code=303)


@router.get("/flags")
def flags_list(request: Request, target: Literal["", "quote", "event"] = "", sort: Literal["newest", "oldest"] = "newest", page: int = Query(1, ge=1, le=100_000)):
    """Readers' flags, newest first, with CSV and JSON of them all for the development data."""
    with request.app.db.sessions() as session:
        found = flag_items(session, limit=PAGE, offset=(page - 1) * PAGE, sort=sort, target=target or None)
        total = views.flag_count(session, target=target or None)
    listing = Listing("/flags", "/api/flags", {"target": target}, sort, page, PAGE, total, len(found))
    return html(request, "flags.html", flags=found, listing=listing, target=target)


# How much of the article a quote's page shows on each side of it.
CONTEXT = 400


@router.get("/quotes/{quote_id}")
def quote(request: Request, quote_id: Id, flagged: Flagged = None):
    """A quote's own page (its permalink): who said it, how, where, the words around it, and a
    form to flag it as wrong."""
    with request.app.db.sessions() as session:
        found = quote_detail(session, quote_id)
        text = session.scalar(select(ArticleRow.text).where(ArticleRow.id == found["article_id"])) or ""
    before = text[max(0, found["start"] - CONTEXT) : found["start"]]
    after = text[found["end"] : found["end"] + CONTEXT]
    return html(request, "quote.html", quote=found, before=before, after=after, **flag_form(request, flagged))


@router.get("/utterances")
def utterances_list(
    request: Request, person: str = Query("", max_length=300), person_id: int | None = Query(None, ge=1, le=2**63 - 1), outlet: str = Query("", max_length=300),
    change: Literal[("",) + Change.__args__] = "",  # type: ignore[valid-type]
    differently: bool = False, sort: UtteranceSort = "newest", page: int = Query(1, ge=1, le=100_000),
):
    """Utterances quoted by two or more outlets, newest first (or by outlets, or by outlets with
    other words), filtered by speaker, an outlet quoting them and a kind of change."""
    shown = {"person": person, "person_id": str(person_id or ""), "outlet": outlet, "change": change, "differently": "1" if differently else ""}
    filters = {"person": person or None, "person_id": person_id, "outlet": outlet or None, "change": change or None, "differently": differently}
    with request.app.db.sessions() as session:
        found = views.utterances(session, limit=PAGE, offset=(page - 1) * PAGE, sort=sort, **filters)
        total = views.utterance_count(session, **filters)
        facets = views.utterance_facets(session, **filters)
    listing = Listing("/utterances", "/api/utterances", shown, sort, page, PAGE, total, len(found), facets)
    return html(request, "utterances.html", utterances=found, listing=listing, changes=Change.__args__, **shown)


@router.get("/utterances/{utterance_id}")
def utterance(request: Request, utterance_id: Id):
    """One utterance: its fullest wording, then every quote of it, each with its outlet, date,
    kind of change and its words against the fullest (deleted and inserted words marked)."""
    with request.app.db.sessions() as session:
        found = utterance_detail(session, utterance_id)
    return html(request, "utterance.html", utterance=found)


@router.get("/stories")
def stories_list(request: Request, sort: Literal["size", "newest"] = "size", page: int = Query(1, ge=1, le=100_000)):
    with request.app.db.sessions() as session:
        found = views.stories(session, limit=PAGE, offset=(page - 1) * PAGE, sort=sort)
        total = views.story_count(session)
    listing = Listing("/stories", "/api/stories", {}, sort, page, PAGE, total, len(found))
    return html(request, "stories.html", stories=found, listing=listing)


@router.get("/stories/{story_id}")
def story(request: Request, story_id: Id):
    with request.app.db.sessions() as session:
        found = views.stories(session, story_id=story_id)
        if not found:
            raise HTTPException(404, f"no story with id {story_id}")
        happened = views.events(session, ids=set(found[0]["event_ids"])) if found[0]["event_ids"] else []
    return html(request, "story.html", story=found[0], events=happened, describe=describe_event, when=when)


@router.get("/articles/{article_id}")
def article(request: Request, article_id: Id, mark: str = Query("", max_length=40, pattern=r"^(\d+-\d+)?$")):
    """The article, its quotes coloured and named by speaker, its event sentences underlined;
    mark=START-END (as links from search, events and quotes give it) highlights those words
    and the page opens on them (#m)."""
    with request.app.db.sessions() as session:
        detail = article_detail(session, article_id)
        copies = session.scalars(select(ArticleCopyRow).where(ArticleCopyRow.article_id == article_id)).all()
        copies = [{"url": c.url, "source": c.source, "outlet": c.outlet, "published": views.iso(c.published), "similarity": c.similarity} for c in copies]
    span = tuple(int(x) for x in mark.split("-")) if mark else None
    span = span if span and 0 <= span[0] < span[1] <= len(detail["text"]) else None
    segments, speakers = markup(detail["text"], detail["quotes"], detail["events"], span)
    return html(request, "article.html", article=detail, segments=segments, speakers=speakers, copies=copies)


@router.get("/upload")
def upload_form(request: Request):
    return upload_page(request, None)


def upload_page(request: Request, result, status: int = 200):
    page = html(request, "upload.html", writable=writes_allowed(request), needs_token=bool(request.app.settings.token), result=result, csrf=request.app.form_tokens.issue())
    page.status_code = status
    return page


@router.post("/upload")
def upload(
    request: Request,
    text: str = Form(""),
    title: str = Form(""),
    published: str = Form(""),
    outlet: str = Form(""),
    token: str = Form(""),
    csrf: str = Form(""),
    file: UploadFile | None = None,
):
    if not request.app.form_tokens.valid(csrf):
        raise HTTPException(403, "this form has expired or was not sent from this site: open the upload page again")
    require_writes(request, token or None)
    defaults = {"title": title or None, "published": day(published), "outlet": outlet or None}
    if file is not None and file.filename:
        data = file.file.read(request.app.settings.max_upload_bytes + 1)
        name = file.filename
        suffix = "." + name.rsplit(".", 1)[-1] if "." in name else ""
    elif text.strip():
        data, name, suffix = text.encode("utf-8"), "pasted text", ".txt"
    else:
        raise HTTPException(422, "paste the article's text or choose a file")
    result = store_upload(request, data, name, suffix, defaults)
    if result.article_id is not None:
        return RedirectResponse(f"/articles/{result.article_id}", status_code=303)
    return upload_page(request, result, 422)


def highlight(text: str, patterns: list) -> list[tuple[str, bool]]:
    """The text in pieces, True for those that match a word or phrase of the query (its
    store.search.phrase_patterns); the template escapes them and marks the matches."""
    spans = sorted((m.start(), m.end()) for p in patterns for m in p.finditer(text))
    pieces, last = [], 0
    for start, end in spans:
        if start < last:
            continue
        if start > last:
            pieces.append((text[last:start], False))
        pieces.append((text[start:end], True))
        last = end
    if last < len(text):
        pieces.append((text[last:], False))
    return pieces
