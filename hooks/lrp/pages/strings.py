"""The site's own UI strings per language (data/ui/<lang>.yml); Material's come from Material.

The files are read like content (the contract: "every language has every interface text, no
unknown key, a text used as an address is a web address"): the default language's file names the
texts the site has; every other language gives each of them (a count text its ``other`` form at
least, and only the plural forms its language has), no other key, and the same placeholders as
the default language's text. Every text is plain text; a text used as an address is one.

Loading never fails: each mistake is in ``Strings.mistakes`` (a build with any stops), and the
preview shows the default language's text in place of a wrong one (else the key). ``Strings.t``
never raises.
"""

from __future__ import annotations

import re
import string
from functools import cache
from pathlib import Path

from babel import Locale

from ..base.errors import Invalid, Mistake, Report, did_you_mean, quote
from ..base.messages import Message
from ..base.settings import Settings
from ..base.text import plain_text
from ..base.texts import Texts
from ..base.yamlmarks import Located, load_mapping
from ..contract.fields import https_url

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
    "search.shown": ("count",),
    "search.try.other": ("language",),
    "search.corrected": ("word",),
    "search.partial": ("word",),
    "timeline.year_count": ("count",),
}
# A text with a count may have a form per CLDR plural category: ``key.one``, ``key.other``, …
PLURAL_FORMS = ("zero", "one", "two", "few", "many", "other")
# The texts the templates put in an address (href): a web address of the site or beyond, and the
# e-mail address of a mailto: link. Any other text is shown as text only. (A path of the site is
# written from its root, "/izdevumi/"; the templates make it relative to the page.)
ADDRESSES = {"empty.stories.link": "link", "footer.contact_address": "email"}
_SITE_PATH = re.compile(r"/(?![/\\])[A-Za-z0-9._~%!$&'()*+,;=:@/?#-]*")
_EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+")


def placeholders(key: str) -> tuple[str, ...] | None:
    """The placeholders the code fills in the text ``key``; None for a text shown as written."""
    if key in PLACEHOLDERS:
        return PLACEHOLDERS[key]
    base, _, form = key.rpartition(".")
    return PLACEHOLDERS.get(base) if form in PLURAL_FORMS else None


class Strings(Texts):
    """The interface texts of data/ui/ (base/texts.py, the site's one translation mechanism), as
    read and checked: ``t(lang, key)`` is the text in that language, else in the default
    language, else the key."""

    def __init__(self, settings: Settings, tables: dict[str, dict], mistakes: list[Mistake] | None = None):
        super().__init__(tables, settings.default.code)
        self.mistakes = mistakes or []
        self._tables: dict[str, _Texts] = {}

    @classmethod
    def load(cls, settings: Settings) -> Strings:
        report = Report()
        tables, files = {}, {}
        for code in settings.codes:
            rel = f"data/ui/{code}.yml"
            files[code] = _read(Path(settings.root) / rel, rel, report)
            tables[code] = _table(files[code], rel, report) if files[code] else {}
        default = files[settings.default.code]
        if default:
            counted = {plural[0] for plural in map(_plural, default.data) if plural}
            for language in settings.languages:
                located = files[language.code]
                if located and language is not settings.default:
                    _compare(
                        default.data,
                        tables[settings.default.code],
                        located,
                        tables[language.code],
                        language.code,
                        report,
                    )
                if located:
                    _plurals(counted, located, language, report)
        return cls(settings, tables, report.mistakes)

    def table(self, lang: str) -> dict:
        """All texts of a language as a mapping, ``table[key]`` as ``t(lang, key)``: templates
        look texts up without a call per text."""
        if lang not in self._tables:
            self._tables[lang] = _Texts(self.merged(lang))
        return self._tables[lang]

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


