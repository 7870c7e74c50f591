"""Public-service quality gates on every page: accessibility, privacy, security, withdrawal, links."""

import gzip
import re
import shutil
from html import unescape
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest
from conftest import (
    DESKTOP,
    PHONE,
    SITE_URL,
    build_site,
    page_shapes,
    pages,
    read,
    require_chromium,
    static_server,
    write_site,
)

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
# Every rule of those runs on every node, and two that axe-core calls experimental and runs only
# when asked: the stylesheets do not lock the page to one orientation (WCAG 2.1's 1.3.4), and a
# control's visible text is part of its name (2.5.3, which IBM Equal Access checks on the pages of
# each shape only); only the violations are reported in full (the passes, which make up most of a
# report, are left out).
EXPERIMENTAL = ("css-orientation-lock", "label-content-name-mismatch")
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": AXE_TAGS},
    "rules": {rule: {"enabled": True} for rule in EXPERIMENTAL},
    "resultTypes": ["violations"],
}
# On every page, every rule but those whose outcome follows from the stylesheets, given the elements
# and classes that hold a text (one page of each shape holds them all, a link in running text among
# them): colour contrast, a link told from the text around it by colour, and the orientation. The
# first two are five sixths of axe's time on a page (301 ms a page of the real site at 320 px, 49 ms
# without them).
STYLE_RULES = ("color-contrast", "link-in-text-block", "css-orientation-lock")
AXE_WORDS = {**AXE_OPTIONS, "rules": {**AXE_OPTIONS["rules"], **{rule: {"enabled": False} for rule in STYLE_RULES}}}
AXE_RUN = "(options) => axe.run(document, options)"
SCROLL_WIDTH = "document.documentElement.scrollWidth"
# Each site's pages in parts, and the pages of each shape in parts, each part a test of its own:
# make test runs them side by side.
PARTS = {"real_site": 2, "fixture_site": 1}
SHAPE_PARTS = 2


@pytest.fixture(scope="module")
def sites(fixture_site, real_site):
    return {"fixture": fixture_site, "real": real_site}


def axe_found(page, options: dict, ran: set[str]) -> list:
    """axe's violations on the page; the rules that ran (passed, failed, undecided or inapplicable)
    are added to ``ran``."""
    result = page.evaluate(AXE_RUN, options)
    ran.update(rule["id"] for kind in ("passes", "violations", "incomplete", "inapplicable") for rule in result[kind])
    return [(v["id"], [n["target"] for n in v["nodes"]][:2]) for v in result["violations"]]


# ---- every page in Chromium, and one page of each shape in Chromium at two widths ------------------


@pytest.mark.browser
@pytest.mark.slow
@pytest.mark.parametrize(("name", "part"), [(name, part) for name, parts in PARTS.items() for part in range(parts)])
def test_every_page_at_phone_width_keeps_its_policy_scrolls_no_sideways_and_passes_axe(
    request, served, browser, name, part
):
    """Every HTML file of both sites (the 404 page too, at its own address), each opened once in
    Chromium at 320 px, where the words are the likeliest to be too long: no Content-Security-Policy
    violation and no console error (test_csp.py's recorder), no sideways scrolling, and no axe-core
    violation of WCAG 2.1 A and AA, a control's visible text in its name included, but for the rules
    of style (STYLE_RULES: the next test's, on one page of each shape, as is the scroll width with
    the menu open: its entries are the same on every page of a site's language, and a page of each
    site in each language is among them). axe is put in each page as it opens, by an init script,
    which the policy does not govern (nor does it break it: the recorder would say so)."""
    from axe_playwright_python.sync_playwright import Axe
    from test_csp import Visitor, html_files

    site = request.getfixturevalue(name)
    files, base = html_files(site), served(site)
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True, reduced_motion="reduce")
    context.add_init_script(Axe().axe_script)
    visitor = Visitor(context)
    wide, found, ran = {}, {}, set()
    for rel in files[part :: PARTS[name]]:
        page = visitor.visit(base + rel.removesuffix("index.html"))
        if (width := page.evaluate(SCROLL_WIDTH)) > PHONE["width"]:
            wide[rel] = width
        if violations := axe_found(page, AXE_WORDS, ran):
            found[rel] = violations
    visitor.page.evaluate("1")  # a round trip: what the last page reported has been handed over
    context.close()
    assert "404.html" in files and len(files) > 50
    assert {"image-alt", "label-content-name-mismatch"} <= ran and not ran & set(STYLE_RULES)
    assert (visitor.violations, visitor.errors) == ([], []), "the policy"
    assert wide == {}, "sideways scrolling (scroll width)"
    assert found == {}, "axe"


