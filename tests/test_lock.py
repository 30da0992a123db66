"""requirements.lock: every dependency of pyproject.toml (the test and distributed extras too) pinned
to one version with its hashes, and nothing that points at a file or a machine."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[1]
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s\\;]+)")


def _locked() -> dict[str, tuple[str, int]]:
    """name -> (version, number of hashes) of each pinned package of the lock."""
    text = (ROOT / "requirements.lock").read_text(encoding="utf-8")
    locked: dict[str, tuple[str, int]] = {}
    current = None
    for line in text.splitlines():
        if m := PIN.match(line):
            current = canonicalize_name(m.group(1))
            locked[current] = (m.group(2), 0)
        elif current and line.strip().startswith("--hash=sha256:"):
            version, hashes = locked[current]
            locked[current] = (version, hashes + 1)
    return locked


def test_every_dependency_is_pinned_with_its_hashes() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    wanted = [Requirement(r) for r in project["dependencies"]]
    for extra in ("test", "distributed"):
        wanted += [Requirement(r) for r in project["optional-dependencies"][extra]]
    locked = _locked()
    for requirement in wanted:
        name = canonicalize_name(requirement.name)
        assert name in locked, f"{requirement.name} is not in requirements.lock: run make lock"
        version, hashes = locked[name]
        assert requirement.specifier.contains(version, prereleases=True), f"{name} {version} is not {requirement}"
        assert hashes >= 1, f"{name} has no hash"
    assert all(hashes >= 1 for _, hashes in locked.values())
    assert {"pip", "setuptools"} <= set(locked)  # the package is built with the locked setuptools


def test_the_lock_names_no_file_url_or_path() -> None:
    text = (ROOT / "requirements.lock").read_text(encoding="utf-8")
    assert "file://" not in text and " @ " not in text
    assert not re.search(r"(^|\s)/(work|tmp|home|root|opt)/", text)
