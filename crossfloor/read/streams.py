"""Reading without trusting what an input says of itself: JSON Lines a line at a time with a
limit per line, and devices, pipes and sockets up to a size and for a while (they report no size,
or a false one, and a pipe may never end or never start)."""

from __future__ import annotations

import os
import select
import time
from collections.abc import Iterator
from pathlib import Path

from .checks import Unreadable

CHUNK = 1 << 16


def jsonl_lines(stream, max_bytes: int) -> Iterator[tuple[int, bytes | Unreadable]]:
    """(line number, the line's bytes) for each non-blank line of a binary stream; a line longer
    than max_bytes is passed over without being kept, as an Unreadable saying so."""
    number = 0
    while True:
        line = stream.readline(max_bytes + 1)
        if not line:
            return
        number += 1
        if len(line) > max_bytes and not line.endswith(b"\n"):
            size = len(line) + skip_rest_of_line(stream)
            yield number, Unreadable(f"line too large ({size / 1e6:.1f} MB > {max_bytes / 1e6:g} MB limit per article; raise it with --max-mb)")
            continue
        if line.strip():
            yield number, line


def skip_rest_of_line(stream) -> int:
    skipped = 0
    while True:
        chunk = stream.readline(CHUNK)
        skipped += len(chunk)
        if not chunk or chunk.endswith(b"\n"):
            return skipped


def read_special(path: Path, max_bytes: int, seconds: float) -> bytes:
    """At most max_bytes from a device, pipe or socket, within `seconds`; more is 'too large',
    nothing before the time runs out is 'nothing to read'."""
    deadline = time.monotonic() + seconds
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)  # a pipe with no writer yet must not block the open
    try:
        data = bytearray()
        while len(data) <= max_bytes:
            left = deadline - time.monotonic()
            if left <= 0:
                if not data:
                    raise Unreadable(f"nothing to read within {seconds:g} s (a pipe nobody writes to?)")
                raise Unreadable(f"still sending after {seconds:g} s ({len(data) / 1e6:.1f} MB so far); a device or pipe is read for {seconds:g} s at most")
            ready, _, _ = select.select([fd], [], [], min(left, 0.5))
            if not ready:
                continue
            chunk = os.read(fd, min(CHUNK, max_bytes + 1 - len(data)))
            if not chunk:
                if data or not path.is_fifo():
                    break
                time.sleep(0.05)  # a pipe whose writer has not opened it yet reads as empty
                continue
            data += chunk
        if len(data) > max_bytes:
            raise Unreadable(f"more than {max_bytes / 1e6:g} MB (the --max-mb limit) from a device or pipe; stopped reading there")
        return bytes(data)
    finally:
        os.close(fd)
