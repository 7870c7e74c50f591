"""The content model: items and translations, partial dates, and loading the whole content."""
