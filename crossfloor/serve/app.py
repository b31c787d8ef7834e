"""The web app: server-rendered pages and a JSON API over one database, in one FastAPI app.

Everything shown comes from untrusted article text, so templates autoescape and the article view
builds its markup from escaped pieces. Writes (uploads) are off unless the app is started with
allow_writes or a token is configured and sent. Errors are friendly pages for people and problem
details (RFC 9457) for the API; no stack trace reaches a user.
"""

from __future__ import annotations

import logging
import secrets
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..store.database import Database, DatabaseProblem, open_database

log = logging.getLogger("crossfloor.serve")
PACKAGE = Path(str(resources.files("crossfloor.serve")))


@dataclass
class ServeSettings:
    db_url: str
    allow_writes: bool = False
    token: str | None = None
    max_upload_bytes: int = 5_000_000


class App(FastAPI):
    """FastAPI with the app's database, settings and templates attached."""

    db: Database
    settings: ServeSettings
    templates: Jinja2Templates


def create_app(settings: ServeSettings) -> App:
    app = App(
        title="crossfloor",
        description="Who said what, and who switched sides, in political news: quotes, events, people and stories with their sources.",
        version="0.4",
        docs_url="/api/docs",
        redoc_url=None,
        openapi_url="/openapi.json",
    )
    app.settings = settings
    app.db = open_database(settings.db_url)
    app.templates = Jinja2Templates(directory=str(PACKAGE / "templates"))
    app.templates.env.autoescape = True
    app.mount("/static", StaticFiles(directory=str(PACKAGE / "static")), name="static")

    from .api import router as api_router
    from .pages import router as page_router

    app.include_router(api_router)
    app.include_router(page_router)
    install_error_handlers(app)

    @app.middleware("http")
    async def limit_uploads(request: Request, call_next):
        """Refuse an oversized body before reading it (413), whatever the route."""
        length = request.headers.get("content-length")
        if request.method == "POST" and length and length.isdigit() and int(length) > settings.max_upload_bytes + 100_000:
            return respond_error(app, request, 413, f"the upload is larger than {settings.max_upload_bytes // 1_000_000} MB")
        return await call_next(request)

    @app.middleware("http")
    async def security_headers(request: Request, call_next):
        response = await call_next(request)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self' https://cdn.jsdelivr.net; style-src-elem 'self' https://cdn.jsdelivr.net 'unsafe-inline'")
        response.headers.setdefault("Referrer-Policy", "same-origin")
        return response

    return app


def writes_allowed(request: Request, supplied: str | None = None) -> bool:
    settings: ServeSettings = request.app.settings
    if settings.allow_writes:
        return True
    if not settings.token:
        return False
    given = supplied or request.headers.get("x-crossfloor-token") or request.headers.get("authorization", "").removeprefix("Bearer ").strip()
    return bool(given) and secrets.compare_digest(given, settings.token)


def wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/") or request.url.path == "/openapi.json"


def problem(status: int, title: str, detail: str) -> JSONResponse:
    return JSONResponse({"type": "about:blank", "title": title, "status": status, "detail": detail}, status_code=status, media_type="application/problem+json")


TITLES = {400: "Bad request", 401: "Not allowed", 403: "Writes are off", 404: "Not found", 405: "Method not allowed", 413: "Too large", 422: "Invalid input", 500: "Something went wrong", 503: "Database unavailable"}


def respond_error(app: App, request: Request, status: int, detail: str):
    title = TITLES.get(status, "Error")
    if wants_json(request):
        return problem(status, title, detail)
    return app.templates.TemplateResponse(request, "error.html", {"status": status, "title": title, "detail": detail}, status_code=status)


def install_error_handlers(app: App) -> None:
    def respond(request: Request, status: int, detail: str):
        return respond_error(app, request, status, detail)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        return respond(request, exc.status_code, str(exc.detail))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError):
        first = exc.errors()[0] if exc.errors() else {}
        where = ".".join(str(x) for x in first.get("loc", ()) if x not in ("query", "path", "body"))
        return respond(request, 422, f"{where}: {first.get('msg', 'invalid value')}" if where else "invalid input")

    @app.exception_handler(DatabaseProblem)
    async def database_down(request: Request, exc: DatabaseProblem):
        return respond(request, 503, str(exc))

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception):
        log.exception("unhandled error on %s", request.url.path)
        return respond(request, 500, "The server could not answer this request; it has been logged.")


def html(request: Request, template: str, **context) -> HTMLResponse:
    return request.app.templates.TemplateResponse(request, template, context)
