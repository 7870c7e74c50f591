"""The site's own UI strings per language (data/ui/<lang>.yml); Material's come from Material."""

from __future__ import annotations

from pathlib import Path

from .errors import Invalid
from .settings import Settings
from .yamlmarks import load_mapping


class Strings:
    """``t(lang, key)``: the text in that language, else in the default language, else the key."""

    def __init__(self, settings: Settings, tables: dict[str, dict]):
        self.default = settings.default.code
        self.tables = tables
        self._tables: dict[str, _Texts] = {}

    @classmethod
    def load(cls, settings: Settings) -> Strings:
        tables = {}
        for code in settings.codes:
            path = Path(settings.root) / "data" / "ui" / f"{code}.yml"
            try:
                tables[code] = load_mapping(path.read_text(encoding="utf-8")).data if path.is_file() else {}
            except Invalid as error:
                raise ValueError(f"data/ui/{code}.yml:{error.line}: {error.message}") from None
        return cls(settings, tables)

    def table(self, lang: str) -> dict:
        """All texts of a language as a mapping, ``table[key]`` as ``t(lang, key)``: templates
        look texts up without a call per text."""
        if lang not in self._tables:
            merged = {key: str(text) for key, text in self.tables.get(self.default, {}).items() if text}
            merged.update((key, str(text)) for key, text in self.tables.get(lang, {}).items() if text)
            self._tables[lang] = _Texts(merged)
        return self._tables[lang]

    def own(self, lang: str, key: str) -> str | None:
        """The text in that language only, or None."""
        text = self.tables.get(lang, {}).get(key)
        return str(text) if text else None

    def t(self, lang: str, key: str, **values) -> str:
        text = self.tables.get(lang, {}).get(key) or self.tables.get(self.default, {}).get(key) or key
        return str(text).format(**values) if values else str(text)


class _Texts(dict):
    """A language's texts; a key without a text gives the key itself, as ``Strings.t`` does."""

    def __missing__(self, key: str) -> str:
        return key
