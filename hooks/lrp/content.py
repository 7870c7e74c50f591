"""Loading and validating all content of the site in one pass, collecting every mistake."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from .body import check_body
from .errors import Invalid, Mistake, Report, did_you_mean
from .fields import LABELLED, Context, fields_of
from .model import Item, Translation
from .settings import COLLECTIONS, SLUG, SLUG_MAX, Settings
from .vocab import Vocabularies, load_vocabularies
from .yamlmarks import split_front_matter

FOLDERS = (*COLLECTIONS, "docs")
_HEADING = re.compile(r"^#\s+(.+?)\s*#*\s*$", re.M)


@dataclass
class Content:
    """Everything the editors wrote, checked. ``mistakes`` lists every mistake found."""

    settings: Settings
    vocab: Vocabularies
    today: dt.date
    include_drafts: bool
    items: dict = field(default_factory=dict)  # "events/<slug>" -> Item
    docs: dict = field(default_factory=dict)  # "about" -> Item
    media: list = field(default_factory=list)  # repository paths of every image and download found
    unreadable: set = field(default_factory=set)  # content files whose front-matter could not be read
    mistakes: list = field(default_factory=list)
    _listings: dict = field(default_factory=dict, repr=False)  # (collection, lang) -> listing

    def shown(self, tr: Translation | None) -> bool:
        """Whether a translation is part of this build (valid, and not a draft in a build)."""
        return bool(tr and tr.valid and (self.include_drafts or not tr.item.draft))

    def translation(self, item: Item | None, lang: str) -> Translation | None:
        tr = item.translations.get(lang) if item else None
        return tr if self.shown(tr) else None

    def listing(self, collection: str, lang: str) -> list[Translation]:
        """The collection's items in one language, newest first; ties by title (worked out once)."""
        if (collection, lang) in self._listings:
            return self._listings[collection, lang]
        shown = [
            tr for item in self.items.values() if item.collection == collection if (tr := self.translation(item, lang))
        ]
        shown.sort(key=lambda tr: tr.title.casefold())
        shown.sort(key=lambda tr: tr.date.sort_key, reverse=True)
        return shown

    def published_media(self) -> list[str]:
        """Images and downloads that a page of this build shows; a file no page uses stays unpublished."""
        used = set()
        for item in (*self.items.values(), *self.docs.values()):
            for tr in item.translations.values():
                if self.shown(tr):
                    used |= tr.media()
        return sorted(used)

    def by_path(self) -> dict[str, Translation]:
        return {
            tr.path: tr for item in (*self.items.values(), *self.docs.values()) for tr in item.translations.values()
        }


def load_content(settings: Settings, *, today: dt.date | None = None, include_drafts: bool = False) -> Content:
    """Read data/, stories/, events/, publications/ and docs/ below ``settings.root``."""
    report = Report()
    content = Content(settings, load_vocabularies(settings, report), today or dt.date.today(), include_drafts)
    root = settings.root
    for folder in FOLDERS:
        for path in sorted((root / folder).rglob("*")) if (root / folder).is_dir() else ():
            rel = path.relative_to(root).as_posix()
            if any(part.startswith(".") for part in path.relative_to(root).parts) or not path.is_file():
                continue
            if path.suffix == ".md":
                _read(content, folder, path, rel, report)
            else:
                content.media.append(rel)
    everything = [*content.items.values(), *content.docs.values()]
    for item in everything:
        item.translations = {code: item.translations[code] for code in settings.codes if code in item.translations}
        _merge(item, report)
    for item in everything:
        for tr in item.translations.values():
            _rules(tr, report)
    _references(content, report)
    _bodies(content, report)
    _addresses(content, report)
    bad = report.paths()
    for item in everything:
        for tr in item.translations.values():
            tr.valid = tr.path not in bad
    content.mistakes = report.mistakes
    return content


