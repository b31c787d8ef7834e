"""Read articles from files, folders (recursively), JSON Lines, feeds and stdin, lazily.

Every input yields either an Article or a Skipped(source, reason); nothing here raises for bad
input, so a batch always goes on with the rest. Work is bounded before it starts: a file larger
than the limit is not read, JSON Lines are read a line at a time with the limit per article, a
device, pipe or socket is read only when named and then only up to the limit and for a while,
and a folder's symbolic links to files outside it are skipped unless the user asks for them.
"""

from __future__ import annotations

import os
import stat
import sys
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ..schema import Article
from .archives import (
    DECOMPRESSION_ERRORS,
    compression_of,
    inner_suffix,
    is_warc,
    open_decompressed,
    read_bounded,
    warc_pages,
)
from .checks import Skipped, Unreadable, check_size, check_text, decode, one_line, storable, storable_article
from .formats import from_feed, from_html, from_jsonl, from_text, parse_date
from .streams import jsonl_lines, read_special
from .web import PAGE_TYPES, Fetched, Fetcher, FetchProblem, feed_links, shown

TEXT_SUFFIXES = {".txt", ".text", ".md", ""}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson", ".json"}
FEED_SUFFIXES = {".rss", ".atom", ".xml", ".feed"}
KNOWN_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES | FEED_SUFFIXES


def readable_name(path: Path) -> bool:
    """A file a folder's reading takes: a known format, compressed or not, or a web archive."""
    return is_warc(path) or inner_suffix(path) in KNOWN_SUFFIXES and (compression_of(path) is not None or path.suffix.lower() in KNOWN_SUFFIXES)

__all__ = ["Article", "ReadOptions", "Skipped", "iter_articles", "expand_paths"]


@dataclass
class ReadOptions:
    max_bytes: int = 20_000_000
    published: date | None = None  # for articles that carry no date
    outlet: str | None = None  # for articles that carry no outlet
    check_language: bool = True
    follow_links: bool = False  # read a folder's links to files outside it
    special_seconds: float = 30.0  # how long a pipe or device named on the command line is read
    allow_private: bool = False  # fetch urls on loopback, private and link-local addresses too


def expand_paths(paths: Iterable[str], follow_links: bool = False, passed_over: Counter[str] | None = None) -> Iterator[Path | str | Skipped]:
    """Files as given, folders recursively (hidden files skipped, sorted), '-' for stdin. In a
    folder, links to files outside it and anything that is not a regular file (a pipe, a device,
    a socket) are skipped with their reason; files in no format crossfloor reads (a .pdf) are
    passed over, and counted by suffix in `passed_over` so that the user hears of them."""
    for raw in paths:
        if raw == "-":
            yield "-"
            continue
        path = Path(raw)
        if path.is_dir():
            yield from folder_files(path, follow_links, Counter() if passed_over is None else passed_over)
        else:
            yield path


def folder_files(root: Path, follow_links: bool, passed_over: Counter[str]) -> Iterator[Path | Skipped]:
    base = root.resolve()
    for folder, dirs, files in os.walk(root, followlinks=follow_links):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            child = Path(folder) / name
            if name.startswith("."):
                continue
            if not readable_name(child):
                passed_over[child.suffix.lower() or child.name] += 1
                continue
            problem = folder_entry_problem(child, base, follow_links)
            if problem:
                yield Skipped(str(child), problem)
            else:
                yield child


def folder_entry_problem(child: Path, base: Path, follow_links: bool) -> str | None:
    """Why a folder's entry is not read, if it is not."""
    try:
        target = child.resolve()
        mode = child.stat().st_mode
    except (OSError, RuntimeError):
        return "a broken symbolic link" if child.is_symlink() else "cannot be read"
    if not follow_links and not target.is_relative_to(base):
        return f"a symbolic link to {target}, outside the folder (give --follow-links to read it)"
    if not stat.S_ISREG(mode):
        return "not a regular file (a pipe, a device or a socket); name it on the command line to read it"
    return None


