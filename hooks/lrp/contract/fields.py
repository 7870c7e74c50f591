"""The fields of the content contract: one definition per field, used by the validator.

Each field says which collections carry it, whether it is required, how it is shared between
the language files of an item (``scope``) and how a value is checked and normalised.

Scopes:
- ``neutral``: written in one or both language files; where both carry it, the values must be
  equal; a file without it inherits it from the other.
- ``own``: language-specific; never inherited (``title``, ``summary``, ``image_alt``, ``person``,
  ``partners``, ``figures``, ``files``).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from babel import Locale

from ..base.dates import PartialDate
from ..base.errors import Invalid, close_match, did_you_mean, quote, visible
from ..base.messages import Message
from ..base.settings import COLLECTIONS, SLUG
from ..base.text import NOT_CHARACTERS, one, plain_text, refuse_not_text
from .files import FILE_TYPES, IMAGE_TYPES, check_file

if TYPE_CHECKING:
    from .vocab import Vocabularies

KINDS = ("seminar", "training", "meeting", "conference", "presentation", "campaign", "study", "programme", "other")
EVENT_STATUSES = ("planned", "held", "cancelled")


@dataclass
class Context:
    """What a check needs besides the value: vocabularies, the file's folder, today."""

    vocab: Vocabularies
    root: Path
    folder: Path
    today: dt.date


Check = Callable[[Any, Context], Any]


@dataclass(frozen=True)
class Field:
    name: str
    check: Check
    help: str
    scope: str = "neutral"
    required: tuple[str, ...] = ()  # collections where the field is required


# ---- checks --------------------------------------------------------------------------

_DIGITS = re.compile(r"[0-9]+")
_DECIMAL = re.compile(r"[+-]?[0-9]{1,15}(\.[0-9]{1,15})?")
_UNSAFE_IN_URL = re.compile(
    r"[\s\x00-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff" + NOT_CHARACTERS + "]"
)


def _described(check: Check, **parts) -> Check:
    """A check that says what it accepts (a length limit, choices, a vocabulary, the parts of a
    record), so that the browser editor's form is made from the same definitions
    (hooks/sveltia_engine.py)."""
    for name, value in parts.items():
        setattr(check, name, value)
    return check


def text(limit: int | None = None) -> Check:
    def check(value, ctx):
        return plain_text(value, limit)

    return _described(check, limit=limit)


def date(value, ctx):
    return PartialDate.parse(value)


def day(value, ctx):
    result = PartialDate.parse(value)
    if result.precision != "day":
        raise Invalid(Message("date.whole_day", value=quote(value)))
    if result.first > ctx.today:
        raise Invalid(Message("date.future", value=quote(value)))
    return result


def one_of(choices: tuple[str, ...]) -> Check:
    def check(value, ctx):
        if one(value) not in choices:
            hint = did_you_mean(value, choices)
            raise Invalid(Message("choice.unknown", value=quote(value), choices=", ".join(choices), hint=hint))
        return value

    return _described(check, choices=choices)


def _list(value, what: Message, example: Message) -> list:
    """A list; else the mistake shows the value in brackets (or ``example`` for a value that is no text)."""
    if not isinstance(value, list):
        shown = visible(f"[{value}]"[:80]) if isinstance(value, str) and value and "\n" not in value else example
        raise Invalid(Message("list.brackets", what=what, example=shown))
    return value


def term(vocabulary: str) -> Check:
    def check(value, ctx):
        if ctx.vocab.term(vocabulary, one(value)) is None:
            known = ctx.vocab.get(vocabulary)
            hint = did_you_mean(value, known)
            raise Invalid(Message("term.unknown", value=quote(value), vocabulary=vocabulary, hint=hint))
        return value

    return _described(check, vocabulary=vocabulary)


_ENTRY_TWICE = Message("list.entry_twice")


def each(item_check: Check, what: Message, example: Message) -> Check:
    """A list whose entries are each checked: every wrong entry is its own mistake, at its line.
    ``what`` says what the list holds, ``example`` shows one written in brackets."""

    def check(value, ctx):
        result, problems = [], []
        for index, element in enumerate(_list(value, what, example)):
            try:
                checked = item_check(element, ctx)
            except Invalid as error:
                problems += error.within(index).each()
                continue
            if checked in result:
                twice = Message("list.twice", value=quote(element)) if isinstance(element, str) else _ENTRY_TWICE
                problems.append(Invalid(twice, path=(index,)))
                continue
            result.append(checked)
        if problems:
            raise Invalid.several(problems)
        return tuple(result)

    return _described(check, item=item_check)


def https_url(value, ctx):
    address = one(value).strip()
    try:
        parts = urlsplit(address)
    except ValueError:  # for example an unclosed [ of an IPv6 address
        parts = None
    if not parts or parts.scheme != "https" or not parts.netloc or _UNSAFE_IN_URL.search(address):
        raise Invalid(Message("url.https", value=quote(value)))
    return address


