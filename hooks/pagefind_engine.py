"""Pagefind's private formats in one room: its service protocol (the indexer, fed page by page
while the site is built) and its index format (the cut of the index into smaller chunks).

Written for Pagefind 1.5.2 (``WRITTEN_FOR``; requirements.txt pins it). ``check_version`` says in
one line at start-up when the installed Pagefind is another. The cut reads the version that the
bundle's own ``pagefind-entry.json`` names; for another version, or a file it does not know, it
leaves the index as Pagefind wrote it and says so in the build's log (search still works; only the
first search's size grows). tests/test_pagefind_engine.py fails on a format the cut does not
know; MAINTAINING.md ("Pagefind") says how to upgrade.

Pagefind's `--service` mode reads requests on its standard input and answers on its standard
output, each a base64-encoded JSON object followed by a comma (the protocol of Pagefind's own
Python and Node.js clients). Each page is written to Pagefind as soon as it is rendered, by the
build's own thread into a pipe made large (on Linux) so that the build seldom waits; Pagefind
indexes on another core while the build goes on, and nobody waits for its answers: only the
final write is awaited. Pagefind's Python client is not used: it reads one answer per tenth of a
second, far too slow for thousands of pages. Once Pagefind has written the bundle and ended (its
last writes reach the disk only then), its index is cut into smaller chunks (``rechunk``).
"""

from __future__ import annotations

import base64
import contextlib
import gzip
import hashlib
import itertools
import json
import logging
import os
import subprocess
import threading
import time
from importlib import metadata
from pathlib import Path

WRITTEN_FOR = "1.5.2"  # the Pagefind release whose protocol and index format this module speaks
log = logging.getLogger("mkdocs.hooks.lrp")


def check_version() -> str | None:
    """The installed Pagefind's version where it is not WRITTEN_FOR (said in one line), else None."""
    try:
        installed = metadata.version("pagefind_bin_extended")
    except metadata.PackageNotFoundError:
        installed = "not installed"
    if installed == WRITTEN_FOR:
        return None
    log.warning(f"hooks/pagefind_engine.py was written for Pagefind {WRITTEN_FOR}, not {installed} (MAINTAINING.md)")
    return installed


def executable() -> Path:
    """The Pagefind binary installed with the pinned `pagefind[extended]` package, or the one
    the environment variable PAGEFIND_BINARY_PATH names, as Pagefind's own Python client reads it
    (the client, which starts an asyncio loop, is not imported)."""
    if os.environ.get("PAGEFIND_BINARY_PATH"):
        return Path(os.environ["PAGEFIND_BINARY_PATH"])
    try:
        from pagefind_bin_extended import get_executable
    except ImportError:
        raise FileNotFoundError("the Pagefind binary is not installed: pip install 'pagefind[extended]'") from None
    return get_executable()


class IndexingError(RuntimeError):
    pass


def searched_part(html: str) -> str:
    """What Pagefind needs of a page of this site: the page up to its <html> tag (the language)
    and Material's content <article>, which holds the part marked data-pagefind-body. The head,
    header, navigation and footer are left out, so Pagefind reads a third of the bytes."""
    html_tag, start, end = html.find("<html"), html.find('<article class="md-content__inner'), html.rfind("</article>")
    if min(html_tag, start) < 0 or end < start:
        return html
    return html[: html.index(">", html_tag) + 1] + html[start : end + len("</article>")]


