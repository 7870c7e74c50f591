"""Loading and validating all content of the site in one pass, collecting every mistake."""

from __future__ import annotations

import datetime as dt
import posixpath
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ..base import addresses
from ..base.errors import Invalid, Mistake, Report, did_you_mean
from ..base.messages import Message
from ..base.settings import COLLECTIONS, SECTIONS, SLUG, SLUG_MAX, Settings
from ..base.text import plain_text
from ..base.yamlmarks import split_front_matter
from ..contract import bodies
from ..contract.bodies import Converter
from ..contract.fields import LABELLED, Context, fields_of
from ..contract.files import FILE_TYPES, IMAGE_TYPES, check_file, is_image, published_size
from ..contract.vocab import Vocabularies, load_kindred, load_vocabularies
from .items import Item, Translation, in_date_order

FOLDERS = (*COLLECTIONS, "docs")
KEPT = {".gitkeep"}  # git keeps no empty folder; this empty file holds its place
# The Markdown extensions of the site (mkdocs.yml) where a caller gives none, as MkDocs adds them.
DEFAULT_EXTENSIONS = ("toc", "tables", "fenced_code", "footnotes")
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
    unreadable: set = field(default_factory=set)  # content files whose front-matter could not be read
    mistakes: list = field(default_factory=list)
    warnings: list = field(default_factory=list)  # what editors should see to, that does not stop the build
    converted_here: str | None = None  # why the bodies' workers stopped and this process converted them
    kindred: dict = field(default_factory=dict)  # per language: a word -> its kindred words (search)
    register: addresses.Register = field(default_factory=addresses.Register)  # who is written where
    phases: dict = field(default_factory=dict)  # project id -> its docs page (Item): one page per phase
    site_links: list = field(default_factory=list)  # body links to pages the plan makes (bodies.SiteLink)
    _listings: dict = field(default_factory=dict, repr=False)  # (collection, lang) -> listing
    _files: dict = field(default_factory=dict, repr=False)  # (source folder, address, kind) -> path or Invalid
    _sizes: dict = field(default_factory=dict, repr=False)  # repository path -> published (width, height)

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
        shown = in_date_order(
            (
                tr
                for item in self.items.values()
                if item.collection == collection
                if (tr := self.translation(item, lang))
            ),
            newest_first=True,
        )
        self._listings[collection, lang] = shown
        return shown

    def check_file(self, tr: Translation, address: str, kind: str) -> str:
        """The repository path of an image (``kind`` "image") or a download ("file") that a
        body names; raises ``Invalid``. Each file is checked (and an image decoded) once."""
        key = (posixpath.dirname(tr.path), address, kind)
        if key not in self._files:
            types = IMAGE_TYPES if kind == "image" else FILE_TYPES
            try:
                self._files[key] = check_file(self.settings.root, tr.path, address, types)
            except Invalid as error:
                self._files[key] = error
        if isinstance(self._files[key], Invalid):
            raise self._files[key]
        return self._files[key]

    def image_size(self, path: str) -> tuple[int, int] | None:
        """The published width and height of an image of the repository, else None."""
        if path not in self._sizes:
            full = self.settings.root / path
            ok = is_image(path) and full.is_file() and not full.is_symlink()
            try:
                self._sizes[path] = published_size(full) if ok else None
            except Exception:  # noqa: BLE001 - a broken image is reported by check_file
                self._sizes[path] = None
        return self._sizes[path]

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


