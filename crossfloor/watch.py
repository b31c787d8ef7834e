"""Follow feeds: every so often, fetch each feed (a 304 when it has not changed), fetch the pages
it links that were not fetched before, store them as `ingest` does (once each), and alert on
the new events they report. What was fetched, what each server said of it, the pages still to
fetch and which alerts were delivered live in the database, so a watch stopped with Ctrl-C (or
killed) goes on where it was."""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select, update

from . import alerts
from .ingest import IngestReport, ingest
from .read import ReadOptions, fetch_skip, is_url, page_articles
from .read.web import PAGE_TYPES, Fetched, Fetcher, FetchProblem, feed_links
from .store.database import Database
from .store.schema import WebResourceRow
from .store.chunks import in_chunks

EVERY = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(s|m|h)?\s*$", re.I)
# A page that answered this is not asked again; other failures are tried in the next round.
FINAL_STATUSES = (401, 403, 404, 410, 451)
# Failures that will not mend, with the status they are remembered by. A robots.txt that could
# not be had is not among them (the fetcher says "try later", never "disallows").
FINAL_PROBLEMS = (("disallows", 403), ("content type", 415), ("larger than", 413), ("redirects", 310), ("only http", 400), ("not a valid url", 400), ("refused:", 403))
# A page whose failures may mend (no answer, a server error, robots.txt unreachable) is tried in
# this many rounds, then left: a dead link is not asked for ever.
MAX_PAGE_TRIES = 5
URL_CHARS = 2000  # what web_resources.url holds; a longer link is skipped
TITLE_CHARS = 1000
# Floors for the intervals (see docs/reliability.md): below them a watch is a load test.
MIN_EVERY = 60.0
MIN_HOST_INTERVAL = 0.5

Link = tuple[str, str | None, str | None]  # url, title, published YYYY-MM-DD


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


