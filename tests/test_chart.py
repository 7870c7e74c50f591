"""Issue 24, points 1 and 2, in Python: the chart's lanes (an interval packing) never let two marks
meet, and years without an entry are one short break up to today's marker. The browser's side
(boxes, labels, text size, filters, forced colours) is tests/test_chart_browser.py."""

from __future__ import annotations

import datetime as dt
import random

import pytest
from test_content import TODAY, event, load

from lrp.pages import chart
from lrp.pages.chart import pack, segments_of


def most_at_once(spans, gap: float = 0.0) -> int:
    """The most intervals (each widened by ``gap`` at its right end) over one point: the fewest
    lanes any packing can have."""
    points = sorted([(left, 1) for left, _ in spans] + [(right + gap, -1) for _, right in spans])
    best = now = 0
    for _, step in points:  # an end before a start at the same point: touching is not meeting
        now += step
        best = max(best, now)
    return best


def assert_packed(spans, lanes, gap: float = 0.0):
    by_lane: dict = {}
    for span, lane in zip(spans, lanes, strict=True):
        by_lane.setdefault(lane, []).append(span)
    for members in by_lane.values():
        members.sort()
        for (_, right), (left, _) in zip(members, members[1:], strict=False):
            assert right + gap <= left, (right, left)
    assert sorted(by_lane) == list(range(len(by_lane)))  # no empty lane
    assert len(by_lane) == most_at_once(spans, gap)  # as few lanes as can be


@pytest.mark.parametrize("seed", range(5))
@pytest.mark.parametrize("gap", [0.0, 0.5])
def test_packing_puts_no_two_meeting_intervals_in_a_lane_and_uses_the_fewest_lanes(seed, gap):
    rng = random.Random(seed)
    spans = []
    for _ in range(300):  # widths as the marks have: never 0
        left = rng.uniform(0, 100)
        spans.append((left, left + rng.choice([0.5, rng.uniform(0.1, 30)])))
    spans += [(10.0, 20.0)] * 4 + [(49.6, 50.4)] * 3  # identical bars, dots on one spot
    lanes = pack(spans, gap)
    assert_packed(spans, lanes, gap)
    assert len({lanes[i] for i in range(300, 304)}) == 4 and len({lanes[i] for i in range(304, 307)}) == 3


def test_packing_small_cases():
    assert pack([]) == []
    assert pack([(0, 1), (1, 2), (2, 3)]) == [0, 0, 0]  # touching, with no gap asked for
    assert pack([(0, 1), (1, 2)], gap=0.5) == [0, 1]
    assert pack([(5, 6), (0, 10), (7, 8)]) == [1, 0, 1]  # taken by their left ends, whatever the order given


def test_years_without_entries_are_one_break_up_to_today():
    today = dt.date(2026, 11, 25)
    assert segments_of({2020, 2021, 2022, 2023}, 2020, 2026, today) == [
        (2020, 2020, False),
        (2021, 2021, False),
        (2022, 2022, False),
        (2023, 2023, False),
        (2024, 2026, True),
    ]
    # After today, another break: today's marker stands between them.
    assert segments_of({2021, 2099}, 2021, 2099, today) == [
        (2021, 2021, False),
        (2022, 2026, True),
        (2027, 2098, True),
        (2099, 2099, False),
    ]
    # One empty year between two with entries is a break of its own; a year with an entry is a year.
    assert segments_of({2020, 2022, 2026}, 2020, 2026, today) == [
        (2020, 2020, False),
        (2021, 2021, True),
        (2022, 2022, False),
        (2023, 2025, True),
        (2026, 2026, False),
    ]
    assert segments_of({2026}, 2026, 2026, today) == [(2026, 2026, False)]
    assert segments_of(set(), 2026, 2026, today) == [(2026, 2026, True)]


def activity(slug: str, **fields) -> dict:
    return {f"events/{slug}.lv.md": event(title=f"Izdomāts {slug}", **fields)}