@pytest.mark.browser
@pytest.mark.slow
@pytest.mark.parametrize("part", range(SHAPE_PARTS))
def test_one_page_of_each_shape_passes_axe_and_ibm_at_both_widths_and_rings_its_focus_3_to_1(
    fixture_site, real_site, served, browser, part
):
    """One page of each shape the pages of both sites take (conftest.page_shapes: every element,
    class, role and language any page holds, though not every way they nest, and each site's menu
    in each language), at 320 px (the header, the chart and the menu take their phone forms) and at
    1280 px: no axe-core violation, colour contrast included (at 320 px with the menu open: its
    panel too), no failure that IBM Equal Access calls a violation (test_validators.py), and the
    focus ring of everything that can take the focus is at least 3:1 against what is around it
    (test_menu.py); at 320 px, the menu open, no sideways scrolling."""
    from axe_playwright_python.sync_playwright import Axe
    from test_csp import Visitor
    from test_menu import FOCUS_RINGS
    from test_validators import ace_missing, ibm_failures, ibm_script, require

    require(ace_missing())
    names = {fixture_site: "fixture", real_site: "real"}
    shapes = page_shapes(fixture_site, real_site)
    chosen = shapes[part::SHAPE_PARTS]
    found, wide, faint, checked, ran = {}, {}, {}, 0, set()
    for width, options in ((PHONE, {"is_mobile": True, "has_touch": True}), (DESKTOP, {})):
        context = browser.new_context(viewport=width, reduced_motion="reduce", **options)
        context.add_init_script(Axe().axe_script)
        context.add_init_script(ibm_script())
        visitor = Visitor(context)
        for site, rel in chosen:
            where = (width["width"], names[site], rel)
            page = visitor.visit(served(site) + rel.removesuffix("index.html"))
            if failures := ibm_failures(page):
                found[(*where, "IBM Equal Access")] = failures
            if width == PHONE:  # the menu open: its panel is looked at too
                page.locator("summary.lrp-menu__button").click()
                if (opened := page.evaluate(SCROLL_WIDTH)) > PHONE["width"]:
                    wide[where] = opened
            if violations := axe_found(page, AXE_OPTIONS, ran):
                found[(*where, "axe")] = violations
            page.keyboard.press("Tab")
            rings = page.evaluate(FOCUS_RINGS)
            if rings["failures"]:
                faint[where] = rings["failures"]
            checked += rings["checked"]
        visitor.page.evaluate("1")
        context.close()
        assert (visitor.violations, visitor.errors) == ([], []), "the policy"
    languages = {
        (names[site], re.search(r'<html lang="(\w+)"', (site / rel).read_text("utf-8"))[1]) for site, rel in shapes
    }
    assert languages == {(name, language) for name in ("fixture", "real") for language in ("lv", "en")}  # each menu
    assert len(shapes) < 30
    assert any(rel == "404.html" for _, rel in shapes)
    # a link in running text, where axe's link-in-text-block (left out on the other pages) applies
    assert any(re.search(r"<p>(?:(?!</p>).)*?<a href", (site / rel).read_text("utf-8"), re.S) for site, rel in shapes)
    assert checked > 20 * len(chosen) and set(STYLE_RULES + EXPERIMENTAL) <= ran
    assert found == {}, "axe and IBM Equal Access"
    assert wide == {}, "sideways scrolling with the menu open"
    assert faint == {}, "focus rings under 3:1"


