"""Shared helpers: fixture sites written to a temporary folder and built with MkDocs."""

from __future__ import annotations

import contextlib
import functools
import http.server
import logging
import os
import re
import shutil
import sys
import threading
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import jinja2
import pytest

REPO = Path(__file__).resolve().parents[1]
FIXTURE_SITE = REPO / "tests" / "fixtures" / "site"
SITE_URL = "https://example.org/lrp/"
# The browser tests' windows: a phone at its narrowest (as 400 % zoom of a 1280 px window), a desktop.
PHONE = {"width": 320, "height": 640}
DESKTOP = {"width": 1280, "height": 900}


def config_text(**extra: str) -> str:
    """The project's mkdocs.yml, pointed at this repository's hooks and templates."""
    text = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    text = text.replace("  - hooks/mkdocs_hooks.py", f"  - {REPO / 'hooks' / 'mkdocs_hooks.py'}")
    text = text.replace("custom_dir: overrides", f"custom_dir: {REPO / 'overrides'}")
    for folder in ("hooks", "overrides"):  # watched folders of the repository
        text = text.replace(f"\n  - {folder}\n", f"\n  - {REPO / folder}\n")
    text = re.sub(r"(?m)^site_url: .*$", f"site_url: {SITE_URL}", text)
    for key, value in extra.items():
        text = re.sub(rf"(?m)^(\s*){key}: .*$", rf"\g<1>{key}: {value}", text)
    return text


def write_site(root: Path, files: dict[str, str | bytes] | None = None, base: Path | None = FIXTURE_SITE, **config):
    """A site folder: the repository's data/, ``base`` content, then ``files`` on top."""
    shutil.copytree(REPO / "data", root / "data")
    if base:
        shutil.copytree(base, root, dirs_exist_ok=True)
    for folder in ("docs", "stories", "events", "publications"):
        (root / folder).mkdir(exist_ok=True)
    (root / "mkdocs.yml").write_text(config_text(**config), encoding="utf-8")
    for rel, content in (files or {}).items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return root


def build_site(root: Path, serve: bool = False, dirty: bool = False) -> Path:
    """Build in-process like `mkdocs build` (or `mkdocs build --dirty`, or like the preview)."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    site_dir = root / "site"
    config = load_config(str(root / "mkdocs.yml"), site_dir=str(site_dir))
    config.plugins.on_startup(command="serve" if serve else "build", dirty=dirty)
    try:
        build(config, serve_url="http://127.0.0.1:8000/" if serve else None, dirty=dirty)
    finally:
        config.plugins.on_startup(command="build", dirty=False)  # the hooks module outlives this build
    return site_dir


@pytest.fixture(scope="session")
def fixture_site(tmp_path_factory) -> Path:
    """The fixture site, built once for the session."""
    root = write_site(tmp_path_factory.mktemp("fixture"))
    logging.getLogger("mkdocs").setLevel(logging.INFO)
    return build_site(root)


@pytest.fixture(scope="session")
def real_site(tmp_path_factory) -> Path:
    """The project's real content, built as `mkdocs build` does."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    site_dir = tmp_path_factory.mktemp("real") / "site"
    build(load_config(str(REPO / "mkdocs.yml"), site_dir=str(site_dir)))
    return site_dir


def pages(site: Path) -> list[str]:
    """Every page of a built site's public part, as its address relative to the site root (the browser
    editor's admin/ is not one: tests/test_sveltia_engine.py)."""
    return sorted(
        "" if p.parent == site else f"{p.parent.relative_to(site).as_posix()}/"
        for p in site.rglob("index.html")
        if p.parent != site / "admin"
    )


def read(site: Path, url: str) -> str:
    return (site / url / "index.html").read_text(encoding="utf-8")


