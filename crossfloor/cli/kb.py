"""`crossfloor kb import|fetch|status|who`: reference data on politicians."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Annotated, Optional

import typer

from ..settings import get_settings
from ..store.problems import DatabaseProblem
from .common import AllowPrivateOption, DbOption, TimeoutOption, database, fail, kb_app, parse_day, say, web_fetcher
from .tables import console

RelinkOption = Annotated[bool, typer.Option(help="Re-check the events, speakers and people already stored")]


def relinked(store) -> None:
    """Apply the reference data now loaded to the quotes, events and people already stored."""
    from ..link.identify import link_stored_people
    from ..link.reference import Reference

    reference = Reference(store)
    changed = store.relink(reference)
    say(f"re-checked stored articles: {changed} quote(s) and event(s) changed")
    say(f"linked {link_stored_people(store, reference)} stored people to the record")


@kb_app.command("import")
def kb_import(
    paths: Annotated[list[Path], typer.Argument(help="folders (every file under them) or files: parlparse, Popolo JSON, congress-legislators YAML/CSV")],
    db: DbOption = None,
    relink: RelinkOption = True,
) -> None:
    """Load reference data so that posts, names and party switches resolve against it."""
    from ..link.kb_import import KbProblem, import_path

    store = database(db, create=True)
    failed = 0
    for path in paths:
        began = time.monotonic()
        try:
            done, skipped = import_path(store, path)
            for file, counts in done:
                say(f"imported {file}: " + ", ".join(f"{n} {k}" for k, n in counts.items() if n))
            for file in skipped:
                say(f"skipped {file}: not a reference-data format crossfloor reads")
            say(f"{path}: {len(done)} file(s) in {time.monotonic() - began:.1f} s")
        except (KbProblem, DatabaseProblem) as problem:
            say(f"error: {problem}")
            failed += 1
    if relink:
        relinked(store)
    if failed:
        raise typer.Exit(1)


@kb_app.command("fetch")
def kb_fetch(
    countries: Annotated[list[str], typer.Argument(help="Whose reference data: us, uk, ca, au, nz, ie, in, or all", metavar="COUNTRY...")],
    timeout: TimeoutOption = 20.0,
    max_mb: Annotated[Optional[float], typer.Option("--max-mb", help="Largest file to download, in MB")] = None,
    allow_private: AllowPrivateOption = False,
    relink: RelinkOption = True,
    db: DbOption = None,
) -> None:
    """Download the publishers' current reference files (congress-legislators, TheyWorkForYou's
    people.json, EveryPolitician) with the fetcher `watch` uses, conditionally (an unchanged file
    is a 304), check each reads, import it in one transaction and say what changed; a file that
    cannot be had or read leaves the record as it was. The urls are in crossfloor/data/kb_sources.json
    (CROSSFLOOR_KB_SOURCES names another such file)."""
    from ..data import DataProblem
    from ..link.kb_fetch import KbFetcher, chosen, publishers
    from ..link.kb_rows import KbProblem

    settings = get_settings(db=db, max_mb=max_mb, allow_private=allow_private or None)
    try:
        known = publishers(settings.kb_sources)
        names = chosen(countries, known)
    except (KbProblem, DataProblem) as problem:
        fail(str(problem))
    store = database(settings.db, create=True)
    fetcher = web_fetcher(settings, timeout)
    try:
        outcomes = [outcome for name in names for outcome in KbFetcher(store, fetcher, say).country(known[name])]
    except DatabaseProblem as problem:
        fail(str(problem))
    finally:
        fetcher.close()
    results = [o.result for o in outcomes]
    say(f"{len(outcomes)} file(s): {results.count('updated')} updated, {results.count('unchanged')} unchanged, {results.count('failed')} failed")
    if relink and "updated" in results:
        relinked(store)
    if "failed" in results:
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
    title: Annotated[str, typer.Argument(help="A post ('Home Secretary'), a seat ('the member for Streatham', 'senator from Ohio') or a name ('Mr Woodward')")],
    on: Annotated[str, typer.Option(help="The day (YYYY-MM-DD)")],
    db: DbOption = None,
) -> None:
    """Who held a post or a seat, or who a name stands for, on a day, according to the reference data."""
    from ..link.reference import Reference

    reference = Reference(database(db))
    found = reference.who(title, parse_day(on, "--on"))
    if not found:
        fail(f"the reference data names no single person for {title!r} on {on}", code=1)
    for member in found:
        console().print(f"{member.name}  ({member.id})", highlight=False)
