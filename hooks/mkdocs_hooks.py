"""MkDocs hooks: thin handlers that hand each event of a build to one SiteBuild (site_build.py).

The content core (hooks/lrp) loads and validates the content and plans the pages; SiteBuild hands
that plan to MkDocs; what either needs of MkDocs', Python-Markdown's or Material's insides lives
in mkdocs_engine.py. Handlers take keywords, as MkDocs calls them, and ignore those they do not
know (``**kwargs``), so that a new keyword in a later MkDocs or ProperDocs breaks nothing.
"""

from __future__ import annotations

import logging
import threading

import mkdocs_engine
import pagefind_engine
import sveltia_engine
from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from site_build import SiteBuild

# The command MkDocs runs (serve or build, dirty or not) is fixed for the process; a build's own
# state lives in one SiteBuild, made in on_config and dropped at the build's end or error.
# (In the preview, Pagefind may still be writing the last build's search bundle in a thread of
# its own, ``_writing``; nothing of it is read by the next build.)
_command = {"serve": False, "dirty": False}
_build: SiteBuild | None = None
_writing: threading.Thread | None = None


def on_startup(*, command: str, dirty: bool, **kwargs) -> None:
    _command["serve"] = command == "serve"
    _command["dirty"] = dirty  # `mkdocs serve --dirty` (make serve): unchanged pages are not rebuilt
    mkdocs_engine.check_versions(logging.getLogger("mkdocs.hooks.lrp"))
    pagefind_engine.check_version()
    sveltia_engine.check_version()


# Runs first, so that other handlers and plugins see a loaded, checked content.
@event_priority(100)
def on_config(config: MkDocsConfig, **kwargs) -> MkDocsConfig:
    global _build
    _build = None
    build = SiteBuild(config, serve=_command["serve"], dirty=_command["dirty"])
    build.config(config)
    _build = build
    return config


# Runs last, so that it sees every file MkDocs and the theme collected.
@event_priority(-100)
def on_files(files: Files, *, config: MkDocsConfig, **kwargs) -> Files:
    return _build.files(files, config)


def on_nav(nav: Navigation, *, config: MkDocsConfig, files: Files, **kwargs) -> Navigation:
    return _build.nav(files)


def on_env(env: Environment, *, config: MkDocsConfig, files: Files, **kwargs) -> Environment:
    return _build.env(env, config)


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files, **kwargs) -> str:
    return _build.page_markdown(markdown, page)


def on_page_context(context: dict, *, page: Page, config: MkDocsConfig, nav: Navigation, **kwargs) -> dict:
    return _build.page_context(context, page)


# Runs last, so that search indexes the page as it is written.
@event_priority(-100)
def on_post_page(output: str, *, page: Page, config: MkDocsConfig, **kwargs) -> str:
    return _build.post_page(output, page, config)


def on_post_build(*, config: MkDocsConfig, **kwargs) -> None:
    global _build, _writing
    build, _build = _build, None
    _writing = build.post_build(config)


def on_shutdown(**kwargs) -> None:
    """The preview stops (Ctrl-C): Pagefind ends writing the last search bundle before MkDocs
    deletes the preview's site folder, which holds it (waiting a minute at most)."""
    if _writing:
        _writing.join(timeout=60)


def on_build_error(*, error: Exception, **kwargs) -> None:
    global _build
    build, _build = _build, None
    if build:
        build.error()
