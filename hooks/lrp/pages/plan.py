"""The pages of the site per language, worked out once per build from the content."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from ..base import addresses
from ..base.errors import Mistake
from ..base.messages import Message
from ..base.settings import COLLECTIONS, Language
from ..contract import bodies
from ..model.content import Content
from ..model.items import Translation, in_date_order
from . import timeline
from .strings import Strings


@dataclass(eq=False)
class Switch:
    """One entry of the language switcher."""

    lang: Language
    url: str
    translated: bool


@dataclass(eq=False)
class PlannedPage:
    """A page to build. ``src_uri`` is the repository path for files editors wrote."""

    src_uri: str
    url: str
    lang: Language
    kind: str  # item, doc, home or index
    template: str
    title: str
    summary: str = ""
    body: str = ""
    translation: Translation | None = None
    section: str | None = None
    entries: list = field(default_factory=list)
    number: int = 1
    count: int = 1
    alternates: dict = field(default_factory=dict)  # lang code -> url of real translations
    switch: list = field(default_factory=list)
    draft: bool = False
    base: str = ""  # address of the first page of a paginated listing
    term: str | None = None  # theme and place pages: the vocabulary id they list
    chosen: timeline.Filter | None = None  # timeline pages: the filter of a static filtered view
    links: list = field(default_factory=list)  # (type, title, url) of exports declared in the head
    # Repository files whose content the page shows; None where it shows the whole content.
    sources: tuple[str, ...] | None = None

    @property
    def untranslated(self) -> bool:
        """Whether another language of the site lacks this page (its switcher link says so)."""
        return any(not link.translated for link in self.switch)

    @property
    def dest_uri(self) -> str:
        return f"{self.url}index.html"

    def page_url(self, number: int) -> str:
        """Address of another page of a paginated listing."""
        return addresses.numbered(self.base, number)

    def page_numbers(self, around: int = 2) -> list[int | None]:
        """The pages a paginated listing links to: the first, the last and those near this one,
        None where numbers are left out. Their count does not grow with the listing's length."""
        near = range(max(1, self.number - around), min(self.count, self.number + around) + 1)
        numbers: list[int | None] = []
        for number in sorted({1, self.count, *near}):
            if numbers and number - numbers[-1] > 1:
                numbers.append(None)
            numbers.append(number)
        return numbers


@dataclass(frozen=True)
class Export:
    """A generated file that is not a page: the timeline's JSON and iCalendar, the Atom feed,
    and once for the whole site (with the default language) robots.txt, the sitemap and the
    browser editor's page and configuration (``EDITOR``, written by the build's editor engine)."""

    dest_uri: str
    kind: str  # json, ics, atom, robots, sitemap, admin or editor-config
    lang: Language


# Exports the timeline page offers for download and declares in its head.
TIMELINE_EXPORTS = ("json", "ics", "atom")
# What each export is, as a <link rel="alternate" type> declares it.
MEDIA_TYPES = {
    "json": "application/json",
    "ics": "text/calendar",
    "atom": "application/atom+xml",
    "robots": "text/plain",
    "sitemap": "application/xml",
}


# The browser editor at /admin/ (reserved: addresses.ADMIN): its page and its configuration, one for
# all languages. Exports, not pages: no navigation, search, sitemap or feed lists them.
EDITOR = ("admin", "editor-config")


# Pages whose content search indexes: items, docs pages and the home pages.
SEARCHED = ("item", "doc", "home")


@dataclass
class SitePlan:
    pages: list
    by_src: dict
    homes: dict  # lang code -> PlannedPage
    indexes: dict  # (lang code, section) -> first index PlannedPage
    nav: dict  # lang code -> [PlannedPage]
    exports: list  # Export


