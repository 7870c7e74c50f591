"""Feeds, structured data, sitemap and robots.txt tell the truth: change dates from Git read once,
entry ids that outlive the site's address, types that search engines accept, alternates that
agree, and no UI key ever shown as text."""

import dataclasses
import datetime as dt
import json
import os
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import feedparser
import pytest
import yaml
from conftest import REPO, SITE_URL, build_site, pages, read, write_site
from mkdocs.exceptions import Abort

from lrp import Settings, load_content
from lrp.contract.bodies import Converter
from lrp.loader import load_site
from lrp.outputs.history import History, parse
from lrp.pages import strings
from lrp.pages.view import SiteView

A = "{http://www.w3.org/2005/Atom}"
SITEMAP = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")
# RFC 4151: tag:<domain or e-mail>,<YYYY[-MM[-DD]]>:<specific>
TAG = re.compile(
    r"^tag:(?:[A-Za-z0-9._%+-]+@)?[a-z0-9-]+(?:\.[a-z0-9-]+)+,\d{4}(?:-\d{2}(?:-\d{2})?)?:[A-Za-z0-9\-._~!$&'()*+,;=:@/?]+$"
)
PARTIAL = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")  # ISO 8601 at a year's, a month's or a day's precision
FEEDS = ("feed.xml", "en/feed.xml")

FIRST = "2021-06-15T10:00:00Z"  # the commit of the whole content
CORRECTION = "2022-03-04T05:06:07Z"  # a later commit that changes one file of the seminar
UNCOMMITTED = dt.datetime(2023, 2, 1, tzinfo=dt.UTC)  # the time of a file nobody committed

STORY = """---
title: Vēl nesaglabāts stāsts
summary: Stāsts, kas vēl nav iesniegts.
date: 2024-05
person: Jānis
consent: 2024-05-02
---
Teksts.
"""


def git(root: Path, *args: str, when: str | None = None) -> None:
    env = {**os.environ, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}
    if when:
        env |= {"GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when}
    identity = ("-c", "user.name=Test", "-c", "user.email=test@example.org", "-c", "commit.gpgsign=false")
    subprocess.run(["git", "-C", str(root), *identity, *args], check=True, capture_output=True, env=env)


def committed_site(root: Path, **config) -> Path:
    """The fixture site in a repository of its own: everything committed at FIRST, then the
    English seminar corrected at CORRECTION."""
    write_site(root, **config)
    git(root, "init", "-q")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "content", when=FIRST)
    seminar = root / "events/fiction-seminar-2021.en.md"
    seminar.write_text(seminar.read_text(encoding="utf-8").replace("About the seminar.", "About it."), "utf-8")
    git(root, "commit", "-q", "-am", "correction", when=CORRECTION)
    return root


@pytest.fixture(scope="module")
def git_site(tmp_path_factory) -> Path:
    """The committed fixture site, and one Latvian story that nobody committed yet."""
    root = committed_site(tmp_path_factory.mktemp("git"))
    story = root / "stories/uncommitted.lv.md"
    story.write_text(STORY, encoding="utf-8")
    os.utime(story, (UNCOMMITTED.timestamp(), UNCOMMITTED.timestamp()))
    return build_site(root)


def entries(site: Path, feed: str) -> dict:
    """A feed's entries by id: {id: {"updated": …, "published": …, "link": …}}."""
    root = ET.parse(site / feed).getroot()
    found = {}
    for entry in root.iter(f"{A}entry"):
        found[entry.findtext(f"{A}id")] = {
            "updated": entry.findtext(f"{A}updated"),
            "published": entry.findtext(f"{A}published"),
            "link": entry.find(f"{A}link").get("href"),
        }
    return found


