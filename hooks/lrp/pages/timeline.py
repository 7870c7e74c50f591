"""The timeline of project activities: entries in order, filters, and JSON and iCalendar exports."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..model.content import Content
from ..model.items import Translation, in_date_order
from ..outputs.structured import script_safe_json

# Facets a visitor can filter by: the URL parameter and where its values come from.
FACETS = {"kind": "kind", "theme": "themes", "place": "places", "project": "project"}
# Facets with static filtered views of the timeline; themes and places have their own pages,
# which are those views for visitors without script.
STATIC_FACETS = ("kind", "project")
ON_TIMELINE = ("events", "publications")  # the collections the timeline shows


@dataclass(frozen=True)
class Filter:
    facet: str  # kind, theme, place or project
    value: str


def entries(content: Content, lang: str) -> list[Translation]:
    """Events and publications of a language, earliest first; a partial date at its period's start."""
    return in_date_order(
        (tr for collection in ON_TIMELINE for tr in content.listing(collection, lang)), newest_first=False
    )


def values(tr: Translation, facet: str) -> tuple[str, ...]:
    """The values an entry has for a facet: ``("seminar",)``, ``("riga", "talsi")``, …"""
    if facet == "kind":
        return (tr.get("kind") or "publication",)
    value = tr.get(FACETS[facet])
    if value is None:
        return ()
    return tuple(value) if isinstance(value, tuple) else (value,)


def filters(items: list[Translation]) -> dict[str, list[str]]:
    """Every facet value that some entry has, per facet, in a stable order."""
    found: dict[str, list[str]] = {facet: [] for facet in FACETS}
    for tr in items:
        for facet in FACETS:
            for value in values(tr, facet):
                if value not in found[facet]:
                    found[facet].append(value)
    return {facet: sorted(found_values) for facet, found_values in found.items() if found_values}


def label(content: Content, strings, lang: str, chosen: Filter) -> str:
    """A filter value's label in a language: a kind, a theme, a place or a project."""
    if chosen.facet == "kind":
        key = "collection.publications" if chosen.value == "publication" else f"kind.{chosen.value}"
        return strings.t(lang, key)
    vocabulary = {"theme": "themes", "place": "places", "project": "projects"}[chosen.facet]
    term = content.vocab.get(vocabulary).get(chosen.value)
    return term.label(lang, content.settings.default.code) if term else chosen.value


def matching(items: list[Translation], chosen: Filter) -> list[Translation]:
    return [tr for tr in items if chosen.value in values(tr, chosen.facet)]


def is_future(tr: Translation, today: dt.date) -> bool:
    return tr.date.first > today


def as_json(items: list[Translation], absolute) -> str:
    """The timeline of one language as JSON; ``absolute(url)`` makes a site address absolute."""
    records = [
        {
            "id": tr.key,
            "url": absolute(tr.url),
            "type": tr.collection,
            "title": tr.title,
            "summary": tr.summary,
            "date": tr.date.iso,
            "end": tr.end.iso if tr.end else None,
            "precision": tr.date.precision,
            "kind": tr.get("kind"),
            "status": tr.item.event_status,
            "places": list(tr.get("places") or ()),
            "themes": list(tr.get("themes") or ()),
            "project": tr.get("project"),
        }
        for tr in items
    ]
    return script_safe_json({"items": records}, indent=1)  # safe even if pasted into a <script> block


def as_icalendar(items: list[Translation], absolute, place_label, host: str, changed, name: str) -> bytes:
    """Day-precision events as iCalendar (RFC 5545): all-day events with an exclusive end.
    ``changed(entry)`` is when an entry's content last changed: its DTSTAMP and LAST-MODIFIED,
    so that the calendar stays the same from day to day while nothing changes."""
    import icalendar  # a twentieth of a second to import: at the end of a build, not before its first page

    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//Latvijas romu platforma//lrp-site//LV")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    for tr in items:
        if tr.collection != "events" or tr.date.precision != "day":
            continue
        last = tr.end.last if tr.end else tr.date.first
        event = icalendar.Event()
        event.add("uid", f"{tr.key.replace('/', '-')}@{host}")
        event.add("dtstamp", changed(tr))
        event.add("last-modified", changed(tr))
        event.add("dtstart", tr.date.first)
        event.add("dtend", last + dt.timedelta(days=1))
        event.add("summary", tr.title)
        event.add("description", tr.summary)
        event.add("url", absolute(tr.url))
        places = [place_label(place) for place in tr.get("places") or ()]
        if places:
            event.add("location", ", ".join(places))
        event.add(
            "status",
            {"cancelled": "CANCELLED", "planned": "TENTATIVE", "unreported": "TENTATIVE"}.get(
                tr.item.event_status, "CONFIRMED"
            ),
        )
        calendar.add_component(event)
    return calendar.to_ical()
