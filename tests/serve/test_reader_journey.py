"""A reader's journey through the web app in Chromium (issue 29's judging list), against
`crossfloor serve` on the seeds (dated 1999 and 2022, outlet 'Seed News') and the bundled samples
(undated): the skip link, a filtered search sorted newest first, the full CSV of a filtered list
equal to the API's rows, /api/docs drawing its operations, a quote's permalink, the flag form and
the flags list, a timeline turned round, and the person page on a 375-pixel phone. Nothing is
asked of any host but the server.

Runs where Debian's Chromium (CROSSFLOOR_CHROMIUM, else `chromium` on the PATH) and the
`playwright` package (a test dependency; it drives that Chromium, no browser is downloaded)
are there, and is skipped otherwise. Screenshots go to test-artifacts/screenshots/reader-*.png
(test-artifacts/ is ignored by git)."""

import csv
import io
import re

import pytest

from tests.serve.test_browser import CHROMIUM, SHOTS, new_tab, serving
from tests.serve.test_browser import shot as browser_shot
from tests.serve.test_journey import AXE, browser, serious_violations  # noqa: F401 - browser: the module's Chromium fixture
from tests.serve.test_serve import SAMPLES

pytestmark = pytest.mark.skipif(not __import__("os").path.exists(CHROMIUM), reason=f"no Chromium at {CHROMIUM}")
PHONE = {"width": 375, "height": 812}


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with serving(tmp_path_factory.mktemp("reader"), SAMPLES) as base:
        yield base


@pytest.fixture()
def page(browser, server):
    """A desktop tab that records every URL it asks for: all must be the server's."""
    tab = new_tab(browser, accept_downloads=True)
    asked: list[str] = []
    tab.on("request", lambda request: asked.append(request.url))
    yield tab
    tab.context.close()
    assert asked and all(url.startswith(server + "/") for url in asked), [u for u in asked if not u.startswith(server + "/")]


def shot(page, name: str) -> None:
    browser_shot(page, f"reader-{name}")


def focused(page) -> dict:
    return page.evaluate("() => { const e = document.activeElement; const r = e.getBoundingClientRect(); return {text: e.textContent.trim(), "
                         "inMain: !!e.closest('main'), inResults: !!e.closest('#results'), top: r.top, left: r.left, width: r.width, height: r.height} }")


def test_the_skip_links_reach_the_content_and_the_results(page, server):
    page.goto(server + "/")
    page.keyboard.press("Tab")
    link = focused(page)
    assert link["text"] == "Skip to content"
    assert link["width"] > 0 and link["height"] > 0 and 0 <= link["top"] < PHONE["height"] and link["left"] >= 0  # in sight once focused
    shot(page, "01-skip-link")
    page.keyboard.press("Enter")
    assert page.url.endswith("#content")
    page.keyboard.press("Tab")
    assert focused(page)["inMain"]

    page.goto(server + "/search?q=by-election")
    for _ in range(2):
        page.keyboard.press("Tab")
    assert focused(page)["text"] == "Skip to results"
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    first = focused(page)
    assert first["inResults"] and re.search(r"by[- ]election", first["text"], re.I)  # the first hit, three Tabs in


def dates_of(page, selector: str) -> list[str]:
    return [re.search(r"\d{4}-\d{2}-\d{2}", t).group(0) if re.search(r"\d{4}-\d{2}-\d{2}", t) else "" for t in page.locator(selector).all_inner_texts()]


