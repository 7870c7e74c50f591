"""The one room for the engine's internals: everything this site uses of MkDocs', Python-Markdown's
and Material's insides that their documentation does not promise, so that an upgrade, ProperDocs
or another engine is checked here and nowhere else (see MAINTAINING.md).

- MkDocs: pages made from the plan (File.generated, a Page whose render takes the core's HTML,
  dirty-build freshness, images written by the site), the per-language Navigation, the theme
  templates it renders before the pages (the sitemap is the site's own export instead).
- Python-Markdown: the prefilter, which reaches into its processors' regular expressions.
- Material: its base template's "styles" block, its UI strings (partials/languages/*.html) and
  its bundled icons (.icons/).

``check_versions`` says in one line at start-up when the installed versions are not those this
was written for; tests/test_engine.py fails when an upstream function it relies on changes.
"""

from __future__ import annotations

import logging
import re
from importlib import metadata
from pathlib import Path

from jinja2 import TemplateNotFound
from markdown import blockprocessors, inlinepatterns
from markdown.extensions import Extension, fenced_code, footnotes
from markupsafe import Markup
from mkdocs.structure.files import File, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from lrp.contract import files as media_files
from lrp.outputs import media

# The versions this module was written and tested for (requirements.txt pins them).
WRITTEN_FOR = {"mkdocs": "1.6.1", "mkdocs-material": "9.8.2", "Markdown": "3.11.3"}


def check_versions(log: logging.Logger) -> list[str]:
    """The packages whose installed version differs from the one this module was written for;
    each difference is logged in one line."""
    found = []
    for package, written in WRITTEN_FOR.items():
        try:
            installed = metadata.version(package)
        except metadata.PackageNotFoundError:
            installed = "not installed"
        if installed != written:
            found.append(package)
            log.warning(f"hooks/mkdocs_engine.py was written for {package} {written}, not {installed} (MAINTAINING.md)")
    return found


# ---- MkDocs: the plan's pages and files --------------------------------------------------


class PlanPage(Page):
    """A page of the plan. Its body was converted, checked and cleaned by the content core
    (lrp/contract/bodies.py); MkDocs converts nothing. ``translation`` is the item it shows, if any."""

    translation = None

    def render(self, config, files) -> None:
        tr = self.translation
        self.content = tr.html if tr else ""
        self.toc = get_toc(tr.toc if tr else [])


class PageFile(File):
    """The file of a plan page. A dirty build (`mkdocs serve --dirty`) rebuilds it only if modified."""

    unchanged = False

    def is_modified(self) -> bool:
        return not self.unchanged


class ImageFile(File):
    """An image published anew from its pixels, without its metadata, one at a time as MkDocs copies files."""

    def copy_file(self, dirty: bool = False) -> None:
        if dirty and not self.is_modified():
            return
        Path(self.abs_dest_path).parent.mkdir(parents=True, exist_ok=True)
        Path(self.abs_dest_path).write_bytes(media.prepare(Path(self.abs_src_path)))


def leave_theme_template(config, name: str) -> None:
    """MkDocs renders the theme's static templates (sitemap.xml, 404.html) before any page; the
    site writes ``name`` itself, at the end of the build. A template left out is not rendered,
    but MkDocs then lists its source as a theme file to copy: the build leaves that file out."""
    config.theme.static_templates.discard(name)


def page_file(config, spec, unchanged: bool) -> PageFile:
    """The file and page of a planned page, at the plan's address."""
    level = InclusionLevel.DRAFT if spec.draft else InclusionLevel.NOT_IN_NAV
    file = PageFile.generated(config, spec.src_uri, content="", inclusion=level)
    file.dest_uri = spec.dest_uri
    file.unchanged = unchanged
    page = PlanPage(None, file, config)
    page.translation = spec.translation
    return file


def media_file(config, repo_path: str, source: Path, dest_uri: str) -> File:
    """An image or download of the repository, published at ``dest_uri``."""
    kind = ImageFile if media_files.is_image(repo_path) else File
    file = kind.generated(config, repo_path, abs_src_path=str(source))
    file.dest_uri = dest_uri
    return file


def navigation(pages: list, homepage) -> Navigation:
    nav = Navigation(pages, pages)
    nav.homepage = homepage
    return nav


# ---- Python-Markdown: the prefilter ------------------------------------------------------


class Prefilter(Extension):
    """Python-Markdown's costliest regular expressions skip text they cannot match.

    Python-Markdown tries each inline pattern on each run of text and each block processor on
    each block. The expressions of code spans and of the three kinds of link begin with a
    look-behind, and those of block quotes, headings, rules, link references and footnotes with
    an alternation at the start of a line; Python's engine cannot search for either quickly.
    Every match of each holds a known character or pair of characters, so a text without one is
    left at once. The HTML is the same with and without this (tests/test_prefilter.py). A
    processor missing or changed in another Python-Markdown is left as it is, never an error.
    """

    def extendMarkdown(self, md):
        for registry, table in tables(md):
            for name, (kind, attribute, needed) in table.items():
                if name in registry:
                    _prefilter(registry[name], kind, attribute, needed)


