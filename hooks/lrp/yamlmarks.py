"""Front-matter and data files read with PyYAML's safe loader, keeping line numbers."""

from __future__ import annotations

from dataclasses import dataclass, field

import yaml

from .errors import Invalid

_TIMESTAMP = "tag:yaml.org,2002:timestamp"


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """Safe loader (libyaml's C parser where PyYAML has it) that leaves dates as text: the date
    rules are the contract's, not YAML's. Both parsers keep the line of every node."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != _TIMESTAMP]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


@dataclass
class Located:
    """A top-level mapping with the line of each key and of each list element."""

    data: dict = field(default_factory=dict)
    lines: dict = field(default_factory=dict)
    item_lines: dict = field(default_factory=dict)

    def line(self, key: str, index: int | None = None) -> int | None:
        if index is not None and key in self.item_lines:
            items = self.item_lines[key]
            if index < len(items):
                return items[index]
        return self.lines.get(key)


def load_mapping(text: str, first_line: int = 1) -> Located:
    """Parse YAML text holding one mapping; ``first_line`` is the file line of its first line.

    Raises ``Invalid`` with the file line for syntax errors, duplicate keys and non-mappings.
    """
    offset = first_line - 1
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return Located()
        if not isinstance(node, yaml.MappingNode):
            raise Invalid("must be a list of 'field: value' lines", first_line)
        result = Located()
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node, deep=True)
            line = key_node.start_mark.line + 1 + offset
            if not isinstance(key, str):
                raise Invalid(f"'{key}' is not a field name", line)
            if key in result.data:
                raise Invalid(f"'{key}' is written twice", line)
            result.data[key] = loader.construct_object(value_node, deep=True)
            result.lines[key] = line
            if isinstance(value_node, yaml.SequenceNode):
                result.item_lines[key] = [n.start_mark.line + 1 + offset for n in value_node.value]
        return result
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
        line = mark.line + 1 + offset if mark else first_line
        problem = getattr(error, "problem", None) or "is not valid YAML"
        raise Invalid(f"YAML syntax: {problem}", line) from None
    finally:
        loader.dispose()


@dataclass
class Source:
    """A Markdown file split into front-matter and body."""

    meta: Located
    body: str
    body_line: int


def split_front_matter(text: str) -> Source:
    """Split ``---``-fenced front-matter from the body. Raises ``Invalid`` with a line."""
    text = text.lstrip("\ufeff").replace("\r\n", "\n")
    lines = text.split("\n")
    if not lines or lines[0].rstrip() != "---":
        return Source(Located(), text, 1)
    for index in range(1, len(lines)):
        if lines[index].rstrip() in ("---", "..."):
            meta = load_mapping("\n".join(lines[1:index]), first_line=2)
            return Source(meta, "\n".join(lines[index + 1 :]), index + 2)
    raise Invalid("the front-matter opened with '---' on line 1 is never closed with '---'", 1)