def check_atom(path: Path) -> ET.Element:
    """The rules of RFC 4287 a feed reader relies on, and feedparser's reading of the feed."""
    parsed = feedparser.parse(path.read_bytes())
    assert not parsed.bozo, parsed.get("bozo_exception")
    feed = ET.parse(path).getroot()
    assert feed.tag == f"{A}feed"
    for name in ("id", "title", "updated"):
        assert len(feed.findall(f"{A}{name}")) == 1, name
    assert feed.find(f"{A}author/{A}name").text  # no entry then needs an author of its own
    assert [link.get("type") for link in feed.findall(f"{A}link") if link.get("rel") == "self"] == [
        "application/atom+xml"
    ]
    ids = []
    times = []
    for entry in feed.findall(f"{A}entry"):
        for name in ("id", "title", "updated"):
            assert len(entry.findall(f"{A}{name}")) == 1, name
        entry_id = entry.findtext(f"{A}id")
        assert TAG.match(entry_id), entry_id  # an IRI that is no address of the site
        ids.append(entry_id)
        updated = entry.findtext(f"{A}updated")
        assert RFC3339.match(updated)
        published = entry.findtext(f"{A}published")
        if published is not None:
            assert RFC3339.match(published) and published <= updated
        assert [link.get("rel") for link in entry.findall(f"{A}link")] == ["alternate"]
        assert entry.findtext(f"{A}summary")
        times.append(updated)
    assert len(ids) == len(set(ids)), "two entries with one id"
    assert TAG.match(feed.findtext(f"{A}id"))
    assert times == sorted(times, reverse=True), "newest change first"
    if times:
        assert feed.findtext(f"{A}updated") == times[0]  # the feed is as new as its newest entry
    now = dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    assert all(time <= now for time in times), "an entry updated in the future"
    return feed


# ---- change dates from Git ---------------------------------------------------------------------


def test_parse_git_log():
    output = b"\x001600000000\x00\nb.md\x00a b.md\x00\x001500000000\x00\nb.md\x00\xc4\x81.md\x00"
    assert parse(output) == {
        "b.md": (1500000000, 1600000000),
        "a b.md": (1600000000, 1600000000),
        "ā.md": (1500000000, 1500000000),
    }
    assert parse(b"") == {}


def test_history_without_git_uses_source_date_epoch_else_the_files_time(tmp_path):
    path = tmp_path / "a.md"
    path.write_text("x")
    os.utime(path, (1_600_000_000, 1_600_000_000))
    for history in (History.read(tmp_path), History.read(tmp_path, git=str(tmp_path / "no-git"))):
        assert history.commits == {} and history.first("a.md") is None
        assert history.last(["a.md"]) == dt.datetime.fromtimestamp(1_600_000_000, dt.UTC)
    assert History.read(tmp_path, epoch=1_700_000_000).last(["a.md"]) == dt.datetime.fromtimestamp(
        1_700_000_000, dt.UTC
    )
    os.utime(path, (4_000_000_000, 4_000_000_000))  # a clock gone wrong: still never in the future
    assert History.read(tmp_path).last(["a.md"]) <= dt.datetime.now(dt.UTC)


def test_entries_are_updated_when_their_files_changed(git_site):
    en = entries(git_site, "en/feed.xml")
    tag = "tag:romu-platforma.lv,2021:"
    seminar = en[f"{tag}events/fiction-seminar-2021/en"]
    assert seminar == {
        "updated": CORRECTION,
        "published": FIRST,
        "link": f"{SITE_URL}en/events/fiction-seminar-2021/",
    }
    # The Latvian page shares the item's language-neutral fields: it changed with it.
    assert entries(git_site, "feed.xml")[f"{tag}events/fiction-seminar-2021/lv"]["updated"] == CORRECTION
    # A conference in 2099 was written in 2021: its entry says so, not 2099.
    assert en[f"{tag}events/fiction-future/en"] == {
        "updated": FIRST,
        "published": FIRST,
        "link": f"{SITE_URL}en/events/fiction-future/",
    }
    assert list(en)[0] == f"{tag}events/fiction-seminar-2021/en"  # the newest change comes first
    feed = check_atom(git_site / "en/feed.xml")
    assert feed.findtext(f"{A}updated") == CORRECTION and feed.findtext(f"{A}id") == f"{tag}feed/en"


