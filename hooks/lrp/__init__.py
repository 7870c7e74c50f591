"""Content core of the Latvian Roma Platform site.

Loads, validates and models the content written to the content contract (as the editors' guide,
docs/editors.*.md, states it):
items and their translations, vocabularies, partial dates, addresses and listings.
It imports nothing from MkDocs; the hooks in ../mkdocs_hooks.py adapt it to a build.
"""

from .base.errors import Mistake
from .base.settings import Settings
from .model.content import Content, load_content

__all__ = ["Content", "Mistake", "Settings", "load_content"]
