"""Which built pages a dirty build keeps (hooks/lrp/pages/freshness.py), on its own."""

import os
from dataclasses import dataclass
from pathlib import Path

from lrp.pages import freshness


@dataclass
class Page:
    src_uri: str
    dest_uri: str
    sources: tuple | None


def touch(path: Path, mtime: float) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("x", encoding="utf-8")
    os.utime(path, (mtime, mtime))
    return path


def test_a_page_is_kept_only_while_newer_than_what_it_shows(tmp_path):
    root, site = tmp_path / "repo", tmp_path / "site"
    touch(root / "events/a.lv.md", 100)
    touch(root / "events/b.lv.md", 300)  # edited after the build
    for name in ("a", "b", "listing", "new"):
        if name != "new":
            touch(site / name / "index.html", 200)
    pages = [
        Page("events/a.lv.md", "a/index.html", ("events/a.lv.md",)),
        Page("events/b.lv.md", "b/index.html", ("events/a.lv.md", "events/b.lv.md")),  # shows b
        Page("_lrp/listing.md", "listing/index.html", None),  # shows everything
        Page("events/new.lv.md", "new/index.html", ("events/a.lv.md",)),  # never built
        Page("events/gone.lv.md", "a/index.html", ("events/gone.lv.md",)),  # shows a deleted file
    ]
    assert freshness.unchanged(pages, site, root, shared=50) == {"events/a.lv.md"}
    assert freshness.unchanged(pages, site, root, shared=250) == set()  # the templates changed


def test_newest_modification_time_of_folders_and_files(tmp_path):
    touch(tmp_path / "data/ui/lv.yml", 10)
    touch(tmp_path / "data/__pycache__/x.pyc", 99)  # written by Python, not by anyone editing
    config = touch(tmp_path / "mkdocs.yml", 20)
    assert freshness.newest([tmp_path / "data"], [config]) == 20
    assert freshness.newest([tmp_path / "data"]) == 10
