"""Pages and feeds over HTTP(S), fetched politely and within limits: an identifying User-Agent,
robots.txt respected (RFC 9309), a pause between requests to one host, time-outs, a size limit
counted while the body streams, at most a few redirects, conditional requests (ETag /
Last-Modified) so an unchanged feed costs a 304. Every failure is a FetchProblem: one line
naming the url and what went wrong."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit
from urllib.robotparser import RobotFileParser

import httpx

from .. import __version__

USER_AGENT = f"crossfloor/{__version__} (political news reader; +https://pypi.org/project/crossfloor/)"
PAGE_TYPES = ("text/html", "application/xhtml+xml")
FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/xml", "text/xml", "application/rdf+xml", "application/feed+json")


class FetchProblem(Exception):
    """A url that could not be fetched; the message is one line naming it."""


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
    timeout: float = 20.0
    host_interval: float = 1.0  # seconds between two requests to one host
    max_redirects: int = 5
    user_agent: str = USER_AGENT
    transport: httpx.BaseTransport | None = None  # for tests
    _last: dict[str, float] = field(default_factory=dict)
    _robots: dict[str, RobotFileParser | None] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.client = httpx.Client(
            headers={"User-Agent": self.user_agent},
            timeout=httpx.Timeout(self.timeout),
            follow_redirects=True,
            max_redirects=self.max_redirects,
            transport=self.transport,
        )

    def close(self) -> None:
        self.client.close()

    def fetch(self, url: str, etag: str | None = None, last_modified: str | None = None, kinds: tuple[str, ...] = PAGE_TYPES + FEED_TYPES) -> Fetched:
        """The url's body (or a 304 when it has not changed since etag / last_modified)."""
        if urlsplit(url).scheme not in ("http", "https"):
            raise FetchProblem(f"{url}: only http and https urls are fetched")
        if not self.allowed(url):
            raise FetchProblem(f"{url}: robots.txt of {urlsplit(url).netloc} disallows it")
        headers = {k: v for k, v in (("If-None-Match", etag), ("If-Modified-Since", last_modified)) if v}
        try:
            return self.get(url, headers, kinds)
        except httpx.TooManyRedirects:
            raise FetchProblem(f"{url}: more than {self.max_redirects} redirects") from None
        except httpx.TimeoutException:
            raise FetchProblem(f"{url}: no answer within {self.timeout:g} s") from None
        except httpx.HTTPError as err:
            raise FetchProblem(f"{url}: {type(err).__name__} ({' '.join(str(err).split())[:200]})") from None

    def get(self, url: str, headers: dict, kinds: tuple[str, ...]) -> Fetched:
        self.wait_for(url)
        with self.client.stream("GET", url, headers=headers) as response:
            final = str(response.url)
            if response.status_code == 304:
                return Fetched(final, 304, etag=response.headers.get("etag"), last_modified=response.headers.get("last-modified"))
            if response.status_code >= 400:
                raise FetchProblem(f"{url}: HTTP {response.status_code} {response.reason_phrase}")
            kind = response.headers.get("content-type", "").split(";")[0].strip().lower()
            if kind and kind not in kinds:
                raise FetchProblem(f"{url}: not a page or feed (content type {kind})")
            declared = response.headers.get("content-length", "")
            if declared.isdigit() and int(declared) > self.max_bytes:
                raise FetchProblem(f"{url}: larger than {self.max_bytes / 1e6:g} MB ({int(declared) / 1e6:.1f} MB declared)")
            body = bytearray()
            for chunk in response.iter_bytes():
                body += chunk
                if len(body) > self.max_bytes:
                    raise FetchProblem(f"{url}: larger than {self.max_bytes / 1e6:g} MB; stopped reading it")
            return Fetched(final, response.status_code, bytes(body), kind, response.headers.get("etag"), response.headers.get("last-modified"))

    def wait_for(self, url: str) -> None:
        """Keep host_interval seconds between two requests to one host."""
        host = urlsplit(url).netloc.lower()
        pause = self._last.get(host, 0.0) + self.host_interval - time.monotonic()
        if pause > 0:
            time.sleep(pause)
        self._last[host] = time.monotonic()

    def allowed(self, url: str) -> bool:
        """robots.txt: a missing one (4xx) allows everything; one that cannot be had (5xx, no
        answer) allows nothing, as RFC 9309 says."""
        parts = urlsplit(url)
        key = f"{parts.scheme}://{parts.netloc}".lower()
        if key not in self._robots:
            self._robots[key] = self.robots_of(key)
        rules = self._robots[key]
        return rules is None or rules.can_fetch(self.user_agent, url)

    def robots_of(self, origin: str) -> RobotFileParser | None:
        parser = RobotFileParser(urljoin(origin, "/robots.txt"))
        try:
            self.wait_for(origin)
            response = self.client.get(urljoin(origin, "/robots.txt"))
        except httpx.HTTPError:
            parser.disallow_all = True
            return parser
        if 400 <= response.status_code < 500:
            return None
        if response.status_code >= 500:
            parser.disallow_all = True
            return parser
        parser.parse(response.text[: self.max_bytes].splitlines())
        return parser


def feed_links(content: bytes) -> list[tuple[str, str | None, str | None]]:
    """(link, title, published YYYY-MM-DD) of each entry of a feed, in the feed's order."""
    import feedparser

    feed = feedparser.parse(content)
    out = []
    for entry in feed.entries:
        link = entry.get("link")
        day = entry.get("published_parsed") or entry.get("updated_parsed")
        if link:
            out.append((link, entry.get("title"), time.strftime("%Y-%m-%d", day) if day else None))
    return out