def test_an_uncommitted_file_counts_from_its_own_time(git_site):
    lv = entries(git_site, "feed.xml")
    story = lv["tag:romu-platforma.lv,2021:stories/uncommitted/lv"]
    assert story["updated"] == "2023-02-01T00:00:00Z" and story["published"] is None  # unknown: left out
    assert ET.parse(git_site / "feed.xml").getroot().findtext(f"{A}updated") == "2023-02-01T00:00:00Z"


def test_no_item_says_the_first_day_of_its_period(git_site):
    """A year (2022–2023) or a month (2021-10) is never written as its first day."""
    for feed in FEEDS:
        text = (git_site / feed).read_text(encoding="utf-8")
        assert "2022-01-01" not in text and "2021-10-01" not in text
    data = json_ld(read(git_site, "pasakumi/fiction-year-span"))
    assert (data["startDate"], data["endDate"]) == ("2022", "2023")
    assert json_ld(read(git_site, "en/events/fiction-month"))["startDate"] == "2021-10"
    sitemap = (git_site / "sitemap.xml").read_text(encoding="utf-8")
    assert "2022-01-01" not in sitemap and "2021-10-01" not in sitemap


@pytest.mark.slow
def test_one_git_command_per_build_and_the_same_files_from_day_to_day(tmp_path, monkeypatch):
    """Rebuilt on another day with nothing changed, the feeds, the sitemap and the calendar are
    the same bytes; the history is read with one Git command, not one per file."""
    root = committed_site(tmp_path / "site")
    calls = []
    run = subprocess.run

    def counting(args, *rest, **options):
        if args and Path(str(args[0])).name == "git":
            calls.append(args)
        return run(args, *rest, **options)

    monkeypatch.setattr(subprocess, "run", counting)
    built = []
    for day in ("2026-01-10", "2026-02-20"):
        epoch = int(dt.datetime.fromisoformat(day).replace(tzinfo=dt.UTC).timestamp())
        monkeypatch.setenv("SOURCE_DATE_EPOCH", str(epoch))
        site = build_site(root)
        names = (*FEEDS, "sitemap.xml", "en/timeline/calendar.ics", "robots.txt")
        built.append({name: (site / name).read_bytes() for name in names})
        shutil.rmtree(site)
    assert built[0] == built[1]
    assert len(calls) == 2 and all("log" in call for call in calls)  # one per build
    calendar = built[0]["en/timeline/calendar.ics"].decode()
    assert "DTSTAMP:20220304T050607Z" in calendar and "LAST-MODIFIED:20210615T100000Z" in calendar


@pytest.mark.slow
def test_entry_ids_survive_a_new_address(tmp_path):
    here = build_site(committed_site(tmp_path / "a"))
    there = build_site(committed_site(tmp_path / "b", site_url="https://roma.example.lv/"))
    for feed in FEEDS:
        ours, theirs = entries(here, feed), entries(there, feed)
        assert list(ours) == list(theirs) and len(ours) > 3
        assert all(entry["link"].startswith("https://roma.example.lv/") for entry in theirs.values())
        assert [entry["updated"] for entry in ours.values()] == [entry["updated"] for entry in theirs.values()]
        assert ET.parse(here / feed).getroot().findtext(f"{A}id") == ET.parse(there / feed).getroot().findtext(f"{A}id")


def test_without_a_tag_authority_ids_are_addresses_and_a_wrong_one_stops_the_build(tmp_path):
    root = write_site(tmp_path / "a")
    config = (root / "mkdocs.yml").read_text(encoding="utf-8")
    (root / "mkdocs.yml").write_text(re.sub(r"(?m)^\s*tag_authority: .*\n", "", config), encoding="utf-8")
    site = build_site(root)
    ids = list(entries(site, "en/feed.xml"))
    assert f"{SITE_URL}en/events/fiction-month/" in ids
    assert ET.parse(site / "en/feed.xml").getroot().findtext(f"{A}id") == f"{SITE_URL}en/"
    with pytest.raises(Abort, match="extra.lrp.tag_authority"):
        build_site(write_site(tmp_path / "b", tag_authority="romu platforma"))


