"""Issue 14, built: the picture of the project's years, the key results, the home page as a front
door, year counts on the timeline, link-preview pictures and the share control."""

from __future__ import annotations

import datetime as dt
import io
import re
from decimal import Decimal
from pathlib import Path

import pytest
from conftest import SITE_URL, build_site, read, write_site
from PIL import Image, ImageDraw
from test_content import TODAY, event, load

from lrp.outputs import share
from lrp.pages import chart
from lrp.pages.chart import Scale

PHASES_V_VI = ("platforma-v", "platforma-vi")


def activity(slug: str, **fields) -> dict:
    return {f"events/{slug}.lv.md": event(title=slug.upper(), **fields)}


def built_chart(tmp_path: Path, files: dict, compact: bool = False) -> chart.Chart:
    content = load(tmp_path, files)
    assert content.mistakes == []
    entries = sorted(
        (tr for tr in content.listing("events", "lv") + content.listing("publications", "lv")),
        key=lambda tr: tr.date.sort_key,
    )
    phases = {pid: content.vocab.projects[pid] for pid in PHASES_V_VI}
    return chart.make_chart(entries, phases, TODAY, compact=compact)


# ---- the chart's geometry (lrp/pages/chart.py) ------------------------------------------------------


def test_chart_marks_spans_partial_dates_and_statuses(tmp_path):
    files = {
        **activity("day", date="2021-09-24"),
        **activity("month", date="2021-10"),
        **activity("year", date="2021"),
        **activity("span", date="2022", end="2023", project="platforma-vi"),
        **activity("cancelled", date="2021-11-05", end="2021-11-06", event_status="cancelled"),
        **activity("unreported", date="2022-03", event_status="planned", project="platforma-vi"),
        **activity("planned", date="2027-05-01", project="platforma-vi"),
        "publications/book.lv.md": "---\ntitle: BOOK\nsummary: A book.\ndate: 2021-08-12\nauthors: [A]\n---\n",
    }
    drawn = built_chart(tmp_path, files)
    marks = {mark.tr.title: mark for mark in drawn.marks}
    assert (drawn.first_year, drawn.last_year) == (2020, 2027)  # the phases, the activities and today
    # The years with an entry, and those without one as a break up to today (TODAY: 2026).
    assert [(s.first, s.last, s.empty) for s in drawn.segments] == [
        (2020, 2020, False),
        (2021, 2021, False),
        (2022, 2022, False),
        (2023, 2023, False),
        (2024, 2026, True),
        (2027, 2027, False),
    ]
    scale = Scale(drawn.segments)
    assert {name: (m.kind, m.shape, m.status) for name, m in marks.items()} == {
        "DAY": ("day", "dot", "held"),
        "MONTH": ("month", "bar", "held"),
        "YEAR": ("year", "bar", "held"),
        "SPAN": ("span", "bar", "held"),  # begun before today and not said otherwise
        "CANCELLED": ("span", "bar", "cancelled"),
        "UNREPORTED": ("month", "bar", "unreported"),
        "PLANNED": ("day", "dot", "planned"),
        "BOOK": ("day", "dot", "published"),
    }
    # A month is drawn over the whole month, a year over the whole year, a span from the first day
    # of its start to the last day of its end: never more precise than the file.
    month = marks["MONTH"]
    assert month.x == pytest.approx(scale.x(dt.date(2021, 10, 1)), abs=0.01)
    assert month.x + month.width == pytest.approx(scale.x(dt.date(2021, 11, 1)), abs=0.01)
    year = marks["YEAR"]
    assert (year.x, year.x + year.width) == pytest.approx(
        (scale.x(dt.date(2021, 1, 1)), scale.x(dt.date(2022, 1, 1))), abs=0.01
    )
    span = marks["SPAN"]
    assert (span.x, span.x + span.width) == pytest.approx(
        (scale.x(dt.date(2022, 1, 1)), scale.after(dt.date(2023, 12, 31))), abs=0.01
    )
    assert marks["CANCELLED"].width >= chart.MIN_BAR * 100 / drawn.min_width - 0.01  # two days: still visible
    day = marks["DAY"]
    assert scale.x(dt.date(2021, 9, 24)) <= day.x <= scale.x(dt.date(2021, 9, 25))
    # Today's line stands at the end of the break that holds today's year.
    gap = drawn.segments[4]
    assert drawn.today_x == pytest.approx(gap.x + gap.width, abs=0.01)
    # Phases: a band each over its years.
    bands = {band.project: band for band in drawn.bands}
    assert bands["platforma-v"].x == pytest.approx(scale.x(dt.date(2020, 1, 1)), abs=0.01)
    assert bands["platforma-v"].x + bands["platforma-v"].width == pytest.approx(scale.x(dt.date(2022, 1, 1)), abs=0.01)
    assert bands["platforma-vi"].x + bands["platforma-vi"].width == pytest.approx(
        scale.after(dt.date(2023, 12, 31)), abs=0.01
    )
    # Rows grouped by phase, earliest first within each; the publication (no phase) last.
    groups = [(group.project, [tr.title for tr in group.entries]) for group in drawn.groups]
    assert groups == [
        ("platforma-v", ["YEAR", "DAY", "MONTH", "CANCELLED"]),
        ("platforma-vi", ["SPAN", "UNREPORTED", "PLANNED"]),
        (None, ["BOOK"]),
    ]
    rows = [mark.tr.title for group in drawn.groups for mark in group.marks]
    assert rows == ["YEAR", "DAY", "MONTH", "CANCELLED", "SPAN", "UNREPORTED", "PLANNED", "BOOK"]
    assert [group.band.project if group.band else None for group in drawn.groups] == [*PHASES_V_VI, None]


