"""Read articles from files, folders (recursively), JSON Lines, feeds and stdin, lazily.

Every input yields either an Article or a Skipped(source, reason); nothing here raises for bad
input, so a batch always goes on with the rest.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ..records import Article
from .checks import Skipped, Unreadable, check_size, check_text, decode
from .formats import from_feed, from_html, from_jsonl, from_text

TEXT_SUFFIXES = {".txt", ".text", ".md", ""}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson", ".json"}
FEED_SUFFIXES = {".rss", ".atom", ".xml", ".feed"}
KNOWN_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES | FEED_SUFFIXES

__all__ = ["Article", "ReadOptions", "Skipped", "iter_articles", "expand_paths"]


@dataclass
class ReadOptions:
    max_bytes: int = 20_000_000
    published: date | None = None  # for articles that carry no date
    outlet: str | None = None  # for articles that carry no outlet
    check_language: bool = True


def expand_paths(paths: Iterable[str]) -> Iterator[Path | str]:
    """Files as given, folders recursively (hidden files skipped, sorted), '-' for stdin."""
    for raw in paths:
        if raw == "-":
            yield "-"
            continue
        path = Path(raw)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and not any(part.startswith(".") for part in child.relative_to(path).parts):
                    if child.suffix.lower() in KNOWN_SUFFIXES:
                        yield child
        else:
            yield path


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
            check_size(path.stat().st_size, options.max_bytes)
            data = path.read_bytes()
            suffix = path.suffix
    except Unreadable as err:
        yield Skipped(name, str(err))
        return
    except OSError as err:
        yield Skipped(name, f"cannot read ({err.strerror or err})")
        return
    yield from read_bytes(data, name, suffix, options)


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
                where, _, reason = str(item).partition(": ")
                yield Skipped(where, one_line(reason))
            else:
                yield _finish(item, options)
    except Unreadable as err:
        yield Skipped(name, one_line(str(err)))
    except Exception as err:  # noqa: BLE001 - third-party parsers meet hostile input here
        yield Skipped(name, f"cannot parse it ({type(err).__name__}: {one_line(str(err))})")


def one_line(message: str) -> str:
    return " ".join(message.split()) or "no detail"


def iter_articles(paths: Iterable[str], options: ReadOptions | None = None) -> Iterator[Article | Skipped]:
    options = options or ReadOptions()
    for path in expand_paths(paths):
        yield from read_source(path, options)
