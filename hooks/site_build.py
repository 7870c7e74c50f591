"""One build of the site, from MkDocs' configuration to the last file written: the object that
hooks/mkdocs_hooks.py hands every event to, as Material's plugins hand theirs to their managers.

It owns what lives exactly as long as the build: the content and its plan, the view templates
read, the per-language navigation, the search indexer, the garbage collector's freeze (undone
when the build ends) and the exports. Nothing of it outlives the build (the preview makes a new one for every rebuild).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
import logging
import os
import threading
from pathlib import Path

import mkdocs_engine as engine
import sveltia_engine
from markupsafe import escape
from mkdocs.exceptions import Abort
from pagefind_engine import Indexer, IndexingError

from lrp import Settings
from lrp.base.messages import Message
from lrp.contract.bodies import Converter
from lrp.loader import load_site
from lrp.pages import freshness
from lrp.pages.exports import Exports
from lrp.pages.plan import EDITOR, SEARCHED
from lrp.pages.view import SiteView

log = logging.getLogger("mkdocs.hooks.lrp")


def build_date() -> dt.date:
    """Today, or the day of SOURCE_DATE_EPOCH for a reproducible build."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    return dt.datetime.fromtimestamp(int(epoch), dt.UTC).date() if epoch else dt.date.today()


@contextlib.contextmanager
def _growing():
    """While the content is read, everything made lives on: the cycle collector's full passes,
    each over everything read so far, find nothing to collect (its young generations still run)."""
    young, middle, full = gc.get_threshold()
    gc.set_threshold(young, middle, 1 << 30)
    try:
        yield
    finally:
        gc.set_threshold(young, middle, full)


