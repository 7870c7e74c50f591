"""The timeline page, its static filtered views and its JSON and iCalendar exports."""

import datetime as dt
import json
import re

import icalendar
from conftest import SITE_URL, build_site, read, write_site


def entries(html: str) -> list[dict]:
    """Each <li> of the timeline: its <time> values, title and labels."""
    body = html.split('<ol class="lrp-timeline"')[1].split("</ol>")[0]
    found = []
    for li in re.findall(r"<li class=\"lrp-timeline__entry.*?</li>", body, re.S):
        found.append(
            {
                "times": re.findall(r'<time datetime="([^"]+)">', li),
                "title": re.search(r'class="lrp-timeline__title"><a href="[^"]+">([^<]+)</a>', li).group(1),
                "labels": " ".join(
                    re.sub(
                        r"<[^>]+>", "", re.search(r'class="lrp-timeline__labels">(.*?)</p>', li, re.S).group(1)
                    ).split()
                ),
                "html": li,
            }
        )
    return found


def test_order_earliest_first_with_mixed_precisions_and_spans(fixture_site):
    lv = entries(read(fixture_site, "laika-josla"))
    assert [(e["title"], e["times"]) for e in lv] == [
        ("Izdomāts seminārs", ["2021-09-24"]),
        ("Izdomātā grāmata", ["2021-09-24"]),
        ("Mēneša mācības", ["2021-10"]),
        ("Atcelta tikšanās", ["2021-11-05", "2021-11-06"]),
        ("Gadu programma", ["2022", "2023"]),
        ("Nākotnes konference", ["2099-05-01"]),
    ]
    en = [e["title"] for e in entries(read(fixture_site, "en/timeline"))]
    assert en == [
        "Made-up seminar",
        "The made-up book",
        "Month training",
        "Cancelled meeting",
        "English-only meeting",
        "Programme of years",
        "Future conference",
    ]


def test_entry_labels_and_date_text(fixture_site):
    lv = {e["title"]: e for e in entries(read(fixture_site, "laika-josla"))}
    assert lv["Atcelta tikšanās"]["labels"].startswith("Sanāksme · atcelts · Tukums")
    assert lv["Nākotnes konference"]["labels"].startswith("Konference · plānots · Rīga")
    assert lv["Mēneša mācības"]["labels"].startswith("Mācības · notika · Jelgava")
    assert lv["Izdomātā grāmata"]["labels"] == "Izdevums"
    assert (
        '<time datetime="2021-11-05">2021. gada 5.</time>–<time datetime="2021-11-06">6. novembris</time>'
        in lv["Atcelta tikšanās"]["html"]
    )
    assert '<time datetime="2021-10">2021. g. oktobris</time>' in lv["Mēneša mācības"]["html"]
    assert 'href="../pasakumi/fiction-month/"' in lv["Mēneša mācības"]["html"]
    en = {e["title"]: e for e in entries(read(fixture_site, "en/timeline"))}
    # planned for 2022-2023, and nobody has said what happened: no report yet (issue 14, point 4)
    assert en["Programme of years"]["labels"].startswith(
        "Programme · no report yet · Latvia · Latvian Roma Platform VI"
    )
    assert '<time datetime="2022">2022</time>–<time datetime="2023">2023</time>' in en["Programme of years"]["html"]


def test_untranslated_items_only_in_their_language(fixture_site):
    assert "English-only meeting" not in read(fixture_site, "laika-josla")
    assert "Melnraksta" not in read(fixture_site, "laika-josla")  # drafts are not published


def test_year_headings_jump_list_and_today_marker(fixture_site):
    html = read(fixture_site, "laika-josla")
    lv = entries(html)
    assert (
        '<h2 class="lrp-timeline__year" id="year-2021" data-year="2021">2021 '
        '<span class="lrp-timeline__count" data-lrp-year-count>4 ieraksti</span></h2>'
    ) in lv[0]["html"]
    assert "1 ieraksts</span>" in lv[4]["html"]  # each year heading says how many entries it holds
    assert ">5 entries</span>" in read(fixture_site, "en/timeline")
    assert 'id="year-2022"' in lv[4]["html"] and 'id="year-2099"' in lv[5]["html"]
    assert [i for i, e in enumerate(lv) if 'id="today"' in e["html"]] == [5]  # before the first planned entry
    assert re.findall(r'<li data-year="(\d+)"><a href="#year-\d+">', html) == ["2021", "2022", "2099"]
    assert "Šodien:" in html and "Today:" in read(fixture_site, "en/timeline")


