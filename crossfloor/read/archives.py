"""Compressed files and web archives, read as streams: gzip, bzip2, xz and Zstandard around any
format crossfloor reads (JSON Lines are read a line at a time, so a 35-million-word archive
never sits in memory), and WARC files (CC-NEWS, the Internet Archive) record by record through
warcio, each HTML response read as a page is, with its URL and date from the record."""

from __future__ import annotations

import bz2
import gzip
import io
import lzma
from collections.abc import Iterator
from pathlib import Path
from typing import IO

import zstandard

from .checks import Unreadable, one_line

COMPRESSIONS = {".gz": "gzip", ".gzip": "gzip", ".bz2": "bzip2", ".xz": "xz", ".zst": "zstd", ".zstd": "zstd"}
WARC_SUFFIXES = (".warc", ".arc") + tuple(f"{kind}{packed}" for kind in (".warc", ".arc") for packed in COMPRESSIONS)
# The longest header line (of a WARC record or of the HTTP response inside it) read: warcio reads
# a line whole, so a 400 MB one would take gigabytes. Real header lines are under 8 KiB (web
# servers refuse longer ones); a longer one ends the file's reading with a skip saying where.
HEADER_LINE_BYTES = 64 * 1024


def compression_of(path: Path) -> str | None:
    return COMPRESSIONS.get(path.suffix.lower())


def inner_suffix(path: Path) -> str:
    """'articles.jsonl.gz' -> '.jsonl' (the format inside the compression)."""
    return Path(path.stem).suffix.lower() if compression_of(path) else path.suffix.lower()


def is_warc(path: Path) -> bool:
    return path.name.lower().endswith(WARC_SUFFIXES)


def open_decompressed(path: Path) -> IO[bytes]:
    """A binary stream of the file's decompressed bytes."""
    kind = compression_of(path)
    if kind == "gzip":
        return gzip.open(path, "rb")
    if kind == "bzip2":
        return bz2.open(path, "rb")
    if kind == "xz":
        return lzma.open(path, "rb")
    if kind == "zstd":
        return io.BufferedReader(zstandard.ZstdDecompressor().stream_reader(path.open("rb"), closefd=True))
    return path.open("rb")


def read_bounded(stream: IO[bytes], max_bytes: int) -> bytes:
    """At most max_bytes of a stream; more is 'too large' (a small file can decompress to
    gigabytes)."""
    data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise Unreadable(f"decompresses to more than {max_bytes / 1e6:g} MB (the --max-mb limit; raise it with --max-mb)")
    return data


DECOMPRESSION_ERRORS = (OSError, EOFError, lzma.LZMAError, ValueError, zstandard.ZstdError)


def warc_pages(path: Path, max_bytes: int) -> Iterator[tuple[str, bytes, str | None, str | None] | Unreadable]:
    """(where, the HTML bytes, url, date) for each HTML response of a WARC file, or an
    Unreadable for a response that is not HTML, too large or damaged."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    # warcio reads gzip members itself (record by record); other compressions are a stream.
    with path.open("rb") if compression_of(path) == "gzip" else open_decompressed(path) as stream:
        number = 0
        try:
            for record in capped_records(stream):
                if record.rec_type != "response":
                    continue
                number += 1
                yield warc_page(record, f"{path}#{number}", max_bytes)
        except (ArchiveLoadFailed, *DECOMPRESSION_ERRORS, AttributeError, KeyError, IndexError, TypeError) as err:
            # warcio meets hostile records here (a response without a WARC-Target-URI is an
            # AttributeError inside it); the records after a damaged one cannot be found.
            yield Unreadable(f"{path}#{number + 1}: not a readable WARC record ({type(err).__name__}: {one_line(str(err))[:200]})")


class HeaderLineTooLong(ValueError):
    """A WARC or HTTP header line longer than HEADER_LINE_BYTES."""


def capped_records(stream: IO[bytes]):
    """warcio's records of a stream, with every header line read through CappedLines."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.bufferedreaders import DecompressingBufferedReader

    class CappedLines(DecompressingBufferedReader):
        """warcio's reader, whose lines (headers and the blank lines between records) are read
        up to HEADER_LINE_BYTES; a longer one is HeaderLineTooLong, not gigabytes in memory."""

        def readline(self, length=None):
            wanted = min(length, HEADER_LINE_BYTES + 1) if length else HEADER_LINE_BYTES + 1
            line = b""
            while len(line) < wanted and not line.endswith(b"\n"):
                piece = super().readline(wanted - len(line))
                if not piece:
                    break
                line += piece
            if len(line) > HEADER_LINE_BYTES and not line.endswith(b"\n"):
                raise HeaderLineTooLong(f"a header line longer than {HEADER_LINE_BYTES // 1024} KiB")
            return line

    records = ArchiveIterator(stream)
    records.reader = CappedLines(records.fh, block_size=records.reader.block_size)
    return records


def warc_page(record, where: str, max_bytes: int):
    url = record.rec_headers.get_header("WARC-Target-URI")
    date = record.rec_headers.get_header("WARC-Date")
    kind = (record.http_headers.get_header("Content-Type") if record.http_headers else None) or ""
    if "html" not in kind.lower():
        return Unreadable(f"{where}: not an HTML page ({kind.split(';')[0] or 'no content type'}; {url})")
    try:
        return where, read_bounded(record.content_stream(), max_bytes), url, date
    except Unreadable as err:
        return Unreadable(f"{where}: {err}")
