"""A static map of Latvia and Lithuania with the places marked: SVG geometry, no tiles, no script."""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from pathlib import Path

WIDTH = 600  # SVG user units; the map scales with the page
BOUNDS = (20.8, 53.8, 28.4, 58.2)  # lon/lat box: Latvia and Lithuania


@dataclass(frozen=True)
class Marker:
    term: object  # a place Term
    x: float
    y: float


@dataclass(frozen=True)
class Map:
    width: int
    height: int
    outlines: tuple  # (name, SVG path data)
    markers: tuple  # Marker


def _project(lon: float, lat: float, scale: float) -> tuple[float, float]:
    west, south, east, north = BOUNDS
    return round((lon - west) * scale * math.cos(math.radians((south + north) / 2)), 1), round((north - lat) * scale, 1)


def make_map(geo_dir: Path, places: dict) -> Map:
    """Outlines from data/geo/*.geojson and a marker for every place that has coordinates."""
    west, south, east, north = BOUNDS
    scale = WIDTH / ((east - west) * math.cos(math.radians((south + north) / 2)))
    height = round((north - south) * scale)
    outlines = []
    for path in sorted(geo_dir.glob("*.geojson")):
        feature = json.loads(path.read_text(encoding="utf-8"))
        rings = feature["geometry"]["coordinates"]
        data = " ".join(
            "M" + " L".join(f"{x},{y}" for x, y in (_project(lon, lat, scale) for lon, lat in ring)) + " Z"
            for ring in rings
        )
        outlines.append((feature["properties"]["name"], data))
    markers = tuple(
        Marker(term, *_project(term.lon, term.lat, scale))
        for term in places.values()
        if term.lat is not None and term.lon is not None and west <= term.lon <= east and south <= term.lat <= north
    )
    return Map(WIDTH, height, tuple(outlines), markers)
