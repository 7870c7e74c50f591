"""The picture of the project's years: the geometry of the chart, made from the content.

Years run along the axis; each project phase (data/projects.yml ``date``/``end``) is a band; each
activity (an event or a publication) is a bar where it spans a period (``end``, a month, a year)
and a dot where it is known to the day. A line marks the build's day. Years with no entry (no
activity, no phase) between others, or up to today, are one short labelled break, not years of
empty width. Nothing here draws: the template (overrides/lrp/partials/chart.html) turns the
geometry into markup, escaped. The geometry is made once per build and chart (SiteView.chart).

Widths are shares of the plot's width (%), so that the chart fits the page at any width; sizes
are in em of the chart's text, so that it grows with the browser's text size. The plot is never
narrower than ``min_width`` em (where the years' labels fit; below it, it scrolls in its region);
marks are packed for that width, so no two marks meet at any width.

Two forms: ``full`` gives every activity a row of its own, its title above its mark, grouped by
phase; ``compact`` (the home page) packs the marks into lanes (``pack``) without titles. A full
chart of more than FULL_LIMIT activities is drawn compact, so that it stays a picture.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from ..base.dates import PartialDate
from ..model.items import Translation

FULL_LIMIT = 80

# Sizes in em of the plot's text (lrp-face.css: .lrp-chart__plot, .lrp-chart__track).
CHAR = 0.6  # a character's width at most, a bold digit or a letter: to size the axis' labels
LABEL_PAD = 0.6  # the padding on either side of an axis label
BREAK_TEXT = 0.9  # a break's label is that much smaller than the years'
MIN_WIDTH = 16  # the plot is never narrower than this
BREAK_WEIGHT = 1.5  # a break's width, in years' widths: whatever the number of years it stands for
DOT_R = 0.4  # a dot's radius
MIN_BAR = 0.25  # a bar is at least this wide, so that a short span stays visible
GAP = 0.3  # between two marks of one lane


@dataclass(frozen=True)
class Segment:
    """A year of the axis, or a break: years with no entry (``empty``), drawn short."""

    first: int
    last: int
    empty: bool
    x: float  # % of the plot's width
    width: float

    @property
    def centre(self) -> float:
        return round(self.x + self.width / 2, 2)


@dataclass(frozen=True)
class Band:
    """A phase: its bar over its years."""

    project: str
    term: object  # the vocabulary's Term: labels per language, date and end
    x: float
    width: float
    index: int = 0


@dataclass(frozen=True)
class Mark:
    """An activity: a bar (``shape`` "bar": x, width) or a dot ("dot": centre x), in % of the width."""

    tr: Translation
    kind: str  # span, year, month or day: what the mark stands for
    shape: str  # bar or dot
    status: str  # held, planned, unreported, cancelled, or published for a publication
    x: float
    width: float = 0.0
    lane: int = 0  # in a compact chart

    @property
    def left(self) -> float:
        return self.x if self.shape == "bar" else self.x - self.width / 2

    @property
    def right(self) -> float:
        return self.x + self.width if self.shape == "bar" else self.x + self.width / 2


@dataclass
class Group:
    """The activities of one phase (``project`` None: of no known phase), in the order drawn; its
    band where the phase has dates; its marks in a full chart."""

    project: str | None
    term: object
    entries: list = field(default_factory=list)
    band: Band | None = None
    marks: list = field(default_factory=list)


@dataclass
class Chart:
    compact: bool
    min_width: float  # em
    first_year: int
    last_year: int
    segments: list  # Segment
    bands: list  # Band
    marks: list  # Mark
    lanes: list  # [Mark] per lane (compact charts)
    groups: list  # Group: the activities as the rows and the text equivalent list them
    today: dt.date
    today_x: float

    @property
    def grid(self) -> list[float]:
        """The x of each segment's start after the first."""
        return [segment.x for segment in self.segments[1:]]

    @property
    def breaks(self) -> list[Segment]:
        return [segment for segment in self.segments if segment.empty]


