"""Every link to the site is checked, however it is written: relative to the file, from the site
root, or as the site's own full address (``site_url``, in https or http), with its anchor. A link
is accepted when its page exists in this build, and published as a relative address."""

import dataclasses
import posixpath
import shutil
from pathlib import Path

import pytest
from conftest import REPO, build_site, read, write_site
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_content import EVENT, SETTINGS, TODAY

from lrp import Settings, load_content
from lrp.base import addresses
from lrp.pages.plan import plan_site
from lrp.pages.strings import Strings

SITE = "https://example.org/lrp/"  # a project site: its address has a folder
HEAD_LINES = EVENT.count("\n") - 1  # the body of the event starts on this line + 1
STORY = (
    "---\ntitle: Stāsts\nsummary: Īsi.\ndate: 2021\nperson: A\nconsent: 2021-01-01\n{extra}---\n## Dzīve\n\nTeksts.\n"
)
# The stories the site has: two published, one draft; "withdrawn-one" was withdrawn (its files deleted).
STORIES = {
    "stories/anna-fiction.lv.md": STORY.format(extra=""),
    "stories/juris-fiction.lv.md": STORY.format(extra=""),
    "stories/juris-fiction.en.md": STORY.format(extra="").replace("## Dzīve", "## Life"),
    "stories/draft-fiction.lv.md": STORY.format(extra="status: draft\n"),
}


def site_of(root: Path, files: dict, site_url: str | None = SITE):
    """The content of a site with these files, checked as the build checks it (with its plan)."""
    shutil.copytree(REPO / "data", root / "data", dirs_exist_ok=True)
    for rel, text in files.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")
    chosen = dataclasses.replace(SETTINGS, root=root, site_url=site_url)
    content = load_content(chosen, today=TODAY)
    plan_site(content, Strings.load(chosen))
    return content


def linked(root: Path, *links: str, site_url: str | None = SITE):
    """The mistakes of an event whose body holds these links, one paragraph each, and its HTML."""
    body = "\n\n".join(f"[saite]({link})" for link in links) + "\n"
    content = site_of(root, {**STORIES, "events/a.lv.md": EVENT.replace("Teksts.\n", body)}, site_url)
    return [str(m) for m in content.mistakes], content.items["events/a"].translations["lv"].html


def line(paragraph: int) -> str:
    """The start of a mistake at the link of this paragraph (from 0) of the event's body."""
    return f"events/a.lv.md:{HEAD_LINES + 1 + 2 * paragraph}: body: "


# ---- which addresses are the site's: the site root and the site's own address --------------------


@pytest.mark.parametrize(
    ("address", "page"),
    [
        ("/dzives-stasti/anna/", "dzives-stasti/anna/"),
        ("/dzives-stasti/anna", "dzives-stasti/anna/"),
        ("/dzives-stasti/anna/index.html", "dzives-stasti/anna/"),
        ("/", ""),
        ("/en/", "en/"),
        ("/feed.xml", "feed.xml"),
        ("/pasakumi/../dzives-stasti/anna/", "dzives-stasti/anna/"),
        ("https://example.org/lrp/dzives-stasti/anna/", "dzives-stasti/anna/"),
        ("http://example.org/lrp/dzives-stasti/anna", "dzives-stasti/anna/"),
        ("HTTPS://EXAMPLE.org:443/lrp/en/events/x/index.html", "en/events/x/"),
        ("https://example.org/lrp", ""),
    ],
)
def test_addresses_from_the_root_and_the_sites_own_name_a_page(address, page):
    parts = addresses.on_site(SITE, address + "#enkurs")
    assert parts is not None and addresses.page(parts.path) == page and parts.fragment == "enkurs"


@pytest.mark.parametrize(
    "address",
    [
        "../stories/anna.lv.md",  # relative to the file: checked as a file
        "#piezime",
        "https://lsm.lv/dzives-stasti/anna/",  # another site
        "https://example.org/cita/dzives-stasti/anna/",  # the same host, another site's folder
        "https://example.org:8080/lrp/",
        "mailto:pasts@example.org",
        "//example.org/lrp/",  # scheme-relative: a mistake of its own (safehtml)
    ],
)
def test_other_addresses_are_not_the_sites(address):
    assert addresses.on_site(SITE, address) is None