def load_content(
    settings: Settings,
    *,
    today: dt.date | None = None,
    include_drafts: bool = False,
    converter: Converter | None = None,
    expand: Callable[[str, str], str] | None = None,
) -> Content:
    """Read data/, stories/, events/, publications/ and docs/ below ``settings.root``.

    Bodies are converted by ``converter`` (the site's Markdown extensions; Python-Markdown's
    defaults where none is given); ``expand(text, lang)`` fills in the placeholders of docs pages.
    """
    report = Report()
    content = Content(settings, load_vocabularies(settings, report), today or dt.date.today(), include_drafts)
    content.kindred = load_kindred(settings, report)
    converter = converter or Converter(DEFAULT_EXTENSIONS)
    converting = bodies.Converting(converter, content)  # bodies converted while the rest is read
    root = settings.root
    for folder in FOLDERS:
        for path in sorted((root / folder).rglob("*")) if (root / folder).is_dir() else ():
            rel = path.relative_to(root).as_posix()
            if path.is_symlink():
                report.add(rel, 1, "file name", Message("file.symlink"))
            elif not path.is_file():
                continue
            elif unread := _unread(path.relative_to(root / folder).parts):
                report.add(rel, 1, "file name", unread)
            elif path.suffix == ".md":
                _read(content, folder, path, rel, report, converting)  # other files: media, checked where used
    everything = [*content.items.values(), *content.docs.values()]
    for item in everything:
        item.translations = {code: item.translations[code] for code in settings.codes if code in item.translations}
        _merge(item, report)
    for item in everything:
        for tr in item.translations.values():
            _rules(tr, report)
    _phase_pages(content, report)
    _references(content, report)
    _addresses(content, report)
    bodies.render(content, report, converter, expand, converting)
    content.converted_here = converting.fallback
    bad = report.paths()
    for item in everything:
        for tr in item.translations.values():
            tr.valid = tr.path not in bad
    content.mistakes = report.mistakes
    content.warnings = _unreported(content)
    return content


def _unread(parts: tuple[str, ...]) -> Message | None:
    """Why the build would not read a file of a collection (``parts``: its path inside the
    collection's folder), or None: an entry's Markdown file, or an image or download (checked
    where it is used). Nothing in a collection's folder is skipped in silence."""
    hidden = next((index for index, part in enumerate(parts[:-1]) if part.startswith(".")), None)
    name = parts[-1]
    if hidden is not None:
        return Message("file.hidden_folder", folder="/".join(parts[: hidden + 1]))
    if name in KEPT:
        return None
    if name.startswith("."):
        return Message("file.hidden")
    if name.lower().endswith(".md"):
        return None if name.endswith(".md") else Message("file.bad_name")  # the rest of the name: _read
    if name.lower().endswith(FILE_TYPES):
        return None
    return Message("file.unread", types=", ".join(FILE_TYPES))


def _unreported(content: Content) -> list[Mistake]:
    """Events still planned after their date: an editor should say what happened."""
    warnings = []
    for item in content.items.values():
        if item.event_status == "unreported" and any(content.shown(tr) for tr in item.translations.values()):
            tr = next(tr for tr in item.translations.values() if "event_status" in tr.own)
            line = tr.meta.line("event_status") or 1
            warnings.append(Mistake(tr.path, line, "event_status", Message("warning.unreported")))
    return sorted(warnings)