def pack(spans: Sequence[tuple[float, float]], gap: float = 0.0) -> list[int]:
    """Lanes for intervals (left, right): taken by their left ends, each goes to the first lane
    whose last interval ends at least ``gap`` before it begins. No two intervals of a lane meet;
    as intervals taken in that order, the lanes are as few as the most intervals over one point."""
    ends: list[float] = []
    lanes = [0] * len(spans)
    for index in sorted(range(len(spans)), key=lambda i: spans[i][0]):
        left, right = spans[index]
        lane = next((n for n, end in enumerate(ends) if end + gap <= left), len(ends))
        if lane == len(ends):
            ends.append(right)
        ends[lane] = right
        lanes[index] = lane
    return lanes


def status_of(tr: Translation) -> str:
    return tr.item.event_status or "published"


def _period(tr: Translation) -> tuple[dt.date, dt.date, str]:
    """First and last day an activity covers, and the kind of mark it gets."""
    start: PartialDate = tr.date
    end: PartialDate | None = tr.end
    if end is not None and end != start:
        return start.first, max(end.last, start.first), "span"
    return start.first, start.last, start.precision


def drawn_compact(entries: list, compact: bool) -> bool:
    """Whether a chart of ``entries`` asked for in that form is drawn compact."""
    return compact or len(entries) > FULL_LIMIT


def _label_need(text: str, size: float = 1.0) -> float:
    """The em an axis label of that relative ``size`` needs, wrapped at its spaces and after its dashes."""
    words = re.split(r"(?<=–)|\s+", text)
    return max(len(word) for word in words) * CHAR * size + LABEL_PAD


def segments_of(filled: set[int], first: int, last: int, today: dt.date) -> list[tuple[int, int, bool]]:
    """The axis from ``first`` to ``last``: each year with an entry (``filled``), and each run of
    years without one as a break; a break over today's year ends with it (today's marker stands
    at its end) and the years after it are another."""
    runs: list[tuple[int, int, bool]] = []
    for year in range(first, last + 1):
        empty = year not in filled
        if runs and empty and runs[-1][2] and runs[-1][1] != today.year:
            runs[-1] = (runs[-1][0], year, True)
        else:
            runs.append((year, year, empty))
    return runs


class Scale:
    """Days to % of the width: each year of the axis the same width, a day a fraction of its year;
    a day in a break (today only) at the break's end."""

    def __init__(self, segments: list[Segment]):
        self.segments = {year: s for s in segments for year in range(s.first, s.last + 1)}

    def x(self, day: dt.date, share: float = 0.0) -> float:
        """The x of the start of ``day``, or ``share`` of the way through it."""
        segment = self.segments[day.year]
        if segment.empty:
            return segment.x + segment.width
        start = dt.date(day.year, 1, 1).toordinal()
        length = dt.date(day.year + 1, 1, 1).toordinal() - start
        return segment.x + (day.toordinal() - start + share) / length * segment.width

    def after(self, day: dt.date) -> float:
        """The x of the end of a day."""
        return self.x(day, 1.0)


