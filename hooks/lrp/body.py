"""Checks of a Markdown body: the raw-HTML safe list, alt text, and relative links."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable
from html.parser import HTMLParser
from urllib.parse import unquote, urlsplit

# Raw HTML an editor may write; everything else is a mistake.
SAFE_TAGS = frozenset(
    "a abbr b blockquote br caption cite code dd del details dfn div dl dt em figcaption figure "
    "h1 h2 h3 h4 h5 h6 hr i img ins kbd li mark ol p pre q s small span strong sub summary sup "
    "table tbody td tfoot th thead time tr u ul".split()
)
FORBIDDEN_TAGS = frozenset("script style iframe object embed form".split())
URL_ATTRIBUTES = frozenset("href src srcset cite action formaction poster data background".split())
BAD_SCHEMES = ("javascript:", "data:", "vbscript:")

_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})[^\n]*\n.*?^ {0,3}\1[ \t]*$", re.M | re.S)
_INDENTED = re.compile(r"(?:(?<=\n\n)|^)((?: {4}|\t)[^\n]*(?:\n(?: {4}|\t)[^\n]*|\n[ \t]*(?=\n))*)")
_CODE_SPAN = re.compile(r"(`+)(?!`).+?(?<!`)\1(?!`)", re.S)
# [text](destination "title"); a destination may hold balanced parentheses, as in Markdown.
_LINK = re.compile(r"(!?)\[((?:[^\[\]]|\[[^\]]*\])*)\]\(\s*<?((?:[^()\s>]|\([^()\s]*\))*)>?(?:\s+[\"'(][^)]*)?\)")
# [label]: destination; not a footnote's text, [^label]: (the footnotes extension takes those first)
_REFDEF = re.compile(r"^ {0,3}\[(?!\^)[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)", re.M)
_AUTOLINK = re.compile(r"<([A-Za-z][A-Za-z0-9.+-]{1,31}:[^<>\s]*|[^<>\s@/]+@[^<>\s@]+)>")


def blank_code(text: str) -> str:
    """Replace code blocks and code spans by spaces, keeping every newline and offset."""

    def blank(match: re.Match) -> str:
        return re.sub(r"[^\n]", " ", match.group(0))

    # Each pattern only where its marker occurs: most bodies have no code at all.
    if "```" in text or "~~~" in text:
        text = _FENCE.sub(blank, text)
    if text.startswith(("    ", "\t")) or "\n    " in text or "\n\t" in text:
        text = _INDENTED.sub(blank, text)
    return _CODE_SPAN.sub(blank, text) if "`" in text else text


def _foreign_image(url: str) -> str:
    return f"the image '{url[:60]}' must be stored in the repository, not loaded from another site"


class _Tags(HTMLParser):
    def __init__(self, fail: Callable[[int, str], None]):
        super().__init__(convert_charrefs=True)
        self.fail = fail

    def handle_starttag(self, tag, attrs):
        line = self.getpos()[0]
        if tag in FORBIDDEN_TAGS:
            self.fail(line, f"<{tag}> is not allowed in the text")
            return
        if tag not in SAFE_TAGS:
            self.fail(line, f"<{tag}> is not on the list of allowed HTML tags")
        for name, value in attrs:
            if name.startswith("on"):
                self.fail(line, f"the attribute {name}= is not allowed (it runs a script)")
            elif name == "style":
                self.fail(line, "the attribute style= is not allowed; use Markdown formatting")
            elif name in URL_ATTRIBUTES and value and _bad_scheme(value):
                self.fail(line, f"'{value.strip()[:40]}' is not allowed in {name}= (only web and relative links)")
            elif (tag, name) in (("img", "src"), ("img", "srcset"), ("a", "href")) and value:
                self._address(line, tag, name, value)
        if tag == "img" and not (dict(attrs).get("alt") or "").strip():
            self.fail(line, 'the image has no alt text; write alt="what the image shows"')

    handle_startendtag = handle_starttag

    def _address(self, line: int, tag: str, name: str, value: str) -> None:
        """Images only from the repository; relative paths only in Markdown, which alone checks
        them and gives them their address on the site."""
        urls = [c.split()[0] for c in value.split(",") if c.strip()] if name == "srcset" else [value.strip()]
        for url in urls:
            parts = _split(url)
            if parts is None:
                self.fail(line, f"'{url[:60]}' is not a valid address")
            elif tag == "img" and (parts.scheme or parts.netloc):
                self.fail(line, _foreign_image(url))
            elif _relative(parts):
                markdown = f"![what it shows]({url})" if tag == "img" else f"[text]({url})"
                self.fail(
                    line, f"'{url[:60]}' in HTML does not get its address on the site; write it in Markdown: {markdown}"
                )


def _split(url: str):
    """The parts of an address, or None where it is none (such as 'http://[x')."""
    try:
        return urlsplit(url)
    except ValueError:
        return None


def _relative(parts) -> bool:
    """A path relative to the file: not a web address, not from the site root, not an anchor."""
    return not (parts.scheme or parts.netloc) and bool(parts.path) and not parts.path.startswith("/")


def _bad_scheme(url: str) -> bool:
    cleaned = re.sub(r"[\x00-\x20]", "", unquote(url)).lower()
    return cleaned.startswith(BAD_SCHEMES)


def check_body(
    body: str,
    first_line: int,
    path: str,
    resolve: Callable[[str], str | None],
) -> list[tuple[int, str]]:
    """Mistakes of one body as (file line, message).

    ``resolve(repo_path)`` says whether a relative link target is valid: it returns None when it
    is, or a message when it is not (missing file, a link to a draft, …).
    """
    problems: list[tuple[int, str]] = []
    text = blank_code(body)

    def fail(line: int, message: str) -> None:
        problems.append((first_line + line - 1, message))

    def line_of(offset: int) -> int:
        return text.count("\n", 0, offset) + 1

    for match in _AUTOLINK.finditer(text):
        if _bad_scheme(match.group(1)):
            fail(line_of(match.start()), f"'{match.group(1)[:40]}' is not allowed as a link")
    if "<" in text:  # most bodies have no raw HTML: spare them the HTML parser
        _Tags(fail).feed(_AUTOLINK.sub(lambda m: " " * len(m.group(0)), text))
    targets = (
        [(m.start(), m.group(3), m.group(1) == "!", m.group(2)) for m in _LINK.finditer(text)] if "](" in text else []
    )
    targets += [(m.start(), m.group(1), False, None) for m in _REFDEF.finditer(text)] if "]:" in text else []
    folder = posixpath.dirname(path)
    for offset, target, is_image, alt in targets:
        line = line_of(offset)
        if is_image and not (alt or "").strip():
            fail(line, "the image has no alt text; write ![what the image shows](path)")
        if _bad_scheme(target):
            fail(line, f"'{target[:40]}' is not allowed as a link (only web and relative links)")
            continue
        parts = _split(target)
        if parts is None:
            fail(line, f"'{target[:60]}' is not a valid address")
            continue
        if not _relative(parts):
            if is_image and (parts.scheme or parts.netloc):
                fail(line, _foreign_image(target))
            continue
        resolved = posixpath.normpath(posixpath.join(folder, unquote(parts.path)))
        message = resolve(resolved)
        if message:
            fail(line, f"the link '{target}' {message}")
    return problems
