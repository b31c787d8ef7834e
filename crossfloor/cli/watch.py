"""`crossfloor watch`: follow feeds, store their new pages, alert on new events."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from ..settings import get_settings
from ..store.problems import DatabaseProblem
from .common import AllowPrivateOption, DbOption, EventType, TimeoutOption, app, database, fail, say, web_fetcher


@app.command()
def watch(
    sources: Annotated[list[str], typer.Argument(help="Feed or page urls, or files listing them (one a line, # for comments)")],
    every: Annotated[str, typer.Option(help="How often to look again: 30s, 15m, 1h")] = "15m",
    notify: Annotated[Optional[str], typer.Option(help="POST each new event (and each further source of one) as JSON to this url")] = None,
    exec_: Annotated[Optional[str], typer.Option("--exec", help="Run this command for each new event, with the event as JSON on its standard input")] = None,
    type: Annotated[Optional[list[EventType]], typer.Option("--type", "-t", help="Alert only on these event types (repeatable; default all)")] = None,
    once: Annotated[bool, typer.Option("--once", help="One round, then try failed alerts again for up to a minute, and stop")] = False,
    timeout: TimeoutOption = 20.0,
    host_interval: Annotated[float, typer.Option("--host-interval", help="Seconds between two requests to one host")] = 1.0,
    max_mb: Annotated[Optional[float], typer.Option("--max-mb", help="Largest page or feed to read, in MB")] = None,
    db: DbOption = None,
    allow_private: AllowPrivateOption = False,
) -> None:
    """Follow feeds: fetch them every so often (conditional requests, robots.txt, a pause per
    host), store the new pages they link once each, and alert on the new events they report
    (--notify URL and/or --exec CMD; failed alerts are tried again, never sent twice). Ctrl-C
    stops it; run it again to go on."""
    from ..alerts import Targets, TargetProblem
    from ..read import ReadOptions
    from ..watch import Watcher, WatchProblem, check_intervals, seconds_of, sources_of

    settings = get_settings(db=db, max_mb=max_mb, allow_private=allow_private or None)
    # Everything given is checked before the first round: a bad value is one line and exit 2,
    # not a traceback after each round.
    try:
        urls, interval = sources_of(sources), seconds_of(every)
        check_intervals(interval, host_interval, once)
        targets = Targets(notify=notify, exec=exec_, types=tuple(t.value for t in type or ()))
    except (WatchProblem, TargetProblem) as problem:
        fail(str(problem))
    store = database(settings.db, create=True)
    limit = int(settings.max_mb * 1_000_000)
    fetcher = web_fetcher(settings, timeout, host_interval)
    say(f"watching {len(urls)} url(s) every {every}" + (f"; alerts to {targets.describe()}" if targets.names() else "; no alerts (give --notify or --exec)"))
    try:
        Watcher(store, fetcher, ReadOptions(max_bytes=limit), targets, say).run(urls, interval, once=once)
    except KeyboardInterrupt:
        say("stopped: what was stored and delivered is kept; run the same command again to go on.")
        raise typer.Exit(130) from None
    except DatabaseProblem as problem:
        fail(str(problem))
    finally:
        fetcher.close()
