"""Sveltia CMS's private formats in one room: the browser editor at /admin/ and its configuration.

Written for Sveltia CMS 0.221.1 (``WRITTEN_FOR``), whose single-file build is pinned in the
repository at overrides/admin/sveltia-cms.js (MIT, its licence beside it) with its SHA-256 in
``PINNED_SHA256``; the site serves it itself, never from a CDN. ``check_version`` says in one line
at start-up when the pinned file is another version; tests/test_sveltia_engine.py fails then, and
on a changed file, a configuration its published JSON schema refuses, or a field of the contract
that has no editor widget here. MAINTAINING.md ("Sveltia CMS") says how to upgrade.

The configuration (``editor_config``) is made from the contract's own field definitions
(``lrp.contract.fields.fields_of``: each check says its length limit, choices, vocabulary or
parts), the vocabularies in data/ and the interface texts in data/ui/, so that the form cannot
disagree with the check: a field's widget follows from its check, its label and hint from
``editor.field.<name>`` and ``help.<name>`` in every language at once (Sveltia's own interface has
no Latvian, and one page serves both languages), its ``required`` from the contract.

What it relies on of Sveltia's insides, besides its documented configuration:

- the version in the bundle's embedded package.json (``version:`0.221.1```), read by
  ``pinned_version``;
- its components' styles, ``{hash:`svelte-…`,code:`…`}`` in the bundle, which Svelte appends to the
  page as <style> elements: the admin page's policy allows exactly these (``style_hashes``), no
  other inline style;
- the Svelte style ``FONT_STYLE`` among them, with three ``@font-face`` rules at cdn.jsdelivr.net:
  Svelte appends a component's style only where no element of the page has its id, so the admin
  page names its own stylesheet (overrides/admin/editor.css, system fonts) with that id, and the
  editor asks no other host for fonts;
- ``UNASKED``: the two addresses it fetches beyond GitHub's API (its own newest version on unpkg.com,
  GitHub's status page), which overrides/admin/editor.js answers "not found" without the network:
  the version is pinned here, and the policy allows GitHub's API host alone.
"""

from __future__ import annotations

import base64
import hashlib
import json
import logging
import re
from functools import cache
from pathlib import Path
from urllib.parse import urlsplit

from lrp.base.dates import FORMS
from lrp.base.settings import COLLECTIONS, SLUG_MAX, Settings
from lrp.contract import fields as contract
from lrp.contract.files import IMAGE_TYPES

WRITTEN_FOR = "0.221.1"  # the Sveltia CMS release whose configuration and page this module writes
PINNED = Path(__file__).resolve().parents[1] / "overrides" / "admin" / "sveltia-cms.js"
PINNED_SHA256 = "2fc783907e1a4a70783f155cc28435c70b8f79792f2aab75e787984e84aa413a"
FONT_STYLE = "svelte-zc2rtw"  # the id of the style that holds Sveltia's @font-face rules
EDITED = (*COLLECTIONS, "docs")  # the collections the editor shows, in its menu's order
IMAGES = "images"  # each collection's media folder, relative to its files (the contract's images/x.jpg)
UNASKED = ("https://unpkg.com/@sveltia/cms/package.json", "https://www.githubstatus.com/api/v2/status.json")
REPOSITORY = re.compile(r"^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$")
log = logging.getLogger("mkdocs.hooks.lrp")


def pinned_version(path: Path = PINNED) -> str | None:
    """The version the pinned bundle says it is (its embedded package.json), or None."""
    try:
        head = path.read_text(encoding="utf-8")
    except OSError:
        return None
    found = re.search(r"name:`@sveltia/cms`,version:`([0-9][0-9A-Za-z.+-]*)`", head)
    return found.group(1) if found else None


def pinned_sha256(path: Path = PINNED) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def check_version(path: Path = PINNED) -> str | None:
    """The pinned bundle's version where it is not WRITTEN_FOR (said in one line), else None."""
    version = pinned_version(path)
    if version == WRITTEN_FOR:
        return None
    log.warning(f"hooks/sveltia_engine.py was written for Sveltia CMS {WRITTEN_FOR}, not {version} (MAINTAINING.md)")
    return version or "unknown"