def test_phases_are_shown_with_their_spans(fixture_site):
    """In the chart: each phase a band that leads to its view of the timeline (the fixture has no
    phase pages), named with its span; and in the chart's list."""
    html = read(fixture_site, "en/timeline")
    assert re.search(
        r'<a class="lrp-chart__band lrp-chart__band--0" href="../../en/timeline/project/platforma-v/">\s*'
        r'<span class="lrp-chart__label">Latvian Roma Platform V<span class="lrp-visually-hidden">, 2020–2021</span>',
        html,
    )
    assert '<a href="../../en/timeline/project/platforma-vi/">Latvian Roma Platform VI</a> (2021–2023)' in html


def test_static_filtered_views(fixture_site):
    seminars = entries(read(fixture_site, "laika-josla/kind/seminar"))
    assert [e["title"] for e in seminars] == ["Izdomāts seminārs"]
    # Theme and place filters lead to the theme's and the place's own pages.
    assert 'href="../places/riga/" data-lrp-filter="place" data-value="riga">Riga</a>' in read(
        fixture_site, "en/timeline"
    )
    assert not (fixture_site / "en/timeline/place").exists()
    phase = [e["title"] for e in entries(read(fixture_site, "en/timeline/project/platforma-vi"))]
    assert phase == ["Programme of years", "Future conference"]
    page = read(fixture_site, "laika-josla/kind/training")
    assert "<title>Laika josla: Mācības – Latvijas romu platforma</title>" in page
    assert 'aria-current="page">Mācības</a>' in page
    assert not (fixture_site / "laika-josla/kind/meeting").exists() or "Atcelta tikšanās" in read(
        fixture_site, "laika-josla/kind/meeting"
    )
    assert (fixture_site / "en/timeline/kind/meeting/index.html").is_file()


def test_exports_declared_in_the_head(fixture_site):
    head = read(fixture_site, "laika-josla").split("</head>")[0]
    assert (
        '<link rel="alternate" type="application/json" title="Laika josla JSON formātā" href="timeline.json">' in head
    )
    assert (
        '<link rel="alternate" type="text/calendar" title="Pasākumu kalendārs (iCalendar)" href="calendar.ics">' in head
    )


def test_json_export(fixture_site):
    data = json.loads((fixture_site / "en/timeline/timeline.json").read_text(encoding="utf-8"))
    items = {item["id"]: item for item in data["items"]}
    assert list(items) == [
        "events/fiction-seminar-2021",
        "publications/fiction-book",
        "events/fiction-month",
        "events/fiction-cancelled",
        "events/english-only",
        "events/fiction-year-span",
        "events/fiction-future",
    ]
    assert items["events/fiction-cancelled"] == {
        "id": "events/fiction-cancelled",
        "url": f"{SITE_URL}en/events/fiction-cancelled/",
        "type": "events",
        "title": "Cancelled meeting",
        "summary": "A two-day meeting that was cancelled.",
        "date": "2021-11-05",
        "end": "2021-11-06",
        "precision": "day",
        "kind": "meeting",
        "status": "cancelled",
        "places": ["tukums"],
        "themes": [],
        "project": "platforma-v",
    }
    assert (
        items["events/fiction-year-span"]["precision"] == "year" and items["events/fiction-year-span"]["end"] == "2023"
    )
    assert items["publications/fiction-book"]["kind"] is None and items["publications/fiction-book"]["status"] is None
    lv = json.loads((fixture_site / "laika-josla/timeline.json").read_text(encoding="utf-8"))
    assert "events/english-only" not in [item["id"] for item in lv["items"]]
    assert lv["items"][0]["title"] == "Izdomāts seminārs"


