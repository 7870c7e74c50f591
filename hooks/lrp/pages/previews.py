"""The link-preview pictures (og:image) of a build: which picture a page names, and the pictures
themselves (drawn by lrp/outputs/share.py), a card per language and a crop per published image."""

from __future__ import annotations

from functools import cached_property
from pathlib import Path

from ..model.content import Content
from ..outputs import share
from .plan import SitePlan
from .strings import Strings


class LinkPreviews:
    """``image(page)``: the address of a page's picture; ``write(site_dir)``: draw and write them all."""

    def __init__(self, content: Content, plan: SitePlan, strings: Strings, site_url: str):
        self.content = content
        self.plan = plan
        self.strings = strings
        self.site_url = site_url  # ends in "/"

    @cached_property
    def images(self) -> share.Images:
        """This build's pictures: a card per language (its name and purpose: the home page's
        summary, else the site's description) and a crop per published image."""
        cards = {}
        for lang in self.content.settings.languages:
            home = self.plan.homes.get(lang.code)
            purpose = (home.summary if home else "") or self.strings.t(lang.code, "site.description")
            cards[lang.code] = (self.strings.t(lang.code, "site.name"), purpose)
        images = {
            tr.get("image")
            for item in self.content.items.values()
            for tr in item.translations.values()
            if self.content.shown(tr) and tr.get("image")
        }
        return share.Images(self.content.settings.root, cards, images)

    def image(self, page) -> str:
        """Absolute address of a page's link-preview picture (1200 × 630): its item's image cut
        to shape, else its language's card."""
        image = page.translation.get("image") if page.translation else None
        if image and image in self.images.images:
            return self.site_url + share.image_uri(image)
        return self.site_url + share.card_uri(page.lang.code)

    def image_type(self, url: str) -> str:
        """The media type of a picture at ``url``: a card is PNG, a crop JPEG."""
        return "image/png" if url.endswith(".png") else "image/jpeg"

    def write(self, site_dir: Path) -> None:
        """Draw each picture once and write it under ``site_dir``."""
        self.images.write(site_dir)
