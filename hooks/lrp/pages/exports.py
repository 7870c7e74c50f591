"""The files of a build that are not pages: the timeline's JSON and iCalendar, the Atom feeds,
robots.txt and the sitemap (the plan's exports), written at the end of the build."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from ..base import addresses
from ..base.settings import COLLECTIONS
from ..outputs import feeds
from . import timeline
from .plan import EDITOR, Export
from .view import SiteView


class Exports:
    """``write(site_dir)``: every export of the plan. They are made from what the templates read
    (``view``: its timeline, texts, labels and change dates; the sitemap is a template)."""

    def __init__(self, view: SiteView):
        self.view = view

    def write(self, site_dir: Path) -> None:
        for export in self.view.plan.exports:
            if export.kind in EDITOR:  # the browser editor's, written by the build's editor engine
                continue
            path = site_dir / export.dest_uri
            path.parent.mkdir(parents=True, exist_ok=True)
            content = self.content(export)
            path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))

    def content(self, export: Export) -> str | bytes:
        """The content of an export file."""
        view, code = self.view, export.lang.code
        if export.kind == "robots":
            sitemap = addresses.export(export.lang, "sitemap")
            return f"User-agent: *\nAllow: /\nSitemap: {view.absolute(sitemap)}\n"
        if export.kind == "sitemap":
            return view.env.get_template("lrp/sitemap-xml.html").render()
        if export.kind == "atom":
            return self._feed(code, view.absolute(export.dest_uri))
        items = view.timeline(code)
        if export.kind == "json":
            return timeline.as_json(items, view.absolute)
        return timeline.as_icalendar(
            items,
            view.absolute,
            lambda place: view.label("places", place, code),
            urlsplit(view.site_url).netloc or "localhost",
            lambda tr: view.changes.changed(tr.item),
            view.t(code, "site.name"),
        )

    def _feed(self, code: str, self_url: str) -> bytes:
        """A language's Atom feed: its entries that changed last, with ids that outlive the address."""
        view, changes = self.view, self.view.changes
        authority = view.settings.tag_authority
        entries = []
        for collection in COLLECTIONS:
            for tr in view.content.listing(collection, code):
                url = view.absolute(tr.url)
                entry_id = feeds.entry_id(tr, authority, url)
                entries.append(feeds.Entry(tr, url, entry_id, changes.changed(tr.item), changes.history.first(tr.path)))
        home = view.absolute(view.plan.homes[code].url)
        return feeds.atom(
            feeds.newest(entries),
            title=view.t(code, "site.name"),
            lang=code,
            identifier=feeds.feed_id(code, authority, home),
            home=home,
            self_url=self_url,
            labels=lambda collection: view.t(code, f"collection.{collection}"),
            updated=changes.history.newest(),
        )
