"""Site settings read from mkdocs.yml (``extra.lrp``): languages, section addresses, nav."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import yaml

COLLECTIONS = ("stories", "events", "publications")
SECTIONS = (*COLLECTIONS, "timeline", "themes", "places", "search")
SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
SLUG_MAX = 80


@dataclass(frozen=True)
class Language:
    code: str
    name: str
    locale: str  # Babel locale for dates: "lv", "en_GB"
    og_locale: str
    prefix: str  # "" for the default language, "en/" for the others
    sections: Mapping[str, str]

    def section_url(self, section: str) -> str:
        return f"{self.prefix}{self.sections[section]}/"


@dataclass(frozen=True)
class Settings:
    root: Path
    languages: tuple[Language, ...]
    page_size: int = 12
    nav: tuple[str, ...] = ()

    @property
    def default(self) -> Language:
        return self.languages[0]

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(language.code for language in self.languages)

    def language(self, code: str) -> Language:
        return next(language for language in self.languages if language.code == code)

    @classmethod
    def from_mkdocs_yml(cls, root: Path) -> Settings:
        """Read ``extra.lrp`` from ``root/mkdocs.yml`` without MkDocs (its tags are ignored)."""
        config = _ConfigLoader((Path(root) / "mkdocs.yml").read_text(encoding="utf-8")).get_single_data()
        return cls.from_mapping(Path(root), ((config or {}).get("extra") or {}).get("lrp") or {})

    @classmethod
    def from_mapping(cls, root: Path, mapping: Mapping) -> Settings:
        """Read ``extra.lrp`` of mkdocs.yml; raises ``ValueError`` on a configuration error."""
        raw_languages = mapping.get("languages") or []
        if not raw_languages:
            raise ValueError("extra.lrp.languages: at least one language is needed")
        languages = []
        for index, raw in enumerate(raw_languages):
            code = raw.get("code", "")
            if not re.match(r"^[a-z]{2,3}$", code):
                raise ValueError(f"extra.lrp.languages[{index}].code: '{code}' is not a language code")
            sections = dict(raw.get("sections") or {})
            missing = [s for s in SECTIONS if not SLUG.match(str(sections.get(s, "")))]
            if missing:
                raise ValueError(f"extra.lrp.languages[{index}].sections: give {', '.join(missing)}")
            languages.append(
                Language(
                    code=code,
                    name=raw.get("name", code),
                    locale=raw.get("locale", code),
                    og_locale=raw.get("og_locale", raw.get("locale", code)),
                    prefix="" if index == 0 else f"{code}/",
                    sections=sections,
                )
            )
        return cls(
            root=Path(root),
            languages=tuple(languages),
            page_size=int(mapping.get("page_size", 12)),
            nav=tuple(mapping.get("nav") or ()),
        )


class _ConfigLoader(yaml.SafeLoader):
    """PyYAML's safe loader, reading MkDocs' own tags (``!ENV`` and the like) as None."""


_ConfigLoader.add_multi_constructor("!", lambda loader, suffix, node: None)
_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)
