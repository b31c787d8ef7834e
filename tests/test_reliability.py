"""Concurrent writers and injected faults lose nothing: two SQLite and four PostgreSQL ingests at
once; a full disk, a read-only database, a PostgreSQL restart and SIGKILLs at random points, each
followed by a re-run that must end equal to a clean run; a corrupted SQLite file gives one clear
line and is left as it was.

Storage is under test here, not attribution, so the ingests run rules-only (`--fast`)."""

import hashlib
import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from crossfloor.read import ReadOptions, Skipped, iter_articles
from crossfloor.store.database import open_database
from crossfloor.store.schema import ArticleCopyRow, ArticleRow
from tests.conftest import ROOT, shared_file
from tests.databases import BACKENDS, PG_ADMIN, fresh_url, ingest, snapshot


def bbc(start: int, stop: int) -> list[Path]:
    return sorted(shared_file("corpora", "bbc-politics").glob("*.txt"))[start:stop]


def distinct_hashes(files: list[Path]) -> set[str]:
    return {a.content_hash for a in iter_articles(map(str, files), ReadOptions(check_language=False)) if not isinstance(a, Skipped)}


def stored_hashes(url: str) -> tuple[list[str], list[str]]:
    with open_database(url).sessions() as session:
        articles = [a.content_hash for a in session.query(ArticleRow)]
        copies = [c.content_hash for c in session.query(ArticleCopyRow)]
    return articles, copies


def count(url: str) -> int:
    try:
        return open_database(url).counts()["articles"]
    except Exception:  # noqa: BLE001 - the database may be mid-restart while we poll
        return -1


def wait_for(url: str, at_least: int, process: subprocess.Popen, seconds: float = 300) -> int:
    deadline = time.time() + seconds
    while time.time() < deadline and process.poll() is None:
        stored = count(url)
        if stored >= at_least:
            return stored
        time.sleep(0.2)
    return count(url)


def run_together(url: str, slices: list[list[Path]], tmp_path: Path) -> list[tuple[int, str]]:
    running = [ingest(url, *files, wait=False, processes=1, fast=True, stderr=tmp_path / f"err{k}.txt") for k, files in enumerate(slices)]
    return [(p.wait(timeout=600), (tmp_path / f"err{k}.txt").read_text()) for k, p in enumerate(running)]


def assert_each_article_once(url: str, files: list[Path]) -> None:
    articles, copies = stored_hashes(url)
    assert len(articles) == len(set(articles)) and len(copies) == len(set(copies))
    assert set(articles) | set(copies) == distinct_hashes(files)
    assert not set(articles) & set(copies)


def test_two_sqlite_ingests_at_once_store_every_article_once(tmp_path):
    url = fresh_url("sqlite", tmp_path)
    open_database(url)
    slices = [bbc(0, 50), bbc(25, 75)]
    for code, err in run_together(url, slices, tmp_path):
        assert code == 0 and "error" not in err, err
    assert_each_article_once(url, bbc(0, 75))


@pytest.mark.skipif(not PG_ADMIN, reason="CROSSFLOOR_TEST_PG is not set")
def test_four_postgresql_ingests_at_once_store_every_article_once(tmp_path):
    url = fresh_url("postgresql", tmp_path)
    open_database(url)
    slices = [bbc(0, 30), bbc(15, 45), bbc(30, 60), bbc(0, 60)[::4]]
    for code, err in run_together(url, slices, tmp_path):
        assert code == 0 and "error" not in err, err
    assert_each_article_once(url, bbc(0, 60))


@pytest.fixture(scope="module")
def clean_run(tmp_path_factory):
    """80 BBC articles ingested without incident: what every recovered run must equal."""
    files = bbc(100, 180)
    url = fresh_url("sqlite", tmp_path_factory.mktemp("clean"))
    done = ingest(url, *files, fast=True)
    assert done.returncode == 0, done.stderr
    return files, snapshot(url)


@pytest.fixture
def small_disk(tmp_path):
    """A tmpfs of its own (needs root): filled, remounted read-only, grown, as a test wants."""
    mount = tmp_path / "disk"
    mount.mkdir()
    made = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", str(mount)], capture_output=True, text=True)
    if made.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here ({made.stderr.strip()})")

    def remount(options: str) -> None:
        subprocess.run(["mount", "-o", f"remount,{options}", str(mount)], check=True)

    yield mount, remount
    subprocess.run(["umount", "-l", str(mount)], check=False)


def one_line_error(stderr: str, *words: str) -> str:
    lines = [line for line in stderr.splitlines() if line.startswith("error:")]
    assert len(lines) == 1 and "Traceback" not in stderr, stderr
    assert all(w.lower() in lines[0].lower() for w in words), lines[0]
    return lines[0]


def test_a_full_disk_stops_cleanly_and_a_rerun_completes_the_database(small_disk, clean_run):
    mount, remount = small_disk
    files, expected = clean_run
    url = f"sqlite:///{mount / 'full.db'}"
    filler = mount / "filler"
    filler.write_bytes(b"\0" * 2_900_000)  # leave about a megabyte: the schema and a few articles
    full = ingest(url, *files, fast=True)
    assert full.returncode != 0
    one_line_error(full.stderr, str(mount / "full.db"), "full")
    with sqlite3.connect(mount / "full.db") as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    partial = snapshot(url)
    assert 0 < len(partial["articles"]) < len(expected["articles"]), "the disk must fill part-way"
    # Whatever was stored is whole: every stored article has exactly its clean-run quotes.
    stored = set(partial["articles"])
    assert [q for q in partial["quotes"] if q[0] in stored] == [q for q in expected["quotes"] if q[0] in stored]
    filler.unlink()
    remount("size=64m")
    again = ingest(url, *files, fast=True)
    assert again.returncode == 0, again.stderr
    assert snapshot(url) == expected


