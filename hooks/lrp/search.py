"""Pagefind's indexer fed page by page while the site is built, in its own process.

Pagefind's `--service` mode reads requests on its standard input and answers on its standard
output, each a base64-encoded JSON object followed by a comma (the protocol of Pagefind's own
Python and Node.js clients). Each page is written to Pagefind as soon as it is rendered, by the
build's own thread into a pipe made large (on Linux) so that the build seldom waits; Pagefind
indexes on another core while the build goes on, and nobody waits for its answers: only the
final write is awaited. (A writer thread of ours cost the build more, in handing the
interpreter back and forth, than the writes themselves.) Pagefind's Python client is not used:
it reads one answer per tenth of a second, far too slow for thousands of pages.
"""

from __future__ import annotations

import base64
import contextlib
import itertools
import json
import os
import subprocess
import threading
import time
from pathlib import Path


def executable() -> Path:
    """The Pagefind binary installed with the pinned `pagefind[extended]` package."""
    from pagefind.service import get_executable

    path = get_executable()
    if path is None:
        raise FileNotFoundError("the Pagefind binary is not installed: pip install 'pagefind[extended]'")
    return path


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

    def __init__(self, binary: Path | None = None):
        # One core fewer than the machine has: the build itself keeps one.
        threads = str(max(1, (os.cpu_count() or 2) - 1))
        self._process = subprocess.Popen(
            [str(binary or executable()), "--service"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env={**os.environ, "RAYON_NUM_THREADS": threads},
        )
        self._ids = itertools.count(1)
        _enlarge_pipe(self._process.stdin)
        self._errors: list[str] = []
        self._answers: dict[int, dict] = {}  # answers to the requests that wait for one
        self._waiting: set[int] = set()
        self._ended = False  # Pagefind's output has closed
        self._answered = threading.Condition()
        self._stderr: list[bytes] = []
        self._threads = [
            threading.Thread(target=self._read_answers, daemon=True),
            threading.Thread(target=lambda: self._stderr.append(self._process.stderr.read()), daemon=True),
        ]
        for thread in self._threads:
            thread.start()
        self._writing: int | None = None  # the id of the request to write the bundle, once sent
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
        """Wait until the search bundle is written into ``output``, then stop Pagefind."""
        try:
            self.start_writing(output)
            self._wait(self._writing)
            if self._errors:
                raise IndexingError("\n".join(self._errors))
        finally:
            self.close()

    def finish_later(self, output: Path, report) -> None:
        """Finish in a thread of its own, calling ``report(error)`` if writing fails."""

        def finish() -> None:
            try:
                self.finish(output)
            except IndexingError as error:
                report(error)

        threading.Thread(target=finish, daemon=True).start()

    def close(self) -> None:
        """Stop Pagefind (it ends when its input closes) and the threads that read from it."""
        with contextlib.suppress(BrokenPipeError):  # it had stopped already
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
        pending = b""
        while chunk := self._process.stdout.read1(1 << 16):
            *messages, pending = (pending + chunk).split(b",")
            for message in messages:
                answer = json.loads(base64.b64decode(message))
                payload = answer.get("payload") or {}
                if payload.get("type") == "Error":
                    self._errors.append(f"{payload.get('message')} ({payload.get('original_message', '')[:200]})")
                if answer.get("message_id") in self._waiting:
                    with self._answered:
                        self._answers[answer["message_id"]] = payload
                        self._answered.notify_all()
            if not self._waiting:  # only answers about pages: take them in batches, not one by one,
                time.sleep(0.05)  # for each wake-up takes the interpreter from the build a moment
        with self._answered:  # Pagefind has stopped: nobody waits for an answer that cannot come
            self._ended = True
            self._answered.notify_all()

    def _failure(self) -> str:
        self._process.wait()
        for thread in self._threads[1:]:
            thread.join(timeout=1)
        return b"".join(self._stderr).decode(errors="replace").strip() or f"exit status {self._process.returncode}"


def _enlarge_pipe(stream) -> None:
    """Let Pagefind's input pipe hold about two hundred pages (64 KB, a dozen, by default), so
    that the build goes on while Pagefind is busy; Linux only, and only as far as it allows."""
    with contextlib.suppress(ImportError, AttributeError, OSError):
        import fcntl

        fcntl.fcntl(stream.fileno(), fcntl.F_SETPIPE_SZ, 1 << 20)
