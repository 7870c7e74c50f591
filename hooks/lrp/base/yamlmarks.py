"""Front-matter and data files, read as the editor wrote them, keeping the line of every value.

The YAML is parsed by PyYAML (libyaml's C parser where PyYAML has it), but its values are not
resolved: every scalar is kept as the text the editor typed. ``0306406152`` stays that text (an
ISBN, not the octal number 0306406152), ``no`` stays the word "no" (not False), ``2021-09-24``
stays text for the date rules of the contract. Each field check turns text into its own type.

The document is built from the parser's events, so that what the contract refuses is refused
before anything is built from it: YAML anchors and aliases (an alias bomb is a mistake at its
first anchor, not minutes of memory), tags such as ``!!int`` and nesting deeper than any field
needs. A key written twice is a mistake under its own name; the first value is kept.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import yaml

from .errors import Invalid, quote, visible
from .messages import Message

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # only its parser is used, for events
MAX_DEPTH = 8  # the deepest value of the contract (a list of mappings) needs 3
ANCHORS = Message("yaml.anchors")
# The parser's most frequent complaints, explained in each language of the messages (libyaml's words).
_PROBLEMS = {
    "mapping values are not allowed in this context": Message("part.yaml.mapping_values"),
    "did not find expected ',' or ']'": Message("part.yaml.list_unclosed"),
    "did not find expected ',' or '}'": Message("part.yaml.mapping_unclosed"),
    "found unexpected end of stream": Message("part.yaml.end_of_stream"),
    "found character that cannot start any token": Message("part.yaml.cannot_start"),
    "did not find expected key": Message("part.yaml.expected_key"),
    "found unknown escape character": Message("part.yaml.escape"),
    "found a tab character that violates indentation": Message("part.yaml.tab"),
    "found invalid Unicode character escape code": Message("part.yaml.unicode_escape"),
}
# A line that looks like a field ("title: …"): front-matter written without its opening '---'.
_FIELD = re.compile(r"[A-Za-z_][\w-]*[ \t]*:(\s|$)")


@dataclass
class Located:
    """A top-level mapping, with the line of each key and of each value inside it."""

    data: dict = field(default_factory=dict)
    marks: dict = field(default_factory=dict)  # (key, index or key, …) -> line
    mistakes: list = field(default_factory=list)  # (line, field, Message): keys written twice

    def line(self, key: str, *path) -> int | None:
        """The line of ``key``, or of the deepest known part of ``path`` inside its value."""
        path = (key, *(part for part in path if part is not None))
        while path:
            if path in self.marks:
                return self.marks[path]
            path = path[:-1]
        return None


class _Frame:
    """A mapping or list being built, and where it sits."""

    __slots__ = ("container", "key", "path", "skip")

    def __init__(self, container, path: tuple):
        self.container = container
        self.path = path
        self.key = None  # a mapping's key waiting for its value
        self.skip = False  # that key was written twice: its value is read and dropped


_NOT_A_KEY = object()


def load_mapping(text: str, first_line: int = 1) -> Located:
    """Parse YAML text holding one mapping; ``first_line`` is the file line of its first line.

    Raises ``Invalid`` (with the file line, and the field where it is known) for YAML syntax
    errors, anchors, aliases, tags and a document that is not a mapping. Keys written twice are
    returned in ``Located.mistakes``.
    """
    offset = first_line - 1
    located = Located()
    parser = _Loader(text)
    top_key = None  # the top-level key being read, the field of a mistake inside its value
    try:
        stack: list[_Frame] = []
        root = None
        documents = 0
        while True:
            event = parser.get_event()
            kind = type(event)
            if kind is yaml.StreamEndEvent:
                break
            if kind is yaml.StreamStartEvent or kind is yaml.DocumentEndEvent:
                continue
            line = event.start_mark.line + 1 + offset
            if kind is yaml.DocumentStartEvent:
                documents += 1
                if documents > 1:
                    raise Invalid(Message("yaml.documents"), line)
                continue
            if kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
                value = stack.pop().container
            elif kind is yaml.AliasEvent or event.anchor is not None:
                raise Invalid(ANCHORS, line, field=top_key)
            else:
                if event.tag is not None:
                    tag = "!!" + event.tag[18:] if event.tag.startswith("tag:yaml.org,2002:") else event.tag
                    raise Invalid(Message("yaml.tag", tag=quote(tag)), line, field=top_key)
                parent = stack[-1] if stack else None
                if parent is None:
                    path = ()
                elif isinstance(parent.container, list):
                    path = (*parent.path, len(parent.container))
                    if _NOT_A_KEY not in path:
                        located.marks[path] = line
                elif parent.key is None or parent.key is _NOT_A_KEY or parent.skip:
                    path = (_NOT_A_KEY,)  # a key that is a list or mapping, or the dropped value of a twice-written key
                else:
                    path = (*parent.path, parent.key)
                if kind is yaml.ScalarEvent:
                    value = event.value
                else:
                    if len(stack) >= MAX_DEPTH:
                        raise Invalid(Message("yaml.deep"), line, field=top_key)
                    container = {} if kind is yaml.MappingStartEvent else []
                    stack.append(_Frame(container, path))
                    continue
            # A finished value: the document, a list entry, a key or a key's value.
            if not stack:
                root = value
                continue
            parent = stack[-1]
            if isinstance(parent.container, list):
                parent.container.append(value)
            elif parent.key is None:
                _key(located, parent, value, line, top_key)
                if len(stack) == 1 and parent.key is not _NOT_A_KEY:
                    top_key = parent.key
            else:
                if not parent.skip and parent.key is not _NOT_A_KEY:
                    parent.container[parent.key] = value
                parent.key, parent.skip = None, False
    except yaml.YAMLError as error:
        raise _syntax(error, text, offset, first_line) from None
    finally:
        parser.dispose()
    if root is None or root == "":
        return located
    if not isinstance(root, dict):
        raise Invalid(Message("yaml.not_mapping"), first_line)
    located.data = root
    return located


def _key(located: Located, frame: _Frame, key, line: int, top_key: str | None) -> None:
    """A mapping's key has been read: note its line, or the mistake it is."""
    top = frame.path == ()
    if not isinstance(key, str):
        located.mistakes.append(
            (
                line,
                top_key if not top and top_key else "front-matter",
                Message("yaml.key_not_word"),
            )
        )
        frame.key, frame.skip = _NOT_A_KEY, True
        return
    frame.key = key
    if key in frame.container:
        if top:
            located.mistakes.append((line, key, Message("yaml.twice")))
        else:
            located.mistakes.append((line, top_key or key, Message("yaml.key_twice", key=quote(key))))
        frame.skip = True
    elif _NOT_A_KEY not in frame.path:
        located.marks[(*frame.path, key)] = line