def test_one_page_of_each_shape_holds_every_part_of_every_page(fixture_site, tmp_path):
    """The pages the structural checks open (conftest.page_shapes) hold together every element,
    class, role, language and ARIA attribute of the site, and each of its menus (one in each
    language); across two sites a shape is looked for once: of a second site that adds one odd page
    and one page whose menu reads otherwise, those two pages alone are chosen."""
    from conftest import page_shape as shape

    every = [
        path
        for path in fixture_site.rglob("*.html")
        if not path.relative_to(fixture_site).as_posix().startswith("admin/")
    ]
    chosen = page_shapes(fixture_site)
    held = set().union(*(shape(site / rel) for site, rel in chosen))
    assert held == set().union(*map(shape, every))
    assert len(chosen) < len(every) / 3 and "404.html" in {rel for _, rel in chosen}
    assert {"html[lang=lv]", "html[lang=en]"} <= held and sum(part.startswith("the menu ['") for part in held) == 2
    other = shutil.copytree(fixture_site, tmp_path / "site", symlinks=True)
    odd = other / "en" / "events" / "fiction-seminar-2021" / "index.html"
    odd.write_text(odd.read_text(encoding="utf-8").replace("</main>", '<p class="lrp-odd">x</p></main>'), "utf-8")
    about = other / "par-mums" / "index.html"
    about.write_text(
        about.read_text(encoding="utf-8").replace(">Laika josla</a>", ">Laika josla un karte</a>"), "utf-8"
    )
    assert sorted(rel for site, rel in page_shapes(fixture_site, other) if site == other) == [
        "en/events/fiction-seminar-2021/index.html",
        "par-mums/index.html",
    ]


@pytest.mark.browser
def test_skip_link_first_and_visible_focus(fixture_site, browser):
    require_chromium()
    with static_server(fixture_site) as base:
        page = browser.new_page()
        page.goto(base + "en/events/fiction-seminar-2021/")
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.textContent.trim()") == "Skip to content"
        assert (
            page.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none"
            or page.evaluate("getComputedStyle(document.activeElement).boxShadow") != "none"
        )
        page.keyboard.press("Enter")
        assert page.evaluate("document.activeElement.id") == "main-content"
        page.keyboard.press("Tab")
        link = page.evaluate(
            "document.activeElement.tagName + ':' + getComputedStyle(document.activeElement).outlineWidth"
        )
        tag, width = link.split(":")  # the first control in the content (the share button on an item)
        assert tag in ("A", "BUTTON") and width != "0px"
        page.close()


@pytest.mark.browser
def test_navigation_works_on_a_phone_without_javascript(fixture_site, browser):
    require_chromium()
    with static_server(fixture_site) as base:
        context = browser.new_context(java_script_enabled=False, viewport={"width": 360, "height": 740})
        page = context.new_page()
        page.goto(base)
        page.locator("summary.lrp-menu__button").click()
        page.locator(".lrp-menu").get_by_role("navigation", name="Navigācija").get_by_role(
            "link", name="Pasākumi"
        ).click()
        page.wait_for_url(base + "pasakumi/")
        assert page.get_by_role("heading", level=1).inner_text() == "Pasākumi"
        context.close()


def test_other_language_text_is_marked(fixture_site):
    html = read(fixture_site, "pasakumi/fiction-seminar-2021")
    assert re.search(r'<a class="lrp-switcher__link"[^>]* lang="en"[^>]*>English</a>', html)


# ---- privacy ------------------------------------------------------------------------------


