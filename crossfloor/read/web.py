"""Pages and feeds over HTTP(S), fetched politely and within limits: an identifying User-Agent,
robots.txt respected (RFC 9309) on every redirect hop, a pause between requests to one host, a
total deadline per request, a size limit counted while the body streams, at most a few
redirects (followed here, one hop at a time, each hop's url checked), conditional requests
(ETag / Last-Modified) so an unchanged feed costs a 304, and only public addresses unless
private ones are allowed (read/addresses.py, read/transport.py). Every failure is a
FetchProblem: one line naming the url and what went wrong, with its kind."""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from urllib.parse import urljoin
from urllib.robotparser import RobotFileParser

import httpx

from .. import __version__
from .addresses import LinkProblem, Resolver, checked_url, system_resolver
from .transport import DeadlinePassed, deadline, guarded_transport

USER_AGENT = f"crossfloor/{__version__} (political news reader; +https://pypi.org/project/crossfloor/)"
PAGE_TYPES = ("text/html", "application/xhtml+xml")
FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/xml", "text/xml", "application/rdf+xml", "application/feed+json")
REDIRECTS = (301, 302, 303, 307, 308)
ROBOTS_MAX_BYTES = 500 * 1024  # RFC 9309: a parser may stop reading there
SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:", re.I)
ROBOTS_KEPT = 24 * 3600.0  # RFC 9309: rules should not be cached for longer than 24 hours


def shown(url: str, limit: int = 300) -> str:
    """A url as it can be printed on one line: invisible and control characters escaped."""
    text = "".join(ch if ch.isprintable() else ch.encode("unicode_escape").decode() for ch in str(url)[:limit])
    return text + ("..." if len(str(url)) > limit else "")


class FetchProblem(Exception):
    """A url that could not be fetched: `reason` is one line, `kind` says which problem
    ('invalid', 'refused', 'unresolved', 'robots', 'robots-unavailable', 'deadline', 'timeout',
    'http', 'type', 'too-large', 'redirects', 'error'); str() names the url."""

    def __init__(self, url: str, reason: str, kind: str = "error"):
        self.url, self.reason, self.kind = url, " ".join(reason.split()) or "no detail", kind
        super().__init__(f"{shown(url)}: {self.reason}")


@dataclass
class Fetched:
    url: str  # after redirects
    status: int  # 200, or 304 (not modified)
    content: bytes = b""
    content_type: str = ""
    etag: str | None = None
    last_modified: str | None = None

    @property
    def is_feed(self) -> bool:
        head = self.content[:512].lstrip().lower()
        return self.content_type in FEED_TYPES or head.startswith((b"<?xml", b"<rss", b"<feed", b"<rdf"))