def sniff(data: bytes, suffix: str) -> str:
    """The format of an input: by suffix, else by its first bytes."""
    suffix = suffix.lower()
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in JSONL_SUFFIXES:
        return "jsonl"
    if suffix in FEED_SUFFIXES:
        return "feed"
    head = data[:2048].lstrip().lower()
    if head.startswith(b"{"):
        return "jsonl"
    if head.startswith(b"<?xml") and (b"<rss" in head or b"<feed" in head) or head.startswith((b"<rss", b"<feed")):
        return "feed"
    if head.startswith((b"<!doctype html", b"<html")) or b"<body" in head:
        return "html"
    return "text"


def _apply_defaults(article: Article, options: ReadOptions) -> Article:
    article.published = article.published or options.published
    article.outlet = article.outlet or options.outlet
    return article


def _finish(article: Article, options: ReadOptions) -> Article | Skipped:
    article = storable_article(article)
    try:
        if options.check_language:
            check_text(article.text)
        elif not article.text.strip():
            raise Unreadable("no text")
    except Unreadable as err:
        return Skipped(article.source or "?", str(err))
    return _apply_defaults(article, options)


def read_source(path: Path | str, options: ReadOptions) -> Iterator[Article | Skipped]:
    name = "<stdin>" if path == "-" else str(path)
    try:
        if path == "-":
            data = sys.stdin.buffer.read(options.max_bytes + 1)
            check_size(len(data), options.max_bytes)
            suffix = ""
        else:
            if not path.exists():
                raise Unreadable("no such file or folder")
            info = path.stat()
            if stat.S_ISREG(info.st_mode) and (is_warc(path) or inner_suffix(path) in JSONL_SUFFIXES or compression_of(path)):
                yield from read_packed(path, options)
                return
            if stat.S_ISREG(info.st_mode):
                check_size(info.st_size, options.max_bytes)
                data = path.read_bytes()
            else:  # a device, pipe or socket, named on purpose: read within the limits
                data = read_special(path, options.max_bytes, options.special_seconds)
            suffix = path.suffix
    except Unreadable as err:
        yield Skipped(name, str(err))
        return
    except OSError as err:
        yield Skipped(name, f"cannot read ({err.strerror or err})")
        return
    yield from read_bytes(data, name, suffix, options)


def read_packed(path: Path, options: ReadOptions) -> Iterator[Article | Skipped]:
    """JSON Lines (a line at a time), compressed files (as streams) and web archives (record by
    record); damage part-way is a skip saying where, after what was read before it."""
    name = str(path)
    try:
        if is_warc(path):
            yield from read_warc(path, options)
        elif inner_suffix(path) in JSONL_SUFFIXES:
            with open_decompressed(path) as stream:
                yield from read_jsonl_stream(stream, name, options)
        else:
            with open_decompressed(path) as stream:
                data = read_bounded(stream, options.max_bytes)
            yield from read_bytes(data, name, inner_suffix(path), options)
    except Unreadable as err:
        yield Skipped(name, one_line(str(err)))
    except DECOMPRESSION_ERRORS as err:
        yield Skipped(name, f"cannot decompress it ({type(err).__name__}: {one_line(str(err))})")


def read_warc(path: Path, options: ReadOptions) -> Iterator[Article | Skipped]:
    for page in warc_pages(path, options.max_bytes):
        if isinstance(page, Unreadable):
            yield skip_of(page)
            continue
        where, data, url, day = page
        for item in read_bytes(data, where, ".html", options):
            if not isinstance(item, Skipped):
                item.url = url or item.url
                item.published = parse_date(day) or item.published
            yield item


def read_jsonl_stream(stream, name: str, options: ReadOptions) -> Iterator[Article | Skipped]:
    """A JSON Lines stream a line at a time, however large: the size limit holds per article."""
    for number, line in jsonl_lines(stream, options.max_bytes):
        if isinstance(line, Unreadable):
            yield Skipped(f"{name}:{number}", one_line(str(line)))
            continue
        warnings: list[str] = []
        try:
            text = decode(line, f"{name}:{number}", warnings)
        except Unreadable as err:
            yield Skipped(f"{name}:{number}", one_line(str(err)))
            continue
        for item in from_jsonl(iter([text]), name, first=number):
            if isinstance(item, Unreadable):
                yield skip_of(item)
            else:
                item.warnings.extend(warnings)
                yield _finish(item, options)


