"""Edit-to-reload in `make serve` (`mkdocs serve --dirty`): how long from saving a file until
the page open in Chromium has reloaded with the change.

    python benchmarks/serve.py [N] [--edits 5]

Builds a synthetic corpus of N events (benchmarks/corpus.py), starts the preview server as
`make serve` does, waits for the first build, opens the edited event's page in Debian's Chromium
(Playwright, /usr/bin/chromium), then edits one event's text at a time and times each save until
the page has reloaded under the preview's Content-Security-Policy and shows the new text.
Reports each edit and the median.
"""

from __future__ import annotations

import argparse
import os
import queue
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from playwright.sync_api import sync_playwright  # noqa: E402
from run import project_site  # noqa: E402


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("n", nargs="?", type=int, default=500)
    parser.add_argument("--edits", type=int, default=5)
    # In memory where the machine has it (the preview's own site folder too): not the disk's time.
    parser.add_argument("--tmp", default="/dev/shm" if Path("/dev/shm").is_dir() else None)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix=f"lrp-serve-{args.n}-", dir=args.tmp) as tmp:
        site = project_site(Path(tmp), args.n)
        port = free_port()
        command = [sys.executable, "-m", "mkdocs", "serve", "--dirty", "--dev-addr", f"127.0.0.1:{port}"]
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **({"TMPDIR": args.tmp} if args.tmp else {})}
        server = subprocess.Popen(command, cwd=site, env=env, stderr=subprocess.PIPE, text=True)
        lines: queue.Queue[str] = queue.Queue()
        threading.Thread(target=lambda: [lines.put(line) for line in server.stderr], daemon=True).start()

        def wait_for(text: str, timeout: float = 300) -> float:
            deadline = time.monotonic() + timeout
            while time.monotonic() < deadline:
                try:
                    line = lines.get(timeout=1)
                except queue.Empty:
                    continue
                if "ERROR" in line:
                    print(line.rstrip(), file=sys.stderr)
                if text in line:
                    return time.perf_counter()
            raise SystemExit(f"no '{text}' from the server within {timeout} s")

        try:
            wait_for("Serving on")
            print(f"N={args.n}: first build done", flush=True)
            times = []
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(
                    executable_path="/usr/bin/chromium",
                    args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
                )
                page = browser.new_page()
                for edit in range(args.edits):
                    slug = f"event-{edit * 7:05d}"
                    path = site / "events" / f"{slug}.lv.md"
                    page.goto(f"http://127.0.0.1:{port}/pasakumi/{slug}/")
                    page.wait_for_load_state("load")
                    text = path.read_text(encoding="utf-8")
                    time.sleep(3)  # the server is idle: the previous search bundle is written
                    start = time.perf_counter()
                    with page.expect_navigation(timeout=300_000):
                        path.write_text(text + f"\nLabots {edit}.\n", encoding="utf-8")
                    page.get_by_text(f"Labots {edit}.").wait_for(timeout=300_000)
                    times.append(time.perf_counter() - start)
                    print(f"edit {edit + 1}: {times[-1]:.2f} s", flush=True)
                browser.close()
            median = statistics.median(times)
            met = "met" if median <= 2 else "NOT MET"
            print(f"edit-to-reload at N={args.n}, in the browser: median {median:.2f} s (target <= 2 s) {met}")
        finally:  # as Ctrl-C: MkDocs then removes the site folder it made for the preview
            server.send_signal(signal.SIGINT)
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()


if __name__ == "__main__":
    main()
