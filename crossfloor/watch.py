"""Follow feeds: every so often, fetch each feed (a 304 when it has not changed), fetch the pages
it links that were not fetched before, store them as `ingest` does (once each), and alert on
the new events they report. What was fetched, what each server said of it and which alerts
were delivered live in the database, so a watch stopped with Ctrl-C goes on where it was."""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select

from . import alerts
from .ingest import IngestReport, ingest
from .read import ReadOptions, fetch_skip, is_url, page_articles
from .read.web import PAGE_TYPES, Fetcher, FetchProblem, feed_links
from .store.database import Database
from .store.schema import WebResourceRow
from .store.chunks import in_chunks

EVERY = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(s|m|h)?\s*$", re.I)
# A page that answered this is not asked again; other failures are tried in the next round.
FINAL_STATUSES = (401, 403, 404, 410, 451)
# Failures that will not mend, with the status they are remembered by.
FINAL_PROBLEMS = (("robots.txt", 403), ("content type", 415), ("larger than", 413), ("redirects", 310), ("only http", 400))


def final_status(problem: str) -> int | None:
    found = re.search(r"HTTP (\d+)", problem)
    if found:
        return int(found.group(1)) if int(found.group(1)) in FINAL_STATUSES else None
    return next((status for words, status in FINAL_PROBLEMS if words in problem), None)


class WatchProblem(Exception):
    """A list of feeds that cannot be read, or an interval that makes no sense; one line."""


def seconds_of(every: str) -> float:
    """'15m' -> 900, '30s' -> 30, '2h' -> 7200, '90' -> 90."""
    match = EVERY.match(every)
    if not match:
        raise WatchProblem(f"--every must be a number of seconds, or minutes or hours (30s, 15m, 1h), not {every!r}")
    return float(match.group(1)) * {"s": 1, "m": 60, "h": 3600}[(match.group(2) or "s").lower()]


def sources_of(given: Iterable[str]) -> list[str]:
    """The feed and page urls given, and those listed in files (one a line, # for comments)."""
    urls: list[str] = []
    for item in given:
        if is_url(item):
            urls.append(item)
            continue
        try:
            lines = Path(item).read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as err:
            raise WatchProblem(f"{item}: cannot read the list of feeds ({getattr(err, 'strerror', None) or err})") from None
        listed = [line.split("#", 1)[0].strip() for line in lines]
        bad = [line for line in listed if line and not is_url(line)]
        if bad:
            raise WatchProblem(f"{item}: not an http(s) url: {bad[0]!r}")
        urls += [line for line in listed if line]
    return list(dict.fromkeys(urls))


@dataclass
class Round:
    feeds: int = 0
    unchanged: int = 0
    pages: int = 0
    report: IngestReport = field(default_factory=IngestReport)
    queued: int = 0
    delivered: int = 0


class Watcher:
    def __init__(self, db: Database, fetcher: Fetcher, options: ReadOptions, targets: alerts.Targets, log: Callable[[str], None], processes: int | None = 1):
        self.db, self.fetcher, self.options, self.targets, self.log = db, fetcher, options, targets, log
        self.processes = processes
        alerts.start_watching(db)

    # ---- one round ---------------------------------------------------------------------------
    def round(self, urls: list[str]) -> Round:
        done = Round()
        pages: list[tuple[str, int]] = []
        ingest([], self.db, self.options, processes=self.processes, items=self.articles(urls, done, pages), on_skip=lambda s: self.log(f"skipped: {s}"), report=done.report)
        # Only now, with their articles stored, are the pages marked as fetched: a round stopped
        # part-way fetches them again, and storing by content keeps each article once.
        for link, status in pages:
            self.remember(link, "page", status, None, None)
        if self.targets.names():
            done.queued = alerts.queue(self.db, self.targets)
            done.delivered = alerts.deliver(self.db, self.targets, self.log)
        return done

    def articles(self, urls: list[str], done: Round, pages: list[tuple[str, int]]) -> Iterator:
        for url in urls:
            done.feeds += 1
            for link, title, day in self.new_links(url, done):
                done.pages += 1
                yield from self.page(link, title, day, pages)

    def new_links(self, url: str, done: Round) -> list[tuple[str, str | None, str | None]]:
        known = self.resource(url)
        try:
            got = self.fetcher.fetch(url, known.etag if known else None, known.last_modified if known else None)
        except FetchProblem as problem:
            self.log(f"skipped: {problem}")
            return []
        self.remember(url, "feed", got.status, got.etag, got.last_modified)
        if got.status == 304:
            done.unchanged += 1
            return []
        links = feed_links(got.content) if got.is_feed else [(got.url, None, None)]
        seen = self.fetched({link for link, _, _ in links})
        return [entry for entry in links if entry[0] not in seen]

    def page(self, link: str, title: str | None, day: str | None, pages: list[tuple[str, int]]) -> Iterator:
        """The page's article; a page that cannot be had now (no answer, a server error) is
        asked again next round, one that never will be (404, robots.txt, not a page, too large)
        is not."""
        try:
            got = self.fetcher.fetch(link, kinds=PAGE_TYPES)
        except FetchProblem as problem:
            yield fetch_skip(link, problem)
            status = final_status(str(problem))
            if status is not None:
                pages.append((link, status))
            return
        yield from page_articles(got, self.options, title, day)
        pages.append((link, 200))

    # ---- what was fetched --------------------------------------------------------------------
    def resource(self, url: str) -> WebResourceRow | None:
        with self.db.sessions() as session:
            return session.scalar(select(WebResourceRow).where(WebResourceRow.url == url))

    def fetched(self, links: set[str]) -> set[str]:
        with self.db.sessions() as session:
            return {url for query in in_chunks(select(WebResourceRow.url).where(WebResourceRow.kind == "page"), WebResourceRow.url, links) for url in session.scalars(query)}

    def remember(self, url: str, kind: str, status: int, etag: str | None, last_modified: str | None) -> None:
        def save(session) -> None:
            row = session.scalar(select(WebResourceRow).where(WebResourceRow.url == url))
            if row is None:
                row = WebResourceRow(url=url, kind=kind)
                session.add(row)
            row.status, row.checked_at = status, alerts.now()
            if status != 304:
                row.etag, row.last_modified = etag, last_modified

        self.db.in_transaction(save, f"{url}: remembering")

    # ---- rounds on end -----------------------------------------------------------------------
    def run(self, urls: list[str], every: float, once: bool = False, patience: float = 60.0) -> Round:
        """Rounds every `every` seconds until stopped (Ctrl-C); with once, one round, then the
        failed alerts tried again for up to `patience` seconds."""
        while True:
            started = time.monotonic()
            done = self.round(urls)
            self.log(
                f"round: {done.feeds} feed(s) ({done.unchanged} unchanged), {done.pages} new page(s), stored {done.report.stored}, "
                f"{done.report.duplicates} already stored, {len(done.report.skipped)} skipped; alerts queued {done.queued}, delivered {done.delivered}"
            )
            until = started + (patience if once else every)
            self.retry_alerts(until)
            if once:
                return done
            time.sleep(max(0.0, until - time.monotonic()))

    def retry_alerts(self, until: float) -> None:
        """Deliver failed alerts as they come due, until `until` (or none is left, with once)."""
        while self.targets.names():
            wait = alerts.next_try_in(self.db)
            if wait is None or time.monotonic() + wait > until:
                return
            time.sleep(wait)
            alerts.deliver(self.db, self.targets, self.log)

