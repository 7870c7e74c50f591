"""Issue 24, points 3 and 4 in Chromium: the header shows the site's name in full on a phone, the
disclosure controls are named without their glyph, and the header's search field keeps its edge in
forced colours."""

from __future__ import annotations

import pytest
from conftest import require_chromium, static_server

require_chromium()

HOMES = ["", "en/"]
TIMELINES = ["laika-josla/", "en/timeline/"]


@pytest.fixture(scope="module")
def server(fixture_site):
    with static_server(fixture_site) as url:
        yield url


def open_page(browser, url, width, height=844, **options):
    context = browser.new_context(viewport={"width": width, "height": height}, **options)
    page = context.new_page()
    page.goto(url)
    return context, page


@pytest.mark.parametrize("width", [320, 390])
@pytest.mark.parametrize("url", HOMES + TIMELINES)
def test_the_header_shows_the_whole_name_on_a_phone(browser, server, url, width):
    context, page = open_page(browser, server + url, width, is_mobile=True, has_touch=True)
    name = page.locator(".md-header__topic").first.locator(".md-ellipsis")
    lang = page.evaluate("document.documentElement.lang")
    assert name.inner_text() == {"lv": "Latvijas romu platforma", "en": "Latvian Roma Platform"}[lang]
    cut = name.evaluate(
        """e => {
            const style = getComputedStyle(e), box = e.getBoundingClientRect();
            const title = e.closest('.md-header__title').getBoundingClientRect();
            return {
                wide: e.scrollWidth > e.clientWidth, tall: e.scrollHeight > e.clientHeight,
                ellipsis: style.textOverflow === 'ellipsis' && style.whiteSpace === 'nowrap',
                outside: box.left < title.left || box.right > title.right || box.top < title.top
                    || box.bottom > title.bottom || box.right > innerWidth,
            };
        }"""
    )
    assert cut == {"wide": False, "tall": False, "ellipsis": False, "outside": False}
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    context.close()


def disclosure_names(page) -> list[str]:
    """The accessible names Chromium gives the page's <summary> controls."""
    cdp = page.context.new_cdp_session(page)
    nodes = cdp.send("Accessibility.getFullAXTree")["nodes"]
    return [
        node.get("name", {}).get("value", "")
        for node in nodes
        if node.get("role", {}).get("value") == "DisclosureTriangle"
    ]


@pytest.mark.parametrize("width", [390, 1280])
@pytest.mark.parametrize("url", HOMES + TIMELINES)
def test_disclosure_names_hold_no_glyph(browser, server, url, width):
    context, page = open_page(browser, server + url, width)
    page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")  # both glyphs, ▸ and ▾
    names = disclosure_names(page)
    page.evaluate("document.querySelectorAll('details').forEach(d => d.open = false)")
    names += disclosure_names(page)
    assert names and all(name.strip() for name in names)
    assert not [name for name in names if set(name) & set("▸▾▶▼►◂◀")], names
    context.close()


@pytest.mark.parametrize("url", HOMES + ["en/events/fiction-seminar-2021/"])
def test_the_header_search_field_keeps_its_edge_in_forced_colours(browser, server, url):
    context, page = open_page(browser, server + url, 1280, 900, forced_colors="active")
    assert page.evaluate("matchMedia('(forced-colors: active)').matches")
    field = page.locator(".lrp-header-search input")
    assert field.is_visible()
    edge = field.evaluate(
        """e => { const s = getComputedStyle(e);
                  return [s.borderTopStyle, parseFloat(s.borderTopWidth), s.borderTopColor, s.backgroundColor]; }"""
    )
    style, width, colour, background = edge
    assert style == "solid" and width >= 1
    assert colour != background and "rgba(0, 0, 0, 0)" not in colour
    context.close()
