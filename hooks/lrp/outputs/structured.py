"""schema.org JSON-LD for pages: Event, Book, Article and the home page's Organization."""

from __future__ import annotations

import datetime as dt
import json

from ..contract.vocab import Term
from ..model.items import Translation

SCHEMA = "https://schema.org"
# A held event took place as scheduled; of a planned one whose date has passed without a report
# ("unreported") nothing is known but that it was scheduled.
EVENT_STATUS = {
    "cancelled": f"{SCHEMA}/EventCancelled",
    "planned": f"{SCHEMA}/EventScheduled",
    "unreported": f"{SCHEMA}/EventScheduled",
    "held": f"{SCHEMA}/EventScheduled",
}
ATTENDANCE = {
    "offline": f"{SCHEMA}/OfflineEventAttendanceMode",
    "online": f"{SCHEMA}/OnlineEventAttendanceMode",
    "mixed": f"{SCHEMA}/MixedEventAttendanceMode",
}
AUTHOR_TYPES = {"person": "Person", "organization": "Organization"}


def script_safe_json(data, **options) -> str:
    """JSON that no text can end a <script> block with: <, > and & written as \\u escapes."""
    text = json.dumps(data, ensure_ascii=False, **options)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def dump(data: dict) -> str:
    """JSON for a <script type="application/ld+json"> block."""
    return script_safe_json(data, separators=(",", ":"))


def item(tr: Translation, *, url: str, image: str | None, place, organizer: dict, modified: dt.datetime) -> dict:
    """JSON-LD of an item page; ``place(id)`` gives a schema.org Place for a place id, ``modified``
    is when the item's content last changed. Dates keep the precision the editor gave: ISO 8601's
    ``2021`` and ``2021-08`` are dates too, and no day is made up."""
    data = {"@context": SCHEMA, "url": url, "description": tr.summary, "inLanguage": tr.lang}
    if image:
        data["image"] = image
    if tr.collection == "events":
        data |= {
            "@type": "Event",
            "name": tr.title,
            "startDate": tr.date.iso,
            "eventStatus": EVENT_STATUS[tr.item.event_status],
            "eventAttendanceMode": ATTENDANCE[tr.get("attendance") or "offline"],
            "organizer": organizer,
            "location": _one_or_list(_locations(tr, url, place)),
        }
        if tr.end:
            data["endDate"] = tr.end.iso
    elif tr.collection == "publications":
        kind = AUTHOR_TYPES[tr.get("author_type") or "person"]
        data |= {
            "@type": "Book",
            "name": tr.title,
            "datePublished": tr.date.iso,
            "author": [{"@type": kind, "name": name} for name in tr.get("authors") or ()],
        }
        if tr.get("isbn"):
            data["isbn"] = tr.get("isbn")
        if tr.get("publisher"):
            data["publisher"] = {"@type": "Organization", "name": tr.get("publisher")}
        if tr.get("languages"):
            data["inLanguage"] = list(tr.get("languages"))
    else:
        data |= {
            "@type": "Article",
            "headline": tr.title,
            "datePublished": tr.date.iso,
            "dateModified": modified.astimezone(dt.UTC).isoformat().replace("+00:00", "Z"),
            "about": {"@type": "Person", "name": tr.get("person")},
            "publisher": organizer,
        }
        if tr.get("author"):
            data["author"] = {"@type": "Person", "name": tr.get("author")}
    return data


def place(name: str, term: Term | None) -> dict:
    """A place of data/places.yml (``term``, where it is known) as a schema.org Place named ``name``.
    Its address is its country; an area that lies in no one country (the Baltic states, abroad) is
    named as the address's region."""
    data = {"@type": "Place", "name": name}
    if term and term.country:
        data["address"] = {"@type": "PostalAddress", "addressCountry": term.country}
    else:
        data["address"] = {"@type": "PostalAddress", "addressRegion": name}
    if term and term.lat is not None:
        data["geo"] = {"@type": "GeoCoordinates", "latitude": term.lat, "longitude": term.lon}
    return data


def _locations(tr: Translation, url: str, place) -> list[dict]:
    """Where an event took place: its places, and for an online or mixed event its page (the one
    address of the event that is known) as a VirtualLocation."""
    mode = tr.get("attendance") or "offline"
    places = [place(place_id) for place_id in tr.get("places") or ()] if mode != "online" else []
    virtual = [{"@type": "VirtualLocation", "url": url}] if mode != "offline" else []
    return places + virtual


def _one_or_list(values: list):
    return values[0] if len(values) == 1 else values


def organization(*, name: str, url: str, email: str, owner: str, logo: str) -> dict:
    return {
        "@context": SCHEMA,
        "@type": "Organization",
        "name": name,
        "url": url,
        "email": email,
        "logo": logo,
        "parentOrganization": {"@type": "GovernmentOrganization", "name": owner},
    }
