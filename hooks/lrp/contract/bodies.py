"""Bodies: each converted once by Python-Markdown, checked as the HTML it became, and published
as only what the safe list keeps, its links given their addresses on the site.

A body that breaks the limits of limits.py (input that would make the parsers slow) is a mistake
at its line and is not converted. A problem of the HTML is reported at the line of the body it
comes from: the first place, after the one found for the problem before it, that holds its words
as written ("<script", "onclick=", the address), read in one pass (``Source``).
"""

from __future__ import annotations

import html as entities
import multiprocessing
import os
import posixpath
import re
import threading
from bisect import bisect_right
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

import markdown
from markdown.extensions import Extension
from markdown.extensions.toc import slugify
from markdown.treeprocessors import Treeprocessor

from ..base import addresses
from ..base.errors import Invalid, Mistake, Report, close_match, did_you_mean
from ..base.messages import Message
from . import limits, safehtml

# What Python-Markdown's tables extension writes for a column's alignment, and our class for it:
# an inline style would be refused by the page's Content-Security-Policy.
_ALIGN = re.compile(r"^\s*text-align:\s*(left|right|center);?\s*$")


class Converter:
    """One Python-Markdown converter for every body of a build, with the site's extensions."""

    def __init__(self, extensions=(), configs: dict | None = None):
        self._images = _Images()
        self.md = markdown.Markdown(extensions=[*extensions, self._images], extension_configs=dict(configs or {}))

    def convert(self, text: str, image_size: Callable[[str], tuple[int, int] | None] | None = None):
        """The HTML of a Markdown text and the tokens of its table of contents. Raises ``Invalid``
        (each with its line in the text, from 1) for a text beyond the limits, unconverted."""
        broken = limits.check(text) if isinstance(text, str) else []
        if broken:
            raise Invalid.several([Invalid(message, line) for line, message in broken])
        md = self.md.reset()
        self._images.size = image_size
        try:
            html = md.convert(text)
        except Exception as error:  # noqa: BLE001 - Python-Markdown must not stop the build
            raise Invalid(Message("body.markdown", error=type(error).__name__)) from None
        finally:
            self._images.size = None
        return html, getattr(md, "toc_tokens", [])


# Python-Markdown extensions MkDocs always adds to those mkdocs.yml lists.
MKDOCS_BUILTINS = ("toc", "tables", "fenced_code")


def configured(entries) -> Converter:
    """The converter for mkdocs.yml's ``markdown_extensions`` (names, or one-key mappings of a
    name to its options), for callers without MkDocs such as ``make check``."""
    names, configs = list(MKDOCS_BUILTINS), {}
    for entry in entries or ():
        name, options = next(iter(entry.items())) if isinstance(entry, dict) else (entry, None)
        if name not in names:
            names.append(name)
        if options:
            configs[name] = options
    return Converter(names, configs)


class _Images(Extension):
    """Images load lazily and carry their published size; a column's alignment becomes a class; a
    table has a caption."""

    size: Callable | None = None

    def extendMarkdown(self, md):
        md.treeprocessors.register(_Sizer(md, self), "lrp_images", -10)


class _Sizer(Treeprocessor):
    def __init__(self, md, extension: _Images):
        super().__init__(md)
        self.extension = extension

    def run(self, root):
        _caption_tables(root)
        for element in root.iter():
            if element.tag == "img":
                element.set("loading", "lazy")
                size = self.extension.size(element.get("src", "")) if self.extension.size else None
                if size and "width" not in element.attrib:
                    element.set("width", str(size[0]))
                    element.set("height", str(size[1]))
            elif element.tag in ("th", "td") and "style" in element.attrib:
                align = _ALIGN.match(element.attrib["style"])
                if align:
                    del element.attrib["style"]
                    element.set("class", f"lrp-align-{align.group(1)}")


_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")


def _caption_tables(root) -> None:
    """Every table gets a caption (a Markdown table cannot write one): the text of the heading it
    stands under, else its header cells' text; a table that has one keeps it."""
    heading, tables = "", []
    for element in root.iter():
        if element.tag in _HEADINGS:
            heading = _text(element)
        elif element.tag == "table" and element.find("caption") is None:
            tables.append((element, heading or ", ".join(filter(None, map(_text, element.iter("th"))))))
    for table, text in tables:
        if text:
            caption = table.makeelement("caption", {})
            caption.text = text
            table.insert(0, caption)