def _read(path: Path, rel: str, report: Report) -> Located | None:
    """A language's file as written; None (and a mistake) when it cannot be read."""
    try:
        return load_mapping(path.read_text(encoding="utf-8"))
    except Invalid as error:
        report.add(rel, error.line, error.field or "ui", error.message)
    except FileNotFoundError:
        report.add(rel, 1, "ui", Message("file.missing"))
    except UnicodeDecodeError:
        report.add(rel, 1, "ui", Message("file.not_utf8"))
    except OSError as error:
        report.add(rel, 1, "ui", Message("file.unreadable", reason=str(error.strerror or error)))
    return None


def _table(located: Located, rel: str, report: Report) -> dict:
    """One language's texts; every text that cannot be used is a mistake and left out."""
    for line, key, message in located.mistakes:
        report.add(rel, line, key, message)
    texts = {}
    for key, value in located.data.items():
        try:
            texts[key] = _text(key, value)
        except Invalid as error:
            report.add(rel, located.line(key), key, error.message)
    return texts


def _compare(keys: dict, default: dict, located: Located, texts: dict, code: str, report: Report) -> None:
    """A language's file against the default language's: the same texts, each with the same
    placeholders (a count text's plural forms are the language's own: ``_plurals``)."""
    rel = f"data/ui/{code}.yml"
    for key in located.data:
        if _plural(key):
            continue
        if key not in keys:
            report.add(rel, located.line(key), key, Message("ui.unknown", hint=did_you_mean(key, keys)))
        elif placeholders(key) and key in texts and key in default and _names(texts[key]) != _names(default[key]):
            fill = ", ".join(f"{{{name}}}" for name in sorted(_names(default[key]))) or "—"
            report.add(rel, located.line(key), key, Message("ui.placeholders_differ", fill=fill))
    for key in keys:
        if key not in located.data and not _plural(key):
            report.add(rel, 1, key, Message("ui.missing"))


def _plurals(counted: set[str], located: Located, language, report: Report) -> None:
    """A count text in every plural form of the file's language, and in no other form."""
    rel = f"data/ui/{language.code}.yml"
    forms = _plural_forms(language.locale)
    for key in located.data:
        plural = _plural(key)
        if plural and plural[0] not in counted:
            report.add(rel, located.line(key), key, Message("ui.unknown", hint=""))
        elif plural and plural[1] not in forms:
            report.add(rel, located.line(key), key, Message("ui.plural_form", forms=", ".join(forms)))
    for base in sorted(counted):
        for form in forms:
            if f"{base}.{form}" not in located.data:
                report.add(rel, 1, f"{base}.{form}", Message("ui.missing"))


def _plural(key: str) -> tuple[str, str] | None:
    """``(base, form)`` for a plural form of a count text, ``timeline.year_count.one``."""
    base, _, form = key.rpartition(".")
    return (base, form) if form in PLURAL_FORMS and base in PLACEHOLDERS else None


@cache
def _plural_forms(locale: str) -> tuple[str, ...]:
    """The CLDR plural categories of a language, in the usual order."""
    tags = Locale.parse(locale).plural_form.tags | {"other"}
    return tuple(form for form in PLURAL_FORMS if form in tags)


def _names(text: str) -> set[str]:
    """The placeholders a text uses (a text that does not parse has none: its own mistake says so)."""
    try:
        return {name for _, name, _, _ in string.Formatter().parse(text) if name}
    except ValueError:
        return set()


def _text(key: str, value) -> str:
    text = plain_text(value)
    if key in ADDRESSES:
        return _address(ADDRESSES[key], text)
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


def _address(kind: str, text: str) -> str:
    """A text the templates put in an address: an https:// address or a path of this site from
    its root (``link``), or an e-mail address (``email``); never a script or another scheme."""
    if kind == "email":
        if not _EMAIL.fullmatch(text):
            raise Invalid(Message("ui.email", value=quote(text)))
        return text
    if _SITE_PATH.fullmatch(text):
        return text
    try:
        return https_url(text, None)
    except Invalid:
        raise Invalid(Message("ui.address", value=quote(text))) from None


class _Texts(dict):
    """A language's texts; a key without a text gives the key itself, as ``Strings.t`` does."""

    def __missing__(self, key: str) -> str:
        return key