@dataclass
class Fetcher:
    max_bytes: int = 20_000_000
    timeout: float = 20.0  # seconds for a whole request: connecting, the headers and the body
    host_interval: float = 1.0  # seconds between two requests to one host
    max_redirects: int = 5
    user_agent: str = USER_AGENT
    allow_private: bool = False  # loopback, private and link-local addresses too (not cloud metadata)
    resolve: Resolver = system_resolver  # host, port -> addresses; tests give their own
    robots_retry: float = 300.0  # seconds before an unreachable robots.txt is asked again
    _last: dict[str, float] = field(default_factory=dict)
    _robots: dict[str, tuple[float, RobotFileParser | str | None]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.client = httpx.Client(
            headers={"User-Agent": self.user_agent},
            timeout=httpx.Timeout(self.timeout),
            follow_redirects=False,  # followed in opened(), each hop checked
            transport=guarded_transport(self.allow_private, self.resolve),
            trust_env=False,
        )

    def close(self) -> None:
        self.client.close()

    def fetch(self, url: str, etag: str | None = None, last_modified: str | None = None, kinds: tuple[str, ...] = PAGE_TYPES + FEED_TYPES) -> Fetched:
        """The url's body (or a 304 when it has not changed since etag / last_modified)."""
        headers = {k: v for k, v in (("If-None-Match", etag), ("If-Modified-Since", last_modified)) if v}
        try:
            with self.opened(url, headers) as response:
                return self.fetched(url, response, kinds)
        except LinkProblem as problem:
            raise FetchProblem(url, str(problem), problem.kind) from None
        except DeadlinePassed:
            raise FetchProblem(url, f"no answer within {self.timeout:g} s, the deadline for a whole request; stopped", "deadline") from None
        except httpx.TimeoutException:
            raise FetchProblem(url, f"no answer within {self.timeout:g} s", "timeout") from None
        except httpx.HTTPError as err:
            raise http_problem(url, err) from None

    @contextmanager
    def opened(self, url: str, headers: dict, robots: bool = True) -> Iterator[httpx.Response]:
        """The streamed answer for the url, redirects followed by hand: each hop's url checked,
        its robots.txt asked, its host paused for, and its request within the deadline."""
        hop = checked_url(url)
        for hops in range(self.max_redirects + 1):
            try:
                if robots:
                    self.check_robots(hop)
            except LinkProblem as problem:
                if hops:
                    raise LinkProblem(f"redirected to {shown(str(hop))}: {problem}", problem.kind, redirected=True) from None
                raise
            self.wait_for(hop)
            with deadline(self.timeout), self.client.stream("GET", hop, headers=headers) as response:
                location = response.headers.get("location") if response.status_code in REDIRECTS else None
                if not location:
                    yield response
                    return
            hop = self.redirected(hop, location)
        raise LinkProblem(f"more than {self.max_redirects} redirects", "redirects")

    @staticmethod
    def redirected(hop: httpx.URL, location: str) -> httpx.URL:
        try:
            return checked_url(urljoin(str(hop), location))
        except ValueError:  # urljoin on a malformed location ('http://[::1')
            raise LinkProblem(f"redirected to an invalid url ({shown(location, 100)})", "invalid", redirected=True) from None
        except LinkProblem as problem:
            raise LinkProblem(f"redirected to {shown(location, 100)}: {problem}", problem.kind, redirected=True) from None

    def fetched(self, url: str, response: httpx.Response, kinds: tuple[str, ...]) -> Fetched:
        final = str(response.url)
        if response.status_code == 304:
            return Fetched(final, 304, etag=response.headers.get("etag"), last_modified=response.headers.get("last-modified"))
        if response.status_code >= 300:
            raise FetchProblem(url, f"HTTP {response.status_code} {response.reason_phrase}", "http")
        kind = response.headers.get("content-type", "").split(";")[0].strip().lower()
        if kind and kind not in kinds:
            raise FetchProblem(url, f"not a page or feed (content type {kind})", "type")
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > self.max_bytes:
            raise FetchProblem(url, f"larger than {self.max_bytes / 1e6:g} MB ({int(declared) / 1e6:.1f} MB declared)", "too-large")
        body, cut = read_capped(response, self.max_bytes)
        if cut:
            raise FetchProblem(url, f"larger than {self.max_bytes / 1e6:g} MB; stopped reading it", "too-large")
        return Fetched(final, response.status_code, body, kind, response.headers.get("etag"), response.headers.get("last-modified"))

    def wait_for(self, url: httpx.URL) -> None:
        """Keep host_interval seconds between two requests to one host."""
        host = url.netloc.decode("ascii").lower()
        pause = self._last.get(host, 0.0) + self.host_interval - time.monotonic()
        if pause > 0:
            time.sleep(pause)
        self._last[host] = time.monotonic()

    def check_robots(self, url: httpx.URL) -> None:
        """LinkProblem if the url's robots.txt disallows it, or could not be had (for now)."""
        host = url.netloc.decode("ascii")
        rules = self.robots_rules(f"{url.scheme}://{host}".lower())
        if isinstance(rules, str):
            raise LinkProblem(f"robots.txt of {host} could not be had ({rules}); asked again later", "robots-unavailable")
        if rules is not None and not rules.can_fetch(self.user_agent, str(url)):
            raise LinkProblem(f"robots.txt of {host} disallows it", "robots")

    def robots_rules(self, origin: str) -> RobotFileParser | str | None:
        """The origin's rules, from the cache while they are fresh: rules for a day at most,
        an unreachable robots.txt for robots_retry seconds."""
        now = time.monotonic()
        expires, rules = self._robots.get(origin, (0.0, None))
        if expires <= now:
            rules = self.robots_of(origin)
            self._robots[origin] = (now + (self.robots_retry if isinstance(rules, str) else ROBOTS_KEPT), rules)
        return rules

    def robots_of(self, origin: str) -> RobotFileParser | str | None:
        """RFC 9309: a missing robots.txt (4xx) allows everything (None); one that cannot be
        had (5xx, no answer) disallows everything for now (the reason, as a string); only its
        first 500 KiB are read."""
        try:
            with self.opened(f"{origin}/robots.txt", {}, robots=False) as response:
                if response.status_code >= 500:
                    return f"HTTP {response.status_code}"
                if not 200 <= response.status_code < 300:
                    return None
                body, _ = read_capped(response, ROBOTS_MAX_BYTES)
        except DeadlinePassed:
            return f"no whole answer within {self.timeout:g} s"
        except LinkProblem as err:
            if err.kind in ("refused", "unresolved") and not err.redirected:
                raise  # the host itself: the page is refused (or unresolved) as its robots.txt is
            return " ".join(str(err).split())[:200]
        except httpx.HTTPError as err:
            return " ".join(str(err).split())[:200] or type(err).__name__
        parser = RobotFileParser()
        parser.parse(body.decode("utf-8", errors="replace").splitlines())
        return parser


def http_problem(url: str, err: httpx.HTTPError) -> FetchProblem:
    detail = " ".join(str(err).split())[:200]
    if isinstance(err, httpx.RemoteProtocolError) and "location header" in detail:  # httpx parses a redirect's Location itself
        return FetchProblem(url, f"redirected to something that is not a valid url ({detail})", "invalid")
    return FetchProblem(url, f"{type(err).__name__} ({detail})")


def read_capped(response: httpx.Response, limit: int) -> tuple[bytes, bool]:
    """At most limit bytes of the body as it streams, and whether there was more."""
    body = bytearray()
    for chunk in response.iter_bytes():
        body += chunk
        if len(body) > limit:
            return bytes(body[:limit]), True
    return bytes(body), False


def feed_links(content: bytes, base: str | None = None) -> list[tuple[str, str | None, str | None]]:
    """(link, title, published YYYY-MM-DD) of each entry of a feed, in the feed's order; a
    relative link ('/a2.html') resolved against the feed's url (base)."""
    import feedparser

    feed = feedparser.parse(content)
    out = []
    for entry in feed.entries:
        link = entry.get("link")
        day = entry.get("published_parsed") or entry.get("updated_parsed")
        if link:
            out.append((absolute(link, base), entry.get("title"), time.strftime("%Y-%m-%d", day) if day else None))
    return out


def absolute(link: str, base: str | None) -> str:
    """A relative link resolved against base. A link with a scheme is left as it is (urljoin
    would make 'http://' the feed's own url), and one urljoin cannot parse is left for the
    fetcher's check to name."""
    if not base or SCHEME.match(link):
        return link
    try:
        return urljoin(base, link)
    except ValueError:
        return link
