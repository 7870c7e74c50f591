"""Dates at the precision an editor knows: a year, a month or a day, and spans of them."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from functools import cache, total_ordering

from babel import Locale
from babel.dates import format_date

from .errors import Invalid, quote
from .messages import Message

_FORMS = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$", re.ASCII)
FORMS = _FORMS.pattern  # YYYY, YYYY-MM or YYYY-MM-DD, as the browser editor's form checks it too
# Years a date may have. Year 0 does not exist; the first and last years Python and Babel can
# reckon with (1 and 9999) would overflow the day after a span or sort as nonsense, and no story,
# event or publication of the platform lies outside these.
YEARS = (1000, 2999)


@total_ordering
@dataclass(frozen=True)
class PartialDate:
    """A date known to the year, the month or the day. Orders as the start of its period."""

    year: int
    month: int | None = None
    day: int | None = None

    @classmethod
    def parse(cls, value) -> PartialDate:
        """A date as the editor wrote it: ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``."""
        if isinstance(value, int) and not isinstance(value, bool):
            value = str(value)
        if not isinstance(value, str):
            raise Invalid(Message("date.one"))
        text = value.strip()
        match = _FORMS.match(text)
        if not match:
            raise Invalid(Message("date.form", value=quote(value)))
        year, month, day = (int(part) if part else None for part in match.groups())
        if not YEARS[0] <= year <= YEARS[1]:
            raise Invalid(Message("date.years", value=quote(text), first=YEARS[0], last=YEARS[1]))
        if month is not None and not 1 <= month <= 12:
            raise Invalid(Message("date.month", value=quote(text), month=month))
        if day is not None and not 1 <= day <= calendar.monthrange(year, month)[1]:
            raise Invalid(Message("date.day", value=quote(text)))
        return cls(year, month, day)

    @property
    def precision(self) -> str:
        return "day" if self.day else "month" if self.month else "year"

    @property
    def iso(self) -> str:
        """The date as written, at its own precision: ``2022``, ``2021-10``, ``2021-09-24``."""
        parts = [f"{self.year:04d}"]
        if self.month:
            parts.append(f"{self.month:02d}")
        if self.day:
            parts.append(f"{self.day:02d}")
        return "-".join(parts)

    @property
    def first(self) -> dt.date:
        """The first day of the period."""
        return dt.date(self.year, self.month or 1, self.day or 1)

    @property
    def last(self) -> dt.date:
        """The last day of the period."""
        if self.day:
            return self.first
        month = self.month or 12
        return dt.date(self.year, month, calendar.monthrange(self.year, month)[1])

    @property
    def sort_key(self) -> tuple:
        """The start of the period; a coarser date first where two start on the same day."""
        return (self.first, self.month is not None, self.day is not None)

    def __lt__(self, other: PartialDate) -> bool:
        return self.sort_key < other.sort_key

    def __str__(self) -> str:
        return self.iso


# Babel skeletons per precision; day-precision dates use the locale's long format.
_SKELETON = {"year": "y", "month": "yMMMM", "day": "yMMMd"}


@cache
def _locale(name: str) -> Locale:
    return Locale.parse(name)


def format_partial(date: PartialDate, locale: str) -> str:
    """``2021. gada 12. augusts`` / ``12 August 2021``, ``October 2021``, ``2021``."""
    if date.precision == "day":
        return format_date(date.first, "long", locale=locale)
    if date.precision == "month":
        return format_date(date.first, _locale(locale).datetime_skeletons["yMMMM"].pattern, locale=locale)
    return format_date(date.first, "y", locale=locale)


def format_span(start: PartialDate, end: PartialDate | None, locale: str) -> str:
    """A date or a span in one phrase, from CLDR's interval formats; never more precise than given."""
    return "".join(span_parts(start, end, locale))


def span_parts(start: PartialDate, end: PartialDate | None, locale: str) -> tuple[str, ...]:
    """``(text,)`` for a date; ``(start text, separator, end text)`` for a span, one phrase joined.

    CLDR's interval patterns come in two halves, so each end can be marked up on its own.
    """
    if end is None or end == start:
        return (format_partial(start, locale),)
    loc = _locale(locale)
    formats = loc.interval_formats.get(_SKELETON[start.precision]) if start.precision == end.precision else None
    greatest = "y" if start.year != end.year else "M" if start.month != end.month else "d"
    parts = formats.get(greatest) if formats else None
    if not parts:
        before, _, after = (loc.interval_formats.get(None) or "{0} – {1}").partition("{1}")
        return (format_partial(start, locale), before.replace("{0}", ""), format_partial(end, locale))
    if start.precision == "day":
        # CLDR has no interval for the long (wide month) form; widen its abbreviated months.
        parts = [re.sub(r"(?<!M)MMM(?!M)", "MMMM", part) for part in parts]
    first = format_date(start.first, parts[0], locale=locale)
    separator = re.search(r"[\s\u2009\xa0]*[–-][\s\u2009\xa0]*$", first)
    cut = separator.start() if separator else len(first)
    return (first[:cut], first[cut:], format_date(end.first, parts[1], locale=locale))


def search_words(start: PartialDate, end: PartialDate | None, locale: str) -> str:
    """A date (and a span's end) as visitors type it, for the search index only (never shown):
    ``2021-08-11 11.08.2021 11.8.2021 11. augusts 11 augusts 2021-08 08.2021 augusts 2021
    2021. g. augusts 2021`` (the language's day and month as its calendar writes them and as
    typed without the day's point, and the month with its year)."""
    words = []
    for date in dict.fromkeys(filter(None, (start, end))):
        first = date.first
        if date.precision == "day":
            words += [first.isoformat(), first.strftime("%d.%m.%Y"), f"{first.day}.{first.month}.{first.year}"]
            words.append(format_date(first, _locale(locale).datetime_skeletons["MMMMd"].pattern, locale=locale))
            words.append(format_date(first, "d MMMM", locale=locale))
        if date.precision in ("day", "month"):
            words += [first.strftime("%Y-%m"), first.strftime("%m.%Y")]
            words.append(format_date(first, "LLLL y", locale=locale))
            words.append(format_date(first, _locale(locale).datetime_skeletons["yMMMM"].pattern, locale=locale))
        words.append(str(first.year))
    return " ".join(dict.fromkeys(words))
