"""The read side, the one way to what is stored: quotes and event reports as their records, and
across articles events with their sources, people, timelines, stories and full-text search.
Each returns plain JSON-ready dicts; the CLI, the web app and the export render them."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlalchemy import case, func, or_, select
from sqlalchemy.orm import Session, joinedload

from ..schema.events import SPECS, party_fields, people_fields, record_status
from .chunks import rows_in
from .rows import event_record, quote_record
from .schema import (
    ArticleCopyRow,
    ArticleRow,
    CanonicalEventRow,
    EventRow,
    FlagRow,
    KbIdentifierRow,
    KbMembershipRow,
    KbPersonRow,
    KbPostRow,
    PersonMentionRow,
    PersonRow,
    QuoteRow,
    StoryRow,
    UtteranceRow,
)
from .search import LIKE_ESCAPE, HitFilters, like_pattern
from .search import search as full_text


def page(query, limit: int | None, offset: int = 0):
    if offset:
        query = query.offset(offset)
    return query.limit(limit) if limit else query


def holds(column, value: str):
    """The column holds `value` as typed, any case (its LIKE wildcards escaped)."""
    return column.ilike(like_pattern(value), escape=LIKE_ESCAPE)


def iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def article_ref(article: ArticleRow) -> dict:
    return {"article_id": article.id, "title": article.title, "published": iso(article.published), "outlet": article.outlet, "url": article.url}


def event_view(event: CanonicalEventRow, reports: list[EventRow]) -> dict:
    data = {"id": event.id, "type": event.type}
    data.update({k: getattr(event, k) for k in SPECS[event.type].view_fields})
    data["status"] = event.status
    data["person_id"] = event.person_id
    data["date"] = iso(event.date)
    data["date_range"] = [iso(event.date_first), iso(event.date_last)] if event.date is None and event.date_first else None
    data["news"] = news_of(reports)
    data["record"] = next((r.record for r in reports if r.status == event.status and r.record), None)
    data["sources"] = [
        {**article_ref(r.article), "start": r.start, "end": r.end, "sentence": r.article.text[r.start : r.end], "date_text": r.date_text, "story_id": r.article.story_id,
         "news": r.news, "status": r.status, "record": r.record, "found_by": r.found_by, "filled_by": r.filled_by or None}
        for r in sorted(reports, key=lambda r: (r.article.published or date.max, r.article_id, r.start))
    ]
    data["conflicts"] = []
    return data


# A report's news as a rank: an event is as new as its newest-telling report (news_of).
NEWS_RANK = {True: 2, None: 1, False: 0}


def news_of(reports: list[EventRow]) -> bool | None:
    """An event is news when some report tells it as news, background when every report tells it
    as background, else unknown (None)."""
    ranks = [NEWS_RANK[r.news] for r in reports]
    return {2: True, 0: False}.get(max(ranks, default=1))


def event_news_rank():
    """news_of in SQL: the highest NEWS_RANK among an event's reports (NULL without reports)."""
    rank = case((EventRow.news.is_(True), 2), (EventRow.news.is_(None), 1), else_=0)
    return select(func.max(rank)).where(EventRow.canonical_id == CanonicalEventRow.id).scalar_subquery()


def event_first_seen():
    """The publication date of an event's first report (for events the text gives no date)."""
    return (
        select(func.min(ArticleRow.published))
        .join(EventRow, EventRow.article_id == ArticleRow.id)
        .where(EventRow.canonical_id == CanonicalEventRow.id)
        .scalar_subquery()
    )


def reported_in(outlet: str):
    """Events that some article of this outlet (as typed, any case) reports."""
    return CanonicalEventRow.id.in_(select(EventRow.canonical_id).join(ArticleRow, ArticleRow.id == EventRow.article_id).where(holds(ArticleRow.outlet, outlet)))


def event_filters(query, type=None, person=None, party=None, since=None, until=None, ids=None, outlet=None, background=True, status=None):
    """The filters of an event listing, in the query, and the day each event is placed on (its
    date, else its first report's publication date); a range counts as within since/until when
    it overlaps them; outlet: some report comes from an outlet holding these words; background
    False keeps news (true or unknown, news_of) only: lists pass it unless asked for background;
    status: what reference data says of a switch ('confirmed', 'contradicted', 'not-in-record')."""
    first_seen = event_first_seen()
    when = func.coalesce(CanonicalEventRow.date_first, first_seen)
    conditions = [
        CanonicalEventRow.type == type if type else None,
        CanonicalEventRow.id.in_(ids) if ids is not None else None,
        or_(*(holds(getattr(CanonicalEventRow, k), person) for k in people_fields())) if person else None,
        or_(*(holds(getattr(CanonicalEventRow, k), party) for k in party_fields())) if party else None,
        reported_in(outlet) if outlet else None,
        func.coalesce(CanonicalEventRow.date_last, first_seen) >= since if since else None,
        when <= until if until else None,
        func.coalesce(event_news_rank(), NEWS_RANK[None]) > NEWS_RANK[False] if not background else None,
        CanonicalEventRow.status == record_status(status) if status else None,
    ]
    return query.where(*(c for c in conditions if c is not None)), when


def events(session: Session, limit: int | None = None, offset: int = 0, sort: str = "date", **filters) -> list[dict]:
    """Events across articles, oldest first (sort: 'newest', 'oldest' (as 'date'), 'type',
    'person'), each with its sources; reports that disagree about the same person or target are
    listed in each other's 'conflicts'. filters: type, person, party, outlet, since, until, ids,
    background, status (event_filters)."""
    query, when = event_filters(select(CanonicalEventRow), **filters)
    orders = {
        "date": (when.is_(None), when, CanonicalEventRow.id),
        "oldest": (when.is_(None), when, CanonicalEventRow.id),
        "newest": (when.is_(None), when.desc(), CanonicalEventRow.id.desc()),
        "type": (CanonicalEventRow.type, when.is_(None), when, CanonicalEventRow.id),
        "person": (CanonicalEventRow.person.is_(None), CanonicalEventRow.person, CanonicalEventRow.by, CanonicalEventRow.id),
    }
    rows = session.scalars(page(query.order_by(*orders.get(sort, orders["date"])), limit, offset)).all()
    # A source shows its article's text: the articles come with the reports, not one read each.
    with_articles = select(EventRow.canonical_id, EventRow).options(joinedload(EventRow.article, innerjoin=True)).order_by(EventRow.id)
    reports = grouped(rows_in(session, with_articles, EventRow.canonical_id, [r.id for r in rows]))
    views = [event_view(r, reports[r.id]) for r in rows]
    mark_conflicts(session, views)
    add_reference_ids(session, views, reports)
    return views