def plan_site(content: Content, strings: Strings) -> SitePlan:
    settings = content.settings
    pages: list[PlannedPage] = []
    homes: dict = {}
    indexes: dict = {}
    groups: list[list[PlannedPage]] = []  # pages that are translations of each other

    for item in content.docs.values():
        group = [_doc_page(tr, lang) for lang in settings.languages if (tr := content.translation(item, lang.code))]
        groups.append(group)
        for page in group:
            if item.slug == "index":
                homes[page.lang.code] = page
    for lang in settings.languages:
        if lang.code not in homes:  # a language without docs/index.<lang>.md still gets a home page
            homes[lang.code] = PlannedPage(
                f"_lrp/{lang.code}/index.md",
                addresses.doc(lang, []),
                lang,
                "home",
                "lrp/home.html",
                strings.t(lang.code, "site.name"),
            )
            groups.append([homes[lang.code]])
    for collection in COLLECTIONS:
        first_pages = []
        for lang in settings.languages:
            listing = content.listing(collection, lang.code)
            index_pages = _index_pages(collection, lang, listing, settings.page_size, strings)
            indexes[lang.code, collection] = index_pages[0]
            first_pages.append(index_pages[0])
            groups.extend([number_page] for number_page in index_pages[1:])
        groups.append(first_pages)
    for item in content.items.values():
        groups.append(
            [_item_page(tr, lang) for lang in settings.languages if (tr := content.translation(item, lang.code))]
        )
    for vocabulary in ("themes", "places"):
        per_language = [_term_pages(content, vocabulary, lang, strings) for lang in settings.languages]
        for pages_of_term in zip(*per_language, strict=True):  # the same term in each language
            groups.append([pages[0] for pages in pages_of_term])  # first pages are translations
            groups.extend([page] for pages in pages_of_term for page in pages[1:])
        for lang_pages in per_language:
            indexes[lang_pages[0][0].lang.code, vocabulary] = lang_pages[0][0]
    search = [
        PlannedPage(
            f"_lrp/{lang.code}/search.md",
            addresses.section(lang, "search"),
            lang,
            "search",
            "lrp/search.html",
            strings.t(lang.code, "section.search"),
            strings.t(lang.code, "section.search.summary"),
            section="search",
        )
        for lang in settings.languages
    ]
    groups.append(search)
    indexes.update({(page.lang.code, "search"): page for page in search})
    exports = [export for lang in settings.languages for export in _exports(lang)]
    timelines: dict = {}  # filter (None for the whole timeline) -> its page in each language
    for lang in settings.languages:
        links = [
            (e.kind, strings.t(lang.code, f"timeline.export.{e.kind}"), e.dest_uri)
            for e in exports
            if e.lang is lang and e.kind in TIMELINE_EXPORTS
        ]
        for page in _timeline_pages(content, lang, strings, links):
            timelines.setdefault(page.chosen, []).append(page)
            if page.chosen is None:
                indexes[lang.code, "timeline"] = page
    groups.extend(timelines.values())

    for group in groups:
        alternates = {page.lang.code: page.url for page in group}
        for page in group:
            page.alternates = alternates
            page.switch = [
                _switch(page, other, alternates, homes, indexes)
                for other in settings.languages
                if other is not page.lang
            ]
            pages.append(page)

    for page in pages:  # a phase's docs page lists its activities: it shows the whole content
        if page.kind == "item" or (page.kind == "doc" and not page.translation.item.value("project")):
            page.sources = _sources(page.translation.item, content.phases)

    pages = _claim(content, pages, exports)
    _check_links(content, pages, exports)
    by_src = {page.src_uri: page for page in pages}
    nav = {lang.code: _nav(lang, settings.nav, content, by_src, homes, indexes) for lang in settings.languages}
    return SitePlan(pages, by_src, homes, indexes, nav, exports)


def _claim(content: Content, pages: list[PlannedPage], exports: list[Export]) -> list[PlannedPage]:
    """Each page the build makes (listings and their numbered pages, term pages, timeline views,
    search) and each export takes its address in the content's register, where the editors'
    files took theirs. A file whose address a generated page needs is a mistake naming both, and
    its page is left out: nothing is overwritten."""
    files = content.by_path()
    mistakes, clashing = [], set()
    for owner, url in [(_described(page), page.url) for page in pages if page.translation is None] + [
        (Message("part.owner.export", kind=export.kind, dest=export.dest_uri), export.dest_uri)
        for export in exports
        if export.kind not in EDITOR  # under the reserved admin/
    ]:
        earlier = content.register.claim(url, owner)
        tr = files.get(earlier)
        if tr is not None:
            clashing.add(tr.path)
            field = "slug" if tr.collection == "docs" and "slug" in tr.own else "file name"
            line = tr.meta.line("slug") if field == "slug" else 1
            message = Message("file.address_needed", url=url, owner=owner)
            mistakes.append(Mistake(tr.path, line or 1, field, message))
        elif earlier:
            clash = Message("config.addresses", url=url, earlier=earlier, owner=owner)
            mistakes.append(Mistake("mkdocs.yml", 1, "addresses", clash))
    if mistakes:
        content.mistakes = sorted({*content.mistakes, *mistakes})
    return [page for page in pages if page.src_uri not in clashing]


