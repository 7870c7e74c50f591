"""Lighthouse (mobile) performance of key pages of a built site, with Debian's Chromium.

    python benchmarks/lighthouse.py [SITE_DIR]      (default: site/, from `make build`)

Installs lighthouse@12 from npm into benchmarks/.tools on first use. Serves the site on
127.0.0.1 (without compression, so a stricter test than a real host) and prints the score,
LCP and CLS of the home page, an event, the timeline and a search page.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
TOOLS = REPO / "benchmarks" / ".tools"
PAGES = ["", "pasakumi/koordinacijas-sanaksme-2021/", "laika-josla/", "meklet/?q=romu"]


def main() -> None:
    site = Path(sys.argv[1] if len(sys.argv) > 1 else REPO / "site")
    chromium = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    lighthouse = TOOLS / "node_modules" / ".bin" / "lighthouse"
    if not lighthouse.exists():
        subprocess.run(
            ["npm", "install", "--prefix", str(TOOLS), "--no-audit", "--no-fund", "lighthouse@12"], check=True
        )
    sys.path.insert(0, str(REPO / "tests"))
    from conftest import static_server

    flags = "--headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update"
    with static_server(site) as base, tempfile.TemporaryDirectory() as tmp:
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


if __name__ == "__main__":
    main()
