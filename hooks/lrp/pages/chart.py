"""The picture of the project's years: the geometry of a static SVG chart, made from the content.

Years run along the axis; each project phase (data/projects.yml ``date``/``end``) is a band; each
activity (an event or a publication) is a bar where it spans a period (``end``, a month, a year)
and a dot where it is known to the day. A line marks the build's day. Nothing here draws: the
template (overrides/lrp/partials/chart.html) turns the geometry into SVG markup, escaped. The
geometry is made once per build and chart (SiteView.chart), not once per page.

Two forms: ``full`` gives every activity a row of its own with its title beside its mark, grouped
by phase; ``compact`` (the home page) packs the marks into a few lanes without titles. A full
chart of more than FULL_LIMIT activities is drawn compact, so that it stays a picture.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace

from ..base.dates import PartialDate
from ..model.items import Translation

WIDTH = 680  # pixels the chart aims at: the content column of a laptop screen
MARGIN = 8
MIN_YEAR = 44  # pixels a year gets at least; longer ranges make a wider chart (it scrolls)
CHAR = 6.8  # estimated width of a character of a 12 px label
LABEL_CHARS = 48  # longer titles are cut with an ellipsis (the whole title is the mark's name)
MIN_BAR = 4  # a bar is at least this wide, so that a short span stays visible and clickable
FULL_LIMIT = 80

# Vertical layout, in pixels.
AXIS = 22  # the years' labels above the axis line
BAND = 22  # a phase's lane
BAND_HEIGHT = 18
ROW = 28  # an activity's row in a full chart: its title above its mark
GROUP_GAP = 8
LANE = 14  # a lane of marks in a compact chart
MAX_LANES = 10
FOOT = 22  # the "today" label under the rows


@dataclass(frozen=True)
class Year:
    year: int
    x: float
    width: float


@dataclass(frozen=True)
class Band:
    """A phase: its band among the phases' lanes and, in a full chart, the zone behind its rows."""

    project: str
    term: object  # the vocabulary's Term: labels per language, date and end
    x: float
    width: float
    y: float
    height: float
    label_x: float
    label_inside: bool  # the label fits inside the band (else it follows it)
    zone_y: float = 0.0
    zone_height: float = 0.0
    index: int = 0


@dataclass(frozen=True)
class Mark:
    """An activity: a bar (``shape`` "bar": x, y, width, height) or a dot ("dot": cx = x, cy = y, r)."""

    tr: Translation
    kind: str  # span, year, month or day: what the mark stands for
    shape: str  # bar or dot
    status: str  # held, planned, unreported, cancelled, or published for a publication
    x: float
    y: float
    width: float = 0.0
    height: float = 0.0
    r: float = 0.0
    label: str = ""  # the visible title (full charts), perhaps cut
    label_x: float = 0.0
    label_y: float = 0.0
    anchor: str = "start"  # SVG text-anchor of the label

    @property
    def cross_y(self) -> float:
        """Where the line through a cancelled activity runs."""
        return self.y if self.shape == "dot" else self.y + self.height / 2

    @property
    def right(self) -> float:
        return self.x + self.r if self.shape == "dot" else self.x + self.width

    @property
    def left(self) -> float:
        return self.x - self.r if self.shape == "dot" else self.x


@dataclass
class Group:
    """The activities of one phase (``project`` None: of no known phase), in the order drawn."""

    project: str | None
    term: object
    entries: list = field(default_factory=list)


@dataclass
class Chart:
    compact: bool
    width: float
    height: float
    first_year: int
    last_year: int
    years: list  # Year
    axis_y: float
    bands: list  # Band
    marks: list  # Mark
    groups: list  # Group: the activities as the text equivalent lists them
    today: dt.date
    today_x: float
    top: float  # where the rows (or lanes) begin
    bottom: float  # where they end
    today_label_x: float = 0.0
    today_anchor: str = "start"

    @property
    def grid(self) -> list[float]:
        """The x of each year's start after the first, and of the last year's end."""
        return [year.x for year in self.years[1:]]


