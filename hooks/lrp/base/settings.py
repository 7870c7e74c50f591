"""Site settings read from mkdocs.yml (``extra.lrp``): languages, section addresses, nav."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import yaml
import yaml_env_tag
from babel import Locale, UnknownLocaleError

from .messages import Message

COLLECTIONS = ("stories", "events", "publications")
SECTIONS = (*COLLECTIONS, "timeline", "themes", "places", "search")
SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
SLUG_MAX = 80
# The tagging entity of tag: URIs (RFC 4151): a domain name or an e-mail address, a comma and a
# date (YYYY, YYYY-MM or YYYY-MM-DD) on which its owner held it, e.g. "romu-platforma.lv,2021".
_LABEL = r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?"
TAG_AUTHORITY = re.compile(
    rf"^(?:[A-Za-z0-9._%+-]+@)?{_LABEL}(?:\.{_LABEL})+,[0-9]{{4}}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12][0-9]|3[01]))?)?$",
    re.ASCII,
)


@dataclass(frozen=True)
class Language:
    code: str
    name: str
    locale: str  # Babel locale for dates: "lv", "en_GB"
    og_locale: str
    prefix: str  # "" for the default language, "en/" for the others
    sections: Mapping[str, str]


@dataclass(frozen=True)
class Settings:
    root: Path
    languages: tuple[Language, ...]
    page_size: int = 12
    nav: tuple[str, ...] = ()
    tag_authority: str | None = None  # of the feeds' entry ids; without it they are the entries' addresses
    # The site's own address (mkdocs.yml ``site_url``, ending in "/"): a body link written as it is a
    # link on this site. None: the site has no address (only links from the site root are the site's).
    site_url: str | None = None

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
        """Read ``extra.lrp`` from ``root/mkdocs.yml`` without MkDocs (its tags are ignored).

        Raises ``ValueError`` with a ``Message`` for an unreadable file or a configuration error."""
        try:
            config = _ConfigLoader((Path(root) / "mkdocs.yml").read_text(encoding="utf-8")).get_single_data()
        except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
            raise ValueError(Message("config.unreadable", error=str(error))) from None
        config = config if isinstance(config, dict) else {}
        extra = config.get("extra")
        lrp = (extra.get("lrp") if isinstance(extra, dict) else None) or {}
        return cls.from_mapping(Path(root), lrp, site_url=config.get("site_url"))

    @classmethod
    def from_mapping(cls, root: Path, mapping: Mapping, site_url=None) -> Settings:
        """Read ``extra.lrp`` of mkdocs.yml (and its ``site_url``); raises ``ValueError`` (with a
        ``Message``) on a configuration error."""
        site_url = _site_url(site_url)
        if not isinstance(mapping, Mapping):
            raise ValueError(Message("config.mapping"))
        raw_languages = mapping.get("languages") or []
        if not raw_languages or not isinstance(raw_languages, list):
            raise ValueError(Message("config.languages"))
        languages = []
        for index, raw in enumerate(raw_languages):
            where = f"extra.lrp.languages[{index}]"
            if not isinstance(raw, Mapping):
                raise ValueError(Message("config.language", where=where))
            code = raw.get("code", "")
            if not isinstance(code, str) or not re.match(r"^[a-z]{2,3}$", code):
                raise ValueError(Message("config.code", where=where, code=str(code)))
            if code in (language.code for language in languages):
                raise ValueError(Message("config.code_twice", where=where, code=code))
            raw_sections = raw.get("sections") or {}
            if not isinstance(raw_sections, Mapping):
                raise ValueError(Message("config.sections", where=where))
            sections = {str(key): str(value) for key, value in raw_sections.items()}
            missing = [s for s in SECTIONS if not SLUG.match(sections.get(s, ""))]
            if missing:
                raise ValueError(Message("config.sections_missing", where=where, missing=", ".join(missing)))
            texts = {key: raw.get(key, default) for key, default in (("name", code), ("locale", code))}
            texts["og_locale"] = raw.get("og_locale", texts["locale"])
            for key, value in texts.items():
                if not isinstance(value, str) or not value.strip():
                    raise ValueError(Message("config.text", where=where, key=key))
            try:
                Locale.parse(texts["locale"])
            except (ValueError, TypeError, UnknownLocaleError):
                raise ValueError(Message("config.locale", where=where, locale=texts["locale"])) from None
            languages.append(
                Language(
                    code=code,
                    name=texts["name"],
                    locale=texts["locale"],
                    og_locale=texts["og_locale"],
                    prefix="" if index == 0 else f"{code}/",
                    sections=sections,
                )
            )
        page_size = mapping.get("page_size", 12)
        if isinstance(page_size, bool) or not isinstance(page_size, int) or not 1 <= page_size <= 1000:
            raise ValueError(Message("config.page_size"))
        nav = mapping.get("nav") or ()
        if not isinstance(nav, list | tuple) or not all(isinstance(entry, str) for entry in nav):
            raise ValueError(Message("config.nav"))
        tag_authority = mapping.get("tag_authority")
        if tag_authority is not None and not (isinstance(tag_authority, str) and TAG_AUTHORITY.match(tag_authority)):
            raise ValueError(Message("config.tag_authority"))
        return cls(
            root=Path(root),
            languages=tuple(languages),
            page_size=page_size,
            nav=tuple(nav),
            tag_authority=tag_authority,
            site_url=site_url,
        )


def _site_url(value) -> str | None:
    """mkdocs.yml's ``site_url``, an http(s) address ending in "/"; None where it gives none."""
    if value is None or value == "":
        return None
    try:
        parts = urlsplit(value) if isinstance(value, str) else None
    except ValueError:
        parts = None
    if not parts or parts.scheme not in ("http", "https") or not parts.hostname or parts.query or parts.fragment:
        raise ValueError(Message("config.site_url"))
    return value.rstrip("/") + "/"


def markdown_extensions(root: Path) -> list:
    """``markdown_extensions`` of ``root/mkdocs.yml``, as written there; ``ValueError`` if unreadable."""
    try:
        config = _ConfigLoader((Path(root) / "mkdocs.yml").read_text(encoding="utf-8")).get_single_data()
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        raise ValueError(Message("config.extensions", error=str(error).splitlines()[0])) from None
    entries = (config or {}).get("markdown_extensions") if isinstance(config, dict) else None
    return list(entries) if isinstance(entries, list) else []


class _ConfigLoader(yaml.SafeLoader):
    """PyYAML's safe loader, reading ``!ENV`` as MkDocs does and MkDocs' other tags as None."""


_ConfigLoader.add_constructor("!ENV", yaml_env_tag.construct_env_tag)
_ConfigLoader.add_multi_constructor("!", lambda loader, suffix, node: None)
_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)
