"""What templates read, as ``lrp_site``: texts, labels, dates, addresses, the fragments rendered
once per build, the chart, the map and the lists. One object per build.

Beside it, each an object of its own: the change dates (``changes``: the sitemap's lastmod), the
link-preview pictures (``previews``) and the schema.org data (``structured``), which the page head
and the sitemap reach through it, and the exports (lrp/pages/exports.py), which are made from it.
"""

from __future__ import annotations

import json
from collections import Counter
from functools import cache

from babel import Locale
from babel.numbers import format_decimal
from markupsafe import Markup

from ..base import addresses
from ..base.dates import PartialDate, format_span, search_words, span_parts
from ..model.content import Content
from ..model.items import Item, Translation
from . import chart, geo, timeline, written
from .changes import Changes
from .plan import MEDIA_TYPES, SEARCHED, SitePlan
from .previews import LinkPreviews
from .strings import Strings
from .structured_data import StructuredData

ROOT = "\x00root\x00"  # stands for the way to the site root in HTML rendered once for many pages
SLOT = "\x00slot\x00"  # where a timeline entry rendered once takes what a list puts in it


class SiteView:
    def __init__(self, content: Content, plan: SitePlan, strings: Strings, site_url: str, *, outlines: tuple):
        self.content = content
        self.outlines = outlines  # the map's, read and checked with the content
        self.plan = plan
        self.strings = strings
        self.site_url = site_url.rstrip("/") + "/"
        self.settings = content.settings
        self.searched = SEARCHED  # kinds of page whose content search indexes
        self.changes = Changes(content)
        self.previews = LinkPreviews(content, plan, strings, self.site_url)
        self.structured = StructuredData(content, plan, strings, self.site_url, self.changes)
        self._timelines: dict = {}  # lang -> timeline entries, once per build
        self._filters: dict = {}  # lang -> facet values of its timeline: asked for by every timeline view
        self._dates: dict = {}  # (date, end, language) -> date text parts
        # (template, translation path, level) -> HTML with ROOT for the site root; a timeline
        # entry's also without its SLOT, under (that key, "plain")
        self._fragments: dict = {}
        self._whens: dict = {}  # (date, end, language) -> the date as HTML
        self._placed: dict = {}  # (fragment or shared key, base_url) -> its HTML for pages at that depth
        self._shared: dict = {}  # (template, lang, active) or a terms list's key -> HTML with ROOT for the site root
        self._charts: dict = {}  # (lang, project, compact) -> the chart's HTML with ROOT, once per build
        self._names = written.names(content.vocab, self.settings.default.code)  # terms by their default form
        self.env = None  # the build's Jinja environment, set by the hooks
        self.config = None  # the theme's configuration as templates see it, set by the hooks
        self.theme = None  # what templates take from the theme's insides (styles, t, icon), set by the hooks

    def fragment(self, template: str, tr: Translation, base_url: str, level: int | None = None) -> Markup:
        """An item's card or timeline entry: rendered once per build, its links made relative to
        the page that shows it (``base_url`` is the page's way to the site root, as MkDocs gives it).
        It is given the item's ``when`` and a heading ``level`` where it has one."""
        key = (template, tr.path, level)
        if key not in self._fragments:
            self._fragments[key] = self.env.get_template(template).render(
                entry=tr, code=tr.lang, root=ROOT, when=self.when(tr), level=level
            )
        return self._placed_for(key, self._fragments[key], base_url)

    def timeline_entry(self, tr: Translation, base_url: str, marks: Markup | None = None) -> Markup:
        """A timeline entry, its <li> and its text (lrp/partials/timeline-entry.html): rendered
        once per build, its links made relative to the page, ``marks`` (a year's heading, the
        "today" marker) in its slot."""
        key = ("lrp/partials/timeline-entry.html", tr.path, None)
        if key not in self._fragments:
            html = self.env.get_template(key[0]).render(
                entry=tr, code=tr.lang, root=ROOT, when=self.when(tr), slot=Markup(SLOT)
            )
            self._fragments[key] = html
            self._fragments[key, "plain"] = html.replace(SLOT, "")
        if marks is None:  # most entries
            return self._placed_for((key, "plain"), self._fragments[key, "plain"], base_url)
        placed = str(self._placed_for(key, self._fragments[key], base_url))  # str: Markup.replace would escape
        return Markup(placed.replace(SLOT, Markup(marks)))

    def when(self, tr: Translation) -> Markup:
        """An item's date as HTML (lrp/partials/when.html), shown on its page, its cards and its
        timeline entry: rendered once per build for each date (and end) in a language."""
        key = (tr.date, tr.end, tr.lang)
        if key not in self._whens:
            self._whens[key] = Markup(self.env.get_template("lrp/partials/when.html").render(entry=tr))
        return self._whens[key]

    def kindred(self, lang: str) -> str:
        """The language's kindred words for search (data/search/kindred.<lang>.yml) as JSON."""
        return json.dumps(self.content.kindred.get(lang, {}), ensure_ascii=False, separators=(",", ":"))

    def search_dates(self, tr: Translation) -> str:
        """An item's date as visitors type it, for the search index (item.html: hidden text)."""
        return search_words(tr.date, tr.end, self.settings.language(tr.lang).locale) if tr.date else ""

    def shared(
        self, template: str, lang: str, base_url: str, active: str | None = None, phase: str | None = None
    ) -> Markup:
        """What many pages of a language share (the head's links, the header's fixed parts, the
        drawer's navigation, the footer): rendered once per build, language, active navigation
        entry and funded phase, its links made relative to the page that shows it."""
        values = {"code": lang, "active": active, "phase": phase, "config": self.config}
        return self._once((template, lang, active, phase), template, values, base_url)

    def terms(self, vocabulary: str, terms, lang: str, base_url: str) -> Markup:
        """An item's places or themes, each a link to its page where it has one
        (lrp/partials/terms.html): rendered once per build for each list of terms in a language."""
        template = "lrp/partials/terms.html"
        values = {"vocabulary": vocabulary, "terms": terms, "code": lang}
        return self._once((template, vocabulary, tuple(terms), lang), template, values, base_url)

    def _once(self, key: tuple, template: str, values: dict, base_url: str) -> Markup:
        """``template`` rendered with ``values`` (and ROOT) the first time ``key`` is asked for,
        then made relative to the page at ``base_url``."""
        if key not in self._shared:
            self._shared[key] = self.env.get_template(template).render(values, root=ROOT)
        return self._placed_for(key, self._shared[key], base_url)

    def _placed_for(self, key: tuple, html: str, base_url: str) -> Markup:
        """HTML rendered once, for a page at ``base_url``: made once per way to the root (a site
        has a few depths, and a page of each shows the same chrome and many of the same cards)."""
        if (key, base_url) not in self._placed:
            self._placed[key, base_url] = _relative(html, base_url)
        return self._placed[key, base_url]

    def nav_key(self, page) -> str | None:
        """The navigation entry a page is, if it is one (it is then marked as the current page)."""
        if not page:  # the 404 page
            return None
        return page.url if any(entry is page for entry in self.plan.nav[page.lang.code]) else None

    def theme_styles(self) -> Markup:
        """The theme's own stylesheet links, with ROOT for the way to the site root."""
        return Markup(self.theme.styles(ROOT))

    def material_t(self, lang: str, key: str) -> str:
        """One of the theme's UI strings in a language, else in English."""
        return self.theme.t(lang, key)

    def icon(self, name: str) -> Markup:
        """One of the theme's bundled SVG icons, such as "material/menu"."""
        return self.theme.icon(name)

    def timeline(self, lang: str) -> list[Translation]:
        if lang not in self._timelines:
            self._timelines[lang] = timeline.entries(self.content, lang)
        return self._timelines[lang]

    def language_name(self, code: str, lang: str) -> str:
        """The name of a language (of a work) in the page's language, else its code."""
        key = f"language.{code}"
        name = self.strings.t(lang, key)
        return code if name == key else name

    def t(self, lang: str, key: str, **values) -> str:
        return self.strings.t(lang, key, **values)

    def texts(self, lang: str) -> dict:
        return self.strings.table(lang)

    def when_parts(self, tr: Translation) -> tuple[str, ...]:
        """The date text in one or three parts (start, separator, end) for two <time> elements."""
        key = (tr.date, tr.end, tr.lang)
        if key not in self._dates:  # an item is listed on several pages, and many share a date: format it once
            self._dates[key] = span_parts(tr.date, tr.end, self.settings.language(tr.lang).locale)
        return self._dates[key]

    # ---- texts in another language than the page's (lrp/pages/written.py states the rule) ----

    def written_in(self, tr: Translation, name: str, value=None) -> str | None:
        """The language a field's text (or ``value``, one entry of it) on ``tr``'s page is written
        in where that is not the page's, else None."""
        return written.field_language(tr, name, value, default=self.settings.default.code)

    def term_written_in(self, vocabulary: str, term_id: str, lang: str) -> str | None:
        term = self.content.vocab.get(vocabulary).get(term_id)
        return written.term_language(term, lang, default=self.settings.default.code)

    def name_in(self, tr: Translation, name: str, value: str) -> tuple[str, str | None]:
        """A name (author, partner, publisher) as ``tr``'s page shows it: translated where a
        vocabulary gives both forms, else as written, with its language where not the page's."""
        translated = written.translated_name(self._names, value, tr.lang, default=self.settings.default.code)
        return (translated, None) if translated else (value, self.written_in(tr, name, value))

    def label(self, vocabulary: str, term_id: str, lang: str) -> str:
        term = self.content.vocab.get(vocabulary).get(term_id)
        return term.label(lang, self.settings.default.code) if term else term_id

    def page_url(self, item: Item | None, lang: str) -> str | None:
        """Address of an item in a language, or None where it is not published in it."""
        tr = self.content.translation(item, lang)
        return tr.url if tr else None

    def related(self, tr: Translation) -> list[Translation]:
        return self._shown(tr.item.related, tr.lang)

    def launched(self, tr: Translation) -> list[Translation]:
        return self._shown(tr.item.launched, tr.lang)

    def launch(self, tr: Translation) -> Translation | None:
        return self.content.translation(tr.item.launch, tr.lang)

    def doc_url(self, path: str, lang: str) -> str | None:
        """Address of a docs/ page in a language, or None."""
        return self.page_url(self.content.docs.get(path), lang)

    def project_page(self, project_id: str | None, lang: str) -> Translation | None:
        """The docs page of a project phase in a language, or None."""
        return self.content.translation(self.content.phases.get(project_id), lang)

    def funded_phase(self, page) -> str | None:
        """The project phase whose funding statement a page's footer carries: the phase of the
        page's own item or docs page, where data/projects.yml gives it a funding text in the page's
        language; else None (the footer's statement then names no phase)."""
        tr = page.translation if page else None
        term = self.content.vocab.projects.get(tr.get("project")) if tr else None
        return term.id if term and term.funding.get(tr.lang) else None

    def funding(self, phase: str | None, lang: str) -> str:
        """A footer's funding statement: the phase's own (see funded_phase), else one naming no phase."""
        term = self.content.vocab.projects.get(phase) if phase else None
        return term.funding[lang] if term else self.strings.t(lang, "footer.funding")

    def latest(self, collection: str, lang: str, count: int = 3) -> list[Translation]:
        return self.content.listing(collection, lang)[:count]

    def featured(self, lang: str) -> Translation | None:
        publications = self.content.listing("publications", lang)
        return next((tr for tr in publications if tr.get("featured")), publications[0] if publications else None)

    # ---- the picture of the project's years, key results -----------------------------------

    def phases(self) -> dict:
        """The project phases (id -> Term), earliest first; phases without dates after them."""
        terms = self.content.vocab.projects
        order = sorted(terms, key=lambda pid: (terms[pid].date is None, terms[pid].date or 0, pid))
        return {pid: terms[pid] for pid in order}

    def chart(self, lang: str, base_url: str, project: str | None = None, compact: bool = False) -> Markup:
        """The chart of a language's activities (or of one phase's), drawn once per build and
        form; its links made relative to the page that shows it. Empty where nothing is dated."""
        entries = self.timeline(lang) if project is None else self.project_entries(project, lang)
        compact = chart.drawn_compact(entries, compact)  # a long timeline's chart is the home page's
        key = (lang, project, compact)
        if key not in self._charts:
            phases = self.phases()
            if project is not None:
                phases = {project: phases[project]} if project in phases else {}
            geometry = chart.make_chart(
                entries, phases, self.content.today, compact=compact, empty_text=self.texts(lang)["chart.empty"]
            )
            when = {tr.path: "".join(self.when_parts(tr)) for tr in entries}  # each activity's date text
            self._charts[key] = (
                self.env.get_template("lrp/partials/chart.html").render(chart=geometry, code=lang, root=ROOT, when=when)
                if geometry
                else ""
            )
        return _relative(self._charts[key], base_url)

    def span_text(self, start: PartialDate | None, end: PartialDate | None, lang: str) -> str:
        """A date or span in one phrase of the language, at its own precision."""
        return format_span(start, end, self.settings.language(lang).locale) if start else ""

    def phase_url(self, project_id: str, lang: str) -> str | None:
        """Where a phase leads: its docs page, else its view of the timeline, else nowhere."""
        page = self.project_page(project_id, lang)
        if page:
            return page.url
        if project_id in self.filters(lang).get("project", ()):
            return addresses.timeline_view(self.settings.language(lang), "project", project_id)
        return None

    def key_results(self, lang: str) -> list:
        """The figures the home page shows (lrp/pages/chart.py: key_results states the rule), in
        one order in every language: by date, ties by the item's slug (a title differs by language)."""
        entries = sorted(self.timeline(lang), key=lambda tr: (tr.date.sort_key, tr.item.slug))
        return chart.key_results(entries)

    def number(self, value, lang: str) -> str:
        """A figure's value as the language writes numbers (lv 2,5; en 2.5)."""
        return format_decimal(value, locale=self.settings.language(lang).locale)

    # ---- timeline -------------------------------------------------------------------------

    def year_counts(self, entries: list[Translation]) -> dict:
        """How many of the entries fall in each year (by their start)."""
        return Counter(tr.date.year for tr in entries)

    def count_text(self, lang: str, key: str, count: int) -> str:
        """``key.<form>`` with the count, the form (zero, one, other, …) chosen by the language's
        CLDR plural rules; ``key.other`` where the language has no text for that form."""
        form = _plural(self.settings.language(lang).locale, count)
        known = f"{key}.{form}" in self.strings.table(lang)  # the language's, else the default's
        return self.strings.t(lang, f"{key}.{form}" if known else f"{key}.other", count=count)

    def count_forms(self, lang: str, key: str) -> list[tuple[str, str]]:
        """The plural forms of a count text with ``{count}`` left in, for the filter script."""
        table = self.strings.table(lang)  # the language's texts, else the default language's
        forms = ("zero", "one", "two", "few", "many", "other")
        return [(form, table[f"{key}.{form}"]) for form in forms if f"{key}.{form}" in table]

    def facet_label(self, facet: str, value: str, lang: str) -> str:
        return timeline.label(self.content, self.strings, lang, timeline.Filter(facet, value))

    def filters(self, lang: str) -> dict:
        if lang not in self._filters:
            self._filters[lang] = timeline.filters(self.timeline(lang))
        return self._filters[lang]

    def filter_url(self, facet: str, value: str, lang: str) -> str:
        """Where a timeline filter leads without script: a static filtered view, or a theme's or place's page."""
        if facet in timeline.STATIC_FACETS:
            return addresses.timeline_view(self.settings.language(lang), facet, value)
        return self.term_url(timeline.FACETS[facet], value, lang)

    def values(self, tr: Translation, facet: str) -> tuple:
        return timeline.values(tr, facet)

    def is_future(self, tr: Translation) -> bool:
        return timeline.is_future(tr, self.content.today)

    def today(self, lang: str) -> str:
        return format_span(PartialDate(*self.content.today.timetuple()[:3]), None, self.settings.language(lang).locale)

    def upcoming(self, lang: str, count: int = 3) -> list[Translation]:
        return [tr for tr in self.timeline(lang) if self.is_future(tr)][:count]

    def recent(self, lang: str, count: int = 3) -> list[Translation]:
        return [tr for tr in reversed(self.timeline(lang)) if not self.is_future(tr)][:count]

    def project_entries(self, project_id: str, lang: str) -> list[Translation]:
        return timeline.matching(self.timeline(lang), timeline.Filter("project", project_id))

    def media_type(self, kind: str) -> str:
        """The media type of an export, as its <link rel="alternate" type> declares it."""
        return MEDIA_TYPES[kind]

    def place_map(self) -> geo.Map:
        """The map of the places, for the places' index of each language."""
        return geo.make_map(self.outlines, self.content.vocab.places)

    def marker_names(self, place_map: geo.Map, lang: str) -> str:
        return ", ".join(marker.term.label(lang, self.settings.default.code) for marker in place_map.markers)

    def term_url(self, vocabulary: str, term_id: str, lang: str) -> str | None:
        """Address of a theme's or a place's page in a language."""
        index = self.plan.indexes.get((lang, vocabulary))
        known = index and term_id in self.content.vocab.get(vocabulary)
        return addresses.term(self.settings.language(lang), vocabulary, term_id) if known else None

    def feed_url(self, lang: str) -> str:
        """The site address of a language's Atom feed."""
        return next(e.dest_uri for e in self.plan.exports if e.kind == "atom" and e.lang.code == lang)

    def absolute(self, url: str) -> str:
        return self.site_url + url

    def media(self, repo_path: str) -> str:
        """Site address of an image or download, from its repository path."""
        return addresses.media(repo_path)

    def image_size(self, repo_path: str) -> tuple[int, int] | None:
        """Published width and height of an image of the repository, else None."""
        return self.content.image_size(repo_path)

    def _shown(self, items, lang: str) -> list[Translation]:
        return [tr for item in items if (tr := self.content.translation(item, lang))]


@cache
def _locale(name: str) -> Locale:
    return Locale.parse(name)


def _plural(locale: str, count: int) -> str:
    return _locale(locale).plural_form(count)


def _relative(html: str, base_url: str) -> Markup:
    """HTML rendered with ROOT for the site root, for a page whose way to the root is ``base_url``.
    On a page at the root, a link to the root itself is "./", never an empty address."""
    root = "" if base_url in ("", ".") else f"{base_url.rstrip('/')}/"
    if not root:
        html = html.replace(ROOT + '"', './"')
    return Markup(html.replace(ROOT + "/", root).replace(ROOT, root))
