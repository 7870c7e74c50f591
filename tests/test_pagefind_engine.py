"""Pagefind's protocol and index format (hooks/pagefind_engine.py), on their own."""

import gzip
import json
import logging
from pathlib import Path

import pagefind_engine as search
import pytest
from pagefind_engine import Indexer, IndexingError

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


def test_the_preview_does_not_wait_for_the_bundle(tmp_path, monkeypatch):
    """finish_later returns while the bundle is still being written (here: held until it has
    returned), and the bundle is written after."""
    import threading

    returned, finished = threading.Event(), threading.Event()
    finish = Indexer.finish

    def held(indexer, output):
        try:
            assert returned.wait(60), "finish_later waited for the bundle"  # a guard against a hang
            finish(indexer, output)
        finally:
            finished.set()

    monkeypatch.setattr(Indexer, "finish", held)
    indexer, errors = Indexer(), []
    indexer.add(PAGE.format(lang="en", title="Seminar", text="A made-up seminar."), "/en/events/a/")
    indexer.finish_later(tmp_path / "pagefind", errors.append)
    assert not finished.is_set()
    returned.set()
    assert finished.wait(60)
    assert (tmp_path / "pagefind" / "pagefind-entry.json").is_file() and errors == []


def test_pagefind_reads_only_the_content_of_a_page():
    page = (
        '<!doctype html><html lang="lv" class="no-js"><head><title>T</title></head><body><header>Galvene</header>'
        '<article class="md-content__inner md-typeset"><div data-pagefind-body><h1>Virsraksts</h1>'
        '<article class="lrp-card">Kartīte</article></div></article><footer>Kājene</footer></body></html>'
    )
    part = search.searched_part(page)
    assert part.startswith('<!doctype html><html lang="lv" class="no-js">')
    assert "Virsraksts" in part and "Kartīte" in part and part.endswith("</article>")
    assert "Galvene" not in part and "Kājene" not in part and "<title>" not in part
    assert search.searched_part("<p>no article</p>") == "<p>no article</p>"


WORDS = "romu kopiena sadarbība seminārs mācības jauniešiem sievietēm pašvaldībā Rīgā Viļakā".split()


def bundle(tmp_path, folder: str, cut: bool = True) -> Path:
    """A Latvian bundle of 300 pages with words with diacritics on every page (Pagefind puts them
    in one chunk), cut or as Pagefind wrote it."""
    indexer = Indexer(cut=cut)
    for n in range(300):
        text = " ".join(WORDS[(n + k) % len(WORDS)] for k in range(60))
        indexer.add(PAGE.format(lang="lv", title=f"Seminārs {n}", text=text), f"/p/{n}/")
    indexer.finish(tmp_path / folder)
    return tmp_path / folder


def chunks(folder: Path) -> list:
    entry = json.loads((folder / "pagefind-entry.json").read_text())
    return search._decode(search._read(folder / f"pagefind.{entry['languages']['lv']['hash']}.pf_meta"))[2]


def test_the_index_is_cut_into_smaller_chunks_whose_files_exist(tmp_path):
    cut, whole = bundle(tmp_path, "cut"), bundle(tmp_path, "whole", cut=False)
    assert len(chunks(cut)) > len(chunks(whole))
    assert all((cut / "index" / f"{name}.pf_index").is_file() for _, _, name in chunks(cut))

    # The words are Pagefind's own entries, byte for byte, in the same order.
    def entries(folder):
        return [
            entry
            for _, _, name in chunks(folder)
            for entry in search._entries(search._read(folder / "index" / f"{name}.pf_index"))
        ]

    assert entries(cut) == entries(whole)


def test_a_failed_cut_stops_pagefind_and_is_one_line(tmp_path, monkeypatch):
    monkeypatch.setattr(search, "rechunk", lambda bundle: 1 / 0)
    with pytest.raises(IndexingError, match="could not be cut into chunks: ZeroDivisionError"):
        bundle(tmp_path, "failing")


def test_the_installed_pagefind_is_the_one_this_was_written_for(caplog, monkeypatch):
    requirements = (Path(__file__).resolve().parents[1] / "requirements.txt").read_text()
    assert f"pagefind_bin_extended=={search.WRITTEN_FOR}" in requirements
    assert search.check_version() is None
    monkeypatch.setattr(search, "WRITTEN_FOR", "1.4.0")
    with caplog.at_level(logging.WARNING):
        assert search.check_version() == "1.5.2"
    assert len(caplog.records) == 1 and "written for Pagefind 1.4.0, not 1.5.2" in caplog.records[0].getMessage()