# Per registry, name -> (the class registered under that name, the attribute holding its
# expression, what each of its matches holds: one of these strings)
INLINE = {
    "backtick": (inlinepatterns.BacktickInlineProcessor, "compiled_re", ("`",)),
    "reference": (inlinepatterns.ReferenceInlineProcessor, "compiled_re", ("[",)),
    "link": (inlinepatterns.LinkInlineProcessor, "compiled_re", ("[",)),
    "short_reference": (inlinepatterns.ShortReferenceInlineProcessor, "compiled_re", ("[",)),
}
BLOCKS = {
    "quote": (blockprocessors.BlockQuoteProcessor, "RE", (">",)),
    "hashheader": (blockprocessors.HashHeaderProcessor, "RE", ("#",)),
    "setextheader": (blockprocessors.SetextHeaderProcessor, "RE", ("\n=", "\n-")),
    "hr": (blockprocessors.HRProcessor, "SEARCH_RE", ("-", "_", "*")),
    "reference": (blockprocessors.ReferenceProcessor, "RE", ("]:",)),
    "footnote": (footnotes.FootnoteBlockProcessor, "RE", ("[^",)),
}
PREPROCESSORS = {
    "fenced_code_block": (fenced_code.FencedBlockPreprocessor, "FENCED_BLOCK_RE", ("```", "~~~")),
}


def tables(md) -> list:
    """Each registry of a converter with the table of what is prefiltered in it."""
    return [(md.inlinePatterns, INLINE), (md.parser.blockprocessors, BLOCKS), (md.preprocessors, PREPROCESSORS)]


def _prefilter(processor, kind: type, attribute: str, needed: tuple[str, ...]) -> None:
    # only the processors as Python-Markdown makes them; another extension's are left alone
    regex = getattr(processor, attribute, None)
    if (
        type(processor) is kind
        and regex is not None
        and hasattr(regex, "pattern")
        and not isinstance(regex, Prefiltered)
    ):
        setattr(processor, attribute, Prefiltered(regex, needed))  # on this instance, not its class


class Prefiltered:
    """A compiled regular expression that finds nothing in text without one of ``needed``,
    from ``pos`` on. It offers what Python-Markdown's processors ask of their expressions."""

    def __init__(self, regex, needed: tuple[str, ...]):
        self.regex = regex
        self.needed = needed
        self.pattern = regex.pattern

    def _may_match(self, text: str, pos: int) -> bool:
        # A loop, not any(): this runs for every text and block, and a generator each time costs.
        for needed in self.needed:  # noqa: SIM110
            if text.find(needed, pos) >= 0:
                return True
        return False

    def finditer(self, text: str, pos: int = 0):
        return self.regex.finditer(text, pos) if self._may_match(text, pos) else iter(())

    def search(self, text: str, pos: int = 0):
        return self.regex.search(text, pos) if self._may_match(text, pos) else None

    def match(self, text: str, pos: int = 0):
        return self.regex.match(text, pos) if self._may_match(text, pos) else None


# ---- Material: its templates' insides ----------------------------------------------------


class Material:
    """What the site's own templates take from Material's: its stylesheet links (the "styles"
    block of its base.html, so that its hashed file names stay its own), its UI strings and its
    icons. Made once per build with the build's Jinja environment."""

    def __init__(self, env, config, codes: tuple[str, ...]):
        self.env = env
        self.config = config
        self.languages = frozenset(code for code in codes if self._has(f"partials/languages/{code}.html"))
        self._strings: dict = {}
        self._icons: dict = {}

    def _has(self, name: str) -> bool:
        try:
            self.env.loader.get_source(self.env, name)
        except TemplateNotFound:
            return False
        return True

    def styles(self, base_url: str) -> str:
        """The stylesheet links of Material's base template, for a page at ``base_url``: its
        "styles" block, taken out of the template's source and rendered alone (the whole template,
        which the site does not render, would cost a twentieth of a second to compile)."""
        source = self.env.loader.get_source(self.env, "base.html")[0]
        block = re.search(r"{% block styles %}.*?{% endblock %}", source, re.S)
        if block is None:  # not as Material 9 writes it: the whole template
            base = self.env.get_template("base.html")
            context = base.new_context({"config": self.config, "base_url": base_url, "page": None})
            return "".join(base.blocks["styles"](context))
        return self.env.from_string(block.group(0)).render(config=self.config, base_url=base_url, page=None)

    def t(self, lang: str, key: str) -> str:
        """One of Material's UI strings in a language, else in English, else the key."""
        if (lang, key) not in self._strings:
            text = ""
            for code in (lang, "en") if lang in self.languages else ("en",):
                text = str(self.env.get_template(f"partials/languages/{code}.html").module.t(key)).strip()
                if text:
                    break
            self._strings[lang, key] = text or key
        return self._strings[lang, key]

    def icon(self, name: str) -> Markup:
        """One of Material's bundled SVG icons, such as "material/menu"."""
        if name not in self._icons:
            self._icons[name] = Markup(self.env.loader.get_source(self.env, f".icons/{name}.svg")[0].strip())
        return self._icons[name]