def test_a_filtered_search_sorted_newest_first(page, server):
    page.goto(server + "/search")
    page.fill("form.filters input[name=q]", "by-election")
    page.fill("form.filters input[name=outlet]", "Seed")
    page.select_option("form.filters select[name=act]", "said")
    page.select_option("form.filters select[name=sort]", "newest")
    page.click("form.filters button")
    page.wait_for_url("**/search?*sort=newest*")
    hits = page.locator("ul.hits li.hit")
    total = int(re.match(r"(\d+) hits?", page.inner_text(".hit-count")).group(1))
    assert hits.count() == total >= 5
    metas = page.locator("ul.hits li.hit .meta").all_inner_texts()
    assert all("Seed News" in m for m in metas)  # the filter held, in the query
    days = dates_of(page, "ul.hits li.hit .meta")
    assert all(days) and days == sorted(days, reverse=True) and days[0].startswith("2022") and days[-1].startswith("1999")
    assert page.locator(".hit-order strong").inner_text() == "newest first"
    shot(page, "02-search-filtered-newest")
    page.click(".hit-order a:text('oldest first')")
    assert dates_of(page, "ul.hits li.hit .meta") == sorted(days)
    shot(page, "03-search-oldest")


def test_the_full_csv_of_a_filtered_list_is_the_apis_rows(page, server):
    page.goto(server + "/search?speaker=Woodward&sort=newest")
    shown = page.locator("table.quotes-table tbody tr").count()
    assert shown >= 3
    with page.expect_download() as download:
        page.click(".list-tools a.export:text('CSV')")
    rows = list(csv.DictReader(io.StringIO(download.value.path().read_text(encoding="utf-8"))))
    api = page.request.get(server + "/api/quotes", params={"speaker": "Woodward", "sort": "newest", "limit": 500}).json()["items"]
    assert [int(r["id"]) for r in rows] == [q["id"] for q in api] and len(rows) == shown
    assert [r["text"] for r in rows] == [q["text"] for q in api]
    shot(page, "04-quotes-filtered")

    page.goto(server + "/events?type=party_switch")
    days = dates_of(page, "table.events-table tbody tr td:nth-child(3)")
    assert days == sorted(days, reverse=True)  # newest first
    with page.expect_download() as download:
        page.click(".list-tools a.export:text('CSV')")
    rows = list(csv.DictReader(io.StringIO(download.value.path().read_text(encoding="utf-8"))))
    api = page.request.get(server + "/api/events", params={"type": "party_switch", "limit": 500}).json()["items"]
    assert list(dict.fromkeys(int(r["id"]) for r in rows)) == [e["id"] for e in api]
    assert len(rows) == sum(len(e["sources"]) for e in api)  # a row per source
    shot(page, "05-events-newest")


def test_the_api_docs_show_their_operations(page, server):
    page.goto(server + "/api/docs")
    page.wait_for_selector(".swagger-ui .opblock-summary-path")
    paths = {p.replace("\u200b", "") for p in page.locator(".swagger-ui .opblock-summary-path").all_inner_texts()}
    assert {"/api/search", "/api/quotes/{quote_id}", "/api/timeline", "/api/flags", "/api/export/flags", "/api/export/quotes"} <= paths, paths
    shot(page, "06-api-docs")


def test_a_quote_permalink_and_its_flag_form(page, server):
    page.goto(server + "/search?speaker=Reeves")
    page.click("table.quotes-table a.permalink >> nth=0")
    page.wait_for_url("**/quotes/*")
    quote_id = int(page.url.rsplit("/", 1)[-1])
    quote = page.request.get(f"{server}/api/quotes/{quote_id}").json()
    assert page.inner_text("blockquote.quote-page") == quote["text"] and "Rachel Reeves" in page.inner_text("h1")
    assert page.get_attribute("dl.facts a[href^='/quotes/']", "href") == f"/quotes/{quote_id}"
    shot(page, "07-quote-permalink")

    page.fill("#flag-what", "She said this on BBC Breakfast, not Radio 4.")
    page.click("form.flag-form button")
    page.wait_for_url(f"**/quotes/{quote_id}?flagged=*")
    assert "Thank you: your flag is number" in page.inner_text("section.flag")
    shot(page, "08-flag-sent")
    page.click("section.flag a[href='/flags']")
    assert "She said this on BBC Breakfast, not Radio 4." in page.inner_text("table.flags-table")
    flags = page.request.get(server + "/api/flags", params={"target_id": quote_id}).json()["items"]
    assert flags[0]["what"] == "She said this on BBC Breakfast, not Radio 4." and flags[0]["fact"]["text"] == quote["text"]
    shot(page, "09-flags")


