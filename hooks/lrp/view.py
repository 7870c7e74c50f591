"""What templates ask of the content: labels, dates, links. One object per build."""

from __future__ import annotations

from .content import Content
from .dates import format_span
from .model import Item, Translation
from .plan import SitePlan
from .strings import Strings


class SiteView:
    def __init__(self, content: Content, plan: SitePlan, strings: Strings, site_url: str):
        self.content = content
        self.plan = plan
        self.strings = strings
        self.site_url = site_url.rstrip("/") + "/"
        self.settings = content.settings
        self.material_languages: frozenset = frozenset()  # languages Material has UI strings for

    def language_name(self, code: str, lang: str) -> str:
        """The name of a language (of a work) in the page's language, else its code."""
        key = f"language.{code}"
        name = self.strings.t(lang, key)
        return code if name == key else name

    def t(self, lang: str, key: str, **values) -> str:
        return self.strings.t(lang, key, **values)

    def when(self, tr: Translation) -> str:
        """The item's date or span, in its language's long form."""
        return format_span(tr.date, tr.end, self.settings.language(tr.lang).locale)

    def label(self, vocabulary: str, term_id: str, lang: str) -> str:
        term = self.content.vocab.get(vocabulary).get(term_id)
        return term.label(lang, self.settings.default.code) if term else term_id

    def page_url(self, item: Item | None, lang: str) -> str | None:
        """Address of an item in a language, or None where it is not published in it."""
        tr = self.content.translation(item, lang)
        return tr.url if tr else None

    def related(self, tr: Translation) -> list[Translation]:
        return self._shown(tr.item.related, tr.lang)

    def launched(self, tr: Translation) -> list[Translation]:
        return self._shown(tr.item.launched, tr.lang)

    def launch(self, tr: Translation) -> Translation | None:
        return self.content.translation(tr.item.launch, tr.lang)

    def project_page(self, project_id: str | None, lang: str) -> Translation | None:
        for item in self.content.docs.values():
            if project_id and item.value("project") == project_id:
                return self.content.translation(item, lang)
        return None

    def project_events(self, project_id: str, lang: str) -> list[Translation]:
        return [tr for tr in self.content.listing("events", lang) if tr.get("project") == project_id]

    def latest(self, collection: str, lang: str, count: int = 3) -> list[Translation]:
        return self.content.listing(collection, lang)[:count]

    def featured(self, lang: str) -> Translation | None:
        publications = self.content.listing("publications", lang)
        return next((tr for tr in publications if tr.get("featured")), publications[0] if publications else None)

    def absolute(self, url: str) -> str:
        return self.site_url + url

    def media(self, repo_path: str) -> str:
        """Site address of an image or download, from its repository path."""
        return f"media/{repo_path}"

    def _shown(self, items, lang: str) -> list[Translation]:
        return [tr for item in items if (tr := self.content.translation(item, lang))]