class _Shape(HTMLParser):
    """What a page is made of: each element, element with a class, role, type, language or ARIA
    attribute it holds (``a.md-nav__link``, ``button[aria-expanded]``, ``html[lang=en]``,
    ``span[lang=lv]``). Parts only, not how they nest, nor the words but for the menu's entries
    (``menu``)."""

    MARKED = ("lang", "tabindex", "hidden", "alt", "title", "open", "disabled", "href")

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts, self.menu, self._entry = set(), [], False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        classes = (attrs.get("class") or "").split()
        self.parts.add(tag)
        self.parts.update(f"{tag}.{name}" for name in classes)
        self.parts.update(
            f"{tag}[{key}={value}]" for key, value in attrs.items() if key in ("role", "type", "rel", "lang")
        )
        self.parts.update(f"{tag}[{key}]" for key in attrs if key.startswith("aria-") or key in self.MARKED)
        self._entry = "lrp-menu__link" in classes

    def handle_endtag(self, tag):
        self._entry = False

    def handle_data(self, data):
        if self._entry:  # the words of the menu's entries
            self.menu.append(data.strip())


def page_shape(path: Path) -> set[str]:
    """The parts of the page at ``path`` (_Shape), and its menu's entries."""
    parser = _Shape()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser.parts | {f"the menu {parser.menu}"}


def page_shapes(*sites: Path) -> list[tuple[Path, str]]:
    """One page for each shape the pages of ``sites`` take, as (site, HTML file relative to it; the
    404 page at its own name): the fewest pages, chosen greedily, that together hold every element,
    class, role, type, language and ARIA attribute that any page of the sites holds, and each menu
    the pages have (its entries' words: a site's in a language). The sites and the two languages
    share their templates: a shape is looked for once across them all.

    For the checks whose outcome follows from a page's structure and style: IBM Equal Access,
    axe-core's rules of style (colour contrast, a link told by colour, the orientation the
    stylesheets allow), the focus rings, the width with the menu open, a second browser's layout.
    IBM's rules that read words (a link's purpose, quotation marks, words of shape or colour) read
    these pages' words only. The checks of words open every page of both languages: the policy,
    axe-core's other rules (a control's visible text in its name among them), sideways scrolling at
    320 px, and the landmarks' names (test_details.py)."""
    shapes = {}
    for site in sites:
        for path in sorted(site.rglob("*.html")):
            rel = path.relative_to(site).as_posix()
            if not rel.startswith("admin/"):
                shapes[site, rel] = page_shape(path)
    left, chosen = set().union(*shapes.values()), []
    while left:
        key = max(shapes, key=lambda key: len(shapes[key] & left))  # the first of equals, by site and name
        chosen.append(key)
        left -= shapes[key]
    return chosen


@pytest.hookimpl(tryfirst=True)  # before -m reads the markers
def pytest_collection_modifyitems(items):
    """A test that reaches the browser, directly or through another fixture, is a browser test even if unmarked:
    `make test-fast` (-m "not browser") never starts Chromium.

    Under `pytest -n auto --dist worksteal` (`make test`) each worker has its own Chromium and builds
    the session's sites once; tests are handed out one by one, and a worker with nothing left takes
    half of what waits in the other. The slow tests come first, so that none is left to start when
    the other worker has run out of work. (Work that tests would share, a look at every page, a
    Java run, is one test: no test relies on another running in the same worker.)"""
    for item in items:
        if "browser" in getattr(item, "fixturenames", ()) and item.get_closest_marker("browser") is None:
            item.add_marker(pytest.mark.browser)
    if os.environ.get("PYTEST_XDIST_WORKER"):
        items.sort(key=lambda item: item.get_closest_marker("slow") is None)