def test_a_persons_timeline_from_their_page(page, server):
    page.goto(server + "/people?name=Woodward")
    page.click("table.list tbody a >> nth=0")
    page.click("a.timeline-link")
    page.wait_for_url("**/timeline?name=*")
    days = [d for d in dates_of(page, "table.timeline-table tbody td:first-child") if d]
    assert days and days == sorted(days, reverse=True)
    assert page.locator("table.timeline-table tbody tr.event").count() >= 1 and page.locator("table.timeline-table tbody tr.quote").count() >= 1
    shot(page, "10-timeline")
    page.click("table.timeline-table th a")  # the When column turns it round
    assert [d for d in dates_of(page, "table.timeline-table tbody td:first-child") if d] == sorted(days)


def test_the_person_page_on_a_phone(browser, server):
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    phone = context.new_page()
    phone.goto(server + "/people?name=Reeves")
    phone.click("table.list tbody a >> nth=0")
    assert phone.evaluate("() => document.documentElement.scrollWidth") <= PHONE["width"]
    sizes = phone.evaluate("""() => ({
        quote: document.querySelector('ul.quotes blockquote').getBoundingClientRect().width,
        wide: [...document.querySelectorAll('svg.chart-wide')].map(s => getComputedStyle(s).display),
        narrow: [...document.querySelectorAll('svg.chart-narrow')].map(s => [s.getBoundingClientRect().width, +s.getAttribute('width'), s.getBoundingClientRect().right]),
    })""")
    assert sizes["quote"] >= 300, sizes  # the quote column takes the screen's width
    assert sizes["wide"] and set(sizes["wide"]) == {"none"}
    assert sizes["narrow"] and all(shown >= 0.95 * drawn and right <= PHONE["width"] for shown, drawn, right in sizes["narrow"]), sizes  # drawn at its size: text readable, nothing cut off
    phone.screenshot(path=str(SHOTS / "reader-11-phone-person.png"), full_page=True)

    phone.click("ul.quotes li a[href^='/articles/'] >> nth=0")
    quote = phone.locator(".article-text .q[tabindex]").first
    quote.tap()
    box = quote.evaluate("e => { const s = getComputedStyle(e, '::after'); return [s.position, s.left, s.right, s.content] }")
    assert box[0] == "fixed" and box[1] == box[2] == "8px" and "·" in box[3], box  # the details box spans the screen, never past its edge
    phone.screenshot(path=str(SHOTS / "reader-12-phone-quote-details.png"))
    phone.goto(server + "/search?speaker=Reeves")
    cell = phone.evaluate("() => document.querySelector('table.quotes-table tbody tr td:nth-child(2)').getBoundingClientRect().width")
    assert cell >= 300 and phone.evaluate("() => document.documentElement.scrollWidth") <= PHONE["width"]
    phone.screenshot(path=str(SHOTS / "reader-13-phone-quotes.png"), full_page=True)
    context.close()


@pytest.mark.skipif(not AXE.exists(), reason="axe-core is not installed (npm ci)")
def test_the_new_pages_have_no_serious_accessibility_violation(browser, server):
    """The timeline, a quote's and an event's page with their flag forms, the flags list, and a
    person's page, on a desktop and on a phone."""
    found = {}
    for viewport in ({"width": 1280, "height": 900}, PHONE):
        tab = new_tab(browser, bypass_csp=True)
        tab.set_viewport_size(viewport)
        quote = tab.request.get(server + "/api/quotes", params={"limit": 1}).json()["items"][0]
        event = tab.request.get(server + "/api/events", params={"limit": 1}).json()["items"][0]
        for path in ("/timeline?name=Woodward", "/timeline", f"/quotes/{quote['id']}", f"/events/{event['id']}", "/flags", f"/people/{quote['person_id'] or 1}"):
            if bad := serious_violations(tab, server + path):
                found[(viewport["width"], path)] = bad
        tab.context.close()
    assert not found, found
