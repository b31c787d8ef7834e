"""Throughput and memory of the bare spaCy model, of extract as it runs by default (`extract`:
the rules and the quote filter), of extract with the packaged attribution tagger (`tagger`,
`--tagger`), of ingest (default pipeline) and of the writer alone (`store`: storing and linking
articles whose analysis is done, the ceiling one writer sets however many machines analyse);
and the cold start of a bare spaCy load
(`start_bare`), of `crossfloor extract` on one article (`start_extract`) and of `crossfloor
quotes` on a small database (`start_quotes`), all measured in one run.

Each stage runs in a fresh Python process so that its peak RSS is its own; for the throughput
stages the clock starts once every worker has loaded its pipeline, so model loading does not
blur their ratios, and the cold starts are timed from launch to exit. The stages run interleaved,
round after round (bare extract tagger ingest start_bare ... bare extract ...), and each is
reported as its median over the rounds with the spread, beside its ratio to the bare stage of
the same round: a busy moment of the machine lands on one round of each stage, not on all the
rounds of one.
"""

from __future__ import annotations

import json
import os
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from functools import partial
from pathlib import Path
from urllib.parse import quote_plus

from .read import ReadOptions, Skipped, iter_articles

STAGES = ("bare", "extract", "tagger", "ingest", "store")
# Cold starts, each timed as a fresh process from launch to exit, against a bare spaCy load.
START_STAGES = ("start_bare", "start_extract", "start_quotes")
# Each stage's ratio is to the bare stage of its own kind, in the same round: words/s over the
# bare model's words/s (above 1 is faster), or seconds over the bare load's (above 1 is slower).
BARE = {**{stage: "bare" for stage in STAGES}, **{stage: "start_bare" for stage in START_STAGES}}
# The articles stored for `crossfloor quotes` to list.
QUOTES_ARTICLES = 5
# What a stage reports that is the same in every round (the corpus's size).
SAME_EVERY_ROUND = ("articles", "words")
MAX_REPEATS = 50


class BenchProblem(Exception):
    """A stage that could not be measured; the message is one line."""


def corpus_texts(corpus: str, repeat: int = 1) -> Iterator[str]:
    """The corpus's texts, `repeat` times over, read lazily (so a larger corpus costs no
    memory here); each repetition is made distinct so none is skipped as already stored."""
    for k in range(repeat):
        for item in iter_articles([corpus], ReadOptions(check_language=False)):
            if not isinstance(item, Skipped):
                yield item.text if k == 0 else f"{item.text}\n\n(Repeat {k}.)"


def repeated_folder(corpus: str, repeat: int, folder: Path) -> Path:
    """A folder holding the corpus `repeat` times over, as files, for the ingest stage."""
    folder.mkdir(parents=True, exist_ok=True)
    for k, text in enumerate(corpus_texts(corpus, repeat)):
        (folder / f"{k:07d}.txt").write_text(text, encoding="utf-8")
    return folder


def peak_rss_mb() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return round(max(own, children) / 1024, 1)


def run_stage(stage: str, corpus: str, processes: int, repeat: int = 1) -> dict:
    from .analyse.pipeline import build_pipeline, load_model
    from .analyse.run import run_parallel

    words = sum(len(t.split()) for t in corpus_texts(corpus, repeat))
    clock: dict[str, float] = {}
    ready = lambda: clock.setdefault("start", time.perf_counter())  # noqa: E731
    if stage == "store":
        done, elapsed = store_only(corpus, processes, repeat)
    elif stage == "ingest":
        from .ingest import ingest
        from .store.database import open_database

        with tempfile.TemporaryDirectory() as tmp:
            db = open_database(f"sqlite:///{tmp}/bench.db")
            source = corpus if repeat == 1 else str(repeated_folder(corpus, repeat, Path(tmp) / "corpus"))
            report = ingest([source], db, ReadOptions(check_language=False), processes=processes, on_ready=ready)
            elapsed = time.perf_counter() - clock["start"]
            done = report.stored + report.duplicates + report.copies
    else:
        loader = {"bare": load_model, "extract": partial(build_pipeline, "none"), "tagger": partial(build_pipeline, "packaged")}[stage]
        task = "bare" if stage == "bare" else "extract"
        done = sum(1 for _ in run_parallel(corpus_texts(corpus, repeat), loader, processes=processes, task=task, on_ready=ready))
        elapsed = time.perf_counter() - clock["start"]
    return {
        "articles": done,
        "words": words,
        "seconds": round(elapsed, 3),
        "articles_per_s": round(done / elapsed, 2),
        "words_per_s": round(words / elapsed, 1),
        "peak_rss_mb": peak_rss_mb(),
    }