def _read(content: Content, folder: str, path: Path, rel: str, report: Report) -> None:
    settings = content.settings
    name = path.name[: -len(".md")]
    stem, dot, lang = name.rpartition(".")
    if not dot:
        report.add(rel, 1, "file name", f"has no language suffix; name it {name}.{settings.default.code}.md")
        return
    if lang not in settings.codes:
        report.add(rel, 1, "file name", f"'{lang}' is not a language of the site ({', '.join(settings.codes)})")
        return
    inner = path.parent.relative_to(settings.root / folder).as_posix()
    if folder == "docs":
        slug = stem if inner == "." else f"{inner}/{stem}"
        if not all(SLUG.match(part) for part in slug.split("/")):
            report.add(rel, 1, "file name", f"'{slug}' must be lowercase letters, digits and single hyphens")
            return
    else:
        slug = stem
        if not SLUG.match(slug) or len(slug) > SLUG_MAX:
            report.add(
                rel,
                1,
                "file name",
                f"the slug '{slug}' must be at most {SLUG_MAX} lowercase ASCII letters, digits and single hyphens",
            )
            return
    registry = content.docs if folder == "docs" else content.items
    key = slug if folder == "docs" else f"{folder}/{slug}"
    item = registry.setdefault(key, Item(folder, slug, today=content.today))
    if item.translations:
        first = next(iter(item.translations.values()))
        if lang in item.translations:
            report.add(rel, 1, "file name", f"the slug '{slug}' is already used by {first.path}")
            return
        if Path(first.path).parent != Path(rel).parent:
            report.add(rel, 1, "file name", f"must sit in the same folder as {first.path}, its other language")
            return
    try:
        source = split_front_matter(path.read_text(encoding="utf-8"))
    except (Invalid, UnicodeDecodeError) as error:
        report.add(
            rel, getattr(error, "line", 1), "front-matter", getattr(error, "message", "the file is not UTF-8 text")
        )
        content.unreadable.add(rel)
        item.unreadable = True  # its other files may lack what this one gives: no mistakes for that
        return
    tr = Translation(item, lang, rel, source.meta, source.body, source.body_line)
    item.translations[lang] = tr
    fields = fields_of(folder)
    ctx = Context(content.vocab, settings.root, path.parent, content.today)
    for key_name, value in source.meta.data.items():
        spec = fields.get(key_name)
        line = source.meta.line(key_name)
        if spec is None:
            report.add(rel, line, key_name, f"is not a field of {folder}{did_you_mean(key_name, fields)}")
            continue
        try:
            tr.own[key_name] = spec.check(value, ctx)
        except Invalid as error:
            report.add(rel, source.meta.line(key_name, error.line), key_name, error.message)


def _merge(item: Item, report: Report) -> None:
    """Language-neutral values written in two files must agree."""
    translations = list(item.translations.values())
    for index, tr in enumerate(translations):
        for earlier in translations[:index]:
            for name, spec in fields_of(item.collection).items():
                if name not in tr.own or name not in earlier.own:
                    continue
                mine, theirs = tr.own[name], earlier.own[name]
                if spec.scope == "neutral" and mine != theirs:
                    report.add(
                        tr.path,
                        tr.meta.line(name),
                        name,
                        f"differs from {earlier.path}; a language-neutral field must be equal in both files",
                    )
                elif name in LABELLED and _neutral_parts(name, mine) != _neutral_parts(name, theirs):
                    report.add(
                        tr.path,
                        tr.meta.line(name),
                        name,
                        f"the values differ from {earlier.path}; only the labels may be translated",
                    )


def _neutral_parts(name: str, values) -> list:
    keys = LABELLED[name]
    keys = (keys,) if isinstance(keys, str) else keys
    return [tuple((k, v) for k, v in entry if k in keys) for entry in values]


def _rules(tr: Translation, report: Report) -> None:
    """Required fields and rules between fields, on the values after inheritance."""
    collection = tr.collection
    for name, spec in fields_of(collection).items():
        inherited = spec.scope != "own" and tr.item.unreadable  # the unreadable file may carry it
        if collection in spec.required and not inherited and not _written(tr, name, spec.scope):
            report.add(tr.path, 1, name, "is required")
    if collection == "docs":
        if "title" not in tr.own:
            heading = _HEADING.search(tr.body)
            if heading:
                tr.own["title"] = heading.group(1)
            else:
                report.add(tr.path, 1, "title", "is missing; add 'title:' or start the text with '# Heading'")
        return
    start, end = tr.get("date"), tr.get("end")
    if start and end and end.last < start.first:
        report.add(tr.path, tr.meta.line("end") or tr.meta.line("date"), "end", f"{end} is before date {start}")
    if tr.get("image") and not tr.get("image_alt"):
        report.add(tr.path, tr.meta.line("image"), "image_alt", "is required when image is set: describe the image")
    # A draft is never published, so it may wait for the consent; publishing it needs one.
    if (
        collection == "stories"
        and not tr.item.draft
        and not any(_written(tr, f, "neutral") for f in ("consent", "source"))
    ):
        report.add(
            tr.path, 1, "consent", "is required unless source is given: the day the person agreed to publication"
        )
    if collection == "events" and "places" in tr.own and not tr.own["places"]:
        report.add(tr.path, tr.meta.line("places"), "places", "an event needs at least one place")


