"""When items and pages last changed, from the repository's history: the feeds, the calendar, the
sitemap and the structured data all tell the same dates. One object per build."""

from __future__ import annotations

import datetime as dt
from functools import cached_property

from ..model.content import Content
from ..model.items import Item
from ..outputs import history


class Changes:
    """``changed(item)``: when an item's content last changed; ``lastmod(page)``: a page's, for the sitemap."""

    def __init__(self, content: Content):
        self.content = content
        self._items: dict = {}  # item key -> when it last changed: asked for by each page and feed that shows it

    @cached_property
    def history(self) -> history.History:
        """When the repository's files changed: one Git command per build, run when first needed."""
        return history.History.read(self.content.settings.root, history.source_date_epoch())

    def changed(self, item: Item) -> dt.datetime:
        """When an item's content last changed: its file in every language and what they show."""
        if item.key not in self._items:
            translations = item.translations.values()
            paths = {tr.path for tr in translations} | {path for tr in translations for path in tr.media()}
            self._items[item.key] = self.history.last(sorted(paths)) or self.history.newest()
        return self._items[item.key]

    def lastmod(self, page) -> str | None:
        """A page's last change for the sitemap, from the same dates as the feeds; None where unknown."""
        moment = self._page_changed(page)
        return history.stamp(moment) if moment else None

    def _page_changed(self, page) -> dt.datetime | None:
        if page.kind == "search":  # the search page's own text is the site's strings
            return None
        if page.sources is not None:  # an item's or a docs page: its files and those it links to
            shown = [self.history.last(page.sources), self.changed(page.translation.item)]
            return max(moment for moment in shown if moment)
        if page.kind in ("index", "timeline"):  # a listing, a term's page or a timeline view: its entries
            return max((self.changed(tr.item) for tr in page.entries), default=None)
        # the home page, a phase's page, the terms' index: the whole content
        items = [*self.content.items.values(), *self.content.docs.values()]
        return max((self.changed(item) for item in items), default=self.history.newest())
