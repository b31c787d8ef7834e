"""The crossfloor command line: ingest, quotes, events, people, timeline, stories, search, show,
export, extract, evaluate, kb, bench."""

from __future__ import annotations

import contextlib
import json
import sys
from datetime import date
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
)

from .read import ReadOptions
from .render import (
    canonical_event_table,
    console,
    describe_event,
    event_table,
    format_rows,
    highlighted_article,
    people_table,
    quote_table,
    rows_for,
    search_table,
    story_table,
    timeline_table,
    when,
)
from .settings import get_settings
from .store import views
from .store.database import DatabaseProblem, open_database

app = typer.Typer(
    help="crossfloor: who said what (and who switched sides) in political news.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
evaluate_app = typer.Typer(help="Score extraction against gold data.", no_args_is_help=True)
app.add_typer(evaluate_app, name="evaluate")
kb_app = typer.Typer(help="Reference data on politicians: members, parties, posts, seats.", no_args_is_help=True)
app.add_typer(kb_app, name="kb")
train_app = typer.Typer(help="Train models on gold data.", no_args_is_help=True)
app.add_typer(train_app, name="train")


@app.callback()
def options(
    fast: Annotated[bool, typer.Option("--fast", help="Rules only, without the trained tagger: faster, no torch")] = False,
    attribution_model: Annotated[Optional[str], typer.Option("--attribution-model", help="The trained attribution tagger beside the rules: 'packaged' (shipped with crossfloor), a model directory, or 'none' [env: CROSSFLOOR_ATTRIBUTION_MODEL; default: packaged]")] = None,
) -> None:
    """crossfloor: who said what (and who switched sides) in political news."""
    import os

    # The environment carries the choice to worker processes and Dask workers (the settings read it).
    if fast:
        os.environ["CROSSFLOOR_ATTRIBUTION_MODEL"] = "none"
    elif attribution_model in ("packaged", "none"):
        os.environ["CROSSFLOOR_ATTRIBUTION_MODEL"] = attribution_model
    elif attribution_model:
        require_trained_model(Path(attribution_model))
        os.environ["CROSSFLOOR_ATTRIBUTION_MODEL"] = str(Path(attribution_model).resolve())

DbOption = Annotated[
    Optional[str], typer.Option("--db", help="Database URL or SQLite path [env: CROSSFLOOR_DB; default: sqlite:///crossfloor.db]")
]
ProcessesOption = Annotated[Optional[int], typer.Option("--processes", "-p", help="Worker processes (default: all cores)")]


class Format(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"


class Engine(str, Enum):
    local = "local"
    dask = "dask"


class Act(str, Enum):
    said = "said"
    thought = "thought"


class Unit(str, Enum):
    auto = "auto"
    piece = "piece"
    utterance = "utterance"


def say(message: str) -> None:
    """One unwrapped line on stderr (messages must stay one line, whatever the terminal width)."""
    typer.echo(message, err=True)


def fail(message: str, code: int = 2) -> None:
    say(f"error: {message}")
    raise typer.Exit(code)


def database(db: str | None):
    try:
        return open_database(get_settings(db=db).database_url)
    except DatabaseProblem as err:
        fail(str(err))


def parse_day(value: str | None, option: str = "--published") -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        fail(f"{option} must be a date as YYYY-MM-DD, not {value!r}")


class EventType(str, Enum):
    party_switch = "party_switch"
    by_election_call = "by_election_call"
    no_confidence_letter = "no_confidence_letter"
    resignation = "resignation"


def print_rows(rows: list[dict], format: Format, table, empty: str) -> None:
    if format is Format.table:
        out = console()
        if not rows:
            out.print(empty, highlight=False)
            return
        out.print(table(rows))
    else:
        sys.stdout.write(format_rows(rows, format.value) + ("\n" if format is Format.json else ""))


@app.command()
def ingest(
    paths: Annotated[list[str], typer.Argument(help="Files, folders (recursive), .jsonl, feeds; '-' for stdin")],
    db: DbOption = None,
    published: Annotated[Optional[str], typer.Option(help="Publication date (YYYY-MM-DD) for articles without one")] = None,
    outlet: Annotated[Optional[str], typer.Option(help="Outlet for articles without one")] = None,
    processes: ProcessesOption = None,
    keep_going: Annotated[bool, typer.Option("--keep-going", help="Exit 0 even when inputs were skipped")] = False,
    max_mb: Annotated[Optional[float], typer.Option("--max-mb", help="Largest input file to read, in MB")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar")] = False,
    engine: Annotated[Engine, typer.Option(help="local: worker processes here; dask: a Dask cluster")] = Engine.local,
    scheduler: Annotated[Optional[str], typer.Option(help="Dask scheduler address (tcp://HOST:8786); implies --engine dask")] = None,
) -> None:
    """Read articles, find who said what, and store it (re-ingesting is safe; an interrupted
    ingest resumes where it stopped)."""
    from .ingest import ingest as run_ingest

    settings = get_settings(db=db, processes=processes, max_mb=max_mb)
    store = database(settings.db)
    err = console(stderr=True)
    options = ReadOptions(max_bytes=int(settings.max_mb * 1_000_000), published=parse_day(published), outlet=outlet)
    progress = Progress(
        SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
        console=err, transient=True, disable=quiet or not err.is_terminal,
    )
    with progress:
        task = progress.add_task("ingesting", total=None)
        try:
            report = run_ingest(
                paths,
                store,
                options,
                processes=settings.processes or None,
                on_skip=lambda s: say(f"skipped: {s}"),
                on_article=lambda a, n: progress.advance(task),
                engine=engine.value,
                scheduler=scheduler,
            )
        except DatabaseProblem as problem:
            fail(str(problem))
        except OSError as problem:  # a Dask scheduler that cannot be reached
            fail(f"{scheduler or 'dask'}: cannot reach the cluster ({problem})")
    for warning in report.warnings:
        say(f"warning: {warning}")
    summary = (
        f"stored {report.stored} new article(s) with {report.quotes} quote(s) and {report.events} event(s); "
        f"{report.duplicates} already stored; {report.copies} near copies of stored articles kept as copies; {len(report.skipped)} skipped"
    )
    say(summary)
    if report.skipped and not keep_going:
        raise typer.Exit(1)


@app.command()
def quotes(
    speaker: Annotated[Optional[str], typer.Option(help="Speaker name or role (substring, any case)")] = None,
    contains: Annotated[Optional[str], typer.Option(help="Words the quote contains")] = None,
    article: Annotated[Optional[int], typer.Option(help="Only this article id")] = None,
    act: Annotated[Optional[Act], typer.Option(help="said, or thought: beliefs and intentions ('believes', 'plans to'); both by default")] = None,
    limit: Annotated[Optional[int], typer.Option(help="At most this many rows")] = None,
    format: Annotated[Format, typer.Option("--format", "-f", help="Output format")] = Format.table,
    db: DbOption = None,
) -> None:
    """List stored quotes: who said what, with cue and venue."""
    store = database(db)
    try:
        rows = rows_for(store.quotes(speaker=speaker, contains=contains, limit=limit, article_id=article, act=act.value if act else None))
    except DatabaseProblem as problem:
        fail(str(problem))
    print_rows(rows, format, quote_table, "no quotes match")


@app.command()
def events(
    type: Annotated[Optional[EventType], typer.Option("--type", "-t", help="Only this event type")] = None,
    person: Annotated[Optional[str], typer.Option(help="Person taking part (switcher, caller, target; substring)")] = None,
    party: Annotated[Optional[str], typer.Option(help="Party left, joined or acting (substring)")] = None,
    since: Annotated[Optional[str], typer.Option(help="On or after this day (YYYY-MM-DD)")] = None,
    until: Annotated[Optional[str], typer.Option(help="On or before this day (YYYY-MM-DD)")] = None,
    article: Annotated[Optional[int], typer.Option(help="Only reports in this article (implies --per-article)")] = None,
    per_article: Annotated[bool, typer.Option("--per-article", help="One row per report in an article, not per event")] = False,
    limit: Annotated[Optional[int], typer.Option(help="At most this many rows")] = None,
    format: Annotated[Format, typer.Option("--format", "-f", help="Output format")] = Format.table,
    db: DbOption = None,
) -> None:
    """Events across articles (party switches, by-election calls, no-confidence letters,
    resignations) in date order, each with its sources; reports that disagree are marked."""
    store = database(db)
    kind = type.value if type else None
    first, last = parse_day(since, "--since"), parse_day(until, "--until")
    try:
        if per_article or article is not None:
            rows = rows_for(store.events(type=kind, person=person, party=party, since=first, until=last, article_id=article, limit=limit))
            print_rows(rows, format, event_table, "no events match")
            return
        with store.sessions() as session:
            rows = views.events(session, type=kind, person=person, party=party, since=first, until=last, limit=limit)
    except DatabaseProblem as problem:
        fail(str(problem))
    print_rows(rows, format, canonical_event_table, "no events match")


@app.command()
def people(
    name: Annotated[Optional[str], typer.Option(help="Any name the person goes by (substring)")] = None,
    limit: Annotated[Optional[int], typer.Option(help="At most this many people (most mentioned first)")] = None,
    format: Annotated[Format, typer.Option("--format", "-f", help="Output format")] = Format.table,
    db: DbOption = None,
) -> None:
    """People across articles: the names they go by, party history, roles, quote counts."""
    with database(db).sessions() as session:
        rows = views.people(session, name=name, limit=limit)
    print_rows(rows, format, people_table, "nobody matches")


@app.command()
def timeline(
    name: Annotated[str, typer.Argument(help="A person ('Shaun Woodward') or a party ('Labour')")],
    format: Annotated[Format, typer.Option("--format", "-f", help="Output format")] = Format.table,
    db: DbOption = None,
) -> None:
    """Everything about a person or a party in date order (events and quotes), with sources."""
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
    if kind not in (None, "quote", "sentence"):
        fail(f"--kind must be quote or sentence, not {kind!r}")
    with database(db).sessions() as session:
        rows = views.search(session, text, kind, limit)
    print_rows(rows, format, search_table, f"nothing matches {text!r}")


class ExportFormat(str, Enum):
    jsonl = "jsonl"
    csv = "csv"
    parquet = "parquet"


@app.command()
def export(
    output: Annotated[Path, typer.Option("--output", "-o", help="Folder to write <table>.<format> files into")],
    format: Annotated[ExportFormat, typer.Option("--format", "-f", help="File format")] = ExportFormat.jsonl,
    tables: Annotated[Optional[list[str]], typer.Option("--table", help="articles, quotes, events or people (repeatable; default all)")] = None,
    db: DbOption = None,
) -> None:
    """Export articles, quotes, events (with sources) and people as JSON Lines, CSV or Parquet."""
    from .store.export import TABLES, write

    chosen = tables or list(TABLES)
    unknown = [t for t in chosen if t not in TABLES]
    if unknown:
        fail(f"--table must be one of {', '.join(TABLES)}, not {unknown[0]!r}")
    store = database(db)
    try:
        output.mkdir(parents=True, exist_ok=True)
    except OSError as problem:
        fail(f"{output}: cannot create folder ({problem.strerror})")
    with store.sessions() as session:
        for table in chosen:
            path = output / f"{table}.{format.value}"
            count = write(session, table, format.value, path)
            say(f"wrote {count} {table} to {path}")


@app.command()
def show(
    article_id: Annotated[int, typer.Argument(help="Article id (see `crossfloor quotes`)")],
    db: DbOption = None,
) -> None:
    """Print an article with its quotes highlighted by speaker."""
    store = database(db)
    row = store.article(article_id)
    if row is None:
        fail(f"no article with id {article_id}")
    quotes = [{k: getattr(q, k) for k in ("start", "end", "text", "kind", "cue", "cue_start", "cue_end", "speaker", "speaker_start", "speaker_end", "speaker_resolved", "venue")} for q in row.quotes]
    out = console()
    meta = " · ".join(x for x in (row.outlet, row.published.isoformat() if row.published else None, row.source) if x)
    out.print(f"[bold]#{row.id} {row.title or ''}[/bold]", markup=True, highlight=False)
    if meta:
        out.print(meta, style="dim", highlight=False)
    body, legend = highlighted_article(row.text, quotes)
    out.print(body)
    out.print(legend)
    for stored in store.events(article_id=row.id):
        e = stored.record
        out.print(f"event: {describe_event(e)}" + (f" [{when(e)}]" if when(e) else ""), highlight=False)


@app.command()
def extract(
    input: Annotated[Path, typer.Argument(help="JSON Lines: {\"id\", \"text\", ...} per line; '-' for stdin", allow_dash=True)],
    output: Annotated[Path, typer.Option("--output", "-o", help="Where to write JSON Lines ('-' for stdout)", allow_dash=True)] = Path("-"),
    processes: ProcessesOption = None,
) -> None:
    """Extract quotes from JSON Lines without a database (one output line per input line)."""
    from .extract import extract_lines

    errors = 0
    with contextlib.ExitStack() as stack:
        try:
            source = sys.stdin if str(input) == "-" else stack.enter_context(input.open(encoding="utf-8", errors="replace"))
            sink = sys.stdout if str(output) == "-" else stack.enter_context(output.open("w", encoding="utf-8"))
        except OSError as problem:
            fail(f"{problem.filename}: cannot open ({problem.strerror})")
        for record in extract_lines(source, processes=get_settings(processes=processes).processes or None):
            if "error" in record:
                errors += 1
                say(f"skipped: {input}: {record['error']}")
            sink.write(json.dumps(record, ensure_ascii=False) + "\n")
    if errors:
        say(f"{errors} line(s) could not be read")


@evaluate_app.command("quotes")
def evaluate_quotes(
    gold: Annotated[Path, typer.Argument(help="Gold JSONL (format of ../shared/benchmarks/quotes)")],
    predictions: Annotated[Optional[Path], typer.Option("--pred", help="Use these predictions (extract output) instead of running the pipeline")] = None,
    json_out: Annotated[Optional[Path], typer.Option("--json", help="Also write the scores as JSON here")] = None,
    errors_out: Annotated[Optional[Path], typer.Option("--errors", help="Write missed, spurious and wrong-speaker quotes here (JSONL)")] = None,
    threshold: Annotated[float, typer.Option(help="Word-overlap Jaccard needed for a match")] = 0.5,
    unit: Annotated[Unit, typer.Option(help="Score pieces, utterances, or auto (utterances when the gold annotates fragments)")] = Unit.auto,
    processes: ProcessesOption = None,
) -> None:
    """Precision, recall and F1 of quote extraction against gold data."""
    from .evaluate import score
    from .extract import extract_lines

    try:
        gold_docs = [json.loads(line) for line in gold.read_text(encoding="utf-8").splitlines() if line.strip()]
    except (OSError, json.JSONDecodeError) as problem:
        fail(f"{gold}: cannot read gold data ({problem})")
    if predictions:
        records = [json.loads(line) for line in predictions.read_text(encoding="utf-8").splitlines() if line.strip()]
    else:
        lines = (json.dumps({"id": d["id"], "text": d["text"]}) for d in gold_docs)
        records = list(extract_lines(lines, processes=get_settings(processes=processes).processes or None))
    result = score(gold_docs, {str(r["id"]): r["quotes"] for r in records}, threshold, unit.value)
    data = result.as_dict()
    print_scores(data, gold)
    if json_out:
        json_out.write_text(json.dumps(data, indent=2) + "\n")
    if errors_out:
        errors_out.write_text("".join(json.dumps(e, ensure_ascii=False) + "\n" for e in result.errors))


def print_scores(data: dict, gold: Path) -> None:
    from rich.table import Table

    table = Table(title=f"quotes vs {gold} ({data['documents']} documents, speakers: {data['speaker_mode']}, unit: {data['unit']})")
    for column in ("measure", "precision", "recall", "F1", "matched/pred/gold"):
        table.add_column(column, justify="right" if column != "measure" else "left")

    def add(name: str, prf: dict) -> None:
        if not prf["gold"]:
            table.add_row(name, "n/a", "n/a", "n/a", f"(gold has no {name.split(', ')[-1]} spans)")
            return
        table.add_row(name, f"{prf['precision']:.3f}", f"{prf['recall']:.3f}", f"{prf['f1']:.3f}", f"{prf['tp']}/{prf['predicted']}/{prf['gold']}")

    add("overlap (Jaccard>=0.5), all", data["overlap"])
    add("overlap, direct+mixed", data["direct_mixed"])
    add("overlap, indirect", data["indirect"])
    for part in ("content", "source", "cue"):
        add(f"exact span, {part}", data["exact"][part])
    out = console()
    out.print(table)
    out.print(
        f"speaker accuracy on matched quotes: {data['speaker_accuracy']:.3f}; "
        f"found with the right speaker: {data['found_with_right_speaker']}/{data['gold_quotes']}; "
        f"spurious: {data['spurious']}"
        + (f"; venue accuracy: {data['venue_accuracy']:.3f}" if data["venue_accuracy"] is not None else ""),
        highlight=False,
    )


@evaluate_app.command("events")
def evaluate_events(
    gold: Annotated[Path, typer.Argument(help="Gold JSONL: {id, text or file, published, events} per line")],
    texts: Annotated[Path, typer.Option(help="Folder that gold 'file' paths are relative to")] = Path("../shared/corpora"),
    predictions: Annotated[Optional[Path], typer.Option("--pred", help="Use these predictions (extract output) instead of running the pipeline")] = None,
    json_out: Annotated[Optional[Path], typer.Option("--json", help="Also write the scores as JSON here")] = None,
    errors_out: Annotated[Optional[Path], typer.Option("--errors", help="Write missed, spurious and misdated events here (JSONL)")] = None,
    kb_db: Annotated[Optional[str], typer.Option("--kb", help="Apply the reference data loaded in this database (URL or SQLite path)")] = None,
    processes: ProcessesOption = None,
) -> None:
    """Precision, recall and F1 of event extraction against gold events."""
    from .evaluate import score_events
    from .extract import extract_lines
    from .read.formats import parse_date

    gold_docs = read_gold(gold, texts)
    if predictions:
        records = [json.loads(line) for line in predictions.read_text(encoding="utf-8").splitlines() if line.strip()]
    else:
        lines = (json.dumps({"id": d["id"], "text": d["text"], "published": d.get("published")}) for d in gold_docs)
        records = list(extract_lines(lines, processes=get_settings(processes=processes).processes or None))
    if kb_db:
        from .link.reference import Reference

        reference = Reference(database(kb_db))
        published = {str(d["id"]): parse_date(d.get("published")) for d in gold_docs}
        for record in records:
            reference.link(published.get(str(record["id"])), record["quotes"], record["events"])
    result = score_events(gold_docs, {str(r["id"]): r["events"] for r in records})
    data = result.as_dict()
    print_event_scores(data, gold)
    if json_out:
        json_out.write_text(json.dumps(data, indent=2) + "\n")
    if errors_out:
        errors_out.write_text("".join(json.dumps(e, ensure_ascii=False) + "\n" for e in result.errors))


def read_gold(gold: Path, texts: Path) -> list[dict]:
    """Gold records, each with its text (inline, or read from texts/file)."""
    try:
        docs = [json.loads(line) for line in gold.read_text(encoding="utf-8").splitlines() if line.strip()]
    except (OSError, json.JSONDecodeError) as problem:
        fail(f"{gold}: cannot read gold data ({problem})")
    for doc in docs:
        if "text" not in doc:
            path = texts / doc.get("file", doc["id"])
            try:
                doc["text"] = path.read_text(encoding="utf-8")
            except OSError as problem:
                fail(f"{path}: cannot read the text of gold document {doc['id']} ({problem.strerror})")
    return docs


def print_event_scores(data: dict, gold: Path) -> None:
    from rich.table import Table

    table = Table(title=f"events vs {gold} ({data['documents']} documents; key fields must agree)")
    for column in ("type", "precision", "recall", "F1", "matched/pred/gold"):
        table.add_column(column, justify="right" if column != "type" else "left")
    for name, prf in [("all", data["overall"]), *data["by_type"].items()]:
        if prf["gold"] or prf["predicted"]:
            table.add_row(name, f"{prf['precision']:.3f}", f"{prf['recall']:.3f}", f"{prf['f1']:.3f}", f"{prf['tp']}/{prf['predicted']}/{prf['gold']}")
    out = console()
    out.print(table)
    if data["date_accuracy"] is not None:
        out.print(f"date accuracy on matched events with a gold date: {data['date_accuracy']:.3f} ({data['dates_scored']} scored)", highlight=False)


@app.command()
def serve(
    db: DbOption = None,
    host: Annotated[str, typer.Option(help="Address to listen on (127.0.0.1: this machine only)")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port")] = 8000,
    allow_writes: Annotated[bool, typer.Option("--allow-writes", help="Let anyone who can reach the server add articles")] = False,
    max_upload_mb: Annotated[float, typer.Option("--max-upload-mb", help="Largest upload accepted, in MB")] = 5.0,
) -> None:
    """The web app and JSON API (docs at /api/docs). Adding articles needs --allow-writes or
    the token in CROSSFLOOR_TOKEN."""
    import os

    import uvicorn

    from .serve.app import ServeSettings, create_app

    settings = get_settings(db=db)
    try:
        web = create_app(ServeSettings(settings.database_url, allow_writes, os.environ.get("CROSSFLOOR_TOKEN") or None, int(max_upload_mb * 1_000_000)))
    except DatabaseProblem as problem:
        fail(str(problem))
    say(f"crossfloor on http://{host}:{port}/ ({'writes on' if allow_writes else 'writes need the token' if web.settings.token else 'read only'})")
    uvicorn.run(web, host=host, port=port, log_level="warning")


@kb_app.command("import")
def kb_import(
    paths: Annotated[list[Path], typer.Argument(help="parlparse folder or files (../shared/kb/uk), or Popolo JSON files")],
    db: DbOption = None,
    relink: Annotated[bool, typer.Option(help="Re-check the events and speakers already stored")] = True,
) -> None:
    """Load reference data so that posts, names and party switches resolve against it."""
    from .link.kb_import import KbProblem, import_path
    from .link.reference import Reference

    store = database(db)
    failed = 0
    for path in paths:
        try:
            for file, counts in import_path(store, path):
                say(f"imported {file}: " + ", ".join(f"{n} {k}" for k, n in counts.items() if n))
        except (KbProblem, DatabaseProblem) as problem:
            say(f"error: {problem}")
            failed += 1
    if relink:
        changed = store.relink(Reference(store))
        say(f"re-checked stored articles: {changed} quote(s) and event(s) changed")
    if failed:
        raise typer.Exit(1)


@kb_app.command("status")
def kb_status(db: DbOption = None) -> None:
    """What reference data is loaded, and the last day each source covers."""
    store = database(db)
    sources = store.kb_sources()
    if not sources:
        console().print("no reference data loaded (see `crossfloor kb import`)", highlight=False)
        return
    for source in sources:
        console().print(f"{source['path']}  [{source['format']}]  covers until {source['covers_until'] or '?'}", highlight=False)


@kb_app.command("who")
def kb_who(
    title: Annotated[str, typer.Argument(help="A post ('Home Secretary') or a name ('Mr Woodward')")],
    on: Annotated[str, typer.Option(help="The day (YYYY-MM-DD)")],
    db: DbOption = None,
) -> None:
    """Who held a post, or who a name stands for, on a day, according to the reference data."""
    from .link.reference import Reference

    reference = Reference(database(db))
    day = parse_day(on, "--on")
    found = reference.holder(title, day) if reference.is_title(title) else reference.member(title, day)
    if found is None:
        fail(f"the reference data names no single person for {title!r} on {on}", code=1)
    console().print(f"{found.name}  ({found.id})", highlight=False)


@train_app.command("attribution")
def train_attribution(
    train: Annotated[Path, typer.Option("--train", help="Training gold (JSONL, format of ../shared/benchmarks/quotes)")],
    dev: Annotated[Path, typer.Option("--dev", help="Dev gold: picks the best epoch and gives the figures")],
    out: Annotated[Path, typer.Option("--out", "-o", help="Directory for the model (replaced if it exists)")],
    epochs: Annotated[int, typer.Option(help="Passes over the training data")] = 3,
    layers: Annotated[int, typer.Option(help="Encoder layers kept (of 6): fewer is faster")] = 6,
    seed: Annotated[list[int], typer.Option(help="Seed for everything random; give it twice or more to train an ensemble, one network per seed")] = [13],
    max_steps: Annotated[int, typer.Option(help="Stop after this many steps (0: no limit)")] = 0,
    limit_docs: Annotated[int, typer.Option(help="Use only the first N documents of each file (0: all)")] = 0,
    learning_rate: Annotated[float, typer.Option(help="Peak learning rate (AdamW, linear warm-up and decay)")] = 8e-5,
    init: Annotated[Optional[Path], typer.Option(help="Go on training from this trained model instead of the base encoder")] = None,
) -> None:
    """Fine-tune the attribution tagger (source, cue, content spans) and report dev figures."""
    from .train.attribution import TrainConfig, train_members

    for path in (train, dev):
        if not path.is_file():
            fail(f"{path}: no such file")
    if init is not None:
        require_trained_model(init)
    config = TrainConfig(epochs=epochs, layers=layers, max_steps=max_steps, limit_docs=limit_docs, learning_rate=learning_rate, init=str(init or ""))
    try:
        report = train_members(train, dev, out, config, seed, log=say)
    except (ValueError, KeyError, json.JSONDecodeError) as problem:
        fail(f"cannot train on {train}: {problem}")
    show_trained(report, out)


@train_app.command("ensemble")
def train_ensemble(
    models: Annotated[list[Path], typer.Argument(help="Trained attribution models to join (two or more)")],
    dev: Annotated[Path, typer.Option("--dev", help="Dev gold: gives the figures of the ensemble")],
    out: Annotated[Path, typer.Option("--out", "-o", help="Directory for the ensemble (replaced if it exists)")],
) -> None:
    """Join trained attribution models into one ensemble (it averages their tag probabilities) and report its dev figures."""
    from .train.attribution import join

    if len(models) < 2:
        fail("an ensemble needs two or more models")
    for model in models:
        require_trained_model(model)
    if not dev.is_file():
        fail(f"{dev}: no such file")
    try:
        report = join(models, dev, out)
    except (ValueError, KeyError, json.JSONDecodeError) as problem:
        fail(f"cannot join {', '.join(map(str, models))}: {problem}")
    show_trained(report, out)


def require_trained_model(path: Path) -> None:
    """Stop with a one-line error unless `path` holds what `crossfloor train attribution` writes."""
    from .analyse.spanmodel import WEIGHTS

    for name in (WEIGHTS, "crossfloor.json"):
        if not (path / name).is_file():
            fail(f"{path}: not a trained attribution model (no {name})")


def show_trained(report: dict, out: Path) -> None:
    for layer, figures in report["dev_exact"].items():
        console().print(f"dev exact {layer:8} P {figures['precision']:.3f}  R {figures['recall']:.3f}  F1 {figures['f1']:.3f}", highlight=False)
    console().print(f"model written to {out} ({report['seconds']:.0f} s; model card: {out / 'README.md'})", highlight=False)


@app.command()
def bench(
    corpus: Annotated[str, typer.Option(help="Folder of articles to measure on")] = "../shared/corpora/bbc-politics",
    json_out: Annotated[Optional[Path], typer.Option("--json", help="Write the figures as JSON here")] = None,
    processes: ProcessesOption = None,
    pages: Annotated[Optional[str], typer.Option("--pages", help="Instead: time the web app's pages on this database (URL or SQLite path)")] = None,
    load: Annotated[Optional[str], typer.Option("--load", help="Instead: load-test `crossfloor serve` on this database with wrk (search and person pages)")] = None,
    seconds: Annotated[float, typer.Option(help="With --load: how long each page group is under load")] = 10.0,
    connections: Annotated[int, typer.Option(help="With --load: concurrent connections")] = 8,
    scaling: Annotated[bool, typer.Option("--scaling", help="Also: 1 vs N processes, and the corpus repeated 1x, 5x, 10x")] = False,
    png: Annotated[Path, typer.Option(help="Where --scaling draws its curves")] = Path("bench-scaling.png"),
) -> None:
    """Articles/s, words/s and peak memory of the bare model, extract and ingest, with ratios;
    with --pages DB, the latency of the web app's pages on that database."""
    from .analyse.run import default_processes
    from .bench import STAGES, benchmark, load_test, page_latency

    if load:
        try:
            groups = load_test(get_settings(db=load).database_url, seconds, connections)
        except (DatabaseProblem, RuntimeError) as problem:
            fail(str(problem))
        for g in groups:
            console().print(
                f"{g['group']:7} {g['requests']:6d} requests  {g['requests_per_s']:8.1f} requests/s  p50 {g.get('p50_ms', 0):7.1f} ms  p99 {g.get('p99_ms', 0):7.1f} ms  "
                f"errors {g['non_2xx'] + g['socket_errors']}  ({g['pages']} pages, {g['connections']} connections, {g['seconds']:g} s)",
                highlight=False,
            )
        if json_out:
            json_out.write_text(json.dumps({"load": groups}, indent=2) + "\n")
        return
    if pages:
        try:
            rows = page_latency(get_settings(db=pages).database_url)
        except DatabaseProblem as problem:
            fail(str(problem))
        for row in rows:
            console().print(f"{row['max_ms']:8.1f} ms max {row['median_ms']:8.1f} ms median  {row['status']}  {row['path']}", highlight=False)
        if json_out:
            json_out.write_text(json.dumps({"pages": rows}, indent=2) + "\n")
        return

    if not Path(corpus).is_dir():
        fail(f"{corpus}: no such folder (give --corpus)")
    count = get_settings(processes=processes).processes or default_processes()
    result = benchmark(corpus, count)
    if scaling:
        from .bench import scaling as measure_scaling

        result["scaling"] = measure_scaling(corpus, png, max(count, 2))
    out = console()
    for stage in STAGES:
        r = result[stage]
        out.print(f"{stage:8} {r['articles_per_s']:8.2f} articles/s {r['words_per_s']:10.1f} words/s  peak RSS {r['peak_rss_mb']:.0f} MB", highlight=False)
    out.print(f"fast/bare {result['ratio_fast_to_bare']:.3f}   extract/bare {result['ratio_extract_to_bare']:.3f}   ingest/bare {result['ratio_ingest_to_bare']:.3f}   ({result['processes']} processes)", highlight=False)
    if scaling:
        s = result["scaling"]
        out.print("speedup over 1 process: " + ", ".join(f"{k} {v:.2f}x" for k, v in s["speedup"].items()), highlight=False)
        for size, stages in s["by_size"].items():
            out.print(f"corpus x{size:>3}: " + ", ".join(f"{k} {v['articles_per_s']:.2f} articles/s, peak RSS {v['peak_rss_mb']:.0f} MB" for k, v in stages.items()), highlight=False)
        out.print("peak RSS growth at the largest size: " + ", ".join(f"{k} {v:+.1%}" for k, v in s["rss_growth"].items()) + f"   (curves: {png})", highlight=False)
    if json_out:
        json_out.write_text(json.dumps(result, indent=2) + "\n")


def main() -> None:
    from sqlalchemy.exc import DatabaseError, OperationalError

    try:
        app()
    except (DatabaseError, OperationalError) as err:
        # Whatever a command meets in a damaged or vanished database ends in one line, not a trace.
        detail = str(getattr(err, "orig", err)).splitlines()[0]
        say(f"error: {database_named(sys.argv)}: database problem ({detail})")
        sys.exit(2)


def database_named(argv: list[str]) -> str:
    """The database a command line names (--db URL or --db=URL), else the settings' default."""
    from .store.database import describe_url

    url = get_settings().database_url
    for k, arg in enumerate(argv):
        if arg == "--db" and k + 1 < len(argv):
            url = get_settings(db=argv[k + 1]).database_url
        elif arg.startswith("--db="):
            url = get_settings(db=arg[5:]).database_url
    return describe_url(url)


if __name__ == "__main__":
    main()
