"""Vocabularies in data/: places, themes, project phases and organisations (optional: the names
that text fields such as authors and partners hold, each in every language it has one).

A mistake in a vocabulary is reported once, in its file: an entry with a wrong part keeps its
other parts, and the ids of a file that cannot be read at all are taken on trust (with the id as
label) while it is broken, so that no item using them gets a mistake of its own, and the preview
keeps showing the items.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

from ..base.dates import PartialDate
from ..base.errors import Invalid, Report, did_you_mean, quote
from ..base.messages import Message
from ..base.settings import SLUG, Settings
from ..base.text import plain_text
from ..base.yamlmarks import load_mapping

VOCABULARIES = ("places", "themes", "projects", "organisations")
OPTIONAL = {"organisations"}  # a site may have none: its file may be left out
# The keys an entry may have besides a label per language.
EXTRA = {"places": ("country", "lat", "lon"), "themes": (), "projects": ("date", "end", "funding"), "organisations": ()}


@dataclass(frozen=True)
class Term:
    """One entry of a vocabulary: an id with a label per language and its own extra data."""

    vocabulary: str
    id: str
    labels: dict
    lat: float | None = None
    lon: float | None = None
    country: str | None = None
    date: PartialDate | None = None
    end: PartialDate | None = None
    funding: dict = field(default_factory=dict)

    def label(self, lang: str, default: str) -> str:
        return self.labels.get(lang) or self.labels.get(default) or self.id


@dataclass
class Vocabularies:
    places: dict = field(default_factory=dict)
    themes: dict = field(default_factory=dict)
    projects: dict = field(default_factory=dict)
    organisations: dict = field(default_factory=dict)
    broken: set = field(default_factory=set)  # vocabularies whose file could not be read

    def get(self, name: str) -> dict:
        return getattr(self, name)

    def term(self, name: str, term_id: str) -> Term | None:
        """The term with that id; while the file is broken, a stand-in for any well-formed id."""
        terms = self.get(name)
        if term_id not in terms and name in self.broken and SLUG.match(term_id):
            terms[term_id] = Term(name, term_id, {})
        return terms.get(term_id)


def load_vocabularies(settings: Settings, report: Report) -> Vocabularies:
    vocab = Vocabularies()
    for name in VOCABULARIES:
        path = settings.root / "data" / f"{name}.yml"
        rel = f"data/{name}.yml"
        if not path.is_file():
            if name in OPTIONAL:
                continue
            report.add(rel, 1, name, Message("file.missing"))
            vocab.broken.add(name)
            continue
        try:
            located = load_mapping(path.read_text(encoding="utf-8"))
        except Invalid as error:
            report.add(rel, error.line, error.field or name, error.message)
            vocab.broken.add(name)
            continue
        except (OSError, UnicodeDecodeError) as error:
            report.add(rel, 1, name, _unreadable(error))
            vocab.broken.add(name)
            continue
        for line, key, message in located.mistakes:
            report.add(rel, line, key, message)
        for term_id, raw in located.data.items():

            def fail(message: Message, *path, term_id=term_id, rel=rel, located=located) -> None:
                report.add(rel, located.line(term_id, *path), term_id, message)

            term = _term(name, term_id, raw, settings, fail)
            if term:
                vocab.get(name)[term_id] = term
    return vocab


def _unreadable(error: Exception) -> Message:
    if isinstance(error, UnicodeDecodeError):
        return Message("file.not_utf8")
    return Message("file.unreadable", reason=str(error.strerror or error))


def _term(name: str, term_id: str, raw, settings: Settings, fail) -> Term | None:
    """One entry; its wrong parts are reported and left out, the rest kept."""
    if not SLUG.match(term_id):
        fail(Message("data.id"))
        return None
    if not isinstance(raw, dict):
        fail(Message("data.labels"))
        return Term(name, term_id, {})
    allowed = (*settings.codes, *EXTRA[name])
    for key in raw:
        if key not in allowed:
            hint = did_you_mean(key, allowed)
            fail(Message("data.unknown_key", key=quote(key), hint=hint, allowed=", ".join(allowed)), key)
    labels = {}
    for code in settings.codes:
        if code in raw:
            try:
                labels[code] = plain_text(raw[code], 200)
            except Invalid as error:
                fail(Message("data.part", part=code, problem=error.message), code)
    if settings.default.code not in labels and settings.default.code not in raw:
        fail(Message("data.default_label", code=settings.default.code))
    extra = {}
    for key in EXTRA[name]:
        if key in raw:
            try:
                extra[key] = _extra(key, raw[key])
            except Invalid as error:
                fail(Message("data.part", part=key, problem=error.message), key, *error.path)
    start, end = extra.get("date"), extra.get("end")
    if start and end and end.last < start.first:  # as an item's span (the contract's rule for dates)
        fail(
            Message("data.part", part="end", problem=Message("date.end_before", end=str(end), start=str(start))), "end"
        )
    return Term(name, term_id, labels, **extra)


def _extra(key: str, value):
    """The value of an entry's own key (a place's coordinates, a project's span and funding)."""
    if key in ("lat", "lon"):
        limit = 90 if key == "lat" else 180
        try:
            number = float(value) if isinstance(value, str) and value.strip() else math.nan
        except ValueError:
            number = math.nan
        if not math.isfinite(number) or abs(number) > limit or "_" in value:
            raise Invalid(Message("data.coordinate", value=quote(value), limit=limit))
        return number
    if key == "country":
        if not isinstance(value, str) or len(value) != 2 or not value.isascii() or not value.isupper():
            raise Invalid(Message("data.country", value=quote(value)))
        return value
    if key in ("date", "end"):
        return PartialDate.parse(value)
    # funding: a text per language
    if not isinstance(value, dict):
        raise Invalid(Message("data.funding"))
    funding = {}
    for code, text in value.items():
        try:
            funding[code] = plain_text(text)
        except Invalid as error:
            raise Invalid(Message("data.part", part=str(code), problem=error.message), path=(code,)) from None
    return funding


# ---- kindred words for search: data/search/kindred.<language>.yml ------------------------------

_WORD = re.compile(r"^[^\W\d_]+(?:-[^\W\d_]+)*$")


def load_kindred(settings: Settings, report: Report) -> dict[str, dict[str, list[str]]]:
    """Per language, each word a visitor may type with the words the pages use for it (an
    optional file; its malformed entries are reported at their line and left out)."""
    kindred = {}
    for code in settings.codes:
        rel = f"data/search/kindred.{code}.yml"
        path = settings.root / rel
        kindred[code] = {}
        if not path.is_file():
            continue
        try:
            located = load_mapping(path.read_text(encoding="utf-8"))
        except Invalid as error:
            report.add(rel, error.line, error.field or "kindred", error.message)
            continue
        except (OSError, UnicodeDecodeError) as error:
            report.add(rel, 1, "kindred", _unreadable(error))
            continue
        for line, key, message in located.mistakes:
            report.add(rel, line, key, message)
        for word, raw in located.data.items():
            words = [raw] if isinstance(raw, str) else raw
            if not isinstance(word, str) or not _WORD.match(word):
                report.add(rel, located.line(word), str(word), Message("kindred.word", value=quote(str(word))))
                continue
            if not isinstance(words, list) or not words:
                report.add(rel, located.line(word), word, Message("kindred.list"))
                continue
            good = []
            for index, other in enumerate(words):
                if isinstance(other, str) and _WORD.match(other):
                    good.append(other)
                else:
                    report.add(rel, located.line(word, index), word, Message("kindred.word", value=quote(str(other))))
            if good:
                kindred[code][word] = good
    return kindred