def make_chart(
    entries: list[Translation],
    phases: dict,
    today: dt.date,
    compact: bool = False,
    empty_text: str = "no entries",
) -> Chart | None:
    """The chart of ``entries`` (earliest first) in ``phases`` (project id -> Term, in the order to
    draw), with a line at ``today``; None where there is nothing to draw. ``empty_text`` is the
    breaks' label (its words size the axis)."""
    dated = {pid: term for pid, term in phases.items() if getattr(term, "date", None)}
    if not entries and not dated:
        return None
    compact = drawn_compact(entries, compact)
    filled: set[int] = set()
    for term in dated.values():
        filled.update(range(term.date.year, (term.end or term.date).year + 1))
    for tr in entries:
        first, last, _ = _period(tr)
        filled.update(range(first.year, last.year + 1))
    first_year, last_year = min(filled | {today.year}), max(filled | {today.year})
    runs = segments_of(filled, first_year, last_year, today)

    # The axis: weights, then the plot's narrowest width, where each label fits its segment.
    weights = [BREAK_WEIGHT if empty else 1.0 for _, _, empty in runs]
    needs = [_label_need(f"{a}–{b} {empty_text}", BREAK_TEXT) if empty else _label_need(str(a)) for a, b, empty in runs]
    total = sum(weights)
    narrowest = max(need / weight for need, weight in zip(needs, weights, strict=True)) * total
    min_width = max(MIN_WIDTH, math.ceil(narrowest * 10) / 10)
    segments, x = [], 0.0
    for (a, b, empty), weight in zip(runs, weights, strict=True):
        width = weight / total * 100
        segments.append(Segment(a, b, empty, round(x, 3), round(width, 3)))
        x += width
    scale = Scale(segments)
    em = 100 / min_width  # % of the width an em takes at most

    bands = []
    for index, (pid, term) in enumerate(dated.items()):
        left = scale.x(term.date.first)
        bands.append(Band(pid, term, *_bar(left, scale.after((term.end or term.date).last), em), index=index))
    by_project = {band.project: band for band in bands}

    groups = {pid: Group(pid, term, band=by_project.get(pid)) for pid, term in phases.items()}
    loose = Group(None, None)
    for tr in entries:
        groups.get(tr.get("project"), loose).entries.append(tr)
    ordered = [group for group in groups.values() if group.entries]
    if loose.entries:
        ordered.append(loose)

    lanes: list[list[Mark]] = []
    if compact:
        placed = [_mark(tr, scale, em) for tr in entries]
        numbers = pack([(m.left, m.right) for m in placed], GAP * em)
        marks = [replace(mark, lane=number) for mark, number in zip(placed, numbers, strict=True)]
        lanes = [[] for _ in range(max(numbers, default=-1) + 1)]
        for mark in marks:
            lanes[mark.lane].append(mark)
    else:
        marks = []
        for group in ordered:
            group.marks = [_mark(tr, scale, em) for tr in group.entries]
            marks += group.marks

    return Chart(
        compact=compact,
        min_width=min_width,
        first_year=first_year,
        last_year=last_year,
        segments=segments,
        bands=bands,
        marks=marks,
        lanes=lanes,
        groups=ordered,
        today=today,
        today_x=round(scale.x(today, 0.5), 3),
    )


def _bar(left: float, right: float, em: float) -> tuple[float, float]:
    """A bar's x and width: at least MIN_BAR wide, kept inside the plot."""
    width = max(right - left, MIN_BAR * em)
    return round(min(left, 100 - width), 3), round(width, 3)


def _mark(tr: Translation, scale: Scale, em: float) -> Mark:
    """An activity's mark: a dot in the middle of its day, or a bar over its period. A dot's
    ``width`` is its diameter in % at the plot's narrowest."""
    first, last, kind = _period(tr)
    if kind == "day":
        r = DOT_R * em
        x = min(max(scale.x(first, 0.5), r), 100 - r)
        return Mark(tr, kind, "dot", status_of(tr), round(x, 3), round(2 * r, 3))
    return Mark(tr, kind, "bar", status_of(tr), *_bar(scale.x(first), scale.after(last), em))


# ---- key results ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Result:
    """A key result: a figure of an event, its label in the event's file's language."""

    value: object  # Decimal, as written
    label: str
    tr: Translation


def _featured(tr: Translation, index: int) -> bool:
    """Whether the figure at ``index`` is marked ``featured: true`` in any language file of the
    event (a figure's value is the same in each; the mark may be written in one file)."""
    for other in tr.item.translations.values():
        figures = other.own.get("figures") or ()
        if index < len(figures) and dict(figures[index]).get("featured"):
            return True
    return False


def key_results(entries: list[Translation], limit: int = 6) -> list[Result]:
    """The key results of a language, earliest event first: the figures marked ``featured: true``
    where any is; otherwise the first figure of each event that was held. At most ``limit``."""
    events = [tr for tr in entries if tr.collection == "events" and tr.get("figures")]
    chosen = [
        Result(dict(figure)["value"], dict(figure)["label"], tr)
        for tr in events
        for index, figure in enumerate(tr.get("figures"))
        if _featured(tr, index)
    ]
    if not chosen:
        chosen = [
            Result(dict(tr.get("figures")[0])["value"], dict(tr.get("figures")[0])["label"], tr)
            for tr in events
            if tr.item.event_status == "held"
        ]
    return chosen[:limit]