def test_a_bundle_of_another_pagefind_version_is_left_as_written_with_a_warning(tmp_path, caplog):
    whole = bundle(tmp_path, "whole", cut=False)
    entry = json.loads((whole / "pagefind-entry.json").read_text())
    entry["version"] = "1.6.0"
    (whole / "pagefind-entry.json").write_text(json.dumps(entry))
    before = {path: path.read_bytes() for path in whole.rglob("*") if path.is_file()}
    with caplog.at_level(logging.WARNING):
        assert search.rechunk(whole) == ["lv"]
    assert {path: path.read_bytes() for path in whole.rglob("*") if path.is_file()} == before
    assert "written by Pagefind 1.6.0" in caplog.text and "was not cut" in caplog.text


@pytest.mark.parametrize(
    "damage",
    [
        lambda meta: b"not gzip",  # not a Pagefind file
        lambda meta: gzip.compress(b"pagefind_dcd" + search._encode([1, 2])),  # metadata of another shape
        lambda meta: gzip.compress(gzip.decompress(meta) + b"\x00"),  # trailing bytes
    ],
)
def test_index_files_of_a_format_it_does_not_know_are_left_as_written_with_a_warning(tmp_path, caplog, damage):
    whole = bundle(tmp_path, "whole", cut=False)
    entry = json.loads((whole / "pagefind-entry.json").read_text())
    meta = whole / f"pagefind.{entry['languages']['lv']['hash']}.pf_meta"
    meta.write_bytes(damage(meta.read_bytes()))
    before = {path: path.read_bytes() for path in whole.rglob("*") if path.is_file()}
    with caplog.at_level(logging.WARNING):
        assert search.rechunk(whole) == ["lv"]
    assert {path: path.read_bytes() for path in whole.rglob("*") if path.is_file()} == before
    assert "index of 'lv' was not cut" in caplog.text


def test_a_chunk_of_a_format_it_does_not_know_is_refused():
    """An integer where an entry's word should be: the reader follows the CBOR counts and refuses it."""
    odd = search._cbor_head(4, 1) + search._cbor_head(4, 1) + search._encode([5, [], []])
    with pytest.raises(ValueError):
        search._entries(odd)


def test_no_bundle_at_all_is_said(tmp_path, caplog):
    with caplog.at_level(logging.WARNING):
        assert search.rechunk(tmp_path / "nothing") == ["*"]
    assert "was not cut" in caplog.text


@pytest.mark.filterwarnings("error::pytest.PytestUnhandledThreadExceptionWarning")  # no traceback either
def test_a_reader_of_pagefinds_answers_that_fails_ends_the_build_with_a_line_not_a_wait(tmp_path, monkeypatch):
    import threading

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


def test_each_language_gets_the_words_of_its_index(tmp_path):
    """lrp-words.<lang>.json: every word as the index holds it, the pages it is on, and its form
    with diacritics where the pages write it so (the search page's typo and fallback checks)."""
    indexer = Indexer()
    indexer.add(PAGE.format(lang="lv", title="Seminārs", text="Izdomāts seminārs Jelgavā 2021."), "/pasakumi/a/")
    indexer.add(PAGE.format(lang="lv", title="Sanāksme", text="Izdomāta sanāksme Jelgavā."), "/pasakumi/b/")
    indexer.add(PAGE.format(lang="en", title="Seminars", text="Made-up seminars."), "/en/events/a/")
    indexer.finish(tmp_path / "pagefind")
    lv = json.loads((tmp_path / "pagefind" / "lrp-words.lv.json").read_text(encoding="utf-8"))
    assert [entry[0] for entry in lv] == sorted(entry[0] for entry in lv)
    words = {entry[0]: entry[1:] for entry in lv}
    assert words["seminars"] == [1, "seminārs"] and words["jelgava"] == [2, "jelgavā"] and words["2021"] == [1]
    en = {entry[0]: entry[1:] for entry in json.loads((tmp_path / "pagefind" / "lrp-words.en.json").read_text())}
    assert en["seminar"] == [1]  # as Pagefind's English stemmer indexed it