@pytest.mark.parametrize("feed", FEEDS)
def test_feeds_follow_rfc_4287(fixture_site, real_site, feed):
    check_atom(fixture_site / feed)
    check_atom(real_site / feed)


def test_real_feed_dates_are_change_dates(real_site):
    """No entry of the real feeds is dated at its item's date: a year's item is never 1 January."""
    for feed in FEEDS:
        for entry in ET.parse(real_site / feed).getroot().iter(f"{A}entry"):
            for name in ("updated", "published"):
                value = entry.findtext(f"{A}{name}")
                assert value is None or not value.endswith("-01-01T00:00:00Z"), (entry.findtext(f"{A}id"), value)


# ---- structured data ----------------------------------------------------------------------------


def json_ld(html: str) -> dict:
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert len(blocks) == 1
    return json.loads(blocks[0])


def as_list(value) -> list:
    return value if isinstance(value, list) else [value]


def check_json_ld(data: dict) -> None:
    """The properties Google's rich results ask of an Event, a Book and an Article, and schema.org's
    types and enumerations for their values."""
    assert data["@context"] == "https://schema.org"
    kind = data["@type"]
    if kind == "Event":
        assert data["name"] and PARTIAL.match(data["startDate"])
        if "endDate" in data:
            assert PARTIAL.match(data["endDate"])
        assert data["eventStatus"] in ("https://schema.org/EventScheduled", "https://schema.org/EventCancelled")
        assert data["eventAttendanceMode"] in {
            f"https://schema.org/{mode}EventAttendanceMode" for mode in ("Offline", "Online", "Mixed")
        }
        locations = as_list(data["location"])
        assert locations
        for location in locations:
            if location["@type"] == "Place":
                address = location["address"]
                assert location["name"] and address["@type"] == "PostalAddress"
                assert re.fullmatch(r"[A-Z]{2}", address.get("addressCountry", "")) or address.get("addressRegion")
            else:
                assert location["@type"] == "VirtualLocation" and location["url"].startswith("https://")
        online = data["eventAttendanceMode"] != "https://schema.org/OfflineEventAttendanceMode"
        assert online == any(location["@type"] == "VirtualLocation" for location in locations)
        assert data["organizer"]["@type"] == "Organization" and data["organizer"]["url"]
    elif kind == "Book":
        assert data["name"] and PARTIAL.match(data["datePublished"]) and data["author"]
        assert all(a["@type"] in ("Person", "Organization") and a["name"] for a in data["author"])
    elif kind == "Article":
        assert data["headline"] and PARTIAL.match(data["datePublished"]) and RFC3339.match(data["dateModified"])
        assert data["dateModified"][:10] >= data["datePublished"][:10] or len(data["datePublished"]) < 10
        assert data["publisher"]["@type"] == "Organization"
        if "author" in data:
            assert data["author"]["@type"] in ("Person", "Organization") and data["author"]["name"]
    else:
        assert kind == "Organization" and data["name"] and data["url"]


@pytest.mark.parametrize("which", ["fixture_site", "real_site"])
def test_every_pages_structured_data_is_accepted(which, request):
    site = request.getfixturevalue(which)
    types = set()
    for url in pages(site):
        blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', read(site, url), re.S)
        for block in blocks:
            data = json.loads(block)
            check_json_ld(data)
            types.add(data["@type"])
    assert {"Event", "Book", "Organization"} <= types