def _text(element) -> str:
    return " ".join("".join(element.itertext()).split())


class Source:
    """Where in a body each thing found in its HTML was written: the first place, from the one
    found before it on, that holds one of its needles (the first needle that is there), in
    the text with its character references read (``&#106;`` is ``j``). A thing found again is
    looked for after the last place found for it. Each search goes on from where the one
    before it ended, and what a needle is not found in is not searched again: a body is read
    through about once however many things are looked for."""

    def __init__(self, text: str, first_line: int):
        read = [entities.unescape(line).replace("\n", " ") for line in text.split("\n")]
        self.text = "\n".join(read).lower()
        self.starts = [0]
        for line in read[:-1]:
            self.starts.append(self.starts[-1] + len(line) + 1)
        self.first_line = first_line
        self._after: dict = {}  # what is looked for -> where to look for it again
        self._last = 0  # where the last thing was found
        self._absent: dict[str, int] = {}  # needle -> the place from which the text does not hold it

    def line(self, key, needles: tuple[str, ...], whole: bool = False) -> int:
        """The file line of the next ``key`` (a message, an address): where one of ``needles`` is,
        at or after the last thing found (else earlier, after the last ``key``); where no needle
        is, the line of the last thing found. ``whole``: a needle counts only where the text
        after it cannot go on an address (``/a`` is not found in ``/a/``)."""
        after = self._after.get(key, 0)
        at = self._find(needles, max(after, self._last), whole)
        if at < 0 and after < self._last:
            at = self._find(needles, after, whole)
        if at >= 0:
            self._after[key], self._last = at + 1, at
        return self.first_line + bisect_right(self.starts, at if at >= 0 else self._last) - 1

    def _find(self, needles: tuple[str, ...], start: int, whole: bool = False) -> int:
        for needle in needles:
            needle = needle.lower().replace("\n", " ")  # as the text is read: a reference to a line end included
            absent = self._absent.get((needle, whole), len(self.text) + 1)
            if not needle or start >= absent:
                continue
            at = self.text.find(needle, start, absent + len(needle) - 1)
            while whole and at >= 0 and not self._whole(at, len(needle)):
                at = self.text.find(needle, at + 1, absent + len(needle) - 1)
            if at >= 0:
                return at
            self._absent[needle, whole] = start
        return -1

    def _whole(self, at: int, length: int) -> bool:
        """Whether the text at ``at`` holds a whole address: what stands before and after it
        cannot be part of one (``/a`` is not found in ``/a/``, nor in ``https://host/a``)."""
        before, after = self.text[at - 1 : at] if at else "", self.text[at + length : at + length + 1]
        return before in _ADDRESS_STARTS and after in _ADDRESS_ENDS


# What may stand before and after an address as written in Markdown or HTML: the text's start or
# end, a space, a bracket or quote around it, a title, an attribute's "=", the end of a tag.
_ADDRESS_STARTS = frozenset(("", " ", "\n", "\t", "(", '"', "'", "<", "=", "["))
_ADDRESS_ENDS = frozenset(("", " ", "\n", "\t", ")", '"', "'", ">", "<", "]"))