def test_break_is_short_labelled_and_holds_today(tmp_path):
    files = {
        **activity("a", date="2020-03-03"),
        **activity("b", date="2021", end="2023", project="platforma-vi"),
    }
    content = load(tmp_path, files)
    entries = sorted(content.listing("events", "lv"), key=lambda tr: tr.date.sort_key)
    phases = {pid: content.vocab.projects[pid] for pid in ("platforma-v", "platforma-vi")}
    drawn = chart.make_chart(entries, phases, TODAY, empty_text="nav ierakstu")
    *years, gap = drawn.segments
    assert [(s.first, s.empty) for s in years] == [(2020, False), (2021, False), (2022, False), (2023, False)]
    assert (gap.first, gap.last, gap.empty) == (2024, TODAY.year, True) and drawn.breaks == [gap]
    # Three empty years take one and a half years' width, not three.
    assert gap.width == pytest.approx(chart.BREAK_WEIGHT * years[0].width, abs=0.01)
    assert gap.x + gap.width == pytest.approx(100, abs=0.01) == pytest.approx(drawn.today_x, abs=0.01)
    assert all(mark.right <= gap.x + 1e-9 for mark in drawn.marks)
    # The plot is never narrower than its labels need: the break's longest word in its share.
    assert drawn.min_width * gap.width / 100 >= len("ierakstu") * chart.CHAR * chart.BREAK_TEXT + chart.LABEL_PAD
    english = chart.make_chart(entries, phases, TODAY, empty_text="no entries")
    assert english.min_width < drawn.min_width  # "entries" is shorter than "ierakstu"


def test_today_in_a_year_with_entries_stands_on_its_day(tmp_path):
    files = {**activity("a", date="2020-03-03"), **activity("b", date=f"{TODAY.year}-01-10")}
    content = load(tmp_path, files)
    entries = sorted(content.listing("events", "lv"), key=lambda tr: tr.date.sort_key)
    drawn = chart.make_chart(entries, {}, TODAY)
    last = drawn.segments[-1]
    assert (last.first, last.empty) == (TODAY.year, False)
    assert chart.Scale(drawn.segments).x(TODAY) < drawn.today_x < chart.Scale(drawn.segments).after(TODAY)


def many_activities(count: int = 200) -> dict[str, str]:
    """``count`` made-up events in both languages, crowded on purpose: identical bars, dots on one
    day, spans over each other, planned stretches over held ones, long titles, a future one."""
    files = {}
    for n in range(count):
        shape = n % 6
        project = "platforma-v" if shape < 3 else "platforma-vi"
        fields = {
            0: {"date": "2020", "end": "2021"},  # identical bars
            1: {"date": "2021-06-15"},  # dots on one spot
            2: {"date": f"2021-{1 + n % 12:02d}", "event_status": "cancelled" if n % 4 == 0 else None},
            3: {"date": "2021", "end": "2023", "event_status": "planned"},  # dashed over the held ones
            4: {"date": f"2022-0{1 + n % 9}-0{1 + n % 9}", "end": f"2022-0{1 + n % 9}-2{n % 9}"},
            5: {"date": f"2023-{1 + n % 12:02d}-{1 + n % 28:02d}"},
        }[shape]
        if n == count - 1:
            fields = {"date": "2027-05-05"}
        long = " ar garu nosaukumu, kas turpinās un turpinās" if n % 7 == 0 else ""
        english = " with a long title that goes on and on" if n % 7 == 0 else ""
        files[f"events/fiction-many-{n:03d}.lv.md"] = event(
            title=f"'Izdomāta aktivitāte {n}{long}'",
            project=project,
            kind="training" if n % 2 else "seminar",
            **fields,
        )
        files[f"events/fiction-many-{n:03d}.en.md"] = (
            f"---\ntitle: Made-up activity {n}{english}\nsummary: A made-up activity for tests.\n---\nText.\n"
        )
    return files


def test_two_hundred_crowded_activities_never_meet(tmp_path):
    content = load(tmp_path, many_activities())
    assert content.mistakes == []
    entries = sorted(content.listing("events", "en"), key=lambda tr: tr.date.sort_key)
    phases = {pid: content.vocab.projects[pid] for pid in ("platforma-v", "platforma-vi")}
    drawn = chart.make_chart(entries, phases, TODAY)
    assert drawn.compact and len(drawn.marks) == 200  # too many for a row each
    gap = chart.GAP * 100 / drawn.min_width
    assert_packed([(mark.left, mark.right) for mark in drawn.marks], [mark.lane for mark in drawn.marks], gap)
    assert [(s.first, s.last) for s in drawn.breaks] == [(2024, 2026)]