def _check_links(content: Content, pages: list[PlannedPage], exports: list[Export]) -> None:
    """Body links from the site root or the site's address to pages no editor's file makes lead
    to a page or file of this plan (bodies.check_site_links)."""
    published = {page.url: page.translation.path if page.translation else None for page in pages}
    published.update((export.dest_uri, None) for export in exports)
    published.update((export.dest_uri.removesuffix("index.html"), None) for export in exports if export.kind == "admin")
    published.update((addresses.media(path), None) for path in content.published_media())
    bodies.check_site_links(content, published)


def _described(page: PlannedPage) -> Message:
    """A generated page in words, for a mistake that names it."""
    if page.number > 1:
        return Message("part.owner.listing", number=page.number, section=page.section, base=page.base)
    if page.section and page.url == addresses.section(page.lang, page.section):
        return Message("part.owner.section", section=page.section)  # as the content's register names it
    if page.term:
        return Message("part.owner.term", section=page.section, term=page.term)
    return Message("part.owner.page", kind=page.kind, url=page.url)


def _sources(item, phases: dict) -> tuple[str, ...]:
    """The files an item's page shows: the item's own in every language (its switcher and
    alternates say which exist) and those of the items and the phase page it links to."""
    linked = [item, *item.related, *item.launched, item.launch, phases.get(item.value("project"))]
    return tuple(sorted({tr.path for other in linked if other for tr in other.translations.values()}))


def _doc_page(tr: Translation, lang: Language) -> PlannedPage:
    home = tr.item.slug == "index"
    return PlannedPage(
        tr.path,
        tr.url,
        lang,
        "home" if home else "doc",
        "lrp/home.html" if home else "lrp/page.html",
        tr.title,
        tr.summary,
        tr.body,
        tr,
        draft=tr.item.draft,
    )


def _item_page(tr: Translation, lang: Language) -> PlannedPage:
    return PlannedPage(
        tr.path,
        tr.url,
        lang,
        "item",
        f"lrp/{tr.collection}.html",
        tr.title,
        tr.summary,
        tr.body,
        tr,
        section=tr.collection,
        draft=tr.item.draft,
    )


def _index_pages(collection: str, lang: Language, listing: list, size: int, strings: Strings) -> list[PlannedPage]:
    title, summary = (
        strings.t(lang.code, f"section.{collection}"),
        strings.t(lang.code, f"section.{collection}.summary"),
    )
    return _listing_pages(
        f"{lang.code}/{collection}",
        addresses.section(lang, collection),
        lang,
        listing,
        size,
        strings,
        title,
        summary,
        collection,
    )


def _listing_pages(
    key: str,
    base: str,
    lang: Language,
    listing: list,
    size: int,
    strings: Strings,
    title: str,
    summary: str,
    section: str,
    term: str | None = None,
) -> list[PlannedPage]:
    """A listing split into pages of ``size`` entries: ``base``, ``base/2/``, …"""
    count = max(1, math.ceil(len(listing) / size))
    return [
        PlannedPage(
            f"_lrp/{key}/{number}.md",
            addresses.numbered(base, number),
            lang,
            "index",
            "lrp/section.html",
            title if number == 1 else strings.t(lang.code, "pagination.title", title=title, number=number),
            summary,
            section=section,
            entries=listing[(number - 1) * size : number * size],
            number=number,
            count=count,
            base=base,
            term=term,
        )
        for number in range(1, count + 1)
    ]


