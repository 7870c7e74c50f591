"""Two engines, one site: `properdocs build` (ProperDocs, the maintained fork of MkDocs 1.6) makes,
from the same mkdocs.yml, hooks and templates, the same files as `mkdocs build`.

Every file is compared byte for byte, except the search bundle's filters and what names them:
Pagefind writes the values of a filter (a page's type: events, stories ...) in the order of a
Rust hash map, which changes between two runs of the *same* engine; the filter file's name is a
hash of its bytes, and the language's meta file (pagefind.<lang>_<hash>.pf_meta) and
pagefind-entry.json name it and each other by hash. Those are compared by what they hold: the
filter decoded with its values sorted, the meta decoded with the filter's hash left out, the
entry as JSON without the meta's hash. The index and fragments (the words and pages found) are
compared byte for byte, as their names are hashes of their content that the meta lists.
Nothing else needs to differ: the site prints no generator meta (its own base template and
`extra.generator: false`), and SOURCE_DATE_EPOCH, set alike for both, fixes "today".
"""

from __future__ import annotations

import gzip
import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import REPO, write_site

BIN = Path(sys.executable).parent
ENGINES = ("mkdocs", "properdocs")

# pagefind/filter/<lang>_<hash>.pf_filter and pagefind/pagefind.<lang>_<hash>.pf_meta
HASH_NAMED = re.compile(r"pagefind/(filter/|pagefind\.)(([\w-]+?)_[0-9a-f]+)(\.pf_filter|\.pf_meta)")
PAGEFIND_SIGNATURE = b"pagefind_dcd"


