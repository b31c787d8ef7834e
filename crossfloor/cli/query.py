"""Commands that read the database: quotes, events, people, timeline, stories, search, show, export."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from ..present import when
from ..store.problems import DatabaseProblem
from .common import (
    Act,
    DbOption,
    EventType,
    Format,
    RecordStatus,
    app,
    database,
    fail,
    parse_day,
    print_rows,
    say,
)
from .tables import (
    canonical_event_table,
    console,
    describe_event,
    event_table,
    highlighted_article,
    people_table,
    quote_table,
    search_table,
    story_table,
    timeline_table,
    variants_table,
)


@app.command()
def quotes(
    speaker: Annotated[Optional[str], typer.Option(help="Speaker name or role (substring, any case)")] = None,
    contains: Annotated[Optional[str], typer.Option(help="Words the quote contains")] = None,
    article: Annotated[Optional[int], typer.Option(help="Only this article id")] = None,
    act: Annotated[Optional[Act], typer.Option(help="said, or thought: beliefs and intentions ('believes', 'plans to'); both by default")] = None,
    variants: Annotated[bool, typer.Option("--variants", help="Words quoted by two or more outlets instead, newest first: each utterance's fullest wording, then every quote of it (outlet, date, kind of change, flags, its words)")] = False,
    change: Annotated[Optional[str], typer.Option(help="With --variants: only utterances some quote of which carries this change (trimmed, spliced, changed, paraphrase, or a flag: negation_lost...)")] = None,
    limit: Annotated[Optional[int], typer.Option(help="At most this many rows (with --variants, utterances)")] = None,
    format: Annotated[Format, typer.Option("--format", "-f", help="Output format")] = Format.table,
    db: DbOption = None,
) -> None:
    """List stored quotes: who said what, with cue and venue, by article and in the order of
    the text; or, with --variants, the words several outlets quote, each outlet's version of them
    (csv: one row per quote)."""
    from ..store import views

    if variants or change:
        variant_list(db, format, change, limit, person=speaker, contains=contains, article_id=article, act=act, variants=variants)
        return
    try:
        with database(db).reading() as session:
            rows = views.quote_records(session, limit=limit, sort="article", speaker=speaker, contains=contains, article_id=article, act=act.value if act else None)
    except DatabaseProblem as problem:
        fail(str(problem))
    print_rows(rows, format, quote_table, "no quotes match")


def variant_list(db: str | None, format: Format, change: str | None, limit: int | None, act: Act | None, variants: bool, **filters) -> None:
    """`quotes --variants`: utterances quoted by two or more outlets, with each quote of them;
    --speaker, --contains and --article narrow them (the speaker's name, the fullest wording, a
    quote in that article)."""
    from ..link.renderings import CHANGES
    from ..store import views
    from ..store.export import utterance_rows

    if not variants:
        fail("--change needs --variants (it filters utterances quoted by several outlets)")
    if act is not None:
        fail("--act does not apply with --variants")
    if change is not None and change not in CHANGES:
        fail(f"--change must be one of {', '.join(CHANGES)}, not {change!r}")
    try:
        with database(db).reading() as session:
            rows = views.utterances(session, limit=limit, renderings=True, change=change, **filters)
    except DatabaseProblem as problem:
        fail(str(problem))
    if format is Format.csv:
        rows = [row for utterance in rows for row in utterance_rows(utterance)]
    else:
        rows = [utterance | {"quotes": [{k: v for k, v in q.items() if k != "ops"} for q in utterance["quotes"]]} for utterance in rows]
    print_rows(rows, format, variants_table, "no words quoted by two or more outlets match")


@app.command()
def events(
    type: Annotated[Optional[EventType], typer.Option("--type", "-t", help="Only this event type")] = None,
    person: Annotated[Optional[str], typer.Option(help="Person taking part (switcher, caller, target; substring)")] = None,
    party: Annotated[Optional[str], typer.Option(help="Party left, joined or acting (substring)")] = None,
    since: Annotated[Optional[str], typer.Option(help="On or after this day (YYYY-MM-DD)")] = None,
    until: Annotated[Optional[str], typer.Option(help="On or before this day (YYYY-MM-DD)")] = None,
    article: Annotated[Optional[int], typer.Option(help="Only reports in this article (implies --per-article)")] = None,
    per_article: Annotated[bool, typer.Option("--per-article", help="One row per report in an article, not per event")] = False,
    background: Annotated[bool, typer.Option("--background", help="Include events the articles mention only as background (history), not as news")] = False,
    status: Annotated[Optional[RecordStatus], typer.Option(help="Only switches the reference record confirms, contradicts or lacks (not-in-record)")] = None,
    limit: Annotated[Optional[int], typer.Option(help="At most this many rows")] = None,
    format: Annotated[Format, typer.Option("--format", "-f", help="Output format")] = Format.table,
    db: DbOption = None,
) -> None:
    """Events across articles (party switches, by-election calls, no-confidence letters,
    resignations) in date order, each with its sources; reports that disagree are marked. News
    only (reported as new, or unknown) unless --background; the news column tells which is which;
    --status keeps switches by what the reference record says of them (after `crossfloor kb import`)."""
    from ..store import views

    store = database(db)
    filters = {
        "type": type.value if type else None, "person": person, "party": party, "since": parse_day(since, "--since"), "until": parse_day(until, "--until"),
        "background": background, "status": status.value if status else None,
    }
    reports = per_article or article is not None
    try:
        with store.reading() as session:
            rows = views.event_reports(session, limit=limit, article_id=article, **filters) if reports else views.events(session, limit=limit, **filters)
    except DatabaseProblem as problem:
        fail(str(problem))
    print_rows(rows, format, event_table if reports else canonical_event_table, "no events match")


@app.command()
def people(
    name: Annotated[Optional[str], typer.Option(help="Any name the person goes by (substring)")] = None,
    limit: Annotated[Optional[int], typer.Option(help="At most this many people (most mentioned first)")] = None,
    organisations: Annotated[bool, typer.Option("--organisations", help="List the organisations that speak ('the White House said') instead of people")] = False,
    format: Annotated[Format, typer.Option("--format", "-f", help="Output format")] = Format.table,
    db: DbOption = None,
) -> None:
    """People across articles: the names they go by, party history, roles, quote counts."""
    from ..store import views

    with database(db).sessions() as session:
        rows = views.people(session, name=name, limit=limit, kind="organisation" if organisations else "person")
    print_rows(rows, format, people_table, "nobody matches")


@app.command()
def timeline(
    name: Annotated[str, typer.Argument(help="A person ('Shaun Woodward') or a party ('Labour')")],
    format: Annotated[Format, typer.Option("--format", "-f", help="Output format")] = Format.table,
    db: DbOption = None,
) -> None:
    """Everything about a person or a party in date order (events and quotes), with sources."""
    from ..store import views

    with database(db).sessions() as session:
        rows = views.timeline(session, name)
    print_rows(rows, format, timeline_table, f"nothing stored about {name!r}")


@app.command()
def stories(
    story: Annotated[Optional[int], typer.Option(help="Only this story id")] = None,
    limit: Annotated[Optional[int], typer.Option(help="At most this many stories (largest first)")] = None,
    format: Annotated[Format, typer.Option("--format", "-f", help="Output format")] = Format.table,
    db: DbOption = None,
) -> None:
    """Articles grouped by story, in time order, with the copies of each."""
    from ..store import views

    with database(db).sessions() as session:
        rows = views.stories(session, limit=limit, story_id=story)
    print_rows(rows, format, story_table, "no stories yet")


@app.command()
def search(
    text: Annotated[str, typer.Argument(help="Words to find in quotes and sentences (all must occur)")],
    kind: Annotated[Optional[str], typer.Option(help="quote or sentence")] = None,
    limit: Annotated[int, typer.Option(help="At most this many hits")] = 50,
    format: Annotated[Format, typer.Option("--format", "-f", help="Output format")] = Format.table,
    db: DbOption = None,
) -> None:
    """Full-text search over stored quotes and sentences (SQLite FTS5 / PostgreSQL)."""
    from ..store import views
    from ..store.search import SearchRefused

    if kind not in (None, "quote", "sentence"):
        fail(f"--kind must be quote or sentence, not {kind!r}")
    with database(db).sessions() as session:
        try:
            rows = views.search(session, text, kind, limit)
        except SearchRefused as refused:
            fail(str(refused))
    print_rows(rows, format, search_table, f"nothing matches {text!r}")


class ExportFormat(str, Enum):
    jsonl = "jsonl"
    csv = "csv"
    parquet = "parquet"
    popolo = "popolo"  # people only, as Popolo JSON


@app.command()
def export(
    output: Annotated[Path, typer.Option("--output", "-o", help="Folder to write <table>.<format> files into")],
    format: Annotated[ExportFormat, typer.Option("--format", "-f", help="File format")] = ExportFormat.jsonl,
    tables: Annotated[Optional[list[str]], typer.Option("--table", help="articles, quotes, events, people or utterances (repeatable; default all)")] = None,
    db: DbOption = None,
) -> None:
    """Export articles, quotes, events (with sources), people and utterances (one row per quote
    rendering one: outlet, date, kind of change, flags, its words and the fullest wording) as JSON
    Lines, CSV or Parquet (people and switches with their reference ids: Wikidata, parlparse,
    bioguide), or people as Popolo JSON (--format popolo)."""
    from ..store.export import TABLES, write

    chosen = tables or (["people"] if format is ExportFormat.popolo else list(TABLES))
    unknown = [t for t in chosen if t not in TABLES]
    if unknown:
        fail(f"--table must be one of {', '.join(TABLES)}, not {unknown[0]!r}")
    if format is ExportFormat.popolo and chosen != ["people"]:
        fail("--format popolo exports people only (--table people)")
    store = database(db)
    try:
        output.mkdir(parents=True, exist_ok=True)
    except OSError as problem:
        fail(f"{output}: cannot create folder ({problem.strerror})")
    with store.sessions() as session:
        for table in chosen:
            path = output / (f"{table}.popolo.json" if format is ExportFormat.popolo else f"{table}.{format.value}")
            count = write(session, table, format.value, path)
            say(f"wrote {count} {table} to {path}")


@app.command()
def show(
    article_id: Annotated[int, typer.Argument(help="Article id (see `crossfloor quotes`)")],
    db: DbOption = None,
) -> None:
    """Print an article with its quotes highlighted by speaker."""
    from ..store import views

    store = database(db)
    row = store.article(article_id)
    if row is None:
        fail(f"no article with id {article_id}")
    with store.reading() as session:
        quotes = views.quote_records(session, article_id=row.id)
        reports = views.event_reports(session, article_id=row.id)
    out = console()
    meta = " · ".join(x for x in (row.outlet, row.published.isoformat() if row.published else None, row.source) if x)
    out.print(f"[bold]#{row.id} {row.title or ''}[/bold]", markup=True, highlight=False)
    if meta:
        out.print(meta, style="dim", highlight=False)
    body, legend = highlighted_article(row.text, quotes)
    out.print(body)
    out.print(legend)
    for e in reports:
        out.print(f"event: {describe_event(e)}" + (f" [{when(e)}]" if when(e) else ""), highlight=False)