def test_compact_chart_packs_marks_into_lanes_and_many_activities_make_any_chart_compact(tmp_path):
    files = {}
    for index in range(chart.FULL_LIMIT + 1):
        files.update(activity(f"a{index}", date=f"{2020 + index % 4}-0{1 + index % 9}-1{index % 10}"))
    drawn = built_chart(tmp_path, files)
    assert drawn.compact and sum(len(lane) for lane in drawn.lanes) == len(drawn.marks) == chart.FULL_LIMIT + 1
    gap = chart.GAP * 100 / drawn.min_width
    for lane in drawn.lanes:  # no two marks of a lane meet, even at the plot's narrowest
        lane = sorted(lane, key=lambda mark: mark.left)
        for before, after in zip(lane, lane[1:], strict=False):
            assert before.right + gap <= after.left + 1e-9
    small = built_chart(tmp_path / "small", activity("one", date="2021-05-05"), compact=True)
    assert small.compact and len(small.marks) == 1


def test_no_chart_without_anything_dated():
    assert chart.make_chart([], {}, TODAY) is None


# ---- key results (lrp/pages/chart.py: key_results) --------------------------------------------------


def test_key_results_first_figure_of_each_held_event_unless_some_are_featured(tmp_path):
    files = {
        **activity(
            "a", date="2021-01-10", figures="[{value: 6, label: apmācīti mediatori}, {value: 2, label: dienas}]"
        ),
        **activity("b", date="2021-02-10", figures="[{value: 13, label: speciālisti}]"),
        **activity("c", date="2021-03-10", event_status="cancelled", figures="[{value: 9, label: atcelti}]"),
        **activity("d", date="2021-04-10", figures="[{value: 2.5, label: stundas}]"),
    }
    content = load(tmp_path, files)
    entries = sorted(content.listing("events", "lv"), key=lambda tr: tr.date.sort_key)
    results = chart.key_results(entries)
    assert [(r.value, r.label, r.tr.item.slug) for r in results] == [
        (Decimal(6), "apmācīti mediatori", "a"),
        (Decimal(13), "speciālisti", "b"),
        (Decimal("2.5"), "stundas", "d"),
    ]  # the cancelled event's figure is no result
    assert len(chart.key_results(entries, limit=2)) == 2


def test_featured_figures_are_the_key_results_and_the_mark_holds_in_both_languages(tmp_path):
    files = {
        **activity("a", date="2021-01-10", figures="[{value: 6, label: mediatori}, {value: 2, label: dienas}]"),
        "events/a.en.md": "---\ntitle: A\nsummary: A.\nfigures: [{value: 6, label: mediators}, {value: 2, label: days, featured: true}]\n---\n",
        **activity("b", date="2021-02-10", figures="[{value: 13, label: speciālisti}]"),
    }
    content = load(tmp_path, files)
    assert content.mistakes == []
    for lang, label in (("lv", "dienas"), ("en", "days")):
        entries = content.listing("events", lang)
        assert [(r.value, r.label) for r in chart.key_results(entries)] == [(Decimal(2), label)]


