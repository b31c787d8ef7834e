"""The fetcher under hostile links: malformed urls are one-line, final skips; private, loopback,
link-local, CGNAT, multicast and cloud-metadata targets are refused (after resolution, on every
redirect hop); robots.txt is read to 500 KiB at most, an unreachable one asked again later and
rules kept a day at most; a trickling server is stopped at the request's deadline; relative feed
links are resolved against the feed.

No traffic leaves the machine: names resolve through a resolver the test gives, and the
addresses it calls public are connected, by the test, to a server on 127.0.0.1."""

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from crossfloor.read import ReadOptions, Skipped, iter_articles
from crossfloor.read import web
from crossfloor.read.addresses import LinkProblem, allowed_addresses, checked_url
from crossfloor.read.transport import GuardedBackend
from crossfloor.read.web import Fetcher, FetchProblem, feed_links
from crossfloor.watch import final_status

PAGE = b"<!doctype html><html><head><title>A2</title></head><body><article><h1>A2</h1><p>" + b"Jane Doe, the MP for Hove, said the vote was lost. " * 4 + b"</p></article></body></html>"
NAMES = {  # what the test's resolver says
    "news.example": ["93.184.216.34"],
    "other.example": ["93.184.216.35"],
    "internal.example": ["10.0.0.5"],
    "mixed.example": ["93.184.216.36", "10.1.2.3"],
    "mapped.example": ["::ffff:169.254.169.254"],
}
PUBLIC = {address for addresses in NAMES.values() for address in addresses if address.startswith("93.")}


class Site:
    """Routes by (host, path); each a function of the handler. Records what was asked."""

    def __init__(self):
        self.routes: dict[tuple[str, str], object] = {}
        self.asked: list[tuple[str, str]] = []
        self.sent = 0

    def route(self, host: str, path: str, status: int = 200, body: bytes = b"", kind: str = "text/html", headers: dict | None = None):
        def answer(handler):
            handler.send_response(status)
            handler.send_header("Content-Type", kind)
            for key, value in (headers or {}).items():
                handler.send_header(key, value)
            handler.send_header("Content-Length", str(len(body)))
            handler.end_headers()
            handler.wfile.write(body)

        self.routes[(host, path)] = answer


def handler_for(site: Site):
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args):
            pass

        def do_GET(self):
            host = self.headers.get("Host", "").rsplit(":", 1)[0]
            site.asked.append((host, self.path))
            answer = site.routes.get((host, self.path)) or site.routes.get(("*", self.path))
            if answer is None:
                self.send_response(404)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            try:
                answer(self)
            except OSError:  # the fetcher hung up, as it should
                self.close_connection = True

    return Handler


@pytest.fixture()
def site(monkeypatch):
    state = Site()
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler_for(state))
    state.port = server.server_address[1]
    state.base = f"http://127.0.0.1:{state.port}"
    state.connected: list[str] = []
    connect = GuardedBackend.connect_to

    def to_the_test_server(self, address, port, *rest):
        """The addresses the resolver calls public are this server: nothing leaves the machine."""
        state.connected.append(address)
        assert address in PUBLIC or address == "127.0.0.1", f"the fetcher connected to {address}"
        return connect(self, "127.0.0.1", state.port if address in PUBLIC else port, *rest)

    monkeypatch.setattr(GuardedBackend, "connect_to", to_the_test_server)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield state
    server.shutdown()
    server.server_close()


def resolver(host: str, port: int) -> list[str]:
    if host not in NAMES:
        raise OSError(f"unknown name {host}")
    return NAMES[host]


def fetcher(**options) -> Fetcher:
    return Fetcher(**{"timeout": 2.0, "host_interval": 0.0, "resolve": resolver, **options})


def problem_of(fetch, url: str, **options) -> FetchProblem:
    with pytest.raises(FetchProblem) as caught:
        fetch.fetch(url, **options)
    assert "\n" not in str(caught.value) and caught.value.reason
    return caught.value


