"""The page plan and what templates read: addresses, pages, views, timeline, chart, UI strings."""
