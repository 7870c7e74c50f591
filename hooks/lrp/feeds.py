"""Atom feeds of the newest stories, events and publications, one per language."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET

from .model import Translation

ATOM = "http://www.w3.org/2005/Atom"
FEED_SIZE = 30


def newest(listings: list[list[Translation]]) -> list[Translation]:
    """The newest entries of several listings (each newest first), newest first."""
    items = [tr for listing in listings for tr in listing[:FEED_SIZE]]
    items.sort(key=lambda tr: tr.title.casefold())
    items.sort(key=lambda tr: tr.date.sort_key, reverse=True)
    return items[:FEED_SIZE]


def _stamp(date: dt.date) -> str:
    return f"{date.isoformat()}T00:00:00Z"


def atom(
    items: list[tuple[Translation, str]], *, title: str, lang: str, home: str, self_url: str, labels, updated: dt.date
) -> bytes:
    """An Atom 1.0 document of (entry, absolute address) pairs; ``labels(collection)`` names a type."""
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed", {"{http://www.w3.org/XML/1998/namespace}lang": lang})
    ET.SubElement(feed, f"{{{ATOM}}}id").text = home
    ET.SubElement(feed, f"{{{ATOM}}}title").text = title
    ET.SubElement(feed, f"{{{ATOM}}}updated").text = _stamp(updated)
    ET.SubElement(feed, f"{{{ATOM}}}link", {"rel": "self", "href": self_url, "type": "application/atom+xml"})
    ET.SubElement(feed, f"{{{ATOM}}}link", {"rel": "alternate", "href": home, "type": "text/html"})
    ET.SubElement(ET.SubElement(feed, f"{{{ATOM}}}author"), f"{{{ATOM}}}name").text = title
    for tr, url in items:
        entry = ET.SubElement(feed, f"{{{ATOM}}}entry")
        ET.SubElement(entry, f"{{{ATOM}}}id").text = url
        ET.SubElement(entry, f"{{{ATOM}}}title").text = tr.title
        ET.SubElement(entry, f"{{{ATOM}}}link", {"rel": "alternate", "href": url, "type": "text/html"})
        ET.SubElement(entry, f"{{{ATOM}}}updated").text = _stamp(tr.date.first)
        ET.SubElement(entry, f"{{{ATOM}}}summary").text = tr.summary
        ET.SubElement(entry, f"{{{ATOM}}}category", {"term": tr.collection, "label": labels(tr.collection)})
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True)
