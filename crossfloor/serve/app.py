"""The web app: server-rendered pages and a JSON API over one database, in one FastAPI app.

Everything shown comes from untrusted article text, so templates autoescape and the article view
builds its markup from escaped pieces. Writes (uploads) are off unless the app is started with
allow_writes or a token is configured and sent. Errors are friendly pages for people and problem
details (RFC 9457) for the API; no stack trace reaches a user.
"""

from __future__ import annotations

import logging
from importlib import resources
from pathlib import Path

from fastapi import Request
from fastapi.exceptions import RequestValidationError
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..store.database import DatabaseProblem, open_database
from .api import router as api_router
from .common import LOOPBACK, App, FormTokens, ServeSettings, html, respond_error
from .exports import router as export_router
from .guard import CSP, Guard
from .pages import router as page_router

__all__ = ["LOOPBACK", "App", "ServeSettings", "create_app"]

log = logging.getLogger("crossfloor.serve")
PACKAGE = Path(str(resources.files("crossfloor.serve")))


def create_app(settings: ServeSettings) -> App:
    app = App(
        title="crossfloor",
        description="Who said what, and who switched sides, in political news: quotes, events, people and stories with their sources.",
        version="0.4",
        docs_url=None,
        redoc_url=None,
        openapi_url="/openapi.json",
    )
    app.settings = settings
    app.form_tokens = FormTokens()
    app.db = open_database(settings.db_url)
    app.templates = Jinja2Templates(directory=str(PACKAGE / "templates"))
    app.templates.env.autoescape = True
    app.templates.env.auto_reload = False  # templates are package files: no stat() on every render
    app.templates.env.filters["web_url"] = web_url
    app.mount("/static", StaticFiles(directory=str(PACKAGE / "static")), name="static")
    # The API documentation's Swagger UI (5.x, which reads OpenAPI 3.1) is in static/swagger-ui,
    # pinned there (its VERSION file): nothing is loaded from another host.

    @app.get("/api/docs", include_in_schema=False)
    def api_docs(request: Request):
        page = html(request, "api_docs.html")
        # Swagger UI sets style attributes as it draws; scripts stay this server's own.
        page.headers["Content-Security-Policy"] = CSP.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")
        return page

    app.include_router(api_router)
    app.include_router(export_router)
    app.include_router(page_router)
    install_error_handlers(app)

    # Outermost: hosts, cross-site writes and body sizes are checked before anything else runs,
    # and every response gets the security headers (SECURITY_HEADERS in guard.py).
    app.add_middleware(Guard, web=app)
    return app


def web_url(url: str | None) -> str | None:
    """A url to link to: http(s) only ('javascript:' and 'data:' urls are shown, never linked)."""
    if not url:
        return None
    scheme = url.strip().split(":", 1)[0].lower() if ":" in url else ""
    return url.strip() if scheme in ("http", "https") else None


def allowed_methods(app: App, path: str) -> list[str]:
    """Every method some route takes at this path (Starlette names only the first route's), and
    HEAD wherever GET is (the guard answers it)."""
    routes = [*app.routes, *api_router.routes, *export_router.routes, *page_router.routes]  # included routers' routes are not in app.routes
    methods = {m for route in routes if getattr(route, "methods", None) and route.path_regex.match(path) for m in route.methods}
    if "GET" in methods:
        methods.add("HEAD")
    return sorted(methods)


def install_error_handlers(app: App) -> None:
    def respond(request: Request, status: int, detail: str):
        return respond_error(app, request, status, detail)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        response = respond(request, exc.status_code, str(exc.detail))
        response.headers.update(exc.headers or {})  # a 401's WWW-Authenticate
        if exc.status_code == 405:
            response.headers["Allow"] = ", ".join(allowed_methods(app, request.url.path))
        return response

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