def check_intervals(every: float, host_interval: float, once: bool) -> None:
    """Refuse intervals under the floors (one line) rather than clamp them: a value the user
    gave and we changed silently would be a surprise; --every does not matter with --once."""
    if not once and every < MIN_EVERY:
        raise WatchProblem(f"--every must be at least {MIN_EVERY:g} s (one round a minute), not {every:g} s; use --once for a single round")
    if host_interval < MIN_HOST_INTERVAL:
        raise WatchProblem(f"--host-interval must be at least {MIN_HOST_INTERVAL:g} s between two requests to one host, not {host_interval:g} s")


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
        settle: list[Callable[[], None]] = []
        ingest([], self.db, self.options, processes=self.processes, items=self.articles(urls, done, settle), on_skip=lambda s: self.log(f"skipped: {s}"), report=done.report)
        # Only now, with their articles stored, are the pages marked as fetched (and a page given
        # itself its ETag saved): a round stopped part-way fetches them again, and storing by
        # content keeps each article once.
        for action in settle:
            action()
        if self.targets.names():
            done.queued = alerts.queue(self.db, self.targets)
            done.delivered = alerts.deliver(self.db, self.targets, self.log)
        return done

    def articles(self, urls: list[str], done: Round, settle: list[Callable[[], None]]) -> Iterator:
        for url in urls:
            done.feeds += 1
            got = self.look_at(url, done)
            if got is not None and got.status != 304 and not got.is_feed:  # a page given itself: this answer is its article
                yield from page_articles(got, self.options, None, None)
                settle.append(lambda url=url, got=got: self.remember(url, "feed", got.status, got.etag, got.last_modified))
                continue
            for link, title, day in self.waiting(url):
                done.pages += 1
                yield from self.page(link, title, day, settle)

    def look_at(self, url: str, done: Round) -> Fetched | None:
        """Fetch the feed (a 304 when unchanged); a feed's new links are recorded as pending pages
        in the transaction that saves its ETag, so none is lost to a 304 after a stop."""
        known = self.resource(url)
        try:
            got = self.fetcher.fetch(url, known.etag if known else None, known.last_modified if known else None)
        except FetchProblem as problem:
            self.log(f"skipped: {problem}")
            return None
        if got.status == 304:
            done.unchanged += 1
            self.remember(url, "feed", 304, None, None)
        elif got.is_feed:
            self.record_feed(url, got, feed_links(got.content, got.url))
        return got

    def page(self, link: str, title: str | None, day: str | None, settle: list[Callable[[], None]]) -> Iterator:
        """The page's article; a page that cannot be had now (no answer, a server error) is
        asked again next round (up to MAX_PAGE_TRIES), one that never will be (404, robots.txt
        disallows it, not a page, too large) is not."""
        try:
            got = self.fetcher.fetch(link, kinds=PAGE_TYPES)
        except FetchProblem as problem:
            yield fetch_skip(link, problem)
            status = final_status(str(problem))
            settle.append(lambda: self.settle(link, status))
            return
        yield from page_articles(got, self.options, title, day)
        settle.append(lambda: self.settle(link, 200))

    # ---- what was fetched --------------------------------------------------------------------
    def resource(self, url: str) -> WebResourceRow | None:
        with self.db.sessions() as session:
            return session.scalar(select(WebResourceRow).where(WebResourceRow.url == url))

    def waiting(self, feed: str) -> list[Link]:
        """The feed's pages still to fetch, in the order they were listed."""
        pending = (WebResourceRow.kind == "page", WebResourceRow.status.is_(None), WebResourceRow.attempts < MAX_PAGE_TRIES)
        with self.db.sessions() as session:
            feed_id = select(WebResourceRow.id).where(WebResourceRow.url == feed).scalar_subquery()
            rows = session.execute(select(WebResourceRow.url, WebResourceRow.title, WebResourceRow.published).where(WebResourceRow.feed_id == feed_id, *pending).order_by(WebResourceRow.id)).all()
        return [(url, title, published) for url, title, published in rows]

    def record_feed(self, url: str, got: Fetched, links: list[Link]) -> None:
        """The feed's answer and its links not seen before (as pending pages), in one transaction."""
        fitting = {link: (title, day) for link, title, day in links if len(link) <= URL_CHARS}
        for link, _, _ in links:
            if link not in fitting:
                self.log(f"skipped: a link of {url} longer than {URL_CHARS} characters ({link[:80]}...)")

        def save(session) -> None:
            feed = self.saved(session, url, "feed", got.status, got.etag, got.last_modified)
            session.flush()
            ordered = list(fitting)
            known = {u for query in in_chunks(select(WebResourceRow.url), WebResourceRow.url, ordered) for u in session.scalars(query)}
            for link in ordered:
                if link not in known:
                    title, day = fitting[link]
                    session.add(WebResourceRow(url=link, kind="page", feed_id=feed.id, title=title[:TITLE_CHARS] if title else None, published=day, attempts=0))

        self.db.in_transaction(save, f"{url}: remembering its links")

    def settle(self, link: str, status: int | None) -> None:
        """A page fetched (200), failed for good (its status) or for now (None: one try more)."""
        values = {"status": status} if status is not None else {"attempts": WebResourceRow.attempts + 1}
        self.db.in_transaction(lambda session: session.execute(update(WebResourceRow).where(WebResourceRow.url == link).values(checked_at=alerts.now(), **values)), f"{link}: remembering")

    def remember(self, url: str, kind: str, status: int, etag: str | None, last_modified: str | None) -> None:
        self.db.in_transaction(lambda session: self.saved(session, url, kind, status, etag, last_modified), f"{url}: remembering")

    @staticmethod
    def saved(session, url: str, kind: str, status: int, etag: str | None, last_modified: str | None) -> WebResourceRow:
        row = session.scalar(select(WebResourceRow).where(WebResourceRow.url == url))
        if row is None:
            row = WebResourceRow(url=url, kind=kind, attempts=0)
            session.add(row)
        row.status, row.checked_at = status, alerts.now()
        if status != 304:
            row.etag, row.last_modified = etag, last_modified
        return row

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

