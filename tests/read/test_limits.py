"""Reading within limits, whatever an input says of itself: links out of a folder, devices and
pipes, a huge JSON Lines file, and an ingest stopped with Ctrl-C saying what it stored."""

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from crossfloor.read import ReadOptions, Skipped, iter_articles
from tests.conftest import ROOT

STORY = "Minister quits\n\nThe transport minister, Ann Lee, has resigned from the government, saying the rail plan had failed commuters across the region for years."


def read(paths, **options):
    return list(iter_articles([str(p) for p in paths], ReadOptions(**options)))


def test_a_link_out_of_the_folder_is_skipped_unless_asked_for(tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    secret = outside / "secret.txt"
    secret.write_text(STORY)
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "own.txt").write_text(STORY.replace("Ann Lee", "Bo Reyes"))
    (folder / "passwd.txt").symlink_to(secret)
    (folder / "inside.txt").symlink_to(folder / "own.txt")
    items = read([folder])
    skipped = [i for i in items if isinstance(i, Skipped)]
    assert [Path(s.source).name for s in skipped] == ["passwd.txt"]
    assert "outside the folder" in skipped[0].reason and "--follow-links" in skipped[0].reason
    assert sum(1 for i in items if not isinstance(i, Skipped)) == 2  # its own file, and the link inside it
    followed = read([folder], follow_links=True)
    assert not any(isinstance(i, Skipped) for i in followed) and any("Ann Lee" in i.text for i in followed)


def test_pipes_in_a_folder_are_named_not_read(tmp_path):
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "story.txt").write_text(STORY)
    items = read([tmp_path])
    assert [type(i).__name__ for i in items] == ["Skipped", "Article"] or [type(i).__name__ for i in items] == ["Article", "Skipped"]
    assert any(isinstance(i, Skipped) and "not a regular file" in i.reason for i in items)


def test_a_device_named_on_the_command_line_is_read_only_up_to_the_limit():
    # an endless device: the read ends only because the byte limit is enforced, and says so
    items = read(["/dev/zero"], max_bytes=2_000_000)
    assert len(items) == 1 and isinstance(items[0], Skipped) and "limit" in items[0].reason


def test_a_pipe_nobody_writes_to_ends_within_its_time(tmp_path):
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    # nobody writes: the read ends only because its time-out is enforced, and says so
    items = read([pipe], special_seconds=1.0)
    assert len(items) == 1 and isinstance(items[0], Skipped) and "nothing to read" in items[0].reason


def test_a_pipe_with_a_writer_is_read(tmp_path):
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    writer = subprocess.Popen(["sh", "-c", f"sleep 0.3; printf '%s' '{STORY}' > {pipe}"])
    items = read([pipe], special_seconds=10.0)
    writer.wait(10)
    assert len(items) == 1 and not isinstance(items[0], Skipped) and "Ann Lee" in items[0].text


def test_a_large_json_lines_file_is_read_line_by_line(tmp_path):
    """50 MB in one file: its small lines are read; the one line over the limit is skipped alone."""
    path = tmp_path / "archive.jsonl"
    with path.open("w") as out:
        out.write(json.dumps({"id": "first", "text": STORY}) + "\n")
        out.write(json.dumps({"id": "huge", "text": "word " * 10_000_000}) + "\n")
        out.write(json.dumps({"id": "last", "text": STORY.replace("Ann Lee", "Cy Park")}) + "\n")
    assert path.stat().st_size > 50_000_000
    items = read([path], max_bytes=20_000_000)
    assert [i.id for i in items if not isinstance(i, Skipped)] == ["first", "last"]
    skipped = [i for i in items if isinstance(i, Skipped)]
    assert len(skipped) == 1 and skipped[0].source.endswith("archive.jsonl:2") and "too large" in skipped[0].reason


@pytest.mark.skipif(not hasattr(signal, "SIGINT"), reason="needs POSIX signals")
def stored_articles(db) -> int:
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1) as conn:
            return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    except sqlite3.Error:  # the schema is still being made
        return 0


@pytest.mark.parametrize("processes", ["1", "2"])
def test_ctrl_c_says_what_was_stored(tmp_path, processes):
    folder = tmp_path / "many"
    folder.mkdir()
    for k in range(400):
        (folder / f"{k:03}.txt").write_text(f"Story {k}\n\nThe councillor number {k}, Dana Wren{k}, said on Tuesday that the budget for the year {1900 + k} was not enough for the town.")
    db = tmp_path / "c.db"
    # As from a shell: Ctrl-C at its default, whatever the test process inherited or set (a child
    # that starts with SIGINT ignored keeps ignoring it, and the ingest would simply finish).
    process = subprocess.Popen(
        [sys.executable, "-m", "crossfloor.cli", "--fast", "ingest", str(folder), "--db", str(db), "--processes", processes, "--quiet"],
        cwd=ROOT, stderr=subprocess.PIPE, text=True, preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL), start_new_session=True,
    )
    deadline = time.monotonic() + 120
    # Interrupted once some articles are stored (read through SQLite, which WAL lets a reader do
    # while the ingest writes; the file's size lags behind until a checkpoint).
    while time.monotonic() < deadline and stored_articles(db) < 5:
        time.sleep(0.2)
    # To the whole process group, as a terminal sends it: the analysing workers get it too.
    os.killpg(process.pid, signal.SIGINT)
    _, err = process.communicate(timeout=60)
    assert process.returncode == 130, err
    line = next(line for line in err.splitlines() if line.startswith("interrupted:"))
    assert "stored" in line and "Run the same command again" in line
    assert "Traceback" not in err and "Worker" not in err, err