_STYLE = re.compile(r"\{hash:`(svelte-[a-z0-9]+)`,code:`((?:[^`\\]|\\.)*)`\}", re.DOTALL)
_ESCAPE = re.compile(r"\\(u\{[0-9a-fA-F]+\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|\n|.)", re.DOTALL)
_SIMPLE = {"n": "\n", "t": "\t", "r": "\r", "b": "\b", "f": "\f", "v": "\v", "0": "\0", "\n": ""}


def _unescape(literal: str) -> str:
    """A JavaScript template literal's text as the program sees it."""

    def one(match: re.Match) -> str:
        code = match.group(1)
        if code[0] in "ux" and len(code) > 1:
            return chr(int(code[1:].strip("{}"), 16))
        return _SIMPLE.get(code, code)

    return _ESCAPE.sub(one, literal)


@cache
def styles(path: Path = PINNED) -> dict[str, str]:
    """The styles Svelte appends to the page, by their element's id."""
    return {name: _unescape(code) for name, code in _STYLE.findall(path.read_text(encoding="utf-8"))}


def style_hashes(path: Path = PINNED) -> list[str]:
    """The CSP sources that allow exactly the bundle's own <style> elements (its font style is the
    admin page's stylesheet instead)."""
    found = styles(path)
    return sorted({_sha256(code) for name, code in found.items() if name != FONT_STYLE})


_ATTRIBUTE_STYLE = re.compile(r'style="([^"$`\\]*)"')


def _sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


def attribute_style_hashes(path: Path = PINNED) -> list[str]:
    """The CSP sources that allow exactly the style attributes written in the bundle's templates
    (Svelte parses them as HTML: ``<svelte-css-wrapper style="display: contents">``)."""
    return sorted({_sha256(value) for value in _ATTRIBUTE_STYLE.findall(path.read_text(encoding="utf-8"))})