def render(
    content,
    report: Report,
    converter: Converter,
    expand: Callable[[str, str], str] | None = None,
    converting: Converting | None = None,
) -> None:
    """Convert, check and clean every body; each translation gets ``html`` and ``toc``.
    ``converting``: the bodies added as their files were read (the docs pages are added here,
    once their placeholders are filled in)."""
    translations = content.by_path()
    for tr in translations.values():
        if expand and tr.collection == "docs":
            tr.body = expand(tr.body, tr.lang)
    converting = converting or Converting(converter, content)
    converted = converting.finish([(tr.path, tr.body) for tr in translations.values()])
    scans = {}
    for tr in translations.values():
        done = converted[tr.path]
        if isinstance(done, Invalid):
            for problem in done.each():
                report.add(tr.path, tr.body_line + (problem.line or 1) - 1, "body", problem.message)
            continue
        html, tr.toc, result, cleaned = done
        source = Source(tr.body, tr.body_line) if result.problems or result.links else None
        scans[tr.path] = (html, result, source, cleaned)
        for problem in result.problems:
            report.add(tr.path, source.line(problem.message, problem.needles), "body", problem.message)
    pages = _pages(content)
    for path, (html, result, source, cleaned) in scans.items():
        tr = translations[path]
        for attribute, address in result.links:
            message = _link(content, tr, address, attribute, translations, scans, pages)
            if not message:
                continue
            # a footnote not referred to is found where it is defined; any other link where it is written
            needles = (f"[^{address[len('#fnref:') :]}]:",) if address.startswith("#fnref:") else (address,)
            line = source.line(("link", address), needles, whole=True)  # in the order the links are written
            if isinstance(message, str):  # a page the build makes, or none: known once the plan is made
                content.site_links.append(SiteLink(tr, address, message, line))
            else:
                report.add(tr.path, line, "body", message)
        if cleaned:  # cleaned where it was converted: it has no relative address to rewrite
            tr.html = html
        else:
            tr.html = safehtml.clean(
                html, lambda tag, name, address, tr=tr: _rewrite(content, tr, address, translations, pages)
            )
    for tr in translations.values():
        _anchors(tr.toc)


def _anchors(toc: list) -> None:
    """The table of contents leads to the headings' ids as published (safehtml.anchor)."""
    for token in toc:
        token["id"] = safehtml.anchor(token["id"])
        _anchors(token.get("children", ()))


# ---- converting many bodies on every core ---------------------------------------------------
#
# Converting is most of what loading the content costs: where the process has no other thread
# (a build; not the preview, whose server threads make forking unsafe), the bodies are shared
# out to forked workers, each handed the converter and the content when it starts, while the
# files are still being read.

PARALLEL_FROM = 200  # bodies: fewer are converted in this process


class Converting:
    """Every body converted, once: ``add`` each as its file is read, then ``finish`` (with the
    bodies known only at the end, the docs pages) gives what each became, by path. Where forking
    is safe and PARALLEL_FROM bodies come, forked workers convert them meanwhile; where none can
    start or one fails, what they did not give back is converted in this process, and
    ``fallback`` says why (the build logs it)."""

    BATCH = 50  # bodies sent to a worker at once

    def __init__(self, converter: Converter, content, workers: int | None = None):
        self._converter, self._content = converter, content
        self._workers = workers or min(4, os.cpu_count() or 1)
        self._bodies: dict[str, str] = {}  # path -> text, every body added
        self._pending: list = []  # (path, text) not sent to a worker yet
        self._futures: list = []
        self._pool: ProcessPoolExecutor | None = None
        self._ahead = self._workers > 1 and "fork" in multiprocessing.get_all_start_methods()
        self.fallback: str | None = None

    def add(self, path: str, text: str) -> None:
        self._bodies[path] = text
        if not self._ahead:
            return
        self._pending.append((path, text))
        try:
            if self._pool is None and len(self._pending) >= PARALLEL_FROM:
                if threading.active_count() > 1:  # the preview's server threads: no fork, not a failure
                    self._stop()
                    return
                self._pool = ProcessPoolExecutor(
                    self._workers,
                    mp_context=multiprocessing.get_context("fork"),
                    initializer=_start_worker,
                    initargs=(self._converter, self._content),
                )
            if self._pool is not None and len(self._pending) >= self.BATCH:
                self._send()
        except Exception as error:  # noqa: BLE001 - no worker can start: every body is converted here
            self._stop(f"no worker process could start ({error!r})")

    def finish(self, more=()) -> dict:
        """What each body added and each of ``more`` (path, text; those not added already)
        became: (html, toc, scan, cleaned) as _convert_one gives it, or the Invalid it raised."""
        for path, text in more:
            if path not in self._bodies:
                self.add(path, text)
        done = {}
        if self._pool is not None:
            try:
                self._send()
                done = {path: result for future in self._futures for path, result in future.result()}
            except Exception as error:  # noqa: BLE001 - a worker that fails is no reason to stop: convert here
                self.fallback = f"a worker process failed ({error!r})"
                done = {}
            finally:
                self._stop(self.fallback)
        for path, text in self._bodies.items():
            if path not in done:
                done[path] = _convert_one(self._converter, text, _sizer(self._content, path))
        return done

    def _send(self) -> None:
        if self._pending:
            self._futures.append(self._pool.submit(_convert_paths, self._pending))
            self._pending = []

    def _stop(self, why: str | None = None) -> None:
        """No more converting ahead: the workers end; ``why`` where it is a failure."""
        self._ahead, self._pending = False, []
        self.fallback = self.fallback or why
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)
            self._pool = None


