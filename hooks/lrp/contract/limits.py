"""Limits on what a body may ask of the parsers, checked before Python-Markdown reads it.

Python-Markdown and the HTML parsers do work that grows with the square of some inputs: each
`[` without its `]` (and each link's `(` without its `)`, each run of backticks without its
partner) is searched for to the end of its paragraph, each `<` without its `>` to the end of
the body, and elements nested deeper than any page needs are walked from top to bottom at
every tag. A body that would need more than these limits is a mistake at its line, and is
not converted at all: every other body is converted in time that grows with its length.

The counts are an upper bound of the parsers' searches, so each limit is generous for text
people write (tests/test_limits.py) and small for text made to be slow.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from ..base.messages import Message
from ..base.text import not_in_any_page

BODY_MAX = 100_000  # characters in one body (some 15 000 words)
PARAGRAPH_MAX = 20_000  # characters in one paragraph (a run of lines without a blank line)
PARAGRAPHS_MAX = 5_000  # paragraphs in one body (Python-Markdown queues them in lists it takes from the front)
OPEN_MAX = 10  # `[`, link `(` and backtick runs open at once in one paragraph
TAGS_MAX = 10  # `<` that no `>` closes, and code fences that none closes, in one body
DEPTH_MAX = 40  # HTML elements written in the body, open at once
NESTING_MAX = 10  # lists and quotes within each other (markers and indentation at a line's start)

# Python-Markdown's fenced code: a fence at the start of a line, closed by the same fence
_FENCE = re.compile(r"(`{3,}|~{3,})[ ]*(\{[^\n]*\}|\.?[\w#.+-]*[ ]*(hl_lines=(\"|').*?\4[ ]*)?)$")
_INLINE = re.compile(r"\\.|`+|!?\[|\]\(?|[()\"']", re.S)
_LT = re.compile(r"<")
_TAG = re.compile(r"<(/?)([A-Za-z][^\s/<>]*)|<([!?])")
_TAG_END = re.compile(r"""=\s*(["'])|>""")
_VOID = frozenset("area base br col embed hr img input keygen link meta param source track wbr".split())
_RAW = ("script", "style", "textarea", "title")  # read to their end tag
_MARKER = re.compile(r"[ \t]*(?:>|(?:[-*+]|\d{1,9}[.)])(?=[ \t]))")


def check(text: str) -> list[tuple[int, Message]]:
    """The limits ``text`` breaks, as (line within the text, from 1; message)."""
    if len(text) > BODY_MAX:
        return [(1, Message("body.too_long", size=len(text), max=BODY_MAX))]
    bad = not_in_any_page(text)
    if bad:
        code = f"U+{ord(bad.group()):04X}"
        key = "text.control" if bad.group() <= "\x9f" else "text.not_character"
        return [(text.count("\n", 0, bad.start()) + 1, Message(key, code=code))]
    lines = text.split("\n")
    prose, unclosed = _outside_fences(lines)
    starts = [0]
    for line in prose:
        starts.append(starts[-1] + len(line) + 1)
    found = [(index + 1, Message("body.fences", max=TAGS_MAX)) for index in unclosed[TAGS_MAX : TAGS_MAX + 1]]
    found += _nesting(prose)
    found += _tags("\n".join(prose), starts)
    block, count = None, 0
    for index, line in enumerate([*prose, ""]):
        if line.strip():
            block = index if block is None else block
        elif block is not None:
            count += 1
            if count == PARAGRAPHS_MAX + 1:
                found.append((block + 1, Message("body.paragraphs", max=PARAGRAPHS_MAX)))
            if starts[index] - starts[block] > PARAGRAPH_MAX:
                found.append((block + 1, Message("body.paragraph", max=PARAGRAPH_MAX)))
            else:
                found += _open(prose, block, index)
            block = None
    return sorted(found, key=lambda pair: pair[0])


def _outside_fences(lines: list[str]) -> tuple[list[str], list[int]]:
    """The lines with those of closed code fences left empty (Python-Markdown does not read
    them), and the indexes of fences that nothing closes."""
    prose, unclosed = list(lines), []
    closers: dict[str, list[int]] = {}  # fence -> indexes of the lines that are that fence alone
    for index, line in enumerate(lines):
        if line[:3] in ("```", "~~~") and line.rstrip(" ").strip(line[0]) == "":
            closers.setdefault(line.rstrip(" "), []).append(index)
    index, taken = 0, {fence: 0 for fence in closers}
    while index < len(lines):
        match = _FENCE.match(lines[index]) if lines[index][:3] in ("```", "~~~") else None
        if match is None:
            index += 1
            continue
        fence, close = match.group(1), None
        candidates = closers.get(fence, [])
        while taken.get(fence, 0) < len(candidates) and candidates[taken[fence]] <= index:
            taken[fence] += 1
        if taken.get(fence, 0) < len(candidates):
            close = candidates[taken[fence]]
        if close is None:
            unclosed.append(index)
            index += 1
            continue
        for inner in range(index, close + 1):
            prose[inner] = ""
        index = close + 1
    return prose, unclosed


def _nesting(lines: list[str]) -> list[tuple[int, Message]]:
    """Lists and quotes nested deeper than NESTING_MAX, at the first line that goes over: the
    markers at the start of a line (`>`, `-`, `1.`) and its indentation, four spaces a level."""
    for index, line in enumerate(lines):
        position, markers = 0, 0
        while markers <= NESTING_MAX and (match := _MARKER.match(line, position)):
            position, markers = match.end(), markers + 1
        indent = len(line) - len(line.lstrip(" \t"))
        if markers and markers + len(line[:indent].expandtabs(4)) // 4 > NESTING_MAX:
            return [(index + 1, Message("body.nesting", max=NESTING_MAX))]
    return []


def _tags(text: str, starts: list[int]) -> list[tuple[int, Message]]:
    """Each `<` that opens a tag is searched for its `>`: where none closes it before the next
    `<`, the HTML parser searches on, as far as the end of the body. Elements are counted open
    until their end tag (however a browser would close them)."""
    found, unclosed, stack, counts, deep = [], 0, [], {}, False
    lower = text.lower()
    last_end = {name: lower.rfind(f"</{name}") for name in _RAW}  # a raw element's end tag, last of all
    lts = [match.start() for match in _LT.finditer(text)]
    for number, at in enumerate(lts):
        match = _TAG.match(text, at)
        if match is None or text.startswith("<!--", at):
            continue
        end = lts[number + 1] if number + 1 < len(lts) else len(text)
        closed = _closed(text, at, end, "?>" if match.group(3) == "?" else ">")
        name = (match.group(2) or "").lower()
        if closed and not match.group(1) and name in _RAW:
            closed = last_end[name] > at
        if not closed:
            unclosed += 1
            if unclosed == TAGS_MAX + 1:
                found.append((bisect_right(starts, at), Message("body.tags", max=TAGS_MAX)))
            continue
        if not name:
            continue
        if match.group(1):
            if counts.get(name):
                while stack:
                    counts[stack[-1]] -= 1
                    if stack.pop() == name:
                        break
        elif name not in _VOID and text[closed - 2] != "/":
            stack.append(name)
            counts[name] = counts.get(name, 0) + 1
            if len(stack) > DEPTH_MAX and not deep:
                deep = True
                found.append((bisect_right(starts, at), Message("body.depth", max=DEPTH_MAX)))
    return found


def _closed(text: str, at: int, end: int, closer: str) -> int:
    """Where the tag at ``at`` ends (after its ``closer``) before ``end``, else 0; a quoted
    attribute value must end before it too."""
    if closer != ">":
        found = text.find(closer, at, end)
        return found + len(closer) if found >= 0 else 0
    position = at + 1
    while True:
        match = _TAG_END.search(text, position, end)
        if match is None:
            return 0
        if match.group(0) == ">":
            return match.end()
        quote = text.find(match.group(1), match.end(), end)
        if quote < 0:
            return 0
        position = quote + 1


def _open(lines: list[str], first: int, end: int) -> list[tuple[int, Message]]:
    """The paragraph of lines ``first`` to ``end``: more than OPEN_MAX searches to its end
    under way at once? Each `[` is searched for its `]`, the `(` after `](` for its `)` (as
    Python-Markdown counts them, quotes and all) and a run of backticks for a run as long."""
    text = "\n".join(lines[first:end])
    if text.count("[") + text.count("](") + text.count("`") <= OPEN_MAX:
        return []  # fewer openers than the limit: most paragraphs, counted in C, not token by token
    tokens = [(match.start(), match.group(0)) for match in _INLINE.finditer(text)]
    runs = [index for index, (_, token) in enumerate(tokens) if token[0] == "`"]
    partner: dict[int, int] = {}  # token index of a backtick run -> that of the next run as long
    following: dict[int, int] = {}
    for index in reversed(runs):
        if len(tokens[index][1]) in following:
            partner[index] = following[len(tokens[index][1])]
        following[len(tokens[index][1])] = index
    brackets, unmatched, links, index = 0, 0, [], 0
    while index < len(tokens):
        at, token = tokens[index]
        if token[0] == "`":
            if index not in partner:
                unmatched += 1
                partner[index] = _shorter(tokens, runs, index)
            index = partner[index]  # a code span: nothing in it is a bracket
        elif token in ("[", "!["):
            brackets += 1
        elif token[0] == "]" and brackets:
            brackets -= 1
            if token == "](":
                links.append(_Link())
                token = ""
        if token in ("(", "]("):
            for link in links:
                link.open_paren()
        elif token == ")":
            for link in links:
                link.close_paren(text[at - 1])
            links = [link for link in links if link.count]
        elif token in ("'", '"'):
            for link in links:
                link.quote(token)
        if brackets + unmatched + len(links) > OPEN_MAX:
            return [(first + text.count("\n", 0, at) + 1, Message("body.open", max=OPEN_MAX))]
        index += 1
    return []


def _shorter(tokens: list, runs: list[int], index: int) -> int:
    """Where Python-Markdown ends the code span of a backtick run that no run as long follows:
    at the first of the longest shorter runs after it; else the run is only itself."""
    length, best, end = len(tokens[index][1]), 0, index
    for later in runs[bisect_right(runs, index) :]:
        if best < len(tokens[later][1]) < length:
            best, end = len(tokens[later][1]), later
    return end


class _Link:
    """The `(` of a link, as Python-Markdown's LinkInlineProcessor.getLink searches for its `)`."""

    def __init__(self):
        self.count, self.ignore = 1, False
        self.first = self.second = None  # the quote characters seen, in order
        self.closes: set[str] = set()  # quotes seen again: a `)` right after one ends the link

    def open_paren(self):
        if not self.ignore:
            self.count += 1

    def close_paren(self, before: str):
        if before in self.closes:
            self.count = 0
        elif not self.ignore:
            self.count -= 1

    def quote(self, char: str):
        if self.first is None:
            self.ignore, self.count, self.first = True, 1, char
        elif char != self.first and self.second is None:
            self.second = char
        else:
            self.closes.add(char)
