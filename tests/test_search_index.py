"""The Pagefind indexer fed page by page (hooks/lrp/outputs/search.py), on its own."""

import json
from pathlib import Path

import pytest

from lrp.outputs.search import Indexer, IndexingError

PAGE = (
    '<!doctype html><html lang="{lang}"><head><title>{title}</title></head>'
    "<body><main data-pagefind-body><h1>{title}</h1><p>{text}</p></main></body></html>"
)


def test_pages_are_indexed_per_language_and_written(tmp_path):
    indexer = Indexer()
    indexer.add(PAGE.format(lang="lv", title="Seminārs", text="Izdomāts seminārs Jelgavā."), "/pasakumi/a/")
    indexer.add(PAGE.format(lang="lv", title="Sanāksme", text="Izdomāta sanāksme Rīgā."), "/pasakumi/b/")
    indexer.add(PAGE.format(lang="en", title="Seminar", text="A made-up seminar."), "/en/events/a/")
    indexer.finish(tmp_path / "pagefind")
    entry = json.loads((tmp_path / "pagefind" / "pagefind-entry.json").read_text())
    assert {code: language["page_count"] for code, language in entry["languages"].items()} == {"lv": 2, "en": 1}
    assert (tmp_path / "pagefind" / "pagefind.js").is_file()


def test_writing_can_start_before_the_build_ends(tmp_path):
    indexer = Indexer()
    indexer.add(PAGE.format(lang="en", title="Seminar", text="A made-up seminar."), "/en/events/a/")
    indexer.start_writing(tmp_path / "pagefind")
    indexer.finish(tmp_path / "pagefind")
    assert json.loads((tmp_path / "pagefind" / "pagefind-entry.json").read_text())["languages"]["en"]["page_count"] == 1


def test_a_failing_indexer_is_reported(tmp_path):
    with pytest.raises(IndexingError, match="Pagefind stopped"):
        Indexer(binary=Path("/bin/false"))


def test_closing_stops_the_indexer():
    indexer = Indexer()
    indexer.add(PAGE.format(lang="en", title="Seminar", text="Text."), "/en/events/a/")
    indexer.close()
    assert indexer._process.poll() is not None


def test_the_preview_does_not_wait_for_the_bundle(tmp_path):
    import time

    indexer, errors = Indexer(), []
    indexer.add(PAGE.format(lang="en", title="Seminar", text="A made-up seminar."), "/en/events/a/")
    indexer.finish_later(tmp_path / "pagefind", errors.append)
    entry = tmp_path / "pagefind" / "pagefind-entry.json"
    deadline = time.monotonic() + 30
    while not entry.is_file() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert entry.is_file() and errors == []


def test_pagefind_reads_only_the_content_of_a_page():
    from lrp.outputs.search import searched_part

    page = (
        '<!doctype html><html lang="lv" class="no-js"><head><title>T</title></head><body><header>Galvene</header>'
        '<article class="md-content__inner md-typeset"><div data-pagefind-body><h1>Virsraksts</h1>'
        '<article class="lrp-card">Kartīte</article></div></article><footer>Kājene</footer></body></html>'
    )
    part = searched_part(page)
    assert part.startswith('<!doctype html><html lang="lv" class="no-js">')
    assert "Virsraksts" in part and "Kartīte" in part and part.endswith("</article>")
    assert "Galvene" not in part and "Kājene" not in part and "<title>" not in part
    assert searched_part("<p>no article</p>") == "<p>no article</p>"


def test_a_cut_process_that_fails_leaves_the_cut_to_the_build_and_a_failed_cut_is_one_line(tmp_path, monkeypatch):
    from lrp.outputs import search

    def bundle(folder: str, cut: bool = True) -> tuple[Indexer, Path]:
        indexer = Indexer(cut=cut)
        for n in range(300):  # enough words with diacritics for Pagefind's chunks to be cut
            text = " ".join(WORDS[(n + k) % len(WORDS)] for k in range(60))
            indexer.add(PAGE.format(lang="lv", title=f"Seminārs {n}", text=text), f"/p/{n}/")
        return indexer, tmp_path / folder

    # The processes that cut the index run this Python on search.py: one that fails (here: no
    # Python at all, only /bin/false) leaves the entry as Pagefind wrote it, and the build cuts.
    monkeypatch.setattr(search.sys, "executable", "/bin/false")
    whole, uncut = bundle("whole", cut=False)
    whole.finish(uncut)
    cut_here, output = bundle("fallback")
    cut_here.finish(output)

    def chunks(folder: Path) -> list:
        entry = json.loads((folder / "pagefind-entry.json").read_text())
        return search._decode(search._read(folder / f"pagefind.{entry['languages']['lv']['hash']}.pf_meta"))[2]

    assert len(chunks(output)) > len(chunks(uncut))
    # Where cutting fails in the build as well, Pagefind is stopped and the build gets one line.
    monkeypatch.setattr(search, "rechunk", lambda bundle: 1 / 0)
    failing, output = bundle("failing")
    with pytest.raises(IndexingError, match="could not be cut into chunks: ZeroDivisionError"):
        failing.finish(output)
    assert failing._process.poll() is not None