def test_featured_must_be_true_or_false(tmp_path):
    content = load(tmp_path, activity("a", figures="[{value: 6, label: x, featured: jā}]"))
    assert [m.field for m in content.mistakes] == ["figures"] and "true or false" in str(content.mistakes[0])


# ---- built pages ------------------------------------------------------------------------------


def chart_part(html: str) -> str:
    return html.split('<figure class="lrp-chart')[1].split("</figure>")[0]


def test_timeline_chart_links_every_entry_and_draws_status_by_shape(fixture_site):
    html = read(fixture_site, "en/timeline")
    part = chart_part(html)
    svg = part.split('<div class="lrp-chart__plot">')[1].split("<details")[0]
    marks = [
        (status, kind, href, title + rest)
        for status, kind, href, title, rest in re.findall(
            r'<a class="lrp-chart__mark lrp-chart__mark--(\w+) lrp-chart__mark--(\w+)" href="([^"]+)" data-key="[^"]+">\s*'
            r'<span class="lrp-chart__label">([^<]+)<span class="lrp-visually-hidden" data-lrp-name>([^<]+)</span>',
            svg,
        )
    ]
    listed = re.findall(r'class="lrp-timeline__title"><a href="([^"]+)">', html)
    assert [href.removeprefix("../../en/") for *_, href, _ in marks] == [
        "events/fiction-seminar-2021/",
        "events/fiction-month/",
        "events/fiction-cancelled/",
        "events/english-only/",
        "events/fiction-year-span/",
        "events/fiction-future/",
        "publications/fiction-book/",
    ]  # by phase, earliest first; the publication, of no phase, last
    assert sorted(href for *_, href, _ in marks) == sorted(listed)  # every entry, each a link to its page
    found = {href.split("/")[-2]: (status, kind, name) for status, kind, href, name in marks}
    assert found["fiction-seminar-2021"] == ("held", "day", "Made-up seminar, 24 September 2021, held")
    assert found["fiction-month"][:2] == ("held", "month")
    assert found["fiction-cancelled"][:2] == ("cancelled", "span")
    assert found["fiction-year-span"] == ("unreported", "span", "Programme of years, 2022–2023, no report yet")
    assert found["fiction-future"][:2] == ("planned", "day")
    assert found["fiction-book"][0] == "published"
    # A cancelled activity is crossed out; a dot is a circle, a span a rect.
    cancelled = svg.split('href="../../en/events/fiction-cancelled/"')[1].split("</a>")[0]
    assert '<line class="lrp-chart__cross"' in cancelled and "<rect " in cancelled
    assert "<circle " in svg.split('href="../../en/events/fiction-future/"')[1].split("</a>")[0]
    # Today's line and its label, the years, the phases.
    assert '<line class="lrp-chart__today"' in svg
    assert re.search(r'class="lrp-chart__foot[^"]*">Today: \d+ \w+ 20\d\d</p>', svg)
    assert re.findall(r'class="lrp-chart__year"><span>(\d+)</span>', svg)[0] == "2020"
    # The accessible name, the scroll region that takes focus, the key and the text equivalent.
    assert 'aria-labelledby="lrp-chart-title"' in part and 'id="lrp-chart-title">The project&#39;s years, 2020–' in part
    assert '<div class="lrp-chart__scroll" role="region" aria-labelledby="lrp-chart-title">' in part
    assert "no report yet</span>" in part and "cancelled</span>" in part and "planned</span>" in part
    text = part.split('<details class="lrp-chart__text">')[1]
    assert '<a href="../../en/events/fiction-cancelled/">Cancelled meeting</a> — 5–6 November 2021 — cancelled' in text
    assert "Outside the project phases" in text  # the publication has no phase
    assert "<script" not in part and " style=" not in part


