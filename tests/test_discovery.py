"""Discovery and sharing: search per language, feeds, link previews, themes and places (structured data:
test_feeds.py)."""

import re
import shutil
from pathlib import Path

import feedparser
import pytest
from conftest import SITE_URL, read, require_chromium, static_server

SEARCH = """async (query) => {
  const bundle = new URL(document.querySelector("[data-lrp-search]").dataset.bundle, location.href);
  const pagefind = await import(bundle.href);
  await pagefind.options({ baseUrl: new URL("../", bundle).pathname });
  const search = await pagefind.search(query);
  return Promise.all(search.results.map(async (r) => { const d = await r.data(); return [d.url, d.meta.title, d.meta.type || "", d.meta.summary || ""]; }));
}"""


@pytest.fixture(scope="module")
def served(fixture_site, tmp_path_factory):
    """The fixture site under its sub-path /lrp/, as on a GitHub project site."""
    root = tmp_path_factory.mktemp("served")
    shutil.copytree(fixture_site, root / "lrp")
    with static_server(root) as base:
        yield base + "lrp/"


def search(browser, base, page_url, query):
    require_chromium()
    page = browser.new_page()
    page.goto(base + page_url)
    results = page.evaluate(SEARCH, query)
    page.close()
    return results


@pytest.mark.browser
@pytest.mark.parametrize("query", ["zakens", "zaķēns", "gimenu", "Vilaka", "VIĻAKĀ"])
def test_latvian_search_folds_diacritics(browser, served, query):
    urls = [url for url, *_ in search(browser, served, "meklet/", query)]
    assert "/lrp/pasakumi/fiction-month/" in urls
    assert all(not url.startswith("/lrp/en/") for url in urls)


@pytest.mark.browser
def test_english_search_has_english_results_only(browser, served):
    results = search(browser, served, "en/search/", "vilaka")
    assert [url for url, *_ in results] == ["/lrp/en/events/fiction-month/"]
    assert search(browser, served, "en/search/", "zakens") == []  # that word is only on the Latvian page


@pytest.mark.browser
def test_results_have_title_type_and_summary(browser, served):
    results = {url: rest for url, *rest in search(browser, served, "meklet/", "semināra apraksts")}
    assert results["/lrp/pasakumi/fiction-seminar-2021/"] == [
        "Izdomāts seminārs",
        "Pasākums",
        "Dienas precizitātes seminārs testiem.",
    ]


@pytest.mark.browser
def test_only_page_content_is_indexed(browser, served):
    for word in ("atspoguļots", "Komisijas", "finansiālo", "Kājene"):  # words of the footer only
        assert search(browser, served, "meklet/", word) == [], word


@pytest.mark.browser
def test_metadata_labels_are_not_indexed_and_values_are_words_of_their_own(browser, served):
    for label in ("Statuss", "Dalībnieki"):  # they label every event: no result is better
        assert search(browser, served, "meklet/", label) == [], label
    # the seminar's number of participants, not glued to its label into "dalībnieki12"
    assert "/lrp/pasakumi/fiction-seminar-2021/" in [url for url, *_ in search(browser, served, "meklet/", "12")]


@pytest.mark.browser
def test_header_search_box_by_keyboard(browser, served):
    require_chromium()
    page = browser.new_page()
    page.goto(served + "pasakumi/")
    page.get_by_role("searchbox", name="Meklēt vietnē").fill("zakens")
    page.keyboard.press("Enter")
    page.wait_for_url("**/lrp/meklet/?q=zakens")
    page.wait_for_selector(".lrp-search__results li")
    first = page.locator(".lrp-search__results li a").first
    assert first.inner_text() == "Mēneša mācības" and first.get_attribute("href") == "/lrp/pasakumi/fiction-month/"
    assert page.get_by_role("status").inner_text() == "Atrasto rezultātu skaits: 1"
    page.close()


def test_material_search_is_gone(fixture_site):
    assert not (fixture_site / "search").exists() and "lunr" not in read(fixture_site, "")


# ---- feeds -------------------------------------------------------------------------------------


def test_feeds_per_language(fixture_site):
    lv = feedparser.parse((fixture_site / "feed.xml").read_bytes())
    en = feedparser.parse((fixture_site / "en/feed.xml").read_bytes())
    assert not lv.bozo and not en.bozo
    assert lv.feed.title == "Latvijas romu platforma" and en.feed.language == "en"
    lv_links = [entry.link for entry in lv.entries]
    assert f"{SITE_URL}pasakumi/fiction-future/" in lv_links  # in the order of change: tests/test_feeds.py
    assert (
        f"{SITE_URL}dzives-stasti/lv-only-story/" in lv_links and f"{SITE_URL}en/events/english-only/" not in lv_links
    )
    en_links = [entry.link for entry in en.entries]
    assert f"{SITE_URL}en/events/english-only/" in en_links
    assert not any("lv-only-story" in link for link in en_links)
    assert not any("fiction-draft" in link for link in en_links + lv_links)
    book = next(e for e in en.entries if e.link.endswith("/en/publications/fiction-book/"))
    assert book.title == "The made-up book" and book.summary == "A book that does not exist."


def test_feed_declared_in_every_head(fixture_site):
    assert (
        '<link rel="alternate" type="application/atom+xml" title="Jaunākais Latvijas romu platformas vietnē (Atom)" href="../../feed.xml">'
        in read(fixture_site, "pasakumi/fiction-month")
    )
    assert (
        'type="application/atom+xml" title="Latest from the Latvian Roma Platform (Atom)" href="../feed.xml">'
        in read(fixture_site, "en/timeline")
    )


# ---- link previews -------------------------------------------------------------------------------


