"""The crossfloor command line (Typer): one module per group of commands, each command a thin
wrapper over a function that returns data.

    ingest.py    ingest, extract
    watch.py     watch
    query.py     quotes, events, people, timeline, stories, search, show, export
    evaluate.py  evaluate quotes|events
    kb.py        kb import|status|who
    train.py     train attribution|ensemble
    serve.py     serve, bench
"""

from __future__ import annotations

import sys

from ..settings import get_settings
from . import evaluate, ingest, kb, query, serve, train, watch  # noqa: F401 - each registers its commands
from .common import app, say

__all__ = ["app", "main"]


def main() -> None:
    from sqlalchemy.exc import DatabaseError, OperationalError

    from ..data import DataProblem

    try:
        app()
    except DataProblem as problem:
        # A broken word list (an edited data file) is one line naming the file and the key.
        say(f"error: {problem}")
        sys.exit(2)
    except (DatabaseError, OperationalError) as err:
        # Whatever a command meets in a damaged or vanished database ends in one line, not a trace.
        detail = str(getattr(err, "orig", err)).splitlines()[0]
        say(f"error: {database_named(sys.argv)}: database problem ({detail})")
        sys.exit(2)


def database_named(argv: list[str]) -> str:
    """The database a command line names (--db URL or --db=URL), else the settings' default."""
    from ..store.database import describe_url

    url = get_settings().database_url
    for k, arg in enumerate(argv):
        if arg == "--db" and k + 1 < len(argv):
            url = get_settings(db=argv[k + 1]).database_url
        elif arg.startswith("--db="):
            url = get_settings(db=arg[5:]).database_url
    return describe_url(url)
