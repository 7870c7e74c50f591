"""The fields of the content contract: one definition per field, used by the validator.

Each field says which collections carry it, whether it is required, how it is shared between
the language files of an item (``scope``) and how a value is checked and normalised.

Scopes:
- ``neutral``: written in one or both language files; where both carry it, the values must be
  equal; a file without it inherits it from the other.
- ``own``: language-specific; never inherited (``title``, ``summary``, ``person``, ``partners``).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from .dates import PartialDate
from .errors import Invalid, did_you_mean
from .settings import COLLECTIONS, SLUG
from .vocab import Vocabularies

IMAGE_TYPES = (".jpg", ".jpeg", ".png", ".webp", ".gif")
DOWNLOAD_TYPES = (
    *IMAGE_TYPES,
    ".pdf",
    ".epub",
    ".odt",
    ".doc",
    ".docx",
    ".rtf",
    ".txt",
    ".ods",
    ".xls",
    ".xlsx",
    ".odp",
    ".ppt",
    ".pptx",
    ".zip",
    ".mp3",
)
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


def text(limit: int | None = None) -> Check:
    def check(value, ctx):
        if isinstance(value, bool) or not isinstance(value, (str, int, float)):
            raise Invalid("must be text; put it in quotes if it starts with a special character")
        value = str(value).strip()
        if not value:
            raise Invalid("is empty")
        if limit and len(value) > limit:
            raise Invalid(f"is {len(value)} characters long; at most {limit} are allowed")
        return value

    return check


def date(value, ctx):
    return PartialDate.parse(value)


def day(value, ctx):
    result = PartialDate.parse(value)
    if result.precision != "day":
        raise Invalid(f"'{value}' must be a whole day, written YYYY-MM-DD")
    if result.first > ctx.today:
        raise Invalid(f"'{value}' is in the future")
    return result


def one_of(choices: tuple[str, ...]) -> Check:
    def check(value, ctx):
        if value not in choices:
            raise Invalid(f"'{value}' is not one of: {', '.join(choices)}{did_you_mean(value, choices)}")
        return value

    return check


def _list(value, what: str) -> list:
    if not isinstance(value, list):
        raise Invalid(f"must be a list of {what}, for example [{what.split()[0]}]")
    return value


def term(vocabulary: str) -> Check:
    def check(value, ctx):
        known = ctx.vocab.get(vocabulary)
        if not isinstance(value, str) or value not in known:
            raise Invalid(f"'{value}' is not an id in data/{vocabulary}.yml{did_you_mean(value, known)}")
        return value

    return check


def each(item_check: Check, what: str) -> Check:
    """A list whose elements are each checked; an error points at the element's line."""

    def check(value, ctx):
        result = []
        for index, element in enumerate(_list(value, what)):
            try:
                checked = item_check(element, ctx)
            except Invalid as error:
                raise Invalid(error.message, index) from None
            if checked in result:
                raise Invalid(f"'{element}' is listed twice", index)
            result.append(checked)
        return tuple(result)

    return check


def https_url(value, ctx):
    parts = urlsplit(str(value).strip()) if isinstance(value, str) else None
    if not parts or parts.scheme != "https" or not parts.netloc or re.search(r"\s", value.strip()):
        raise Invalid(f"'{value}' must be a web address starting with https://")
    return value.strip()


def rel_path(types: tuple[str, ...]) -> Check:
    """A file next to the Markdown file, written relatively; returned as a repository path."""

    def check(value, ctx):
        if not isinstance(value, str) or not value.strip():
            raise Invalid("must be a relative path such as images/photo.jpg")
        value = value.strip()
        if "://" in value or value.startswith(("/", "\\")) or ":" in value.split("/")[0]:
            raise Invalid(f"'{value}' must be a relative path such as images/photo.jpg, not an address")
        target = (ctx.folder / value).resolve()
        root = ctx.root.resolve()
        if root not in target.parents:
            raise Invalid(f"'{value}' points outside the repository")
        if target.suffix.lower() not in types:
            raise Invalid(f"'{value}' must be one of the file types {', '.join(types)}")
        if not target.is_file():
            raise Invalid(f"'{value}' does not exist next to this file")
        return target.relative_to(root).as_posix()

    return check


def reference(collections: tuple[str, ...]) -> Check:
    def check(value, ctx):
        parts = value.split("/") if isinstance(value, str) else []
        if len(parts) != 2 or parts[0] not in collections or not SLUG.match(parts[1]):
            example = f"{collections[0]}/<slug>"
            raise Invalid(f"'{value}' must be written {example}{did_you_mean(parts[0] if parts else '', collections)}")
        return value

    return check


def count(value, ctx):
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise Invalid(f"'{value}' must be a whole number, 0 or more")
    return value


def number(value, ctx):
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise Invalid(f"'{value}' must be a number")
    return value