def store_only(corpus: str, processes: int, repeat: int = 1) -> tuple[int, float]:
    """(articles, seconds) to store and link the corpus into a fresh database once its analysis
    is done: the analysis runs first, off the clock."""
    from .analyse.pipeline import build_pipeline
    from .analyse.run import run_parallel
    from .ingest import store_analysed
    from .link.reference import Reference
    from .store.database import open_database

    with tempfile.TemporaryDirectory() as tmp:
        source = corpus if repeat == 1 else str(repeated_folder(corpus, repeat, Path(tmp) / "corpus"))
        articles = [a for a in iter_articles([source], ReadOptions(check_language=False)) if not isinstance(a, Skipped)]
        results = list(run_parallel(((a.text, a.published) for a in articles), partial(build_pipeline, "none"), processes=processes))
        db = open_database(f"sqlite:///{tmp}/bench.db")
        reference = Reference(db)
        start = time.perf_counter()
        done = sum(1 for a, r in zip(articles, results) if not r.error and store_analysed(a, r, db, reference))
        return done, time.perf_counter() - start


def measure(stage: str, corpus: str, processes: int, repeat: int = 1) -> dict:
    """Run one stage in a fresh interpreter and return its figures."""
    out = finished([sys.executable, "-m", "crossfloor.bench", stage, corpus, str(processes), str(repeat)], stage)
    return json.loads(out.stdout.strip().splitlines()[-1])


def finished(command: list[str], what: str) -> subprocess.CompletedProcess:
    """A process run to its end; a BenchProblem with its last line of error when it fails."""
    done = subprocess.run(command, capture_output=True, text=True, env={**os.environ, "PYTHONHASHSEED": "0"})
    if done.returncode != 0:
        last = (done.stderr.strip().splitlines() or [f"exit status {done.returncode}"])[-1]
        raise BenchProblem(f"{what}: {last}")
    return done


def cold_start(command: list[str], what: str) -> dict:
    """The seconds a fresh process takes from launch to exit."""
    started = time.perf_counter()
    finished(command, what)
    return {"seconds": round(time.perf_counter() - started, 3)}


def start_commands(corpus: str, folder: Path) -> dict[str, list[str]]:
    """The cold-start stages' command lines: a bare spaCy load, `crossfloor extract` on the
    corpus's first article and `crossfloor quotes` on a database of its first few, which is
    made here (rules only, the default, whatever the environment asks for)."""
    from .analyse.pipeline import MODEL

    texts = corpus_texts(corpus)
    first = next(texts, None)
    if first is None:
        raise BenchProblem(f"{corpus}: no article to start on")
    one = folder / "one.jsonl"
    one.write_text(json.dumps({"id": "1", "text": first}) + "\n", encoding="utf-8")
    articles = folder / "articles"
    articles.mkdir()
    for k, text in enumerate([first, *(t for _, t in zip(range(QUOTES_ARTICLES - 1), texts))]):
        (articles / f"{k:03d}.txt").write_text(text, encoding="utf-8")
    db = folder / "quotes.db"
    cli = [sys.executable, "-m", "crossfloor.cli", "--fast"]
    finished([*cli, "ingest", str(articles), "--db", str(db), "--processes", "1", "--quiet"], "making the database for start_quotes")
    return {
        "start_bare": [sys.executable, "-c", f"import spacy; spacy.load({MODEL!r})"],
        "start_extract": [*cli, "extract", str(one), "--output", str(folder / "out.jsonl")],
        "start_quotes": [*cli, "quotes", "--db", str(db)],
    }


def stage_runner(corpus: str, processes: int, folder: Path) -> Callable[[str], dict]:
    """run(stage) -> that stage's figures from one fresh process."""
    starts = start_commands(corpus, folder)

    def run(stage: str) -> dict:
        return cold_start(starts[stage], stage) if stage in starts else measure(stage, corpus, processes)

    return run


def interleaved(stages: tuple[str, ...], repeats: int) -> list[str]:
    """The order the stages run in: every stage once a round, `repeats` rounds (A B C A B C ...)."""
    return [stage for _ in range(repeats) for stage in stages]


def spread(values: list[float]) -> dict:
    """The median of values with their spread: min, max and the quartiles (the interquartile
    range is q1 to q3)."""
    ordered = sorted(values)
    q1, median, q3 = statistics.quantiles(ordered, n=4, method="inclusive") if len(ordered) > 1 else ordered * 3
    return {"median": round(median, 3), "min": round(ordered[0], 3), "q1": round(q1, 3), "q3": round(q3, 3), "max": round(ordered[-1], 3)}


def ratio(stage: str, mine: dict, bare: dict) -> float:
    if stage in START_STAGES:
        return mine["seconds"] / bare["seconds"]
    return mine["words_per_s"] / bare["words_per_s"]