def _syntax(error: yaml.YAMLError, text: str, offset: int, first_line: int) -> Invalid:
    """A YAML syntax error as a mistake at its line, in words an editor can act on."""
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    if getattr(error, "context", None) == "while scanning a quoted scalar" and error.context_mark:
        mark = error.context_mark  # an unclosed quote: where it opens, not where YAML gave up
    if isinstance(error, yaml.reader.ReaderError):
        position = max(0, min(getattr(error, "position", 0), len(text)))
        line = text.count("\n", 0, position) + 1 + offset
        character = getattr(error, "character", None)
        code = character if isinstance(character, int) else ord(character) if character else 0
        return Invalid(Message("yaml.character", code=f"{code:04X}"), line)
    line = mark.line + 1 + offset if mark else first_line
    problem = visible(str(getattr(error, "problem", None) or "is not valid YAML"))
    return Invalid(Message("yaml.syntax", problem=_PROBLEMS.get(problem, problem)), line)


@dataclass
class Source:
    """A Markdown file split into front-matter and body."""

    meta: Located
    body: str
    body_line: int


def split_front_matter(text: str, required: bool = False) -> Source:
    """Split ``---``-fenced front-matter from the body. Raises ``Invalid`` with a line: one
    mistake for front-matter without its opening ``---``, and (``required``) for none at all."""
    text = text.lstrip("\ufeff").replace("\r\n", "\n")
    lines = text.split("\n")
    if not lines or lines[0].rstrip() != "---":
        for index, line in enumerate(lines):
            if line.rstrip() == "---" and index:
                raise Invalid(Message("yaml.no_opening"), 1)
            if line.strip() and not _FIELD.match(line) and not line.startswith((" ", "\t", "-")):
                break  # text, not fields: no front-matter was meant
        if required:
            raise Invalid(Message("yaml.no_front_matter"), 1)
        return Source(Located(), text, 1)
    for index in range(1, len(lines)):
        if lines[index].rstrip() in ("---", "..."):
            meta = load_mapping("\n".join(lines[1:index]), first_line=2)
            return Source(meta, "\n".join(lines[index + 1 :]), index + 2)
    raise Invalid(Message("yaml.unclosed"), 1)