def read_bytes(data: bytes, name: str, suffix: str, options: ReadOptions) -> Iterator[Article | Skipped]:
    """The articles in some bytes (a file's, an upload's), whatever their format."""
    try:
        check_size(len(data), options.max_bytes)
        kind = sniff(data, suffix)
        if kind == "feed":
            items: Iterable = from_feed(data, name)
        else:
            warnings: list[str] = []
            text = decode(data, name, warnings)
            if kind == "jsonl":
                items = from_jsonl(iter(text.splitlines()), name)
            else:
                article = from_html(text, name) if kind == "html" else from_text(text, name)
                article.warnings.extend(warnings)
                items = [article]
        for item in items:
            if isinstance(item, Unreadable):
                yield skip_of(item)
            else:
                yield _finish(item, options)
    except Unreadable as err:
        yield Skipped(name, one_line(str(err)))
    except Exception as err:  # noqa: BLE001 - third-party parsers meet hostile input here
        yield Skipped(name, f"cannot parse it ({type(err).__name__}: {one_line(str(err))})")


def skip_of(problem: Unreadable) -> Skipped:
    """A problem that names where it is ('file.jsonl:12: reason') as a skip of that place."""
    where, _, reason = str(problem).partition(": ")
    return Skipped(where, one_line(reason))


def fetch_skip(url: str, problem: FetchProblem) -> Skipped:
    return Skipped(shown(url), problem.reason)


def is_url(raw) -> bool:
    return isinstance(raw, str) and raw.lower().startswith(("http://", "https://"))


def iter_articles(paths: Iterable[str], options: ReadOptions | None = None, passed_over: Counter[str] | None = None) -> Iterator[Article | Skipped]:
    """Articles from files, folders, '-' and http(s) urls (a page, or a feed and the pages it
    links), in the order given; `passed_over` counts a folder's files that are in no format
    crossfloor reads, by suffix (see expand_paths)."""
    options = options or ReadOptions()
    fetcher = None
    try:
        for raw in paths:
            if is_url(raw):
                fetcher = fetcher or Fetcher(max_bytes=options.max_bytes, allow_private=options.allow_private)
                yield from read_url(raw, fetcher, options)
                continue
            for path in expand_paths([raw], options.follow_links, passed_over):
                if isinstance(path, Skipped):
                    yield path
                else:
                    yield from read_source(path, options)
    finally:
        if fetcher is not None:
            fetcher.close()


def read_url(url: str, fetcher: Fetcher, options: ReadOptions) -> Iterator[Article | Skipped]:
    """A page, or a feed and each page it links, fetched within the fetcher's limits."""
    try:
        got = fetcher.fetch(url)
    except FetchProblem as problem:
        yield fetch_skip(url, problem)
        return
    if not got.is_feed:
        yield from page_articles(got, options)
        return
    for link, title, day in feed_links(got.content, got.url):
        yield from read_page(link, fetcher, options, title, day)


def read_page(link: str, fetcher: Fetcher, options: ReadOptions, title: str | None = None, day: str | None = None) -> Iterator[Article | Skipped]:
    try:
        page = fetcher.fetch(link, kinds=PAGE_TYPES)
    except FetchProblem as problem:
        yield fetch_skip(link, problem)
        return
    yield from page_articles(page, options, title, day)


def page_articles(page: Fetched, options: ReadOptions, title: str | None = None, day: str | None = None) -> Iterator[Article | Skipped]:
    """A fetched page read as HTML, with its url, and the title and date its feed gave when
    the page gives none."""
    for item in read_bytes(page.content, page.url, ".html", options):
        if not isinstance(item, Skipped):
            item.url = item.url or page.url
            item.title = item.title or storable(title)
            item.published = item.published or parse_date(day)
        yield item