def add_reference_ids(session: Session, views: list[dict], reports: dict[int, list[EventRow]]) -> None:
    """Each event's person in the reference record (`kb_person`: the first of its reports that
    names one, else its person's link) and their reference ids (reference_ids)."""
    told = {view["id"]: next((r.kb_person for r in reports[view["id"]] if r.kb_person), None) for view in views}
    untold = {view["person_id"] for view in views if view["person_id"] and not told[view["id"]]}
    linked = dict(rows_in(session, select(PersonRow.id, PersonRow.kb_person), PersonRow.id, sorted(untold)))
    kb_people = {view["id"]: told[view["id"]] or linked.get(view["person_id"]) for view in views}
    identifiers = reference_ids(session, set(kb_people.values()))
    for view in views:
        view.update(kb_person=kb_people[view["id"]], **identifiers[kb_people[view["id"]]])


def grouped(pairs) -> defaultdict:
    """(key, value) pairs as key -> [value, ...], each list in the order read."""
    out: defaultdict = defaultdict(list)
    for key, value in pairs:
        out[key].append(value)
    return out


def event_count(session: Session, **filters) -> int:
    query, _ = event_filters(select(func.count()).select_from(CanonicalEventRow), **filters)
    return session.scalar(query) or 0


def event_facets(session: Session, top: int = 8, **filters) -> dict[str, list[tuple[str, int]]]:
    """Event types, parties joined and the outlets that report them, among the events the
    filters keep, with counts (an outlet counts each event once)."""
    out = {}
    for name, column in (("type", CanonicalEventRow.type), ("to_party", CanonicalEventRow.to_party)):
        query, _ = event_filters(select(column, func.count()).select_from(CanonicalEventRow), **filters)
        out[name] = [(v, n) for v, n in session.execute(query.where(column.is_not(None)).group_by(column).order_by(func.count().desc(), column).limit(top)).all()]
    kept, _ = event_filters(select(CanonicalEventRow.id), **filters)
    count = func.count(func.distinct(EventRow.canonical_id))
    query = (
        select(ArticleRow.outlet, count).join(EventRow, EventRow.article_id == ArticleRow.id)
        .where(EventRow.canonical_id.in_(kept), ArticleRow.outlet.is_not(None)).group_by(ArticleRow.outlet).order_by(count.desc(), ArticleRow.outlet).limit(top)
    )
    out["outlet"] = [(v, n) for v, n in session.execute(query).all()]
    return out


def report_filters(query, type=None, person=None, party=None, since=None, until=None, article_id=None, background=True, status=None):
    """The filters of a listing of event reports (one article's telling of an event), on a
    query that joins reports with their articles; a report's day is its date, else its
    article's publication date, and a range counts as within since/until when it overlaps them;
    background False leaves out reports told as background; status as event_filters'."""
    conditions = [
        EventRow.type == type if type else None,
        or_(*(holds(getattr(EventRow, k), person) for k in people_fields())) if person else None,
        or_(*(holds(getattr(EventRow, k), party) for k in party_fields())) if party else None,
        func.coalesce(EventRow.date_last, ArticleRow.published) >= since if since else None,
        func.coalesce(EventRow.date_first, ArticleRow.published) <= until if until else None,
        EventRow.article_id == article_id if article_id is not None else None,
        EventRow.news.is_not(False) if not background else None,
        EventRow.status == record_status(status) if status else None,
    ]
    return query.where(*(c for c in conditions if c is not None))


def event_reports(session: Session, limit: int | None = None, offset: int = 0, **filters) -> list[dict]:
    """Event reports as their records, each with its article (id, title, date, outlet) and its
    first evidence sentence, oldest first; filters: report_filters."""
    query = report_filters(select(EventRow, ArticleRow).join(ArticleRow, ArticleRow.id == EventRow.article_id), **filters)
    day = func.coalesce(EventRow.date_first, ArticleRow.published)
    query = page(query.order_by(day.is_(None), day, EventRow.article_id, EventRow.start), limit, offset)
    return [{**record_ref(article), **event_record(report), "sentence": article.text[report.start : report.end]} for report, article in session.execute(query)]


def record_ref(article) -> dict:
    """What a listed quote or report record carries of its article."""
    return {"article_id": article.id, "title": article.title, "published": iso(article.published), "outlet": article.outlet}


def mark_conflicts(session: Session, views: list[dict]) -> None:
    """Each event type says which of its events disagree (registry: `conflict`): a call for and a
    call against a by-election for the same target; two different new parties for the same
    switcher. One read per type finds the disagreeing events of all the views of that type."""
    for kind, group in grouped((view["type"], view) for view in views if can_conflict(view)).items():
        rule = SPECS[kind].conflict
        others = conflict_candidates(session, kind, group)
        for view in group:
            view["conflicts"] = sorted(i for i, other in others[tuple(view.get(k) for k in rule.same)] if other != view[rule.differ])