def feed(*links: str) -> bytes:
    items = "".join(f"<item><title>t{n}</title><link>{link}</link></item>" for n, link in enumerate(links))
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>f</title>{items}</channel></rss>'.encode()


# ---- point 1: urls parsed and checked before any request ---------------------------------------
MALFORMED = ["http://ⓛⓞⓒⓐⓛⓗⓞⓢⓣ/x", "http://", "http://[::1", "http://a\x00b/", "http://a\u200bb/", "http://xn--zz/", "http://999.1.1.1/", "http://1.2.3.4.5/",
             "http://a b/", "http://ex.example:99999/", "http://" + "a" * 3000 + ".example/", "ftp://ex.example/f"]


@pytest.mark.parametrize("url", MALFORMED)
def test_a_malformed_url_is_one_final_line_and_no_request(site, url):
    problem = problem_of(fetcher(), url)
    assert problem.kind == "invalid", problem
    assert final_status(str(problem)) == 400  # the watcher records it and never asks again
    assert site.connected == []


def test_malformed_feed_links_are_skips_and_the_feed_goes_on(site):
    links = ["http://ⓛⓞⓒⓐⓛⓗⓞⓢⓣ/x", "http://", "http://[::1", "http://a\u200bb/", "http://xn--zz/", "/a2.html"]
    site.route("*", "/feed.xml", body=feed(*links), kind="application/rss+xml")
    site.route("*", "/a2.html", body=PAGE)
    items = list(iter_articles([f"{site.base}/feed.xml"], ReadOptions(allow_private=True, check_language=False)))
    skips = [item for item in items if isinstance(item, Skipped)]
    assert len(skips) == 5 and all("not a valid url" in s.reason for s in skips), skips
    assert all(s.source.isprintable() for s in skips), skips
    assert [item.url for item in items if not isinstance(item, Skipped)] == [f"{site.base}/a2.html"]


def test_the_watcher_records_a_malformed_link_once(site, tmp_path):
    from crossfloor.alerts import Targets
    from crossfloor.store.database import open_database
    from crossfloor.watch import Watcher

    bad = ["http://ⓛⓞⓒⓐⓛⓗⓞⓢⓣ/x", "http://[::1", "http://xn--zz/"]
    site.route("*", "/feed.xml", body=feed(*bad), kind="application/rss+xml")
    log: list[str] = []
    watcher = Watcher(open_database(f"sqlite:///{tmp_path / 'w.db'}"), fetcher(allow_private=True), ReadOptions(), Targets(), log.append)
    watcher.run([f"{site.base}/feed.xml"], every=0, once=True, patience=0)
    assert sum("not a valid url" in line for line in log) == 3, log
    assert all(watcher.resource(link).status == 400 for link in bad)  # recorded as final ...
    watcher.run([f"{site.base}/feed.xml"], every=0, once=True, patience=0)
    assert sum("not a valid url" in line for line in log) == 3, log  # ... so the next round does not try them


# ---- point 10: relative links --------------------------------------------------------------------
def test_relative_feed_links_resolve_against_the_feed():
    links = feed_links(feed("/a2.html", "b.html", "https://else.example/c"), "https://news.example/rss/feed.xml")
    assert [link for link, _, _ in links] == ["https://news.example/a2.html", "https://news.example/rss/b.html", "https://else.example/c"]
    assert feed_links(feed("http://[::1"), "https://news.example/f")[0][0] == "http://[::1"  # left for the check to name


# ---- point 2: the address policy ------------------------------------------------------------------
@pytest.mark.parametrize(("host", "address"), [("2130706433", "127.0.0.1"), ("127.1", "127.0.0.1"), ("0x7f.1", "127.0.0.1"), ("0177.1", "127.0.0.1"),
                                               ("0x7f000001", "127.0.0.1"), ("169.254.43518", "169.254.169.254"), ("[::ffff:127.0.0.1]", "::ffff:7f00:1")])
