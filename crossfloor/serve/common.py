"""What the web app's modules share, so that none of them imports another both ways: the app's
settings and type, who may write (tokens), answering errors (problem details for the API, a
friendly page otherwise) and rendering a template. app, guard, api and pages import this
module; it imports none of them."""

from __future__ import annotations

import hashlib
import hmac
import secrets
import time
from dataclasses import dataclass

from fastapi import FastAPI, HTTPException, Request
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.templating import Jinja2Templates

from ..settings import get_settings
from ..store.database import Database

LOOPBACK = ("127.0.0.1", "localhost", "::1")
WRITES_OFF = "adding articles is off: start the server with --allow-writes, or send the CROSSFLOOR_TOKEN as X-Crossfloor-Token"
WRONG_TOKEN = "the token sent is not this server's"
FORM_TOKEN_SECONDS = 4 * 3600


@dataclass
class ServeSettings:
    db_url: str
    allow_writes: bool = False
    token: str | None = None
    max_upload_bytes: int = 5_000_000
    # The names this server answers for (the Host header); any other is refused, so a page on
    # another site cannot reach it through DNS rebinding.
    allowed_hosts: tuple[str, ...] = LOOPBACK
    # How long one search may run, in seconds (then it is stopped and the page says so).
    search_seconds: float = 2.0
    # How long one upload's analysis may run, in seconds (0: no limit); None: the settings'
    # article_seconds (CROSSFLOOR_ARTICLE_SECONDS).
    article_seconds: float | None = None
    # The most list rows one export (/api/export/...) holds; one that would hold more is refused.
    export_rows: int = 100_000
    # The most readers' flags the database holds; past it a new flag is refused (429).
    max_flags: int = 10_000

    def __post_init__(self) -> None:
        if self.article_seconds is None:
            self.article_seconds = get_settings().article_seconds
        self.allowed_hosts = tuple(sorted({h.lower().strip("[]") for h in self.allowed_hosts}))


class FormTokens:
    """Per-form tokens against cross-site form posts: a time and its HMAC under a key that lives
    as long as the server process."""

    def __init__(self, key: bytes | None = None):
        self.key = key or secrets.token_bytes(32)

    def issue(self, now: float | None = None) -> str:
        stamp = str(int(now if now is not None else time.time()))
        return f"{stamp}.{self.sign(stamp)}"

    def sign(self, stamp: str) -> str:
        return hmac.new(self.key, stamp.encode(), hashlib.sha256).hexdigest()

    def valid(self, token: str | None, now: float | None = None) -> bool:
        stamp, _, mac = (token or "").partition(".")
        if not stamp.isdigit() or not hmac.compare_digest(mac.encode("utf-8", "surrogateescape"), self.sign(stamp).encode()):
            return False
        age = (now if now is not None else time.time()) - int(stamp)
        return 0 <= age <= FORM_TOKEN_SECONDS


class App(FastAPI):
    """FastAPI with the app's database, settings and templates attached."""

    db: Database
    settings: ServeSettings
    templates: Jinja2Templates
    form_tokens: FormTokens


def same_token(given: str | None, expected: str | None) -> bool:
    """Constant-time comparison of a token as sent (any characters; a header arrives decoded as
    Latin-1) with the configured one."""
    if not given or not expected:
        return False
    return hmac.compare_digest(given.encode("utf-8", "surrogateescape"), expected.encode("utf-8", "surrogateescape"))


def supplied_token(request: Request) -> str | None:
    return request.headers.get("x-crossfloor-token") or request.headers.get("authorization", "").removeprefix("Bearer ").strip() or None


def writes_allowed(request: Request, supplied: str | None = None) -> bool:
    settings: ServeSettings = request.app.settings
    if settings.allow_writes:
        return True
    return bool(settings.token) and same_token(supplied or supplied_token(request), settings.token)


def require_writes(request: Request, token: str | None = None) -> None:
    """Nothing when this request may add articles; else 401 for a wrong token, 403 for none."""
    if writes_allowed(request, token):
        return
    if token or supplied_token(request):
        raise HTTPException(401, WRONG_TOKEN)
    raise HTTPException(403, WRITES_OFF)


def wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/") or request.url.path == "/openapi.json"


def problem(status: int, title: str, detail: str) -> JSONResponse:
    return JSONResponse({"type": "about:blank", "title": title, "status": status, "detail": detail}, status_code=status, media_type="application/problem+json")


TITLES = {400: "Bad request", 401: "Not allowed", 403: "Refused", 415: "Unsupported media type", 404: "Not found", 405: "Method not allowed", 413: "Too large", 422: "Invalid input", 429: "Too many", 500: "Something went wrong", 503: "Database unavailable"}


def respond_error(app: App, request: Request, status: int, detail: str):
    title = TITLES.get(status, "Error")
    if wants_json(request):
        return problem(status, title, detail)
    return app.templates.TemplateResponse(request, "error.html", {"status": status, "title": title, "detail": detail}, status_code=status)


def html(request: Request, template: str, **context) -> HTMLResponse:
    return request.app.templates.TemplateResponse(request, template, context)
