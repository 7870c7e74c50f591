"""Content core of the Latvian Roma Platform site.

Loads, validates and models the content written to ../shared/content-contract.md:
items and their translations, vocabularies, partial dates, addresses and listings.
It imports nothing from MkDocs; the hooks in ../mkdocs_hooks.py adapt it to a build.
"""

from .contract.errors import Mistake
from .model.content import Content, load_content
from .settings import Settings

__all__ = ["Content", "Mistake", "Settings", "load_content"]