def rel_path(types: tuple[str, ...]) -> Check:
    """A file of the item's collection, written relatively; returned as a repository path."""

    def check(value, ctx):
        if not isinstance(value, str) or not value.strip():
            raise Invalid(Message("path.relative"))
        refuse_not_text(value.strip())
        source = (ctx.folder / "file").relative_to(ctx.root).as_posix()
        return check_file(ctx.root, source, value.strip(), types)

    return _described(check, types=types)


def reference(collections: tuple[str, ...]) -> Check:
    def check(value, ctx):
        parts = one(value).split("/")
        if len(parts) != 2 or parts[0] not in collections or not SLUG.match(parts[1]):
            example = f"{collections[0]}/<slug>"
            hint = did_you_mean(parts[0], collections) if parts[0] not in collections else ""
            raise Invalid(Message("reference.form", value=quote(value), example=example, hint=hint))
        return value

    return _described(check, collections=collections)


def count(value, ctx):
    """A whole number, 0 or more, written in digits: ``12``."""
    written = one(value).strip()
    if not _DIGITS.fullmatch(written):
        raise Invalid(Message("count.form", value=quote(value)))
    if len(written) > 9:
        raise Invalid(Message("count.large", value=quote(value)))
    return int(written)


def number(value, ctx):
    """A finite decimal number as written, ``6`` or ``2.5``; kept with the digits the editor gave."""
    written = one(value).strip()
    if not _DECIMAL.fullmatch(written):
        comma = _DECIMAL.fullmatch(written.replace(",", ".", 1))
        raise Invalid(Message("number.comma" if comma else "number.form", value=quote(value)))
    return Decimal(written)


def record(
    fields: dict[str, Check], required: tuple[str, ...], example: Message, one_of_keys: tuple[str, str] | None = None
) -> Check:
    """A mapping with known keys, for example ``{value: 6, label: trained mediators}``; each wrong
    key or value is its own mistake. ``one_of_keys``: two keys of which exactly one is given."""

    def check(value, ctx):
        if not isinstance(value, dict):
            raise Invalid(Message("record.form", example=example))
        problems, meant = [], set()
        for key in value:
            if key not in fields:
                close = close_match(key, [name for name in fields if name not in value])
                meant.add(close)
                unknown = (
                    Message("record.unknown", key=quote(key), hint=Message("hint.did_you_mean", choice=close))
                    if close
                    else Message("record.unknown_example", key=quote(key), example=example)
                )
                problems.append(Invalid(unknown, path=(key,)))
        # A key written wrongly is one mistake: the key it stands for is not also reported missing.
        problems += [
            Invalid(Message("record.missing", key=quote(key), example=example))
            for key in required
            if key not in value and key not in meant
        ]
        if one_of_keys and sum(key in value for key in one_of_keys) != 1:
            first, second = one_of_keys
            problems.append(Invalid(Message("record.one_of", first=first, second=second, example=example)))
        result = []
        for key, element in value.items():
            if key in fields:
                try:
                    result.append((key, fields[key](element, ctx)))
                except Invalid as error:
                    problems += error.within(key).each()
        if problems:
            raise Invalid.several(problems)
        return tuple(sorted(result))

    return _described(check, parts=fields, required=required, one_of_keys=one_of_keys)


def isbn(value, ctx):
    written = one(value).strip()
    digits = re.sub(r"[ -]", "", written).upper()
    ok = False
    if re.fullmatch(r"[0-9]{9}[0-9X]", digits):
        total = sum((10 - i) * (10 if c == "X" else int(c)) for i, c in enumerate(digits))
        ok = total % 11 == 0
    elif re.fullmatch(r"[0-9]{13}", digits):
        ok = sum(int(c) * (1 if i % 2 == 0 else 3) for i, c in enumerate(digits)) % 10 == 0
    if not ok:
        raise Invalid(Message("isbn.check", value=quote(value)))
    return written


def language_code(value, ctx):
    """An ISO 639 language code that Babel's CLDR data names (``lv``, ``en``, ``rom``)."""
    if not re.fullmatch(r"[a-z]{2,3}", one(value)) or value not in _LANGUAGES:
        named = _LANGUAGE_NAMES.get(value.strip().lower())  # "English", "latviešu": the name, not the code
        hint = Message("hint.did_you_mean", choice=named) if named else did_you_mean(value, _LANGUAGES)
        raise Invalid(Message("codes.language", value=quote(value), hint=hint))
    return value


_LANGUAGES = frozenset(code for code in Locale("en").languages if re.fullmatch(r"[a-z]{2,3}", code))
_LANGUAGE_NAMES = {
    name.lower(): code
    for locale in ("lv", "en")
    for code, name in Locale(locale).languages.items()
    if code in _LANGUAGES
}


def flag(value, ctx):
    """``true`` or ``false``. (YAML 1.1's yes, no, on and off are words here, as in text fields.)"""
    written = one(value).strip().lower()
    if written not in ("true", "false"):
        raise Invalid(Message("flag.form", value=quote(value)))
    return written == "true"


def slug(value, ctx):
    if not SLUG.match(one(value)) or len(value) > 80:
        raise Invalid(Message("slug.form", value=quote(value)))
    return value


