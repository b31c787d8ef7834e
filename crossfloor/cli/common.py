"""What every command shares: the Typer app and its groups, the global options, the database
and date options, messages on one line, and printing rows as a table, JSON or CSV."""

from __future__ import annotations

import contextlib
import signal
import sys
import threading
from collections.abc import Callable, Iterator
from datetime import date
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from ..schema.events import STATUS_NAMES
from ..schema.events import names as event_type_names
from ..present import format_rows
from ..settings import configure, get_settings
from ..store.problems import DatabaseProblem
from .tables import console

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
    fast: Annotated[bool, typer.Option("--fast", help="Rules only, without the trained tagger (the default; kept for scripts)")] = False,
    tagger: Annotated[bool, typer.Option("--tagger", help="Add the trained attribution tagger (PolNeAR's conventions) to the rules: more indirect speech found, less of it right on news, slower")] = False,
    attribution_model: Annotated[Optional[str], typer.Option("--attribution-model", help="The trained attribution tagger beside the rules: 'packaged' (shipped with crossfloor), a model directory, or 'none' [env: CROSSFLOOR_ATTRIBUTION_MODEL; default: none]")] = None,
) -> None:
    """crossfloor: who said what (and who switched sides) in political news."""
    # The settings carry the choice to worker processes (forked from this one); Dask workers
    # are given it with their work.
    if fast and tagger:
        fail("--fast (rules only) and --tagger (rules and the tagger) contradict each other: give one")
    if fast:
        attribution_model = "none"
    elif tagger:
        attribution_model = attribution_model or "packaged"
    elif attribution_model not in (None, "packaged", "none"):
        require_trained_model(Path(attribution_model))
        attribution_model = str(Path(attribution_model).resolve())
    configure(attribution_model=attribution_model)
    check_passes(get_settings().passes_off)  # CROSSFLOOR_WITHOUT_PASSES, checked before any worker starts


def check_passes(names) -> None:
    """Stop with one line when a pass to switch off is not one of the pipeline's (the line lists
    them)."""
    if not names:
        return
    from ..analyse.pipeline import pass_configs

    try:
        pass_configs(names)
    except ValueError as problem:
        fail(str(problem))


def require_trained_model(path: Path) -> None:
    """Stop with a one-line error unless `path` holds what `crossfloor train attribution` writes."""
    from ..analyse.tagger_spec import WEIGHTS

    for name in (WEIGHTS, "crossfloor.json"):
        if not (path / name).is_file():
            fail(f"{path}: not a trained attribution model (no {name})")


DbOption = Annotated[
    Optional[str], typer.Option("--db", help="Database URL or SQLite path [env: CROSSFLOOR_DB; default: sqlite:///crossfloor.db]")
]
ProcessesOption = Annotated[Optional[int], typer.Option("--processes", "-p", help="Worker processes (default: all cores)")]
# What the commands that fetch over HTTP share (ingest URL, watch, kb fetch).
AllowPrivateOption = Annotated[bool, typer.Option("--allow-private", help="Fetch urls on loopback, private and link-local addresses too")]
TimeoutOption = Annotated[float, typer.Option(help="Seconds a whole request may take (connecting, headers and body)")]


def web_fetcher(settings, timeout: float, host_interval: float = 1.0):
    """The fetcher of `watch` and `kb fetch`, within the settings' size limit and address policy."""
    from ..read.web import Fetcher

    return Fetcher(max_bytes=int(settings.max_mb * 1_000_000), timeout=timeout, host_interval=host_interval, allow_private=settings.allow_private)


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


class Part(str, Enum):
    all = "all"
    tune = "tune"
    validate = "validate"


class Unit(str, Enum):
    auto = "auto"
    piece = "piece"
    utterance = "utterance"


class SpeakerMode(str, Enum):
    auto = "auto"
    surface = "surface"
    resolved = "resolved"


EventType = Enum("EventType", {name: name for name in event_type_names()}, type=str)
RecordStatus = Enum("RecordStatus", {name: name for name in STATUS_NAMES}, type=str)


def say(message: str) -> None:
    """One unwrapped line on stderr (messages must stay one line, whatever the terminal width)."""
    typer.echo(message, err=True)


@contextlib.contextmanager
def stop_between_articles() -> Iterator[Callable[[], bool]]:
    """Within the block, the first Ctrl-C only asks: the callable it yields says whether it was
    pressed, and the ingest stops after the article in hand, between two transactions. Python's
    own KeyboardInterrupt lands wherever the program is (a finaliser, a database call) and can
    leave an "Exception ignored" trace behind the one-line summary. A second Ctrl-C stops at
    once. A process started with Ctrl-C ignored (nohup) keeps ignoring it. Nothing is printed
    from the handler: a write it interrupted would be re-entered."""
    pressed: list[bool] = []

    def on_interrupt(_signum, _frame) -> None:
        if pressed:
            raise KeyboardInterrupt
        pressed.append(True)

    usable = threading.current_thread() is threading.main_thread() and signal.getsignal(signal.SIGINT) is not signal.SIG_IGN
    previous = signal.signal(signal.SIGINT, on_interrupt) if usable else None
    try:
        yield lambda: bool(pressed)
    finally:
        if usable:
            signal.signal(signal.SIGINT, previous)


def fail(message: str, code: int = 2) -> None:
    say(f"error: {message}")
    raise typer.Exit(code)


def database(db: str | None, create: bool = False):
    """The database a --db option names (else the settings'), opened, or a one-line error. Only
    commands that write pass `create`: for the others a mistyped path is an error, not a new
    empty database."""
    from ..store.database import open_database

    try:
        return open_database(get_settings(db=db).database_url, create=create)
    except DatabaseProblem as err:
        fail(str(err))


def parse_day(value: str | None, option: str = "--published") -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        fail(f"{option} must be a date as YYYY-MM-DD, not {value!r}")


def print_rows(rows: list[dict], format: Format, table, empty: str) -> None:
    if format is Format.table:
        out = console()
        if not rows:
            out.print(empty, highlight=False)
            return
        out.print(table(rows))
    else:
        sys.stdout.write(format_rows(rows, format.value) + ("\n" if format is Format.json else ""))
