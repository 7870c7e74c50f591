"""A page's schema.org data (JSON-LD): the home page's Organization, an item's Event, Book or
Article (lrp/outputs/structured.py makes them), with the site's texts, addresses and change dates."""

from __future__ import annotations

from ..base import addresses
from ..model.content import Content
from ..outputs import structured
from .changes import Changes
from .plan import SitePlan
from .strings import Strings


class StructuredData:
    """``json_ld(page)``: what the page's <script type="application/ld+json"> holds."""

    def __init__(self, content: Content, plan: SitePlan, strings: Strings, site_url: str, changes: Changes):
        self.content = content
        self.plan = plan
        self.strings = strings
        self.site_url = site_url  # ends in "/"
        self.changes = changes

    def json_ld(self, page) -> str | None:
        """The page's schema.org data, serialized for a <script> block, or None."""
        code = page.lang.code
        name = self.strings.t(code, "site.name")
        if page.kind == "home":
            return structured.dump(
                structured.organization(
                    name=name,
                    url=self.site_url + page.url,
                    email=self.strings.t(code, "footer.contact_address"),
                    owner=self.strings.t(code, "footer.owner"),
                    logo=self.site_url + "assets/og-default.png",
                )
            )
        if page.kind != "item":
            return None
        tr = page.translation
        image = tr.get("image")
        organizer = {"@type": "Organization", "name": name, "url": self.site_url + self.plan.homes[code].url}
        return structured.dump(
            structured.item(
                tr,
                url=self.site_url + tr.url,
                image=self.site_url + addresses.media(image) if image else None,
                place=lambda place_id: self._place(place_id, code),
                organizer=organizer,
                modified=self.changes.changed(tr.item),
            )
        )

    def _place(self, place_id: str, lang: str) -> dict:
        """A place of an event as a schema.org Place, named in the page's language."""
        term = self.content.vocab.places.get(place_id)
        return structured.place(term.label(lang, self.content.settings.default.code) if term else place_id, term)
