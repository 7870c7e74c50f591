"""The search page as a keyboard and screen-reader visitor uses it (overrides/lrp/search.html,
overrides/assets/lrp-search.js): "show more" hands the focus to the first new result and says
how many came, an empty result says what to try, a type with no result is not offered, and the
page has one search landmark, named."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, quote, urlsplit

import pytest
from conftest import static_server

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def base(real_site):
    with static_server(real_site) as address:
        yield address


def finished(page, query: str) -> None:
    page.wait_for_function(
        "q => { const l = document.querySelector('[data-lrp-search-results]'); return l.dataset.query === q && l.getAttribute('aria-busy') === 'false'; }",
        arg=query,
    )


def results(page) -> list[str]:
    return page.locator(".lrp-search__title a").evaluate_all("links => links.map((a) => a.getAttribute('href'))")


@pytest.mark.parametrize(("url", "query"), [("meklet/", "romu"), ("en/search/", "Roma")])
def test_show_more_moves_the_focus_to_the_first_new_result_and_says_how_many(browser, base, url, query):
    page = browser.new_page()
    page.goto(base + url + "?q=" + quote(query))
    finished(page, query)
    more = page.locator("[data-lrp-search-more]")
    status = page.get_by_role("status")
    while more.is_visible():  # to the last "show more", which hides the button as it is used
        before = page.locator(".lrp-search__results > li").count()
        more.focus()
        page.keyboard.press("Enter")
        page.wait_for_function("n => document.querySelectorAll('.lrp-search__results > li').length > n", arg=before)
        after = page.locator(".lrp-search__results > li").count()
        first_new = page.locator(".lrp-search__results > li").nth(before).locator("a").first
        assert first_new.evaluate("a => a === document.activeElement")
        assert status.get_attribute("aria-live") == "polite"
        assert re.fullmatch(r"(Parādīto papildu rezultātu skaits|More results shown): (\d+)", status.inner_text())
        assert int(status.inner_text().rsplit(" ", 1)[1]) == after - before
    assert before >= 10, "the query needs more than one page of results"
    assert page.evaluate("() => document.activeElement !== document.body")  # the hidden button took no focus away
    page.close()


@pytest.mark.parametrize(
    ("url", "timeline", "other", "texts"),
    [
        ("meklet/", "/laika-josla/", "/en/search/", ["pareizi", "laika joslā", "angļu valodā"]),
        ("en/search/", "/en/timeline/", "/meklet/", ["spelling", "timeline", "in Latvian"]),
    ],
)
def test_an_empty_result_says_what_to_try(browser, base, url, timeline, other, texts):
    page = browser.new_page()
    page.goto(base + url + "?q=qqqzzz")
    finished(page, "qqqzzz")
    tips = page.locator("[data-lrp-search-empty]")
    assert tips.is_visible()
    for text in texts:
        assert text in tips.inner_text()
    hrefs = [urlsplit(href) for href in tips.get_by_role("link").evaluate_all("ls => ls.map((a) => a.href)")]
    assert [h.path for h in hrefs] == [timeline, other]
    assert parse_qs(hrefs[1].query) == {"q": ["qqqzzz"]}  # the other language's search, asked the same
    # A search that finds something hides them again.
    box = page.get_by_role("searchbox").first
    box.fill("Viļaka" if url == "meklet/" else "Lithuania")
    box.press("Enter")
    finished(page, box.input_value())
    assert tips.is_hidden()
    page.close()


def test_a_type_with_no_result_is_not_offered(browser, base):
    page = browser.new_page()
    page.goto(base + "meklet/?q=" + quote("izdevums"))
    finished(page, "izdevums")
    types = page.get_by_role("group", name="Veids")
    offered = types.get_by_role("radio").evaluate_all(
        "rs => rs.map((r) => r.labels[0].textContent.replace(/\\s+/g, ' ').trim())"
    )
    assert offered == ["Visi (6)", "Pasākumi (2)", "Izdevumi (1)", "Lapas (3)"]
    assert not any(label.endswith("(0)") for label in offered)
    page.close()


@pytest.mark.parametrize(("url", "name"), [("meklet/", "Meklēšana"), ("en/search/", "Search")])
def test_one_named_search_landmark(browser, base, url, name):
    page = browser.new_page()
    page.goto(base + url)
    landmarks = page.get_by_role("search")
    assert landmarks.count() == 1
    assert page.get_by_role("search", name=name, exact=True).count() == 1
    page.close()