def test_a_read_only_database_is_reported_and_left_whole(small_disk, clean_run):
    mount, remount = small_disk
    files, expected = clean_run
    url = f"sqlite:///{mount / 'ro.db'}"
    assert ingest(url, *files[:20], fast=True).returncode == 0
    before = hashlib.sha256((mount / "ro.db").read_bytes()).hexdigest()
    remount("ro")
    refused = ingest(url, *files, fast=True)
    assert refused.returncode != 0
    one_line_error(refused.stderr, str(mount / "ro.db"))
    assert hashlib.sha256((mount / "ro.db").read_bytes()).hexdigest() == before
    remount("rw,size=64m")
    again = ingest(url, *files, fast=True)
    assert again.returncode == 0, again.stderr
    assert snapshot(url) == expected


@pytest.mark.parametrize("backend", BACKENDS)
def test_sigkill_at_random_points_then_rerun_equals_a_clean_run(tmp_path, clean_run, backend):
    files, expected = clean_run
    url = fresh_url(backend, tmp_path)
    rng = random.Random(8)
    kills = []
    for at in sorted(rng.sample(range(3, len(expected["articles"]) - 5), 2)):
        running = ingest(url, *files, wait=False, fast=True)
        wait_for(url, at, running)
        time.sleep(rng.uniform(0, 0.3))  # land anywhere: reading, analysing, inside a transaction
        os.killpg(running.pid, signal.SIGKILL)
        running.wait(timeout=60)
        kills.append(count(url))
    assert kills == sorted(kills) and kills[-1] < len(expected["articles"]), kills
    again = ingest(url, *files, fast=True)
    assert again.returncode == 0, again.stderr
    assert snapshot(url) == expected


@pytest.mark.skipif(not PG_ADMIN, reason="CROSSFLOOR_TEST_PG is not set")
def test_postgresql_restarted_mid_ingest_loses_nothing(tmp_path, clean_run):
    if "localhost" not in PG_ADMIN or not shutil.which("service"):
        pytest.skip("the PostgreSQL server is not one this test can restart")
    files, expected = clean_run
    url = fresh_url("postgresql", tmp_path)
    running = ingest(url, *files, wait=False, fast=True, stderr=tmp_path / "err.txt")
    assert 15 <= wait_for(url, 15, running) < len(expected["articles"])
    subprocess.run(["service", "postgresql", "restart"], check=True, capture_output=True, timeout=120)
    assert running.wait(timeout=600) == 0, (tmp_path / "err.txt").read_text()
    assert snapshot(url) == expected


def crossfloor(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "crossfloor.cli", *args], cwd=ROOT, capture_output=True, text=True, timeout=300)


@pytest.mark.parametrize("where", ["header", "pages"])
def test_a_corrupted_sqlite_file_gives_one_clear_line_and_is_not_touched(tmp_path, clean_run, where):
    files, _ = clean_run
    path = tmp_path / "broken.db"
    assert ingest(f"sqlite:///{path}", *files[:10], fast=True).returncode == 0
    data = bytearray(path.read_bytes())
    rng = random.Random(3)
    at = 0 if where == "header" else len(data) // 2
    data[at : at + 4096] = bytes(rng.randrange(256) for _ in range(4096))
    path.write_bytes(bytes(data))
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    for command in (("quotes", "--db", str(path)), ("people", "--db", str(path)), ("search", "minister", "--db", str(path))):
        done = crossfloor(*command)
        assert "Traceback" not in done.stderr, done.stderr
        if done.returncode != 0:
            one_line_error(done.stderr, str(path))
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before
    if where == "header":
        refused = ingest(f"sqlite:///{path}", *files[10:20], fast=True)
        one_line_error(refused.stderr, str(path), "not a database")
        assert hashlib.sha256(path.read_bytes()).hexdigest() == before


def test_serve_under_load_answers_every_request(tmp_path, clean_run):
    """wrk against `crossfloor serve` (search and person pages) for a few seconds: no errors.
    The figures on the whole BBC corpus come from `crossfloor bench --load DB`."""
    if not shutil.which("wrk"):
        pytest.skip("wrk is not installed (apt install wrk)")
    files, _ = clean_run
    url = fresh_url("sqlite", tmp_path)
    assert ingest(url, *files[:40], fast=True).returncode == 0
    out = tmp_path / "load.json"
    done = crossfloor("bench", "--load", url, "--seconds", "2", "--connections", "4", "--json", str(out))
    assert done.returncode == 0, done.stderr
    groups = {g["group"]: g for g in json.loads(out.read_text())["load"]}
    assert set(groups) == {"search", "person"}
    for g in groups.values():
        assert g["requests"] > 20 and g["non_2xx"] == 0 and g["socket_errors"] == 0 and 0 < g["p99_ms"] < 300, g