def test_numeric_hosts_are_read_as_the_address_they_mean(host, address):
    assert checked_url(f"http://{host}/x").host == address


REFUSED = ["http://127.0.0.1:9/", "http://localhost/", "http://sub.localhost/", "http://2130706433/", "http://127.1/", "http://0x7f.1/", "http://0.0.0.0/",
           "http://[::ffff:127.0.0.1]/", "http://[::1]/", "http://[::]/", "http://169.254.169.254/latest/meta-data/", "http://metadata.google.internal/",
           "http://[fd00::1]/", "http://[fe80::1]/", "http://10.0.0.1/", "http://172.16.0.1/", "http://192.168.1.1/", "http://100.64.0.1/",
           "http://224.0.0.1/", "http://[ff02::1]/", "http://[64:ff9b::a9fe:a9fe]/", "http://internal.example/", "http://mixed.example/", "http://mapped.example/"]


@pytest.mark.parametrize("url", REFUSED)
def test_private_and_special_addresses_are_refused(site, url):
    problem = problem_of(fetcher(), url)
    assert problem.kind == "refused" and problem.reason.startswith("refused:"), problem
    assert final_status(str(problem)) == 403
    assert site.connected == [] and site.asked == []


@pytest.mark.parametrize("url", ["http://169.254.169.254/", "http://metadata.google.internal/", "http://[fd00:ec2::254]/", "http://0.0.0.0/", "http://mapped.example/"])
def test_cloud_metadata_is_refused_even_when_private_addresses_are_allowed(site, url):
    assert problem_of(fetcher(allow_private=True), url).kind == "refused"
    assert site.connected == []


def test_private_addresses_are_fetched_when_allowed(site):
    site.route("*", "/a2.html", body=PAGE)
    assert fetcher(allow_private=True).fetch(f"{site.base}/a2.html").content == PAGE
    assert fetcher(allow_private=True).fetch(f"http://2130706433:{site.port}/a2.html").content == PAGE
    assert problem_of(fetcher(), f"{site.base}/a2.html").kind == "refused"


def test_a_public_name_is_fetched_from_the_address_checked(site):
    site.route("news.example", "/a2.html", body=PAGE)
    assert fetcher().fetch("http://news.example/a2.html").content == PAGE
    assert site.connected == ["93.184.216.34", "93.184.216.34"]  # robots.txt, then the page


def test_every_address_a_name_resolves_to_is_checked():
    assert [str(a) for a in allowed_addresses("news.example", 80, False, resolver)] == ["93.184.216.34"]
    with pytest.raises(LinkProblem, match="10.1.2.3"):
        allowed_addresses("mixed.example", 80, False, resolver)
    with pytest.raises(LinkProblem) as unknown:
        allowed_addresses("nowhere.example", 80, False, resolver)
    assert unknown.value.kind == "unresolved"


@pytest.mark.parametrize(("target", "kind"), [("http://169.254.169.254/latest/meta-data/", "refused"), ("http://internal.example/x", "refused"),
                                              ("http://[::1", "invalid"), ("http://other.example/page", "robots")])
def test_every_redirect_hop_is_checked(site, target, kind):
    site.route("news.example", "/go", status=302, headers={"Location": target})
    site.route("other.example", "/robots.txt", body=b"User-agent: *\nDisallow: /\n", kind="text/plain")
    site.route("other.example", "/page", body=PAGE)
    problem = problem_of(fetcher(), "http://news.example/go")
    assert problem.kind == kind and "redirected to" in problem.reason, problem
    assert ("other.example", "/page") not in site.asked
    assert set(site.connected) <= PUBLIC