def record(fields: dict[str, Check], required: tuple[str, ...], example: str, one_of_keys: tuple = ()) -> Check:
    """A mapping with known keys, for example ``{value: 6, label: trained mediators}``."""

    def check(value, ctx):
        if not isinstance(value, dict):
            raise Invalid(f"must be written {example}")
        unknown = [key for key in value if key not in fields]
        if unknown:
            raise Invalid(f"'{unknown[0]}' is not known here{did_you_mean(unknown[0], fields)}; write {example}")
        missing = [key for key in required if key not in value]
        if missing:
            raise Invalid(f"'{missing[0]}' is missing; write {example}")
        if one_of_keys and sum(key in value for key in one_of_keys) != 1:
            raise Invalid(f"give exactly one of {' or '.join(one_of_keys)}; write {example}")
        return tuple(sorted((key, fields[key](element, ctx)) for key, element in value.items()))

    return check


def isbn(value, ctx):
    digits = re.sub(r"[\s-]", "", str(value)).upper()
    ok = False
    if re.fullmatch(r"\d{9}[\dX]", digits):
        total = sum((10 - i) * (10 if c == "X" else int(c)) for i, c in enumerate(digits))
        ok = total % 11 == 0
    elif re.fullmatch(r"\d{13}", digits):
        ok = sum(int(c) * (1 if i % 2 == 0 else 3) for i, c in enumerate(digits)) % 10 == 0
    if not ok:
        raise Invalid(f"'{value}' is not a valid ISBN-10 or ISBN-13 (the check digit does not match)")
    return str(value).strip()


def language_code(value, ctx):
    if not isinstance(value, str) or not re.fullmatch(r"[a-z]{2,3}", value):
        raise Invalid(f"'{value}' must be a language code such as lv, en or rom")
    return value


def flag(value, ctx):
    if not isinstance(value, bool):
        raise Invalid("must be true or false")
    return value


def slug(value, ctx):
    if not isinstance(value, str) or not SLUG.match(value) or len(value) > 80:
        raise Invalid(f"'{value}' must be lowercase letters, digits and single hyphens")
    return value


# ---- the contract ----------------------------------------------------------------------

ALL = COLLECTIONS
_file = record(
    {"path": rel_path(DOWNLOAD_TYPES), "url": https_url, "label": text(120)},
    ("label",),
    "{path: files/report.pdf, label: Report (PDF)}",
    ("path", "url"),
)

COMMON = (
    Field("title", text(120), "text, at most 120 characters", "own", ALL),
    Field(
        "summary", text(300), "text, at most 300 characters: one or two sentences for listings and previews", "own", ALL
    ),
    Field("date", date, "YYYY, YYYY-MM or YYYY-MM-DD, to the precision that is known", required=ALL),
    Field("end", date, "date that closes a span; not before date"),
    Field("themes", each(term("themes"), "theme ids"), "list of ids from data/themes.yml"),
    Field("places", each(term("places"), "place ids"), "list of ids from data/places.yml", required=("events",)),
    Field("project", term("projects"), "id from data/projects.yml", required=("events",)),
    Field("image", rel_path(IMAGE_TYPES), "relative path of a JPEG, PNG, WebP or GIF image"),
    Field("image_alt", text(300), "text describing the image; required when image is set"),
    Field(
        "related",
        each(reference(COLLECTIONS), "references like events/<slug>"),
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
            record({"name": text(120), "url": https_url}, ("name", "url"), "{name: LSM.lv, url: https://…}"),
            "{name: text, url: https address} where the story was first published",
        ),
        Field("author", text(120), "who recorded or wrote the story"),
    ),
    "events": (
        Field("kind", one_of(KINDS), ", ".join(KINDS), required=("events",)),
        Field("event_status", one_of(EVENT_STATUSES), "planned, held or cancelled; by default from the date"),
        Field("participants", count, "whole number, 0 or more"),
        Field("partners", each(text(200), "organisation names"), "list of organisations", "own"),
        Field(
            "figures",
            each(
                record(
                    {"value": number, "label": text(120)},
                    ("value", "label"),
                    "{value: 6, label: trained Roma mediators}",
                ),
                "figures like {value: 6, label: …}",
            ),
            "list of {value: number, label: text}",
            "own",
        ),
    ),
    "publications": (
        Field("authors", each(text(120), "names"), "list of names", required=("publications",)),
        Field("publisher", text(200), "text"),
        Field("partners", each(text(200), "organisation names"), "list of organisations", "own"),
        Field("isbn", isbn, "ISBN-10 or ISBN-13, checked with its check digit"),
        Field("languages", each(language_code, "language codes"), "list of language codes of the work: lv, en, rom, …"),
        Field(
            "files",
            each(_file, "downloads like {path: …, label: …}"),
            "list of {path: relative path, label: text} or {url: https address, label: text}",
            "own",
        ),
        Field("launch", reference(("events",)), "events/<slug>: the event where it was presented"),
        Field("featured", flag, "true to feature it on the home page (optional)"),
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
def fields_of(collection: str) -> dict[str, Field]:
    """The fields of a collection by name; docs pages have their own small set."""
    if collection == "docs":
        return {f.name: f for f in SPECIFIC["docs"]}
    return {f.name: f for f in (*COMMON, *SPECIFIC[collection])}


# Parts of composite values that are language-specific even inside a neutral-looking list.
LABELLED = {"figures": "value", "files": ("path", "url")}
