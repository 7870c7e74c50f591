"""Honest status: a plan whose date (or end) has passed is "unreported", never "planned"."""

import json

import pytest
from conftest import build_site, read, write_site
from test_content import TODAY, event, load


@pytest.mark.parametrize(
    ("fields", "status"),
    [
        ({"event_status": "planned", "date": "2026-11-24"}, "unreported"),  # the day before the build
        ({"event_status": "planned", "date": "2026-11-25"}, "planned"),  # the build's own day
        ({"event_status": "planned", "date": "2026-11"}, "planned"),  # its month has not ended
        ({"event_status": "planned", "date": "2026-10"}, "unreported"),
        ({"event_status": "planned", "date": "2025"}, "unreported"),
        ({"event_status": "planned", "date": "2021", "end": "2026-11-25"}, "planned"),  # a span still running
        ({"event_status": "planned", "date": "2021", "end": "2026-11-24"}, "unreported"),
        ({"event_status": "held", "date": "2021-05-05"}, "held"),
        ({"event_status": "cancelled", "date": "2021-05-05"}, "cancelled"),
        ({"date": "2021-05-05"}, "held"),  # not written: from the date
        ({"date": "2026-11-26"}, "planned"),
    ],
)
def test_status_at_the_boundary_days(tmp_path, fields, status):
    content = load(tmp_path, {"events/a.lv.md": event(**fields)})
    assert content.mistakes == []
    assert content.items["events/a"].event_status == status
    assert [w.field for w in content.warnings] == (["event_status"] if status == "unreported" else [])
    assert TODAY.isoformat() == "2026-11-25"


def test_unreported_is_a_warning_for_make_check_not_a_mistake(tmp_path, capsys):
    from lrp.cli import check

    root = write_site(tmp_path, {"events/a.lv.md": event(event_status="planned", date="2021-05-05")}, base=None)
    assert check(root) == 0
    out = capsys.readouterr().out
    assert "Warning: planned events whose date has passed (1); write event_status: held or cancelled" in out
    assert "\n  events/a.lv.md:8\n" in out and out.rstrip().endswith("No mistakes.")


def test_unreported_on_the_page_the_timeline_and_the_export(tmp_path):
    files = {
        "events/a.lv.md": event(event_status="planned", date="2021-05-05"),
        "events/a.en.md": "---\ntitle: A plan\nsummary: A plan.\n---\nText.\n",
    }
    site = build_site(write_site(tmp_path, files, base=None))
    assert "nav ziņu par norisi" in read(site, "pasakumi/a") and "plānots" not in read(site, "pasakumi/a")
    assert "no report yet" in read(site, "en/events/a") and "planned" not in read(site, "en/events/a").lower()
    assert "nav ziņu par norisi" in read(site, "laika-josla")
    items = json.loads((site / "laika-josla/timeline.json").read_text(encoding="utf-8"))["items"]
    assert [item["status"] for item in items] == ["unreported"]