def _written(tr: Translation, name: str, scope: str) -> bool:
    """Whether the field is written for this translation (its own file, or the other if shared)."""
    files = [tr] if scope == "own" else tr.item.translations.values()
    return any(name in other.meta.data for other in files)


def _suggest(key: str, items: dict) -> str:
    """A "did you mean" for ``collection/slug``, comparing slugs within the collection."""
    collection, _, slug = key.partition("/")
    slugs = [other.slug for other in items.values() if other.collection == collection]
    hint = did_you_mean(slug, slugs)
    return hint.replace("'", f"'{collection}/", 1) if hint else ""


def _references(content: Content, report: Report) -> None:
    """``related`` is resolved both ways; ``launch`` must name an event."""
    items = content.items
    for item in items.values():
        for tr in item.translations.values():
            for index, key in enumerate(tr.own.get("related", ())):
                target = items.get(key)
                if target is None or not target.translations:
                    report.add(
                        tr.path,
                        tr.meta.line("related", index),
                        "related",
                        f"'{key}' does not exist (was it withdrawn or renamed?){_suggest(key, items)}",
                    )
                elif target is item:
                    report.add(
                        tr.path, tr.meta.line("related", index), "related", "an item cannot be related to itself"
                    )
            if "launch" in tr.own:
                target = items.get(tr.own["launch"])
                if target is None:
                    report.add(
                        tr.path,
                        tr.meta.line("launch"),
                        "launch",
                        f"'{tr.own['launch']}' does not exist{_suggest(tr.own['launch'], items)}",
                    )
    for item in items.values():
        for key in item.value("related", ()):
            target = items.get(key)
            if target and target is not item:
                for a, b in ((item, target), (target, item)):
                    if b not in a.related:
                        a.related.append(b)
        launch = items.get(item.value("launch", ""))
        if item.collection == "publications" and launch:
            item.launch = launch
            launch.launched.append(item)


def _bodies(content: Content, report: Report) -> None:
    translations = content.by_path()
    media = set(content.media)

    def resolver(source: Translation):
        def resolve(path: str) -> str | None:
            if path in media:
                source.links.add(path)
                return None
            target = translations.get(path)
            if target is None and path in content.unreadable:
                return None  # the target's own mistake is reported
            if target is None:
                return "leads to a file that does not exist"
            if target.item.draft and not source.item.draft and not content.include_drafts:
                return "leads to a draft, which is not published"
            return None

        return resolve

    for tr in translations.values():
        for line, message in check_body(tr.body, tr.body_line, tr.path, resolver(tr)):
            report.add(tr.path, line, "body", message)


def _addresses(content: Content, report: Report) -> None:
    """Give every translation its address; two pages may not share one."""
    taken: dict[str, str] = {}
    for lang in content.settings.languages:
        for section in ("stories", "events", "publications", "timeline", "themes", "places"):
            taken[lang.section_url(section)] = f"the {section} section"
    for item in (*content.docs.values(), *content.items.values()):
        for tr in item.translations.values():
            lang = content.settings.language(tr.lang)
            if item.collection == "docs":
                parts = item.slug.split("/")
                if "slug" in tr.own:
                    parts[-1] = tr.own["slug"]
                if parts[-1] == "index":
                    parts.pop()
                tr.url = lang.prefix + "".join(f"{part}/" for part in parts)
            else:
                tr.url = f"{lang.section_url(item.collection)}{item.slug}/"
            if tr.url in taken:
                report.add(
                    tr.path,
                    tr.meta.line("slug"),
                    "slug" if item.collection == "docs" else "file name",
                    f"its address /{tr.url} is already used by {taken[tr.url]}",
                )
            else:
                taken[tr.url] = tr.path


__all__ = ["Content", "Mistake", "load_content"]