def policy(path: Path = PINNED) -> str:
    """The admin page's Content-Security-Policy: the site's own, plus what the editor needs and no
    more: its component styles and its templates' style attributes (by their hashes); GitHub's API,
    where the token signs in (no other host); images from blob: and data: (previews of files not
    yet saved, its icons); blob: and data: also for connect-src, where it reads an uploaded photo
    and its built-in logo with fetch() (no network: both are in the page already)."""
    directives = {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'", *style_hashes(path)],
        "style-src-attr": ["'unsafe-hashes'", *attribute_style_hashes(path)],
        "img-src": ["'self'", "blob:", "data:"],
        "connect-src": ["'self'", "blob:", "data:", "https://api.github.com"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
    }
    return "; ".join(" ".join([name, *sources]) for name, sources in directives.items())


# ---- the configuration --------------------------------------------------------------------


class NoWidget(LookupError):
    """A field of the contract whose check this module cannot show as a form."""


class _Texts:
    """Labels and hints in every language of the site at once, "Datums / Date"."""

    def __init__(self, settings: Settings, strings):
        self.codes, self.strings = settings.codes, strings

    def both(self, key: str, fallback: str | None = None) -> str:
        texts = []
        for code in self.codes:
            text = self.strings.own(code, key) or fallback
            if text and text not in texts:
                texts.append(text)
        if not texts:
            raise NoWidget(f"no text {key} in data/ui/")
        return " / ".join(texts)

    def term(self, term, default: str) -> str:
        labels = []
        for code in self.codes:
            label = term.label(code, default)
            if label not in labels:
                labels.append(label)
        return " / ".join(labels)


def editor_config(settings: Settings, strings, vocab, items, repository: str, branch: str) -> dict:
    """Sveltia's configuration for this site: its four collections from the contract.

    ``strings``: the interface texts (``lrp.pages.strings.Strings``); ``vocab``: the vocabularies;
    ``items``: the published items as ``(collection, slug, title)`` (the choices of ``related``
    and ``launch``); ``repository``: ``owner/name`` on GitHub; ``branch``: where pull requests go."""
    if not REPOSITORY.match(repository or ""):
        raise ValueError(f"the editor's repository must be owner/name, not {repository!r}")
    texts = _Texts(settings, strings)
    default = settings.default.code
    return {
        "backend": {
            "name": "github",
            "repo": repository,
            "branch": branch,
            "auth_methods": ["token"],  # a fine-grained token: no OAuth service of ours to run
        },
        # Saving opens a pull request; the content check runs on it; another editor merges it.
        "publish_mode": "editorial_workflow",
        "media_folder": IMAGES,
        "public_folder": IMAGES,
        "site_url": settings.site_url or "",
        "app_title": texts.both("site.name"),
        # The site's own icon, from its root path (Sveltia's default is fetched as a data: address).
        "logo": {"src": urlsplit(settings.site_url or "/").path.rstrip("/") + "/assets/favicon.svg"},
        "slug": {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-", "maxlength": SLUG_MAX},
        "i18n": {
            "structure": "multiple_files",  # <slug>.lv.md and <slug>.en.md side by side
            "locales": list(settings.codes),
            "default_locale": default,
        },
        # An optional field left empty is left out, as an editor writing the file leaves it out.
        "output": {"omit_empty_optional_fields": True},
        "collections": [_collection(name, settings, texts, vocab, items) for name in EDITED],
    }


def _collection(name: str, settings: Settings, texts: _Texts, vocab, items) -> dict:
    label = texts.both("editor.collection.docs" if name == "docs" else f"section.{name}")
    fields = [_field(spec, name, settings, texts, vocab, items) for spec in contract.fields_of(name).values()]
    body = {"name": "body", "label": texts.both("editor.field.body"), "widget": "markdown", "required": False}
    body["i18n"] = True
    # docs/ pages hold field tables and HTML comments: their text opens as written (raw Markdown).
    body["modes"] = ["raw", "rich_text"] if name == "docs" else ["rich_text", "raw"]
    collection = {
        "name": name,
        "label": label,
        "folder": name,
        "path": "{{slug}}",
        "extension": "md",
        "format": "yaml-frontmatter",
        "i18n": True,
        "media_folder": IMAGES,
        "public_folder": IMAGES,
        "identifier_field": "title",
        "create": name != "docs",  # docs/ pages are the site's own: edited, never added or removed here
        "delete": name != "docs",
        "fields": [*fields, body],
    }
    return collection


def _field(spec, collection: str, settings: Settings, texts: _Texts, vocab, items) -> dict:
    widget = _widget(spec.name, spec.check, texts, vocab, items, required=collection in spec.required)
    field = {
        "name": spec.name,
        "label": texts.both(f"editor.field.{spec.name}"),
        **widget,
        "required": collection in spec.required,
        # Per-language fields are written in each file; the others once, in the default language's.
        "i18n": spec.scope == "own",
    }
    hint = texts.both(f"help.{spec.name}", spec.help)
    if spec.check is contract.date:
        hint = texts.both("editor.date.hint")
    field["hint"] = hint
    if spec.name in contract.LABELLED:  # figures, files: the numbers and files are the same in both
        neutral = contract.LABELLED[spec.name]
        neutral = (neutral,) if isinstance(neutral, str) else neutral
        for part in field["fields"]:
            part["i18n"] = "duplicate" if part["name"] in neutral else True
    return field


def _choices(values, texts: _Texts, key: str) -> list:
    return [{"label": texts.both(f"{key}.{value}"), "value": value} for value in values]


_CHOICE_TEXTS = {"kind": "kind", "event_status": "status", "status": "editor.status"}


def _widget(name: str, check, texts: _Texts, vocab, items, required: bool) -> dict:
    """The widget that shows what ``check`` accepts; NoWidget for a check it does not know."""
    if check is contract.date:
        return {"widget": "string", "pattern": [FORMS, texts.both("editor.date.hint")]}
    if check is contract.day:
        return {"widget": "string", "pattern": [r"^\d{4}-\d{2}-\d{2}$", "YYYY-MM-DD"]}
    if check is contract.count:
        return {"widget": "number", "value_type": "int", "min": 0}
    if check is contract.number:
        return {"widget": "number", "value_type": "float"}
    if check is contract.flag:
        return {"widget": "boolean"}
    if check is contract.isbn:
        return {"widget": "string", "pattern": [r"^[0-9Xx -]{10,17}$", "ISBN-10 / ISBN-13"]}
    if check is contract.https_url:
        return {"widget": "string", "type": "url", "pattern": ["^https://", "https://…"]}
    if check is contract.language_code:
        return {"widget": "string", "pattern": ["^[a-z]{2,3}$", "lv, en, rom, …"]}
    if check is contract.slug:
        return {"widget": "string", "pattern": [r"^[a-z0-9]+(-[a-z0-9]+)*$", "a-z, 0-9, -"], "maxlength": 80}
    if hasattr(check, "limit"):
        widget = {"widget": "text" if (check.limit or 0) > 120 else "string"}
        return {**widget, "maxlength": check.limit} if check.limit else widget
    if hasattr(check, "choices"):
        key = _CHOICE_TEXTS.get(name, f"editor.{name}")
        return {"widget": "select", "options": _choices(check.choices, texts, key)}
    if hasattr(check, "vocabulary"):
        return {"widget": "select", "options": _terms(check.vocabulary, texts, vocab)}
    if hasattr(check, "types"):  # a file of the item's collection, in its images folder
        kind = "image" if check.types == IMAGE_TYPES else "file"
        accept = ",".join(check.types)  # the file types the contract allows, by their names' endings
        return {"widget": kind, "accept": accept, "choose_url": False, "media_folder": IMAGES, "public_folder": IMAGES}
    if hasattr(check, "collections"):
        return {"widget": "select", "options": _items(check.collections, items)}
    if hasattr(check, "item"):  # a list: of choices, of texts, or of records
        inner = _widget(name, check.item, texts, vocab, items, required=True)
        least = {"min": 1} if required else {}
        if inner["widget"] == "select":
            return {**inner, "multiple": True, **least}
        if hasattr(check.item, "parts"):
            return {"widget": "list", **least, "fields": _parts(check.item, texts, vocab, items)}
        return {
            "widget": "list",
            **least,
            "field": {"name": "item", "label": texts.both(f"editor.field.{name}"), **inner},
        }
    if hasattr(check, "parts"):
        return {"widget": "object", "fields": _parts(check, texts, vocab, items)}
    raise NoWidget(f"the contract's field {name!r} has no widget in hooks/sveltia_engine.py")


def _parts(check, texts: _Texts, vocab, items) -> list:
    """The sub-fields of a record: required unless the contract makes them optional, or one of two."""
    either = set(check.one_of_keys or ())
    return [
        {
            "name": part,
            "label": texts.both(f"editor.part.{part}"),
            **_widget(part, part_check, texts, vocab, items, required=True),
            "required": part in check.required and part not in either,
        }
        for part, part_check in check.parts.items()
    ]


def _terms(vocabulary: str, texts: _Texts, vocab) -> list:
    default = texts.codes[0]
    return [{"label": texts.term(term, default), "value": term_id} for term_id, term in vocab.get(vocabulary).items()]


def _items(collections: tuple, items) -> list:
    return [
        {"label": f"{collection}: {title}", "value": f"{collection}/{slug}"}
        for collection, slug, title in items
        if collection in collections
    ]


def config_yaml(config: dict) -> str:
    """The configuration as Sveltia reads it from /admin/config.yml: written as JSON, which is
    YAML too (YAML 1.2 is a superset of JSON), because a YAML writer takes a second for the long
    lists of items at a thousand entries, and JSON's a hundredth."""
    head = "# Made by the build from the content contract (hooks/sveltia_engine.py): do not edit.\n"
    return head + json.dumps(config, ensure_ascii=False, indent=1) + "\n"
