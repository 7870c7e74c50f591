"""Lighthouse (mobile) performance of key pages of a built site, with Debian's Chromium.

    python benchmarks/lighthouse.py [SITE_DIR]      (default: site/, from `make build`)

Installs lighthouse@12 from npm into benchmarks/.tools on first use. Serves the site on
127.0.0.1 as GitHub Pages does, HTML, CSS, JavaScript, JSON and SVG gzip-compressed (add
--plain for no compression, a stricter test than a real host), and prints the score, LCP
and CLS of the home page, an event, the timeline and a search page.
"""

from __future__ import annotations

import gzip
import http.server
import io
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
TOOLS = REPO / "benchmarks" / ".tools"
PAGES = ["", "pasakumi/koordinacijas-sanaksme-2021/", "laika-josla/", "meklet/?q=romu"]


COMPRESSED = (".html", ".css", ".js", ".json", ".svg", ".xml")


class _Gzip(http.server.SimpleHTTPRequestHandler):
    """Text files gzip-compressed for a client that accepts it, as GitHub Pages sends them."""

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?")[0].endswith("/"):
            path = path / "index.html"
        if "gzip" not in self.headers.get("Accept-Encoding", "") or path.suffix not in COMPRESSED or not path.is_file():
            return super().send_head()  # also the redirect of a folder's address to one with a slash
        body = gzip.compress(path.read_bytes(), 6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)

    def log_message(self, *args):
        pass


def main() -> None:
    args = [arg for arg in sys.argv[1:] if arg != "--plain"]
    site = Path(args[0] if args else REPO / "site")
    chromium = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    lighthouse = TOOLS / "node_modules" / ".bin" / "lighthouse"
    if not lighthouse.exists():
        subprocess.run(
            ["npm", "install", "--prefix", str(TOOLS), "--no-audit", "--no-fund", "lighthouse@12"], check=True
        )
    sys.path.insert(0, str(REPO / "tests"))
    from conftest import static_server

    flags = "--headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update"
    handler = {} if "--plain" in sys.argv else {"handler": _Gzip}
    scores = []
    with static_server(site, **handler) as base, tempfile.TemporaryDirectory() as tmp:
        for page in PAGES:
            report = Path(tmp) / "report.json"
            subprocess.run(
                [
                    str(lighthouse),
                    base + page,
                    "--only-categories=performance",
                    f"--chrome-flags={flags}",
                    "--output=json",
                    f"--output-path={report}",
                    "--quiet",
                ],
                check=True,
                env={**os.environ, "CHROME_PATH": chromium},
            )
            data = json.loads(report.read_text(encoding="utf-8"))
            score = data["categories"]["performance"]["score"]
            lcp = data["audits"]["largest-contentful-paint"]["displayValue"]
            cls = data["audits"]["cumulative-layout-shift"]["displayValue"]
            print(f"{score:.2f}  LCP {lcp:>6}  CLS {cls:>5}  /{page}")
            scores.append(score)
    lowest = min(scores)
    print(f"(g) Lighthouse mobile: lowest {lowest:.2f} (target >= 0.98) {'met' if lowest >= 0.98 else 'NOT MET'}")


if __name__ == "__main__":
    main()
