"""The one room for the engine's internals (hooks/mkdocs_engine.py) and the thin handlers."""

import hashlib
import inspect
import logging
import re
from pathlib import Path

import markdown
import material
import mkdocs_engine
import pytest
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

HOOKS = Path(__file__).resolve().parents[1] / "hooks"


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


# What mkdocs_engine.py relies on of the engine's insides, as it was when it was written. When an
# upgrade changes one of these, read the new version, mend mkdocs_engine.py, then update the hash.
UPSTREAM = {
    # PlanPage.render replaces this: it must still set what templates read (content, toc).
    "mkdocs Page.render": (lambda: inspect.getsource(Page.render), "320529348f7a8af1"),
    "mkdocs File.generated": (lambda: inspect.getsource(File.generated), "8699762cdd2d37a4"),
    # leave_theme_template: a template taken out of static_templates is not rendered, and its
    # source, listed as a theme file to copy, is left out by the build (as this filter lets it through).
    "mkdocs Files.add_files_from_theme": (
        lambda: inspect.getsource(Files.add_files_from_theme),
        "0169dd2b1c22ca13",
    ),
    # Material.styles renders this block of Material's base template.
    "material base.html styles block": (
        lambda: re.search(
            r"{% block styles %}.*?{% endblock %}",
            (Path(material.__file__).parent / "templates" / "base.html").read_text(encoding="utf-8"),
            re.S,
        ).group(0),
        "3e2f8b00a4426913",
    ),
}


@pytest.mark.parametrize("name", UPSTREAM)
def test_what_the_engine_module_relies_on_is_unchanged_upstream(name):
    source, expected = UPSTREAM[name]
    assert _sha(source()) == expected, f"{name} changed upstream: re-check hooks/mkdocs_engine.py"


def test_versions_are_checked_in_one_line_each(caplog, monkeypatch):
    assert mkdocs_engine.check_versions(logging.getLogger("t")) == []  # as pinned in requirements.txt
    monkeypatch.setitem(mkdocs_engine.WRITTEN_FOR, "mkdocs", "0.1")
    with caplog.at_level(logging.WARNING):
        assert mkdocs_engine.check_versions(logging.getLogger("t")) == ["mkdocs"]
    assert len(caplog.records) == 1 and "written for mkdocs 0.1" in caplog.records[0].getMessage()


def test_the_prefilter_skips_what_it_does_not_find():
    text = "# Title\n\n> quote `x` [a](b)\n\n---\n"
    plain, filtered = markdown.Markdown(), markdown.Markdown()
    for md in (plain, filtered):
        md.inlinePatterns.deregister("backtick")  # a processor it expects is missing
    mkdocs_engine.Prefilter().extendMarkdown(filtered)
    assert filtered.convert(text) == plain.convert(text)
    md = markdown.Markdown()
    md.parser.blockprocessors["quote"].RE = "not an expression"  # an attribute of another kind
    mkdocs_engine.Prefilter().extendMarkdown(md)
    assert md.parser.blockprocessors["quote"].RE == "not an expression"


def test_handlers_take_keywords_and_ignore_new_ones():
    import mkdocs_hooks

    handlers = {name: handler for name, handler in vars(mkdocs_hooks).items() if name.startswith("on_")}
    assert set(handlers) >= {"on_startup", "on_config", "on_files", "on_post_page", "on_build_error"}
    for name, handler in handlers.items():
        kinds = [parameter.kind for parameter in inspect.signature(handler).parameters.values()]
        assert inspect.Parameter.VAR_KEYWORD in kinds, name
        assert inspect.Parameter.POSITIONAL_ONLY not in kinds, name


def test_a_theme_template_the_site_writes_is_neither_rendered_nor_copied(tmp_path, monkeypatch):
    """The sitemap is the site's export, written at the end of the build: MkDocs no longer renders
    the theme's template before the pages, nor copies its source (which the theme would then list
    as a static file) to the sitemap's place."""
    from conftest import build_site, write_site
    from mkdocs.config import load_config

    config = load_config(str(HOOKS.parent / "mkdocs.yml"))
    assert "sitemap.xml" in config.theme.static_templates  # as MkDocs has it
    mkdocs_engine.leave_theme_template(config, "sitemap.xml")
    assert "sitemap.xml" not in config.theme.static_templates and "404.html" in config.theme.static_templates
    copied = []
    copy = File.copy_file
    monkeypatch.setattr(File, "copy_file", lambda file, dirty=False: copied.append(file.dest_uri) or copy(file, dirty))
    site = build_site(write_site(tmp_path / "root", {}))
    assert "assets/lrp.css" in copied and "sitemap.xml" not in copied
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert sitemap.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<urlset') and "{%" not in sitemap
    assert not (site / "sitemap.xml.gz").exists()  # MkDocs' copy of its own rendering