def conflict_candidates(session: Session, kind: str, views: list[dict]) -> defaultdict:
    """The events of this type that give the field its conflict rule compares (`differ`), as
    (id, value), by their values of the fields that must be the same, among those sharing the
    views' values of a `same` field the rule requires."""
    rule = SPECS[kind].conflict
    differ = getattr(CanonicalEventRow, rule.differ)
    query = select(CanonicalEventRow.id, differ, *(getattr(CanonicalEventRow, k) for k in rule.same)).where(CanonicalEventRow.type == kind, differ.is_not(None))
    # A `same` field every view gives narrows the read to the views' own values (IN never
    # matches NULL); the other `same` fields are compared by the caller, a missing value equal
    # to a missing one, as the rule says.
    key = next((k for k in rule.same if k in rule.given), None)
    column, values = (getattr(CanonicalEventRow, key), {view[key] for view in views}) if key else (CanonicalEventRow.type, {kind})
    return grouped((tuple(same), (other_id, other)) for other_id, other, *same in rows_in(session, query, column, sorted(values)))


def can_conflict(view: dict) -> bool:
    rule = SPECS[view["type"]].conflict
    return rule is not None and all(view.get(k) for k in rule.given)


def participants() -> set[str]:
    return {t.participant for t in SPECS.values() if t.participant}


def event_ids_of_person(session: Session, person_id: int, name: str) -> set[int]:
    """The events a person takes part in: as the one who switched or resigned, or by name as
    caller, target or the one letters are against."""
    named = or_(*(getattr(CanonicalEventRow, k) == name for k in people_fields() if k not in participants()))
    return set(session.scalars(select(CanonicalEventRow.id).where(or_(CanonicalEventRow.person_id == person_id, named))))


def people_named(session: Session, name: str, limit: int = 3) -> list[dict]:
    """The people whose name holds these words, most quoted first: a search's first answers."""
    quote_total = select(func.count()).where(QuoteRow.person_id == PersonRow.id).scalar_subquery()
    articles = select(func.count(func.distinct(PersonMentionRow.article_id))).where(PersonMentionRow.person_id == PersonRow.id).scalar_subquery()
    rows = session.execute(
        select(PersonRow.id, PersonRow.name, quote_total, articles).where(holds(PersonRow.name, name), PersonRow.kind == "person").order_by(quote_total.desc(), PersonRow.id).limit(limit)
    ).all()
    return [{"id": i, "name": n, "quote_count": q, "articles": a} for i, n, q, a in rows]


def people_filters(query, name: str | None = None, ids: list[int] | None = None, kind: str | None = "person"):
    """kind: people by default, 'organisation' for the bodies that speak ('the White House'),
    None for both; a lookup by id finds either."""
    if kind and ids is None:
        query = query.where(PersonRow.kind == kind)
    if name:
        matching = select(PersonMentionRow.person_id).where(holds(PersonMentionRow.name, name))
        query = query.where(or_(holds(PersonRow.name, name), PersonRow.id.in_(matching)))
    if ids is not None:
        query = query.where(PersonRow.id.in_(ids))
    return query


def people_count(session: Session, **filters) -> int:
    return session.scalar(people_filters(select(func.count()).select_from(PersonRow), **filters)) or 0


def people(session: Session, name: str | None = None, limit: int | None = None, ids: list[int] | None = None, offset: int = 0, sort: str = "mentions", kind: str | None = "person") -> list[dict]:
    """People (or, with kind='organisation', the organisations that speak) with every name they
    go by, their parties and roles over time, and quote counts; most mentioned first (sort:
    'name', 'quotes')."""
    query = people_filters(select(PersonRow), name, ids, kind)
    mentions_count = select(func.count()).where(PersonMentionRow.person_id == PersonRow.id).scalar_subquery()
    quote_total = select(func.count()).where(QuoteRow.person_id == PersonRow.id).scalar_subquery()
    orders = {"mentions": (mentions_count.desc(), PersonRow.id), "name": (PersonRow.surname, PersonRow.name, PersonRow.id), "quotes": (quote_total.desc(), PersonRow.id)}
    persons = session.scalars(page(query.order_by(*orders.get(sort, orders["mentions"])), limit, offset)).all()
    # What each listed person needs is read for the whole page at once, by the page's ids.
    ids = [p.id for p in persons]
    mentions = grouped((row.person_id, row) for row in rows_in(session, MENTIONS, PersonMentionRow.person_id, ids))
    quoted = dict(rows_in(session, select(QuoteRow.person_id, func.count()).group_by(QuoteRow.person_id), QuoteRow.person_id, ids))
    switches = grouped(rows_in(session, SWITCHES, CanonicalEventRow.person_id, ids))
    linked = {p.kb_person for p in persons if p.kb_person}
    records, identifiers = record_rows(session, linked), reference_ids(session, linked)
    return [
        person_view(p, mentions[p.id], quoted.get(p.id, 0), switches[p.id], records.get(p.kb_person) if p.kb_person else None, identifiers.get(p.kb_person))
        for p in persons
    ]


# Every article's naming of a person, with the article's date.
MENTIONS = select(PersonMentionRow.person_id, PersonMentionRow.name, PersonMentionRow.role, PersonMentionRow.party, PersonMentionRow.seat, PersonMentionRow.article_id, ArticleRow.published).join(
    ArticleRow, ArticleRow.id == PersonMentionRow.article_id
)
# The party switches each person made, by person (id order, so that ties keep one order).
SWITCHES = select(CanonicalEventRow.person_id, CanonicalEventRow).where(CanonicalEventRow.type == "party_switch").order_by(CanonicalEventRow.id)


def person_view(person: PersonRow, rows: list, quote_count: int, switches: list[CanonicalEventRow], record: Record | None, identifiers: dict | None) -> dict:
    """One listed person (people), from what was read of them: their mentions (with each
    article's date), quotes, switches, and the reference record of a linked person."""
    mentions = [(row, row.published) for row in rows]
    return {
        "id": person.id,
        "name": person.name,
        "aliases": sorted({m.name for m, _ in mentions} - {person.name}),
        "parties": party_history(mentions, record, switches),
        "roles": dated_values((m.role, published) for m, published in mentions),
        "seats": dated_values((m.seat, published) for m, published in mentions),
        "quote_count": quote_count,
        "mentions": len(rows),
        "articles": len({m.article_id for m, _ in mentions}),
        "kb_person": person.kb_person,
        "kind": person.kind,
        **(identifiers or dict.fromkeys(REFERENCE_SCHEMES)),
        "kb_evidence": person.kb_evidence,
        "record": reference_record(person.kb_person, record) if record is not None else None,
    }


