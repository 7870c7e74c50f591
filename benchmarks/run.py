"""Build one synthetic corpus with this project and with bare mkdocs-material, and compare.

    python benchmarks/run.py [N ...] [--runs 3]        (make benchmark)
    python benchmarks/run.py 2000 --search-only        (the first search only: one build, no bare Material)

For each N: N events and N/2 stories per language (benchmarks/corpus.py). The two builds
alternate; the script reports the median wall time of each, their ratio, the peak memory,
the size of an item page, the timeline page (gzip) and what the first search downloads.
Bare Material builds the same Markdown files with font: false, its search plugin, and the
items kept out of the nav. Targets are those of the project's scale issue, and for the first
search those of the search issue (a rare word <= 150 KB, the most common word <= 300 KB).
"""

from __future__ import annotations

import argparse
import gzip
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "benchmarks"))
from corpus import write_corpus  # noqa: E402

BARE_CONFIG = """site_name: Bare Material
site_url: https://example.org/
theme:
  name: material
  font: false
plugins:
  - search
nav:
  - index.md
not_in_nav: |
  /events/
  /stories/
"""


def project_site(root: Path, n: int) -> Path:
    site = root / "project"
    shutil.copytree(REPO / "data", site / "data")
    (site / "docs").mkdir(parents=True)
    for lang, title in (("lv", "Sākums"), ("en", "Home")):
        (site / "docs" / f"index.{lang}.md").write_text(f"# {title}\n", encoding="utf-8")
    for folder in ("publications",):
        (site / folder).mkdir()
    text = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    text = text.replace("  - hooks/mkdocs_hooks.py", f"  - {REPO / 'hooks' / 'mkdocs_hooks.py'}")
    text = text.replace("custom_dir: overrides", f"custom_dir: {REPO / 'overrides'}")
    for folder in ("hooks", "overrides"):
        text = text.replace(f"\n  - {folder}\n", f"\n  - {REPO / folder}\n")
    (site / "mkdocs.yml").write_text(text, encoding="utf-8")
    write_corpus(site, n)
    # One name that is on a single page, as a person or a place is on the real site: the rare
    # word of the first-search budget (the synthetic words are each on most pages).
    first = site / "events" / "event-00001.lv.md"
    first.write_text(first.read_text(encoding="utf-8") + f"\n{RARE_NAME}.\n", encoding="utf-8")
    return site


def bare_site(root: Path, project: Path) -> Path:
    site = root / "bare"
    (site / "docs").mkdir(parents=True)
    for folder in ("events", "stories"):
        shutil.copytree(project / folder, site / "docs" / folder)
    (site / "docs" / "index.md").write_text("# Bare Material\n", encoding="utf-8")
    (site / "mkdocs.yml").write_text(BARE_CONFIG, encoding="utf-8")
    return site


def build(site: Path) -> tuple[float, float, float]:
    """One `mkdocs build`: wall seconds, peak resident memory in MB, and CPU seconds (user and
    system, of the build and the processes it waited for: Pagefind, the body workers)."""
    out = site / "site"
    shutil.rmtree(out, ignore_errors=True)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    start = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(out)], cwd=site, env=env)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    if status:
        raise SystemExit(f"build failed in {site}")
    return seconds, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime


# First searches measured at the largest N, as a visitor types them on the Latvian search page
# (which searches each word as typed and by its stem): the site's most common word (on every
# page, as on the real site), a word as common whose index chunk Pagefind fills with other
# words (it does not count a word's diacritic forms when it sizes a chunk), a name on one page
# in another case than the page has it, and a number on one page.
RARE_NAME = "Sando Rudevičs dzejoļu krājumu Saules zaķēns"
QUERIES = {
    "romu": ("the most common word, on every page", 300),
    "mediators": ("a word on every page", 300),
    "Rudeviča": ("a name on one page", 150),
    "1234": ("a number on one page", 150),
}


