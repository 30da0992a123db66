"""The dependency floors: pyproject.toml and the installed packages against generator/pins.py."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from packaging.requirements import Requirement
from packaging.version import Version

from generator.pins import PINS, below_pins

ROOT = Path(__file__).resolve().parents[1]
# the floors the project must never go below, whatever the table says
REQUIRED = {
    "jinja2": "3.1.6",
    "pyyaml": "5.4",
    "markdown": "3.8.1",
    "pymdown-extensions": "10.21.3",
    "mkdocs-material": "9.7.7",
    "mkdocs": "1.2.3",
}


def test_the_table_covers_every_required_floor() -> None:
    for package, lowest in REQUIRED.items():
        assert Version(PINS[package][0]) >= Version(lowest), package
        assert re.search(r"CVE-\d{4}-\d+|GHSA-[0-9a-z-]+", PINS[package][1]), package


def test_pyproject_pins_each_package_at_or_above_its_floor_with_the_advisory_beside_it() -> None:
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    requirements = {Requirement(r).name.lower(): Requirement(r) for r in tomllib.loads(text)["project"]["dependencies"]}
    lines = text.splitlines()
    for package, (lowest, advisory) in PINS.items():
        spec = requirements[package].specifier
        floors = [Version(s.version) for s in spec if s.operator in (">=", "==", "~=")]
        assert floors and min(floors) >= Version(lowest), f"{package}: {spec} allows versions below {lowest}"
        # the advisory is written beside the pin (on its line or the comment lines just above)
        index = next(i for i, line in enumerate(lines) if re.match(rf'\s*"{re.escape(package)}[<>=~!]', line, re.I))
        nearby = " ".join(lines[max(0, index - 2) : index + 1])
        first_id = re.search(r"CVE-\d{4}-\d+|GHSA-[0-9a-z-]+", advisory)
        assert first_id and first_id.group() in nearby, f"{package}: advisory not written beside the pin"


def test_installed_versions_carry_the_fixes() -> None:
    assert below_pins() == []


def test_an_old_version_is_reported(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import generator.pins as pins

    monkeypatch.setattr(pins.metadata, "version", lambda package: "1.0")
    reported = below_pins()
    assert len(reported) == len(PINS)
    assert any("jinja2 1.0 is older than 3.1.6: CVE-2025-27516" in r for r in reported)