# ---- the contract ----------------------------------------------------------------------

ALL = COLLECTIONS
_file = record(
    {"path": rel_path(FILE_TYPES), "url": https_url, "label": text(120)},
    ("label",),
    Message("part.example.file"),
    ("path", "url"),
)

_partners = each(text(200), Message("part.list.partners"), Message("part.example.partners"))

COMMON = (
    Field("title", text(120), "text, at most 120 characters", "own", ALL),
    Field(
        "summary", text(300), "text, at most 300 characters: one or two sentences for listings and previews", "own", ALL
    ),
    Field("date", date, "YYYY, YYYY-MM or YYYY-MM-DD, to the precision that is known", required=ALL),
    Field("end", date, "date that closes a span; not before date"),
    Field(
        "themes",
        each(term("themes"), Message("part.list.themes"), Message("part.example.themes")),
        "list of ids from data/themes.yml",
    ),
    Field(
        "places",
        each(term("places"), Message("part.list.places"), Message("part.example.places")),
        "list of ids from data/places.yml",
        required=("events",),
    ),
    Field("project", term("projects"), "id from data/projects.yml", required=("events",)),
    Field("image", rel_path(IMAGE_TYPES), "relative path of a JPEG, PNG, WebP or GIF image"),
    # Contract v1.2: in the file's language, each language file its own (the two may differ).
    Field(
        "image_alt", text(300), "text describing the image, in the file's language; required when image is set", "own"
    ),
    Field(
        "related",
        each(reference(COLLECTIONS), Message("part.list.related"), Message("part.example.related")),
        "list of stories/<slug>, events/<slug>, publications/<slug>",
    ),
    Field("status", one_of(("draft", "published")), "draft or published (default)"),
)

SPECIFIC = {
    "stories": (
        Field("person", text(120), "the name the person agreed to be shown with", "own", ("stories",)),
        Field("consent", day, "YYYY-MM-DD: the day the person agreed to publication; required unless source is given"),
        Field(
            "source",
            record({"name": text(120), "url": https_url}, ("name", "url"), Message("part.example.source")),
            "{name: text, url: https address} where the story was first published",
        ),
        Field("author", text(120), "who recorded or wrote the story"),
    ),
    "events": (
        Field("kind", one_of(KINDS), ", ".join(KINDS), required=("events",)),
        Field("event_status", one_of(EVENT_STATUSES), "planned, held or cancelled; by default from the date"),
        Field("participants", count, "whole number, 0 or more"),
        Field("partners", _partners, "list of organisations", "own"),
        Field(
            "figures",
            each(
                record(
                    {"value": number, "label": text(120), "featured": flag},
                    ("value", "label"),
                    Message("part.example.figure"),
                ),
                Message("part.list.figures"),
                Message("part.example.figures"),
            ),
            "list of {value: number, label: text}; add featured: true to show a figure among the key results "
            "on the home page (optional; written in one file, it holds for both)",
            "own",
        ),
        Field(
            "attendance",
            one_of(("offline", "online", "mixed")),
            "offline (default), online or mixed: how people took part",
        ),
    ),
    "publications": (
        Field(
            "authors",
            each(text(120), Message("part.list.authors"), Message("part.example.authors")),
            "list of names",
            required=("publications",),
        ),
        Field("publisher", text(200), "text"),
        Field("partners", _partners, "list of organisations", "own"),
        Field("isbn", isbn, "ISBN-10 or ISBN-13, checked with its check digit"),
        Field(
            "languages",
            each(language_code, Message("part.list.languages"), Message("part.example.languages")),
            "list of language codes of the work: lv, en, rom, …",
        ),
        Field(
            "files",
            each(_file, Message("part.list.files"), Message("part.example.files")),
            "list of {path: relative path, label: text} or {url: https address, label: text}",
            "own",
        ),
        Field("launch", reference(("events",)), "events/<slug>: the event where it was presented"),
        Field("featured", flag, "true to feature it on the home page (optional)"),
        Field(
            "author_type", one_of(("person", "organization")), "person (default) or organization: what the authors are"
        ),
    ),
    "docs": (
        Field("title", text(120), "text; else the first heading is the title", "own"),
        Field("summary", text(300), "text for previews and the meta description", "own"),
        Field("slug", slug, "the last address segment in this file's language", "own"),
        Field("project", term("projects"), "makes this page the page of a project phase"),
        Field("status", one_of(("draft", "published")), "draft or published (default)"),
    ),
}


@cache
def fields_of(collection: str) -> Mapping[str, Field]:
    """The fields of a collection by name (read-only: one table per collection, made once);
    docs pages have their own small set."""
    return _FIELDS[collection]


_FIELDS = {
    collection: MappingProxyType(
        {f.name: f for f in (SPECIFIC["docs"] if collection == "docs" else (*COMMON, *SPECIFIC[collection]))}
    )
    for collection in SPECIFIC
}


# Parts of composite values that are language-specific even inside a neutral-looking list.
LABELLED = {"figures": "value", "files": ("path", "url")}
