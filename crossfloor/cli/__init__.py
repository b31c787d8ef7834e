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
    from ..analyse.startup import thinc_without_torch
    from ..data import DataProblem

    thinc_without_torch()  # PyTorch only for the tagger and training: seconds off every analysing command
    try:
        app()
    except DataProblem as problem:
        # A broken word list (an edited data file) is one line naming the file and the key.
        say(f"error: {problem}")
        sys.exit(2)
    except Exception as err:
        if not database_error(err):
            raise
        # Whatever a command meets in a damaged or vanished database ends in one line, not a trace.
        detail = str(getattr(err, "orig", err)).splitlines()[0]
        say(f"error: {database_named(sys.argv)}: database problem ({detail})")
        sys.exit(2)


def database_error(err: Exception) -> bool:
    """Whether err is SQLAlchemy's for a database that cannot be used. SQLAlchemy is not imported
    for this: a command that never loaded it cannot have met one of its errors."""
    errors = sys.modules.get("sqlalchemy.exc")
    return errors is not None and isinstance(err, (errors.DatabaseError, errors.OperationalError))


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
