"""`crossfloor watch` against a local HTTP server started here (127.0.0.1): feeds and pages, 304s,
404s, 500s, a slow answer past the time-out, an endless redirect, a 50 MB page, a wrong content
type, robots.txt disallowing a path, and a webhook that fails twice then succeeds. Nothing lost,
nothing stored or alerted twice, across restarts."""

import json
import socket
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler

import pytest

from sqlalchemy import func, select

from crossfloor import alerts
from crossfloor.alerts import TargetProblem, Targets, redact
from crossfloor.read import ReadOptions, iter_articles
from crossfloor.read.web import Fetcher
from crossfloor.store.database import open_database
from crossfloor.store.schema import AlertRow, ArticleRow
from crossfloor.watch import MAX_PAGE_TRIES, Watcher, WatchProblem, check_intervals, final_status, seconds_of, sources_of
from tests.conftest import ROOT
from tests.databases import BACKENDS, fresh_url
from tests.servers import serving


def page(title: str, *paragraphs: str) -> bytes:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return f"<!doctype html><html><head><title>{title}</title></head><body><article><h1>{title}</h1>{body}</article></body></html>".encode()


PAGES = {
    "/news/doe-defects": page("MP defects", "Jane Doe, the MP for Hove, has defected from Labour to the Conservatives.", "Ms Doe said the party had left her behind on the economy and on schools, and that she would stand again at the next election."),
    "/news/doe-defects-again": page("Hove MP switches sides", "Jane Doe, who represents Hove, has defected from Labour to the Conservatives.", "Local members were told of the decision by email, a spokesman for the constituency party said."),
    "/news/roe-quits": page("Second MP defects", "Tom Roe, the MP for Lewes, has defected from the Conservatives to the Liberal Democrats.", "Mr Roe said he had thought about the move for months before making it public this week."),
    "/private/secret": page("Private", "Nobody should fetch this page, which robots.txt disallows for every agent."),
}


class Site:
    """The routes, and what was asked of them."""

    def __init__(self):
        self.items = ["/news/doe-defects", "/news/doe-defects-again", "/slow", "/loop", "/big", "/image", "/private/secret", "/missing", "/error"]
        self.version = 1
        self.requests: list[str] = []
        self.hooks: list[dict] = []
        self.hook_failures = 2
        self.hook_delay = 0.0  # seconds a webhook call takes, so that two watchers overlap

    def feed(self) -> bytes:
        entries = "".join(f"<item><title>{path}</title><link>{self.base}{path}</link><pubDate>Tue, 18 Jan 2022 10:00:00 GMT</pubDate></item>" for path in self.items)
        return f'<?xml version="1.0"?><rss version="2.0"><channel><title>Test news</title>{entries}</channel></rss>'.encode()


def handler_for(site: Site):
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def send(self, status: int, body: bytes = b"", kind: str = "text/html; charset=utf-8", headers: dict | None = None):
            self.send_response(status)
            self.send_header("Content-Type", kind)
            for k, v in (headers or {}).items():
                self.send_header(k, v)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def do_GET(self):  # noqa: C901 - one branch a route
            site.requests.append(self.path)
            if self.path == "/feed.xml":
                etag = f'"v{site.version}"'
                if self.headers.get("If-None-Match") == etag:
                    return self.send(304, headers={"ETag": etag})
                return self.send(200, site.feed(), "application/rss+xml", {"ETag": etag})
            if self.path == "/robots.txt":
                return self.send(200, b"User-agent: *\nDisallow: /private/\n", "text/plain")
            if self.path in PAGES:
                return self.send(200, PAGES[self.path])
            if self.path == "/slow":
                time.sleep(3)
                return self.send(200, page("Slow", "Too late."))
            if self.path == "/loop":
                self.send_response(302)
                self.send_header("Location", "/loop")
                self.end_headers()
                return None
            if self.path == "/big":
                self.send_response(200)
                self.send_header("Content-Type", "text/html")
                self.end_headers()
                try:
                    for _ in range(800):  # 50 MB, if it were all read
                        self.wfile.write(b"<p>" + b"x" * 65530 + b"</p>")
                except OSError:
                    pass
                return None
            if self.path == "/image":
                return self.send(200, b"\x89PNG\r\n", "image/png")
            if self.path == "/error":
                return self.send(500, b"oops")
            return self.send(404, b"not here")

        def do_POST(self):
            body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
            time.sleep(site.hook_delay)
            if site.hook_failures > 0:
                site.hook_failures -= 1
                return self.send(500, b"try later")
            site.hooks.append(body)
            return self.send(200, b"ok", "text/plain")

    return Handler


@pytest.fixture()
def site():
    state = Site()
    with serving(handler_for(state), state):
        yield state