def test_without_a_site_url_only_the_root_is_the_site():
    assert addresses.on_site(None, "https://example.org/lrp/x/") is None
    assert addresses.on_site(None, "/x/").path == "x/"


def test_site_url_comes_from_mkdocs_yml_as_mkdocs_reads_it(tmp_path, monkeypatch):
    (tmp_path / "mkdocs.yml").write_text((REPO / "mkdocs.yml").read_text(encoding="utf-8"), encoding="utf-8")
    monkeypatch.delenv("SITE_URL", raising=False)
    assert Settings.from_mkdocs_yml(tmp_path).site_url == "https://romu-platforma.github.io/"
    monkeypatch.setenv("SITE_URL", "https://owner.github.io/repo")  # as the workflow sets it
    assert Settings.from_mkdocs_yml(tmp_path).site_url == "https://owner.github.io/repo/"


@pytest.mark.parametrize("site_url", ["ftp://example.org/", "example.org", "https:///x", 5, "https://a.org/?x"])
def test_a_site_url_that_is_no_web_address_is_a_settings_error(site_url):
    with pytest.raises(ValueError, match="site_url"):
        Settings.from_mapping(
            REPO, {"languages": [{"code": "lv", "sections": dict(SETTINGS.default.sections)}]}, site_url
        )


# ---- a link to a page of this build passes, whatever its form; the others are mistakes -----------

FORMS = [
    lambda url: f"/{url}",
    lambda url: f"/{url}".rstrip("/") if url else "/",
    lambda url: f"/{url}index.html",
    lambda url: f"{SITE}{url}",
    lambda url: f"{SITE.replace('https:', 'http:')}{url}",
]


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize(
    "url",
    [
        "dzives-stasti/anna-fiction/",  # an item
        "en/stories/juris-fiction/",
        "",  # the home pages
        "en/",
        "dzives-stasti/",  # the sections the build makes
        "laika-josla/",
        "en/timeline/",
        "temas/mediation/",
        "vietas/riga/",
        "meklet/",
        "en/search/",
        "pasakumi/",
    ],
)
def test_a_link_to_a_page_of_this_build_passes_in_every_form(tmp_path, form, url):
    found, html = linked(tmp_path, form(url))
    assert found == []
    href = html.split('href="', 1)[1].split('"', 1)[0]
    assert not href.startswith(("/", "http"))  # published relative to the page: it works under the site's folder
    assert posixpath.normpath(posixpath.join("/pasakumi/a/", href)) == posixpath.normpath(f"/{url}")


def test_links_to_files_the_build_writes_pass(tmp_path):
    found, _ = linked(tmp_path, "/feed.xml", "/en/feed.xml", "/laika-josla/calendar.ics", "/sitemap.xml")
    assert found == []


@pytest.mark.parametrize("form", FORMS)
def test_a_link_to_a_withdrawn_story_is_a_mistake(tmp_path, form):
    address = form("dzives-stasti/withdrawn-one/")
    found, _ = linked(tmp_path, "/", address)
    assert found == [
        f"{line(1)}the link '{address}' leads to no page of this site (was it withdrawn, renamed or misspelt?)"
    ]


@pytest.mark.parametrize("form", FORMS)
def test_a_link_to_a_draft_is_a_mistake(tmp_path, form):
    address = form("dzives-stasti/draft-fiction/")
    found, _ = linked(tmp_path, address)
    assert found == [f"{line(0)}the link '{address}' leads to a draft, which is not published"]


@pytest.mark.parametrize("form", FORMS)
def test_a_misspelt_link_names_the_file_to_link_to(tmp_path, form):
    address = form("dzives-stasti/ana-fiction/")
    found, _ = linked(tmp_path, address)
    assert found == [
        f"{line(0)}the link '{address}' leads to no page of this site (was it withdrawn, renamed or misspelt?); "
        "did you mean '../stories/anna-fiction.lv.md'?"
    ]