def test_event_json_ld(fixture_site):
    data = json_ld(read(fixture_site, "en/events/fiction-cancelled"))
    assert data["@type"] == "Event" and data["name"] == "Cancelled meeting"
    assert (data["startDate"], data["endDate"]) == ("2021-11-05", "2021-11-06")
    assert data["organizer"]["name"] == "Latvian Roma Platform"
    assert data["eventStatus"] == "https://schema.org/EventCancelled"
    assert data["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"  # the default
    assert data["location"] == {
        "@type": "Place",
        "name": "Tukums",
        "address": {"@type": "PostalAddress", "addressCountry": "LV"},
        "geo": {"@type": "GeoCoordinates", "latitude": 56.9669, "longitude": 23.1553},
    }
    held = json_ld(read(fixture_site, "pasakumi/fiction-seminar-2021"))
    assert held["eventStatus"] == "https://schema.org/EventScheduled" and len(held["location"]) == 2


def test_area_places_have_an_address(real_site):
    baltic = json_ld(read(real_site, "en/events/tiksanas-ar-eriac"))["location"]
    assert baltic["address"] == {"@type": "PostalAddress", "addressRegion": "Baltic states"}
    abroad = json_ld(read(real_site, "pasakumi/ekspertu-pieredzes-apmaina-arpus-latvijas"))["location"]
    assert abroad["address"] == {"@type": "PostalAddress", "addressRegion": "Ārpus Latvijas"}
    latvia = json_ld(read(real_site, "en/events/petijums-par-romu-situaciju-latvija"))["location"]
    assert latvia["address"] == {"@type": "PostalAddress", "addressCountry": "LV"}


def test_online_and_mixed_events(tmp_path):
    event = "---\ntitle: {title}\nsummary: S.\ndate: 2021-05-05\nkind: seminar\nplaces: [riga]\nproject: platforma-v\nattendance: {mode}\n---\n"
    files = {f"events/{mode}.en.md": event.format(title=mode.title(), mode=mode) for mode in ("online", "mixed")}
    site = build_site(write_site(tmp_path, files, base=None))
    online = json_ld(read(site, "en/events/online"))
    assert online["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"
    assert online["location"] == {"@type": "VirtualLocation", "url": f"{SITE_URL}en/events/online/"}
    mixed = json_ld(read(site, "en/events/mixed"))
    assert mixed["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"
    assert [location["@type"] for location in mixed["location"]] == ["Place", "VirtualLocation"]
    for data in (online, mixed):
        check_json_ld(data)


def test_book_json_ld_with_authors_typed_as_the_publication_says(fixture_site, real_site):
    book = json_ld(read(fixture_site, "izdevumi/fiction-book"))
    assert book["@type"] == "Book" and book["isbn"] == "978-3-16-148410-0"
    assert book["author"] == [  # persons: the default
        {"@type": "Person", "name": "Ieva Izdomāta"},
        {"@type": "Person", "name": "Pēteris Paraugs"},
    ]
    assert book["publisher"] == {"@type": "Organization", "name": "Izdomātais apgāds"}
    assert book["inLanguage"] == ["lv", "rom"]
    for url in ("izdevumi/sando-rudevics-saules-zakens", "en/publications/sando-rudevics-saules-zakens"):
        data = json_ld(read(real_site, url))
        assert data["author"] == [{"@type": "Organization", "name": "Kultūras ministrija"}]


def test_article_json_ld(git_site):
    article = json_ld(read(git_site, "en/stories/anna-fiction"))
    assert article["@type"] == "Article" and article["datePublished"] == "2024-05"  # as written: no day
    assert article["dateModified"] == FIRST
    assert article["publisher"]["name"] == "Latvian Roma Platform"
    assert article["about"] == {"@type": "Person", "name": "Anna (made up)"}
    assert article["image"] == f"{SITE_URL}media/stories/images/portrait.png"


def test_organization_on_the_home_page(fixture_site):
    data = json_ld(read(fixture_site, ""))
    assert data["@type"] == "Organization" and data["url"] == SITE_URL and data["email"] == "pasts@km.gov.lv"


def test_new_fields_are_checked(tmp_path):
    root = tmp_path
    shutil.copytree(REPO / "data", root / "data")
    files = {
        "events/x.lv.md": "---\ntitle: T\nsummary: S.\ndate: 2021\nkind: other\nplaces: [riga]\nproject: platforma-v\nattendance: remote\n---\n",
        "publications/y.lv.md": "---\ntitle: T\nsummary: S.\ndate: 2021\nauthors: [KM]\nauthor_type: ministry\n---\n",
    }
    for rel, text in files.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")
    settings = dataclasses.replace(Settings.from_mkdocs_yml(REPO), root=root)
    content = load_content(settings, today=dt.date(2026, 1, 1))
    found = [str(mistake) for mistake in content.mistakes]
    assert any(line.startswith("events/x.lv.md:8: attendance:") and "offline, online, mixed" in line for line in found)
    assert any(
        line.startswith("publications/y.lv.md:6: author_type:") and "person, organization" in line for line in found
    )


def test_editor_guide_lists_the_new_fields(real_site):
    for url in ("redaktoriem", "en/editors"):
        html = read(real_site, url)
        assert "<code>attendance</code>" in html and "<code>author_type</code>" in html


# ---- robots.txt, sitemap and the head ----------------------------------------------------------


def test_robots_txt_names_the_sitemap(fixture_site, real_site):
    assert (fixture_site / "robots.txt").read_text(encoding="utf-8") == (
        f"User-agent: *\nAllow: /\nSitemap: {SITE_URL}sitemap.xml\n"
    )
    robots = (real_site / "robots.txt").read_text(encoding="utf-8")
    assert robots.endswith("Sitemap: https://romu-platforma.github.io/sitemap.xml\n")
    assert not (real_site / "en/robots.txt").exists()


class _Head(HTMLParser):
    """The <link rel="alternate"> elements of a page's head."""

    def __init__(self):
        super().__init__()
        self.hreflang: dict = {}
        self.typed: list = []
        self.in_head = True

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "body":
            self.in_head = False
        if tag == "link" and self.in_head and attributes.get("rel") == "alternate":
            if "hreflang" in attributes:
                assert attributes["hreflang"] not in self.hreflang
                self.hreflang[attributes["hreflang"]] = attributes["href"]
            else:
                self.typed.append((attributes.get("type"), attributes["href"]))


def head(site: Path, url: str) -> _Head:
    parser = _Head()
    parser.feed(read(site, url))
    return parser


@pytest.mark.parametrize("which", ["fixture_site", "real_site"])
def test_sitemap_and_head_agree_on_alternates(which, request):
    site = request.getfixturevalue(which)
    base = SITE_URL if which == "fixture_site" else "https://romu-platforma.github.io/"
    tree = ET.parse(site / "sitemap.xml")
    listed = {}
    for url in tree.getroot():
        loc = url.find("s:loc", SITEMAP).text
        links = [(link.get("hreflang"), link.get("href")) for link in url.findall("x:link", SITEMAP)]
        assert len(links) == len(dict(links))
        listed[loc.removeprefix(base)] = dict(links)
        lastmod = url.find("s:lastmod", SITEMAP)
        if lastmod is not None:
            assert RFC3339.match(lastmod.text)
    assert set(listed) == set(pages(site))  # every page, and nothing else
    single = 0
    for url, links in listed.items():
        assert head(site, url).hreflang == links, url
        single += len(links) == 2 and "x-default" in links
    assert single  # pages in one language carry their x-default in both


def test_sitemap_lastmod_from_the_change_dates(git_site):
    tree = ET.parse(git_site / "sitemap.xml")
    lastmod = {
        url.find("s:loc", SITEMAP).text.removeprefix(SITE_URL): url.findtext("s:lastmod", None, SITEMAP)
        for url in tree.getroot()
    }
    assert lastmod["en/events/fiction-seminar-2021/"] == CORRECTION
    assert lastmod["en/events/fiction-future/"] == FIRST
    assert lastmod["pasakumi/"] == CORRECTION  # its newest entry, the seminar
    assert lastmod["dzives-stasti/"] == "2023-02-01T00:00:00Z"  # the uncommitted story is listed there
    assert lastmod["meklet/"] is None  # the search page's text is the site's strings: not known
    en_feed = entries(git_site, "en/feed.xml")
    for entry in en_feed.values():  # a page changed no earlier than its feed entry
        assert lastmod[entry["link"].removeprefix(SITE_URL)] >= entry["updated"]


def test_change_dates_previews_and_structured_data_need_no_templates(tmp_path, monkeypatch):
    """The parts of the view beside what templates read are made from the content alone: no Jinja
    environment, no theme (a folder without Git: every file changed at SOURCE_DATE_EPOCH)."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    root = write_site(tmp_path)
    site = load_site(Settings.from_mkdocs_yml(root), Converter(("toc", "tables")), today=dt.date(2026, 1, 1))
    view = SiteView(site.content, site.plan, site.strings, SITE_URL, outlines=site.outlines)
    story = next(page for page in site.plan.pages if page.url == "dzives-stasti/anna-fiction/")
    home = site.plan.homes["en"]
    assert view.changes.lastmod(story) == view.changes.lastmod(home) == "2023-11-14T22:13:20Z"
    assert view.previews.image(story) == f"{SITE_URL}media/share/stories/images/portrait.png.jpg"
    assert view.previews.image(home) == f"{SITE_URL}media/share/site.en.png"
    assert json.loads(view.structured.json_ld(story))["@type"] == "Article"
    assert json.loads(view.structured.json_ld(home))["url"] == f"{SITE_URL}en/"
    assert view.env is None


TYPES = {".xml": "application/atom+xml", ".json": "application/json", ".ics": "text/calendar"}


@pytest.mark.parametrize("which", ["fixture_site", "real_site"])
def test_every_typed_alternate_is_what_it_points_to(which, request):
    site = request.getfixturevalue(which)
    for url in pages(site):
        typed = head(site, url).typed
        assert [kind for kind, _ in typed].count("application/atom+xml") == 1, url
        assert len({href for _, href in typed}) == len(typed), url  # nothing declared twice
        for kind, href in typed:
            assert TYPES[Path(href).suffix] == kind, (url, href)
            assert (site / url / href).resolve().is_file(), (url, href)
    timeline = head(site, "laika-josla").typed
    assert sorted(kind for kind, _ in timeline) == ["application/atom+xml", "application/json", "text/calendar"]


# ---- no UI key shown ----------------------------------------------------------------------------


def ui_keys() -> set:
    keys = set()
    for path in (REPO / "data/ui").glob("*.yml"):
        keys |= set(yaml.safe_load(path.read_text(encoding="utf-8")))
    return keys


def shown_keys(site: Path, keys: set) -> dict:
    """Text on the pages and in the feeds that is a UI key, or looks like one: a dotted name whose
    namespace (all but its last part) is one the UI strings use, such as timeline.export.atom."""
    spaces = {key.rsplit(".", 1)[0] for key in keys if "." in key}
    token = re.compile(r"(?<![\w./@-])[a-z][a-z0-9_]*(?:\.[a-z0-9_]+)+(?![\w/@-])")
    found: dict = {}
    files = [*site.rglob("*.html"), *(site / feed for feed in FEEDS if (site / feed).is_file())]
    for path in files:
        parser = _Text()
        parser.feed(path.read_text(encoding="utf-8"))
        for text in parser.texts:
            for match in token.findall(text):
                if match in keys or match.rsplit(".", 1)[0] in spaces:
                    found.setdefault(match, path.relative_to(site).as_posix())
    return found


class _Text(HTMLParser):
    """What a reader is shown: text outside script and style, and the attributes read out."""

    SHOWN = ("title", "alt", "aria-label", "placeholder", "content", "label", "value")

    def __init__(self):
        super().__init__()
        self.hidden = 0
        self.texts: list = []

    def handle_starttag(self, tag, attrs):
        self.hidden += tag in ("script", "style")
        self.texts += [value for name, value in attrs if name in self.SHOWN and value]

    def handle_endtag(self, tag):
        self.hidden -= tag in ("script", "style")

    def handle_data(self, data):
        if not self.hidden:
            self.texts.append(data)


@pytest.mark.parametrize("which", ["fixture_site", "real_site"])
def test_no_ui_key_is_shown(which, request):
    site = request.getfixturevalue(which)
    assert shown_keys(site, ui_keys()) == {}


def test_the_key_scan_finds_a_missing_string(fixture_site, tmp_path):
    """The scan above can fail: a page that shows timeline.export.atom is caught."""
    site = tmp_path / "site"
    shutil.copytree(fixture_site / "laika-josla", site / "laika-josla")
    page = site / "laika-josla/index.html"
    page.write_text(page.read_text(encoding="utf-8").replace("</main>", "<a>timeline.export.atom</a></main>"))
    assert shown_keys(site, ui_keys()) == {"timeline.export.atom": "laika-josla/index.html"}


@pytest.mark.slow
def test_no_string_lookup_misses_while_building(tmp_path, monkeypatch):
    """Every text the templates and the core ask for is found, on the fixture and the real site;
    a key the build asks for and data/ui lacks (such as a new timeline export) would be a miss."""
    misses = set()
    lookup = strings.Strings.t

    def recording(self, lang, key, **values):
        text = lookup(self, lang, key, **values)
        if text == key:
            misses.add(key)
        return text

    def missing(self, key):
        misses.add(key)
        return key

    monkeypatch.setattr(strings.Strings, "t", recording)
    monkeypatch.setattr(strings._Texts, "__missing__", missing)
    build_site(write_site(tmp_path / "fixture"))
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    build(load_config(str(REPO / "mkdocs.yml"), site_dir=str(tmp_path / "real")))
    language_names = {f"language.{code}" for code in ("lv", "en", "rom")}  # named by code where unnamed
    assert misses - language_names == set()
    # And a miss is caught: the lookup is the one the templates use.
    missing_key = "timeline.export.robots"
    assert strings.Strings.t(strings.Strings.load(Settings.from_mkdocs_yml(REPO)), "lv", missing_key) == missing_key
    assert missing_key in misses


def test_head_feed_title_and_timeline_download(fixture_site):
    page = read(fixture_site, "en/timeline")
    assert ">Latest from the site (Atom feed)</a>" in page and "timeline.export" not in page


def test_the_workflow_checks_out_the_history():
    """A shallow clone would date every page by its one commit."""
    workflow = yaml.safe_load((REPO / ".github/workflows/site.yml").read_text(encoding="utf-8"))
    steps = workflow["jobs"]["build"]["steps"]
    checkout = next(step for step in steps if step.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["fetch-depth"] == 0


def asked_keys() -> set:
    """The UI keys the templates and the core ask for by name (T["…"], t(lang, "…")), and those
    they make from a known set of values (kinds, statuses, collections, facets, exports)."""
    from lrp.base.settings import COLLECTIONS
    from lrp.contract.fields import EVENT_STATUSES, KINDS
    from lrp.pages.plan import TIMELINE_EXPORTS
    from lrp.pages.timeline import FACETS

    literal = re.compile(r"""(?:\bT\[|\bt\([\w.]+,\s*)["']([a-z0-9_]+(?:\.[a-z0-9_]+)+)["']""")
    sources = [*(REPO / "overrides/lrp").rglob("*.html"), *(REPO / "hooks/lrp").glob("*.py")]
    keys = {key for path in sources for key in literal.findall(path.read_text(encoding="utf-8"))}
    keys |= {f"kind.{kind}" for kind in KINDS}
    keys |= {f"status.{status}" for status in (*EVENT_STATUSES, "unreported", "draft")}
    keys |= {f"collection.{collection}" for collection in (*COLLECTIONS, "page")}
    keys |= {f"empty.{collection}" for collection in COLLECTIONS}
    keys |= {f"timeline.filter.{facet}" for facet in FACETS}
    keys |= {f"timeline.export.{kind}" for kind in TIMELINE_EXPORTS}
    return keys


def test_every_key_asked_for_has_a_text_in_the_default_language():
    """Where a text is missing in a language, the default language's is shown; where it is
    missing there too, the key would be."""
    default = yaml.safe_load((REPO / "data/ui/lv.yml").read_text(encoding="utf-8"))
    asked = asked_keys()
    assert {"timeline.export.atom", "site.name", "feed.title", "kind.campaign"} <= asked
    assert sorted(key for key in asked if not default.get(key)) == []