WORDS = "romu kopiena sadarbība seminārs mācības jauniešiem sievietēm pašvaldībā Rīgā Viļakā".split()


def test_the_index_is_cut_here_where_no_process_can_be_started(tmp_path, monkeypatch):
    from lrp.outputs import search

    monkeypatch.setattr(search.sys, "executable", str(tmp_path / "no-such-python"))
    cut, whole = Indexer(), Indexer(cut=False)
    for indexer, folder in ((cut, "cut"), (whole, "whole")):
        for n in range(300):  # words with diacritics on every page: Pagefind puts them in one chunk
            text = " ".join(WORDS[(n + k) % len(WORDS)] for k in range(60))
            indexer.add(PAGE.format(lang="lv", title=f"Seminārs {n}", text=text), f"/p/{n}/")
        indexer.finish(tmp_path / folder)
    chunks = {folder: len(list((tmp_path / folder / "index").iterdir())) for folder in ("cut", "whole")}
    assert chunks["cut"] > chunks["whole"], chunks


def test_each_language_is_cut_by_a_process_of_its_own_as_one_process_cuts_it(tmp_path, monkeypatch):
    from lrp.outputs import search

    started = []  # the languages each Cutting began a process for
    original = search.Cutting.finish
    monkeypatch.setattr(
        search.Cutting, "finish", lambda cutting: started.append(sorted(cutting.processes)) or original(cutting)
    )
    bundles = {}
    for folder, cut in (("processes", True), ("here", False)):
        indexer = Indexer(cut=cut)
        for n in range(300):
            for lang in ("lv", "en"):
                text = " ".join(WORDS[(n + k) % len(WORDS)] for k in range(60))
                indexer.add(PAGE.format(lang=lang, title=f"Seminārs {n}", text=text), f"/{lang}/p/{n}/")
        indexer.finish(tmp_path / folder)
        bundles[folder] = tmp_path / folder
    assert started == [["en", "lv"]]
    uncut = sorted(path.name for path in (bundles["here"] / "index").iterdir())
    search.rechunk(bundles["here"])  # the same cut, in this process
    chunks = {folder: sorted(path.name for path in (bundle / "index").iterdir()) for folder, bundle in bundles.items()}
    assert chunks["processes"] == chunks["here"] != uncut
    assert {name[:3] for name in chunks["here"]} == {"lv_", "en_"}
    entries = {folder: json.loads((bundle / "pagefind-entry.json").read_text()) for folder, bundle in bundles.items()}
    assert entries["processes"]["languages"] == entries["here"]["languages"]


@pytest.mark.filterwarnings("error::pytest.PytestUnhandledThreadExceptionWarning")  # no traceback either
def test_a_reader_of_pagefinds_answers_that_fails_ends_the_build_with_a_line_not_a_wait(tmp_path, monkeypatch):
    import threading

    from lrp.outputs import search

    def broken(indexer):
        raise RuntimeError("the reader fails")

    monkeypatch.setattr(search.Indexer, "_read_until_the_end", broken)
    outcome = []

    def start():
        try:
            Indexer()
        except IndexingError as error:
            outcome.append(str(error))

    thread = threading.Thread(target=start, daemon=True)
    thread.start()
    thread.join(timeout=60)
    assert not thread.is_alive(), "the build waits for an answer that cannot come"
    assert outcome and outcome[0].startswith("Pagefind stopped")


@pytest.mark.filterwarnings("error::pytest.PytestUnhandledThreadExceptionWarning")
def test_a_cut_that_cannot_begin_is_made_by_the_build(tmp_path, monkeypatch):
    from lrp.outputs import search

    def broken(output):
        raise RuntimeError("no cut begins")

    monkeypatch.setattr(search.Cutting, "start", broken)
    cut, whole = Indexer(), Indexer(cut=False)
    for indexer, folder in ((cut, "cut"), (whole, "whole")):
        for n in range(300):
            text = " ".join(WORDS[(n + k) % len(WORDS)] for k in range(60))
            indexer.add(PAGE.format(lang="lv", title=f"Seminārs {n}", text=text), f"/p/{n}/")
        indexer.finish(tmp_path / folder)
    chunks = {folder: len(list((tmp_path / folder / "index").iterdir())) for folder in ("cut", "whole")}
    assert chunks["cut"] > chunks["whole"], chunks