def summarised(stage: str, rounds: list[dict], bare_rounds: list[dict]) -> dict:
    """A stage's figures over its rounds: each figure's median (the keys one round reports), the
    rounds themselves, the spread of its time and, beside the bare stage, of its ratio to the
    bare stage of the same round."""
    out = {key: rounds[0][key] if key in SAME_EVERY_ROUND else round(statistics.median(r[key] for r in rounds), 3) for key in rounds[0]}
    out["seconds_spread"] = spread([r["seconds"] for r in rounds])
    if stage != BARE[stage]:
        out["ratio_to_bare"] = {**spread([ratio(stage, m, b) for m, b in zip(rounds, bare_rounds)]), "bare": BARE[stage]}
    out["rounds"] = rounds
    return out


def benchmark(corpus: str, processes: int, repeats: int = 3, run: Callable[[str], dict] | None = None, stages: tuple[str, ...] = STAGES + START_STAGES) -> dict:
    """Every stage `repeats` times, interleaved, each run by run(stage) (default: a fresh process
    per run), summarised per stage; ratio_<stage>_to_bare (ratio_<stage>_to_start_bare for a cold
    start) is the median ratio, its spread in the stage's ratio_to_bare."""
    if run is None:
        with tempfile.TemporaryDirectory() as tmp:
            return benchmark(corpus, processes, repeats, stage_runner(corpus, processes, Path(tmp)), stages)
    rounds: dict[str, list[dict]] = {stage: [] for stage in stages}
    for stage in interleaved(stages, repeats):
        rounds[stage].append(run(stage))
    result: dict = {"corpus": str(Path(corpus)), "processes": processes, "cpu_count": os.cpu_count(), "repeats": repeats, "order": list(stages)}
    for stage in stages:
        result[stage] = summarised(stage, rounds[stage], rounds[BARE[stage]])
        if "ratio_to_bare" in result[stage]:
            result[f"ratio_{stage}_to_{BARE[stage]}"] = result[stage]["ratio_to_bare"]["median"]
    return result


def scaling(corpus: str, png: Path | None, processes: int = 2, repeats: tuple[int, ...] = (1, 5, 10)) -> dict:
    """Throughput with 1 and `processes` processes, and peak memory as the corpus grows; the
    curves go to png (matplotlib)."""
    result: dict = {"corpus": str(Path(corpus)), "cpu_count": os.cpu_count(), "by_processes": {}, "by_size": {}}
    for n in sorted({1, processes}):
        result["by_processes"][str(n)] = {stage: measure(stage, corpus, n) for stage in ("bare", "extract")}
    for r in repeats:
        result["by_size"][str(r)] = {stage: measure(stage, corpus, processes, r) for stage in ("extract", "ingest")}
    one, many = result["by_processes"]["1"], result["by_processes"][str(processes)]
    result["speedup"] = {stage: round(many[stage]["articles_per_s"] / one[stage]["articles_per_s"], 3) for stage in ("bare", "extract")}
    base, top = result["by_size"][str(repeats[0])], result["by_size"][str(repeats[-1])]
    result["rss_growth"] = {stage: round(top[stage]["peak_rss_mb"] / base[stage]["peak_rss_mb"] - 1, 3) for stage in ("extract", "ingest")}
    if png:
        plot(result, png, processes, repeats)
    return result


def plot(result: dict, png: Path, processes: int, repeats: tuple[int, ...]) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, (speed, memory) = plt.subplots(1, 2, figsize=(11, 4.2))
    counts = sorted(int(n) for n in result["by_processes"])
    for stage in ("bare", "extract"):
        speed.plot(counts, [result["by_processes"][str(n)][stage]["articles_per_s"] for n in counts], marker="o", label=stage)
    speed.set(title="Throughput by processes", xlabel="processes", ylabel="articles/s", xticks=counts)
    speed.legend()
    for stage in ("extract", "ingest"):
        memory.plot(list(repeats), [result["by_size"][str(r)][stage]["peak_rss_mb"] for r in repeats], marker="o", label=stage)
    memory.set(title=f"Peak RSS by corpus size ({processes} processes)", xlabel="corpus repeated (x)", ylabel="peak RSS (MB)", xticks=list(repeats))
    memory.set_ylim(bottom=0)
    memory.legend()
    fig.tight_layout()
    fig.savefig(png, dpi=110)
    plt.close(fig)


if __name__ == "__main__":
    print(json.dumps(run_stage(sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]) if len(sys.argv) > 4 else 1)))


