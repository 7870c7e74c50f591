"""The language a text on a page is written in where it is not the page's: the one rule, so that a
voice reads a Latvian title on an English page as Latvian (its element carries ``lang``).

What is known, from the data model, to be in the default language on another language's page:

- a field of an item whose text there is the default language file's own text for that field: a
  title, summary, person or partner that the other file keeps as the default file writes it, and the
  language-neutral texts (authors, publisher, a story's author, its source's name), which are
  written once for every language; for a list, an entry that the default file's list holds; for
  figures and files, a label that the default file gives;
- a vocabulary term (data/*.yml) that has no form in the page's language, or the same form as in
  the default language.

A name (an author, a partner, a publisher) is first translated where a vocabulary gives it in both
languages: a term whose default-language form is that name and that has a form in the page's.
Nothing else is guessed: an item without a default-language file says nothing of its texts.
"""

from __future__ import annotations

from ..contract.vocab import VOCABULARIES, Term, Vocabularies
from ..model.items import Translation


def field_language(tr: Translation, name: str, value=None, *, default: str) -> str | None:
    """``default`` where ``value`` (else the field's whole text) shown on ``tr``'s page is the
    default language file's own text, else None."""
    source = tr.item.translations.get(default)
    if tr.lang == default or source is None:
        return None
    theirs = source.get(name)
    if value is None:
        value = tr.get(name)
        return default if value and value == theirs else None
    return default if value and value in _entries(theirs) else None


def term_language(term: Term | None, lang: str, *, default: str) -> str | None:
    """``default`` where a term is shown in its default-language form on a page in ``lang``."""
    if term is None or lang == default:
        return None
    own = term.labels.get(lang)
    return default if not own or own == term.labels.get(default) else None


def names(vocab: Vocabularies, default: str) -> dict[str, dict]:
    """Every vocabulary term's forms by its default-language form (built once per build): where
    a name is one of them, ``translated_name`` gives its form in another language."""
    return {
        term.labels[default]: term.labels
        for vocabulary in VOCABULARIES
        for term in vocab.get(vocabulary).values()
        if term.labels.get(default)
    }


def translated_name(names: dict[str, dict], text: str, lang: str, *, default: str) -> str | None:
    """A name's form in ``lang`` where a vocabulary gives it in both languages (``names``), else None."""
    labels = names.get(text) if lang != default else None
    return labels[lang] if labels and labels.get(lang) and labels[lang] != text else None


def _entries(value) -> list:
    """A field's texts: itself, a list's entries, a mapping's (or each listed mapping's) label or name."""
    if not value:
        return []
    if isinstance(value, str):
        return [value]
    if _is_mapping(value):
        return [text for key, text in _pairs(value) if key in ("label", "name")]
    return [text for entry in value for text in _entries(entry)]


def _is_mapping(value) -> bool:
    """A mapping, as front-matter gives it: a dict, or a tuple of (key, value) pairs."""
    return isinstance(value, dict) or all(
        isinstance(pair, tuple) and len(pair) == 2 and isinstance(pair[0], str) for pair in value
    )


def _pairs(value):
    return value.items() if isinstance(value, dict) else value