def test_a_misspelt_section_names_its_address(tmp_path):
    found, _ = linked(tmp_path, "/laika-josl/", "/en/timelines/")
    assert [m.split("); ")[1] for m in found] == ["did you mean '/laika-josla/'?", "did you mean '/en/timeline/'?"]


def test_a_link_to_a_page_not_written_in_that_language_names_the_file_that_is(tmp_path):
    found, _ = linked(tmp_path, f"{SITE}en/stories/anna-fiction/")
    assert found == [
        f"{line(0)}the link '{SITE}en/stories/anna-fiction/' leads to a page that is not written in that "
        "language; link to ../stories/anna-fiction.lv.md"
    ]


def test_a_numbered_listing_page_passes_only_where_the_listing_has_it(tmp_path):
    found, _ = linked(tmp_path, "/dzives-stasti/2/", "/dzives-stasti/1/")  # two stories: one page
    assert [m[: len(line(i))] for i, m in enumerate(found)] == [line(0), line(1)]
    many = {f"stories/s{i}-fiction.lv.md": STORY.format(extra="") for i in range(13)}  # 15 stories: two pages
    content = site_of(
        tmp_path / "many", {**STORIES, **many, "events/a.lv.md": EVENT.replace("Teksts.", "[a](/dzives-stasti/2/)")}
    )
    assert content.mistakes == []


def test_anchors_are_checked_where_the_page_is_an_editors(tmp_path):
    found, html = linked(
        tmp_path,
        "/dzives-stasti/anna-fiction/#dzive",
        f"{SITE}dzives-stasti/anna-fiction/#nav",
        "/laika-josla/#year-2021",
    )
    assert found == [
        f"{line(1)}the link '{SITE}dzives-stasti/anna-fiction/#nav' leads to an anchor '#nav' that "
        "stories/anna-fiction.lv.md does not have"
    ]


def test_another_site_and_the_same_host_elsewhere_are_left_as_written(tmp_path):
    found, html = linked(tmp_path, "https://example.org/cita/x/", "https://lsm.lv/x/")
    assert found == []
    assert 'href="https://example.org/cita/x/"' in html and 'href="https://lsm.lv/x/"' in html


def test_without_a_site_url_a_full_address_is_another_sites(tmp_path):
    found, html = linked(tmp_path, f"{SITE}dzives-stasti/withdrawn-one/", site_url=None)
    assert found == [] and f'href="{SITE}dzives-stasti/withdrawn-one/"' in html


def test_valid_links_are_published_relative_with_query_and_anchor(tmp_path):
    found, html = linked(
        tmp_path, "/dzives-stasti/anna-fiction/#dzive", f"{SITE}meklet/?q=romi", "http://example.org/lrp", "/feed.xml"
    )
    assert found == []
    for href in ("../../dzives-stasti/anna-fiction/#text-dzive", "../../meklet/?q=romi", "../../", "../../feed.xml"):
        assert f'href="{href}"' in html, html


def test_a_built_page_reaches_what_it_links_to_under_the_sites_folder(tmp_path):
    """The fixture site is served from https://example.org/lrp/: every link of the body, from the
    root or the site's address, leads to a file of the built site."""
    body = (
        "[a](/dzives-stasti/anna-fiction/) [b](https://example.org/lrp/en/events/fiction-month/) "
        "[c](/laika-josla/) [d](http://example.org/lrp/feed.xml) [e](/en/)\n"
    )
    event = (REPO / "tests/fixtures/site/events/fiction-month.lv.md").read_text(encoding="utf-8") + "\n" + body
    site = build_site(write_site(tmp_path, {"events/fiction-month.lv.md": event}))
    page = "pasakumi/fiction-month/"
    html = read(site, page)
    for name in "abcde":
        href = html.split(f">{name}</a>")[0].rsplit('href="', 1)[1].split('"')[0]
        assert not href.startswith(("/", "http")), href
        target = site / posixpath.normpath(posixpath.join(page, href))
        assert target.is_file() or (target / "index.html").is_file(), href