def page_latency(db_url: str, repeats: int = 5) -> list[dict]:
    """Latency of the web app's pages and API lists on a database, in-process (no network):
    the slowest of `repeats` requests after one warm-up, for pages a user reaches first and for
    the heaviest person, article and story."""
    import logging
    import statistics
    import warnings

    with warnings.catch_warnings():  # Starlette asks for httpx2, which is not needed in-process
        warnings.simplefilter("ignore")
        from fastapi.testclient import TestClient
    from sqlalchemy import func, select

    from .serve.app import ServeSettings, create_app
    from .store.schema import PersonMentionRow, QuoteRow

    logging.getLogger("httpx").setLevel(logging.WARNING)
    app = create_app(ServeSettings(db_url))
    with app.db.sessions() as session:
        busiest = session.scalar(select(PersonMentionRow.person_id).group_by(PersonMentionRow.person_id).order_by(func.count().desc()).limit(1))
        longest = session.scalar(select(QuoteRow.article_id).group_by(QuoteRow.article_id).order_by(func.count().desc()).limit(1))
    paths = ["/", "/search?q=election", "/search?speaker=Blair", "/people", "/events", "/stories", "/api/quotes?limit=200", "/api/events", "/api/people?limit=50"]
    paths += [f"/people/{busiest}"] if busiest else []
    paths += [f"/articles/{longest}", "/stories/1", "/events/1"] if longest else []
    client = TestClient(app, base_url="http://127.0.0.1")
    out = []
    for path in paths:
        client.get(path)
        times, status = [], None
        for _ in range(repeats):
            started = time.perf_counter()
            status = client.get(path).status_code
            times.append((time.perf_counter() - started) * 1000)
        out.append({"path": path, "status": status, "max_ms": round(max(times), 1), "median_ms": round(statistics.median(times), 1)})
    return out


LATENCY = re.compile(r"^\s*(50|75|90|99)%\s+([\d.]+)(us|ms|s)\s*$", re.M)
UNIT_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0}
SEARCHES = ("election", "tax", "war", "Blair", "Howard", "immigration", "minister said", "Labour", "resign", "NHS")


def load_paths(db_url: str, people: int = 20) -> dict[str, list[str]]:
    """Search pages (words, a speaker filter) and the pages of the most-mentioned people."""
    from sqlalchemy import func, select

    from .store.database import open_database
    from .store.schema import PersonMentionRow

    with open_database(db_url).sessions() as session:
        ids = session.scalars(select(PersonMentionRow.person_id).group_by(PersonMentionRow.person_id).order_by(func.count().desc()).limit(people)).all()
    searches = [f"/search?q={quote_plus(q)}" for q in SEARCHES] + ["/search?speaker=Blair", "/search?q=vote&kind=quote"]
    return {"search": searches, "person": [f"/people/{i}" for i in ids]}


def parse_wrk(output: str) -> dict:
    found = {f"p{p}_ms": round(float(v) * UNIT_MS[u], 2) for p, v, u in LATENCY.findall(output)}
    requests = re.search(r"(\d+) requests in ([\d.]+)(\w+)", output)
    rate = re.search(r"Requests/sec:\s+([\d.]+)", output)
    non_2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", output)
    sockets = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output)
    return {
        "requests": int(requests.group(1)) if requests else 0,
        "requests_per_s": float(rate.group(1)) if rate else 0.0,
        **found,
        "non_2xx": int(non_2xx.group(1)) if non_2xx else 0,
        "socket_errors": sum(map(int, sockets.groups())) if sockets else 0,
    }


def load_test(db_url: str, seconds: float = 10.0, connections: int = 8, threads: int = 2) -> list[dict]:
    """`crossfloor serve` on 127.0.0.1 under wrk: per page group, `connections` connections for
    `seconds`, cycling through the group's pages; requests/s, latency percentiles and errors."""
    import shutil
    import socket
    import urllib.request

    wrk = shutil.which("wrk")
    if wrk is None:
        raise RuntimeError("wrk is not installed (apt install wrk)")
    groups = load_paths(db_url)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = subprocess.Popen([sys.executable, "-m", "crossfloor.cli", "serve", "--db", db_url, "--port", str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                urllib.request.urlopen(base + "/", timeout=5).read()
                break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"crossfloor serve did not start ({server.stderr.read().decode(errors='replace').strip()[-300:]})") from None
                time.sleep(0.3)
        out = []
        with tempfile.TemporaryDirectory() as tmp:
            for group, paths in groups.items():
                script = Path(tmp) / f"{group}.lua"
                listed = ", ".join(json.dumps(p) for p in paths)
                script.write_text(f"paths = {{{listed}}}\ni = 0\nrequest = function()\n  i = i % #paths + 1\n  return wrk.format(\"GET\", paths[i])\nend\n")
                done = subprocess.run([wrk, f"-t{threads}", f"-c{connections}", f"-d{seconds:g}s", "--latency", "-s", str(script), base], capture_output=True, text=True, timeout=seconds + 120)
                out.append({"group": group, "pages": len(paths), "connections": connections, "seconds": seconds, **parse_wrk(done.stdout)})
        return out
    finally:
        server.terminate()
        server.wait(timeout=30)
