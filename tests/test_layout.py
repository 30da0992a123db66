"""Tests of the package's layout: its own modules are imported where a reader looks for them."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "generator"


def test_the_package_imports_its_own_modules_at_the_top_of_a_module_only() -> None:
    """An import of a package module inside a function hides a dependency from the reader and from
    import-linter's layer and cycle checks (``make test`` runs them)."""
    hidden = []
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                for inner in ast.walk(node):
                    names = (
                        [inner.module or ""]
                        if isinstance(inner, ast.ImportFrom)
                        else [a.name for a in inner.names]
                        if isinstance(inner, ast.Import)
                        else []
                    )
                    if any(n == "generator" or n.startswith("generator.") for n in names):
                        hidden.append(f"{path.relative_to(PACKAGE)}:{inner.lineno}")
    assert hidden == []
