"""Issue 14 in Chromium: the first screen of the home page and the timeline on a phone and a
laptop, in both languages, with and without JavaScript; the chart's scroll region, the folded
filters, the share control and forced colours (axe: test_quality.py, on every page)."""

from __future__ import annotations

import pytest
from conftest import SITE_URL, require_chromium, static_server
from playwright.sync_api import expect

require_chromium()

SIZES = [(390, 844), (1280, 900)]
HOMES = {"": "Izmēģinājuma vietne", "en/": "Fixture site"}
TIMELINES = {"laika-josla/": ("Visi ieraksti", "4 ieraksti"), "en/timeline/": ("All entries", "5 entries")}


@pytest.fixture(scope="module")
def server(fixture_site):
    with static_server(fixture_site) as url:
        yield url


def open_page(browser, server, url, size, script=True):
    width, height = size
    phone = width < 500
    context = browser.new_context(
        viewport={"width": width, "height": height}, is_mobile=phone, has_touch=phone, java_script_enabled=script
    )
    page = context.new_page()
    page.goto(server + url)
    return context, page


def on_first_screen(page, locator) -> bool:
    box = locator.bounding_box()
    height = page.viewport_size["height"]
    return bool(box) and locator.is_visible() and box["y"] >= 0 and box["y"] + box["height"] <= height


@pytest.mark.parametrize("script", [True, False], ids=["js", "nojs"])
@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("url", list(HOMES))
def test_home_first_screen_says_what_it_is_and_where_to_go(browser, server, url, size, script):
    context, page = open_page(browser, server, url, size, script)
    assert page.get_by_role("heading", level=1).inner_text() == HOMES[url]
    assert on_first_screen(page, page.locator(".lrp-hero__purpose"))
    ways = page.locator(".lrp-ways a")
    assert ways.count() == 4
    for index in range(4):
        assert on_first_screen(page, ways.nth(index)), ways.nth(index).inner_text()
    assert page.evaluate("document.documentElement.scrollWidth") <= size[0]
    context.close()


@pytest.mark.parametrize("script", [True, False], ids=["js", "nojs"])
@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("url", list(TIMELINES))
def test_timeline_starts_on_the_first_screen(browser, server, url, size, script):
    context, page = open_page(browser, server, url, size, script)
    everything, count = TIMELINES[url]
    summary = page.locator(".lrp-filters__summary")
    assert on_first_screen(page, summary) and everything in summary.inner_text()
    assert not page.locator(".lrp-filters__body").is_visible()  # folded behind one control
    chart = page.locator(".lrp-chart__scroll")
    assert chart.bounding_box()["y"] < size[1] - 100  # the picture starts on the first screen
    assert count in page.locator(".lrp-timeline__year").first.inner_text()
    assert page.evaluate("document.documentElement.scrollWidth") <= size[0]
    context.close()


def test_folded_filters_name_the_choice_and_recount_the_years(browser, server):
    context, page = open_page(browser, server, "laika-josla/", (390, 844))
    page.locator(".lrp-filters__summary").click()
    page.get_by_role("link", name="Konference", exact=True).click()
    assert page.locator("[data-lrp-choice]").inner_text() == "Veids: Konference"
    assert page.locator(".lrp-timeline__year:not([hidden])").all_inner_texts() == ["2099 1 ieraksts"]
    assert page.locator(".lrp-chart__mark--dim").count() == 5  # the other entries' marks are dimmed
    page.get_by_role("link", name="Visi ieraksti").click()
    assert page.locator("[data-lrp-choice]").inner_text() == "Visi ieraksti"
    assert page.locator(".lrp-timeline__year").first.inner_text() == "2021 4 ieraksti"
    assert page.locator(".lrp-chart__mark--dim").count() == 0
    context.close()


def test_static_filtered_view_names_its_choice_without_script(browser, server):
    context, page = open_page(browser, server, "en/timeline/kind/conference/", (390, 844), script=False)
    assert page.locator("[data-lrp-choice]").inner_text() == "Type: Conference"
    context.close()