def _read(content: Content, folder: str, path: Path, rel: str, report: Report, converting) -> None:
    settings = content.settings
    name = path.name[: -len(".md")]
    stem, dot, lang = name.rpartition(".")
    if not dot:
        report.add(rel, 1, "file name", Message("file.no_language", name=name, code=settings.default.code))
        return
    if lang not in settings.codes:
        report.add(rel, 1, "file name", Message("file.language", lang=lang, codes=", ".join(settings.codes)))
        return
    inner = path.parent.relative_to(settings.root / folder).as_posix()
    if folder == "docs":
        slug = stem if inner == "." else f"{inner}/{stem}"
        if not all(SLUG.match(part) for part in slug.split("/")):
            report.add(rel, 1, "file name", Message("slug.form", value=f"'{slug}'"))
            return
    else:
        slug = stem
        if not SLUG.match(slug) or len(slug) > SLUG_MAX:
            report.add(rel, 1, "file name", Message("file.slug", slug=slug, max=SLUG_MAX))
            return
    registry = content.docs if folder == "docs" else content.items
    key = slug if folder == "docs" else f"{folder}/{slug}"
    item = registry.setdefault(key, Item(folder, slug, today=content.today))
    if item.translations:
        first = next(iter(item.translations.values()))
        if lang in item.translations:
            report.add(rel, 1, "file name", Message("file.slug_taken", slug=slug, path=first.path))
            return
        if Path(first.path).parent != Path(rel).parent:
            report.add(rel, 1, "file name", Message("file.folder", path=first.path))
            return
    try:
        source = split_front_matter(path.read_text(encoding="utf-8"), required=folder != "docs")
    except (Invalid, UnicodeDecodeError, OSError) as error:
        if isinstance(error, Invalid):
            line, name, message = error.line, error.field or "front-matter", error.message
        elif isinstance(error, UnicodeDecodeError):
            line, name, message = 1, "front-matter", Message("file.not_utf8")
        else:
            line, name, message = 1, "front-matter", Message("file.unreadable", reason=str(error.strerror or error))
        report.add(rel, line, name, message)
        content.unreadable.add(rel)
        item.unreadable = True  # its other files may lack what this one gives: no mistakes for that
        return
    tr = Translation(item, lang, rel, source.meta, source.body, source.body_line)
    if folder != "docs":  # a docs page's placeholders are filled in once everything is read
        converting.add(rel, source.body)
    item.translations[lang] = tr
    for line, name, message in source.meta.mistakes:  # a key written twice: the first is read
        report.add(rel, line, name, message)
    fields = fields_of(folder)
    ctx = Context(content.vocab, settings.root, path.parent, content.today)
    for key_name, value in source.meta.data.items():
        spec = fields.get(key_name)
        line = source.meta.line(key_name)
        if spec is None:
            report.add(
                rel, line, key_name, Message("fields.unknown", folder=folder, hint=did_you_mean(key_name, fields))
            )
            continue
        if isinstance(value, str) and not value.strip():
            report.add(rel, line, key_name, Message("fields.empty"))
            continue
        try:
            tr.own[key_name] = spec.check(value, ctx)
        except Invalid as error:
            for problem in error.each():  # every wrong entry of a list is its own mistake
                report.add(rel, source.meta.line(key_name, *problem.path), key_name, problem.message)


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
                    report.add(tr.path, tr.meta.line(name), name, Message("fields.differs", path=earlier.path))
                elif name in LABELLED and _neutral_parts(name, mine) != _neutral_parts(name, theirs):
                    report.add(tr.path, tr.meta.line(name), name, Message("fields.labels_differ", path=earlier.path))


def _neutral_parts(name: str, values) -> list:
    keys = LABELLED[name]
    keys = (keys,) if isinstance(keys, str) else keys
    return [tuple((k, v) for k, v in entry if k in keys) for entry in values]


def _phase_pages(content: Content, report: Report) -> None:
    """A project phase has one docs page: a second is a clash that names the first."""
    pages = content.phases  # the first page in the order of the files keeps the phase
    for item in content.docs.values():
        phase = item.value("project")
        if not phase:
            continue
        first = pages.setdefault(phase, item)
        if first is item:
            continue
        for tr in item.translations.values():
            if "project" in tr.own:
                other = first.translations.get(tr.lang) or next(iter(first.translations.values()))
                taken = Message("phase.page_taken", project=phase, path=other.path)
                report.add(tr.path, tr.meta.line("project"), "project", taken)


def _rules(tr: Translation, report: Report) -> None:
    """Required fields and rules between fields, on the values after inheritance."""
    collection = tr.collection
    for name, spec in fields_of(collection).items():
        if collection not in spec.required:
            continue
        inherited = spec.scope != "own" and tr.item.unreadable  # the unreadable file may carry it
        if not inherited and not _written(tr, name, spec.scope):
            report.add(tr.path, 1, name, Message("fields.required"))
        elif tr.get(name) is None:  # written wrongly here or in the other file: the mistake is reported there
            report.withhold(tr.path)
    if collection == "docs":
        if "title" not in tr.own:
            heading = _HEADING.search(tr.body)
            if heading:
                try:  # a title like any other: plain text
                    tr.own["title"] = plain_text(heading.group(1))
                except Invalid as error:
                    line = tr.body_line + tr.body.count("\n", 0, heading.start())
                    report.add(tr.path, line, "title", Message("title.heading", problem=error.message))
            else:
                report.add(tr.path, 1, "title", Message("title.missing"))
        return
    start, end = tr.get("date"), tr.get("end")
    if start and end and end.last < start.first:
        line = tr.meta.line("end") or tr.meta.line("date")
        report.add(tr.path, line, "end", Message("date.end_before", end=str(end), start=str(start)))
    if tr.get("image") and not tr.get("image_alt"):
        report.add(tr.path, tr.meta.line("image"), "image_alt", Message("image_alt.required"))
    # A draft is never published, so it may wait for the consent; publishing it needs one.
    if (
        collection == "stories"
        and not tr.item.draft
        and not tr.item.unreadable  # the unreadable file may carry it
        and not any(_written(tr, f, "neutral") for f in ("consent", "source"))
    ):
        report.add(tr.path, 1, "consent", Message("consent.required"))
    for name, spec in fields_of(collection).items():  # a required list is not an empty one
        if collection in spec.required and name in tr.own and tr.own[name] == ():
            report.add(tr.path, tr.meta.line(name), name, Message("list.none", example=Message(f"part.example.{name}")))