# ---- the property: a link is accepted exactly when its page exists in this build ---------------

# (what the link names, whether that page exists in this build, how it may be written)
TARGETS = [
    ("dzives-stasti/anna-fiction/", True, "stories/anna-fiction.lv.md"),
    ("en/stories/juris-fiction/", True, "stories/juris-fiction.en.md"),
    ("dzives-stasti/draft-fiction/", False, "stories/draft-fiction.lv.md"),
    ("dzives-stasti/withdrawn-one/", False, "stories/withdrawn-one.lv.md"),  # withdrawn
    ("dzives-stasti/ana-fiction/", False, "stories/ana-fiction.lv.md"),  # misspelt
    ("en/stories/anna-fiction/", False, "stories/anna-fiction.en.md"),  # not translated
    ("laika-josla/", True, None),
    ("temas/mediation/", True, None),
    ("temas/mediatio/", False, None),
    ("dzives-stasti/2/", False, None),  # a listing page the build does not need
    ("en/", True, None),
]
ANCHORS = {"stories/anna-fiction.lv.md": "dzive", "stories/juris-fiction.en.md": "life"}


@st.composite
def links(draw):
    """A link written in any of the ways an editor may, and whether its page exists."""
    url, exists, source = draw(st.sampled_from(TARGETS))
    anchor = draw(st.sampled_from(["", "nav", ANCHORS.get(source, "")]))
    forms = [form(url) for form in FORMS]
    if source:
        forms.append(posixpath.relpath(source, "events"))
    address = draw(st.sampled_from(forms))
    ok = exists and (not anchor or source is None or anchor == ANCHORS.get(source))
    return address + (f"#{anchor}" if anchor else ""), ok


@pytest.fixture(scope="module")
def property_root(tmp_path_factory) -> Path:
    """One folder for all the examples (Hypothesis runs a test's examples with one set of fixtures)."""
    return tmp_path_factory.mktemp("links")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(written=st.lists(links(), min_size=1, max_size=4))
@pytest.mark.slow
def test_a_link_is_accepted_exactly_when_its_page_exists(property_root, written):
    root = property_root / "site"
    shutil.rmtree(root, ignore_errors=True)
    found, _ = linked(root, *(address for address, _ in written))
    broken = {line(index) for index, (_, ok) in enumerate(written) if not ok}
    assert {m[: m.index(": body: ") + 8] for m in found} == broken, (written, found)


def test_an_anchor_of_the_same_page_is_checked_and_a_footnote_never_referred_to_is_a_mistake(tmp_path):
    from test_bodies import HEAD_LINES, check

    body = "## Ievads\n\nSkat. [ievadu](#ievads), [augšu](#top) un [nekurieni](#nav).\n\nTeksts[^1].\n\n[^1]: Viens.\n[^2]: Divi.\n"
    found, html = check(tmp_path, body)
    assert found == [
        f"events/a.lv.md:{HEAD_LINES + 3}: body: the link '#nav' leads to an anchor '#nav' that events/a.lv.md does not have",
        f"events/a.lv.md:{HEAD_LINES + 8}: body: the footnote [^2] is not referred to in the text: "
        "write [^2] where it belongs, or delete it",
    ]


def test_an_anchor_written_as_its_heading_reads_is_told_the_id_the_site_gives_it(tmp_path):
    from test_bodies import HEAD_LINES, check

    found, _ = check(tmp_path, "## Semināra mērķi\n\nSkat. [mērķus](#semināra-mērķi).\n")
    assert found == [
        f"events/a.lv.md:{HEAD_LINES + 3}: body: the link '#semināra-mērķi' leads to an anchor '#semināra-mērķi' that "
        "events/a.lv.md does not have; did you mean '#seminara-merki'?"
    ]
