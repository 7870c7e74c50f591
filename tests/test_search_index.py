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

    started, finished = [], []  # the languages each Cutting began a process for; what its finish said
    original = search.Cutting.finish
    monkeypatch.setattr(
        search.Cutting,
        "finish",
        lambda cutting: started.append(sorted(cutting.processes)) or finished.append(original(cutting)) or finished[-1],
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
    assert started == [["en", "lv"]] and finished == [True]  # the processes cut it, not the build
    uncut = sorted(path.name for path in (bundles["here"] / "index").iterdir())
    search.rechunk(bundles["here"])  # the same cut, in this process
    chunks = {folder: sorted(path.name for path in (bundle / "index").iterdir()) for folder, bundle in bundles.items()}
    assert chunks["processes"] == chunks["here"] != uncut
    assert {name[:3] for name in chunks["here"]} == {"lv_", "en_"}
    entries = {folder: json.loads((bundle / "pagefind-entry.json").read_text()) for folder, bundle in bundles.items()}
    assert entries["processes"]["languages"] == entries["here"]["languages"]


def test_the_cut_processes_start_while_pagefind_writes_one_per_language_and_no_more(tmp_path, monkeypatch):
    from lrp.outputs import search

    started = []  # every cut process
    original = search.Cutting._process
    monkeypatch.setattr(search.Cutting, "_process", staticmethod(lambda: started.append(original()) or started[-1]))
    # Only the processes may cut: the build's own cut, its fallback, fails here.
    monkeypatch.setattr(search, "rechunk", lambda bundle: 1 / 0)
    indexer = Indexer()
    for n in range(300):
        for lang in ("lv", "en"):
            text = " ".join(WORDS[(n + k) % len(WORDS)] for k in range(60))
            indexer.add(PAGE.format(lang=lang, title=f"Seminārs {n}", text=text), f"/{lang}/p/{n}/")
    indexer.start_writing(tmp_path / "pagefind")
    assert len(started) == 2  # started as the bundle is asked for, one per language of the pages added
    indexer.finish(tmp_path / "pagefind")
    assert len(started) == 2  # none started once the bundle was written
    assert [process.returncode for process in started] == [0, 0]
    entry = json.loads((tmp_path / "pagefind" / "pagefind-entry.json").read_text())
    for code in ("lv", "en"):  # each language's entry names metadata the cut wrote, whose chunks exist
        meta = search._read(tmp_path / "pagefind" / f"pagefind.{entry['languages'][code]['hash']}.pf_meta")
        chunks = search._decode(meta)[2]
        assert chunks and all((tmp_path / "pagefind" / "index" / f"{chunk[2]}.pf_index").is_file() for chunk in chunks)


def test_a_cut_process_made_ready_and_not_needed_ends(tmp_path):
    from lrp.outputs import search

    ready = search.Cutting.ready(2)
    assert len(ready) == 2
    search.Cutting.dismiss(ready)
    assert [process.returncode for process in ready] == [0, 0]


def test_entries_of_every_form_pagefind_writes_are_read_whole_as_item_by_item():
    """Words of 23, 24, 255 and 256 bytes (text heads of one and two bytes, and one the pattern
    does not know), positions of one to nine bytes, negative ones, and a list of variants that
    begins as a page would."""
    from lrp.outputs import search

    def page(number, positions, meta=()):
        return [number, list(positions), list(meta)]

    def entry(word, pages, variants=()):
        return [word, list(pages), [[variant, list(vpages)] for variant, vpages in variants]]

    entries = [
        entry("a" * 23, [page(0, [1, 23, 24, 255, 256, 65535, 65536, 2**32, -1, -25, -300])]),
        entry("b" * 24, [page(3, range(40), [-2, 19])]),
        entry("c" * 255, [], [("č" + "c" * 253, [page(1, [5]), page(2, [])])]),
        entry("d", [], [("ď", [page(7, [1])]), ("đ", [page(8, [2])]), ("dž", [page(9, [3])])]),
    ]
    data = search._encode([[*entries]])
    whole = search._entries_as_written(data)
    assert whole == search._entries_item_by_item(data)
    assert [word for word, _ in whole] == ["a" * 23, "b" * 24, "c" * 255, "d"]
    # A word of 256 bytes and more is not in the pattern: the chunk is read item by item.
    longer = search._encode([[entry("e" * 256, [page(0, [1])])]])
    assert search._entries_as_written(longer) is None
    assert [word for word, _ in search._entries(longer)] == ["e" * 256]
    # A chunk that is not one list of entries is refused by both.
    assert search._entries_as_written(search._encode([])) is None


def test_the_chunks_entries_read_whole_are_those_read_item_by_item(tmp_path):
    """The entries matched by the pattern of Pagefind 1.5's format are exactly those that
    following the CBOR counts gives, on a bundle of words with and without diacritics."""
    from lrp.outputs import search

    indexer = Indexer(cut=False)
    for n in range(300):
        text = " ".join(WORDS[(n * 7 + k) % len(WORDS)] + ("" if k % 5 else f" vārds{n % 40}") for k in range(80))
        indexer.add(PAGE.format(lang="lv", title=f"Seminārs {n} Ādaži", text=text), f"/p/{n}/")
    indexer.finish(tmp_path / "pagefind")
    chunks = sorted((tmp_path / "pagefind" / "index").iterdir())
    assert chunks
    for path in chunks:
        data = search._read(path)
        assert search._entries_as_written(data) == search._entries_item_by_item(data)
    # A chunk not as the pattern knows it is read item by item: an integer where an entry's
    # word should be, at the end of a chunk's list.
    odd = search._cbor_head(4, 1) + search._cbor_head(4, 1) + search._encode([5, [], []])
    assert search._entries_as_written(odd) is None
    with pytest.raises(ValueError):
        search._entries(odd)


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
