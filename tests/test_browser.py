"""The built fixture site in Debian's Chromium, as visitors meet it. (Every page of this site and the
real one is opened once in test_quality.py: its policy, so that no request leaves the site, axe, and
sideways scrolling at 320 px.)"""

import pytest
from conftest import require_chromium, static_server

pytestmark = pytest.mark.browser

require_chromium()


@pytest.fixture(scope="module")
def server(fixture_site):
    with static_server(fixture_site) as url:
        yield url


@pytest.fixture
def page(browser):
    context = browser.new_context()
    page = context.new_page()
    yield page
    context.close()


def test_switcher_takes_the_visitor_to_the_translation(page, server):
    page.goto(server + "pasakumi/fiction-seminar-2021/")
    assert page.locator("html").get_attribute("lang") == "lv"
    page.get_by_role("link", name="English").click()
    page.wait_for_url(server + "en/events/fiction-seminar-2021/")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.get_by_role("heading", level=1).inner_text() == "Made-up seminar"


def test_untranslated_page_switcher_leads_to_section(page, server):
    page.goto(server + "dzives-stasti/lv-only-story/")
    link = page.get_by_role("link", name="English")
    assert "nav tulkots" in page.locator(f"#{link.get_attribute('aria-describedby')}").inner_text()
    link.click()
    page.wait_for_url(server + "en/stories/")
    assert "lv-only-story" not in page.content()


def test_keyboard_reaches_the_switcher(page, server):
    page.goto(server + "en/")
    for _ in range(30):
        page.keyboard.press("Tab")
        focused = page.evaluate("document.activeElement && document.activeElement.textContent.trim()")
        if focused == "Latviešu":
            break
    else:
        pytest.fail("the language switcher is not reachable by Tab")
    page.keyboard.press("Enter")
    page.wait_for_url(server)


def visible_titles(page) -> list[str]:
    return page.locator("[data-lrp-timeline] > li:not([hidden]) .lrp-timeline__title").all_inner_texts()


def test_timeline_filters_instantly_with_javascript(page, server):
    page.goto(server + "laika-josla/")
    assert len(visible_titles(page)) == 6
    page.locator(".lrp-filters__summary").click()  # the filters are folded behind one control
    page.get_by_role("link", name="Sanāksme", exact=True).click()
    assert visible_titles(page) == ["Atcelta tikšanās"]
    assert page.url == server + "laika-josla/?kind=meeting"  # the choice is kept in the URL
    assert page.get_by_role("status").inner_text() == "Rādīto ierakstu skaits: 1"
    assert page.locator("[data-lrp-timeline] h2:not([hidden])").all_inner_texts() == ["2021 1 ieraksts"]
    assert page.locator('.lrp-years li[data-year="2099"]').is_hidden()
    assert page.get_by_role("link", name="Sanāksme", exact=True).get_attribute("aria-current") == "true"
    page.get_by_role("link", name="Rīga").click()
    assert visible_titles(page) == ["Izdomāts seminārs", "Nākotnes konference"]
    # The first visible entry of 2021 carries the year heading; today stands before the future entry.
    first = page.locator("[data-lrp-timeline] > li:not([hidden])").first
    assert first.locator("h2").inner_text() == "2021 1 ieraksts"
    today = page.locator("[data-lrp-today]")
    assert (
        today.evaluate("el => el.closest('li') && el.closest('li').querySelector('h3').innerText")
        == "Nākotnes konference"
    )
    page.go_back()
    assert visible_titles(page) == ["Atcelta tikšanās"]


def test_timeline_filter_from_the_url_and_by_keyboard(page, server):
    page.goto(server + "en/timeline/?place=riga")
    assert visible_titles(page) == ["Made-up seminar", "Future conference"]
    page.locator(".lrp-filters__summary").focus()
    page.keyboard.press("Enter")  # opens the folded filters
    link = page.get_by_role("link", name="All entries")
    link.focus()
    page.keyboard.press("Enter")
    assert len(visible_titles(page)) == 7
    assert page.get_by_role("status").inner_text() == "Entries shown: 7"


def test_timeline_filters_without_javascript(browser, server):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(server + "laika-josla/")
    assert page.get_by_role("link", name="Mēneša mācības").first.is_visible()  # entries are there without script
    page.locator(".lrp-filters__summary").click()  # <details> opens without script
    page.get_by_role("link", name="Konference", exact=True).click()
    page.wait_for_url(server + "laika-josla/kind/conference/")
    assert page.locator(".lrp-timeline__title").all_inner_texts() == ["Nākotnes konference"]
    page.locator(".lrp-filters__summary").click()
    page.get_by_role("link", name="Visi ieraksti").click()
    page.wait_for_url(server + "laika-josla/")
    assert len(page.locator(".lrp-timeline__title").all_inner_texts()) == 6
    page.locator(".lrp-filters__summary").click()
    page.get_by_role("navigation", name="Atlasīt").get_by_role("link", name="Rīga").click()  # a place has its page
    page.wait_for_url(server + "vietas/riga/")
    assert page.locator(".lrp-card__title").all_inner_texts() == ["Nākotnes konference", "Izdomāts seminārs"]
    context.close()
