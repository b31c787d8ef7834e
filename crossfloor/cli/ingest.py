"""Commands that read articles: `ingest` (into the database) and `extract` (JSON Lines out, no database)."""

from __future__ import annotations

import contextlib
import json
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from ..settings import get_settings
from ..store.problems import DatabaseProblem
from .common import (
    AllowPrivateOption,
    DbOption,
    Engine,
    ProcessesOption,
    app,
    database,
    fail,
    parse_day,
    say,
    stop_between_articles,
)
from .tables import console


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
    follow_links: Annotated[bool, typer.Option("--follow-links", help="In folders, read symbolic links to files outside the folder too")] = False,
    allow_private: AllowPrivateOption = False,
) -> None:
    """Read articles, find who said what, and store it (re-ingesting is safe; an interrupted
    ingest resumes where it stopped)."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    from ..ingest import IngestReport
    from ..ingest import ingest as run_ingest
    from ..read import ReadOptions

    settings = get_settings(db=db, processes=processes, max_mb=max_mb, allow_private=allow_private or None)
    store = database(settings.db, create=True)
    err = console(stderr=True)
    options = ReadOptions(
        max_bytes=int(settings.max_mb * 1_000_000), published=parse_day(published), outlet=outlet, follow_links=follow_links, allow_private=settings.allow_private
    )
    report = IngestReport()
    progress = Progress(
        SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
        console=err, transient=True, disable=quiet or not err.is_terminal,
    )
    with progress, stop_between_articles() as stop:
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
                report=report,
                stop=stop,
            )
        except KeyboardInterrupt:
            say(f"interrupted: {summary_of(report)} before the stop; every stored article is whole. Run the same command again to go on.")
            raise typer.Exit(130) from None
        except DatabaseProblem as problem:
            fail(str(problem))
        except OSError as problem:  # a Dask scheduler that cannot be reached
            fail(f"{scheduler or 'dask'}: cannot reach the cluster ({problem})")
    for warning in report.warnings:
        say(f"warning: {warning}")
    say(summary_of(report))
    if report.skipped and not keep_going:
        raise typer.Exit(1)


def summary_of(report) -> str:
    return (
        f"stored {report.stored} new article(s) with {report.quotes} quote(s) and {report.events} event(s); "
        f"{report.duplicates} already stored; {report.copies} near copies of stored articles kept as copies; {len(report.skipped)} skipped"
        + passed_over_of(report.passed_over)
    )


def passed_over_of(counts) -> str:
    """'; passed over 3 file(s) that are not articles (2 .pdf, 1 .bin)', or nothing."""
    if not counts:
        return ""
    kinds = ", ".join(f"{n} {suffix}" for suffix, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
    return f"; passed over {sum(counts.values())} file(s) that are not articles ({kinds})"


@app.command()
def extract(
    input: Annotated[Path, typer.Argument(help="JSON Lines: {\"id\", \"text\", ...} per line; '-' for stdin", allow_dash=True)],
    output: Annotated[Path, typer.Option("--output", "-o", help="Where to write JSON Lines ('-' for stdout)", allow_dash=True)] = Path("-"),
    processes: ProcessesOption = None,
) -> None:
    """Extract quotes from JSON Lines without a database (one output line per input line)."""
    from ..extraction import extract_lines

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


@app.command()
def relink(db: DbOption = None) -> None:
    """Join the stored quotes into utterances again with this version's rules (after an upgrade
    that changed how renderings are compared): every utterance is rebuilt, article by article in
    publication order, in one transaction, so an interrupted run leaves the old ones."""
    from ..link.utterances import relink_all

    store = database(db)
    try:
        counts = store.in_transaction(relink_all, "relinking utterances")
    except DatabaseProblem as err:
        fail(str(err))
    say(f"relinked: {counts['utterances']} utterance(s) joining {counts['quotes']} quote(s)")
