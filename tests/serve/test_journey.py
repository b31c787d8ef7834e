"""A journalist's path through the web app in Chromium, on the seeds and the BBC corpus: search a
hyphenated word, a quoted phrase and a name (the person first), open a hit and land on its marked
words, go event -> person -> story, download the CSV of a filtered list and find the rows shown;
every page type checked with axe-core (no serious or critical violation), on a desktop and a
390-pixel phone screen. Screenshots go to test-artifacts/screenshots/journey-*.png."""

import csv
import io
import re

import pytest

from tests.conftest import ROOT
from tests.serve.test_browser import CHROMIUM, SHOTS, chromium, new_tab, serving
from tests.serve.test_browser import shot as browser_shot

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
pytestmark = pytest.mark.skipif(not CHROMIUM or not __import__("os").path.exists(CHROMIUM), reason=f"no Chromium at {CHROMIUM}")
PHRASE = re.compile(r"by[-\s]election", re.I)


@pytest.fixture(scope="module")
def server(tmp_path_factory, seeds_and_bbc):
    with serving(tmp_path_factory.mktemp("journey"), database=seeds_and_bbc) as base:
        yield base


@pytest.fixture(scope="module")
def browser():
    with chromium() as running:
        yield running


@pytest.fixture()
def page(browser):
    # axe is injected as a script of the test's own; the pages' policy allows only their server's.
    tab = new_tab(browser, bypass_csp=True, accept_downloads=True)
    yield tab
    tab.context.close()


def shot(page, name: str) -> None:
    browser_shot(page, f"journey-{name}")


def test_a_journalists_path(page, server):
    page.goto(server + "/")
    page.fill(".big-search input[name=q]", "by-election")
    page.click(".big-search button")
    hits = page.locator("ul.hits li.hit > a")
    assert hits.count() >= 10
    assert all(PHRASE.search(hits.nth(k).inner_text()) for k in range(hits.count()))
    assert page.locator("ul.hits mark").count() >= hits.count()
    assert re.search(r"\d+\+? hits", page.inner_text(".hit-count"))
    shot(page, "01-search-hyphenated")

    page.goto(server + '/search?q="a by-election"')
    hits = page.locator("ul.hits li.hit > a")
    assert hits.count() >= 3 and all(re.search(r"\ba by[-\s]election", hits.nth(k).inner_text(), re.I) for k in range(hits.count()))
    shot(page, "02-search-phrase")

    page.goto(server + "/search?q=Wakeford")
    assert page.locator("section.found-people li").first.inner_text().startswith("Christian Wakeford")
    order = page.evaluate("() => [...document.querySelectorAll('main h2')].map(h => h.textContent)")
    assert order.index("People") < order.index("Quotes and sentences")
    shot(page, "03-search-name")

    page.click("ul.hits li.hit > a >> nth=0")
    page.wait_for_url("**#m")
    marked = page.locator("#m")
    assert "marked" in (marked.get_attribute("class") or "")
    box, height = marked.bounding_box(), page.viewport_size["height"]
    assert box is not None and 0 <= box["y"] < height, box  # the page opened on the words
    shot(page, "04-article-marked")

    page.goto(server + "/events?type=party_switch")
    page.click("table.events-table a:has-text('Christian Wakeford')")
    shot(page, "05-event")
    page.click("dl.facts a[href^='/people/']")
    assert page.inner_text("h1") == "Christian Wakeford"
    shot(page, "06-person")
    page.click("section:has(h2:text-matches('^Quotes [(]')) h3 a[href^='/stories/'] >> nth=0")
    assert page.url.rsplit("/", 2)[-2] == "stories"
    shot(page, "07-story")

    page.goto(server + "/events?type=party_switch&sort=newest")
    shown = page.locator("table.events-table tbody tr").count()
    with page.expect_download() as download:
        page.evaluate("href => { const a = document.createElement('a'); a.href = href; a.download = 'events.csv'; document.body.appendChild(a); a.click(); }", page.get_attribute(".list-tools a:text('CSV')", "href"))
    rows = list(csv.DictReader(io.StringIO(download.value.path().read_text(encoding="utf-8"))))
    assert len(rows) == shown and {r["type"] for r in rows} == {"party_switch"}
    links = [page.locator("table.events-table tbody tr td:first-child a").nth(k).get_attribute("href") for k in range(shown)]
    assert [f"/events/{r['id']}" for r in rows] == links  # the same rows, in the same order
    shot(page, "08-events-list")


PAGES = ["/", "/search?q=by-election", "/search", "/people", "/events", "/stories", "/upload", "/api/docs"]


@pytest.mark.skipif(not AXE.exists(), reason="axe-core is not installed (npm ci)")
def test_every_page_type_has_no_serious_accessibility_violation(page, server):
    page.goto(server + "/people")
    person = page.get_attribute("table.list tbody tr td a", "href")
    page.goto(server + "/events")
    event = page.get_attribute("table.events-table tbody tr td a", "href")
    page.goto(server + "/stories")
    story = page.get_attribute("table.list tbody tr td a", "href")
    page.goto(server + story)
    article = page.get_attribute("ol.articles a", "href")
    found = {path: bad for path in PAGES + [person, event, story, article] if (bad := serious_violations(page, server + path))}
    assert not found, found


def serious_violations(page, url: str) -> list[str]:
    """axe-core's serious and critical violations on the page at url (the tab must bypass the
    page's script policy: axe is the test's own script)."""
    page.goto(url)
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("() => axe.run(document, {resultTypes: ['violations']})")
    return [f"{v['id']} ({v['impact']}): {v['nodes'][0]['target']}" for v in result["violations"] if v["impact"] in ("serious", "critical")]


def test_pages_fit_a_phone_screen(browser, server):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(server + "/stories")
    story = page.get_attribute("table.list tbody tr td a", "href")
    page.goto(server + story)
    article = page.get_attribute("ol.articles a", "href")
    for name, path in (("front", "/"), ("search", "/search?q=by-election"), ("events", "/events"), ("article", article)):
        page.goto(server + path)
        width = page.evaluate("() => document.documentElement.scrollWidth")
        assert width <= 390, (path, width)
        page.screenshot(path=str(SHOTS / f"journey-phone-{name}.png"), full_page=True)
    # A tap on a quote shows its details (not only a hover).
    quote = page.locator(".article-text .q[tabindex]").first
    quote.tap()
    details = quote.evaluate("e => getComputedStyle(e, '::after').content")
    assert "·" in details, details
    page.screenshot(path=str(SHOTS / "journey-phone-quote-details.png"))
    context.close()
