"""The Content-Security-Policy of every page (a <meta http-equiv>: GitHub Pages sends no headers),
and the site still working under it in Chromium: no violation, search, timeline filters, menu."""

from __future__ import annotations

import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import build_site, write_site

POLICY = {
    "default-src": ["'self'"],
    "script-src": ["'self'", "'wasm-unsafe-eval'"],
    "img-src": ["'self'", "data:"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
}

SITES = ["fixture_site", "real_site"]


# The browser editor's page has a policy of its own (tests/test_sveltia_engine.py, test_editor_browser.py).
ADMIN = "admin/index.html"


def html_files(site: Path) -> list[str]:
    """Every HTML file of the public site the build wrote, relative to the site root."""
    return sorted(rel for path in site.rglob("*.html") if (rel := path.relative_to(site).as_posix()) != ADMIN)


def parse_policy(content: str) -> dict[str, list[str]]:
    policy = {}
    for directive in filter(None, (part.strip() for part in content.split(";"))):
        name, *sources = directive.split()
        assert name not in policy, f"{name} twice"
        policy[name] = sources
    return policy


class _Page(HTMLParser):
    """What a page holds that a policy without inline script and style would block."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.head: list[tuple[str, dict]] = []  # the elements of <head>, in order
        self.in_head = False
        self.inline: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "head":
            self.in_head = True
        elif self.in_head:
            self.head.append((tag, attributes))
        for name, value in attrs:
            if name == "style":
                self.inline.append(f"style attribute on <{tag}>")
            elif name.startswith("on"):
                self.inline.append(f"{name} handler on <{tag}>")
            elif name in ("href", "src", "action", "formaction") and (value or "").strip().lower().startswith(
                "javascript:"
            ):
                self.inline.append(f"javascript: URL in <{tag} {name}>")
        if tag == "style":
            self.inline.append("<style> element")
        elif tag == "script" and "src" not in attributes and attributes.get("type") != "application/ld+json":
            self.inline.append("inline <script>")

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag):
        if tag == "head":
            self.in_head = False


def parse(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8"))
    page.close()
    return page


@pytest.mark.parametrize("name", SITES)
def test_every_page_has_the_policy_first_in_its_head(request, name):
    site = request.getfixturevalue(name)
    files = html_files(site)
    assert "404.html" in files and "index.html" in files and len(files) > 50 and (site / ADMIN).is_file()
    wrong = {}
    for rel in files:
        head = parse(site / rel).head
        policies = [attrs for tag, attrs in head if tag == "meta" and "http-equiv" in attrs]
        if head[:1] != [("meta", {"charset": "utf-8"})] or len(policies) != 1 or head[1][1] is not policies[0]:
            wrong[rel] = head[:2]
        elif policies[0]["http-equiv"] != "Content-Security-Policy" or parse_policy(policies[0]["content"]) != POLICY:
            wrong[rel] = policies[0]
    assert wrong == {}


@pytest.mark.parametrize("name", SITES)
def test_no_page_has_inline_script_style_or_handlers(request, name):
    site = request.getfixturevalue(name)
    found = {rel: inline for rel in html_files(site) if (inline := parse(site / rel).inline)}
    assert found == {}


def test_templates_and_scripts_have_no_inline_style_or_script():
    """Also what the fixture pages may not reach: a style attribute or a <style> typed in a template,
    or a script that writes one (the policy blocks style="" set from script through setAttribute)."""
    overrides = Path(__file__).resolve().parents[1] / "overrides"
    found = []
    for path in sorted(overrides.rglob("*")):
        if path.suffix not in (".html", ".xml", ".js") or path.name == "sveltia-cms.js":  # pinned, third-party
            continue
        text = path.read_text(encoding="utf-8")
        for pattern in (r"\sstyle=", r"<style", r"\son[a-z]+=", r"javascript:", r"""setAttribute\(\s*["']style"""):
            found += [
                f"{path.relative_to(overrides)}: {match.group(0).strip()}" for match in re.finditer(pattern, text)
            ]
        if path.suffix == ".html":
            found += [
                f"{path.relative_to(overrides)}: inline script"
                for match in re.finditer(r"<script(?![^>]*\ssrc=)(?![^>]*application/ld\+json)[^>]*>", text)
            ]
    assert found == []


# In the browser ---------------------------------------------------------------------------------

# Installed before any script of the page: every violation is handed to the test at once.
RECORDER = """
window.lrpViolations = 0;
document.addEventListener("securitypolicyviolation", (event) => {
  window.lrpViolations += 1;
  window.lrpViolation([location.pathname + location.search, event.effectiveDirective, event.blockedURI,
    (event.sourceFile || "") + ":" + event.lineNumber]);
});
"""


class Visitor:
    """One browser page with the recorder installed, collecting violations and console errors."""

    def __init__(self, context):
        self.violations: list = []
        self.errors: list = []
        context.expose_function("lrpViolation", lambda violation: self.violations.append(violation))
        context.add_init_script(RECORDER)
        self.page = context.new_page()
        self.page.on("console", lambda message: message.type == "error" and self.errors.append(message.text))
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))

    def visit(self, url: str):
        self.page.goto(url)
        # Two frames drawn (the images of the stylesheets are asked for), then a round trip: what the
        # page queued by then has been dispatched.
        self.page.evaluate("() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))")
        self.page.evaluate("1")
        return self.page


@pytest.fixture
def visitor(browser):
    context = browser.new_context()
    yield Visitor(context)
    context.close()


