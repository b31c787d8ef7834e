"""The web app in a real browser: Debian's Chromium driven by Playwright against `crossfloor
serve`. Screenshots of each page are kept in test-artifacts/screenshots."""

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from tests.conftest import ROOT, write_seeds

CHROMIUM = os.environ.get("CROSSFLOOR_CHROMIUM", shutil.which("chromium") or "/usr/bin/chromium")
SHOTS = ROOT / "test-artifacts" / "screenshots"
pytestmark = pytest.mark.skipif(not os.path.exists(CHROMIUM), reason=f"no Chromium at {CHROMIUM}")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(base: str, tries: int = 150) -> None:
    for _ in range(tries):
        try:
            urllib.request.urlopen(base + "/", timeout=1)
            return
        except OSError:
            time.sleep(0.2)


@contextlib.contextmanager
def serving(folder, *inputs, options: tuple[str, ...] = (), serve_options: tuple[str, ...] = (), database=None):
    """`crossfloor serve` on a free port over a database of the seeds (dated, outlet 'Seed
    News') and any other inputs, or over a copy of a `database` file built already."""
    db = f"sqlite:///{folder / 'web.db'}"
    cli = [sys.executable, "-m", "crossfloor.cli", *options]
    if database is not None:
        shutil.copy(database, folder / "web.db")
    else:
        seeds = write_seeds(folder / "seeds.jsonl")
        subprocess.run([*cli, "ingest", str(seeds), *map(str, inputs), "--db", db, "--quiet", "--keep-going"], cwd=ROOT, check=True, capture_output=True)
    port = free_port()
    process = subprocess.Popen([*cli, "serve", "--db", db, "--port", str(port), *serve_options], cwd=ROOT, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    wait_for(base)
    try:
        yield base
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with serving(tmp_path_factory.mktemp("browser"), serve_options=("--allow-writes",)) as base:
        yield base


@contextlib.contextmanager
def chromium():
    """Debian's Chromium under Playwright, for one module's tests."""
    playwright = pytest.importorskip("playwright.sync_api")
    SHOTS.mkdir(parents=True, exist_ok=True)
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        try:
            yield browser
        finally:
            browser.close()


def new_tab(browser, **options):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, **options)
    tab = context.new_page()
    tab.set_default_timeout(20_000)
    return tab


def shot(page, name: str) -> None:
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


@pytest.fixture(scope="module")
def page(server):
    with chromium() as browser:
        yield new_tab(browser)


def test_a_reporter_searches_opens_a_person_and_an_article_and_uploads(page, server):
    page.goto(server + "/")
    assert page.title() == "Home · crossfloor"
    shot(page, "01-front")

    page.fill(".big-search input[name=q]", "by-election")
    page.click(".big-search button")
    page.wait_for_url("**/search?q=by-election*")
    hits = page.locator("ul.hits li")
    assert hits.count() >= 5
    assert "There won't be a by-election." in page.inner_text("ul.hits")
    shot(page, "02-search")

    page.goto(server + "/people?name=Reeves")
    page.click("text=Rachel Reeves")
    assert page.inner_text("h1") == "Rachel Reeves"
    quotes = page.inner_text("section:has(h2:text-matches('^Quotes [(]'))")
    assert "I'm happy to have him as a Labour MP" in quotes
    assert "Radio 4" in page.inner_text("section:has(h2:text('Who quoted them'))")
    shot(page, "03-person")

    page.click("ul.quotes li a[href^='/articles/']")
    text = page.locator(".article-text")
    assert text.locator("span.q").count() >= 5
    first = text.locator("span.q").first
    assert "Rachel Reeves" in (page.locator("span.q[title*='Rachel Reeves']").first.get_attribute("title") or "")
    assert first.evaluate("e => getComputedStyle(e).backgroundColor") != "rgba(0, 0, 0, 0)"
    shot(page, "04-article")

    page.goto(server + "/events?type=party_switch")
    page.click("text=Christian Wakeford")
    assert page.locator(".sources-grid article.source").count() == 2
    shot(page, "05-event")

    page.goto(server + "/upload")
    page.fill("textarea[name=text]", "Minister quits\n\nThe housing minister, Tom Vale, has resigned from the government over planning reforms, his office said.")
    page.fill("input[name=title]", "Minister quits")
    page.fill("input[name=published]", "2024-03-05")
    page.click("form.upload button")
    page.wait_for_url("**/articles/*")
    assert page.inner_text("h1") == "Minister quits"
    assert page.locator(".article-text span.ev").count() >= 1
    shot(page, "06-uploaded")
    page.click("text=resignation")
    assert "Tom Vale resigned" in page.inner_text("h1")
    shot(page, "07-uploaded-event")


def test_the_api_docs_render_the_schema_from_this_server_alone(page, server):
    """issue 29: Swagger UI 4.15 said "Unable to render this definition" for the OpenAPI 3.1
    schema. Swagger UI 5 draws every operation, and nothing is asked of another host."""
    asked = []
    page.on("request", lambda request: asked.append(request.url))
    page.goto(server + "/api/docs")
    page.wait_for_selector(".swagger-ui .opblock-summary-path")
    paths = page.locator(".swagger-ui .opblock-summary-path").all_inner_texts()
    assert {"/api/quotes", "/api/events", "/api/people"} <= {p.replace("\u200b", "") for p in paths}, paths
    assert "Unable to render" not in page.inner_text("body")
    assert page.locator("header nav a[href='/events']").count() == 1
    assert asked and all(url.startswith(server + "/") for url in asked), [u for u in asked if not u.startswith(server)]
    shot(page, "08-api-docs")