class Indexer:
    """One Pagefind index: ``add`` pages (or ``add_built`` pages built before), ``start_writing``
    the search bundle and ``finish``; ``close`` if the build fails.

    Pagefind reads each page's language from its ``<html lang>`` and writes one index per language.
    """

    def __init__(self, binary: Path | None = None, *, cut: bool = True):
        # Pagefind writes the bundle with a thread per core (its default): it writes while the
        # build renders its last pages, and goes on alone, on every core, once they are done.
        self._process = subprocess.Popen(
            [str(binary or executable()), "--service"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        self._ids = itertools.count(1)
        _enlarge_pipe(self._process.stdin)
        self._errors: list[str] = []
        self._answers: dict[int, dict] = {}  # answers to the requests that wait for one
        self._waiting: set[int] = set()
        self._ended = False  # Pagefind's output has closed
        self._answered = threading.Condition()
        self._stderr: list[bytes] = []
        self._writing: int | None = None  # the id of the request to write the bundle, once sent
        self._cut = cut  # cut the written index into smaller chunks (rechunk)
        self._threads = [
            threading.Thread(target=self._read_answers, daemon=True),
            threading.Thread(target=lambda: self._stderr.append(self._process.stderr.read()), daemon=True),
        ]
        for thread in self._threads:
            thread.start()
        self._index = self._wait(self._send({"type": "NewIndex", "config": None}, wait=True))["index_id"]

    def add(self, html: str, url: str) -> None:
        """Index one page; ``url`` is its address from the site root, such as ``/en/events/x/``."""
        self._send(self._page(searched_part(html), url))

    def add_built(self, site: Path, pages: list[str]) -> None:
        """Index pages built before: their files, relative to ``site``, which Pagefind reads itself."""
        if pages:  # a glob of the pages' own paths (addresses are slugs: nothing to escape)
            self._send(
                {"type": "AddDir", "index_id": self._index, "path": str(site), "glob": "{" + ",".join(pages) + "}"}
            )

    def start_writing(self, output: Path) -> None:
        """Ask for the search bundle in ``output`` (the site's pagefind/ folder) once every page
        to index was added; Pagefind writes it while the rest of the site is built."""
        if self._writing is None:
            self._writing = self._send(
                {"type": "WriteFiles", "index_id": self._index, "output_path": str(output)}, True
            )

    def finish(self, output: Path) -> None:
        """Wait until the search bundle is written into ``output``, stop Pagefind, and cut its
        index into smaller chunks (``rechunk``)."""
        try:
            self.start_writing(output)
            self._wait(self._writing)
            if self._errors:
                raise IndexingError("\n".join(self._errors))
        finally:
            self.close()  # Pagefind's memory is freed before the cut
        if self._cut:
            try:
                rechunk(output)
            except Exception as error:  # noqa: BLE001 - one line, not a traceback, for whatever went wrong
                raise IndexingError(f"the index could not be cut into chunks: {error!r}") from None

    def finish_later(self, output: Path, report) -> threading.Thread:
        """Finish in a thread of its own, calling ``report(error)`` if writing fails; the thread."""

        def finish() -> None:
            try:
                self.finish(output)
            except IndexingError as error:
                report(error)

        thread = threading.Thread(target=finish, daemon=True)
        thread.start()
        return thread

    def close(self) -> None:
        """Stop Pagefind (killed if it has not ended within ten seconds of its input closing) and
        the threads that read from it."""
        with contextlib.suppress(OSError, ValueError):  # it had stopped, or its input was closed, already
            self._process.stdin.close()
        try:
            self._process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()
        for thread in self._threads:
            thread.join()

    def _send(self, payload, wait: bool = False) -> int:
        message_id = next(self._ids)
        if wait:
            self._waiting.add(message_id)
        data = json.dumps({"message_id": message_id, "payload": payload}, ensure_ascii=False).encode()
        try:
            self._process.stdin.write(base64.b64encode(data) + b",")
            self._process.stdin.flush()
        except (BrokenPipeError, ValueError):
            pass  # Pagefind stopped (or was closed): its reader sees the end and wakes whoever waits
        return message_id

    def _wait(self, message_id: int) -> dict:
        with self._answered:
            self._answered.wait_for(lambda: message_id in self._answers or self._ended)
        self._waiting.discard(message_id)
        answer = self._answers.pop(message_id, None)
        if answer is None:
            raise IndexingError(f"Pagefind stopped: {self._failure()}")
        if answer.get("type") == "Error":
            raise IndexingError(answer.get("message", "unknown error"))
        return answer

    def _page(self, html: str, url: str) -> dict:
        return {"type": "AddFile", "index_id": self._index, "file_path": None, "url": url, "file_contents": html}

    def _read_answers(self) -> None:
        try:
            self._read_until_the_end()
        except Exception as error:  # noqa: BLE001 - the indexer's failure, told in one line, not a traceback
            self._errors.append(f"Pagefind's answers could not be read: {error!r}")
        finally:
            with self._answered:  # Pagefind has stopped: nobody waits for an answer that cannot come
                self._ended = True
                self._answered.notify_all()

    def _read_until_the_end(self) -> None:
        pending = b""
        while chunk := self._process.stdout.read1(1 << 16):
            *messages, pending = (pending + chunk).split(b",")
            for message in messages:
                try:
                    answer = json.loads(base64.b64decode(message))
                    payload = answer.get("payload") or {}
                except (ValueError, AttributeError):
                    self._errors.append(f"an answer of Pagefind's could not be read: {message[:80]!r}")
                    continue
                if payload.get("type") == "Error":
                    self._errors.append(f"{payload.get('message')} ({payload.get('original_message', '')[:200]})")
                if payload.get("type") == "WriteFiles" and not self._errors:
                    # Pagefind answers while its last writes are still under way, and ends at once
                    # (losing them) when its input closes: the answer counts once they are done.
                    _wait_until_whole(Path(payload.get("output_path") or "."))
                if answer.get("message_id") in self._waiting:
                    with self._answered:
                        self._answers[answer["message_id"]] = payload
                        self._answered.notify_all()
            if not self._waiting:  # only answers about pages: take them in batches, not one by one,
                time.sleep(0.05)  # for each wake-up takes the interpreter from the build a moment

    def _failure(self) -> str:
        self.close()  # where its answers stopped first, Pagefind is stopped too
        return b"".join(self._stderr).decode(errors="replace").strip() or f"exit status {self._process.returncode}"


def _wait_until_whole(bundle: Path, timeout: float = 30.0) -> None:
    """Wait until the files Pagefind wrote into ``bundle`` are whole. Pagefind creates every file
    before it answers, and fills each with one write its runtime makes in the background; it
    writes no empty file. So the bundle is whole once its entry reads, no file is empty, and
    nothing changes between two looks."""
    deadline, before = time.monotonic() + timeout, None
    while time.monotonic() < deadline:
        sizes = _sizes(bundle)
        if sizes and all(sizes.values()) and _entry(bundle) is not None and sizes == before:
            return
        before = sizes
        time.sleep(0.02)


def _sizes(folder: Path) -> dict:
    sizes = {}
    with contextlib.suppress(OSError):
        for entry in os.scandir(folder):
            if entry.is_dir(follow_symlinks=False):
                sizes |= _sizes(Path(entry.path))
            else:
                sizes[entry.path] = entry.stat(follow_symlinks=False).st_size
    return sizes


def _enlarge_pipe(stream) -> None:
    """Let Pagefind's input pipe hold about two hundred pages (64 KB, a dozen, by default), so
    that the build goes on while Pagefind is busy; Linux only, and only as far as it allows."""
    with contextlib.suppress(ImportError, AttributeError, OSError):
        import fcntl

        fcntl.fcntl(stream.fileno(), fcntl.F_SETPIPE_SZ, 1 << 20)


# ---- the index cut into smaller chunks -----------------------------------------------------------
#
# A first search fetches, for each word of the query, the one chunk of the index whose range holds
# it. Pagefind 1.5 closes a chunk once the positions of its words reach 20 000, but counts only
# the positions of a word as written without diacritics: "sadarbība", "seminārs" and most Latvian
# words count for nothing, so its chunks hold several words that are on every page, and a word
# on one page (a name) costs the visitor 40 to 160 KB at 2 000 events. `rechunk` cuts the chunks
# Pagefind wrote into chunks of at most about CHUNK_BYTES, each word's whole entry in one: a
# word on many pages keeps a chunk of its own, and a rare word comes with rare words. The words are
# Pagefind's own entries, byte for byte; only the list of chunks in the language's metadata
# changes. A chunk never ends between two words that begin alike (FAMILY letters): the search
# loads one chunk per query word, and every word that a stem of four letters begins must be in it.

CHUNK_BYTES = 24_000  # of CBOR before compression: about 12 KB as sent
FAMILY = 4
_HEADER = b"pagefind_dcd"


def rechunk(bundle: Path) -> list[str]:
    """Cut each language's index chunks in ``bundle`` (Pagefind's output folder) to CHUNK_BYTES.
    What this code does not know (a bundle of another Pagefind version, a file not as Pagefind
    1.5 writes it) is left as Pagefind wrote it, with a warning in the build's log; the languages
    so left are returned."""
    entry = _entry(bundle)
    if entry is None:
        log.warning(
            f"the search index was not cut: {bundle}/pagefind-entry.json is not as Pagefind {WRITTEN_FOR} writes it"
        )
        return ["*"]
    if entry.get("version") != WRITTEN_FOR:
        log.warning(
            f"the search index was not cut: it was written by Pagefind {entry.get('version')}, and "
            f"hooks/pagefind_engine.py knows the format of {WRITTEN_FOR} (MAINTAINING.md, Pagefind)"
        )
        return list(entry["languages"])
    cuts = {code: cut_language(bundle, code, entry) for code in entry["languages"]}
    skipped = [code for code, cut in cuts.items() if cut is None]
    for code in skipped:
        log.warning(
            f"the search index of '{code}' was not cut: its files are not as Pagefind {WRITTEN_FOR} writes them"
        )
    finish_cut(bundle, entry, cuts)
    return skipped


def _entry(bundle: Path) -> dict | None:
    """The bundle's pagefind-entry.json, or None where it is not as this code knows it."""
    try:
        entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
        if all(isinstance(language["hash"], str) for language in entry["languages"].values()):
            return entry
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        pass
    return None


def cut_language(bundle: Path, code: str, entry: dict) -> dict | None:
    """Cut one language's chunks: the name of its new metadata, the files written and the old
    files to remove once the entry names the new ones; None where its files are not as this code
    knows them (they are left as they are)."""
    try:
        meta, meta_path, words, chunk_paths = _plan(bundle, entry["languages"][code]["hash"])
    except (OSError, ValueError, KeyError, IndexError, TypeError):
        return None
    try:
        write_words(bundle, code, words)
    except (ValueError, IndexError, UnicodeDecodeError):
        log.warning(
            f"the search's word list of '{code}' was not written: its index entries are not as "
            f"Pagefind {WRITTEN_FOR} writes them"
        )
    chunks, names = [], set()
    for group in _groups(words):
        data = _cbor_head(4, 1) + _cbor_head(4, len(group)) + b"".join(raw for _, raw in group)
        name = _name(code, data, 7, names)
        _write(bundle / "index" / f"{name}.pf_index", data)
        chunks.append([group[0][0], group[-1][0], name])
    for before, after in itertools.pairwise(chunks):  # the shortest boundaries, as Pagefind writes them
        before[1], after[0] = _prefixes(before[1], after[0])
    meta[2] = chunks
    data = _encode(meta)
    meta_name = _name(code, data, 10, names)
    _write(bundle / f"pagefind.{meta_name}.pf_meta", data)
    written = [f"pagefind.{meta_name}.pf_meta", *(f"index/{name}.pf_index" for _, _, name in chunks)]
    old = [path.relative_to(bundle).as_posix() for path in (meta_path, *chunk_paths)]
    return {"hash": meta_name, "written": written, "old": old}


# ---- the words of each language's index, for the site's search (lrp-search.js) -------------------
#
# The search page asks whether the index holds a word that begins with a query word (Pagefind
# itself, finding none, searches a shorter beginning of it and returns what that matches), and
# looks for the index's words within an edit or two of a word that has no match. It fetches this
# list only then: ``lrp-words.<language>.json`` beside the bundle's entry, the words as Pagefind
# indexed them (lower case, without diacritics; English ones as Pagefind's stemmer left them),
# each as [word, pages it is on, its form with diacritics where the pages write it so].


def write_words(bundle: Path, code: str, words: list[tuple[str, bytes]]) -> Path:
    """Write the language's word list from its index entries (word, raw CBOR entry)."""
    listed = []
    for word, raw in words:
        _, _, pos = _head(raw, 0)  # the entry: [word, pages, variants]
        pos = _skip(raw, pos)  # past the word
        _, pages, _ = _head(raw, pos)
        forms = sorted(_variants(raw, _skip(raw, pos)), reverse=True)
        pages += sum(count for count, _ in forms)  # a page may write both forms: counted twice
        listed.append([word, pages, forms[0][1]] if forms and forms[0][0] >= pages / 2 else [word, pages])
    path = bundle / f"lrp-words.{code}.json"
    path.write_text(json.dumps(listed, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    return path


def _variants(raw: bytes, pos: int) -> list[tuple[int, str]]:
    """A word's variants (an array of [form, pages]) as (how many pages, form): their pages are
    counted by their arrays' heads and skipped, not read."""
    _, count, pos = _head(raw, pos)
    found = []
    for _ in range(count):
        _, _, pos = _head(raw, pos)  # [form, pages]
        _, size, pos = _head(raw, pos)
        form, pos = raw[pos : pos + size].decode(), pos + size
        found.append((_head(raw, pos)[1], form))
        pos = _skip(raw, pos)
    return found


def finish_cut(bundle: Path, entry: dict, cuts: dict) -> None:
    """Name each language's new metadata in the entry (written whole, then put in place), then
    remove the files the cut replaced."""
    for code, cut in cuts.items():
        if cut:
            entry["languages"][code]["hash"] = cut["hash"]
    entry_path = bundle / "pagefind-entry.json"
    temporary = entry_path.with_suffix(".tmp")
    temporary.write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    os.replace(temporary, entry_path)
    kept = {name for cut in cuts.values() if cut for name in cut["written"]}
    for cut in filter(None, cuts.values()):
        for name in cut["old"]:
            if name not in kept:
                (bundle / name).unlink(missing_ok=True)


def _name(code: str, data: bytes, length: int, taken: set[str]) -> str:
    """A file's name from its content, as Pagefind names them (longer where two would meet)."""
    digest = hashlib.sha256(data).hexdigest()
    while f"{code}_{digest[:length]}" in taken:
        length += 1
    taken.add(f"{code}_{digest[:length]}")
    return f"{code}_{digest[:length]}"


def _plan(bundle: Path, meta_hash: str) -> tuple:
    """A language's metadata, its path, its words as (word, raw CBOR entry) in order, and the
    paths of its chunks; ValueError where the bundle is not as expected."""
    meta_path = bundle / f"pagefind.{meta_hash}.pf_meta"
    raw = _read(meta_path)
    meta = _decode(raw)
    if _encode(meta) != raw or not isinstance(meta, list) or len(meta) < 3:
        raise ValueError("unknown metadata")
    words, paths = [], []
    for chunk in meta[2]:
        if not (isinstance(chunk, list) and len(chunk) == 3 and all(isinstance(part, str) for part in chunk)):
            raise ValueError("unknown chunk list")
        path = bundle / "index" / f"{chunk[2]}.pf_index"
        words += _entries(_read(path))
        paths.append(path)
    if [word for word, _ in words] != sorted(word for word, _ in words):
        raise ValueError("words out of order")
    return meta, meta_path, words, paths


def _groups(words: list[tuple[str, bytes]]) -> list[list[tuple[str, bytes]]]:
    """Consecutive words in groups of about CHUNK_BYTES; a large word (a common one) in a group
    of its own, so that the rare words around it do not come with it."""
    groups, size, large = [[]], 0, False
    for word, raw in words:
        is_large = len(raw) > CHUNK_BYTES // 4
        if (
            groups[-1]
            and (size + len(raw) > CHUNK_BYTES or is_large or large)
            and _common(groups[-1][-1][0], word) < FAMILY
        ):
            groups.append([])
            size = 0
        groups[-1].append((word, raw))
        size, large = size + len(raw), is_large
    return [group for group in groups if group]


def _common(a: str, b: str) -> int:
    return len(os.path.commonprefix([a, b]))


def _prefixes(a: str, b: str) -> tuple[str, str]:
    """Pagefind's boundaries between two chunks: the last and first words cut one letter past
    what they share."""
    common = _common(a, b)
    return a[: common + 1], b[: common + 1]


def _read(path: Path) -> bytes:
    data = gzip.decompress(path.read_bytes())
    if not data.startswith(_HEADER):
        raise ValueError(f"{path.name} is not a Pagefind file")
    return data[len(_HEADER) :]


def _write(path: Path, data: bytes) -> None:
    path.write_bytes(gzip.compress(_HEADER + data, 6, mtime=0))


def _entries(data: bytes) -> list[tuple[str, bytes]]:
    """The word entries of a chunk, [[word, pages, variants], …], each as its raw bytes."""
    major, count, pos = _head(data, 0)
    if (major, count) != (4, 1):
        raise ValueError("unknown chunk")
    major, count, pos = _head(data, pos)
    if major != 4:
        raise ValueError("unknown chunk")
    entries = []
    for _ in range(count):
        start = pos
        major, size, pos = _head(data, pos)
        kind, length, text = _head(data, pos)
        if (major, size, kind) != (4, 3, 3):
            raise ValueError("unknown word entry")
        word = data[text : text + length].decode()
        pos = _skip(data, start)
        entries.append((word, data[start:pos]))
    if pos != len(data):
        raise ValueError("unknown chunk")
    return entries


# A small reader and writer of CBOR (RFC 8949), as much as Pagefind's files use: integers, text,
# bytes and arrays of definite length, maps.
_INT_SIZE = bytes(1 if b & 31 < 24 else {24: 2, 25: 3, 26: 5, 27: 9}.get(b & 31, 1) for b in range(256))


def _head(data: bytes, pos: int) -> tuple[int, int, int]:
    """An item's major type, its argument (a value or a length) and where its content begins."""
    first = data[pos]
    info = first & 31
    if info < 24:
        return first >> 5, info, pos + 1
    if info > 27:
        raise ValueError("indefinite or reserved CBOR")
    size = _INT_SIZE[first] - 1
    return first >> 5, int.from_bytes(data[pos + 1 : pos + 1 + size], "big"), pos + 1 + size


def _skip(data: bytes, pos: int) -> int:
    """Where the item at ``pos`` ends: a loop over its items with the counts left at each depth
    (no call per array: a word's entry holds an array per page it is on)."""
    left, outer, sizes = 1, [], _INT_SIZE
    while True:
        while not left:
            if not outer:
                return pos
            left = outer.pop()
        left -= 1
        first = data[pos]
        if first < 0x40:  # an integer, the most common item (word positions)
            pos += sizes[first]
            continue
        major, value, pos = _head(data, pos)
        if major <= 1 or major == 7:
            continue
        if major <= 3:
            pos += value
        elif major == 6:  # a tag: the item it tags follows
            left += 1
        elif major == 4:  # an array: its integers (a page's word positions) skipped here at once
            while value and (first := data[pos]) < 0x40:
                pos += sizes[first]
                value -= 1
            if value:
                outer.append(left)
                left = value
        else:
            outer.append(left)
            left = 2 * value


def _decode(data: bytes):
    value, pos = _decode_at(data, 0)
    if pos != len(data):
        raise ValueError("trailing bytes")
    return value


def _decode_at(data: bytes, pos: int):
    major, value, pos = _head(data, pos)
    if major == 0:
        return value, pos
    if major == 1:
        return -1 - value, pos
    if major == 2:
        return data[pos : pos + value], pos + value
    if major == 3:
        return data[pos : pos + value].decode(), pos + value
    if major == 4:
        items = []
        for _ in range(value):
            item, pos = _decode_at(data, pos)
            items.append(item)
        return items, pos
    raise ValueError(f"CBOR type {major} where Pagefind's metadata has none")


def _cbor_head(major: int, value: int) -> bytes:
    if value < 24:
        return bytes([major << 5 | value])
    for info, size in ((24, 1), (25, 2), (26, 4), (27, 8)):
        if value < 1 << (8 * size):
            return bytes([major << 5 | info]) + value.to_bytes(size, "big")
    raise ValueError("integer too large")


def _encode(value) -> bytes:
    if isinstance(value, bool) or value is None:
        raise ValueError("unexpected value")
    if isinstance(value, int):
        return _cbor_head(0, value) if value >= 0 else _cbor_head(1, -1 - value)
    if isinstance(value, bytes):
        return _cbor_head(2, len(value)) + value
    if isinstance(value, str):
        data = value.encode()
        return _cbor_head(3, len(data)) + data
    return _cbor_head(4, len(value)) + b"".join(_encode(item) for item in value)