class Scale:
    """Days to pixels: each year the same width, a day a fraction of its year."""

    def __init__(self, first_year: int, last_year: int, year_width: float):
        self.first_year = first_year
        self.last_year = last_year
        self.year_width = year_width
        self._years: dict = {}  # year -> the day number of its 1 January, its length in days

    def x(self, day: dt.date) -> float:
        year = self._years.get(day.year)
        if year is None:
            start = dt.date(day.year, 1, 1).toordinal()
            year = self._years[day.year] = (start, dt.date(day.year + 1, 1, 1).toordinal() - start)
        start, length = year
        return MARGIN + (day.year - self.first_year + (day.toordinal() - start) / length) * self.year_width

    def after(self, day: dt.date) -> float:
        """The x of the end of a day (the start of the next one)."""
        return self.x(day + dt.timedelta(days=1))


def status_of(tr: Translation) -> str:
    return tr.item.event_status or "published"


def _period(tr: Translation) -> tuple[dt.date, dt.date, str]:
    """First and last day an activity covers, and the kind of mark it gets."""
    start: PartialDate = tr.date
    end: PartialDate | None = tr.end
    if end is not None and end != start:
        return start.first, max(end.last, start.first), "span"
    return start.first, start.last, start.precision


def _cut(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: max(1, limit - 1)].rstrip() + "…"


def drawn_compact(entries: list, compact: bool) -> bool:
    """Whether a chart of ``entries`` asked for in that form is drawn compact."""
    return compact or len(entries) > FULL_LIMIT


def make_chart(
    entries: list[Translation],
    phases: dict,
    today: dt.date,
    compact: bool = False,
    width: float = WIDTH,
) -> Chart | None:
    """The chart of ``entries`` (earliest first) in ``phases`` (project id -> Term, in the order to
    draw), with a line at ``today``; None where there is nothing to draw."""
    dated = {pid: term for pid, term in phases.items() if getattr(term, "date", None)}
    if not entries and not dated:
        return None
    compact = drawn_compact(entries, compact)
    years = [today.year]
    for term in dated.values():
        years += [term.date.year, (term.end or term.date).year]
    for tr in entries:
        first, last, _ = _period(tr)
        years += [first.year, last.year]
    first_year, last_year = min(years), max(years)
    count = last_year - first_year + 1
    year_width = max(MIN_YEAR, (width - 2 * MARGIN) / count)
    scale = Scale(first_year, last_year, year_width)
    chart_width = round(2 * MARGIN + count * year_width, 1)

    # Phases: a lane each, in the order given; the zone behind a phase's rows is set below.
    bands = []
    y = AXIS + 4
    for pid, term in dated.items():
        x = scale.x(term.date.first)
        band_width = max(MIN_BAR, scale.after((term.end or term.date).last) - x)
        bands.append(
            Band(pid, term, round(x, 1), round(band_width, 1), y + (BAND - BAND_HEIGHT) / 2, BAND_HEIGHT, 0, True)
        )
        y += BAND
    top = y + 6

    # Groups: each phase's activities (also a phase without dates), then those of no known phase.
    groups = {pid: Group(pid, term) for pid, term in phases.items()}
    loose = Group(None, None)
    for tr in entries:
        groups.get(tr.get("project"), loose).entries.append(tr)
    ordered = [group for group in groups.values() if group.entries]
    if loose.entries:
        ordered.append(loose)

    marks: list[Mark] = []
    if compact:
        bottom = _lanes(entries, scale, top, marks)
    else:
        zones: dict = {}  # project id -> (top, bottom) of its rows
        bottom = _rows(ordered, scale, top, chart_width, marks, zones)
        bands = [
            replace(band, zone_y=zones[band.project][0], zone_height=zones[band.project][1] - zones[band.project][0])
            if band.project in zones
            else band
            for band in bands
        ]
    bands = [_band_label(band, index, chart_width) for index, band in enumerate(bands)]

    today_x = round(scale.x(today) + scale.year_width / 730, 1)  # the middle of the day
    height = bottom + FOOT
    anchor = "end" if today_x > chart_width - 120 else "start"
    label_x = today_x - 4 if anchor == "end" else today_x + 4
    return Chart(
        compact=compact,
        width=chart_width,
        height=round(height, 1),
        first_year=first_year,
        last_year=last_year,
        years=[
            Year(year, round(scale.x(dt.date(year, 1, 1)), 1), round(year_width, 1))
            for year in range(first_year, last_year + 1)
        ],
        axis_y=AXIS,
        bands=bands,
        marks=marks,
        groups=ordered,
        today=today,
        today_x=today_x,
        top=top,
        bottom=round(bottom, 1),
        today_label_x=round(label_x, 1),
        today_anchor=anchor,
    )