def _term_pages(content: Content, vocabulary: str, lang: Language, strings: Strings) -> list[list[PlannedPage]]:
    """An index of a vocabulary (themes, places) and a paginated listing per term, newest first."""
    buckets: dict[str, list[Translation]] = {term_id: [] for term_id in content.vocab.get(vocabulary)}
    for collection in COLLECTIONS:
        for tr in content.listing(collection, lang.code):
            for term_id in tr.get(vocabulary) or ():
                buckets[term_id].append(tr)
    base = addresses.section(lang, vocabulary)
    title = strings.t(lang.code, f"section.{vocabulary}")
    index = PlannedPage(
        f"_lrp/{lang.code}/{vocabulary}/index.md",
        base,
        lang,
        "terms",
        "lrp/terms.html",
        title,
        strings.t(lang.code, f"section.{vocabulary}.summary"),
        section=vocabulary,
        base=base,
    )
    groups = [[index]]
    for term_id, entries in buckets.items():
        entries = in_date_order(entries, newest_first=True)
        term = content.vocab.get(vocabulary)[term_id]
        label = term.label(lang.code, content.settings.default.code)
        index.entries.append((term, len(entries)))
        groups.append(
            _listing_pages(
                f"{lang.code}/{vocabulary}/{term_id}",
                addresses.term(lang, vocabulary, term_id),
                lang,
                entries,
                content.settings.page_size,
                strings,
                label,
                strings.t(lang.code, f"section.{vocabulary}.term", label=label),
                vocabulary,
                term_id,
            )
        )
    return groups


def _timeline_pages(content: Content, lang: Language, strings: Strings, links: list) -> list[PlannedPage]:
    """The whole timeline, and a static filtered view per facet value for visitors without script."""
    items = timeline.entries(content, lang.code)
    base = addresses.section(lang, "timeline")
    title = strings.t(lang.code, "section.timeline")
    summary = strings.t(lang.code, "section.timeline.summary")
    pages = [
        PlannedPage(
            f"_lrp/{lang.code}/timeline/index.md",
            base,
            lang,
            "timeline",
            "lrp/timeline.html",
            title,
            summary,
            section="timeline",
            entries=items,
            links=links,
        )
    ]
    for facet, facet_values in timeline.filters(items).items():
        if facet not in timeline.STATIC_FACETS:
            continue
        for value in facet_values:
            chosen = timeline.Filter(facet, value)
            label = timeline.label(content, strings, lang.code, chosen)
            pages.append(
                PlannedPage(
                    f"_lrp/{lang.code}/timeline/{facet}/{value}.md",
                    addresses.timeline_view(lang, facet, value),
                    lang,
                    "timeline",
                    "lrp/timeline.html",
                    strings.t(lang.code, "timeline.filtered_title", title=title, label=label),
                    summary,
                    section="timeline",
                    entries=timeline.matching(items, chosen),
                    chosen=chosen,
                    links=links,
                )
            )
    return pages


def _exports(lang: Language) -> list[Export]:
    """A language's exports; the default language (at the site root) also has the site's robots.txt
    and sitemap (written at the end of the build, after the pages search waits for)."""
    kinds = (*TIMELINE_EXPORTS, "robots", "sitemap") if not lang.prefix else TIMELINE_EXPORTS
    exports = [Export(addresses.export(lang, kind), kind, lang) for kind in kinds]
    return exports + ([Export(addresses.export(lang, kind), kind, lang) for kind in EDITOR] if not lang.prefix else [])


def _switch(page: PlannedPage, other: Language, alternates: dict, homes: dict, indexes: dict) -> Switch:
    if other.code in alternates:
        return Switch(other, alternates[other.code], True)
    if page.section:
        return Switch(other, indexes[other.code, page.section].url, page.kind == "index")
    return Switch(other, homes[other.code].url, False)


def _nav(
    lang: Language, entries: tuple, content: Content, by_src: dict, homes: dict, indexes: dict
) -> list[PlannedPage]:
    """The sections of a language's navigation, in the order mkdocs.yml gives."""
    nav = []
    for entry in entries:
        if entry == "index":
            nav.append(homes[lang.code])
        elif (lang.code, entry) in indexes:
            nav.append(indexes[lang.code, entry])
        else:
            tr = content.translation(content.docs.get(entry), lang.code)
            if tr:
                nav.append(by_src[tr.path])
    return nav
