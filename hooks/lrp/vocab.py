"""Vocabularies in data/: places, themes and project phases."""

from __future__ import annotations

from dataclasses import dataclass, field

from .dates import PartialDate
from .errors import Invalid, Report
from .settings import SLUG, Settings
from .yamlmarks import load_mapping

VOCABULARIES = ("places", "themes", "projects")


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

    def get(self, name: str) -> dict:
        return getattr(self, name)


def load_vocabularies(settings: Settings, report: Report) -> Vocabularies:
    vocab = Vocabularies()
    for name in VOCABULARIES:
        path = settings.root / "data" / f"{name}.yml"
        rel = f"data/{name}.yml"
        if not path.is_file():
            report.add(rel, 1, name, "the file is missing")
            continue
        try:
            located = load_mapping(path.read_text(encoding="utf-8"))
        except Invalid as error:
            report.add(rel, error.line, name, error.message)
            continue
        for term_id, raw in located.data.items():
            line = located.lines[term_id]
            term = _term(name, term_id, raw, settings, lambda f, m, rel=rel, line=line: report.add(rel, line, f, m))
            if term:
                vocab.get(name)[term_id] = term
    return vocab


def _term(name: str, term_id: str, raw, settings: Settings, fail) -> Term | None:
    if not SLUG.match(term_id):
        fail(term_id, "an id is lowercase letters, digits and single hyphens")
        return None
    if not isinstance(raw, dict):
        fail(term_id, "give a label per language, for example {lv: Rīga, en: Riga}")
        return None
    labels = {code: str(raw[code]) for code in settings.codes if isinstance(raw.get(code), (str, int))}
    if settings.default.code not in labels:
        fail(term_id, f"needs a label in '{settings.default.code}'")
        return None
    term = Term(name, term_id, labels)
    try:
        if name == "places":
            lat, lon = raw.get("lat"), raw.get("lon")
            for key, value, limit in (("lat", lat, 90), ("lon", lon, 180)):
                if value is not None and (
                    isinstance(value, bool) or not isinstance(value, (int, float)) or abs(value) > limit
                ):
                    raise Invalid(f"{key} must be a number between -{limit} and {limit}")
            return Term(name, term_id, labels, lat=lat, lon=lon, country=raw.get("country"))
        if name == "projects":
            start = PartialDate.parse(raw["date"]) if "date" in raw else None
            end = PartialDate.parse(raw["end"]) if "end" in raw else None
            funding = raw.get("funding") or {}
            if not isinstance(funding, dict):
                raise Invalid("funding must give a text per language")
            return Term(name, term_id, labels, date=start, end=end, funding={k: str(v) for k, v in funding.items()})
    except Invalid as error:
        fail(term_id, error.message)
        return None
    return term