def test_icalendar_export(fixture_site):
    calendar = icalendar.Calendar.from_ical((fixture_site / "en/timeline/calendar.ics").read_bytes())
    assert str(calendar["VERSION"]) == "2.0" and "Latvijas romu platforma" in str(calendar["PRODID"])
    events = {str(e["UID"]): e for e in calendar.walk("VEVENT")}
    # Day-precision events only: no month or year entries, no publications.
    assert sorted(events) == [
        "events-english-only@example.org",
        "events-fiction-cancelled@example.org",
        "events-fiction-future@example.org",
        "events-fiction-seminar-2021@example.org",
    ]
    seminar = events["events-fiction-seminar-2021@example.org"]
    assert seminar.decoded("DTSTART") == dt.date(2021, 9, 24) and seminar.decoded("DTEND") == dt.date(2021, 9, 25)
    assert (
        str(seminar["SUMMARY"]) == "Made-up seminar"
        and str(seminar["DESCRIPTION"]) == "A day-precision seminar for tests."
    )
    assert str(seminar["URL"]) == f"{SITE_URL}en/events/fiction-seminar-2021/"
    assert str(seminar["LOCATION"]) == "Ventspils, Riga" and "DTSTAMP" in seminar
    cancelled = events["events-fiction-cancelled@example.org"]
    assert cancelled.decoded("DTEND") == dt.date(2021, 11, 7) and str(cancelled["STATUS"]) == "CANCELLED"
    assert str(events["events-fiction-future@example.org"]["STATUS"]) == "TENTATIVE"
    lv = icalendar.Calendar.from_ical((fixture_site / "laika-josla/calendar.ics").read_bytes())
    lv_events = {str(e["UID"]): e for e in lv.walk("VEVENT")}
    assert "events-english-only@example.org" not in lv_events
    assert str(lv_events["events-fiction-seminar-2021@example.org"]["LOCATION"]) == "Ventspils, Rīga"


def test_payloads_survive_exports_as_text(tmp_path):
    payload = '</script><b>x</b>, "quoted"; back\\slash, semi;colon'  # one line: a text holds no line break
    text = payload.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    files = {
        "events/x.lv.md": f'---\ntitle: "{text}"\nsummary: "{text}"\ndate: 2021-05-05\nkind: other\nplaces: [riga]\nproject: platforma-v\n---\n'
    }
    site = build_site(write_site(tmp_path, files, base=None))
    raw = (site / "laika-josla/timeline.json").read_text(encoding="utf-8")
    assert "</script>" not in raw and json.loads(raw)["items"][0]["title"] == payload.strip()
    event = icalendar.Calendar.from_ical((site / "laika-josla/calendar.ics").read_bytes()).walk("VEVENT")[0]
    assert str(event["SUMMARY"]) == payload.strip()
    html = read(site, "laika-josla")
    assert "</script><b>" not in html and "&lt;/script&gt;&lt;b&gt;x&lt;/b&gt;" in html


def test_phase_page_lists_its_activities_as_a_timeline(tmp_path):
    files = {
        "docs/phase.lv.md": "---\ntitle: Posms\nproject: platforma-v\n---\nMērķi.\n",
        "docs/phase.en.md": "---\ntitle: Phase\n---\nGoals.\n",
    }
    site = build_site(write_site(tmp_path, files))
    titles = [e["title"] for e in entries(read(site, "en/phase"))]
    assert titles == ["Made-up seminar", "Month training", "Cancelled meeting", "English-only meeting"]
    assert 'href="../timeline/project/platforma-v/"' in read(site, "en/phase")


def test_home_shows_next_and_recent_activities(fixture_site):
    html = read(fixture_site, "en")
    next_part = html.split('id="lrp-home-next"')[1].split("</section>")[0]
    recent = html.split('id="lrp-home-recent"')[1].split("</section>")[0]
    assert "Future conference" in next_part and "Made-up seminar" not in next_part
    assert re.findall(r'class="lrp-card__title"><a href="[^"]+">([^<]+)<', recent) == [
        "Programme of years",
        "English-only meeting",
        "Cancelled meeting",
    ]