def test_chart_in_compact_form_on_the_home_page_and_per_phase_on_phase_pages(tmp_path):
    files = {
        "docs/phase.lv.md": "---\ntitle: Posms\nproject: platforma-vi\n---\nMērķi.\n",
        "docs/phase.en.md": "---\ntitle: Phase\n---\nGoals.\n",
    }
    site = build_site(write_site(tmp_path, files))
    home = chart_part(read(site, "en"))
    assert home.startswith(" lrp-chart--compact") and "lrp-chart__row--lane" in home
    assert "<title data-lrp-name>" in home and '<span class="lrp-visually-hidden" data-lrp-name>' not in home
    assert 'href="../en/events/fiction-future/"' in home  # links relative to the home page
    phase = chart_part(read(site, "en/phase"))
    assert re.findall(r'lrp-chart__mark--\w+" href="([^"]+)"', phase) == [
        "../../en/events/fiction-year-span/",
        "../../en/events/fiction-future/",
    ]  # only its own activities
    assert re.search(
        r'<a class="lrp-chart__band lrp-chart__band--0" href="../../en/phase/">\s*<span class="lrp-chart__label">'
        r'Latvian Roma Platform VI<span class="lrp-visually-hidden">, 2021–2023</span>',
        phase,
    )  # the band: the phase page
    assert "Latvian Roma Platform V," not in phase
    # The timeline's view of the phase shows the phase's chart; the other views show the whole.
    assert chart_part(read(site, "en/timeline/project/platforma-vi")).count("lrp-chart__mark--") == chart_part(
        read(site, "en/phase")
    ).count("lrp-chart__mark--")


def test_home_is_a_front_door_with_key_results(fixture_site):
    for url, purpose, results in (
        ("", "Izdomāts saturs testiem.", "izdomāti skolotāji"),
        ("en", "Made-up content for tests.", "made-up teachers"),
    ):
        html = read(fixture_site, url)
        main = html.split('id="main-content"')[1]
        assert f'<p class="lrp-hero__purpose" data-pagefind-meta="summary">{purpose}</p>' in main
        ways = re.findall(r'<a class="lrp-way lrp-way--(\w+)" href="([^"]+)">', main)
        assert [kind for kind, _ in ways] == ["timeline", "publication", "events", "stories"]
        band = main.split('class="lrp-results"')[1].split("</section>")[0]
        value, label, href = re.findall(
            r'lrp-result__value">([^<]+)</span>\s*<span class="lrp-result__label">([^<]+)</span>\s*<a class="lrp-result__event" href="([^"]+)"',
            band,
        )[0]
        assert (value, label) == ("7", results)
        assert href.endswith("fiction-seminar-2021/")
        assert main.index("lrp-hero") < main.index("lrp-results") < main.index("lrp-chart") < main.index("lrp-featured")
    assert re.findall(r'class="lrp-way lrp-way--\w+" href="([^"]+)"', read(fixture_site, "en")) == [
        "timeline/",
        "publications/fiction-book/",
        "events/",
        "stories/",
    ]


def test_featured_publication_with_its_cover(tmp_path):
    png = io.BytesIO()
    Image.new("RGB", (60, 90), (120, 40, 20)).save(png, "PNG")
    files = {
        "publications/images/cover.png": png.getvalue(),
        "publications/cover-book.lv.md": "---\ntitle: Ar vāku\nsummary: Grāmata ar vāku.\ndate: 2020-01-01\n"
        "authors: [A]\nfeatured: true\nimage: images/cover.png\nimage_alt: Grāmatas vāks\n---\n",
    }
    site = build_site(write_site(tmp_path, files))
    featured = read(site, "").split('class="lrp-featured"')[1].split("</section>")[0]
    assert '<img class="lrp-featured__cover" src="media/publications/images/cover.png" alt="Grāmatas vāks"' in featured
    assert "Ar vāku" in featured


# ---- link-preview pictures and the share control ----------------------------------------------


def og_image(html: str) -> str:
    return re.search(r'<meta property="og:image" content="([^"]+)">', html).group(1)


def test_every_page_names_a_picture_of_link_preview_shape(fixture_site):
    pages = sorted(fixture_site.rglob("index.html"))
    assert len(pages) > 40
    seen = set()
    for page in pages:
        html = page.read_text(encoding="utf-8")
        if 'property="og:title"' not in html:
            continue
        url = og_image(html)
        assert url.startswith(SITE_URL + "media/share/"), page
        seen.add(url)
    assert seen == {
        f"{SITE_URL}media/share/site.lv.png",
        f"{SITE_URL}media/share/site.en.png",
        f"{SITE_URL}media/share/stories/images/portrait.png.jpg",
    }
    for url in seen:
        with Image.open(fixture_site / url.removeprefix(SITE_URL)) as image:
            assert image.size == share.SIZE and 1.88 <= image.width / image.height <= 1.93
            assert image.width >= 600 and image.height >= 315
    assert og_image(read(fixture_site, "")).endswith("site.lv.png") and og_image(read(fixture_site, "en")).endswith(
        "site.en.png"
    )


