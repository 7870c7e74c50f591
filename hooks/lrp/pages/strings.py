"""The site's own UI strings per language (data/ui/<lang>.yml); Material's come from Material.

Loading never fails: a file that cannot be read, or a string that is not plain text or names a
placeholder its caller does not fill, is a mistake in ``Strings.mistakes``, and that text falls
back to the default language's (else to its key). ``Strings.t`` never raises.
"""

from __future__ import annotations

import string
from pathlib import Path

from ..contract.errors import Invalid, Mistake, Report, quote
from ..contract.fields import plain_text
from ..contract.messages import Message
from ..contract.yamlmarks import load_mapping
from ..settings import Settings

# The texts the code fills in with str.format, and the placeholders each is given. Every other
# text is shown as written (a brace in it is a brace).
PLACEHOLDERS = {
    "pagination.title": ("title", "number"),
    "pagination.page": ("number", "count"),
    "notice.not_translated": ("language",),
    "section.themes.term": ("label",),
    "section.places.term": ("label",),
    "timeline.filtered_title": ("title", "label"),
    "timeline.shown": ("count",),
    "terms.count": ("count",),
    "map.label": ("places",),
    "search.results": ("count",),
    "timeline.year_count": ("count",),
}
# A text with a count may have a form per CLDR plural category: ``key.one``, ``key.other``, …
PLURAL_FORMS = ("zero", "one", "two", "few", "many", "other")


def placeholders(key: str) -> tuple[str, ...] | None:
    """The placeholders the code fills in the text ``key``; None for a text shown as written."""
    if key in PLACEHOLDERS:
        return PLACEHOLDERS[key]
    base, _, form = key.rpartition(".")
    return PLACEHOLDERS.get(base) if form in PLURAL_FORMS else None


class Strings:
    """``t(lang, key)``: the text in that language, else in the default language, else the key."""

    def __init__(self, settings: Settings, tables: dict[str, dict], mistakes: list[Mistake] | None = None):
        self.default = settings.default.code
        self.tables = tables
        self.mistakes = mistakes or []
        self._tables: dict[str, _Texts] = {}

    @classmethod
    def load(cls, settings: Settings) -> Strings:
        report = Report()
        tables = {}
        for code in settings.codes:
            path = Path(settings.root) / "data" / "ui" / f"{code}.yml"
            rel = f"data/ui/{code}.yml"
            tables[code] = _table(path, rel, report) if path.is_file() else {}
        return cls(settings, tables, report.mistakes)

    def table(self, lang: str) -> dict:
        """All texts of a language as a mapping, ``table[key]`` as ``t(lang, key)``: templates
        look texts up without a call per text."""
        if lang not in self._tables:
            merged = dict(self.tables.get(self.default, {}))
            merged.update(self.tables.get(lang, {}))
            self._tables[lang] = _Texts(merged)
        return self._tables[lang]

    def own(self, lang: str, key: str) -> str | None:
        """The text in that language only, or None."""
        return self.tables.get(lang, {}).get(key)

    def t(self, lang: str, key: str, **values) -> str:
        for code in (lang, self.default):
            text = self.tables.get(code, {}).get(key)
            if text and not values:
                return text
            if text:
                try:
                    return text.format(**values)
                except (LookupError, ValueError, TypeError, AttributeError):
                    continue  # a caller the table does not expect; the loader checks the known ones
        return key


def _table(path: Path, rel: str, report: Report) -> dict:
    """One language's texts; every text that cannot be used is a mistake and left out."""
    try:
        located = load_mapping(path.read_text(encoding="utf-8"))
    except Invalid as error:
        report.add(rel, error.line, error.field or "ui", error.message)
        return {}
    except UnicodeDecodeError:
        report.add(rel, 1, "ui", Message("file.not_utf8"))
        return {}
    except OSError as error:
        report.add(rel, 1, "ui", Message("file.unreadable", reason=str(error.strerror or error)))
        return {}
    for line, key, message in located.mistakes:
        report.add(rel, line, key, message)
    texts = {}
    for key, value in located.data.items():
        if value == "":
            continue  # an empty text is a missing one: the default language's is shown
        try:
            texts[key] = _text(key, value)
        except Invalid as error:
            report.add(rel, located.line(key), key, error.message)
    return texts


def _text(key: str, value) -> str:
    text = plain_text(value)
    allowed = placeholders(key)
    if allowed is None:
        return text
    fill = ", ".join(f"{{{name}}}" for name in allowed)
    try:
        fields = [
            (name, conversion, spec) for _, name, spec, conversion in string.Formatter().parse(text) if name is not None
        ]
    except ValueError:
        raise Invalid(Message("ui.brace", fill=fill)) from None
    for name, conversion, spec in fields:
        if name not in allowed or conversion or spec:
            written = f"{{{name}{'!' + conversion if conversion else ''}{':' + spec if spec else ''}}}"
            raise Invalid(Message("ui.placeholder", written=quote(written), fill=fill))
    return text


class _Texts(dict):
    """A language's texts; a key without a text gives the key itself, as ``Strings.t`` does."""

    def __missing__(self, key: str) -> str:
        return key