def watcher(db, site, log, **targets):
    fetcher = Fetcher(max_bytes=2_000_000, timeout=1.0, host_interval=0.0, allow_private=True)  # the site is on 127.0.0.1
    return Watcher(db, fetcher, ReadOptions(max_bytes=2_000_000), Targets(**targets), log.append)


def test_watch_stores_once_alerts_once_and_says_why_it_skipped(site, tmp_path):
    db = open_database(f"sqlite:///{tmp_path / 'watch.db'}")
    feed = f"{site.base}/feed.xml"
    log: list[str] = []
    first = watcher(db, site, log, notify=f"{site.base}/hook").run([feed], every=0, once=True, patience=15)
    assert first.report.stored == 2, log
    reasons = {"/slow": "no answer within 1 s", "/loop": "redirects", "/big": "larger than 2 MB", "/image": "content type image/png",
               "/private/secret": "robots.txt", "/missing": "HTTP 404", "/error": "HTTP 500"}
    for path, reason in reasons.items():
        lines = [line for line in log if f"{site.base}{path}" in line]
        assert len(lines) == 1 and reason in lines[0] and "\n" not in lines[0], (path, lines)
    assert "/private/secret" not in site.requests
    failures = [line for line in log if line.startswith("alert ") and "HTTP 500" in line]
    assert len(failures) == 2 and "trying again" in failures[0]
    kinds = sorted(h["alert"] for h in site.hooks)
    assert kinds == ["new", "update"], site.hooks
    event = next(h for h in site.hooks if h["alert"] == "new")["event"]
    assert (event["type"], event["person"], event["from_party"], event["to_party"]) == ("party_switch", "Jane Doe", "Labour", "Conservative")

    # A restart: the feed has not changed (304), nothing stored is fetched again, nothing alerted
    # again; the pages that failed in ways that may mend (slow, 500) are tried again all the same.
    asked = len(site.requests)
    second = watcher(db, site, log, notify=f"{site.base}/hook").run([feed], every=0, once=True, patience=2)
    assert second.unchanged == 1 and second.report.stored == 0 and len(site.hooks) == 2
    assert site.requests[asked:] == ["/robots.txt", "/feed.xml", "/slow", "/error"]

    # The feed gains an item: only the new page is fetched; its new event is alerted once. The
    # pages that failed for a while (slow, 500) are tried again; those that cannot be had
    # (404, robots.txt) are not.
    site.items.append("/news/roe-quits")
    site.version = 2
    asked = len(site.requests)
    third = watcher(db, site, log, notify=f"{site.base}/hook").run([feed], every=0, once=True, patience=2)
    assert third.report.stored == 1
    assert [h["event"]["person"] for h in site.hooks if h["alert"] == "new"] == ["Jane Doe", "Tom Roe"]
    again = site.requests[asked:]
    assert "/news/doe-defects" not in again and "/missing" not in again and "/slow" in again and "/error" in again
    with db.sessions() as session:
        assert session.scalar(select(func.count()).select_from(ArticleRow)) == 3
        assert session.scalar(select(func.count()).select_from(AlertRow).where(AlertRow.delivered_at.is_(None))) == 0


def test_exec_alerts_run_a_command_with_the_event(site, tmp_path):
    db = open_database(f"sqlite:///{tmp_path / 'watch.db'}")
    site.items = ["/news/doe-defects"]
    out = tmp_path / "alerts.jsonl"
    log: list[str] = []
    command = f"{sys.executable} -c \"import sys; open(r'{out}', 'a').write(sys.stdin.read() + chr(10))\""
    watcher(db, site, log, exec=command, types=("party_switch",)).run([f"{site.base}/feed.xml"], every=0, once=True, patience=2)
    lines = [json.loads(line) for line in out.read_text().splitlines() if line.strip()]
    assert [(a["alert"], a["event"]["person"]) for a in lines] == [("new", "Jane Doe")]


def test_ingest_reads_a_page_or_a_feed_by_url(site):
    local = ReadOptions(allow_private=True)  # the site is on 127.0.0.1
    pages = list(iter_articles([f"{site.base}/news/doe-defects", f"{site.base}/missing"], local))
    assert pages[0].url == f"{site.base}/news/doe-defects" and "Jane Doe" in pages[0].text
    assert pages[1].reason.startswith("HTTP 404")
    site.items = ["/news/doe-defects", "/news/roe-quits"]
    from_feed = list(iter_articles([f"{site.base}/feed.xml"], local))
    assert [a.url.rsplit("/", 1)[-1] for a in from_feed] == ["doe-defects", "roe-quits"]
    assert str(from_feed[0].published) == "2022-01-18"