def _band_label(band: Band, index: int, chart_width: float) -> Band:
    """The phase's name inside its band where it fits, else after it (or before, at the right edge)."""
    name_width = 26 * CHAR  # names such as "Latvian Roma Platform VI"; the template writes the real one
    inside = band.width >= name_width + 12
    label_x = band.x + 6 if inside else band.x + band.width + 4
    if not inside and label_x + name_width > chart_width:
        label_x = max(MARGIN, band.x - 4)
    return replace(band, label_x=round(label_x, 1), label_inside=inside, index=index)


def _place(tr: Translation, scale: Scale) -> tuple[str, float, float]:
    """What an activity's mark stands for, its x and its width (0: a dot, at the middle of its day)."""
    first, last, kind = _period(tr)
    if kind == "day":
        return kind, round(scale.x(first) + scale.year_width / 730, 1), 0.0
    x = scale.x(first)
    return kind, round(x, 1), round(max(MIN_BAR, scale.after(last) - x), 1)


def _shape(tr: Translation, scale: Scale, y_bar: float, bar_height: float, y_dot: float, r: float, placed=None) -> Mark:
    kind, x, width = placed or _place(tr, scale)
    if not width:
        return Mark(tr, kind, "dot", status_of(tr), x, y_dot, r=r)
    return Mark(tr, kind, "bar", status_of(tr), x, y_bar, width=width, height=bar_height)


def _rows(groups: list[Group], scale: Scale, top: float, chart_width: float, marks: list, zones: dict) -> float:
    """A row per activity, its title above its mark; a gap between phases. Returns the bottom;
    ``zones`` gets each phase's rows' top and bottom."""
    y = top
    for number, group in enumerate(groups):
        if number:
            y += GROUP_GAP
        if group.project is not None:
            zones[group.project] = (y, y + ROW * len(group.entries))
        for tr in group.entries:
            mark = _shape(tr, scale, y + 15, 9, y + 19.5, 5)
            label = _cut(tr.title, LABEL_CHARS)
            text_width = len(label) * CHAR
            if mark.left + text_width <= chart_width - MARGIN:
                anchor, label_x = "start", mark.left
            elif mark.right - text_width >= MARGIN:
                anchor, label_x = "end", mark.right
            else:  # wider than the chart: cut to fit from its left edge
                label = _cut(tr.title, max(4, int((chart_width - 2 * MARGIN) / CHAR)))
                anchor, label_x = "start", MARGIN
            marks.append(replace(mark, label=label, label_x=round(label_x, 1), label_y=y + 11, anchor=anchor))
            y += ROW
    return y


def _lanes(entries: list[Translation], scale: Scale, top: float, marks: list) -> float:
    """Marks packed into lanes, earliest first: each goes to the first lane free at its start
    (with a few pixels between marks); when all MAX_LANES are taken, to the one freed first."""
    ends: list[float] = []
    for tr in entries:
        placed = _place(tr, scale)
        _, x, width = placed
        left, right = (x, x + width) if width else (x - 4, x + 4)  # a dot packs by a radius of 4
        lane = next((i for i, end in enumerate(ends) if end + 3 <= left), None)
        if lane is None:
            if len(ends) < MAX_LANES:
                ends.append(float("-inf"))
                lane = len(ends) - 1
            else:
                lane = min(range(len(ends)), key=ends.__getitem__)
        ends[lane] = max(ends[lane], right)
        y = top + lane * LANE
        marks.append(_shape(tr, scale, y + 3, 8, y + 7, 4.5, placed))
    return top + max(1, len(ends)) * LANE + 4


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
