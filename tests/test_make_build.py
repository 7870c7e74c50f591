"""`make build` builds beside site/ and moves the new site into place only when it is complete: a
failed or interrupted build leaves the previous site/ as it was."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import TERMINAL

REPO = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent  # the virtual environment running the tests
COPIED = ["Makefile", "mkdocs.yml", "hooks", "overrides", "data", "docs", "stories", "events", "publications"]

# slow: each test copies the repository and runs `make build` in a process of its own.
pytestmark = [
    pytest.mark.skipif(shutil.which("make") is None, reason="these tests run `make build`: needs make"),
    pytest.mark.slow,
]


def make_build() -> list[str]:
    # -o: the virtual environment is there already; make does not install into it.
    return ["make", "--no-print-directory", "-o", f"{BIN}/.installed", f"BIN={BIN}", "build"]


def snapshot(site: Path) -> dict[str, bytes]:
    return {path.relative_to(site).as_posix(): path.read_bytes() for path in site.rglob("*") if path.is_file()}


@pytest.fixture
def repo(tmp_path) -> Path:
    """A copy of what the build reads, with site/ built by `make build`."""
    for name in COPIED:
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, tmp_path / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, tmp_path / name)
    done = subprocess.run(make_build(), cwd=tmp_path, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    return tmp_path


def leftovers(root: Path) -> list[str]:
    return sorted(path.name for path in root.iterdir() if path.name.startswith(".site"))


def broken_content(repo: Path) -> tuple[str, object]:
    """A content mistake: MkDocs stops before it writes anything. Gives the message and the repair."""
    path = repo / "stories" / "broken.lv.md"
    path.write_text("---\ntitle: Salauzts\ndate: 2021-13-45\n---\n\nTeksts.\n", encoding="utf-8")
    return "stories/broken.lv.md:3: date:", path.unlink


def broken_template(repo: Path) -> tuple[str, object]:
    """A failure halfway: MkDocs has emptied the site folder and written pages when it stops."""
    path = repo / "overrides" / "lrp" / "timeline.html"
    text = path.read_text(encoding="utf-8")
    block = "{% block lrp_content %}"
    path.write_text(text.replace(block, block + "{{ lrp_site.no_such_helper() }}"), encoding="utf-8")
    return "no_such_helper", lambda: path.write_text(text, encoding="utf-8")


@pytest.mark.parametrize("breaking", [broken_content, broken_template])
def test_failed_build_leaves_the_site_as_it_was_and_a_good_one_replaces_it(repo, breaking):
    site = repo / "site"
    assert (site / "index.html").is_file() and (site / "pagefind" / "pagefind.js").is_file()
    assert leftovers(repo) == []
    before = snapshot(site)
    message, repair = breaking(repo)
    done = subprocess.run(make_build(), cwd=repo, capture_output=True, text=True)
    assert done.returncode != 0
    assert message in done.stdout + done.stderr
    assert snapshot(site) == before
    assert leftovers(repo) == []

    repair()
    (repo / "docs" / "proba.lv.md").write_text(
        "---\ntitle: Jauna lapa\nsummary: Lapa, kuras iepriekš nebija.\n---\n\nTeksts.\n", encoding="utf-8"
    )
    done = subprocess.run(make_build(), cwd=repo, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Jauna lapa" in (site / "proba" / "index.html").read_text(encoding="utf-8")
    assert "proba/index.html" not in before
    assert leftovers(repo) == []


# Test code, in the copy's mkdocs.yml only: a hook that holds the build once MkDocs has written a
# page (it writes each page after its on_post_page event), says so and waits for the test's signal.
HOLD = """
import sys
import time

seen = 0


def on_post_page(output, **kwargs):
    global seen
    seen += 1
    if seen == 2:
        print("held: a page is written", file=sys.stderr, flush=True)
        time.sleep(300)  # interrupted by the test long before: a guard against a hang, not a wait
    return output
"""


def signals(pid: int) -> str:
    """A process's blocked and ignored signals (/proc), for a failure's message."""
    try:
        lines = Path(f"/proc/{pid}/status").read_text().splitlines()
    except OSError:
        return ""
    return " ".join(line.replace("\t", " ") for line in lines if line.startswith(("SigBlk", "SigIgn")))


def test_interrupted_build_leaves_the_site_as_it_was(repo):
    site = repo / "site"
    before = snapshot(site)
    (repo / "docs" / "proba.lv.md").write_text(
        "---\ntitle: Jauna lapa\nsummary: Lapa, kuras iepriekš nebija.\n---\n\nTeksts.\n", encoding="utf-8"
    )
    (repo / "hold_build.py").write_text(HOLD, encoding="utf-8")
    config = repo / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace(
            "\n  - hooks/mkdocs_hooks.py\n", "\n  - hooks/mkdocs_hooks.py\n  - hold_build.py\n"
        ),
        encoding="utf-8",
    )
    # Ctrl-C in a terminal: SIGINT to make, its shell and MkDocs, once MkDocs has begun writing. A
    # terminal's programs start with SIGINT neither ignored nor blocked, whatever the test's process
    # inherited (under pytest-xdist, make and MkDocs were once found deaf to it): the launcher says so.
    build = subprocess.Popen(
        [sys.executable, "-c", TERMINAL, *make_build()],
        cwd=repo,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    output = b""
    for line in build.stdout:  # until the hook holds the build (or the build ends without it)
        output += line
        if line.startswith(b"held: "):
            break
    assert build.poll() is None and output.endswith(b"held: a page is written\n"), output.decode()
    assert list((repo / ".site.tmp").rglob("index.html")), "MkDocs has not begun writing"
    os.killpg(build.pid, signal.SIGINT)
    try:
        output += build.communicate(timeout=120)[0]  # a guard against a hang, not a wait
    except subprocess.TimeoutExpired:
        still = subprocess.run(["ps", "-o", "pid=,stat=,args=", "-g", str(build.pid)], capture_output=True, text=True)
        report = [f"{line}  [{signals(int(line.split()[0]))}]" for line in still.stdout.splitlines()]
        os.killpg(build.pid, signal.SIGKILL)
        output += build.communicate()[0]
        pytest.fail("the build did not end after Ctrl-C; still running:\n" + "\n".join(report) + "\n" + output.decode())
    assert build.returncode != 0 and b"Aborted!" in output, output.decode()  # MkDocs was stopped mid-build
    assert snapshot(site) == before
    assert leftovers(repo) == []