def test_the_command_line_watches_once_and_reports_a_bad_list(site, tmp_path):
    listing = tmp_path / "feeds.txt"
    listing.write_text(f"# a desk's feeds\n{site.base}/feed.xml\n")
    site.items = ["/news/doe-defects"]
    done = subprocess.run([sys.executable, "-m", "crossfloor.cli", "--fast", "watch", str(listing), "--once", "--allow-private", "--db", str(tmp_path / "w.db")], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert "stored 1" in done.stderr and "no alerts" in done.stderr
    listing.write_text("not a url\n")
    bad = subprocess.run([sys.executable, "-m", "crossfloor.cli", "watch", str(listing), "--once", "--db", str(tmp_path / "w.db")], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert bad.returncode == 2 and "not an http(s) url" in bad.stderr and "Traceback" not in bad.stderr


def test_intervals_and_lists():
    assert seconds_of("15m") == 900 and seconds_of("30s") == 30 and seconds_of("1h") == 3600
    with pytest.raises(WatchProblem):
        seconds_of("soon")
    assert sources_of(["https://a.example/feed", "https://a.example/feed"]) == ["https://a.example/feed"]


class StoppedFetcher(Fetcher):
    """A fetcher killed (Ctrl-C, kill) when asked for its `pages`+1-th page."""

    def __init__(self, pages: int, **kwargs):
        super().__init__(**kwargs)
        self.pages_left = pages

    def fetch(self, url, etag=None, last_modified=None, **kwargs):
        if "kinds" in kwargs:  # a page
            if self.pages_left == 0:
                raise KeyboardInterrupt
            self.pages_left -= 1
        return super().fetch(url, etag, last_modified, **kwargs)


def test_a_round_stopped_part_way_goes_on_where_it_was_though_the_feed_is_a_304(site, tmp_path):
    db = open_database(f"sqlite:///{tmp_path / 'watch.db'}")
    site.items = ["/news/doe-defects", "/news/doe-defects-again", "/news/roe-quits"]
    feed = f"{site.base}/feed.xml"
    log: list[str] = []
    stopped = Watcher(db, StoppedFetcher(1, max_bytes=2_000_000, timeout=1.0, host_interval=0.0, allow_private=True), ReadOptions(max_bytes=2_000_000), Targets(), log.append)
    with pytest.raises(KeyboardInterrupt):
        stopped.run([feed], every=0, once=True, patience=0)
    asked = len(site.requests)
    again = watcher(db, site, log).run([feed], every=0, once=True, patience=0)
    assert again.unchanged == 1, log  # the feed answered 304 ...
    assert {"/news/doe-defects-again", "/news/roe-quits"} <= set(site.requests[asked:])  # ... and its pages were fetched all the same
    with db.sessions() as session:
        assert session.scalar(select(func.count()).select_from(ArticleRow)) == 3
    third = watcher(db, site, log).run([feed], every=0, once=True, patience=0)
    assert third.pages == 0 and third.report.stored == 0  # nothing left to fetch


def stored_with_alerts(url: str, site):
    """A database holding the two Jane Doe pages (one event: a new alert and an update), watched
    from before they were stored, and targets for them."""
    db = open_database(url)
    site.items = ["/news/doe-defects", "/news/doe-defects-again"]
    watcher(db, site, []).run([f"{site.base}/feed.xml"], every=0, once=True, patience=0)
    return db


@pytest.mark.parametrize("backend", BACKENDS)
def test_two_watchers_on_one_database_deliver_each_alert_once(backend, site, tmp_path):
    url = fresh_url(backend, tmp_path)
    stored_with_alerts(url, site)
    targets = Targets(notify=f"{site.base}/hook")
    site.hook_failures, site.hook_delay = 0, 0.3
    queued = alerts.queue(open_database(url), targets)
    assert queued == 2
    start = threading.Barrier(2, timeout=60)
    counts: list[int] = []

    def one_watcher(db) -> None:
        start.wait()
        counts.append(alerts.deliver(db, targets, print))

    # Each its own database object (its own connections), as another process would have.
    threads = [threading.Thread(target=one_watcher, args=(open_database(url),)) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(site.hooks) == queued and sum(counts) == queued, (site.hooks, counts)
    assert sorted(h["alert"] for h in site.hooks) == ["new", "update"]


def trickling_server() -> tuple[socket.socket, str]:
    """A webhook that answers one byte every 0.2 s: each read is quick, the whole is not."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen()

    def serve() -> None:
        while True:
            try:
                conn, _ = server.accept()
            except OSError:
                return
            threading.Thread(target=trickle, args=(conn,), daemon=True).start()

    def trickle(conn: socket.socket) -> None:
        conn.recv(65536)
        try:
            for byte in b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 2\r\n\r\nok":
                conn.send(bytes([byte]))
                time.sleep(0.2)
        except OSError:
            pass
        conn.close()

    threading.Thread(target=serve, daemon=True).start()
    return server, f"127.0.0.1:{server.getsockname()[1]}"


def test_a_trickling_webhook_is_abandoned_at_its_deadline_and_its_credentials_never_shown(site, tmp_path):
    db = stored_with_alerts(f"sqlite:///{tmp_path / 'watch.db'}", site)
    server, address = trickling_server()
    try:
        targets = Targets(notify=f"http://desk:s3cret@{address}/hook?token=t0ken&to=desk", timeout=1.0)
        assert alerts.queue(db, targets) == 2
        log: list[str] = []
        assert alerts.deliver(db, targets, log.append) == 0
    finally:
        server.close()
    with db.sessions() as session:
        rows = session.scalars(select(AlertRow)).all()
    assert [row.attempts for row in rows] == [1, 1] and all("no complete answer within 1 s" in row.last_error for row in rows)
    shown = "\n".join(log + [row.last_error for row in rows] + [targets.describe()])
    assert "s3cret" not in shown and "t0ken" not in shown and f"http://***@{address}/hook?token=***&to=***" in shown


def test_redact_hides_userinfo_and_query_values():
    assert redact("http://u:p@[::1/x?t=1") == "http://***@[::1/x?***"
    assert redact("https://u:p@desk.example:8443/hook?key=abc") == "https://***@desk.example:8443/hook?key=***"
    assert redact("https://desk.example/hook") == "https://desk.example/hook"


@pytest.mark.parametrize("given", [{"exec": "echo 'oops"}, {"exec": " "}, {"exec": "no-such-program-h10 --x"}, {"notify": "localhost:9/x"}, {"notify": "ftp://desk.example/hook"}, {"notify": "http://[::1"}, {"notify": "http://desk.example:99999/"}, {"notify": "https:///hook"}])
def test_targets_that_cannot_work_are_refused_when_given(given):
    with pytest.raises(TargetProblem) as refused:
        Targets(**given)
    assert "\n" not in str(refused.value) and ("--exec" in str(refused.value) or "--notify" in str(refused.value))


def test_intervals_under_the_floors_are_refused():
    check_intervals(60, 0.5, once=False)
    check_intervals(0, 0.5, once=True)  # --every does not matter for one round
    for every, host, once in ((0, 1.0, False), (59, 1.0, False), (60, 0, False), (60, 0.1, True)):
        with pytest.raises(WatchProblem):
            check_intervals(every, host, once)


@pytest.mark.parametrize("options", [["--exec", "echo 'oops"], ["--exec", " "], ["--notify", "localhost:9/x"], ["--every", "0", "--host-interval", "0"]])
def test_the_command_line_refuses_bad_targets_and_intervals_before_any_round(options, site, tmp_path):
    done = subprocess.run([sys.executable, "-m", "crossfloor.cli", "--fast", "watch", f"{site.base}/feed.xml", *options, "--db", str(tmp_path / "w.db")], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 2 and "Traceback" not in done.stderr, done.stderr
    assert len(done.stderr.strip().splitlines()) == 1 and done.stderr.startswith("error: "), done.stderr
    assert site.requests == []  # refused before the first round


class RobotsUnreachable(Fetcher):
    """A fetcher whose hosts' robots.txt cannot be had (a 503): every page is "try later"."""

    def fetch(self, url, etag=None, last_modified=None, **kwargs):
        if "kinds" in kwargs:
            from crossfloor.read.web import FetchProblem

            raise FetchProblem(url, "robots.txt of the host could not be had (HTTP 503); asked again later", "robots-unavailable")
        return super().fetch(url, etag, last_modified, **kwargs)


def test_a_page_whose_robots_txt_could_not_be_had_is_tried_again_in_later_rounds(site, tmp_path):
    assert final_status("http://h/p: robots.txt of h disallows it") == 403
    assert final_status("http://h/p: robots.txt of h could not be had (HTTP 503); asked again later") is None
    db = open_database(f"sqlite:///{tmp_path / 'watch.db'}")
    site.items = ["/news/doe-defects"]
    feed, log = f"{site.base}/feed.xml", []
    unreachable = Watcher(db, RobotsUnreachable(max_bytes=2_000_000, timeout=1.0, host_interval=0.0, allow_private=True), ReadOptions(max_bytes=2_000_000), Targets(), log.append)
    tries = [unreachable.run([feed], every=0, once=True, patience=0).pages for _ in range(MAX_PAGE_TRIES + 1)]
    assert tries == [1] * MAX_PAGE_TRIES + [0], log  # tried in each later round, then left
    db2 = open_database(f"sqlite:///{tmp_path / 'watch2.db'}")
    for fetcher in (RobotsUnreachable, Fetcher):  # once robots.txt answers, the page is fetched
        done = Watcher(db2, fetcher(max_bytes=2_000_000, timeout=1.0, host_interval=0.0, allow_private=True), ReadOptions(max_bytes=2_000_000), Targets(), log.append).run([feed], every=0, once=True, patience=0)
    assert done.report.stored == 1, log
