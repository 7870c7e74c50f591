"""Every address of the site, made here and nowhere else, and the register that keeps two
sources from being written to the same one.

Addresses are relative to the site root and end with "/" for pages ("pasakumi/x/"); a page is
written to ``<address>index.html``.
"""

from __future__ import annotations

import posixpath
from urllib.parse import SplitResult, unquote, urlsplit

from .messages import Message
from .settings import Language

MEDIA = "media/"  # images and downloads: media/<repository path>
# Files the theme and the build write besides pages; a page may not take their place.
# (robots.txt and sitemap.xml are exports of the build: they claim their addresses as the other exports do.)
# admin/: the browser editor, its page and configuration (exports) and its files (overrides/admin/).
ADMIN = "admin/"
RESERVED = ("assets/", "pagefind/", MEDIA, "404.html", ADMIN)


def section(lang: Language, name: str) -> str:
    """A section of a language: a collection's index, the timeline, themes, places, search."""
    return f"{lang.prefix}{lang.sections[name]}/"


def item(lang: Language, collection: str, slug: str) -> str:
    return f"{section(lang, collection)}{slug}/"


def doc(lang: Language, parts: list[str]) -> str:
    """A docs page: its folders and last segment (its own ``slug`` where it gives one)."""
    parts = parts[:-1] if parts and parts[-1] == "index" else parts
    return lang.prefix + "".join(f"{part}/" for part in parts)


def numbered(base: str, number: int) -> str:
    """Page ``number`` of a listing whose first page is ``base``."""
    return base if number == 1 else f"{base}{number}/"


def term(lang: Language, vocabulary: str, term_id: str) -> str:
    return f"{section(lang, vocabulary)}{term_id}/"


def timeline_view(lang: Language, facet: str, value: str) -> str:
    return f"{section(lang, 'timeline')}{facet}/{value}/"


def export(lang: Language, kind: str) -> str:
    """The timeline's JSON and iCalendar, the language's Atom feed, the site's robots.txt and sitemap,
    the browser editor's page and configuration."""
    if kind == "admin":
        return f"{ADMIN}index.html"
    if kind == "editor-config":
        return f"{ADMIN}config.yml"
    if kind == "robots":
        return "robots.txt"
    if kind == "sitemap":
        return "sitemap.xml"
    if kind == "atom":
        return f"{lang.prefix}feed.xml"
    return f"{section(lang, 'timeline')}{'timeline.json' if kind == 'json' else 'calendar.ics'}"


def media(repo_path: str) -> str:
    """Site address of an image or download, from its repository path."""
    return f"{MEDIA}{repo_path}"


def relative(from_url: str, to_url: str) -> str:
    """``to_url`` as a link on the page at ``from_url`` (both relative to the site root)."""
    target = posixpath.relpath("/" + to_url, "/" + from_url)
    return f"{target}/" if to_url.endswith("/") or not to_url else target


def on_site(site_url: str | None, address: str) -> SplitResult | None:
    """The parts of ``address`` as an address on this site, its path relative to the site root
    ("pasakumi/x/"), where it is written from the site root ("/pasakumi/x/") or as the site's own
    full address (``site_url``, in https or http: both lead to the same page); None for a
    relative address or an address of another site."""
    try:
        parts = urlsplit(address)
    except ValueError:
        return None
    if parts.scheme or parts.netloc:
        home = urlsplit(site_url or "")
        if parts.scheme.lower() not in ("http", "https") or not home.hostname:
            return None
        try:
            same = (parts.hostname, _port(parts)) == (home.hostname, _port(home))
        except ValueError:  # a port that is not a number
            return None
        base = home.path.rstrip("/") + "/"
        path = parts.path if parts.path.endswith("/") else parts.path + "/"  # "https://host/lrp" is the home page
        if not same or not path.startswith(base):
            return None
        return parts._replace(scheme="", netloc="", path=parts.path[len(base) :])
    if not parts.path.startswith("/"):
        return None
    return parts._replace(path=parts.path.lstrip("/"))


def _port(parts: SplitResult) -> int | None:
    """A port other than the web's own two (80, 443), else None."""
    return None if parts.port in (None, 80, 443) else parts.port


def page(path: str) -> str:
    """The address that a path on this site (as ``on_site`` gives it) names: a page's, with its
    last "/" and without "index.html" ("pasakumi/x/"), or a file's where its last part has a
    dot ("feed.xml")."""
    text = unquote(path)
    clean = posixpath.normpath("/" + text).strip("/")
    name = posixpath.basename(clean)
    if name == "index.html":
        clean = posixpath.dirname(clean)
    elif "." in name and not text.endswith("/"):
        return clean
    return f"{clean}/" if clean else ""


class Register:
    """Who is written where: ``claim`` an address for a source; a second claim is a clash."""

    def __init__(self) -> None:
        self._owners: dict[str, str | Message] = {}

    def claim(self, url: str, owner: str | Message) -> str | Message | None:
        """Reserve ``url`` for ``owner`` (a file's path, or a message such as "the events section");
        returns the earlier owner where it was taken, else None."""
        key = url.rstrip("/")
        for reserved in RESERVED:
            if key == reserved.rstrip("/") or (reserved.endswith("/") and key.startswith(reserved)):
                return Message("part.owner.reserved", path=reserved)
        earlier = self._owners.get(key)
        if earlier is not None and earlier != owner:
            return earlier
        self._owners[key] = owner
        return None