class SiteBuild:
    """Everything one build knows. ``serve``: the preview (drafts shown, mistakes only logged);
    ``dirty``: `mkdocs serve --dirty`, where unchanged pages are kept as built before."""

    def __init__(self, config, *, serve: bool, dirty: bool):
        self.serve, self.dirty = serve, dirty
        root = Path(config.config_file_path).parent
        try:
            # The preview serves at its own address (MkDocs sets site_url to it): links to the site's
            # own address are checked as mkdocs.yml gives it, as the build and `make check` check them.
            site_url = Settings.from_mkdocs_yml(root).site_url if serve else config.site_url
            self.settings = Settings.from_mapping(root, config.extra.get("lrp") or {}, site_url=site_url)
        except ValueError as error:  # the site's configuration, not content: nothing can be built
            raise Abort(f"mkdocs.yml: {error}") from None
        with _growing():
            site = load_site(
                self.settings,
                Converter([*config.markdown_extensions, engine.Prefilter()], config.mdx_configs),
                today=build_date(),
                include_drafts=serve,
            )
        self.content, self.plan = site.content, site.plan
        self.view = SiteView(self.content, self.plan, site.strings, config.site_url or "/", outlines=site.outlines)
        self.navs: dict = {}  # lang code -> its Navigation
        self.search: Indexer | None = None  # started once the content is known to be good
        self.unchanged: set[str] = set()  # dirty builds: pages left as built before
        self.unsearched = sum(page.kind in SEARCHED for page in self.plan.pages)  # pages search waits for
        self.frozen = False

    # ---- the events, in the order MkDocs sends them --------------------------------------

    def config(self, config) -> None:
        """Report the content's mistakes (in the language of the messages, LRP_MESSAGES); stop a
        build that has any. Start the search indexer."""
        for mistake in self.content.mistakes:
            log.error(str(mistake))
        for warning in self.content.warnings:  # shown, but not a warning to MkDocs: --strict would stop on it
            log.info(str(warning))
        if self.content.converted_here:  # slower, not wrong: said, not a warning
            log.info(f"the bodies were converted in this process only: {self.content.converted_here}")
        if os.environ.get("GITHUB_ACTIONS") == "true":  # shown on the pull request's diff
            print("\n".join(mistake.annotation() for mistake in self.content.mistakes), flush=True)
        if self.content.mistakes and not self.serve:
            count = len(self.content.mistakes)
            raise Abort(str(Message("tool.build.abort.one" if count == 1 else "tool.build.abort.other", count=count)))
        for export in self.plan.exports:  # the site writes them (the sitemap among them), not the theme
            engine.leave_theme_template(config, export.dest_uri)
        self.search = Indexer()
        if self.dirty:
            self._keep_unchanged(config)
        # Content, plan and converted pages live until the build ends: the cycle collector need not
        # go through them again while the pages are made and rendered (a few per cent of a build).
        gc.freeze()
        self.frozen = True

    def _keep_unchanged(self, config) -> None:
        """A dirty build: the pages as built before are kept, and search indexes them at once."""
        root = self.settings.root
        # What shapes every page: the configuration, data/, docs/ (the navigation), templates, this code.
        shared = freshness.newest(
            [root / "data", root / "docs", Path(config.theme.custom_dir), Path(__file__).parent],
            [Path(config.config_file_path)],
        )
        self.unchanged = freshness.unchanged(self.plan.pages, Path(config.site_dir), root, shared)
        kept = [page.dest_uri for page in self.plan.pages if page.kind in SEARCHED and page.src_uri in self.unchanged]
        self.search.add_built(Path(config.site_dir), kept)
        self.unsearched -= len(kept)

    def files(self, files, config):
        """The plan's pages and the media they show, instead of docs/ as MkDocs reads it."""
        docs_dir = Path(config.docs_dir).resolve()
        exported = {export.dest_uri for export in self.plan.exports}
        for file in list(files):
            if file.abs_src_path and docs_dir in Path(file.abs_src_path).resolve().parents:
                files.remove(file)  # docs/ is read by the core, with repository paths like the rest
            elif file.dest_uri in exported:  # a theme's template for what the site writes itself
                files.remove(file)
        # Pages search indexes come first, so that Pagefind can write its bundle while the rest is built.
        for spec in sorted(self.plan.pages, key=lambda page: page.kind not in SEARCHED):
            files.append(engine.page_file(config, spec, unchanged=spec.src_uri in self.unchanged))
        if not self.unsearched:  # no page search indexes is rebuilt
            self.search.start_writing(Path(config.site_dir) / "pagefind")
        for path in self.content.published_media():
            files.append(engine.media_file(config, path, self.settings.root / path, self.view.media(path)))
        return files

    def nav(self, files):
        """A navigation per language; MkDocs is given the default language's."""
        for code, entries in self.plan.nav.items():
            pages = [files.get_file_from_path(entry.src_uri).page for entry in entries]
            for page, entry in zip(pages, entries, strict=True):
                page.title = escape(entry.title)
            home = next((page for page, entry in zip(pages, entries, strict=True) if entry.kind == "home"), None)
            self.navs[code] = engine.navigation(pages, home)
        return self.navs[self.settings.default.code]

    def env(self, env, config):
        # Our templates (overrides/lrp/) escape by default; Material's are left as they are.
        env.autoescape = lambda name: bool(name) and name.startswith("lrp/")
        env.globals["lrp_site"] = self.view
        env.globals["lrp_preview"] = self.serve  # the preview's policy lets MkDocs' inline reload script run
        self.view.env = env
        self.view.config = config
        self.view.theme = engine.Material(env, config, self.settings.codes)
        return env

    def page_markdown(self, markdown: str, page) -> str:
        spec = self.plan.by_src.get(page.file.src_uri)
        if spec:
            page.meta = {"template": spec.template}
            page.title = escape(spec.title)  # Material prints titles unescaped
        return markdown

    def page_context(self, context: dict, page) -> dict:
        spec = self.plan.by_src.get(page.file.src_uri)
        if spec:
            context["lrp"] = spec
            context["nav"] = self.navs[spec.lang.code]
        return context

    def post_page(self, output: str, page, config) -> str:
        spec = self.plan.by_src.get(page.file.src_uri)
        if spec and spec.kind in SEARCHED:  # listings, the timeline and term pages repeat what items say
            self.search.add(output, "/" + spec.url)
            self.unsearched -= 1
            if not self.unsearched:  # Pagefind writes its bundle while the other pages are built
                self.search.start_writing(Path(config.site_dir) / "pagefind")
        return output

    def post_build(self, config) -> threading.Thread | None:
        """Write the exports (the timeline's JSON and iCalendar, the Atom feeds) while Pagefind
        finishes the search bundle: one index per language, read from each page's <html lang>. In
        the preview the bundle is finished after the build, by the thread returned."""
        site = Path(config.site_dir)
        Exports(self.view).write(site)  # feeds, calendar, sitemap, …: all but the editor's two files
        for export in self.plan.exports:
            if export.kind in EDITOR and (text := self._editor(export, config)) is not None:
                (site / export.dest_uri).parent.mkdir(parents=True, exist_ok=True)
                (site / export.dest_uri).write_text(text, encoding="utf-8")
        self.view.previews.write(site)  # link-preview pictures, drawn once per build
        self._thaw()  # the build's objects are the collector's again: nothing of it outlives the build
        if self.serve:  # the preview reloads at once; its search follows a moment later
            return self.search.finish_later(
                site / "pagefind", lambda e: log.error(f"Pagefind could not index the site: {e}")
            )
        try:
            self.search.finish(site / "pagefind")
        except IndexingError as error:
            raise Abort(f"Pagefind could not index the site: {error}") from None
        return None

    def _editor(self, export, config) -> str | None:
        """The browser editor's page and its configuration, made from the contract by
        sveltia_engine (mkdocs.yml ``extra.editor``: the repository and branch it edits). None in
        the preview while the interface texts it labels its form with cannot be read (their
        mistakes are in the log; a build stops at them before it gets here)."""
        code = export.lang.code
        if export.kind == "admin":
            return self.view.env.get_template("lrp/admin.html").render(
                code=code,
                title=f"{self.view.t(code, 'editor.title')} · {self.view.t(code, 'site.name')}",
                needs_script=self.view.t(code, "editor.needs_script"),
                policy=sveltia_engine.policy(),
                font_style=sveltia_engine.FONT_STYLE,
            )
        editor = config.extra.get("editor") or {}
        default = self.settings.default.code
        items = [
            (
                item.collection,
                item.slug,
                (item.translations.get(default) or next(iter(item.translations.values()))).title,
            )
            for item in self.content.items.values()
            if not item.draft
        ]
        try:
            settings = sveltia_engine.editor_config(
                self.settings,
                self.view.strings,
                self.content.vocab,
                sorted(items),
                str(editor.get("repository") or ""),
                str(editor.get("branch") or "main"),
            )
        except ValueError as error:
            raise Abort(f"mkdocs.yml: extra.editor: {error}") from None
        except sveltia_engine.NoWidget as error:
            if not self.serve:
                raise Abort(f"The browser editor's configuration: {error}") from None
            log.error(f"The preview has no browser editor's configuration until data/ui/ is mended: {error}")
            return None
        return sveltia_engine.config_yaml(settings)

    def error(self) -> None:
        """The build failed: nothing stays frozen, and the indexer is stopped."""
        self._thaw()
        if self.search:
            self.search.close()

    def _thaw(self) -> None:
        if self.frozen:
            gc.unfreeze()
            self.frozen = False