_worker: tuple = ()  # in a worker process only: the converter and the content it was started with


def _start_worker(converter: Converter, content) -> None:
    global _worker
    _worker = (converter, content)


def _convert_paths(bodies: list) -> list:
    converter, content = _worker
    return [(path, _convert_one(converter, text, _sizer(content, path))) for path, text in bodies]


def _convert_one(converter: Converter, text: str, size) -> tuple | Invalid:
    """The HTML, table of contents and scan of a body, and whether the HTML is cleaned already:
    it is where it holds no relative or web address (which only the whole content can rewrite:
    a web address may be the site's own)."""
    try:
        html, toc = converter.convert(text, size)
    except Invalid as error:
        return error
    scan = safehtml.scan(html)
    relative = []
    cleaned = safehtml.clean(html, lambda tag, name, address: relative.append(address) or address)
    return (html, toc, scan, False) if relative else (cleaned, toc, scan, True)


def _target(page_path: str, address: str) -> tuple[str | None, str]:
    """The repository path a relative address in the file at ``page_path`` leads to (None for
    the page itself) and its anchor."""
    parts = urlsplit(address)
    if not parts.path:
        return None, parts.fragment
    folder = posixpath.dirname(page_path)
    return posixpath.normpath(posixpath.join(folder, unquote(parts.path))), parts.fragment


def _link(
    content, tr, address: str, attribute: str, translations: dict, scans: dict, pages: dict
) -> Message | str | None:
    """What is wrong with a link, or None. For a link on this site to no editor's file (a page
    the build makes, or none), its site address: checked once the plan is made (check_site_links)."""
    site = addresses.on_site(content.settings.site_url, address) if attribute != "src" else None
    if site is not None:
        return _site_link(content, tr, address, site, pages, scans)
    if urlsplit(address).scheme:
        return None  # another site
    path, anchor = _target(tr.path, address)
    if attribute == "src" or (path and not path.endswith(".md") and path not in content.unreadable):
        try:
            tr.links.add(content.check_file(tr, address, "image" if attribute == "src" else "file"))
        except Invalid as error:
            return error.message
        return None
    if path is None:  # an anchor of this page (or "#top", which every browser knows)
        if not anchor or anchor == "top" or anchor in scans[tr.path][1].ids:
            return None
        if anchor.startswith("fnref:"):  # a footnote's way back to where the text refers to it
            return Message("footnote.unused", name=anchor[len("fnref:") :])
        return _no_anchor(address, anchor, tr.path, scans[tr.path][1].ids)
    target = translations.get(path)
    if target is None and path in content.unreadable:
        return None  # the target's own mistake is reported
    if target is None:
        return Message("link.missing", address=address)
    return _to_page(content, tr, address, target, anchor, scans)


def _site_link(content, tr, address: str, site, pages: dict, scans: dict) -> Message | str | None:
    """A link from the site root or the site's full address: to an editor's page, checked as a
    link to its file is; to any other address, that address (checked once the plan is made)."""
    url = addresses.page(site.path)
    if url not in pages:
        return url
    item, code = pages[url]
    target = item.translations.get(code)
    if target is not None:
        return _to_page(content, tr, address, target, site.fragment, scans)
    if item.unreadable or not item.translations:
        return None  # the page's own file has a mistake, reported there
    written = next(iter(item.translations.values()))
    return Message("link.untranslated", address=address, path=_source(tr, written.path))


def _to_page(content, tr, address: str, target, anchor: str, scans: dict) -> Message | None:
    """What is wrong with a link to the page of ``target`` (a translation), or None."""
    if target.item.draft and not tr.item.draft and not content.include_drafts:
        return Message("link.draft", address=address)
    if anchor and target.path in scans and anchor not in scans[target.path][1].ids:
        return _no_anchor(address, anchor, target.path, scans[target.path][1].ids)
    return None


