"""schema.org JSON-LD for pages: Event, Book, Article and the home page's Organization."""

from __future__ import annotations

import json

from .model import Translation

SCHEMA = "https://schema.org"
EVENT_STATUS = {
    "cancelled": f"{SCHEMA}/EventCancelled",
    "planned": f"{SCHEMA}/EventScheduled",
    "held": f"{SCHEMA}/EventScheduled",
    "unreported": f"{SCHEMA}/EventScheduled",  # planned, its date passed, no report yet
}


def dump(data: dict) -> str:
    """JSON for a <script type="application/ld+json"> block: no text can end the block."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def item(tr: Translation, *, url: str, image: str | None, place, organizer: dict) -> dict:
    """JSON-LD of an item page; ``place(id)`` gives a schema.org Place for a place id."""
    data = {"@context": SCHEMA, "url": url, "description": tr.summary, "inLanguage": tr.lang}
    if image:
        data["image"] = image
    if tr.collection == "events":
        data |= {
            "@type": "Event",
            "name": tr.title,
            "startDate": tr.date.iso,
            "eventStatus": EVENT_STATUS[tr.item.event_status],
            "organizer": organizer,
            "location": [place(place_id) for place_id in tr.get("places") or ()],
        }
        if tr.end:
            data["endDate"] = tr.end.iso
    elif tr.collection == "publications":
        data |= {
            "@type": "Book",
            "name": tr.title,
            "datePublished": tr.date.iso,
            "author": [{"@type": "Person", "name": name} for name in tr.get("authors") or ()],
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
            "about": {"@type": "Person", "name": tr.get("person")},
        }
        if tr.get("author"):
            data["author"] = {"@type": "Person", "name": tr.get("author")}
    return data


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