@pytest.mark.browser
def test_the_recorder_sees_what_the_policy_blocks(tmp_path, fixture_site, served, visitor):
    """The recorder, with which test_quality.py opens every page of both sites (no violation, no console
    error), can fail: inline style, script and handler on a page are blocked and recorded, and so is
    a request to another host (which is how the look at every page sees that none leaves the site)."""
    shutil.copytree(fixture_site, tmp_path / "site", symlinks=True)
    home = tmp_path / "site" / "index.html"
    text = home.read_text(encoding="utf-8")
    text = text.replace(
        "</main>",
        '<p style="color:red" onclick="window.clicked = 1">x</p><style>p{}</style>'
        '<script>window.ran = 1</script><img src="http://other.invalid/x.png" alt=""></main>',
    )
    home.write_text(text, encoding="utf-8")
    page = visitor.visit(served(tmp_path / "site"))
    assert page.evaluate("window.ran") is None
    directives = sorted(violation[1] for violation in visitor.violations)
    assert directives == ["img-src", "script-src-attr", "script-src-elem", "style-src-attr", "style-src-elem"]
    assert any(violation[2] == "http://other.invalid/x.png" for violation in visitor.violations)
    assert any("Content Security Policy" in error for error in visitor.errors)


@pytest.mark.browser
def test_icons_of_the_stylesheet_load_under_the_policy(tmp_path, served, visitor):
    """Material draws some icons as CSS mask images of data: SVGs, a footnote's back-link among
    them (footnotes are on in mkdocs.yml): img-src allows data:, and without it they are blocked."""
    about = "---\nslug: par-mums\nsummary: Lapa ar piezīmi.\n---\n\n# Par mums\n\nTeksts.[^1]\n\n[^1]: Piezīme.\n"
    site = build_site(write_site(tmp_path / "root", {"docs/about.lv.md": about}))
    page = visitor.visit(served(site) + "par-mums/")
    icon = page.locator(".footnote-backref").evaluate("link => getComputedStyle(link, '::before').maskImage")
    assert icon.startswith('url("data:image/svg+xml')
    assert visitor.violations == []
    html = site / "par-mums" / "index.html"
    html.write_text(
        html.read_text(encoding="utf-8").replace("img-src 'self' data:", "img-src 'self'"), encoding="utf-8"
    )
    page = visitor.visit(served(site) + "par-mums/?without-data")  # a new address: not the cached page
    # The icon is asked for when it is painted: wait for its report (Playwright's 30 s at most), then a
    # round trip, by which the recorder has handed it to the test.
    page.wait_for_function("() => window.lrpViolations > 0")
    page.evaluate("1")
    # Chromium may report the same blocked icon more than once (each paint that asks for it):
    # what matters is that it was blocked, and that nothing else was.
    assert visitor.violations, "the data: icon was not blocked without data: in img-src"
    assert {tuple(violation[1:3]) for violation in visitor.violations} == {("img-src", "data")}


def search(page, word: str) -> list[str]:
    page.get_by_role("searchbox").first.fill(word)
    page.get_by_role("searchbox").first.press("Enter")
    page.locator("[data-lrp-search-results] li").first.wait_for()
    return page.locator(".lrp-search__title").all_inner_texts()


@pytest.mark.browser
@pytest.mark.parametrize(
    ("name", "url", "word", "title"),
    [
        ("fixture_site", "meklet/", "seminārs", "Izdomāts seminārs"),
        ("real_site", "en/search/", "mediators", None),
    ],
)
def test_search_works_under_the_policy(request, served, visitor, name, url, word, title):
    page = visitor.visit(served(request.getfixturevalue(name)) + url)
    titles = search(page, word)
    assert titles and (title is None or title in titles)
    assert "q=" in page.url
    assert (visitor.violations, visitor.errors) == ([], [])


@pytest.mark.browser
def test_search_without_a_worker_needs_wasm_unsafe_eval(fixture_site, served, browser):
    """Where Pagefind cannot start its worker it compiles its WebAssembly on the page itself:
    'wasm-unsafe-eval' is what lets it (its worker, pagefind-worker.js, falls under script-src 'self')."""
    context = browser.new_context()
    context.add_init_script("delete window.Worker;")
    visitor = Visitor(context)
    titles = search(visitor.visit(served(fixture_site) + "meklet/"), "seminārs")
    assert "Izdomāts seminārs" in titles
    assert (visitor.violations, visitor.errors) == ([], [])
    context.close()


@pytest.mark.browser
def test_timeline_filters_under_the_policy(fixture_site, served, visitor):
    page = visitor.visit(served(fixture_site) + "laika-josla/")
    entries = page.locator("[data-lrp-timeline] > li:not([hidden]) .lrp-timeline__title")
    assert entries.count() == 6
    page.locator(".lrp-filters__summary").click()  # the filters are folded behind one control
    page.get_by_role("link", name="Sanāksme", exact=True).click()
    assert entries.all_inner_texts() == ["Atcelta tikšanās"]
    assert page.url.endswith("laika-josla/?kind=meeting")
    assert (visitor.violations, visitor.errors) == ([], [])


@pytest.mark.browser
def test_menu_opens_under_the_policy(fixture_site, served, browser):
    context = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True)
    visitor = Visitor(context)
    page = visitor.visit(served(fixture_site) + "pasakumi/")
    link = page.locator(".lrp-menu").get_by_role("link", name="Laika josla")
    assert not link.is_visible()
    page.locator("summary.lrp-menu__button").click()
    link.click()
    page.wait_for_url("**/laika-josla/")
    assert (visitor.violations, visitor.errors) == ([], [])
    context.close()
