"""Compressed files and WARC archives read as streams, record by record; what cannot be read is a
skip with its reason, never silence."""

import bz2
import gzip
import io
import json
import lzma
import os

import psutil
import pytest
import zstandard

from crossfloor.read import ReadOptions, Skipped, iter_articles
from tests.conftest import shared_file

STORIES = [
    "Minister quits\n\nThe transport minister, Ann Lee, has resigned from the government, saying the rail plan had failed commuters for years.",
    "Councillor defects\n\nCouncillor Sam Reed has defected from Labour to the Liberal Democrats, saying the party had lost its way on housing.",
]
LINES = "".join(json.dumps({"id": f"s{k}", "text": t, "published": "2024-05-0%d" % (k + 1)}) + "\n" for k, t in enumerate(STORIES)).encode()
PACK = {".gz": gzip.compress, ".bz2": bz2.compress, ".xz": lzma.compress, ".zst": lambda b: zstandard.ZstdCompressor().compress(b)}


def read(paths, **options):
    return list(iter_articles([str(p) for p in paths], ReadOptions(**options)))


@pytest.mark.parametrize("suffix", sorted(PACK))
def test_compressed_json_lines_and_text_are_read(tmp_path, suffix):
    (tmp_path / f"a.jsonl{suffix}").write_bytes(PACK[suffix](LINES))
    (tmp_path / f"b.txt{suffix}").write_bytes(PACK[suffix](STORIES[0].replace("Ann Lee", "Bo Reyes").encode()))
    items = read([tmp_path])
    assert not any(isinstance(i, Skipped) for i in items), items
    assert sorted(i.id or i.source.rsplit("/", 1)[-1] for i in items) == sorted(["s0", "s1", f"b.txt{suffix}"])
    assert {str(i.published) for i in items if i.id} == {"2024-05-01", "2024-05-02"}


def test_a_truncated_archive_keeps_what_came_before_and_says_where_it_broke(tmp_path):
    whole = gzip.compress(LINES * 200)
    (tmp_path / "cut.jsonl.gz").write_bytes(whole[: len(whole) // 2])
    items = read([tmp_path / "cut.jsonl.gz"])
    assert sum(1 for i in items if not isinstance(i, Skipped)) > 10
    assert isinstance(items[-1], Skipped) and "decompress" in items[-1].reason


def test_a_small_file_that_decompresses_to_too_much_is_refused(tmp_path):
    (tmp_path / "bomb.txt.gz").write_bytes(gzip.compress(b"a" * 30_000_000))
    items = read([tmp_path / "bomb.txt.gz"], max_bytes=1_000_000)
    assert len(items) == 1 and isinstance(items[0], Skipped) and "more than 1 MB" in items[0].reason


def page(title: str, body: str) -> bytes:
    return f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1><p>{body}</p><p>{body}</p></article></body></html>".encode()


def write_warc(path):
    """A small crawl; '.warc.bz2', '.warc.xz' and '.warc.zst' are a plain WARC compressed whole."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    packed = PACK.get(path.suffix) if path.suffix != ".gz" else None
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=path.name.endswith(".gz"))
    writer.write_record(writer.create_warc_record("http://news.example/", "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n")))
    pages = [
        ("https://news.example/politics/lee-quits", "2024-05-01T10:00:00Z", "text/html; charset=utf-8", page("Minister quits", STORIES[0].split("\n\n")[1])),
        ("https://news.example/logo.png", "2024-05-01T10:00:01Z", "image/png", b"\x89PNG\r\n"),
        ("https://news.example/politics/reed-defects", "2024-05-02T09:30:00Z", "text/html", page("Councillor defects", STORIES[1].split("\n\n")[1])),
    ]
    for url, day, kind, body in pages:
        headers = StatusAndHeaders("200 OK", [("Content-Type", kind)], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers, warc_headers_dict={"WARC-Date": day}))
    path.write_bytes(packed(out.getvalue()) if packed else out.getvalue())


@pytest.mark.parametrize("name", ["crawl.warc", "crawl.warc.gz", "crawl.warc.bz2", "crawl.warc.xz", "crawl.warc.zst"])
def test_a_warc_file_is_read_record_by_record(tmp_path, name):
    write_warc(tmp_path / name)
    items = read([tmp_path])
    articles = [i for i in items if not isinstance(i, Skipped)]
    skipped = [i for i in items if isinstance(i, Skipped)]
    assert [a.url for a in articles] == ["https://news.example/politics/lee-quits", "https://news.example/politics/reed-defects"]
    assert [str(a.published) for a in articles] == ["2024-05-01", "2024-05-02"]
    assert "Ann Lee" in articles[0].text and articles[0].source.endswith(f"{name}#1")
    assert len(skipped) == 1 and "not an HTML page (image/png" in skipped[0].reason and skipped[0].source.endswith("#2")


def test_the_allsides_archive_streams_with_flat_memory():
    """All 36,056 articles of the gzip JSON Lines corpus, read as a stream (the language check is
    left out here only to keep the test short; ingest runs it)."""
    archive = shared_file("corpora", "allsides", "articles.jsonl.gz")
    process = psutil.Process()
    count, early = 0, None
    for item in iter_articles([str(archive)], ReadOptions(check_language=False)):
        assert not isinstance(item, Skipped), item
        count += 1
        if count == 2000:
            early = process.memory_info().rss
    assert count == 36056
    assert process.memory_info().rss - early < 30_000_000


@pytest.mark.parametrize("name", ["long.warc", "long.warc.gz"])
def test_a_huge_warc_header_line_is_a_skip_within_the_header_cap(tmp_path, name):
    import tracemalloc

    from crossfloor.read.archives import HEADER_LINE_BYTES

    packed = gzip.compress if name.endswith(".gz") else bytes
    good = tmp_path / ("good" + name.removeprefix("long"))
    write_warc(good)
    long_line = b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: http://x/" + os.urandom(10_000_000).hex().encode() + b"\r\n\r\n"
    (tmp_path / name).write_bytes(good.read_bytes() + packed(long_line))
    tracemalloc.start()
    items = read([tmp_path / name])
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert [i.url for i in items if not isinstance(i, Skipped)] == ["https://news.example/politics/lee-quits", "https://news.example/politics/reed-defects"]
    assert isinstance(items[-1], Skipped) and f"header line longer than {HEADER_LINE_BYTES // 1024} KiB" in items[-1].reason, items[-1]
    assert peak < 8_000_000  # the 20 MB line is never held whole


def test_a_response_record_without_a_target_uri_is_a_skip(tmp_path):
    write_warc(tmp_path / "good.warc")
    bare = b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 4\r\n\r\nabcd\r\n\r\n"  # found by fuzz/fuzz_archives.py
    (tmp_path / "bare.warc").write_bytes((tmp_path / "good.warc").read_bytes() + bare)
    items = read([tmp_path / "bare.warc"])
    assert len([i for i in items if not isinstance(i, Skipped)]) == 2
    assert isinstance(items[-1], Skipped) and "not a readable WARC record (AttributeError" in items[-1].reason, items[-1]