# Terms of one party this far apart (an election's dissolution) are one span of the record.
SPAN_GAP = timedelta(days=90)
# The identifier schemes exported beside a person linked to the record, each as a column: ids a
# data desk joins its own data on.
REFERENCE_SCHEMES = ("wikidata", "parlparse", "bioguide")


def reference_ids(session: Session, kb_people: set[str | None]) -> dict[str | None, dict[str, str | None]]:
    """Each reference person's Wikidata, parlparse and bioguide ids (None where the record has
    none, or for no person), by their reference id."""
    found = {kb: dict.fromkeys(REFERENCE_SCHEMES) for kb in kb_people}
    query = select(KbIdentifierRow.person_id, KbIdentifierRow.scheme, KbIdentifierRow.value).where(KbIdentifierRow.scheme.in_(REFERENCE_SCHEMES)).order_by(KbIdentifierRow.id)
    for kb, scheme, value in rows_in(session, query, KbIdentifierRow.person_id, sorted(kb for kb in found if kb)):
        found[kb][scheme] = found[kb][scheme] or value
    return found


@dataclass
class Record:
    """What the reference record holds of one person, as stored: their name, and each distinct
    seat (SEAT_COLUMNS) and post (POST_COLUMNS) once, in the order stored."""

    name: str | None = None
    seats: list[tuple] = field(default_factory=list)
    posts: list[tuple] = field(default_factory=list)


SEAT_COLUMNS = (KbMembershipRow.house, KbMembershipRow.seat, KbMembershipRow.region, KbMembershipRow.party, KbMembershipRow.country, KbMembershipRow.start, KbMembershipRow.end)
POST_COLUMNS = (KbPostRow.role, KbPostRow.organisation, KbPostRow.start, KbPostRow.end)


def record_rows(session: Session, kb_people: set[str]) -> dict[str, Record]:
    """What the record holds of each of these people, by reference id (an empty Record for an
    id it does not know)."""
    found = {kb: Record() for kb in kb_people}
    ids = sorted(found)
    for kb, name in rows_in(session, select(KbPersonRow.id, KbPersonRow.name), KbPersonRow.id, ids):
        found[kb].name = name
    for table, columns, kept in ((KbMembershipRow, SEAT_COLUMNS, "seats"), (KbPostRow, POST_COLUMNS, "posts")):
        rows = rows_in(session, select(table.person_id, *columns).order_by(table.id), table.person_id, ids)
        for kb, facts in grouped((row[0], tuple(row[1:])) for row in rows).items():
            setattr(found[kb], kept, list(dict.fromkeys(facts)))
    return found


def reference_record(kb_person: str, record: Record) -> dict:
    """What the record holds of a person: their name, their seats in each chamber with the party
    and dates, and their posts, in date order."""
    return {
        "id": kb_person,
        "name": record.name,
        "memberships": sorted(
            ({"chamber": h, "seat": seat, "region": region, "party": party, "country": country, "start": iso(start), "end": iso(end)} for h, seat, region, party, country, start, end in record.seats),
            key=lambda m: (m["start"] or "", m["chamber"] or ""),
        ),
        "posts": sorted(({"role": r, "organisation": o, "start": iso(start), "end": iso(end)} for r, o, start, end in record.posts), key=lambda p: (p["start"] or "", p["role"])),
    }


def dated_values(pairs) -> list[dict]:
    """[{'name', 'first', 'last'}] for each value, by the dates of the articles that give it."""
    seen: dict[str, list] = {}
    for value, published in pairs:
        if not value:
            continue
        entry = seen.setdefault(value, [None, None])
        if published:
            entry[0] = min(entry[0] or published, published)
            entry[1] = max(entry[1] or published, published)
    return [{"name": v, "first": iso(f), "last": iso(l)} for v, (f, l) in sorted(seen.items(), key=lambda kv: (kv[1][0] or date.min, kv[0]))]


def party_history(mentions, record: Record | None, switches: list[CanonicalEventRow]) -> list[dict]:
    """The parties articles state of the person, the changes events record (their switches) and,
    for a person linked to the reference record, the parties it gives with their dates, in date
    order."""
    history = [{**p, "source": "described"} for p in dated_values((m.party, published) for m, published in mentions)]
    if record is not None:
        recorded = dict.fromkeys((party, start, end) for _, _, _, party, _, start, end in record.seats if party is not None)
        history.extend({"name": party, "first": iso(start), "last": iso(end), "source": "record"} for party, start, end in party_spans(recorded))
    for s in switches:
        history.append({"name": s.to_party, "from": s.from_party, "first": iso(s.date_first), "last": iso(s.date_last), "source": f"event {s.id} ({s.subtype})"})
    return sorted(history, key=lambda h: (h.get("first") or "", h["name"] or ""))


def party_spans(rows) -> list[tuple[str, date | None, date | None]]:
    """(party, start, end) of the record's memberships, successive terms for one party joined
    into one span (a member re-elected five times sat for one party all along)."""
    spans: list[list] = []
    for party, start, end in sorted(rows, key=lambda r: (r[1] or date.min, r[2] or date.max)):
        last = spans[-1] if spans else None
        if last and last[0] == party and (last[2] is None or start is None or start <= last[2] + SPAN_GAP):
            last[2] = None if last[2] is None or end is None else max(last[2], end)
        else:
            spans.append([party, start, end])
    return [tuple(span) for span in spans]


TIMELINE_SORTS = ("oldest", "newest")


