"""The core's floors (hooks/lrp/): every import runs down or stays on its floor, and no module
imports itself back through others. Floors, lowest first:

- ``base``: the values every layer shares (messages, mistakes, text, dates, addresses, settings,
  YAML with line marks);
- ``contract``: the contract's fields and checks (fields, vocabularies, files, bodies, safe HTML);
- ``model``: the items and the content as loaded;
- ``outputs``: what is made of items (media, feeds, structured data, history, share images);
- ``pages``: the page plan, the interface texts and what templates read;
- the loader, the command line and the package itself.

The hooks beside the core (mkdocs_hooks.py, site_build.py, *_engine.py) may import the core; the
core imports none of them, nor MkDocs.
"""

import ast
from pathlib import Path

import pytest

CORE = Path(__file__).resolve().parents[1] / "hooks" / "lrp"
FLOORS = {"base": 0, "contract": 1, "model": 2, "outputs": 3, "pages": 4}
TOP = 5  # lrp/__init__.py, loader.py, cli.py, __main__.py


def module_name(path: Path) -> str:
    parts = ["lrp", *path.relative_to(CORE).with_suffix("").parts]
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(path): path for path in sorted(CORE.rglob("*.py"))}


def floor(module: str) -> int:
    parts = module.split(".")
    return FLOORS.get(parts[1], TOP) if len(parts) > 2 or (len(parts) == 2 and parts[1] in FLOORS) else TOP


def imports(module: str) -> set[str]:
    """The lrp modules ``module`` imports (anywhere in it: under TYPE_CHECKING and in functions too),
    and the other top-level names it imports."""
    path = MODULES[module]
    package = module if path.name == "__init__.py" else module.rsplit(".", 1)[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module
            for alias in node.names:  # "from . import addresses" imports a module
                found.add(f"{target}.{alias.name}" if f"{target}.{alias.name}" in MODULES else target)
    return found


GRAPH = {module: {name for name in imports(module) if name in MODULES and name != module} for module in MODULES}


@pytest.mark.parametrize("module", sorted(MODULES))
def test_every_import_runs_down_or_stays_on_its_floor(module):
    upward = sorted(name for name in GRAPH[module] if floor(name) > floor(module) and name != "lrp")
    assert not upward, f"{module} (floor {floor(module)}) imports from a higher floor: {upward}"


@pytest.mark.parametrize("module", sorted(MODULES))
def test_the_core_imports_neither_mkdocs_nor_the_hooks(module):
    outside = {name.split(".")[0] for name in imports(module)}
    assert not outside & {"mkdocs", "material", "properdocs", "mkdocs_engine", "pagefind_engine", "site_build"}


def test_no_module_imports_itself_back_through_others():
    done, cycles = set(), []

    def visit(module, trail):
        if module in trail:
            cycles.append(trail[trail.index(module) :] + [module])
            return
        if module in done:
            return
        for name in sorted(GRAPH[module]):
            if name != "lrp":  # the package's own __init__ re-exports; it is the top floor
                visit(name, [*trail, module])
        done.add(module)

    for module in sorted(MODULES):
        visit(module, [])
    assert not cycles, cycles


def test_the_floors_are_what_the_package_holds():
    assert {path.name for path in CORE.iterdir() if path.is_dir() and path.name != "__pycache__"} == set(FLOORS)
