"""`make serve` runs `mkdocs serve --dirty`: a rebuild leaves the pages whose files did not
change as they were, and rebuilds the rest, the listings and the search index."""

import gc
import json
import os

import pytest
from conftest import build_site, read, write_site

EDITED = "events/fiction-seminar-2021.lv.md"


# Modification times set by the tests, not left to the clock: the built pages as written at BUILT, an
# edit after it. No file of the repository is that new (2096), and a page a rebuild writes is
# written at the clock's time, before it: a page still at BUILT is one the rebuild kept.
BUILT = 4_000_000_000
EDITED_AFTER = BUILT + 60


def set_mtime(path, seconds: int) -> None:
    os.utime(path, (seconds, seconds))


def as_built_at_BUILT(site) -> None:
    """Every page of ``site`` as if the build had written it at BUILT."""
    for path in site.rglob("*.html"):
        set_mtime(path, BUILT)


def kept(site, *urls) -> dict[str, bool]:
    """Whether each page is as the first build wrote it (still at BUILT) or written anew."""
    return {url: os.stat(site / url / "index.html").st_mtime_ns == BUILT * 10**9 for url in urls}


def edit(path, change) -> None:
    path.write_text(change(path.read_text(encoding="utf-8")), encoding="utf-8")
    set_mtime(path, EDITED_AFTER)


def search_pages(site) -> dict:
    entry = json.loads((site / "pagefind" / "pagefind-entry.json").read_text())
    return {code: language["page_count"] for code, language in entry["languages"].items()}


@pytest.mark.slow
def test_a_dirty_rebuild_rebuilds_only_what_an_edit_changes(tmp_path):
    root = write_site(tmp_path)
    site = build_site(root, dirty=True)
    pages = search_pages(site)
    unrelated, related = "pasakumi/fiction-month", "dzives-stasti/anna-fiction"
    as_built_at_BUILT(site)
    edit(root / EDITED, lambda text: text.replace("title: ", "title: Labots ", 1) + "\nJauns teikums.\n")
    build_site(root, dirty=True)
    assert kept(site, unrelated, "pasakumi", "en/events/fiction-seminar-2021") == {
        unrelated: True,  # nothing it shows changed
        "pasakumi": False,  # listings are always rebuilt
        # the English page shows the edited item's language-neutral fields and its switcher: rebuilt too
        "en/events/fiction-seminar-2021": False,
    }
    assert "Jauns teikums." in read(site, "pasakumi/fiction-seminar-2021")
    assert ">Labots " in read(site, related)  # its list of related items shows the new title
    assert ">Labots " in read(site, "pasakumi")
    assert search_pages(site) == pages  # every page is still searchable, none twice


@pytest.mark.slow
def test_a_change_to_what_every_page_shows_rebuilds_every_page(tmp_path):
    root = write_site(tmp_path)
    site = build_site(root, dirty=True)
    as_built_at_BUILT(site)
    set_mtime(root / "data" / "ui" / "lv.yml", EDITED_AFTER)  # saved again, as it was
    build_site(root, dirty=True)
    assert kept(site, "dzives-stasti/anna-fiction") == {"dzives-stasti/anna-fiction": False}


def test_an_edit_is_searchable_after_a_dirty_rebuild(tmp_path):
    import subprocess

    root = write_site(tmp_path)
    site = build_site(root, dirty=True)
    edit(root / EDITED, lambda text: text + "\nZilonisvārds.\n")
    build_site(root, dirty=True)
    fragments = subprocess.run(
        ["zgrep", "-l", "Zilonisvārds", *map(str, (site / "pagefind" / "fragment").iterdir())], capture_output=True
    )
    assert fragments.stdout.count(b"\n") == 1


@pytest.mark.slow
def test_every_build_preview_or_not_leaves_the_process_as_it_found_it(tmp_path, monkeypatch):
    """The hooks freeze what lives for the whole build (gc.freeze) and undo it when the build ends:
    builds one after another in one process (as the tests and the preview make them) set none of
    their objects aside for the next, and the preview's next rebuild can collect the last one's."""
    freezes = []
    freeze = gc.freeze
    monkeypatch.setattr(gc, "freeze", lambda: freezes.append(gc.get_freeze_count()) or freeze())
    root = write_site(tmp_path)
    for serve, dirty in ((False, False), (True, False), (True, True)):
        build_site(root, serve=serve, dirty=dirty)
        assert gc.get_freeze_count() == 0 and gc.isenabled()
    assert freezes == [0, 0, 0]  # each build froze once, nothing left frozen by the one before


def test_no_full_collection_runs_while_the_content_is_read_and_the_collector_is_as_before_after():
    import site_build

    before = gc.get_threshold()
    with pytest.raises(RuntimeError), site_build._growing():
        assert gc.get_threshold()[:2] == before[:2] and gc.get_threshold()[2] >= 1 << 30
        raise RuntimeError("reading failed")
    assert gc.get_threshold() == before


def test_a_build_stopped_by_mistakes_leaves_nothing_set_aside_either(tmp_path):
    from mkdocs.exceptions import Abort

    root = write_site(tmp_path, {"events/bad.lv.md": "---\ntitle: [x\n---\n"})
    with pytest.raises(Abort):
        build_site(root)
    assert gc.get_freeze_count() == 0 and gc.isenabled()


def test_stopping_the_preview_waits_for_the_search_it_is_writing(tmp_path):
    """The preview's search bundle is finished after its build, while the page reloads; MkDocs
    deletes the preview's site folder when it stops (Ctrl-C), after on_shutdown: by then the bundle
    is whole, and nothing is left writing into a folder being deleted."""
    import threading

    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    config = load_config(str(write_site(tmp_path / "root") / "mkdocs.yml"), site_dir=str(tmp_path / "preview"))
    running = set(threading.enumerate())
    config.plugins.on_startup(command="serve", dirty=False)
    try:
        build(config, serve_url="http://127.0.0.1:8000/")
        config.plugins.on_shutdown()
        assert set(threading.enumerate()) <= running  # Pagefind's thread has ended
        assert (tmp_path / "preview" / "pagefind" / "pagefind-entry.json").is_file()
    finally:
        config.plugins.on_startup(command="build", dirty=False)
