"""Issue 24, point 4, on the built HTML: one landmark per role and name, the site's navigation
outside <main>, a caption on every table, the key results in one order in every language, the
footer's funding statement of the page's own phase, and on English pages the Latvian texts marked
with lang="lv"."""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml
from conftest import REPO, build_site, pages, read, write_site
from test_content import SETTINGS, TODAY, event

from lrp.contract.bodies import configured
from lrp.model.content import load_content

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
# Where a <header> or <footer> is no banner or contentinfo.
SECTIONING = {"article", "aside", "main", "nav", "section"}
LANDMARKS = {"banner", "complementary", "contentinfo", "form", "main", "navigation", "region", "search"}


class Node:
    def __init__(self, tag: str, attrs: dict, parent: Node | None):
        self.tag, self.attrs, self.parent, self.children = tag, attrs, parent, []

    def text(self) -> str:
        return " ".join("".join(c if isinstance(c, str) else c.text() for c in self.children).split())

    def elements(self):
        for child in self.children:
            if isinstance(child, Node):
                yield child
                yield from child.elements()

    def ancestors(self):
        node = self.parent
        while node:
            yield node
            node = node.parent


class _Tree(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = self.node = Node("#document", {}, None)

    def handle_starttag(self, tag, attrs):
        node = Node(tag, dict(attrs), self.node)
        self.node.children.append(node)
        if tag not in VOID:
            self.node = node

    def handle_endtag(self, tag):
        node = self.node
        while node.parent and node.tag != tag:
            node = node.parent
        if node.parent:
            self.node = node.parent

    def handle_data(self, data):
        self.node.children.append(data)


def tree(path: Path) -> Node:
    parser = _Tree()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser.root


def rendered(node: Node) -> bool:
    """Not hidden by the HTML itself: no ``hidden`` and not in the closed part of a <details>."""
    for inner, outer in zip([node, *node.ancestors()], node.ancestors(), strict=False):
        if "hidden" in inner.attrs:
            return False
        if outer.tag == "details" and "open" not in outer.attrs and inner.tag != "summary":
            return False
    return True


def landmarks(root: Node) -> list[tuple[str, str, Node]]:
    """Each rendered landmark of a page as (role, accessible name, element), by the HTML-AAM rules."""
    ids = {node.attrs["id"]: node for node in root.elements() if "id" in node.attrs}
    found = []
    for node in root.elements():
        if "aria-labelledby" in node.attrs:
            name = " ".join(ids[i].text() for i in node.attrs["aria-labelledby"].split() if i in ids)
        else:
            name = " ".join(node.attrs.get("aria-label", "").split())
        role = node.attrs.get("role") or {
            "main": "main",
            "nav": "navigation",
            "aside": "complementary",
            "section": "region" if name else None,
            "form": "form" if name else None,
            "search": "search",
            "header": None if any(a.tag in SECTIONING for a in node.ancestors()) else "banner",
            "footer": None if any(a.tag in SECTIONING for a in node.ancestors()) else "contentinfo",
        }.get(node.tag)
        if role in LANDMARKS and rendered(node):
            found.append((role, name, node))
    return found


def html_files(site: Path) -> list[Path]:
    return [site / url / "index.html" for url in pages(site)] + [site / "404.html"]


@pytest.fixture(scope="module")
def sites(fixture_site, real_site):
    return {"fixture": fixture_site, "real": real_site}


@pytest.mark.parametrize("which", ["fixture", "real"])
def test_no_two_landmarks_of_a_role_share_a_name(sites, which):
    """A screen reader's list of landmarks tells each one apart: no role has two of one name (two
    unnamed ones included) on any page."""
    site, twice = sites[which], {}
    for path in html_files(site):
        found = landmarks(tree(path))
        counts = Counter((role, name) for role, name, _ in found)
        doubled = [key for key, count in counts.items() if count > 1]
        if doubled:
            twice[path.relative_to(site).as_posix()] = doubled
    assert twice == {}


@pytest.mark.parametrize("which", ["fixture", "real"])
def test_the_site_navigation_stands_outside_main(sites, which):
    """<main> holds the page's content: the site's navigation (the sidebar's and the menu's), the
    language switcher and the table of contents stand beside it. Navigation that belongs to the
    content (pagination, the timeline's years and filters, the home page's ways in) stays in it."""
    for path in html_files(sites[which]):
        root = tree(path)
        mains = [node for node in root.elements() if node.tag == "main" or node.attrs.get("role") == "main"]
        assert len(mains) == 1, path
        site_navs = [
            node
            for node in root.elements()
            if node.tag == "nav"
            and {"md-nav--primary", "lrp-menu__panel", "lrp-switcher", "md-nav--secondary"}
            & set(node.attrs.get("class", "").split())
        ]
        assert any("md-nav--primary" in node.attrs.get("class", "") for node in site_navs), path
        assert [n.attrs["class"] for n in site_navs if mains[0] in list(n.ancestors())] == [], path


@pytest.mark.parametrize("which", ["fixture", "real"])
def test_every_table_has_a_caption(sites, which):
    site, tables = sites[which], 0
    for path in site.rglob("*.html"):
        if "admin" in path.relative_to(site).parts:
            continue
        for table in (node for node in tree(path).elements() if node.tag == "table"):
            tables += 1
            captions = [child for child in table.children if isinstance(child, Node) and child.tag == "caption"]
            assert len(captions) == 1 and captions[0].text(), (path, table.text()[:80])
    assert tables or which == "fixture"  # the real site's guide has its tables


def test_a_markdown_table_is_captioned_by_its_heading_else_by_its_header_cells():
    converter = configured(["tables"])
    html, _ = converter.convert("## Fields of *events*\n\n| a | b |\n|---|---|\n| 1 | 2 |\n")
    assert "<table>\n<caption>Fields of events</caption>" in html
    html, _ = converter.convert("| Field | Meaning |\n|---|---|\n| x | y |\n")
    assert "<caption>Field, Meaning</caption>" in html
    html, _ = converter.convert("## H\n\n<table><caption>Own</caption><tr><td>1</td></tr></table>\n")
    assert html.count("<caption>") == 1 and "<caption>Own</caption>" in html


# ---- the key results: one order in every language --------------------------------------------


def key_result_items(site: Path, url: str) -> list[str]:
    """The items (their slugs: the same in every language) the home page's key results come from, in order."""
    band = read(site, url).split('class="lrp-results"')[1].split("</section>")[0]
    return [href.rstrip("/").rsplit("/", 1)[-1] for href in re.findall(r'lrp-result__event" href="([^"]+)"', band)]


def test_key_results_stand_in_one_order_in_every_language(tmp_path, real_site):
    # Two events of one day whose titles sort one way in Latvian and the other in English.
    files = {
        "events/same-day-a.lv.md": event(title="Zīmes", date="2021-05-05", figures="[{value: 3, label: zīmes}]"),
        "events/same-day-a.en.md": "---\ntitle: Alpha signs\nsummary: A.\nfigures: [{value: 3, label: signs}]\n---\n",
        "events/same-day-b.lv.md": event(title="Ābeles", date="2021-05-05", figures="[{value: 4, label: ābeles}]"),
        "events/same-day-b.en.md": "---\ntitle: Zebra trees\nsummary: B.\nfigures: [{value: 4, label: trees}]\n---\n",
    }
    site = build_site(write_site(tmp_path, files))
    lv, en = key_result_items(site, ""), key_result_items(site, "en")
    assert {"same-day-a", "same-day-b"} <= set(lv)
    assert lv == en
    assert key_result_items(real_site, "") == key_result_items(real_site, "en") != []


# ---- the footer's funding statement: the page's own phase's, else one naming no phase -------------


def footer_funding(site: Path, url: str) -> str:
    return unescape(re.search(r'<p class="lrp-footer__funding">(.*?)</p>', read(site, url), re.S).group(1))


PHASES = """\
platforma-v: {lv: Fikcija V, en: Fiction V, date: 2020, end: 2021, funding: {lv: Fikcijas V atbalsts., en: Fiction V support.}}
platforma-vi: {lv: Fikcija VI, en: Fiction VI, date: 2021, end: 2023}
"""


def test_the_footer_credits_the_page_own_phase_else_no_phase(tmp_path):
    """Fixture content of two phases: V has a funding statement in data/projects.yml, VI none."""
    site = build_site(write_site(tmp_path, {"data/projects.yml": PHASES}))
    neutral = {
        code: yaml.safe_load((REPO / f"data/ui/{code}.yml").read_text(encoding="utf-8"))["footer.funding"]
        for code in ("lv", "en")
    }
    phase_v = {"lv": "Fikcijas V atbalsts.", "en": "Fiction V support."}
    for lv, en, expected in (
        ("pasakumi/fiction-seminar-2021", "en/events/fiction-seminar-2021", phase_v),  # a V event
        ("pasakumi/fiction-year-span", "en/events/fiction-year-span", neutral),  # a VI event
        ("", "en", neutral),  # no phase
        ("dzives-stasti/anna-fiction", "en/stories/anna-fiction", neutral),
    ):
        assert (footer_funding(site, lv), footer_funding(site, en)) == (expected["lv"], expected["en"]), lv
    for statement in neutral.values():  # the statement naming no phase names none, nor a programme
        assert not re.search(r"\b(V|VI)\b|20\d\d", statement)


def test_the_real_phases_footers_follow_data_projects(real_site):
    projects = yaml.safe_load((REPO / "data/projects.yml").read_text(encoding="utf-8"))
    assert "funding" not in projects["platforma-vi"]  # the source document does not state it
    assert footer_funding(real_site, "en/events/ikgadejas-sanaksmes-platforma-vi") == (
        "The Latvian Roma Platform is a project of the Ministry of Culture."
    )
    assert (
        footer_funding(real_site, "pasakumi/ikgadeja-sanaksme-platforma-v") == projects["platforma-v"]["funding"]["lv"]
    )


# ---- on English pages, what is known to be Latvian carries lang="lv" (lrp/pages/written.py) ------


def lang_of(node: Node) -> str | None:
    return next((n.attrs["lang"] for n in [node, *node.ancestors()] if "lang" in n.attrs), None)


def innermost(root: Node, text: str) -> list[Node]:
    """The elements whose whole text is ``text`` and none of whose children's is."""
    return [
        node
        for node in root.elements()
        if node.tag not in ("title", "script", "meta")
        and node.text() == text
        and not any(isinstance(c, Node) and c.text() == text for c in node.children)
    ]


def known_latvian(content, lv, en) -> tuple[set, set]:
    """From the data: the texts of an English item's page that are the Latvian file's own, and those
    that are English (its own texts that differ from the Latvian file's)."""
    latvian, english = set(), set()
    translated = {  # names a vocabulary gives in both languages: shown in English
        term.labels["lv"]
        for vocabulary in ("places", "themes", "projects", "organisations")
        for term in content.vocab.get(vocabulary).values()
        if term.labels.get("en") not in (None, term.labels.get("lv"))
    }
    for field in ("title", "summary", "person", "author", "publisher", "authors", "partners"):
        ours, theirs = en.get(field), lv.get(field)
        for text in ours if isinstance(ours, tuple) else [ours] if ours else []:
            if field in ("author", "publisher", "authors", "partners") and text in translated:
                continue
            (latvian if text == theirs or (isinstance(theirs, tuple) and text in theirs) else english).add(text)
    for vocabulary in ("places", "themes"):
        for term_id in en.get(vocabulary) or ():
            term = content.vocab.get(vocabulary)[term_id]
            if term.labels.get("en") in (None, term.labels["lv"]):
                latvian.add(term.labels["lv"])
    return latvian, english - latvian


def english_pages_mark_latvian(site: Path, root: Path) -> int:
    """Every English item page of a built site: each text the data knows to be Latvian stands in an
    element of lang="lv", each of its own English texts in none. Returns how many were Latvian."""
    content = load_content(dataclasses.replace(SETTINGS, root=root), today=TODAY)
    marked = 0
    for item in content.items.values():
        lv, en = item.translations.get("lv"), item.translations.get("en")
        if not (lv and en and en.url) or item.draft:
            continue
        page = tree(site / en.url / "index.html")
        latvian, english = known_latvian(content, lv, en)
        for text in latvian:
            nodes = innermost(page, text)
            assert nodes and {lang_of(node) for node in nodes} == {"lv"}, (en.url, text)
            marked += 1
        for text in english:
            assert {lang_of(node) for node in innermost(page, text)} <= {"en"}, (en.url, text)
    return marked


LATVIAN_KEPT = {
    "publications/kept.lv.md": "---\ntitle: Saglabātais nosaukums\nsummary: Latviski.\ndate: 2021-03-01\n"
    "authors: [Izdomātā biedrība, Anna Ozoliņa]\npublisher: Izdomātā ministrija\npartners: [Izdomātā biedrība]\n"
    "places: [riga, nowhere]\n---\n",
    "publications/kept.en.md": "---\ntitle: Saglabātais nosaukums\nsummary: In English.\n"
    "partners: [Izdomātā biedrība]\n---\n",
    "data/places.yml": (REPO / "data/places.yml").read_text(encoding="utf-8")
    + "nowhere: {lv: Nekurciems, country: LV, lat: 56.5, lon: 24.5}\n",
    "data/organisations.yml": "ministry: {lv: Izdomātā ministrija, en: Made-up Ministry}\n",
}


def test_organisations_are_optional_and_checked_like_the_other_vocabularies(tmp_path):
    """A site without data/organisations.yml builds; a broken entry is a mistake at its line."""
    from lrp.base.errors import Report
    from lrp.contract.vocab import load_vocabularies

    write_site(tmp_path, {"data/organisations.yml": "x: {lv: Izdomātā biedrība}\nBad Id: {lv: Y}\nz: {lv: A, fr: B}\n"})
    settings = dataclasses.replace(SETTINGS, root=tmp_path)
    report = Report()
    vocab = load_vocabularies(settings, report)
    assert vocab.organisations["x"].labels == {"lv": "Izdomātā biedrība"}
    assert [(m.path, m.line) for m in report.mistakes] == [("data/organisations.yml", 2), ("data/organisations.yml", 3)]
    (tmp_path / "data" / "organisations.yml").unlink()
    report = Report()
    assert load_vocabularies(settings, report).organisations == {} and report.mistakes == []


def test_english_pages_mark_what_the_data_knows_to_be_latvian(tmp_path, real_site):
    """Fixture content whose English file keeps a title and a partner in Latvian, names in its
    language-neutral authors, a place with no English name; and the real site."""
    site = build_site(write_site(tmp_path, LATVIAN_KEPT))
    page = read(site, "en/publications/kept")
    assert '<h1 lang="lv"' in page and '<p class="lrp-lead" data-pagefind-meta="summary">In English.</p>' in page
    assert '<li><span lang="lv">Izdomātā biedrība</span></li>' in page  # an author and a partner
    assert '<span lang="lv">Anna Ozoliņa</span>' in page and '<span lang="lv">Nekurciems</span>' in page
    assert "<dd>Made-up Ministry</dd>" in page  # a vocabulary gives its English form: translated
    assert "Izdomātā ministrija" not in page.split('id="main-content"')[1]
    for listing in ("en/publications", "en/timeline"):  # its card and its timeline entry
        assert 'lang="lv">Saglabātais nosaukums</a>' in read(site, listing), listing
    timeline = read(site, "en/timeline")  # the chart's row and its list
    assert '<span class="lrp-chart__label"><span lang="lv">Saglabātais nosaukums</span>' in timeline
    assert re.search(r'<li><a href="[^"]+" lang="lv">Saglabātais nosaukums</a> — ', timeline)
    assert english_pages_mark_latvian(site, tmp_path) >= 5
    assert english_pages_mark_latvian(real_site, REPO) >= 1  # the publication's title
    book = read(real_site, "en/publications/sando-rudevics-saules-zakens").split('id="main-content"')[1]
    assert "<li>Ministry of Culture</li>" in book and "Kultūras ministrija" not in book  # data/organisations.yml
    assert 'lang="lv"' not in read(site, "pasakumi/fiction-seminar-2021").split("<body")[1].replace(
        'hreflang="lv" lang="lv"', ""
    )
