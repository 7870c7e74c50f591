"""When the content's files changed: read from Git once per build, for feeds, sitemap and structured data.

One ``git log`` over the whole repository gives, for every file it ever touched, the time of the
first and the last commit that touched it (on the first-parent line of the checked-out branch,
so that a merged change counts from when it was merged). Where Git is absent, the folder is not a
repository, or a file is not committed, a file's last change is SOURCE_DATE_EPOCH when it is set
(a reproducible build), else the file's modification time; its first appearance is then unknown.
No time is ever later than the moment the history was read.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

# %x00%ct: a NUL and the committer's time as a Unix timestamp; --name-only -z then lists the
# commit's files, each ended by a NUL. Commit records are separated by a NUL of their own.
_COMMAND = ("log", "--first-parent", "--no-renames", "--format=%x00%ct", "--name-only", "-z", "--relative", "--", ".")
_TIMEOUT = 120  # seconds; a repository's whole history is read in well under a second


@dataclass
class History:
    """``last(paths)``: the newest change of some repository files; ``first(path)``: when one appeared."""

    root: Path
    commits: dict = field(default_factory=dict)  # repository path -> (first, last) Unix timestamps
    epoch: int | None = None  # SOURCE_DATE_EPOCH, if set
    now: float = 0.0  # no time is later than this
    _fallbacks: dict = field(default_factory=dict, repr=False)

    @classmethod
    def read(cls, root: Path, epoch: int | None = None, git: str = "git") -> History:
        """The history of the repository at ``root``: one Git command, never an exception."""
        root = Path(root)
        now = dt.datetime.now(dt.UTC).timestamp()
        env = {**os.environ, "GIT_TERMINAL_PROMPT": "0", "LC_ALL": "C"}
        env.pop("GIT_DIR", None)
        env.pop("GIT_WORK_TREE", None)
        try:
            result = subprocess.run(
                [git, "-C", str(root), "-c", "core.quotePath=false", *_COMMAND],
                capture_output=True,
                timeout=_TIMEOUT,
                env=env,
                check=False,
            )
        except (OSError, subprocess.SubprocessError):  # no Git, or it hangs
            return cls(root, {}, epoch, now)
        commits = parse(result.stdout) if result.returncode == 0 else {}
        return cls(root, commits, epoch, now)

    def last(self, paths: Iterable[str]) -> dt.datetime | None:
        """The newest change of these repository files, in UTC; None for no paths."""
        times = [self._last(path) for path in paths]
        known = [time for time in times if time is not None]
        return _utc(max(known)) if known else None

    def first(self, path: str) -> dt.datetime | None:
        """When a file was first committed, in UTC; None where Git does not know it."""
        times = self.commits.get(path)
        return _utc(min(times[0], self.now)) if times else None

    def newest(self) -> dt.datetime:
        """The newest change the history knows of: the last commit, else SOURCE_DATE_EPOCH, else now."""
        if self.commits:
            return _utc(min(max(last for _, last in self.commits.values()), self.now))
        return _utc(self.epoch if self.epoch is not None else self.now)

    def _last(self, path: str) -> float | None:
        times = self.commits.get(path)
        if times:
            return min(times[1], self.now)
        if path not in self._fallbacks:
            self._fallbacks[path] = self._fallback(path)
        return self._fallbacks[path]

    def _fallback(self, path: str) -> float | None:
        if self.epoch is not None:
            return min(self.epoch, self.now)
        try:
            return min((self.root / path).stat().st_mtime, self.now)
        except (OSError, ValueError):
            return None


def parse(output: bytes) -> dict[str, tuple[int, int]]:
    """``git log --format=%x00%ct --name-only -z`` output: path -> (first, last) commit time."""
    commits: dict[str, tuple[int, int]] = {}
    tokens = output.decode("utf-8", "surrogateescape").split("\0")
    index = 0
    while index < len(tokens):
        token = tokens[index]
        index += 1
        if token or index >= len(tokens) or not tokens[index].isdigit():
            continue
        stamp = int(tokens[index])
        index += 1
        first_name = True
        while index < len(tokens) and tokens[index]:  # the commit's files, up to the next record
            name = tokens[index]
            if first_name:
                name = name.removeprefix("\n")  # the line break between the format and the names
                first_name = False
            index += 1
            if not name:
                continue
            earlier = commits.get(name)
            commits[name] = (min(earlier[0], stamp), max(earlier[1], stamp)) if earlier else (stamp, stamp)
    return commits


def _utc(timestamp: float) -> dt.datetime:
    return dt.datetime.fromtimestamp(int(timestamp), dt.UTC)


def stamp(moment: dt.datetime) -> str:
    """An RFC 3339 time in UTC to the second, as Atom and sitemaps write it: ``2024-05-01T12:00:00Z``."""
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def source_date_epoch() -> int | None:
    """SOURCE_DATE_EPOCH of the environment, if it is a whole number of seconds."""
    value = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    return int(value) if value.isdigit() else None
