"""Mistakes in content, reported to editors as one line each."""

from __future__ import annotations

import difflib
from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Mistake:
    """One mistake: ``path:line: field: message``."""

    path: str
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.field}: {self.message}"

    def annotation(self) -> str:
        """The mistake as a GitHub Actions command, shown on the pull request's diff."""

        def escape(text: str, extra: str = "") -> str:
            text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
            return text.replace(":", "%3A").replace(",", "%2C") if extra else text

        return (
            f"::error file={escape(self.path, 'property')},line={self.line}::{escape(f'{self.field}: {self.message}')}"
        )


class Invalid(ValueError):
    """Raised by a field check; ``line`` points into a list when it is known."""

    def __init__(self, message: str, line: int | None = None):
        super().__init__(message)
        self.message = message
        self.line = line


class Report:
    """Collects every mistake of a run, so that all of them are shown at once."""

    def __init__(self) -> None:
        self._mistakes: list[Mistake] = []

    def add(self, path: str, line: int | None, field: str, message: str) -> None:
        self._mistakes.append(Mistake(path, line or 1, field, message))

    def paths(self) -> set[str]:
        return {m.path for m in self._mistakes}

    @property
    def mistakes(self) -> list[Mistake]:
        return sorted(set(self._mistakes))


def did_you_mean(word: str, choices) -> str:
    """A suggestion such as " did you mean 'ventspils'?", or "" when nothing is close."""
    close = difflib.get_close_matches(str(word), sorted(choices), n=1, cutoff=0.6)
    return f"; did you mean '{close[0]}'?" if close else ""
