"""``kb new DIR``: a project that ``kb build`` turns into a site: ``mkdocs.yml``, ``corpus/`` with
one example article, a ``.gitignore`` and a GitHub Actions workflow that builds and publishes it.
"""

from __future__ import annotations

from pathlib import Path

from generator.errors import ConfigError

HERE = Path(__file__).parent
# file of the package -> where it goes in the new project
FILES = {
    "mkdocs.yml": "mkdocs.yml",
    "gitignore": ".gitignore",
    "workflow.yml": ".github/workflows/site.yml",
    "corpus/2024-03-12-harbor-council-approves-ferry-route.md": (
        "corpus/2024-03-12-harbor-council-approves-ferry-route.md"
    ),
}


def create(folder: Path) -> list[Path]:
    """Write a new project into ``folder`` (missing or empty); returns the files written.
    A folder that holds anything is left as it is: a ConfigError names it."""
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise ConfigError(f"{folder}: not an empty folder; a new project is made only in a new or empty one")
    written = []
    for source, target in FILES.items():
        path = folder / target
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text((HERE / source).read_text(encoding="utf-8"), encoding="utf-8")
        written.append(path)
    return written