def timeline_keys(session: Session, name: str, sort: str = "oldest") -> list[tuple]:
    """What a timeline holds, as (day, kind, id) in its order: the events of a person (or, when
    no person has the name, of a party) and the person's quotes, each on its day (an event's
    date, else its first report's publication date; a quote's article's date); undated ones
    last, and on one day events before quotes. Only ids and days are read, so a long timeline
    is paged cheaply (timeline)."""
    people_ids = list(session.scalars(people_filters(select(PersonRow.id), name)))
    keys: dict[tuple, tuple] = {}  # (kind, id) -> (day, kind rank, then article order), each once
    for field in ("person",) if people_ids else ("person", "party"):
        query, when = event_filters(select(CanonicalEventRow.id), **{field: name})
        keys.update((("event", event_id), (day, 0, event_id, 0)) for event_id, day in session.execute(query.add_columns(when)))
    if people_ids:
        query = select(QuoteRow.id, QuoteRow.article_id, QuoteRow.start, ArticleRow.published).join(ArticleRow, ArticleRow.id == QuoteRow.article_id)
        keys.update((("quote", quote_id), (day, 1, article, start)) for quote_id, article, start, day in session.execute(query.where(QuoteRow.person_id.in_(people_ids))))
    newest = sort == "newest"

    def order(item):
        (day, *rest), what = item[1], item[0]
        return (day is None, (-1 if newest else 1) * day.toordinal() if day else 0, *rest, what[1])

    return [(day, kind, i) for (kind, i), (day, *_) in sorted(keys.items(), key=order)]


def timeline(session: Session, name: str, sort: str = "oldest", limit: int | None = None, offset: int = 0) -> list[dict]:
    """Everything about a person or a party, in date order (oldest first; sort 'newest'):
    events, and the person's quotes, as {'date', 'kind': event|quote, 'what': its view}; a page
    of it with limit and offset (timeline_keys says what is in it and in which order)."""
    keys = timeline_keys(session, name, sort)
    keys = keys[offset : offset + limit] if limit is not None else keys[offset:]
    event_views = {view["id"]: view for view in events(session, ids={i for _, kind, i in keys if kind == "event"})} if keys else {}
    quote_ids = [i for _, kind, i in keys if kind == "quote"]
    quote_views = {view["id"]: view for view in quotes(session, ids=quote_ids, limit=None)} if quote_ids else {}
    return [{"date": iso(day), "kind": kind, "what": (event_views if kind == "event" else quote_views)[i]} for day, kind, i in keys]


def timeline_count(session: Session, name: str) -> int:
    return len(timeline_keys(session, name))


def story_count(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(StoryRow)) or 0


def stories(session: Session, limit: int | None = None, story_id: int | None = None, offset: int = 0, sort: str = "size") -> list[dict]:
    """Story groups, largest first (sort: 'newest'), each with its articles in time order and
    their copies."""
    size = select(func.count()).where(ArticleRow.story_id == StoryRow.id).scalar_subquery()
    latest = select(func.max(ArticleRow.published)).where(ArticleRow.story_id == StoryRow.id).scalar_subquery()
    orders = {"size": (size.desc(), StoryRow.id), "newest": (latest.is_(None), latest.desc(), StoryRow.id.desc())}
    query = select(StoryRow, size).order_by(*orders.get(sort, orders["size"]))
    if story_id is not None:
        query = query.where(StoryRow.id == story_id)
    query = page(query, limit, offset)
    out = []
    for story, count in session.execute(query):
        articles = session.scalars(select(ArticleRow).where(ArticleRow.story_id == story.id).order_by(ArticleRow.published, ArticleRow.id)).all()
        copies = defaultdict(list)
        for copy in session.scalars(select(ArticleCopyRow).where(ArticleCopyRow.article_id.in_([a.id for a in articles]))):
            copies[copy.article_id].append({"url": copy.url, "source": copy.source, "outlet": copy.outlet, "published": iso(copy.published), "similarity": copy.similarity})
        canonical = session.scalars(
            select(EventRow.canonical_id).where(EventRow.article_id.in_([a.id for a in articles]), EventRow.canonical_id.is_not(None)).distinct()
        ).all()
        out.append(
            {
                "id": story.id,
                "title": story.title,
                "size": count,
                "first": iso(min((a.published for a in articles if a.published), default=None)),
                "last": iso(max((a.published for a in articles if a.published), default=None)),
                "articles": [{**article_ref(a), "source": a.source, "copies": copies.get(a.id, [])} for a in articles],
                "event_ids": sorted(canonical),
            }
        )
    return out


def quote_view(quote: QuoteRow, article: ArticleRow) -> dict:
    return {
        "id": quote.id, **article_ref(article), "start": quote.start, "end": quote.end, "text": quote.text, "kind": quote.kind,
        "speaker": quote.speaker_resolved, "mention": quote.speaker, "person_id": quote.person_id, "role": quote.speaker_role,
        "party": quote.speaker_party, "cue": quote.cue, "venue": quote.venue, "story_id": article.story_id, "act": quote.act,
        "found_by": quote.found_by, "resolved_by": quote.resolved_by, "speaker_suggested": quote.speaker_suggested,
        "utterance_id": quote.utterance_id, "rendering": rendering_summary(quote, article),
    }


def rendering_summary(quote: QuoteRow, row) -> dict | None:
    """What a listed quote says of the utterance it renders: how it renders it (kind, flags)
    and how many outlets quote the utterance, and how many of them with other words."""
    if quote.utterance_id is None or not quote.rendering:
        return None
    kind, flags = quote.rendering.get("kind"), quote.rendering.get("flags") or []
    return {"kind": kind, "flags": flags, "outlets": row.utterance_outlets or 0, "different": row.utterance_different or 0}


