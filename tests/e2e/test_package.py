"""The package as a user gets it: a wheel built from the sources, installed apart from this
checkout, makes a new project with ``kb new`` in an empty folder and builds it with ``kb build``,
its templates, theme overrides and assets coming from the wheel."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
pytestmark = [pytest.mark.e2e, pytest.mark.slow]


def _sources(dest: Path) -> Path:
    """The files git tracks, copied as they are (a symbolic link stays one), so that building the
    wheel leaves nothing in the checkout."""
    listed = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True).stdout
    for name in filter(None, listed.decode().split("\0")):
        source, target = ROOT / name, dest / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if source.is_symlink():
            target.symlink_to(os.readlink(source))
        elif source.is_file():
            shutil.copyfile(source, target)
    return dest


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """The environment of a process that imports the package from the built wheel."""
    root = tmp_path_factory.mktemp("package")
    sources = _sources(root / "src")
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check", "-q"]
    subprocess.run([*pip, "wheel", "--no-deps", str(sources), "-w", str(root / "dist")], check=True)
    (wheel,) = (root / "dist").glob("*.whl")
    subprocess.run([*pip, "install", "--no-deps", "--target", str(root / "lib"), str(wheel)], check=True)
    env = {**os.environ, "PYTHONPATH": str(root / "lib")}
    where = subprocess.run(
        [sys.executable, "-c", "import generator; print(generator.__file__)"],
        env=env, cwd=root, capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    assert where.startswith(str(root / "lib")), where  # the wheel's code, not this checkout's
    return env


def _kb(env: dict[str, str], cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "generator", *args], env=env, cwd=cwd, capture_output=True, text=True, timeout=600
    )


def test_kb_new_then_kb_build_makes_a_whole_site_from_the_wheel(installed: dict[str, str], tmp_path: Path) -> None:
    made = _kb(installed, tmp_path, "new", "news")
    assert made.returncode == 0, made.stderr
    project = tmp_path / "news"
    assert (project / ".github" / "workflows" / "site.yml").is_file()
    assert not (project / "templates").exists() and not (project / "build").exists()
    # a project's own template overrides the package's, file by file
    (project / "templates" / "assets").mkdir(parents=True)
    (project / "templates" / "assets" / "kb.css").write_text("/* the project's own style */\n", encoding="utf-8")
    done = _kb(installed, project, "build", "--strict")
    assert done.returncode == 0, done.stderr
    site = project / "site"
    home = (site / "index.html").read_text(encoding="utf-8")
    assert 'src="assets/kb.js"' in home and 'href="assets/kb.css"' in home  # the plugin added them
    assert "data-kb-search-result" in home  # the theme overrides' search box, from the wheel
    person = (site / "people" / "dara-whitlock" / "index.html").read_text(encoding="utf-8")
    assert '<script type="application/ld+json">' in person
    assert "{ data-search-exclude }" not in person  # attr_list enabled by the plugin
    assert (site / "assets" / "kb.css").read_text(encoding="utf-8") == "/* the project's own style */\n"
    assert "function setupIndex" in (site / "assets" / "kb.js").read_text(encoding="utf-8")  # the package's
    assert (site / "pagefind" / "pagefind.js").is_file()
    vendor = site / "assets" / "vendor"  # the graph's library, from the wheel, with its licence
    assert (vendor / "vis-network.min.js").is_file()
    assert "MIT License" in (vendor / "vis-network.LICENSE.txt").read_text(encoding="utf-8")
    # the navigation holds the indexes, not every page
    assert home.count('href="people/dara-whitlock/"') <= 1


def test_kb_new_leaves_a_folder_that_holds_anything_as_it_is(installed: dict[str, str], tmp_path: Path) -> None:
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "notes.txt").write_text("mine\n", encoding="utf-8")
    made = _kb(installed, tmp_path, "new", "mine")
    assert made.returncode == 1
    assert made.stderr.strip().splitlines() == [f"error: mine: not an empty folder; {NEW_ONLY}"]
    assert [p.name for p in (tmp_path / "mine").iterdir()] == ["notes.txt"]


NEW_ONLY = "a new project is made only in a new or empty one"
