"""A static map of Latvia and Lithuania with the places marked: SVG geometry, no tiles, no script.

The outlines (data/geo/*.geojson, one GeoJSON Feature with a Polygon per file) are read and checked
with the content, before any page is made (``read_outlines``): every mistake is one line
``path:line: member: message``, at the line of the JSON value it is about.
"""

from __future__ import annotations

import json
import json.decoder
import json.scanner
import math
from dataclasses import dataclass
from pathlib import Path

from ..base.errors import Invalid, Mistake, Report, quote
from ..base.messages import Message
from ..base.text import plain_text

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


def make_map(outlines: tuple, places: dict) -> Map:
    """The outlines (``read_outlines``) and a marker for every place that has coordinates."""
    west, south, east, north = BOUNDS
    scale = WIDTH / ((east - west) * math.cos(math.radians((south + north) / 2)))
    height = round((north - south) * scale)
    drawn = tuple(
        (
            name,
            " ".join(
                "M" + " L".join(f"{x},{y}" for x, y in (_project(lon, lat, scale) for lon, lat in ring)) + " Z"
                for ring in rings
            ),
        )
        for name, rings in outlines
    )
    markers = tuple(
        Marker(term, *_project(term.lon, term.lat, scale))
        for term in places.values()
        if term.lat is not None and term.lon is not None and west <= term.lon <= east and south <= term.lat <= north
    )
    return Map(WIDTH, height, drawn, markers)


def read_outlines(root: Path) -> tuple[tuple, list[Mistake]]:
    """``((name, rings), …)`` from data/geo/*.geojson, and the mistakes of the files that are wrong
    (a wrong file draws nothing)."""
    report, outlines = Report(), []
    for path in sorted((Path(root) / "data" / "geo").glob("*.geojson")):
        rel = path.relative_to(root).as_posix()
        try:
            text = path.read_text(encoding="utf-8")
            outline = _outline(_decoder().decode(text))
        except Invalid as error:
            for problem in error.each():
                report.add(rel, _line(text, problem.line), problem.field or "geojson", problem.message)
            continue
        except json.JSONDecodeError as error:
            report.add(rel, error.lineno, "geojson", Message("geo.json", column=error.colno, reason=error.msg))
            continue
        except RecursionError:
            report.add(rel, 1, "geojson", Message("geo.json", column=1, reason="nested too deeply"))
            continue
        except UnicodeDecodeError:
            report.add(rel, 1, "geojson", Message("file.not_utf8"))
            continue
        except OSError as error:
            report.add(rel, 1, "geojson", Message("file.unreadable", reason=str(error.strerror or error)))
            continue
        outlines.append(outline)
    return tuple(outlines), report.mistakes


def _outline(feature) -> tuple[str, tuple]:
    """A Feature's name and rings; raises ``Invalid`` with every mistake (``line``: a position in the text)."""
    if not isinstance(feature, _Object) or feature.get("type") != "Feature":
        raise Invalid(Message("geo.feature"), _at(feature), field="type")
    problems = []
    properties = feature.get("properties")
    try:
        name = plain_text(properties.get("name", "") if isinstance(properties, dict) else "", 120)
    except Invalid as error:
        problems.append(Invalid(error.message, _at(properties, feature), field="name"))
    geometry = feature.get("geometry")
    rings = geometry.get("coordinates") if isinstance(geometry, dict) and geometry.get("type") == "Polygon" else None
    if not isinstance(rings, list) or not rings:
        problems.append(Invalid(Message("geo.polygon"), _at(rings, geometry, feature), field="geometry"))
        rings = []
    for ring in rings:
        if not isinstance(ring, list) or len(ring) < 4 or ring[0] != ring[-1]:
            problems.append(Invalid(Message("geo.ring"), _at(ring, rings), field="coordinates"))
            continue
        problems += [
            Invalid(
                Message("geo.position", value=quote(json.dumps(position))), _at(position, ring), field="coordinates"
            )
            for position in ring
            if not _position(position)
        ]
    if problems:
        raise Invalid.several(problems)
    return name, tuple(tuple((float(lon), float(lat)) for lon, lat in ring) for ring in rings)


def _position(value) -> bool:
    """``[longitude, latitude]``: two finite numbers on the globe."""
    if not isinstance(value, list) or len(value) != 2:
        return False
    if not all(isinstance(n, int | float) and not isinstance(n, bool) and math.isfinite(n) for n in value):
        return False
    return abs(value[0]) <= 180 and abs(value[1]) <= 90


# JSON read with the place of every array and object in the text, so that a mistake names its line.
class _Array(list):
    start = 0


class _Object(dict):
    start = 0


def _at(*values) -> int:
    """The text position of the first of ``values`` that has one (an array or an object)."""
    return next((value.start for value in values if isinstance(value, _Array | _Object)), 0)


def _line(text: str, position: int | None) -> int:
    return text.count("\n", 0, position or 0) + 1


def _decoder() -> json.JSONDecoder:
    decoder = json.JSONDecoder()

    def parse_array(s_and_end, scan_once):
        values, end = json.decoder.JSONArray(s_and_end, scan_once)
        array = _Array(values)
        array.start = s_and_end[1] - 1
        return array, end

    def parse_object(s_and_end, *args):
        pairs, end = json.decoder.JSONObject(s_and_end, *args)
        mapping = _Object(pairs)
        mapping.start = s_and_end[1] - 1
        return mapping, end

    decoder.parse_array, decoder.parse_object = parse_array, parse_object
    decoder.scan_once = json.scanner.py_make_scanner(decoder)  # the pure-Python scanner reads these two
    return decoder
