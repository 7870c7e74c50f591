"""The safe list of the HTML a body may become, checked and enforced on the rendered HTML.

A body is judged on what Python-Markdown turns it into, not on how it is typed: ``scan`` walks the
element tree of the rendered HTML (parsed as browsers parse it, by Lexbor) and names everything
outside the allowlist; ``clean`` publishes only what the allowlist keeps (nh3, the Ammonia
sanitizer), so that whatever a scan might miss still cannot reach a page. Both read the same
tables below. Neither recurses in Python; the parsers under them do work that grows with the
HTML's length times its depth, which limits.py bounds (elements written in a body, lists and
quotes), so that both are linear in the body's length.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import unquote, urlsplit

import nh3
from selectolax.lexbor import LexborHTMLParser

from ..base.messages import Message
from ..base.text import blank

# Elements a body may hold: what Markdown makes, and the raw HTML editors may write.
TAGS = frozenset(
    "a abbr b blockquote br caption cite code dd del details dfn div dl dt em figcaption figure "
    "h1 h2 h3 h4 h5 h6 hr i img ins kbd li mark ol p pre q s small span strong sub summary sup "
    "table tbody td tfoot th thead time tr u ul".split()
)
# Elements named in the contract: a mistake with its own words, and their content goes too.
FORBIDDEN = frozenset("script style iframe object embed form".split())
_EVERYWHERE = frozenset("id class title lang dir".split())
ATTRIBUTES = {
    "*": _EVERYWHERE,
    "a": frozenset("href hreflang".split()),
    "img": frozenset("src alt width height loading".split()),
    "blockquote": frozenset({"cite"}),
    "q": frozenset({"cite"}),
    "del": frozenset("cite datetime".split()),
    "ins": frozenset("cite datetime".split()),
    "time": frozenset({"datetime"}),
    "ol": frozenset("start reversed type".split()),
    "li": frozenset({"value"}),
    "td": frozenset("colspan rowspan".split()),
    "th": frozenset("colspan rowspan scope".split()),
    "details": frozenset({"open"}),
}
# Attributes that hold an address, and the schemes each may use; "" is an address on this site.
URLS = {"href": ("", "https", "http", "mailto", "tel"), "cite": ("", "https", "http"), "src": ("",)}
# The classes a body may carry: those the site's Markdown writes (footnotes, the table of contents
# and its permalinks, a column's alignment as bodies.py sets it, a fenced block's language). Any
# other, the theme's own among them (md-dialog, md-header, …), could restyle the page.
CLASSES = frozenset(
    "footnote footnote-ref footnote-backref toc headerlink lrp-align-left lrp-align-center lrp-align-right".split()
)
_CODE_LANGUAGE = re.compile(r"language-[A-Za-z0-9_+#.-]+")  # ```python: class="language-python"
# A body's ids are its own: each is published with this prefix, and so is every link to one
# (``anchor``), so that no body id is one of the page's, the theme's or a script's (a hyphen
# keeps it from naming a script global). No id of the page's shell (overrides/lrp/) starts so.
ID_PREFIX = "text-"


@dataclass(frozen=True)
class Problem:
    """Something outside the safe list. ``needles``: text of the source likely to hold it, the likeliest first."""

    message: Message
    needles: tuple[str, ...]


@dataclass
class Scan:
    """What the rendered HTML of a body holds besides text."""

    problems: list = field(default_factory=list)  # Problem, in document order
    # (attribute, address) of the relative and web addresses, in order: those that lead to this site are checked
    links: list = field(default_factory=list)
    ids: set = field(default_factory=set)  # the ids its elements carry (as written): the anchors a link may name


def scan(html: str) -> Scan:
    """Everything in ``html`` that the safe list does not allow, and what it links to."""
    result = Scan()
    if "<" not in html:
        return result
    body = LexborHTMLParser(f"<body>{html}").body
    if body is None:
        return result
    dropped: set[int] = set()  # the forbidden elements found: they go with all they hold (clean)
    for node in body.traverse(include_text=False):
        tag = node.tag
        if tag in ("body", "-comment"):
            continue  # comments are not published (clean drops them)
        if node.parent is not None and node.parent.mem_id in dropped:
            dropped.add(node.mem_id)  # inside a forbidden element: its one mistake covers it
            continue
        if tag in FORBIDDEN:  # one mistake for the element, its attributes and what it holds
            result.problems.append(Problem(Message("html.forbidden", tag=tag), (f"<{tag}", tag)))
            dropped.add(node.mem_id)
            continue
        if tag not in TAGS:
            result.problems.append(Problem(Message("html.tag", tag=tag), (f"<{tag}", tag)))
            continue  # its attributes go with it
        if tag == "img" and blank(node.attributes.get("alt") or ""):
            result.problems.append(Problem(Message("html.alt"), ("![](", "<img", "![")))
        for name, value in node.attributes.items():
            problem = _attribute(tag, name, value or "")
            if problem:
                result.problems.append(problem)
            elif name in URLS and value and _web(value):
                result.links.append((name, value.strip()))
            elif name == "id" and value:
                result.ids.add(value)
    return result


def _attribute(tag: str, name: str, value: str) -> Problem | None:
    if name.startswith("on"):
        return Problem(Message("html.handler", name=name), (f"{name}=", name))
    if name == "style":
        return Problem(Message("html.style"), (f"{name}=", name))
    if name not in ATTRIBUTES["*"] and name not in ATTRIBUTES.get(tag, ()):
        return Problem(Message("html.attribute", name=name, tag=tag), (f"{name}=", name))
    if name in URLS:
        return _address(tag, name, value)
    if name == "class":
        others = [one for one in value.split() if one not in CLASSES and not _CODE_LANGUAGE.fullmatch(one)]
        if others:
            return Problem(Message("html.class", names=" ".join(others)[:60]), tuple(others[:1]))
    return None


def anchor(name: str) -> str:
    """The published id of the body id ``name``: what a link to that anchor names."""
    return f"{ID_PREFIX}{name}"


def _address(tag: str, name: str, value: str) -> Problem | None:
    url = value.strip()
    shown = url[:60]
    # Browsers drop tabs and newlines from addresses and read "\" as "/": judge what they will load.
    read = re.sub(r"[\t\n\r]", "", url).replace("\\", "/")
    try:
        parts = urlsplit(read)
    except ValueError:
        return Problem(Message("html.address", address=shown), (url[:20],))
    scheme = parts.scheme.lower()
    if re.match(r"[\x00-\x20]*(javascript|vbscript|data)\s*:", unquote(read), re.I):
        return Problem(_refused(name, shown), (url[:10],))
    if scheme not in URLS[name] or read.startswith("//") or (parts.netloc and not scheme):
        if tag == "img":
            return Problem(Message("html.remote_image", address=shown), (url,))
        if read.startswith("//"):
            return Problem(Message("html.scheme_relative", address=shown), (url,))
        return Problem(_refused(name, shown), (url[:10],))
    return None


def _refused(name: str, shown: str) -> Message:
    """An address of a kind ``name`` may not hold (only web and relative links)."""
    if name == "href":
        return Message("html.scheme.link", address=shown)
    if name == "src":
        return Message("html.scheme.image", address=shown)
    return Message("html.scheme.attribute", address=shown, name=name)


def clean(html: str, rewrite: Callable[[str, str, str], str | None] | None = None) -> str:
    """Only what the safe list keeps, the body's ids and links to them given ID_PREFIX;
    ``rewrite(tag, attribute, address)`` gives a relative or web address (other than an anchor of
    the body) its place on the site (or None to drop it)."""
    _rewrite.append(rewrite)
    try:
        return _CLEANER.clean(html)
    finally:
        _rewrite.pop()


_rewrite: list = []  # the rewrite of the clean() under way (nh3's cleaner is made once, with one filter)


def _attribute_filter(tag: str, name: str, value: str) -> str | None:
    if _attribute(tag, name, value):
        return None
    if name == "id":
        return anchor(value) if value else None
    if name in URLS and value and _web(value):
        address = value.strip()
        if address.startswith("#") and address.lower() not in ("#", "#top"):  # an anchor of the body itself
            return f"#{anchor(address[1:])}"  # ("#top", where no element has that id, is the page's top)
        if _rewrite and _rewrite[-1]:
            return _rewrite[-1](tag, name, address)
    return value


def _web(address: str) -> bool:
    """Whether an allowed address is relative or a web address: one that may lead to this site."""
    return urlsplit(address.strip()).scheme.lower() in ("", "http", "https")


_CLEANER = nh3.Cleaner(
    tags=set(TAGS),
    clean_content_tags=set(FORBIDDEN),
    attributes={tag: set(names) for tag, names in ATTRIBUTES.items()},
    attribute_filter=_attribute_filter,
    url_schemes={scheme for schemes in URLS.values() for scheme in schemes if scheme},
    link_rel=None,
    strip_comments=True,
)
