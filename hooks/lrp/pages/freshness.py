"""Which built pages a dirty build (`mkdocs serve --dirty`) can keep: those newer than every
file they show and than every file that shapes all pages. Only modification times are read."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path


def newest(folders: Iterable[Path], files: Iterable[Path] = ()) -> float:
    """The newest modification time of ``files`` and of the files under ``folders``."""
    paths = list(files)
    for folder in folders:
        paths.extend(path for path in folder.rglob("*") if path.is_file() and "__pycache__" not in path.parts)
    return max((path.stat().st_mtime for path in paths), default=0.0)


def unchanged(pages, site: Path, root: Path, shared: float) -> set[str]:
    """The ``src_uri`` of the planned pages whose built file in ``site`` is newer than their
    ``sources`` (repository paths under ``root``) and than ``shared``, the newest of the files
    that shape every page. A page without sources shows the whole content: never kept."""
    kept = set()
    for page in pages:
        dest = site / page.dest_uri
        if page.sources is None or not dest.is_file():
            continue
        built = dest.stat().st_mtime
        if shared < built and all(_older(root / path, built) for path in page.sources):
            kept.add(page.src_uri)
    return kept


def _older(path: Path, than: float) -> bool:
    return path.is_file() and path.stat().st_mtime < than
