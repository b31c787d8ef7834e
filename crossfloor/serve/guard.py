"""What every request meets before the app: hosts other than the served one refused (DNS
rebinding), writes refused before their body is read when they cannot be allowed, cross-site
writes refused (Origin / Referer), and bodies counted while they stream, so a body larger than
the limit is refused with 413 whether or not it declared its length.

A pure ASGI middleware: nothing here reads a body; it only counts what the app reads.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from fastapi import HTTPException
from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .common import WRITES_OFF, WRONG_TOKEN, respond_error, same_token, supplied_token

UNSAFE = frozenset({"POST", "PUT", "PATCH", "DELETE"})
# Paths that add articles; the upload form may carry its token in the body.
WRITE_PATHS = frozenset({"/api/articles", "/api/articles/file", "/upload"})
# Room for the multipart envelope and form fields around an upload of the largest size.
ENVELOPE = 100_000
# Readers' flags on wrong facts: a short form, its body bounded far below an upload's (room for
# serve.pages.FLAG_CHARS characters of four UTF-8 bytes each, percent-encoded, and the fields).
FLAG_PATHS = frozenset({"/flags"})
FLAG_BYTES = 32_000


# Nothing from another host, no inline script, no framing by other sites.
CSP = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
SECURITY_HEADERS = {
    b"x-content-type-options": b"nosniff",
    b"content-security-policy": CSP.encode(),
    b"referrer-policy": b"same-origin",
    b"x-frame-options": b"DENY",
}


# Pages that carry a form token, or answer writes: never kept by a browser or a proxy.
PRIVATE_PATHS = WRITE_PATHS
# Read pages change when articles are added: kept briefly. Assets change with a release.
READ_CACHE = b"max-age=30"
ASSET_CACHE = b"public, max-age=86400"
ASSET_PATHS = ("/static/",)


def cache_control(request: Request, status: int) -> bytes:
    """What a response may be kept for: nothing (no-store) when it is private (a form with its
    token, a write, anything asked with a token) or an error; briefly for reads; a day for
    the package's assets."""
    if request.method not in ("GET", "HEAD") or status >= 400 or request.url.path in PRIVATE_PATHS or supplied_token(request):
        return b"no-store"
    return ASSET_CACHE if request.url.path.startswith(ASSET_PATHS) else READ_CACHE


def with_headers(message: Message, request: Request) -> Message:
    """A response start with the security headers and Cache-Control a route has not set itself."""
    if message["type"] != "http.response.start":
        return message
    headers = list(message.get("headers", []))
    present = {name.lower() for name, _ in headers}
    added = {**SECURITY_HEADERS, b"cache-control": cache_control(request, message["status"])}
    headers += [(name, value) for name, value in added.items() if name not in present]
    return {**message, "headers": headers}


def without_body(send: Send) -> Send:
    """A HEAD request's send: the GET's headers (its Content-Length too), no body."""

    async def head(message: Message) -> None:
        if message["type"] == "http.response.body":
            message = {**message, "body": b""}
        await send(message)

    return head


class BodyTooLarge(HTTPException):
    """Raised while a body streams in, as soon as it passes the limit. An HTTP error, so that
    the app's body parsing lets it through and it is answered as a 413."""

    def __init__(self, detail: str):
        super().__init__(413, detail)


def host_of(request: Request) -> str:
    """The Host header's name, without the port ('[::1]:8000' -> '::1')."""
    host = request.headers.get("host", "")
    if host.startswith("["):
        return host[1 : host.find("]")] if "]" in host else host
    return host.rsplit(":", 1)[0] if host.count(":") == 1 else host


def cross_site(request: Request) -> bool:
    """A browser's write from another origin: its Origin (or Referer) names another host."""
    source = request.headers.get("origin") or request.headers.get("referer")
    if not source:
        return False  # not a browser's cross-site request (browsers send Origin on those)
    if source == "null":
        return True  # sandboxed frames, data: and file: pages
    parts = urlsplit(source)
    return parts.netloc.lower() != request.headers.get("host", "").lower() or parts.scheme not in ("http", "https")


