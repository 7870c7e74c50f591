"""The core's loader: everything a build and ``make check`` read, loaded and checked at once
(strings, content, the map's outlines and the page plan), with every mistake of them all in one
list, before any page is made."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .base.settings import Settings
from .contract.bodies import Converter
from .contract.fields import fields_of
from .model.content import Content, load_content
from .pages.geo import read_outlines
from .pages.guide import expand_guide
from .pages.plan import SitePlan, plan_site
from .pages.strings import Strings


@dataclass
class Loaded:
    """What load_site read: the content, the interface texts, the page plan and the map."""

    content: Content
    strings: Strings
    plan: SitePlan
    outlines: tuple  # the map's (name, rings), from data/geo/


def load_site(
    settings: Settings, converter: Converter, *, today: dt.date | None = None, include_drafts: bool = False
) -> Loaded:
    """Read and check everything; ``site.content.mistakes`` then lists every mistake found."""
    strings = Strings.load(settings)  # never raises: its mistakes are reported with the content's
    content = load_content(
        settings,
        today=today,
        include_drafts=include_drafts,
        converter=converter,
        expand=lambda text, lang: expand_guide(text, lang, strings, fields_of),
    )
    outlines, geo_mistakes = read_outlines(settings.root)
    if strings.mistakes or geo_mistakes:
        content.mistakes = sorted({*content.mistakes, *strings.mistakes, *geo_mistakes})
    return Loaded(content, strings, plan_site(content, strings), outlines)
