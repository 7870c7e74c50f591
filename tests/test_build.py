"""MkDocs builds of fixture content, inspected as HTML."""

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from conftest import REPO, SITE_URL, build_site, read, write_site

MKDOCS = [sys.executable, "-m", "mkdocs"]


def head_links(html: str) -> dict:
    head = html.split("</head>")[0]
    return {
        m.group(1): m.group(2) for m in re.finditer(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', head)
    }


def test_addresses_per_language(fixture_site):
    for url in [
        "",
        "en",
        "par-mums",
        "en/about",
        "pasakumi",
        "en/events",
        "dzives-stasti",
        "en/stories",
        "izdevumi",
        "en/publications",
        "pasakumi/fiction-seminar-2021",
        "en/events/fiction-seminar-2021",
        "dzives-stasti/anna-fiction",
        "en/stories/anna-fiction",
        "dzives-stasti/lv-only-story",
        "izdevumi/fiction-book",
        "en/publications/fiction-book",
        "en/events/english-only",
    ]:
        assert (fixture_site / url / "index.html").is_file(), url
    assert not (fixture_site / "en/stories/lv-only-story").exists()
    assert not (fixture_site / "pasakumi/english-only").exists()
    assert not (fixture_site / "index.lv").exists() and not (fixture_site / "docs").exists()


def test_html_lang_and_material_ui_strings_per_page(fixture_site):
    lv, en = read(fixture_site, "pasakumi/fiction-seminar-2021"), read(fixture_site, "en/events/fiction-seminar-2021")
    assert '<html lang="lv"' in lv and '<html lang="en"' in en
    # Material's own strings: the menu button's name, the navigation's label
    assert '<span class="lrp-visually-hidden">Navigācija</span>' in lv and ">Navigation</span>" in en
    assert "Navigācija" in lv and 'aria-label="Navigation"' in en
    assert "Latvijas romu platforma" in lv and "Latvian Roma Platform" in en


def test_hreflang_alternates_are_absolute_with_x_default(fixture_site):
    links = head_links(read(fixture_site, "en/events/fiction-seminar-2021"))
    assert links == {
        "lv": f"{SITE_URL}pasakumi/fiction-seminar-2021/",
        "en": f"{SITE_URL}en/events/fiction-seminar-2021/",
        "x-default": f"{SITE_URL}pasakumi/fiction-seminar-2021/",
    }
    assert head_links(read(fixture_site, "en/about")) == {
        "lv": f"{SITE_URL}par-mums/",
        "en": f"{SITE_URL}en/about/",
        "x-default": f"{SITE_URL}par-mums/",
    }
    # An untranslated page declares only itself.
    assert head_links(read(fixture_site, "dzives-stasti/lv-only-story")) == {
        "lv": f"{SITE_URL}dzives-stasti/lv-only-story/",
        "x-default": f"{SITE_URL}dzives-stasti/lv-only-story/",
    }
    assert head_links(read(fixture_site, "en/events/english-only")) == {"en": f"{SITE_URL}en/events/english-only/"}


def test_switcher_leads_to_the_translation(fixture_site):
    html = read(fixture_site, "pasakumi/fiction-seminar-2021")
    assert re.search(
        r'<a class="lrp-switcher__link" href="../../en/events/fiction-seminar-2021/" hreflang="en" lang="en">English</a>',
        html,
    )
    html = read(fixture_site, "en/about")
    assert re.search(r'href="../../par-mums/" hreflang="lv" lang="lv">Latviešu</a>', html)


def test_switcher_on_untranslated_page_goes_to_section_and_says_so(fixture_site):
    html = read(fixture_site, "dzives-stasti/lv-only-story")
    assert re.search(
        r'href="../../en/stories/" hreflang="en" lang="en"\s+aria-describedby="lrp-not-translated-en">English</a>', html
    )
    assert "(nav tulkots)" in html
    assert "Šī lapa nav pieejama valodā: angļu." in html
    html = read(fixture_site, "en/events/english-only")
    assert 'href="../../../pasakumi/" hreflang="lv"' in html and "This page is not available in Latvian." in html


def test_untranslated_items_stay_out_of_other_language_listings(fixture_site):
    assert "lv-only-story" in read(fixture_site, "dzives-stasti") and "lv-only-story" not in read(
        fixture_site, "en/stories"
    )
    assert "english-only" in read(fixture_site, "en/events") and "english-only" not in read(fixture_site, "pasakumi")


def test_translation_shows_inherited_fields(fixture_site):
    html = read(fixture_site, "en/events/fiction-seminar-2021")
    assert '<time datetime="2021-09-24">24 September 2021</time>' in html
    assert "Ventspils" in html and "Riga" in html and "Education" in html and "Latvian Roma Platform V" in html
    assert "12" in html and "The Made-up Association" in html and "made-up teachers" in html
    assert "Izdomātā biedrība" not in html  # partners are the file's own, never inherited


@pytest.mark.parametrize(
    ("url", "fragment"),
    [
        ("pasakumi/fiction-seminar-2021", '<time datetime="2021-09-24">2021. gada 24. septembris</time>'),
        ("en/events/fiction-month", '<time datetime="2021-10">October 2021</time>'),
        ("pasakumi/fiction-month", '<time datetime="2021-10">2021. g. oktobris</time>'),
        ("en/events/fiction-year-span", '<time datetime="2022">2022</time>–<time datetime="2023">2023</time>'),
        (
            "en/events/fiction-cancelled",
            '<time datetime="2021-11-05">5</time>–<time datetime="2021-11-06">6 November 2021</time>',
        ),
        ("dzives-stasti/lv-only-story", '<time datetime="2023">2023</time>'),
    ],
)
def test_dates_at_each_precision(fixture_site, url, fragment):
    assert fragment in read(fixture_site, url)


def test_event_labels(fixture_site):
    assert "Konference" in read(fixture_site, "pasakumi/fiction-future") and "plānots" in read(
        fixture_site, "pasakumi/fiction-future"
    )
    assert "cancelled" in read(fixture_site, "en/events/fiction-cancelled")
    assert "notika" in read(fixture_site, "pasakumi/fiction-month")


def test_related_links_both_ways_and_launch(fixture_site):
    story = read(fixture_site, "dzives-stasti/anna-fiction")
    event = read(fixture_site, "pasakumi/fiction-seminar-2021")
    book = read(fixture_site, "izdevumi/fiction-book")
    assert 'href="../../pasakumi/fiction-seminar-2021/"' in story and 'href="../../izdevumi/fiction-book/"' in story
    assert 'href="../../dzives-stasti/anna-fiction/"' in event
    assert "Šajā pasākumā prezentēts" in event and 'href="../../izdevumi/fiction-book/">Izdomātā grāmata' in event
    assert "Prezentēts" in book and 'href="../../pasakumi/fiction-seminar-2021/">Izdomāts seminārs' in book
    assert "978-3-16-148410-0" in book and "romu" in book and "Ieva Izdomāta" in book
    assert 'href="https://example.org/book.pdf">Grāmata (PDF)' in book


def test_story_page_shows_person_consent_stays_private(fixture_site):
    html = read(fixture_site, "dzives-stasti/anna-fiction")
    assert "Anna (izdomāta)" in html and "Testa Autors" in html and "2024. g. maijs" in html
    assert "2024-05-02" not in html  # the consent date is for the record, not for the page
    assert (
        '<img src="../../media/stories/images/portrait.png" alt="Izdomāts portrets brūnos toņos" width="30" height="20">'
        in html
    )
    assert (fixture_site / "media/stories/images/portrait.png").is_file()
    source = read(fixture_site, "dzives-stasti/lv-only-story")
    assert 'href="https://example.org/story" rel="noopener">Izdomāts portāls</a>' in source


def test_relative_links_between_docs_and_items(fixture_site):
    assert 'href="../pasakumi/fiction-seminar-2021/"' in read(fixture_site, "par-mums")
    assert 'href="par-mums/"' in read(fixture_site, "")


def test_navigation_lists_sections_never_items(fixture_site):
    html = read(fixture_site, "pasakumi/fiction-seminar-2021")
    nav = html.split('data-md-level="0"')[1].split("</nav>")[0]
    assert "Pasākumi" in nav and "Izdevumi" in nav and "Dzīvesstāsti" in nav and "Par mums" in nav
    assert "fiction-seminar-2021" not in nav and "Atcelta" not in nav
    en_nav = read(fixture_site, "en/events").split('data-md-level="0"')[1].split("</nav>")[0]
    assert "Events" in en_nav and "About us" in en_nav and "Pasākumi" not in en_nav


def test_shared_page_parts_link_from_each_page(fixture_site):
    """The drawer, the footer and Material's stylesheets are rendered once per language: their
    links must still lead from every page's own depth, and the current entry is marked."""
    events = read(fixture_site, "pasakumi").split('data-md-level="0"')[1].split("</nav>")[0]
    assert '<a href="../pasakumi/" class="md-nav__link md-nav__link--active" aria-current="page">' in events
    item = read(fixture_site, "en/events/fiction-seminar-2021")
    assert 'aria-current="page"' not in item.split('data-md-level="0"')[1].split("</nav>")[0]
    for page in ("", "en", "pasakumi", "pasakumi/fiction-seminar-2021", "en/events/fiction-seminar-2021"):
        html = read(fixture_site, page)
        assert 'href=""' not in html and 'action=""' not in html, page  # a link to the page itself is "./"
        drawer = html.split('data-md-level="0"')[1].split("</nav>")[0]
        header = html.split("<header")[1].split("</header>")[0]  # the menu, the mark, the search box
        links = re.findall(r'href="([^"]+)"', drawer) + re.findall(r'href="([^"]+)"', html.split("<footer")[1])
        links += re.findall(r'(?:href|action)="([^"#]+)"', header)
        for href in (link for link in links if not link.startswith("mailto:")):
            assert (fixture_site / page / href / "index.html").resolve().is_file(), (page, href)
        sheets = re.findall(r'<link rel="stylesheet" href="([^"]+)">', html)
        assert len(sheets) == 4, page  # Material's main and palette stylesheets, and our two
        for href in sheets:
            assert (fixture_site / page / href).resolve().is_file(), (page, href)
    assert "Kultūras ministrija" in read(fixture_site, "pasakumi").split('<footer class="md-footer lrp-footer">')[1]


def test_section_index_newest_first(fixture_site):
    html = read(fixture_site, "en/events")
    titles = re.findall(r'class="lrp-card__title"><a href="[^"]+">([^<]+)</a>', html)
    assert titles == [
        "Future conference",
        "Programme of years",
        "English-only meeting",
        "Cancelled meeting",
        "Month training",
        "Made-up seminar",
    ]


def test_drafts_only_in_the_preview(fixture_site, tmp_path):
    site = fixture_site  # built as `mkdocs build` builds
    assert not (site / "pasakumi/fiction-draft").exists() and "Melnraksta" not in read(site, "pasakumi")
    preview = build_site(write_site(tmp_path), serve=True)
    assert "Melnraksts — netiek publicēts" in read(preview, "pasakumi/fiction-draft")
    assert "Melnraksta pasākums" in read(preview, "pasakumi")


def test_sitemap_has_alternates(fixture_site):
    tree = ET.parse(fixture_site / "sitemap.xml")
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    urls = {
        u.find("s:loc", ns).text: {link.get("hreflang"): link.get("href") for link in u.findall("x:link", ns)}
        for u in tree.getroot()
    }
    assert urls[f"{SITE_URL}en/about/"] == {
        "lv": f"{SITE_URL}par-mums/",
        "en": f"{SITE_URL}en/about/",
        "x-default": f"{SITE_URL}par-mums/",
    }
    assert f"{SITE_URL}pasakumi/fiction-draft/" not in urls
    assert f"{SITE_URL}en/stories/lv-only-story/" not in urls


def test_pagination(tmp_path):
    events = {
        f"events/e{n:02d}.lv.md": f"---\ntitle: Pasākums {n:02d}\nsummary: S.\ndate: 2021-01-{n:02d}\nkind: other\nplaces: [riga]\nproject: platforma-v\n---\n"
        for n in range(1, 6)
    }
    site = build_site(write_site(tmp_path, events, base=None, page_size="2"))
    assert re.findall(r">Pasākums (\d\d)<", read(site, "pasakumi")) == ["05", "04"]
    assert re.findall(r">Pasākums (\d\d)<", read(site, "pasakumi/3")) == ["01"]
    page2 = read(site, "pasakumi/2")
    assert 'rel="prev" href="../"' in page2 and 'rel="next" href="../3/"' in page2 and 'aria-current="page"' in page2
    assert "<title>Pasākumi, 2. lapa – Latvijas romu platforma</title>" in page2


def test_pagination_links_do_not_grow_with_the_listing(tmp_path):
    events = {
        f"events/e{n:02d}.lv.md": f"---\ntitle: Pasākums {n:02d}\nsummary: S.\ndate: 2021-01-{n:02d}\nkind: other\nplaces: [riga]\nproject: platforma-v\n---\n"
        for n in range(1, 21)
    }
    site = build_site(write_site(tmp_path, events, base=None, page_size="1"))
    page10 = read(site, "pasakumi/10").split('class="lrp-pagination"')[1].split("</nav>")[0]
    numbers = re.findall(r'href="[^"]*">(\d+)</a>', page10)
    assert numbers == ["1", "8", "9", "10", "11", "12", "20"]
    assert page10.count('aria-hidden="true">…</li>') == 2
    assert 'aria-current="page" href="./">10</a>' in page10


def run_mkdocs(root: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([*MKDOCS, "build", *args], cwd=root, capture_output=True, text=True, timeout=300)


def test_every_planted_mistake_is_reported_and_the_build_fails(tmp_path):
    files = {
        "events/a.lv.md": "---\ntitle: A\nsummary: A.\ndate: 2021-13\nkind: seminr\nplaces: [rига]\nproject: platforma-v\n---\n<script>x</script>\n",
        "events/b.en.md": "---\ntitle: B\nsummary: B.\ndate: 2021\nkind: other\nplaces: [riga]\n---\n[x](../events/none.en.md)\n",
        "stories/s.lv.md": "---\ntitle: S\nsummary: S.\nperson: P\ndate: 2024\nconsent: 2099-01-01\n---\n![](img.png)\n",
        "publications/p.lv.md": "---\ntitle: P\nsummary: P.\ndate: 2021\nauthors: [A]\nisbn: 123\nlaunch: events/zzz\n---\n",
        "docs/x.de.md": "# X\n",
    }
    root = write_site(tmp_path, files)
    for args in ((), ("--strict",)):
        result = run_mkdocs(root, *args)
        assert result.returncode != 0
        out = result.stderr + result.stdout
        for expected in [
            "events/a.lv.md:4: date: '2021-13' has no month 13",
            "events/a.lv.md:5: kind: 'seminr' is not one of",
            "events/a.lv.md:6: places: 'rига' is not an id in data/places.yml",
            "events/a.lv.md:9: body: <script> is not allowed in the text",
            "events/b.en.md:1: project: is required",
            "events/b.en.md:8: body: the link '../events/none.en.md' leads to a file that does not exist",
            "stories/s.lv.md:6: consent: '2099-01-01' is in the future",
            "stories/s.lv.md:8: body: the image has no alt text",
            "publications/p.lv.md:6: isbn: '123' is not a valid ISBN-10 or ISBN-13",
            "publications/p.lv.md:7: launch: 'events/zzz' does not exist",
            "docs/x.de.md:1: file name: 'de' is not a language of the site (lv, en)",
            "stories/s.lv.md:8: body: 'img.png' does not exist next to this file",
            "12 content mistakes: nothing was built",
        ]:
            assert expected in out, (expected, out)
        assert not (root / "site" / "index.html").exists()


def test_preview_keeps_serving_valid_pages(tmp_path, caplog):
    files = {"events/broken.lv.md": "---\ntitle: Broken\nsummary: B.\ndate: nope\n---\n"}
    site = build_site(write_site(tmp_path, files), serve=True)
    assert (site / "pasakumi/fiction-seminar-2021/index.html").is_file()
    assert not (site / "pasakumi/broken").exists()
    assert "events/broken.lv.md:4: date: 'nope' is not a date" in caplog.text


@pytest.mark.slow
def test_real_content_builds_strict(tmp_path):
    result = subprocess.run(
        [*MKDOCS, "build", "--strict", "-d", str(tmp_path / "site")],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    site = tmp_path / "site"
    assert "Sando Rudevičs – Saules zaķēns" in read(site, "izdevumi/sando-rudevics-saules-zakens")
    assert "12 August 2021" in read(site, "en/events/sando-rudevica-izdevuma-prezentacija")
    book = read(site, "en/publications/sando-rudevics-saules-zakens")
    partners = book.split(">Partners</dt>")[1].split("</dd>")[0]
    assert re.findall(r"<li>([^<]+)</li>", partners) == ["Romu Kultūras Centrs (Roma Culture Centre), association"]
    stories = read(site, "dzives-stasti")
    assert 'href="https://www.lsm.lv/temas/romi/"' in stories
    lv_events = len(re.findall(r'class="lrp-card"', read(site, "pasakumi"))) + len(
        re.findall(r'class="lrp-card"', read(site, "pasakumi/2"))
    )
    assert lv_events == 24
    assert "pasts@km.gov.lv" in read(site, "en")
    assert "Tiesības, vienlīdzība un pilsonība 2014 – 2020" in read(site, "")


def test_a_third_language_needs_only_configuration_and_strings(tmp_path):
    texts = (REPO / "data/ui/en.yml").read_text(encoding="utf-8")  # every text, here English but two
    texts = texts.replace("site.name: Latvian Roma Platform", "site.name: Latviaki romani platforma")
    root = write_site(
        tmp_path,
        {
            "data/ui/rom.yml": texts.replace("section.events: Events", "section.events: Pasakumi (rom)"),
            "events/fiction-month.rom.md": "---\ntitle: Sikhimaski kurko\nsummary: Made-up Romani text for a test.\n---\n",
        },
    )
    config = (root / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace(
        "      - code: en\n",
        "      - code: rom\n        name: Romani\n        locale: en_GB\n        og_locale: en_GB\n"
        "        sections: {stories: rom-stories, events: rom-events, publications: rom-publications, "
        "timeline: rom-timeline, themes: rom-themes, places: rom-places, search: rom-search}\n      - code: en\n",
    )
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    site = build_site(root)
    html = read(site, "rom/rom-events/fiction-month")
    assert '<html lang="rom"' in html and "Sikhimaski kurko" in html and "Latviaki romani platforma" in html
    assert 'aria-label="Navigation"' in html  # Material has no Romani: its own strings fall back to English
    assert head_links(html)["rom"] == f"{SITE_URL}rom/rom-events/fiction-month/"
    assert head_links(read(site, "pasakumi/fiction-month"))["rom"] == f"{SITE_URL}rom/rom-events/fiction-month/"
    assert "Pasakumi (rom)" in read(site, "rom/rom-events")
    assert (site / "rom/rom-timeline/index.html").is_file() and (site / "rom/feed.xml").is_file()


def test_the_tests_compiled_templates_follow_the_source_and_the_escaping(tmp_path):
    """The session's cache of compiled templates (conftest._CompiledTemplates), with which every
    build in the tests renders: a template is compiled once, and again when it is escaped otherwise
    or changed."""
    from unittest import mock

    import jinja2
    from conftest import _CompiledTemplates
    from mkdocs.theme import Theme

    (tmp_path / "t.html").write_text("{{ x }}", encoding="utf-8")
    cache = _CompiledTemplates()

    def render(escaped: bool) -> str:
        env = jinja2.Environment(loader=jinja2.FileSystemLoader(tmp_path), autoescape=lambda name: escaped)
        env.bytecode_cache = cache
        return env.get_template("t.html").render(x="<b>")

    compile_ = jinja2.Environment.compile
    with mock.patch.object(jinja2.Environment, "compile", autospec=True, side_effect=compile_) as compiled:
        assert [render(True), render(True), render(False), render(False)] == ["&lt;b&gt;", "&lt;b&gt;", "<b>", "<b>"]
        assert compiled.call_count == 2
        (tmp_path / "t.html").write_text("[{{ x }}]", encoding="utf-8")
        assert render(False) == "[<b>]" and compiled.call_count == 3
    assert Theme(name="material").get_env().bytecode_cache is not None  # every build in the tests has it
