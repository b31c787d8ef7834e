"""`crossfloor kb import|status|who`: reference data on politicians."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Annotated

import typer

from ..store.database import DatabaseProblem
from .common import DbOption, database, fail, kb_app, parse_day, say
from .tables import console


@kb_app.command("import")
def kb_import(
    paths: Annotated[list[Path], typer.Argument(help="folders (every file under them) or files: parlparse, Popolo JSON, congress-legislators YAML/CSV")],
    db: DbOption = None,
    relink: Annotated[bool, typer.Option(help="Re-check the events, speakers and people already stored")] = True,
) -> None:
    """Load reference data so that posts, names and party switches resolve against it."""
    from ..link.identify import link_stored_people
    from ..link.kb_import import KbProblem, import_path
    from ..link.reference import Reference

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
        reference = Reference(store)
        changed = store.relink(reference)
        say(f"re-checked stored articles: {changed} quote(s) and event(s) changed")
        say(f"linked {link_stored_people(store, reference)} stored people to the record")
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
