"""Texts in several languages: one translation mechanism for the whole site.

Each kind of text is a folder of YAML files, one per language, each a mapping of key to text:
``data/ui/<code>.yml`` (the pages' interface, pages/strings.py checks it like content) and
``data/messages/<code>.yml`` (what the checks and tools tell editors, base/messages.py). A text
is looked up in its language, else in the default language's file; placeholders are str.format
fields (``{count}``), and a brace of the text itself is doubled.
"""

from __future__ import annotations

from pathlib import Path

import yaml


class Texts:
    """``tables``: language code -> key -> text; ``default``: the language a missing text falls
    back to."""

    def __init__(self, tables: dict[str, dict[str, str]], default: str):
        self.tables = tables
        self.default = default
        self._merged: dict[str, dict[str, str]] = {}

    def own(self, lang: str, key: str) -> str | None:
        """The text in that language only, or None."""
        return self.tables.get(lang, {}).get(key)

    def text(self, lang: str, key: str) -> str | None:
        """The text in that language, else in the default language, else None."""
        return self.own(lang, key) or self.own(self.default, key)

    def merged(self, lang: str) -> dict[str, str]:
        """Every text of a language, the default language's where it has none (made once)."""
        if lang not in self._merged:
            self._merged[lang] = {**self.tables.get(self.default, {}), **self.tables.get(lang, {})}
        return self._merged[lang]


def read_folder(folder: Path, codes: tuple[str, ...], default: str) -> Texts:
    """The texts of ``folder`` (``<code>.yml`` for each of ``codes``), read as plain YAML: for the
    texts that ship with the code (data/messages/); the interface texts are read with their lines
    and checked by pages/strings.py."""
    tables = {}
    for code in codes:
        with (folder / f"{code}.yml").open(encoding="utf-8") as file:
            tables[code] = yaml.load(file, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))  # a safe loader
    return Texts(tables, default)