QUOTE_ORDERS = {
    "newest": (ArticleRow.published.is_(None), ArticleRow.published.desc(), ArticleRow.id.desc(), QuoteRow.start),
    "oldest": (ArticleRow.published.is_(None), ArticleRow.published, ArticleRow.id, QuoteRow.start),
    "speaker": (QuoteRow.speaker_resolved.is_(None), QuoteRow.speaker_resolved, ArticleRow.id, QuoteRow.start),
    "outlet": (ArticleRow.outlet.is_(None), ArticleRow.outlet, ArticleRow.id, QuoteRow.start),
    "kind": (QuoteRow.kind, ArticleRow.id, QuoteRow.start),
    "article": (ArticleRow.id, QuoteRow.start),
}
QUOTE_FACETS = {"outlet": ArticleRow.outlet, "party": QuoteRow.speaker_party, "kind": QuoteRow.kind, "act": QuoteRow.act}


def speaker_matches(words: str):
    """Quotes whose speaker's name, the mention in the text or role ('leader of the council')
    contains `words`, in any case; % and _ are the characters themselves, not wildcards."""
    return or_(*(holds(column, words) for column in (QuoteRow.speaker_resolved, QuoteRow.speaker, QuoteRow.speaker_role)))


def quote_filters(
    query,
    speaker: str | None = None,
    party: str | None = None,
    outlet: str | None = None,
    contains: str | None = None,
    since: date | None = None,
    until: date | None = None,
    person_id: int | None = None,
    article_id: int | None = None,
    act: str | None = None,
    kind: str | None = None,
    ids: list[int] | None = None,
):
    """The filters of a quote listing, on a query that joins quotes with their articles."""
    conditions = [
        QuoteRow.id.in_(ids) if ids is not None else None,
        QuoteRow.act == act if act else None,
        QuoteRow.kind == kind if kind else None,
        speaker_matches(speaker) if speaker else None,
        holds(QuoteRow.speaker_party, party) if party else None,
        holds(ArticleRow.outlet, outlet) if outlet else None,
        holds(QuoteRow.text, contains) if contains else None,
        ArticleRow.published >= since if since else None,
        ArticleRow.published <= until if until else None,
        QuoteRow.person_id == person_id if person_id is not None else None,
        QuoteRow.article_id == article_id if article_id is not None else None,
    ]
    return query.where(*(c for c in conditions if c is not None))


# What a listed quote shows of its article (never its text, which may be long).
ARTICLE_BRIEF = (ArticleRow.id, ArticleRow.title, ArticleRow.published, ArticleRow.outlet, ArticleRow.url, ArticleRow.story_id)
# ... and of the utterance it renders, if any (rendering_summary).
UTTERANCE_BRIEF = (UtteranceRow.outlets.label("utterance_outlets"), UtteranceRow.different.label("utterance_different"))


def quotes_with_articles():
    """Quotes joined with their articles and, where they render one, their utterances."""
    return select(QuoteRow, *ARTICLE_BRIEF, *UTTERANCE_BRIEF).join(ArticleRow, ArticleRow.id == QuoteRow.article_id).outerjoin(UtteranceRow, UtteranceRow.id == QuoteRow.utterance_id)


def quotes(session: Session, limit: int | None = 50, offset: int = 0, sort: str = "newest", **filters) -> list[dict]:
    """Quotes with their article, filtered (quote_filters); newest articles first unless sort
    says otherwise (QUOTE_ORDERS). act: 'said' or 'thought'."""
    query = quote_filters(quotes_with_articles(), **filters)
    query = page(query.order_by(*QUOTE_ORDERS.get(sort, QUOTE_ORDERS["newest"])), limit, offset)
    return [quote_view(row[0], row) for row in session.execute(query)]


def quote_records(session: Session, limit: int | None = None, offset: int = 0, sort: str = "oldest", **filters) -> list[dict]:
    """Quotes as their records (every field the extract contract gives a quote), each with its
    article (id, title, date, outlet); oldest articles first unless sort says otherwise
    (QUOTE_ORDERS); filters: quote_filters."""
    query = quote_filters(select(QuoteRow, *ARTICLE_BRIEF).join(ArticleRow, ArticleRow.id == QuoteRow.article_id), **filters)
    query = page(query.order_by(*QUOTE_ORDERS.get(sort, QUOTE_ORDERS["oldest"])), limit, offset)
    return [{**record_ref(row), **quote_record(row[0])} for row in session.execute(query)]


def quote_count(session: Session, **filters) -> int:
    return session.scalar(quote_filters(select(func.count()).select_from(QuoteRow).join(ArticleRow, ArticleRow.id == QuoteRow.article_id), **filters)) or 0


def quote_facets(session: Session, top: int = 8, **filters) -> dict[str, list[tuple[str, int]]]:
    """For each facet (outlet, party, kind, act), its most frequent values among the quotes the
    filters keep, with their counts."""
    out = {}
    for name, column in QUOTE_FACETS.items():
        query = quote_filters(select(column, func.count()).select_from(QuoteRow).join(ArticleRow, ArticleRow.id == QuoteRow.article_id), **filters)
        rows = session.execute(query.where(column.is_not(None)).group_by(column).order_by(func.count().desc(), column).limit(top)).all()
        out[name] = [(value, count) for value, count in rows]
    return out


# ---- utterances: one quotation as many outlets rendered it (link/utterances.py) ---------------

UTTERANCE_ORDERS = {
    "newest": (UtteranceRow.last_published.is_(None), UtteranceRow.last_published.desc(), UtteranceRow.id.desc()),
    "oldest": (UtteranceRow.first_published.is_(None), UtteranceRow.first_published, UtteranceRow.id),
    "outlets": (UtteranceRow.outlets.desc(), UtteranceRow.different.desc(), UtteranceRow.id.desc()),
    "different": (UtteranceRow.different.desc(), UtteranceRow.outlets.desc(), UtteranceRow.id.desc()),
}


def rendered_where(*conditions):
    """Utterances some rendering of which (a quote joined with its article) meets the conditions."""
    return UtteranceRow.id.in_(select(QuoteRow.utterance_id).join(ArticleRow, ArticleRow.id == QuoteRow.article_id).where(*conditions))