def test_cards_per_language_carry_the_name_and_purpose(fixture_site):
    lv = (fixture_site / "media/share/site.lv.png").read_bytes()
    en = (fixture_site / "media/share/site.en.png").read_bytes()
    assert lv != en
    with Image.open(io.BytesIO(lv)) as image:
        assert image.format == "PNG" and len(image.getcolors(1 << 16)) > 20  # drawn text, not a flat colour
    assert share.card("Latvijas romu platforma", "Izdomāts saturs testiem.") == lv


def test_the_shipped_font_has_every_latvian_letter():
    font = share._font(False, 40)

    def drawn(letter: str) -> bytes:
        image = Image.new("L", (60, 60))
        ImageDraw.Draw(image).text((5, 2), letter, font=font, fill=255)
        return image.tobytes()

    missing = drawn("\ue000")  # a private-use character: the font's "missing" box
    plain = {letter: drawn(letter) for letter in "acegiklnsuz"}
    for letter in "āčēģīķļņšūžĀČĒĢĪĶĻŅŠŪŽ":
        assert drawn(letter) not in (missing, plain.get(letter.lower()[0])), letter
    assert (share.FONTS / "LICENSE").read_text(encoding="utf-8").count("Bitstream") >= 2


def exif_photo() -> bytes:
    """A tall JPEG with EXIF: camera, GPS position and 'rotate 90°' (orientation 6)."""
    image = Image.new("RGB", (400, 300), (200, 30, 30))
    image.paste((30, 30, 200), (0, 0, 200, 300))  # left half blue: after rotation, the top is blue
    exif = Image.Exif()
    exif[0x0110] = "Secret Camera"
    exif[0x0112] = 6
    exif.get_ifd(0x8825)[2] = (56.0, 57.0, 0.0)  # GPSLatitude
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif.tobytes(), comment=b"private note")
    return out.getvalue()


def test_an_item_image_is_shared_cut_to_shape_upright_and_without_metadata(tmp_path):
    files = {
        "events/images/photo.jpg": exif_photo(),
        "events/a.lv.md": event(image="images/photo.jpg", image_alt="Foto"),
    }
    site = build_site(write_site(tmp_path, files, base=None))
    assert og_image(read(site, "pasakumi/a")) == f"{SITE_URL}media/share/events/images/photo.jpg.jpg"
    data = (site / "media/share/events/images/photo.jpg.jpg").read_bytes()
    with Image.open(io.BytesIO(data)) as image:
        assert image.format == "JPEG" and image.size == (1200, 630)
        assert not image.getexif() and "exif" not in image.info and "comment" not in image.info
        top = image.getpixel((600, 20))
        assert top[2] > 150 and top[0] < 100  # upright: the blue half is at the top
    assert b"Secret Camera" not in data and b"private note" not in data
    assert og_image(read(site, "en")) == f"{SITE_URL}media/share/site.en.png"


def test_share_control_on_item_pages_only_hidden_without_script(fixture_site):
    item = read(fixture_site, "en/events/fiction-seminar-2021")
    control = re.search(r'<div class="lrp-share" data-lrp-share ([^>]*)>', item).group(1)
    assert f'data-url="{SITE_URL}en/events/fiction-seminar-2021/"' in control and control.endswith("hidden")
    assert '<script src="../../../assets/lrp-share.js" defer></script>' in item
    assert "lrp-share.js" not in read(fixture_site, "en") and "data-lrp-share" not in read(fixture_site, "en/timeline")


def test_story_shows_its_portrait_at_the_top(fixture_site):
    html = read(fixture_site, "dzives-stasti/anna-fiction")
    main = html.split('id="main-content"')[1]
    assert main.index('<figure class="lrp-portrait">') < main.index('class="lrp-lead"')
    assert main.count("media/stories/images/portrait.png") == 1


def test_the_picture_of_the_years_on_the_whole_timeline_and_phase_views_not_on_a_kind_view(fixture_site):
    assert "lrp-chart" in read(fixture_site, "laika-josla")
    assert "lrp-chart" in read(fixture_site, "laika-josla/project/platforma-v")
    assert "lrp-chart" not in read(fixture_site, "laika-josla/kind/meeting")