def meta(html: str) -> dict:
    head = html.split("</head>")[0]
    found = {}
    for key, value in re.findall(r'<meta (?:property|name)="((?:og|twitter):[^"]+)" content="([^"]*)">', head):
        found.setdefault(key, []).append(value)
    return {key: values[0] if len(values) == 1 else values for key, values in found.items()}


def test_link_preview_of_an_item_with_image(fixture_site):
    tags = meta(read(fixture_site, "dzives-stasti/anna-fiction"))
    assert tags == {
        "og:site_name": "Latvijas romu platforma",
        "og:title": "Annas izdomātais stāsts",
        "og:description": "Izdomāts dzīvesstāsts testiem.",
        "og:url": f"{SITE_URL}dzives-stasti/anna-fiction/",
        "og:type": "article",
        "og:locale": "lv_LV",
        "og:locale:alternate": "en_GB",
        "og:image": f"{SITE_URL}media/share/stories/images/portrait.png.jpg",  # cut to 1200 × 630
        "og:image:type": "image/jpeg",
        "og:image:width": "1200",
        "og:image:height": "630",
        "og:image:alt": "Izdomāts portrets brūnos toņos",
        "twitter:card": "summary_large_image",
    }


def test_link_preview_defaults(fixture_site):
    tags = meta(read(fixture_site, "en/events/english-only"))
    assert tags["og:locale"] == "en_GB" and "og:locale:alternate" not in tags
    assert tags["og:image"] == f"{SITE_URL}media/share/site.en.png"  # the English card of the site
    assert (fixture_site / "media/share/site.en.png").is_file()
    assert meta(read(fixture_site, "en"))["og:type"] == "website"


# ---- themes and places ----------------------------------------------------------------------------


def card_titles(html: str) -> list[str]:
    return re.findall(r'class="lrp-card__title"><a href="[^"]+">([^<]+)</a>', html)


def test_theme_and_place_pages_list_their_language(fixture_site):
    assert card_titles(read(fixture_site, "temas/education")) == ["Izdomāts seminārs"]
    assert card_titles(read(fixture_site, "en/themes/women")) == ["Anna's made-up story".replace("'", "&#39;")]
    assert card_titles(read(fixture_site, "vietas/riga")) == ["Nākotnes konference", "Izdomāts seminārs"]
    assert card_titles(read(fixture_site, "en/places/lithuania")) == ["English-only meeting"]
    assert card_titles(read(fixture_site, "vietas/lithuania")) == []
    assert "Par šo vietu vēl nav ierakstu." in read(fixture_site, "vietas/lithuania")


def test_vocabulary_indexes_and_the_map(fixture_site):
    themes = read(fixture_site, "en/themes")
    assert re.search(r'<a href="education/">Education</a> <span class="lrp-muted">\(entries: 1\)</span>', themes)
    places = read(fixture_site, "vietas")
    svg = places.split('<figure class="lrp-map">')[1].split("</svg>")[0]
    assert 'role="img"' in svg and "<title" in svg and svg.count("<path") == 2
    assert svg.count("<circle") == 8  # every place with coordinates (baltic-states and abroad have none)
    assert ">Viļaka</text>" in svg and ">Lietuva</text>" in svg
    assert (
        "Natural Earth" in places and "<script" not in places.split('<div id="main-content"')[1].split("</article>")[0]
    )


def test_item_pages_link_their_themes_and_places(fixture_site):
    def target(page: str, label: str) -> Path:
        """Where the page's link named ``label`` leads, from the site's folder."""
        href = re.search(rf'<a href="([^"]+)">(?:<span lang="lv">)?{label}(?:</span>)?</a>', read(fixture_site, page))[
            1
        ]
        return (fixture_site / page / href).resolve().relative_to(fixture_site.resolve())

    page = "en/events/fiction-seminar-2021"
    assert target(page, "Ventspils") == Path("en/places/ventspils")
    assert target(page, "Education") == Path("en/themes/education")
    assert target("pasakumi/fiction-seminar-2021", "Ventspils") == Path("vietas/ventspils")


@pytest.mark.browser
def test_results_come_ten_at_a_time(browser, tmp_path):
    require_chromium()
    from conftest import build_site, write_site
    from playwright.sync_api import expect

    events = {
        f"events/e{n:02d}.en.md": f"---\ntitle: Meeting {n:02d}\nsummary: A made-up meeting.\ndate: 2021-01-{n:02d}\nkind: meeting\nplaces: [riga]\nproject: platforma-v\n---\nMediation.\n"
        for n in range(1, 15)
    }
    site = build_site(write_site(tmp_path, events, base=None))
    with static_server(site) as base:
        page = browser.new_page()
        page.goto(base + "en/search/?q=mediation")
        page.wait_for_selector(".lrp-search__results li")
        assert page.locator(".lrp-search__results li").count() == 10
        assert page.get_by_role("status").inner_text() == "Results found: 14"
        page.get_by_role("button", name="Show more results").click()
        expect(page.locator(".lrp-search__results li")).to_have_count(14)  # no string evaluated: the CSP forbids it
        assert page.get_by_role("button", name="Show more results").is_hidden()
        page.close()


@pytest.mark.browser
def test_docs_and_home_pages_are_searched_listings_are_not(browser, served):
    urls = [url for url, *_ in search(browser, served, "meklet/", "izdomāta vietne")]
    assert "/lrp/" in urls  # the home page, from docs/index.lv.md
    assert "/lrp/par-mums/" in [url for url, *_ in search(browser, served, "meklet/", "saite")]
    everything = [url for url, *_ in search(browser, served, "meklet/", "mēneša mācības")]
    assert everything == ["/lrp/pasakumi/fiction-month/"]  # not the listings, the timeline or the place pages