def utterance_filters(
    query,
    person: str | None = None,
    person_id: int | None = None,
    outlet: str | None = None,
    change: str | None = None,
    min_outlets: int = 2,
    differently: bool = False,
    contains: str | None = None,
    article_id: int | None = None,
    ids: list[int] | None = None,
):
    """The filters of a list of utterances: the speaker by name (any name they go by) or id;
    some rendering from an outlet holding `outlet`, or in one article; a kind of change some
    rendering carries (a rendering kind or flag: link/renderings.py); quoted by at least
    `min_outlets` outlets; only those some outlet gives in other words (differently); the
    fullest wording holding `contains`."""
    conditions = [
        UtteranceRow.id.in_(ids) if ids is not None else None,
        UtteranceRow.person_id == person_id if person_id is not None else None,
        UtteranceRow.person_id.in_(people_filters(select(PersonRow.id), person, kind=None)) if person else None,
        rendered_where(holds(ArticleRow.outlet, outlet)) if outlet else None,
        rendered_where(QuoteRow.article_id == article_id) if article_id is not None else None,
        holds(UtteranceRow.changes, f",{change},") if change else None,
        UtteranceRow.outlets >= min_outlets if min_outlets else None,
        UtteranceRow.different > 0 if differently else None,
        holds(UtteranceRow.text, contains) if contains else None,
    ]
    return query.where(*(c for c in conditions if c is not None))


def change_names(changes: str | None) -> list[str]:
    """The kinds of change an utterance's renderings carry, from its ",kind,flag," string."""
    return [name for name in (changes or "").split(",") if name]


def utterance_view(utterance: UtteranceRow, speaker: str | None) -> dict:
    return {
        "id": utterance.id, "person_id": utterance.person_id, "speaker": speaker, "text": utterance.text, "quote_id": utterance.quote_id,
        "first_published": iso(utterance.first_published), "last_published": iso(utterance.last_published),
        "renderings": utterance.renderings, "outlets": utterance.outlets, "different": utterance.different, "changes": change_names(utterance.changes),
    }


def utterances(session: Session, limit: int | None = 50, offset: int = 0, sort: str = "newest", renderings: bool = False, **filters) -> list[dict]:
    """Utterances quoted by at least two outlets (min_outlets), newest first (sort: 'oldest',
    'outlets', 'different'), each with its speaker and fullest wording; with renderings, each
    with its quotes too (utterance_quotes). filters: utterance_filters."""
    query = utterance_filters(select(UtteranceRow, PersonRow.name).join(PersonRow, PersonRow.id == UtteranceRow.person_id), **filters)
    query = page(query.order_by(*UTTERANCE_ORDERS.get(sort, UTTERANCE_ORDERS["newest"])), limit, offset)
    found = [utterance_view(utterance, name) for utterance, name in session.execute(query)]
    if renderings and found:
        quoted = utterance_quotes(session, {view["id"]: view["quote_id"] for view in found})
        for view in found:
            view["quotes"] = quoted.get(view["id"], [])
    return found


def utterance_count(session: Session, **filters) -> int:
    return session.scalar(utterance_filters(select(func.count()).select_from(UtteranceRow), **filters)) or 0


def utterance(session: Session, utterance_id: int) -> dict | None:
    """One utterance with every quote that renders it (utterance_quotes), or None; min_outlets
    does not apply (an utterance of one outlet still has its page)."""
    found = utterances(session, limit=1, renderings=True, ids=[utterance_id], min_outlets=0)
    return found[0] if found else None


def rendering_view(quote: QuoteRow, row, fullest_id: int) -> dict:
    """One quote rendering an utterance: where (its article), its words and the quote's kind
    (direct, indirect, mixed), and what it did to the fullest wording (`kind`: verbatim,
    trimmed, spliced, changed or paraphrase; `flags`; `ops`: the word-level difference)."""
    rendering = quote.rendering or {}
    return {
        "quote_id": quote.id, **article_ref(row), "start": quote.start, "end": quote.end, "text": quote.text, "quote_kind": quote.kind,
        "kind": rendering.get("kind"), "flags": rendering.get("flags") or [], "ops": rendering.get("ops") or [], "fullest": quote.id == fullest_id,
    }


def utterance_quotes(session: Session, fullest: dict[int, int]) -> dict[int, list[dict]]:
    """The quotes rendering each utterance (fullest: utterance id -> its fullest quote's id),
    oldest article first (undated last)."""
    utterance_ids = list(fullest)
    query = (
        select(QuoteRow, *ARTICLE_BRIEF).join(ArticleRow, ArticleRow.id == QuoteRow.article_id).where(QuoteRow.utterance_id.in_(utterance_ids))
        .order_by(ArticleRow.published.is_(None), ArticleRow.published, ArticleRow.id, QuoteRow.start)
    )
    out: dict[int, list[dict]] = defaultdict(list)
    for row in session.execute(query):
        out[row[0].utterance_id].append(rendering_view(row[0], row, fullest.get(row[0].utterance_id)))
    return out


def utterance_facets(session: Session, top: int = 8, **filters) -> dict[str, list[tuple[str, int]]]:
    """Among the utterances the filters keep: the kinds of change with how many carry each,
    the outlets rendering them and the speakers, most first."""
    kept = utterance_filters(select(UtteranceRow.id), **filters)
    changes: dict[str, int] = defaultdict(int)
    for value, count in session.execute(select(UtteranceRow.changes, func.count()).where(UtteranceRow.id.in_(kept)).group_by(UtteranceRow.changes)):
        for name in change_names(value):
            changes[name] += count
    count = func.count(func.distinct(QuoteRow.utterance_id))
    outlets = (
        select(ArticleRow.outlet, count).join(QuoteRow, QuoteRow.article_id == ArticleRow.id)
        .where(QuoteRow.utterance_id.in_(kept), ArticleRow.outlet.is_not(None)).group_by(ArticleRow.outlet).order_by(count.desc(), ArticleRow.outlet).limit(top)
    )
    speakers = (
        select(PersonRow.name, func.count()).join(UtteranceRow, UtteranceRow.person_id == PersonRow.id)
        .where(UtteranceRow.id.in_(kept)).group_by(PersonRow.name).order_by(func.count().desc(), PersonRow.name).limit(top)
    )
    return {
        "change": sorted(changes.items(), key=lambda kv: (-kv[1], kv[0]))[:top],
        "outlet": [(v, n) for v, n in session.execute(outlets).all()],
        "person": [(v, n) for v, n in session.execute(speakers).all()],
    }