def _written(tr: Translation, name: str, scope: str) -> bool:
    """Whether the field is written for this translation (its own file, or the other if shared)."""
    files = [tr] if scope == "own" else tr.item.translations.values()
    return any(name in other.meta.data for other in files)


def _suggest(key: str, items: dict) -> Message | str:
    """A "did you mean" for ``collection/slug``, comparing slugs within the collection."""
    collection, _, slug = key.partition("/")
    slugs = [other.slug for other in items.values() if other.collection == collection]
    return did_you_mean(slug, slugs, prefix=f"{collection}/")


def _references(content: Content, report: Report) -> None:
    """``related`` is resolved both ways; ``launch`` must name an event."""
    items = content.items
    for item in items.values():
        for tr in item.translations.values():
            for index, key in enumerate(tr.own.get("related", ())):
                target = items.get(key)
                if target is not None and target.unreadable:
                    continue  # its own mistake is reported
                if target is None or not target.translations:
                    missing = Message("related.missing", key=key, hint=_suggest(key, items))
                    report.add(tr.path, tr.meta.line("related", index), "related", missing)
                elif target is item:
                    report.add(tr.path, tr.meta.line("related", index), "related", Message("related.self"))
                elif _hidden_draft(content, item, target):
                    report.add(tr.path, tr.meta.line("related", index), "related", Message("related.draft", key=key))
            if "launch" in tr.own:
                target = items.get(tr.own["launch"])
                if target is None or (not target.translations and not target.unreadable):
                    launch = tr.own["launch"]
                    missing = Message("launch.missing", key=launch, hint=_suggest(launch, items))
                    report.add(tr.path, tr.meta.line("launch"), "launch", missing)
                elif _hidden_draft(content, item, target):
                    draft = Message("related.draft", key=tr.own["launch"])
                    report.add(tr.path, tr.meta.line("launch"), "launch", draft)
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


def _hidden_draft(content: Content, item: Item, target: Item) -> bool:
    """Whether a published item names a draft, which the build does not publish (as a body link
    to one is a mistake): the preview, which shows drafts, shows the reference too."""
    return target.draft and not item.draft and not content.include_drafts


def _addresses(content: Content, report: Report) -> None:
    """Give every translation its address; two files may not share one, nor take a section's."""
    register = content.register
    for lang in content.settings.languages:
        for section in SECTIONS:
            register.claim(addresses.section(lang, section), Message("part.owner.section", section=section))
    for item in (*content.docs.values(), *content.items.values()):
        for tr in item.translations.values():
            lang = content.settings.language(tr.lang)
            if item.collection == "docs":
                parts = item.slug.split("/")
                if "slug" in tr.own:
                    parts[-1] = tr.own["slug"]
                tr.url = addresses.doc(lang, parts)
            else:
                tr.url = addresses.item(lang, item.collection, item.slug)
            earlier = register.claim(tr.url, tr.path)
            if earlier:
                field_name = "slug" if "slug" in tr.own else "file name"
                taken = Message("file.address_taken", url=tr.url, owner=earlier)
                report.add(tr.path, tr.meta.line(field_name), field_name, taken)


__all__ = ["Content", "Mistake", "load_content"]
