"""Sizes that must stay bounded as content grows (timings live in benchmarks/, not here)."""

import gzip
import sys

import pytest
from conftest import REPO, build_site, write_site

sys.path.insert(0, str(REPO / "benchmarks"))
from corpus import write_corpus  # noqa: E402

pytestmark = pytest.mark.slow  # builds a site of 1000 events


def test_timeline_of_1000_events_stays_under_250_kb_gzip(tmp_path):
    root = write_site(tmp_path, base=None)
    write_corpus(root, 1000)
    # The Latvian timeline lists the events; the stories and the English files only make the build
    # three times as long (the page is as long without them: 1 582 844 bytes either way).
    for path in [*root.glob("stories/*.md"), *root.glob("events/*.en.md")]:
        path.unlink()
    site = build_site(root)
    html = (site / "laika-josla/index.html").read_bytes()
    assert html.count(b'class="lrp-timeline__entry') == 1000
    assert len(gzip.compress(html)) < 250 * 1024
    # An item page does not grow with the number of items (no item pages in the navigation).
    item = (site / "pasakumi/event-00001/index.html").read_bytes()
    assert len(item) < 40 * 1024
