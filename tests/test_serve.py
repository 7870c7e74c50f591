"""`make serve`: a port of one's choice, one line for a busy one, and a page that reloads after a
save under the preview's own Content-Security-Policy (the published site's forbids inline script)."""

import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time

import pytest
from conftest import REPO, TERMINAL, build_site, read, write_site

POLICY = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">')


def lrp(*args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(REPO / "hooks"), "LRP_MESSAGES": "en"}
    return subprocess.run([sys.executable, "-m", "lrp", *args], capture_output=True, text=True, env=env, timeout=60)


def test_a_free_port_is_taken_quietly_and_a_busy_one_is_one_line_that_says_what_to_do():
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        port = taken.getsockname()[1]
        busy = lrp("port", str(port))
    assert busy.returncode == 1 and busy.stderr == ""
    assert busy.stdout.splitlines() == [
        f"Port {port} is in use (is the preview running already?): stop it, or run make serve PORT={port + 1}"
    ]
    free = lrp("port", str(port))  # released
    assert (free.returncode, free.stdout) == (0, "")
    wrong = lrp("port", "eighty")
    assert wrong.returncode == 2 and wrong.stdout.startswith("'eighty' is not a port")


def test_the_makefile_serves_on_the_port_it_is_given():
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    assert "PORT ?= 8000" in makefile
    assert "python -m lrp port $(PORT)" in makefile and "--dev-addr 127.0.0.1:$(PORT)" in makefile


def test_only_the_preview_lets_inline_script_run(fixture_site, tmp_path):
    published = POLICY.search(read(fixture_site, "pasakumi/fiction-seminar-2021")).group(1)
    assert "'unsafe-inline'" not in published and "script-src 'self' 'wasm-unsafe-eval';" in published
    preview = build_site(write_site(tmp_path), serve=True)
    assert "script-src 'self' 'wasm-unsafe-eval' 'unsafe-inline';" in POLICY.search(
        read(preview, "pasakumi/fiction-seminar-2021")
    ).group(1)


@pytest.mark.slow
def test_the_preview_reloads_the_page_after_a_save(tmp_path, browser):
    root = write_site(tmp_path / "site")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    command = [sys.executable, "-m", "mkdocs", "serve", "--dirty", "--dev-addr", f"127.0.0.1:{port}"]
    temporary = tmp_path / "tmp"  # where the preview writes its site
    temporary.mkdir()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "TMPDIR": str(temporary)}
    server = subprocess.Popen(
        [sys.executable, "-c", TERMINAL, *command], cwd=root, env=env, stderr=subprocess.PIPE, text=True
    )
    said: list[str] = []  # the preview's log, as it comes
    threading.Thread(target=lambda: said.extend(server.stderr), daemon=True).start()
    try:
        deadline = time.monotonic() + 180  # a hang guard, not a measure
        while not any("Serving on" in line for line in said):
            assert server.poll() is None and time.monotonic() < deadline, "the preview did not start"
            time.sleep(0.1)
        page = browser.new_page()
        refused = []
        page.on("console", lambda message: refused.append(message.text) if "Content Security" in message.text else None)
        page.goto(f"http://127.0.0.1:{port}/lrp/pasakumi/fiction-seminar-2021/")
        assert page.locator("h1").first.inner_text() != "Izdomāts seminārs, pārsaukts"
        page.wait_for_load_state("load")  # the reload script begins to poll once the page has loaded
        edited = root / "events" / "fiction-seminar-2021.lv.md"
        text = edited.read_text(encoding="utf-8")
        with page.expect_navigation(timeout=180_000):
            edited.write_text(re.sub(r"(?m)^title: .*$", "title: Izdomāts seminārs, pārsaukts", text), "utf-8")
        assert page.locator("h1").first.inner_text() == "Izdomāts seminārs, pārsaukts"
        assert refused == []
        page.close()
    finally:
        server.send_signal(signal.SIGINT)  # Ctrl-C, as an editor stops make serve, at once after the reload
        try:
            server.wait(timeout=120)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
            raise
    # The preview's site is deleted with it, once Pagefind has finished writing its search into it.
    assert list(temporary.iterdir()) == [], "".join(said)
