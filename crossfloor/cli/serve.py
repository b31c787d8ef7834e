"""`crossfloor serve` (the web app and JSON API) and `crossfloor bench` (speed, memory, page latency, load)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Optional

import typer

from ..settings import get_settings
from ..store.problems import DatabaseProblem
from .common import DbOption, ProcessesOption, app, fail, say
from .tables import console


@app.command()
def serve(
    db: DbOption = None,
    host: Annotated[str, typer.Option(help="Address to listen on (127.0.0.1: this machine only)")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port")] = 8000,
    allow_writes: Annotated[bool, typer.Option("--allow-writes", help="Let anyone who can reach the server add articles")] = False,
    max_upload_mb: Annotated[float, typer.Option("--max-upload-mb", help="Largest upload accepted, in MB")] = 5.0,
    allowed_host: Annotated[Optional[list[str]], typer.Option("--allowed-host", help="A name clients reach this server by, besides 127.0.0.1, localhost and --host (repeatable); requests for any other Host are refused")] = None,
) -> None:
    """The web app and JSON API (docs at /api/docs). Adding articles needs --allow-writes or
    the token in CROSSFLOOR_TOKEN."""
    import uvicorn

    from ..serve.app import LOOPBACK, ServeSettings, create_app
    from ..store.database import check_url

    settings = get_settings(db=db)
    names = {*LOOPBACK, *(allowed_host or [])} | ({host} if host not in ("0.0.0.0", "::") else set())
    try:
        check_url(settings.database_url, create=False)  # serving only reads: a mistyped path is an error
        web = create_app(ServeSettings(settings.database_url, allow_writes, settings.token or None, int(max_upload_mb * 1_000_000), allowed_hosts=tuple(names)))
    except DatabaseProblem as problem:
        fail(str(problem))
    say(f"crossfloor on http://{host}:{port}/ ({'writes on' if allow_writes else 'writes need the token' if web.settings.token else 'read only'})")
    # h11 keeps at most this many bytes of a request line and headers; bodies are counted by
    # the app's guard while they stream.
    uvicorn.run(web, host=host, port=port, log_level="warning", h11_max_incomplete_event_size=64 * 1024)


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
    repeats: Annotated[int, typer.Option(help="Rounds: every stage runs once a round, the stages interleaved; medians and spreads over the rounds")] = 3,
) -> None:
    """Articles/s, words/s and peak memory of the bare model, extract and ingest, and the cold
    start of `crossfloor extract` and `crossfloor quotes` beside a bare spaCy load, with ratios
    (medians over interleaved rounds, with their spread); with --pages DB, the latency of the
    web app's pages on that database."""
    if load:
        figures = {"load": timed_load(load, seconds, connections)}
    elif pages:
        figures = {"pages": timed_pages(pages)}
    else:
        figures = timed_stages(corpus, processes, scaling, png, repeats)
    if json_out:
        json_out.write_text(json.dumps(figures, indent=2) + "\n")


def timed_load(db: str, seconds: float, connections: int) -> list[dict]:
    """`bench --load`: each page group under wrk, one line each."""
    from ..bench import load_test

    try:
        groups = load_test(get_settings(db=db).database_url, seconds, connections)
    except (DatabaseProblem, RuntimeError) as problem:
        fail(str(problem))
    for g in groups:
        console().print(
            f"{g['group']:7} {g['requests']:6d} requests  {g['requests_per_s']:8.1f} requests/s  p50 {g.get('p50_ms', 0):7.1f} ms  p99 {g.get('p99_ms', 0):7.1f} ms  "
            f"errors {g['non_2xx'] + g['socket_errors']}  ({g['pages']} pages, {g['connections']} connections, {g['seconds']:g} s)",
            highlight=False,
        )
    return groups


def timed_pages(db: str) -> list[dict]:
    """`bench --pages`: the latency of each page, one line each."""
    from ..bench import page_latency

    try:
        rows = page_latency(get_settings(db=db).database_url)
    except DatabaseProblem as problem:
        fail(str(problem))
    for row in rows:
        console().print(f"{row['max_ms']:8.1f} ms max {row['median_ms']:8.1f} ms median  {row['status']}  {row['path']}", highlight=False)
    return rows


def timed_stages(corpus: str, processes: int | None, scaling: bool, png: Path, repeats: int) -> dict:
    """`bench`: the stages' throughput and memory and the cold starts, interleaved over rounds,
    their medians, spreads and ratios, and with --scaling the curves."""
    from ..analyse.run import default_processes
    from ..bench import MAX_REPEATS, BenchProblem, benchmark

    if not Path(corpus).is_dir():
        fail(f"{corpus}: no such folder (give --corpus)")
    if not 1 <= repeats <= MAX_REPEATS:
        fail(f"--repeats must be from 1 to {MAX_REPEATS}, not {repeats}")
    count = get_settings(processes=processes).processes or default_processes()
    try:
        result = benchmark(corpus, count, repeats)
        if scaling:
            from ..bench import scaling as measure_scaling

            result["scaling"] = measure_scaling(corpus, png, max(count, 2))
    except BenchProblem as problem:
        fail(str(problem))
    print_stages(result)
    if scaling:
        print_scaling(result["scaling"], png)
    return result


def print_stages(result: dict) -> None:
    """One line a stage, unwrapped: its medians, [min-max] over the rounds, and its ratio to the
    bare stage."""
    from ..bench import START_STAGES, STAGES

    out = console()
    lines = [f"{result['repeats']} round(s) of {' '.join(result['order'])} ({result['processes']} processes); medians [min-max]"]
    for stage in STAGES:
        r = result[stage]
        lines.append(f"{stage:13} {r['articles_per_s']:8.2f} articles/s {r['words_per_s']:10.1f} words/s  {within(r['seconds_spread'], 's')}  peak RSS {r['peak_rss_mb']:.0f} MB" + ratio_of(stage, r))
    for stage in START_STAGES:
        lines.append(f"{stage:13} {within(result[stage]['seconds_spread'], 's')} from launch to exit" + ratio_of(stage, result[stage]))
    for line in lines:
        out.print(line, markup=False, highlight=False, soft_wrap=True)


def within(figures: dict, unit: str = "") -> str:
    """'0.853 [0.802-0.910]' (median [min-max]), with a unit after the median when given."""
    return f"{figures['median']:.3f}{' ' + unit if unit else ''} [{figures['min']:.3f}-{figures['max']:.3f}]"


def ratio_of(stage: str, figures: dict) -> str:
    if "ratio_to_bare" not in figures:
        return ""
    return f"   {stage}/{figures['ratio_to_bare']['bare']} {within(figures['ratio_to_bare'])}"


def print_scaling(s: dict, png: Path) -> None:
    out = console()
    out.print("speedup over 1 process: " + ", ".join(f"{k} {v:.2f}x" for k, v in s["speedup"].items()), highlight=False)
    for size, stages in s["by_size"].items():
        out.print(f"corpus x{size:>3}: " + ", ".join(f"{k} {v['articles_per_s']:.2f} articles/s, peak RSS {v['peak_rss_mb']:.0f} MB" for k, v in stages.items()), highlight=False)
    out.print("peak RSS growth at the largest size: " + ", ".join(f"{k} {v:+.1%}" for k, v in s["rss_growth"].items()) + f"   (curves: {png})", highlight=False)