class Guard:
    def __init__(self, app: ASGIApp, web) -> None:
        self.app = app
        self.web = web  # the FastAPI app: settings, and error pages and problem details

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request = Request(scope)
        if scope["method"] == "HEAD":  # answered wherever GET is, as HTTP asks (RFC 9110 9.3.2)
            scope, send = {**scope, "method": "GET"}, without_body(send)
        plain_send = send

        async def send(message: Message) -> None:
            await plain_send(with_headers(message, request))

        refusal = self.refusal(request)
        if refusal is not None:
            await self.refuse(request, *refusal, scope, receive, send)
            return
        if scope["method"] not in UNSAFE:
            await self.app(scope, receive, send)
            return
        limit, detail = self.body_limit(request)
        body = Counter(receive, limit, detail)
        started = False

        async def watched(message: Message) -> None:
            # Once the body passed the limit, the app's own answer (a parse error) is dropped
            # for the 413.
            nonlocal started
            if body.over:
                return
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, body.receive, watched)
        except BodyTooLarge:
            pass
        if body.over and not started:
            await self.refuse(request, 413, detail, scope, receive, send)

    def refusal(self, request: Request) -> tuple[int, str] | None:
        """(status, detail) when the request is refused before the app sees it."""
        settings = self.web.settings
        if host_of(request).lower() not in settings.allowed_hosts:
            return 400, f"this server answers for {', '.join(sorted(settings.allowed_hosts))}, not {host_of(request) or 'no host'}"
        if request.method not in UNSAFE:
            return None
        if cross_site(request):
            return 403, "a write from another site is refused"
        length = request.headers.get("content-length", "")
        limit, detail = self.body_limit(request)
        if length.isdigit() and int(length) > limit:
            return 413, detail
        if request.url.path in WRITE_PATHS:
            return self.write_refusal(request) or json_only(request)
        return None

    def write_refusal(self, request: Request) -> tuple[int, str] | None:
        settings = self.web.settings
        if settings.allow_writes:
            return None
        given = supplied_token(request)
        if settings.token and given is not None:
            return None if same_token(given, settings.token) else (401, WRONG_TOKEN)
        if settings.token and request.url.path == "/upload":
            return None  # the form carries its token; the page checks it
        return 403, WRITES_OFF

    def body_limit(self, request: Request) -> tuple[int, str]:
        """The most bytes a write's body may hold, and what a larger one is told."""
        if request.url.path in FLAG_PATHS:
            return FLAG_BYTES, f"a flag is larger than {FLAG_BYTES // 1000} kB"
        return self.web.settings.max_upload_bytes + ENVELOPE, f"the upload is larger than {self.web.settings.max_upload_bytes / 1_000_000:g} MB"

    async def refuse(self, request: Request, status: int, detail: str, scope: Scope, receive: Receive, send: Send) -> None:
        response = respond_error(self.web, request, status, detail)
        response.headers["Connection"] = "close"  # the rest of an unread body is not waited for
        await response(scope, receive, send)


def json_only(request: Request) -> tuple[int, str] | None:
    """The API's article writes take JSON only: a cross-site page cannot send JSON without the
    site's consent (CORS), while forms and no-cors fetches are sent as forms or plain text."""
    if request.url.path != "/api/articles":
        return None
    if request.headers.get("content-type", "").split(";")[0].strip().lower() != "application/json":
        return 415, "send the article as JSON (Content-Type: application/json)"
    return None


class Counter:
    """A request's receive that counts the body as the app reads it, and stops it (BodyTooLarge)
    as soon as it passes the limit."""

    def __init__(self, receive: Receive, limit: int, detail: str):
        self.inner, self.limit, self.detail = receive, limit, detail
        self.seen = 0
        self.over = False

    async def receive(self) -> Message:
        if self.over:
            raise BodyTooLarge(self.detail)
        message = await self.inner()
        if message["type"] == "http.request":
            self.seen += len(message.get("body", b""))
            if self.seen > self.limit:
                self.over = True
                raise BodyTooLarge(self.detail)
        return message