def _no_anchor(address: str, anchor: str, path: str, ids: set) -> Message:
    """A link to an anchor the page does not have; where the anchor is a heading written as it
    reads ("#semināra-mērķi", as GitHub makes it), the id the site gives that heading is suggested."""
    written = unquote(anchor)
    hint = did_you_mean(slugify(written, "-"), ids, "#") or did_you_mean(written, ids, "#")
    return Message("link.anchor", address=address, anchor=anchor, path=path, hint=hint)


def _pages(content) -> dict:
    """The site address of every page an editor's file makes, and of those it would make in the
    languages it is not written in: address -> (item, language code)."""
    pages = {}
    everything = (*content.items.values(), *content.docs.values())
    for item in everything:
        for code, tr in item.translations.items():
            pages.setdefault(tr.url, (item, code))
    for item in everything:
        for lang in content.settings.languages:
            if lang.code not in item.translations:
                if item.collection == "docs":
                    url = addresses.doc(lang, item.slug.split("/"))
                else:
                    url = addresses.item(lang, item.collection, item.slug)
                pages.setdefault(url, (item, lang.code))
    return pages


def _source(tr, path: str) -> str:
    """The repository file at ``path`` as a link in the file of ``tr`` writes it."""
    return posixpath.relpath(path, posixpath.dirname(tr.path))


@dataclass(eq=False)
class SiteLink:
    """A body link from the site root or the site's address to no editor's page: a page the
    build makes (a section, the timeline, a theme, a feed, …) or none."""

    tr: object  # the Translation whose body holds it
    address: str  # as written
    url: str  # the site address it leads to
    line: int  # its line in the file


def check_site_links(content, published: dict) -> None:
    """Once the page plan is made: each SiteLink to an address the build does not publish is a
    mistake at its line. ``published``: every site address of the build's pages and files -> the
    repository file of an editor's page there (None for the others)."""
    mistakes = []
    for link in content.site_links:
        if link.url not in published:
            message = Message("link.page", address=link.address, hint=_nearest(link, published))
            mistakes.append(Mistake(link.tr.path, link.line, "body", message))
    content.site_links = []
    if mistakes:
        content.mistakes = sorted({*content.mistakes, *mistakes})


def _nearest(link: SiteLink, published: dict) -> Message | str:
    """A "did you mean" for a misspelt address: the nearest published address beside it (anywhere,
    where none is beside it), written as the link should be: its source file, else its address."""
    parent = posixpath.dirname(link.url.rstrip("/"))
    beside = {
        posixpath.basename(u.rstrip("/")): u for u in published if u and posixpath.dirname(u.rstrip("/")) == parent
    }
    if beside:
        url = beside.get(close_match(posixpath.basename(link.url.rstrip("/")), beside))
    else:
        url = close_match(link.url, published)
    if url is None:
        return ""
    source = published[url]
    return Message("hint.did_you_mean", choice=_source(link.tr, source) if source else f"/{url}")


def _rewrite(content, tr, address: str, translations: dict, pages: dict) -> str | None:
    """A relative address, or one on this site, as the published page reaches it: relative, so
    that it works wherever the site is served (a project site's address has a folder), and an
    anchor of an editor's page as its body publishes it (safehtml.anchor)."""
    site = addresses.on_site(content.settings.site_url, address)
    if site is not None:
        url = addresses.page(site.path)
        query = f"?{site.query}" if site.query else ""
        fragment = f"#{site.fragment}" if site.fragment else ""
        if site.fragment and url in pages:
            fragment = f"#{safehtml.anchor(site.fragment)}"
        return addresses.relative(tr.url, url) + query + fragment
    if urlsplit(address).scheme:
        return address  # another site
    path, anchor = _target(tr.path, address)
    if path is None:
        return address
    target = translations.get(path)
    if target is not None:
        fragment = f"#{safehtml.anchor(anchor)}" if anchor else ""
        return addresses.relative(tr.url, target.url) + fragment
    if path in tr.links:
        return addresses.relative(tr.url, addresses.media(path))
    return None  # a link found wrong above: nothing is published anyway


def _sizer(content, page_path: str) -> Callable[[str], tuple[int, int] | None]:
    """The published size of an image a body at ``page_path`` shows, by its address."""

    def size(src: str) -> tuple[int, int] | None:
        path, _ = _target(page_path, src) if not urlsplit(src).scheme else (None, "")
        return content.image_size(path) if path else None

    return size
