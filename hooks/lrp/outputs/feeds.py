"""Atom feeds (RFC 4287) of the stories, events and publications that changed last, one per language.

An entry is updated when its files last changed (lrp/outputs/history.py), never at the date of the event
it tells of; it is published when its file first appeared, where that is known. Its id is a tag:
URI (RFC 4151) of the configured authority, the item's collection and slug and the entry's
language, so that a new address of the site does not make every entry new to feed readers.
"""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from dataclasses import dataclass

from ..model.items import Translation
from .history import stamp

ATOM = "http://www.w3.org/2005/Atom"
FEED_SIZE = 30


@dataclass(frozen=True)
class Entry:
    """One entry of a feed: an item in one language, its address, id and times."""

    translation: Translation
    url: str  # absolute address of its page
    id: str
    updated: dt.datetime
    published: dt.datetime | None = None


def entry_id(tr: Translation, authority: str | None, url: str) -> str:
    """``tag:romu-platforma.lv,2021:events/annual-meeting-2021/lv``; the page's address without an authority."""
    return f"tag:{authority}:{tr.collection}/{tr.item.slug}/{tr.lang}" if authority else url


def feed_id(lang: str, authority: str | None, home: str) -> str:
    """``tag:romu-platforma.lv,2021:feed/lv``; the language's home address without an authority."""
    return f"tag:{authority}:feed/{lang}" if authority else home


def newest(entries: list[Entry]) -> list[Entry]:
    """The entries that changed last, newest first (ties by title)."""
    ordered = sorted(entries, key=lambda entry: entry.translation.title.casefold())
    ordered.sort(key=lambda entry: entry.updated, reverse=True)
    return ordered[:FEED_SIZE]


def atom(
    entries: list[Entry],
    *,
    title: str,
    lang: str,
    identifier: str,
    home: str,
    self_url: str,
    labels,
    updated: dt.datetime,
) -> bytes:
    """An Atom 1.0 document of ``entries``; ``labels(collection)`` names a type of entry. The
    feed is ``updated`` when its newest entry was, else at ``updated`` (an empty feed)."""
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed", {"{http://www.w3.org/XML/1998/namespace}lang": lang})
    ET.SubElement(feed, f"{{{ATOM}}}id").text = identifier
    ET.SubElement(feed, f"{{{ATOM}}}title").text = title
    newest_entry = max((entry.updated for entry in entries), default=updated)
    ET.SubElement(feed, f"{{{ATOM}}}updated").text = stamp(newest_entry)
    ET.SubElement(feed, f"{{{ATOM}}}link", {"rel": "self", "href": self_url, "type": "application/atom+xml"})
    ET.SubElement(feed, f"{{{ATOM}}}link", {"rel": "alternate", "href": home, "type": "text/html"})
    ET.SubElement(ET.SubElement(feed, f"{{{ATOM}}}author"), f"{{{ATOM}}}name").text = title
    for entry in entries:
        tr = entry.translation
        element = ET.SubElement(feed, f"{{{ATOM}}}entry")
        ET.SubElement(element, f"{{{ATOM}}}id").text = entry.id
        ET.SubElement(element, f"{{{ATOM}}}title").text = tr.title
        ET.SubElement(element, f"{{{ATOM}}}link", {"rel": "alternate", "href": entry.url, "type": "text/html"})
        if entry.published is not None:
            ET.SubElement(element, f"{{{ATOM}}}published").text = stamp(min(entry.published, entry.updated))
        ET.SubElement(element, f"{{{ATOM}}}updated").text = stamp(entry.updated)
        ET.SubElement(element, f"{{{ATOM}}}summary").text = tr.summary
        ET.SubElement(element, f"{{{ATOM}}}category", {"term": tr.collection, "label": labels(tr.collection)})
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True)