@pytest.mark.parametrize("url", ["laika-josla/", "en/"])
def test_a_chart_wider_than_the_phone_scrolls_in_its_own_region_with_a_cue(browser, server, url):
    """The fixture's chart has a far-future entry: two labelled breaks make it wider than 320 px
    (the real content's fits: tests/test_chart_browser.py)."""
    context, page = open_page(browser, server, url, (320, 700))
    region = page.locator(".lrp-chart__scroll")
    assert region.get_attribute("role") == "region" and region.get_attribute("tabindex") is None
    assert region.evaluate("el => el.scrollWidth > el.clientWidth")  # it scrolls, the page does not
    assert "radial-gradient" in region.evaluate("el => getComputedStyle(el).backgroundImage")  # the shadow
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    region.locator("a").first.focus()  # from a link in it, the arrow keys scroll the region
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    # A function, not an expression: Playwright evaluates an expression's text with eval, which the
    # site's Content-Security-Policy forbids; it waits up to its default 30 s.
    page.wait_for_function("() => document.querySelector('.lrp-chart__scroll').scrollLeft > 0")
    size = page.locator(".lrp-chart__year").first.evaluate("el => parseFloat(getComputedStyle(el).fontSize)")
    assert size >= 12  # drawn at its own size, not shrunk to the phone
    context.close()


def test_chart_marks_are_links_without_script(browser, server):
    context, page = open_page(browser, server, "en/timeline/", (1280, 900), script=False)
    page.locator('.lrp-chart__mark[data-key="events/fiction-month"]').click()
    page.wait_for_url(server + "en/events/fiction-month/")
    context.close()


def test_share_uses_the_web_share_api_where_there_is_one(browser, server):
    context = browser.new_context()
    context.add_init_script(
        "window.__shared = []; navigator.share = (data) => { window.__shared.push(data); return Promise.resolve(); };"
    )
    page = context.new_page()
    page.goto(server + "en/events/fiction-seminar-2021/")
    page.get_by_role("button", name="Share").click()
    page.wait_for_function("() => window.__shared.length === 1")
    assert page.evaluate("window.__shared[0]") == {
        "title": "Made-up seminar",
        "url": f"{SITE_URL}en/events/fiction-seminar-2021/",
    }
    context.close()


def test_share_copies_the_link_where_there_is_no_web_share(browser, server):
    context = browser.new_context()
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=server.rstrip("/"))
    context.add_init_script("delete Navigator.prototype.share;")
    page = context.new_page()
    page.goto(server + "pasakumi/fiction-seminar-2021/")
    page.get_by_role("button", name="Dalīties").click()
    expect(page.locator("[data-lrp-share-status]")).to_have_text("Saite nokopēta.")
    assert page.evaluate("navigator.clipboard.readText()") == f"{SITE_URL}pasakumi/fiction-seminar-2021/"
    context.close()


def test_share_control_is_hidden_without_script(browser, server):
    context, page = open_page(browser, server, "en/events/fiction-seminar-2021/", (390, 844), script=False)
    assert page.locator("[data-lrp-share]").count() == 1 and not page.locator("[data-lrp-share]").is_visible()
    context.close()


def test_forced_colours_keep_the_chart_readable(browser, server):
    context, page = open_page(browser, server, "en/timeline/", (1280, 900))
    page.emulate_media(forced_colors="active")
    fill = "sel => getComputedStyle(document.querySelector(sel)).fill"
    canvas = page.evaluate("getComputedStyle(document.body).backgroundColor")
    held = page.evaluate(fill, ".lrp-chart__mark--held rect, .lrp-chart__mark--held circle")
    planned = page.evaluate(fill, ".lrp-chart__mark--planned circle")
    text = page.evaluate("getComputedStyle(document.querySelector('.lrp-chart__year')).color")
    assert planned == canvas and held != canvas and text != canvas
    stroke = page.evaluate(
        "getComputedStyle(document.querySelector('.lrp-chart__mark--unreported rect')).strokeDasharray"
    )
    assert stroke not in ("", "none")  # no report yet: dashed, in any colours
    context.close()