class _CompiledTemplates(jinja2.BytecodeCache):
    """The templates' compiled code, kept for the test session (a Jinja bytecode cache in memory).

    Every build makes a Jinja environment of its own, which compiles every template it renders
    again: a third of the time of the fixture site's build, which the tests build in process, with
    changes, again and again. A template is compiled again when its source changes, or when it is
    escaped otherwise (Jinja fixes that when it compiles: the checksum holds it, as the key holds
    the file). What else Jinja fixes when it compiles (which filters and tests there are, and how
    they are called) is the same in every build of this project: a plugin that added a filter to
    some builds only would need it in the key too. Builds outside the tests (make build, make serve,
    the benchmark) keep no cache."""

    def __init__(self):
        self.compiled: dict[str, bytes] = {}

    def get_bucket(self, environment, name, filename, source):
        escape = environment.autoescape
        escaped = escape(name) if callable(escape) else escape
        return super().get_bucket(environment, name, filename, f"{bool(escaped)}\n{source}")

    def load_bytecode(self, bucket):
        if bucket.key in self.compiled:
            bucket.bytecode_from_string(self.compiled[bucket.key])

    def dump_bytecode(self, bucket):
        self.compiled[bucket.key] = bucket.bytecode_to_string()


@pytest.fixture(scope="session", autouse=True)
def _compiled_templates():
    from mkdocs.theme import Theme

    cache, get_env = _CompiledTemplates(), Theme.get_env

    def with_cache(theme):
        env = get_env(theme)
        env.bytecode_cache = cache
        return env

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(Theme, "get_env", with_cache)
        yield


@pytest.fixture(autouse=True)
def _fixed_environment(monkeypatch):
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    monkeypatch.setenv("LRP_MESSAGES", "en")  # the tests read the English messages; test_messages.py reads both
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)


# `python -c TERMINAL command...` runs the command as a terminal would: SIGINT (Ctrl-C) at its
# default and not blocked, whatever the tests' process was started with (a background job of a
# shell ignores it, and pytest-xdist's workers may block it).
TERMINAL = (
    "import os, signal, sys; signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT}); "
    "signal.signal(signal.SIGINT, signal.SIG_DFL); os.execvp(sys.argv[1], sys.argv[1:])"
)


CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")  # GitHub's runners have Chrome instead


def require_chromium() -> str:
    """Chromium's path; skips the calling module where it is missing, unless REQUIRE_BROWSER=1."""
    if not Path(CHROMIUM).exists():
        if os.environ.get("REQUIRE_BROWSER") == "1":
            raise RuntimeError(f"REQUIRE_BROWSER=1 but {CHROMIUM} is missing: apt-get install chromium")
        pytest.skip(
            f"browser tests need Debian's Chromium at {CHROMIUM} (apt-get install chromium)", allow_module_level=True
        )
    return CHROMIUM


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


class _Server(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        if not isinstance(sys.exc_info()[1], ConnectionError):  # not a browser dropping what it no longer needs
            super().handle_error(request, client_address)


@contextlib.contextmanager
def static_server(directory: Path, handler: type = _Quiet):
    """A built site served on 127.0.0.1 for the browser; yields its base address."""
    httpd = _Server(("127.0.0.1", 0), functools.partial(handler, directory=str(directory)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    finally:
        httpd.shutdown()
        httpd.server_close()


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """Each built site served at the path of its address (the 404 page's links are absolute):
    ``served(site)`` gives the address of its home page."""
    servers = {}
    with contextlib.ExitStack() as stack:

        def serve(site: Path) -> str:
            if site not in servers:
                home = (site / "index.html").read_text(encoding="utf-8")
                path = urlsplit(re.search(r'<link rel="canonical" href="([^"]+)"', home).group(1)).path.strip("/")
                root = tmp_path_factory.mktemp("served")
                if path:
                    (root / path).parent.mkdir(parents=True, exist_ok=True)
                    (root / path).symlink_to(site, target_is_directory=True)
                servers[site] = stack.enter_context(static_server(root if path else site)) + (path and path + "/")
            return servers[site]

        yield serve


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium driven by Playwright, headless, with no network of its own. Its waits give
    up after Playwright's default 30 s, expect() included (5 s of its own): a loaded machine is slow,
    not wrong."""
    from playwright.sync_api import expect, sync_playwright

    expect.set_options(timeout=30_000)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=require_chromium(),
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
        )
        yield browser
        browser.close()