def test_redirects_are_followed_by_hand_to_the_limit(site):
    site.route("news.example", "/loop", status=302, headers={"Location": "/loop"})
    site.route("news.example", "/moved", status=301, headers={"Location": "http://other.example/a2.html"})
    site.route("other.example", "/a2.html", body=PAGE)
    assert problem_of(fetcher(max_redirects=3), "http://news.example/loop").kind == "redirects"
    assert site.asked.count(("news.example", "/loop")) == 4
    got = fetcher().fetch("http://news.example/moved")
    assert got.url == "http://other.example/a2.html" and got.content == PAGE


# ---- point 3: robots.txt ----------------------------------------------------------------------------
def test_a_huge_robots_txt_is_read_to_500_kib_only(site):
    def endless_robots(handler):
        handler.send_response(200)
        handler.send_header("Content-Type", "text/plain")
        handler.end_headers()
        handler.wfile.write(b"# padding\n" * 60_000 + b"User-agent: *\nDisallow: /\n")  # the rule after 600 KB
        for _ in range(800):  # then 50 MB more, if it were read
            handler.wfile.write(b"#" * 65535 + b"\n")
            site.sent += 65536

    site.routes[("news.example", "/robots.txt")] = endless_robots
    site.route("news.example", "/a2.html", body=PAGE)
    assert fetcher().fetch("http://news.example/a2.html").content == PAGE  # the rule past 500 KiB is not read
    assert site.sent < 40_000_000  # the fetcher hung up; it did not read the rest


def test_an_unreachable_robots_txt_is_asked_again_later(site):
    site.route("news.example", "/robots.txt", status=503, body=b"busy", kind="text/plain")
    site.route("news.example", "/a2.html", body=PAGE)
    fetch = fetcher(robots_retry=0.0)
    problem = problem_of(fetch, "http://news.example/a2.html")
    assert problem.kind == "robots-unavailable" and "HTTP 503" in problem.reason
    assert final_status(str(problem)) is None  # the watcher tries the page again next round
    site.route("news.example", "/robots.txt", body=b"User-agent: *\nAllow: /\n", kind="text/plain")
    assert fetch.fetch("http://news.example/a2.html").content == PAGE


def test_robots_rules_are_kept_for_a_while_then_asked_again(site, monkeypatch):
    site.route("news.example", "/robots.txt", body=b"User-agent: *\nDisallow: /private/\n", kind="text/plain")
    site.route("news.example", "/a2.html", body=PAGE)
    fetch = fetcher()
    fetch.fetch("http://news.example/a2.html")
    fetch.fetch("http://news.example/a2.html")
    assert site.asked.count(("news.example", "/robots.txt")) == 1
    monkeypatch.setattr(web, "ROBOTS_KEPT", 0.0)
    fetch._robots.clear()
    fetch.fetch("http://news.example/a2.html")
    fetch.fetch("http://news.example/a2.html")
    assert site.asked.count(("news.example", "/robots.txt")) == 3
    assert problem_of(fetch, "http://news.example/private/x").kind == "robots"


# ---- point 7: a total deadline per request -----------------------------------------------------------
def trickle(where: str):
    def answer(handler):
        handler.wfile.write(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n")
        if where == "headers":
            for _ in range(100):
                handler.wfile.write(b"X")  # one byte of a header line at a time
                handler.wfile.flush()
                time.sleep(0.2)
        handler.wfile.write(b"X-Ok: 1\r\nContent-Length: 100\r\n\r\n")
        for _ in range(100):  # 20 s if it were all waited for; each byte well within the read time-out
            handler.wfile.write(b"x")
            handler.wfile.flush()
            time.sleep(0.2)

    return answer


@pytest.mark.parametrize("where", ["headers", "body"])
def test_a_trickling_server_is_stopped_at_the_deadline(site, where):
    site.routes[("*", f"/{where}")] = trickle(where)
    problem = problem_of(fetcher(allow_private=True, timeout=1.0), f"{site.base}/{where}")
    assert problem.kind == "deadline" and "no answer within 1 s" in problem.reason, problem