def flag_filters(query, target: str | None = None, target_id: int | None = None):
    conditions = [FlagRow.target == target if target else None, FlagRow.target_id == target_id if target_id is not None else None]
    return query.where(*(c for c in conditions if c is not None))


def flags(session: Session, limit: int | None = 50, offset: int = 0, sort: str = "newest", **filters) -> list[dict]:
    """Readers' flags on wrong facts, newest first (sort 'oldest'), each with the fact as it was
    shown when flagged and the page it is on; filters: target (quote or event), target_id."""
    order = (FlagRow.created_at, FlagRow.id) if sort == "oldest" else (FlagRow.created_at.desc(), FlagRow.id.desc())
    rows = session.scalars(page(flag_filters(select(FlagRow), **filters).order_by(*order), limit, offset))
    return [
        {"id": r.id, "created_at": r.created_at.isoformat(timespec="seconds") if r.created_at else None, "target": r.target, "target_id": r.target_id,
         "page": f"/{r.target}s/{r.target_id}", "what": r.what, "fact": r.fact}
        for r in rows
    ]


def flag_count(session: Session, **filters) -> int:
    return session.scalar(flag_filters(select(func.count()).select_from(FlagRow), **filters)) or 0


def coverage(session: Session) -> dict:
    """What the database holds that pages depend on: how many articles carry a date, and
    whether reference data is loaded (pages say so when it is missing, and how to add it)."""
    from .schema import KbSourceRow

    return {
        "articles": session.scalar(select(func.count()).select_from(ArticleRow)) or 0,
        "dated": session.scalar(select(func.count()).select_from(ArticleRow).where(ArticleRow.published.is_not(None))) or 0,
        "reference": bool(session.scalar(select(func.count()).select_from(KbSourceRow))),
    }


def switches_by_year(session: Session) -> list[dict]:
    """Party switches across articles per year and party joined (the event's date, else the
    first report's publication date); undated ones counted apart."""
    rows = session.execute(select(func.coalesce(CanonicalEventRow.date_first, event_first_seen()), CanonicalEventRow.to_party).where(CanonicalEventRow.type == "party_switch")).all()
    counts: dict[tuple, int] = defaultdict(int)
    for day, party in rows:
        counts[(day.year if day else None, party or "no party named")] += 1
    return [{"year": y, "party": p, "count": n} for (y, p), n in sorted(counts.items(), key=lambda kv: (kv[0][0] is None, kv[0][0] or 0, kv[0][1]))]


def quotes_by_month(session: Session, person_id: int) -> list[dict]:
    """How many of a person's quotes the stored articles of each month hold."""
    rows = session.execute(select(ArticleRow.published).join(QuoteRow, QuoteRow.article_id == ArticleRow.id).where(QuoteRow.person_id == person_id, ArticleRow.published.is_not(None))).all()
    counts: dict[str, int] = defaultdict(int)
    for (day,) in rows:
        counts[day.strftime("%Y-%m")] += 1
    return [{"month": m, "count": n} for m, n in sorted(counts.items())]


def quote_outlets(session: Session, person_id: int) -> list[tuple[str, int]]:
    """Who published a person's quotes: the outlets of the articles holding them, most first."""
    outlet = func.coalesce(ArticleRow.outlet, "(outlet not given)")
    rows = session.execute(
        select(outlet, func.count()).select_from(QuoteRow).join(ArticleRow, ArticleRow.id == QuoteRow.article_id).where(QuoteRow.person_id == person_id).group_by(outlet).order_by(func.count().desc(), outlet)
    ).all()
    return [(name, count) for name, count in rows]


def quote_venues(session: Session, person_id: int) -> list[tuple[str, int]]:
    """Where a person's quotes were said, as the articles name it ('told BBC Radio 4', 'on
    Twitter'), most first; quotes that name no venue are left out."""
    rows = session.execute(
        select(QuoteRow.venue, func.count()).where(QuoteRow.person_id == person_id, QuoteRow.venue.is_not(None)).group_by(QuoteRow.venue).order_by(func.count().desc(), QuoteRow.venue)
    ).all()
    return [(name, count) for name, count in rows]


def search(session: Session, query: str, kind: str | None = None, limit: int = 50, seconds: float = 2.0) -> list[dict]:
    """Quotes and sentences that hold every word and phrase of the query, best first (search_hits)."""
    return search_hits(session, query, HitFilters(kind=kind), limit, seconds=seconds)[0]


def search_hits(
    session: Session, query: str, filters: HitFilters, limit: int = 50, offset: int = 0, seconds: float = 2.0, collapse: bool = False, sort: str = "relevance"
) -> tuple[list[dict], int]:
    """A page of the quotes and sentences that hold every word and phrase of the query and pass
    the filters, best first (sort: 'newest' or 'oldest' by publication date), and how many there
    are in all (collapse: copies of the same words counted once, the others in each hit's
    'copies'); a query that is too long or too slow raises search.SearchRefused."""
    hits, total = full_text(session, query, filters, limit, offset, seconds, collapse, sort)
    return [hit_view(hit) | {"copies": [hit_view(c) for c in hit["copies"]]} for hit in hits], total


def hit_view(hit: dict) -> dict:
    published = hit["published"]
    if isinstance(published, str):  # SQLite gives a raw query's dates as text
        published = date.fromisoformat(published)
    ref = {"article_id": hit["article_id"], "title": hit["title"], "published": iso(published), "outlet": hit["outlet"], "url": hit["url"]}
    return {"kind": hit["kind"], "text": hit["body"], **ref, "start": hit["start"], "speaker": hit["speaker"], "act": hit["act"]}
