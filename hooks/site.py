"""MkDocs hooks: a thin adapter from the content core (hooks/lrp) to one bilingual build.

The core loads and validates the content and plans the pages; these handlers only hand that plan
to MkDocs: generated files, per-language navigation, the page's language and its template data.
"""

from __future__ import annotations

import datetime as dt
import gc
import logging
import os
from pathlib import Path

from jinja2 import TemplateNotFound
from markupsafe import escape
from mkdocs.exceptions import Abort
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from lrp import Settings, freshness, load_content, media
from lrp.bodies import Converter
from lrp.fields import fields_of
from lrp.plan import SEARCHED, plan_site
from lrp.search import Indexer, IndexingError
from lrp.strings import Strings
from lrp.templates import expand_field_tables
from lrp.view import SiteView

log = logging.getLogger("mkdocs.hooks.lrp")


class Build:
    """Everything one build knows: made in on_config, dropped in on_post_build."""

    def __init__(self, config, serve: bool):
        root = Path(config.config_file_path).parent
        try:
            self.settings = Settings.from_mapping(root, config.extra.get("lrp") or {})
        except ValueError as error:  # the site's configuration, not content: nothing can be built
            raise Abort(f"mkdocs.yml: {error}") from None
        strings = Strings.load(self.settings)  # never raises: its mistakes are reported with the content's
        self.content = load_content(
            self.settings,
            today=_build_date(),
            include_drafts=serve,
            converter=Converter(config.markdown_extensions, config.mdx_configs),
            expand=lambda text, lang: expand_field_tables(text, lang, strings, fields_of),
        )
        if strings.mistakes:
            self.content.mistakes = sorted({*self.content.mistakes, *strings.mistakes})
        self.plan = plan_site(self.content, strings)
        self.view = SiteView(self.content, self.plan, strings, config.site_url or "/")
        self.navs: dict[str, Navigation] = {}
        self.search: Indexer | None = None  # started once the content is known to be good
        self.unchanged: set[str] = set()  # dirty builds: pages left as built before
        self.unsearched = sum(page.kind in SEARCHED for page in self.plan.pages)  # pages search waits for


def _build_date() -> dt.date:
    """Today, or the day of SOURCE_DATE_EPOCH for a reproducible build."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    return dt.datetime.fromtimestamp(int(epoch), dt.UTC).date() if epoch else dt.date.today()


# The command MkDocs runs (serve or build, dirty or not) is fixed for the process; the build
# state is not kept across builds: on_config makes it, on_post_build and on_build_error drop it.
# (In the preview, Pagefind may still be writing the last build's search bundle in a thread of
# its own; nothing of it is read by the next build.)
_command = {"serve": False, "dirty": False}
_build: Build | None = None


def on_startup(command, dirty):
    _command["serve"] = command == "serve"
    _command["dirty"] = dirty  # `mkdocs serve --dirty` (make serve): unchanged pages are not rebuilt


# Runs first, so that other handlers and plugins see a loaded, checked content.
@event_priority(100)
def on_config(config):
    global _build
    _build = Build(config, serve=_command["serve"])
    for mistake in _build.content.mistakes:
        log.error(str(mistake))
    for warning in _build.content.warnings:  # shown, but not a warning to MkDocs: --strict would stop on it
        log.info(str(warning))
    if os.environ.get("GITHUB_ACTIONS") == "true":  # shown on the pull request's diff
        print("\n".join(mistake.annotation() for mistake in _build.content.mistakes), flush=True)
    if _build.content.mistakes and not _command["serve"]:
        count = len(_build.content.mistakes)
        raise Abort(f"{count} content mistake{'s' if count > 1 else ''}: nothing was built. Fix the lines above.")
    _build.search = Indexer()
    if _command["dirty"]:
        _keep_unchanged(config)
    return config


def _keep_unchanged(config) -> None:
    """A dirty build: the pages as built before are kept, and search indexes them at once."""
    root = _build.settings.root
    # What shapes every page: the configuration, data/, docs/ (the navigation), templates, this code.
    shared = freshness.newest(
        [root / "data", root / "docs", Path(config.theme.custom_dir), Path(__file__).parent],
        [Path(config.config_file_path)],
    )
    _build.unchanged = freshness.unchanged(_build.plan.pages, Path(config.site_dir), root, shared)
    kept = [page.dest_uri for page in _build.plan.pages if page.kind in SEARCHED and page.src_uri in _build.unchanged]
    _build.search.add_built(Path(config.site_dir), kept)
    _build.unsearched -= len(kept)


# Runs last, so that it sees every file MkDocs and the theme collected.
@event_priority(-100)
def on_files(files, config):
    docs_dir = Path(config.docs_dir).resolve()
    for file in list(files):
        if file.abs_src_path and docs_dir in Path(file.abs_src_path).resolve().parents:
            files.remove(file)  # docs/ is read by the core, with repository paths like the rest
    # Pages search indexes come first, so that Pagefind can write its bundle while the rest is built.
    for page in sorted(_build.plan.pages, key=lambda page: page.kind not in SEARCHED):
        level = InclusionLevel.DRAFT if page.draft else InclusionLevel.NOT_IN_NAV
        file = _PageFile.generated(config, page.src_uri, content="", inclusion=level)  # the core converted it
        file.dest_uri = page.dest_uri
        file.unchanged = page.src_uri in _build.unchanged
        files.append(file)
        _PlanPage(None, file, config)
    if not _build.unsearched:  # no page search indexes is rebuilt
        _build.search.start_writing(Path(config.site_dir) / "pagefind")
    for path in _build.content.published_media():
        kind = _Image if media.is_processed(path) else File
        file = kind.generated(config, path, abs_src_path=str(_build.settings.root / path))
        file.dest_uri = _build.view.media(path)
        files.append(file)
    return files


class _PlanPage(Page):
    """A page of the plan. Its body was converted, checked and cleaned by the content core
    (lrp/bodies.py) with the site's Markdown extensions; MkDocs converts nothing again."""

    def render(self, config, files) -> None:
        spec = _build.plan.by_src.get(self.file.src_uri)
        tr = spec.translation if spec else None
        self.content = tr.html if tr else ""
        self.toc = get_toc(tr.toc if tr else [])


