"""Items and their translations, as templates and listings see them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ..base.dates import PartialDate
from ..base.yamlmarks import Located
from ..contract.fields import fields_of

_MISSING = object()


def in_date_order(translations, *, newest_first: bool) -> list[Translation]:
    """Items by date (a partial date as the start of its period), ties by title: the contract's order."""
    ordered = sorted(translations, key=lambda tr: tr.title.casefold())
    ordered.sort(key=lambda tr: tr.date.sort_key, reverse=newest_first)
    return ordered


@dataclass(eq=False)
class Translation:
    """One language file of an item. ``tr["field"]`` gives its value, inherited where allowed."""

    item: Item
    lang: str
    path: str  # repository path, e.g. "events/annual-meeting-2021.lv.md"
    meta: Located
    body: str
    body_line: int
    own: dict = field(default_factory=dict)  # checked values written in this file
    url: str = ""  # site address relative to the site root, e.g. "pasakumi/x/"
    valid: bool = True
    links: set = field(default_factory=set)  # images and downloads the body links to (repository paths)
    html: str = ""  # the body as published: converted, checked and cleaned (bodies.py)
    toc: list = field(default_factory=list)  # Python-Markdown's table-of-contents tokens of the body

    def media(self) -> set[str]:
        """Every image and download this translation shows: its fields and its body."""
        paths = set(self.links)
        if self.get("image"):
            paths.add(self.get("image"))
        paths.update(path for entry in self.get("files") or () for key, path in entry if key == "path")
        return paths

    def __getitem__(self, name: str):
        value = self.get(name, _MISSING)
        if value is _MISSING:
            raise KeyError(name)
        return value

    def get(self, name: str, default=None):
        """A field of this file, or a language-neutral one from another language's file."""
        own = self.own
        if name in own:
            return own[name]
        spec = fields_of(self.item.collection).get(name)
        if spec is None or spec.scope == "own":
            return default
        for code, other in self.item.translations.items():  # templates ask often: no generator
            if code != self.lang and name in other.own:
                return other.own[name]
        return default

    # Convenience for templates and listings.
    @property
    def title(self) -> str:
        return self.own.get("title", "")

    @property
    def summary(self) -> str:
        return self.own.get("summary", "")

    @property
    def date(self) -> PartialDate | None:
        return self.get("date")

    @property
    def end(self) -> PartialDate | None:
        return self.get("end")

    @property
    def collection(self) -> str:
        return self.item.collection

    @property
    def key(self) -> str:
        return self.item.key

    def __repr__(self) -> str:
        return f"<Translation {self.path}>"


@dataclass(eq=False)
class Item:
    """A story, event, publication or docs page: one slug, one file per language."""

    collection: str  # stories, events, publications or docs
    slug: str  # for docs pages, the path without language suffix ("about", "index")
    translations: dict = field(default_factory=dict)  # lang -> Translation
    related: list = field(default_factory=list)  # Items, both ways
    launch: Item | None = None
    launched: list = field(default_factory=list)  # publications presented at this event
    unreadable: bool = False  # one of its files could not be read
    today: dt.date | None = None

    @property
    def key(self) -> str:
        return f"{self.collection}/{self.slug}"

    def others(self, lang: str):
        return (tr for code, tr in self.translations.items() if code != lang)

    def value(self, name: str, default=None):
        """A language-neutral value, from whichever file carries it."""
        for tr in self.translations.values():
            if name in tr.own:
                return tr.own[name]
        return default

    @property
    def draft(self) -> bool:
        return self.value("status") == "draft"

    @property
    def event_status(self) -> str | None:
        """planned, held or cancelled as written; by default from the date. A plan whose date
        (or end) is before the build date is "unreported": nobody has said what happened."""
        if self.collection != "events":
            return None
        written = self.value("event_status")
        start, end = self.value("date"), self.value("end")
        if written == "planned" and start and self.today and (end or start).last < self.today:
            return "unreported"
        if written:
            return written
        return "planned" if start and self.today and start.first > self.today else "held"

    def __repr__(self) -> str:
        return f"<Item {self.key}>"