@pytest.mark.browser
def test_key_pages_request_only_the_site_and_set_no_cookies(real_site, browser):
    require_chromium()
    with static_server(real_site) as base:
        context = browser.new_context()
        page = context.new_page()
        hosts = set()
        page.on("request", lambda request: hosts.add(urlsplit(request.url).netloc))
        for url in ["", "en/", "laika-josla/", "en/timeline/", "pasakumi/", "izdevumi/sando-rudevics-saules-zakens/"]:
            page.goto(base + url, wait_until="networkidle")
        assert hosts == {urlsplit(base).netloc}
        assert context.cookies() == [] and page.evaluate("document.cookie") == ""
        context.close()


# ---- security: payloads in every text field ------------------------------------------------

# Jinja that ran would leave the word "lrpevaluated", which no page has otherwise; unrun, it keeps its quotes.
JINJA = '{{ "lrp" ~ "evaluated" }}'
PAYLOAD = f"</script><script>alert(1)</script>\"'><img src=x onerror=alert(2)>{JINJA}{{% raw %}}"


def quoted(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


P = quoted(PAYLOAD)
PAYLOAD_FILES = {
    "stories/s.lv.md": f"---\ntitle: {P}\nsummary: {P}\nperson: {P}\nauthor: {P}\ndate: 2024\n"
    f"source: {{name: {P}, url: 'https://example.org/x'}}\nimage: images/p.png\nimage_alt: {P}\n---\nTeksts {JINJA}.\n",
    "stories/s.en.md": f"---\ntitle: {P}\nsummary: {P}\nperson: {P}\nimage_alt: {P}\n---\nText.\n",
    "events/e.lv.md": f"---\ntitle: {P}\nsummary: {P}\ndate: 2021-05-05\nkind: other\nplaces: [riga]\nproject: platforma-v\n"
    f"partners: [{P}]\nfigures: [{{value: 3, label: {P}}}]\nrelated: [stories/s]\n---\n",
    "publications/p.lv.md": f"---\ntitle: {P}\nsummary: {P}\ndate: 2021\nauthors: [{P}]\npublisher: {P}\npartners: [{P}]\n"
    f"files: [{{url: 'https://example.org/a.pdf', label: {P}}}]\nlaunch: events/e\nfeatured: true\n---\n",
    "docs/index.lv.md": f"---\ntitle: {P}\nsummary: {P}\n---\nSākums.\n",
    "docs/page.lv.md": f"---\ntitle: {P}\nsummary: {P}\nproject: platforma-v\n---\nLapa.\n",
}


@pytest.fixture(scope="module")
def payload_site(tmp_path_factory):
    root = tmp_path_factory.mktemp("payload")
    files = dict(
        PAYLOAD_FILES,
        **{"stories/images/p.png": (Path(__file__).parent / "fixtures/site/stories/images/portrait.png").read_bytes()},
    )
    return build_site(write_site(root, files, base=None))


def test_no_field_becomes_markup_in_any_file(payload_site):
    # iCalendar is text, where only RFC 5545 escaping matters (checked by a round trip in test_timeline).
    outputs = [p for p in payload_site.rglob("*") if p.suffix in (".html", ".xml", ".json")]
    assert len(outputs) > 20
    for path in outputs:
        text = path.read_text(encoding="utf-8")
        for raw in ("<script>alert(1)", "<img src=x onerror", "onerror=alert(2)>", "\"'><img"):
            assert raw not in text, (path, raw)
        assert "lrpevaluated" not in text, path
    html = read(payload_site, "pasakumi/e")
    assert "&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;" in html and JINJA in unescape(html)
    assert "Teksts {{" in read(payload_site, "dzives-stasti/s")  # the body's Jinja is text too


@pytest.mark.browser
def test_no_payload_runs_in_the_browser(payload_site, browser):
    require_chromium()
    with static_server(payload_site) as base:
        page = browser.new_page()
        dialogs = []
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        for url in pages(payload_site):
            page.goto(base + url)
        assert dialogs == [] and page.evaluate("typeof window.alertCalled") == "undefined"
        page.close()


# ---- withdrawal ------------------------------------------------------------------------------


def site_text(site: Path) -> str:
    """Everything in a built site as text, gzip files unpacked."""
    texts = []
    for path in site.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            if data[:2] == b"\x1f\x8b":
                data = gzip.decompress(data)
            texts.append(path.as_posix() + "\n" + data.decode("utf-8", "ignore"))
    return "\n".join(texts)


@pytest.mark.slow
def test_a_deleted_story_leaves_no_trace(tmp_path):
    root = write_site(tmp_path)
    site = build_site(root)
    traces = [
        "anna-fiction",
        "Anna (izdomāta)",
        "Anna (made up)",
        "Annas izdomātais",
        "A made-up life story",
        "portrait.png",
    ]
    before = site_text(site)
    assert all(trace in before for trace in traces)
    for path in (root / "stories").glob("anna-fiction.*.md"):
        path.unlink()
    book = root / "publications/fiction-book.lv.md"
    book.write_text(book.read_text(encoding="utf-8").replace("related: [stories/anna-fiction]\n", ""), encoding="utf-8")
    shutil.rmtree(site)
    after = site_text(build_site(root))
    assert [trace for trace in traces if trace in after] == []


# ---- link integrity ----------------------------------------------------------------------------


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links, self.ids = [], set()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.add(attrs["id"])
        for name in ("href", "src"):
            if attrs.get(name) and not (tag == "link" and attrs.get("rel") in ("canonical", "alternate")):
                self.links.append(attrs[name])


def parse(path: Path) -> _Links:
    parser = _Links()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


@pytest.mark.parametrize(("which", "base_path"), [("real", "/"), ("fixture", urlsplit(SITE_URL).path)])
def test_every_internal_link_and_anchor_resolves(sites, which, base_path):
    """Relative links, and absolute ones under the site's own path (a GitHub project site's /repo/)."""
    site = sites[which]
    parsed = {path: parse(path) for path in site.rglob("*.html")}
    broken, insecure = [], []
    for path, links in parsed.items():
        page_url = path.relative_to(site).as_posix()
        for link in links.links:
            parts = urlsplit(link)
            if parts.scheme in ("http",) or (parts.scheme not in ("", "https", "mailto")):
                insecure.append((page_url, link))
                continue
            if parts.scheme or parts.netloc:
                continue
            target_url = urlsplit(urljoin(base_path + page_url.lstrip("/"), link))
            if not target_url.path.startswith(base_path):
                broken.append((page_url, link))
                continue
            target = site / unquote(target_url.path.removeprefix(base_path))
            if target.is_dir() or target_url.path.endswith("/"):
                target = target / "index.html"
            anchor = target_url.fragment if target.suffix == ".html" else ""
            if not target.is_file() or (anchor and anchor not in parsed[target].ids):
                broken.append((page_url, link))
    assert broken == []
    assert insecure == []


def test_accessibility_statement_in_both_languages_linked_from_every_footer(real_site):
    lv, en = read(real_site, "pieejamiba"), read(real_site, "en/accessibility")
    for heading in (
        "Atbilstības statuss",
        "Nepiekļūstamais saturs",
        "Paziņojuma sagatavošana",
        "Atsauksmes un saziņa",
        "Izpildes procedūra",
    ):
        assert f">{heading}</h2>" in lv, heading
    for heading in (
        "Compliance status",
        "Non-accessible content",
        "Preparation of this statement",
        "Feedback and contact",
        "Enforcement procedure",
    ):
        assert f">{heading}</h2>" in en, heading
    assert "pasts@km.gov.lv" in lv and "pasts@km.gov.lv" in en
    for url in pages(real_site):
        footer = read(real_site, url).split('<footer class="md-footer lrp-footer">')[1]
        assert re.search(
            r'<a href="(\./|[^"]*(pieejamiba|accessibility)/)">(Piekļūstamības paziņojums|Accessibility statement)</a>',
            footer,
        ), url