def build(engine: str, config: Path, site_dir: Path, epoch: int) -> subprocess.CompletedProcess:
    """`<engine> build --strict`, as `make build` runs it, in a process of its own (ProperDocs
    redirects every `mkdocs` import to itself, which must not leak into the test process)."""
    env = {**os.environ, "SOURCE_DATE_EPOCH": str(epoch), "NO_MKDOCS_2_WARNING": "1"}
    env.pop("GITHUB_ACTIONS", None)
    return subprocess.run(
        [str(BIN / engine), "build", "--strict", "--config-file", str(config), "--site-dir", str(site_dir)],
        cwd=config.parent,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def cbor(data: bytes):
    """The CBOR in a Pagefind file (gzip, then b"pagefind_dcd", then one CBOR item): the subset
    Pagefind writes (integers, strings, arrays, maps)."""
    data = gzip.decompress(data)
    assert data.startswith(PAGEFIND_SIGNATURE), data[:20]

    def item(i: int):
        major, info = data[i] >> 5, data[i] & 31
        i += 1
        if info < 24:
            arg = info
        elif info <= 27:
            size = 1 << (info - 24)
            arg, i = int.from_bytes(data[i : i + size], "big"), i + size
        else:
            raise ValueError(f"CBOR item {major}/{info} at {i - 1}")
        if major == 0:
            return arg, i
        if major == 1:
            return -1 - arg, i
        if major in (2, 3):
            raw = data[i : i + arg]
            return (raw.decode() if major == 3 else raw), i + arg
        if major in (4, 5):
            items = []
            for _ in range(arg * (2 if major == 5 else 1)):
                value, i = item(i)
                items.append(value)
            return (items if major == 4 else dict(zip(items[::2], items[1::2], strict=True))), i
        raise ValueError(f"CBOR item {major}/{info} at {i - 1}")

    value, end = item(len(PAGEFIND_SIGNATURE))
    assert end == len(data)
    return value


def without(value, names: set[str]):
    """``value`` with every string in ``names`` (the hash names of filter files) left out."""
    if isinstance(value, list):
        return [without(v, names) for v in value if not (isinstance(v, str) and v in names)]
    return value


def contents(site: Path) -> dict[str, object]:
    """Every file of a built site, by the name and content it is compared by (see the docstring)."""
    files = {p.relative_to(site).as_posix(): p for p in sorted(site.rglob("*")) if p.is_file()}
    filter_hashes = {m[2] for rel in files if (m := HASH_NAMED.fullmatch(rel)) and m[4] == ".pf_filter"}
    found = {}
    for rel, path in files.items():
        data = path.read_bytes()
        if m := HASH_NAMED.fullmatch(rel):
            rel, value = f"pagefind/{m[1]}{m[3]}_<hash>{m[4]}", cbor(data)
            if m[4] == ".pf_filter":  # [name, [[value, [page, ...]], ...], name, ...]: values in any order
                data = {value[i]: sorted(value[i + 1]) for i in range(0, len(value), 2)}
            else:
                data = without(value, filter_hashes)
        elif rel == "pagefind/pagefind-entry.json":
            entry = json.loads(data)
            for language in entry["languages"].values():
                language.pop("hash")  # the meta file's hash
            data = entry
        assert rel not in found, rel
        found[rel] = data
    return found


def differences(a: Path, b: Path) -> list[str]:
    """Every file that is in one site only or whose content differs."""
    files_a, files_b = contents(a), contents(b)
    found = [f"only in {a.name}: {rel}" for rel in files_a.keys() - files_b.keys()]
    found += [f"only in {b.name}: {rel}" for rel in files_b.keys() - files_a.keys()]
    found += [f"differs: {rel}" for rel in files_a.keys() & files_b.keys() if files_a[rel] != files_b[rel]]
    return sorted(found)


def build_with_both(config: Path, out: Path) -> dict[str, Path]:
    """The site of ``config`` built by each engine into out/<engine>."""
    epoch = int(time.time())
    sites = {}
    for engine in ENGINES:
        result = build(engine, config, out / engine, epoch)
        assert result.returncode == 0, (engine, result.stderr[-3000:])
        assert "Traceback" not in result.stderr, (engine, result.stderr[-3000:])
        sites[engine] = out / engine
    return sites


def test_both_engines_are_installed_side_by_side():
    """requirements-test.txt pins both; ProperDocs is a package of its own and leaves MkDocs as it is."""
    from importlib import metadata

    pins = dict(line.split("==") for line in (REPO / "requirements-test.txt").read_text().splitlines() if "==" in line)
    assert pins["properdocs"] == metadata.version("properdocs")
    assert metadata.version("mkdocs") == "1.6.1"
    for engine in ENGINES:
        version = subprocess.run([str(BIN / engine), "--version"], capture_output=True, text=True, check=True)
        assert version.stdout.startswith(f"{engine}, version "), version.stdout


def names_no_engine(site: Path) -> None:
    """What would have to differ between the engines, a generator meta with a name and version, is not printed."""
    for page in site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert not re.search(r'name="generator"|ProperDocs|[Mm]k[Dd]ocs[- ]\d', text), page


@pytest.mark.slow  # built by both engines, in subprocesses
def test_the_real_site_is_the_same_from_both_engines(tmp_path):
    sites = build_with_both(REPO / "mkdocs.yml", tmp_path)
    assert len(contents(sites["mkdocs"])) > 100
    assert differences(sites["mkdocs"], sites["properdocs"]) == []
    for site in sites.values():
        names_no_engine(site)


@pytest.mark.slow  # built by both engines, in subprocesses
def test_the_fixture_site_is_the_same_from_both_engines(tmp_path):
    """The fixture site: drafts, timeline, exports, search. The normalising of the search bundle
    reads what Pagefind really writes: every meta file, and the filters if any."""
    from importlib import metadata

    sites = build_with_both(write_site(tmp_path / "src") / "mkdocs.yml", tmp_path / "built")
    for rel in ("laika-josla/index.html", "feed.xml", "en/feed.xml", "pagefind/pagefind-entry.json"):
        assert (sites["mkdocs"] / rel).is_file(), rel
    assert differences(sites["mkdocs"], sites["properdocs"]) == []
    for site in sites.values():
        names_no_engine(site)
    found = contents(sites["mkdocs"])
    metas = [found[rel] for rel in found if rel.endswith(".pf_meta")]
    assert len(metas) == 2 and all(meta[0] == metadata.version("pagefind") for meta in metas)
    for rel in found:
        if rel.endswith(".pf_filter"):
            assert all(isinstance(pages, list) for pages in found[rel].values())


def cbor_bytes(value) -> bytes:
    """A Pagefind file holding ``value`` (the inverse of cbor() for integers, strings and arrays)."""

    def head(major: int, arg: int) -> bytes:
        if arg < 24:
            return bytes([major << 5 | arg])
        size = next(s for s in (1, 2, 4, 8) if arg < 1 << (8 * s))
        return bytes([major << 5 | (24 + size.bit_length() - 1)]) + arg.to_bytes(size, "big")

    def item(v) -> bytes:
        if isinstance(v, int):
            return head(0, v) if v >= 0 else head(1, -1 - v)
        if isinstance(v, str):
            return head(3, len(v.encode())) + v.encode()
        return head(4, len(v)) + b"".join(item(x) for x in v)

    return gzip.compress(PAGEFIND_SIGNATURE + item(value), mtime=0)


def bundle(site: Path, filter_hash: str, meta_hash: str, values: list, languages=("lv", "en")) -> Path:
    """A site holding a Pagefind bundle shaped as Pagefind 1.5 writes it (one filter, Latvian)."""
    (site / "pagefind/filter").mkdir(parents=True)
    (site / "index.html").write_text("<p>x</p>")
    (site / f"pagefind/filter/lv_{filter_hash}.pf_filter").write_bytes(cbor_bytes(["type", values]))
    meta = ["1.5.2", [["lv_a1f1f27", 10], ["lv_be5e72e", 19]], [["1", "yet", "lv_4c74cea"]]]
    meta += [[["type", f"lv_{filter_hash}"]], [], ["date", "title", "type"]]
    (site / f"pagefind/pagefind.lv_{meta_hash}.pf_meta").write_bytes(cbor_bytes(meta))
    entry = {
        "version": "1.5.2",
        "languages": {code: {"hash": f"{code}_{meta_hash}", "page_count": 2} for code in languages},
    }
    (site / "pagefind/pagefind-entry.json").write_text(json.dumps(entry))
    return site


def test_the_comparison_sees_what_differs_and_only_that(tmp_path):
    """Filter values in another order, under other hash names, are the same bundle; a changed page,
    a page counted under another filter value, a missing file are not."""
    values = [["events", [1, 300]], ["pages", [0]]]
    a = bundle(tmp_path / "a", "2ad64e4", "f69161b348", values)
    assert cbor(cbor_bytes(values)) == values
    b = bundle(tmp_path / "b", "b775232", "63d81c933e", values[::-1], languages=("en", "lv"))
    assert differences(a, b) == []

    c = bundle(tmp_path / "c", "2ad64e4", "f69161b348", [["events", [0]], ["pages", [1, 300]]])
    (c / "index.html").write_text("<p>y</p>")
    (c / "feed.xml").write_text("")
    assert differences(a, c) == [
        "differs: index.html",
        "differs: pagefind/filter/lv_<hash>.pf_filter",
        "only in c: feed.xml",
    ]


def mistakes(output: str) -> list[tuple[str, str]]:
    """The `path:line: field: message` lines of a build log, each with its log level."""
    return sorted(re.findall(r"(?m)^(ERROR|WARNING|INFO)\s+-\s+(\S+\.md:\d+: .*)$", output))


def test_both_engines_report_the_same_mistakes_and_build_nothing(tmp_path):
    files = {
        "events/a.lv.md": "---\ntitle: A\nsummary: A.\ndate: 2021-13\nkind: other\nplaces: [riga]\n"
        "project: platforma-v\n---\n<script>x</script>\n",
        "stories/s.lv.md": "---\ntitle: S\nsummary: S.\nperson: P\ndate: 2024\nconsent: 2099-01-01\n---\nTeksts.\n",
    }
    root = write_site(tmp_path / "src", files)
    epoch = int(time.time())
    reported = {}
    for engine in ENGINES:
        result = build(engine, root / "mkdocs.yml", tmp_path / engine, epoch)
        assert result.returncode != 0, engine
        assert "Traceback" not in result.stderr, (engine, result.stderr)
        assert not (tmp_path / engine / "index.html").exists(), engine
        reported[engine] = mistakes(result.stderr)
    errors = [line for level, line in reported["mkdocs"] if level == "ERROR"]
    assert [re.match(r"\S+: \w+", line)[0] for line in errors] == [
        "events/a.lv.md:4: date",
        "events/a.lv.md:9: body",
        "stories/s.lv.md:6: consent",
    ]
    assert reported["properdocs"] == reported["mkdocs"]