class _PageFile(File):
    """A page of the plan. A dirty build (`mkdocs serve --dirty`) rebuilds it only if modified."""

    unchanged = False

    def is_modified(self) -> bool:
        return not self.unchanged


class _Image(File):
    """A JPEG or PNG published without its metadata, one at a time as MkDocs copies files."""

    def copy_file(self, dirty: bool = False) -> None:
        if dirty and not self.is_modified():
            return
        Path(self.abs_dest_path).parent.mkdir(parents=True, exist_ok=True)
        Path(self.abs_dest_path).write_bytes(media.prepare(Path(self.abs_src_path)))


def on_nav(nav, config, files):
    for code, entries in _build.plan.nav.items():
        pages = [files.get_file_from_path(entry.src_uri).page for entry in entries]
        for page, entry in zip(pages, entries, strict=True):
            page.title = escape(entry.title)
        _build.navs[code] = Navigation(pages, pages)
        _build.navs[code].homepage = next((p for p, e in zip(pages, entries, strict=True) if e.kind == "home"), None)
    return _build.navs[_build.settings.default.code]


def on_env(env, config, files):
    # Content, plan and converted pages live until the build ends: the cycle collector need not
    # go through them again while the pages are rendered (a few per cent of a build). Thawed at its end.
    gc.freeze()
    # Our templates (overrides/lrp/) escape by default; Material's are left as they are.
    env.autoescape = lambda name: bool(name) and name.startswith("lrp/")
    env.globals["lrp_site"] = _build.view
    _build.view.env = env
    _build.view.config = config
    _build.view.material_languages = frozenset(
        code for code in _build.settings.codes if _has_template(env, f"partials/languages/{code}.html")
    )
    return env


def _has_template(env, name: str) -> bool:
    try:
        env.loader.get_source(env, name)
    except TemplateNotFound:
        return False
    return True


def on_page_markdown(markdown, page, config, files):
    spec = _build.plan.by_src.get(page.file.src_uri)
    if spec:
        page.meta = {"template": spec.template}
        page.title = escape(spec.title)  # Material prints titles unescaped
    return markdown


def on_page_context(context, page, config, nav):
    spec = _build.plan.by_src.get(page.file.src_uri)
    if spec:
        context["lrp"] = spec
        context["nav"] = _build.navs[spec.lang.code]
    return context


# Runs last, so that search indexes the page as it is written.
@event_priority(-100)
def on_post_page(output, page, config):
    spec = _build.plan.by_src.get(page.file.src_uri)
    if spec and spec.kind in SEARCHED:  # listings, the timeline and term pages repeat what items say
        _build.search.add(output, "/" + spec.url)
        _build.unsearched -= 1
        if not _build.unsearched:  # Pagefind writes its bundle while the other pages are built
            _build.search.start_writing(Path(config.site_dir) / "pagefind")
    return output


def on_post_build(config):
    """Write the exports (the timeline's JSON and iCalendar, the Atom feeds) while Pagefind
    finishes the search bundle: one index per language, read from each page's <html lang>."""
    global _build
    site = Path(config.site_dir)
    for export in _build.plan.exports:
        path = site / export.dest_uri
        path.parent.mkdir(parents=True, exist_ok=True)
        content = _build.view.export(export)
        path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    search, _build = _build.search, None
    gc.unfreeze()
    if _command["serve"]:  # the preview reloads at once; its search follows a moment later
        search.finish_later(site / "pagefind", lambda error: log.error(f"Pagefind could not index the site: {error}"))
        return
    try:
        search.finish(site / "pagefind")
    except IndexingError as error:
        raise Abort(f"Pagefind could not index the site: {error}") from None


def on_build_error(error):
    global _build
    gc.unfreeze()
    if _build and _build.search:
        _build.search.close()
    _build = None