def first_search_kb(site: Path, queries=tuple(QUERIES)) -> dict[str, tuple[float, float]] | None:
    """Kilobytes the browser fetches from /pagefind/ for a first search on the Latvian search
    page, each query with an empty cache: decoded, and as sent by a server that compresses text
    (GitHub Pages gzips JavaScript and JSON; Pagefind's index, fragments and WebAssembly are
    gzip files already). None without Chromium."""
    chromium = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    if not Path(chromium).exists():
        return None
    sys.path.insert(0, str(REPO / "tests"))
    from conftest import static_server
    from playwright.sync_api import sync_playwright

    sizes = {}
    with static_server(site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
        for query in queries:
            decoded, sent = [], []

            def record(request, decoded=decoded, sent=sent) -> None:
                if "/pagefind/" in request.url:
                    body = request.response().body()
                    decoded.append(len(body))
                    text = urlsplit(request.url).path.endswith((".js", ".json", ".css"))
                    sent.append(len(gzip.compress(body, 6)) if text else len(body))

            context = browser.new_context()  # a cache of its own: nothing is fetched before
            page = context.new_page()
            page.on("requestfinished", record)
            page.goto(base + "meklet/?q=" + query)
            # the results shown (a loaded machine may take its time over a first search)
            page.wait_for_selector("[data-lrp-search-results][aria-busy=false]", timeout=180_000)
            page.wait_for_load_state("networkidle")
            context.close()
            sizes[query] = (sum(decoded) / 1024, sum(sent) / 1024)
        browser.close()
    return sizes


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("sizes", nargs="*", type=int, default=[250, 1000, 2000])
    parser.add_argument("--runs", type=int, default=3)
    # In memory where the machine has it: the builds' time, not the disk's (both builds alike).
    parser.add_argument("--tmp", default="/dev/shm" if Path("/dev/shm").is_dir() else None)
    parser.add_argument("--search-only", action="store_true", help="build each N once and measure the first search")
    args = parser.parse_args()
    if args.search_only:
        search_only(args.sizes, args.tmp)
        return
    rows = []
    for n in args.sizes:
        with tempfile.TemporaryDirectory(prefix=f"lrp-bench-{n}-", dir=args.tmp) as tmp:
            project = project_site(Path(tmp), n)
            bare = bare_site(Path(tmp), project)
            ours, theirs, memory, cpu_ours, cpu_theirs = [], [], [], [], []
            for _ in range(args.runs):  # alternate, so that both see the same machine
                seconds, mb, cpu = build(project)
                ours.append(seconds)
                memory.append(mb)
                cpu_ours.append(cpu)
                seconds, _, cpu = build(bare)
                theirs.append(seconds)
                cpu_theirs.append(cpu)
            out = project / "site"
            pages = len(list(out.rglob("index.html")))
            item = (out / "pasakumi" / "event-00001" / "index.html").stat().st_size / 1024
            timeline = len(gzip.compress((out / "laika-josla" / "index.html").read_bytes())) / 1024
            search = first_search_kb(out) if n == max(args.sizes) else None
            row = {
                "n": n,
                "pages": pages,
                "project_s": statistics.median(ours),
                "bare_s": statistics.median(theirs),
                "project_cpu_s": statistics.median(cpu_ours),
                "bare_cpu_s": statistics.median(cpu_theirs),
                "peak_mb": max(memory),
                "item_kb": item,
                "timeline_gzip_kb": timeline,
                "first_search_kb": search,
            }
            row["ratio"] = row["project_s"] / row["bare_s"]
            searches = (search or {}).items()
            rows.append(row)
            print(
                f"N={n:5d} pages={pages:6d} project={row['project_s']:6.2f}s bare={row['bare_s']:6.2f}s "
                f"ratio={row['ratio']:.2f} cpu: project={row['project_cpu_s']:.2f}s bare={row['bare_cpu_s']:.2f}s "
                f"peak={row['peak_mb']:.0f}MB item={item:.1f}KB "
                f"timeline={timeline:.0f}KB gz"
                + "".join(f" first-search[{q}]={kb[0]:.0f}KB decoded, {kb[1]:.0f}KB sent" for q, kb in searches),
                flush=True,
            )
    for line in verdicts({row["n"]: row for row in rows}):
        print(line)


def search_only(sizes: list[int], tmp: str | None) -> None:
    """The first search at each N, from one build of the project (no bare Material, no timing)."""
    for n in sizes:
        with tempfile.TemporaryDirectory(prefix=f"lrp-bench-{n}-", dir=tmp) as root:
            project = project_site(Path(root), n)
            build(project)
            out = project / "site"
            entry = (out / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8")
            print(f"N={n}: {len(list(out.rglob('index.html')))} pages; Pagefind {entry[:120]}...", flush=True)
            for line in search_verdicts(n, first_search_kb(out) or {}):
                print(line, flush=True)


def search_verdicts(n: int, sizes: dict[str, tuple[float, float]]) -> list[str]:
    lines = []
    for query, (decoded, sent) in sizes.items():
        what, target = QUERIES.get(query, ("", 150))
        verdict = "met" if sent <= target else "NOT MET"
        lines.append(
            f"(d) first search at N={n} for {what} ({query}): {sent:.0f} KB sent, {decoded:.0f} KB decoded"
            f" (target <= {target} KB) {verdict}"
        )
    return lines


def verdicts(by_n: dict[int, dict]) -> list[str]:
    """The scale issue's targets this script measures, each met or not, for the sizes run."""
    lines = []

    def check(label: str, shown: str, met: bool, target: str) -> None:
        lines.append(f"{label}: {shown} (target {target}) {'met' if met else 'NOT MET'}")

    if 1000 in by_n:
        row = by_n[1000]
        check("(a) project / bare at N=1000", f"{row['ratio']:.2f}", row["ratio"] <= 1.0, "<= 1.0")
        check(
            "(e) timeline at N=1000",
            f"{row['timeline_gzip_kb']:.0f} KB gzip",
            row["timeline_gzip_kb"] <= 250,
            "<= 250 KB",
        )
    if 250 in by_n and 1000 in by_n:
        growth = by_n[1000]["project_s"] / by_n[250]["project_s"]
        check("(b) growth 250 -> 1000", f"{growth:.2f}x", growth <= 4.4, "<= 4.4x")
    if len(by_n) > 1:
        sizes = sorted({round(row["item_kb"], 1) for row in by_n.values()})
        check("(c) item page at every N", " / ".join(f"{kb} KB" for kb in sizes), len(sizes) == 1, "one size")
    if 2000 in by_n:
        row = by_n[2000]
        check("(f) peak memory at N=2000", f"{row['peak_mb']:.0f} MB", row["peak_mb"] <= 500, "<= 500 MB")
        lines += search_verdicts(2000, row["first_search_kb"] or {})
    return lines


if __name__ == "__main__":
    main()
