"""Publish: MkDocs builds the site into a new folder that replaces ``site/``
only when the build succeeded, so a failed build keeps the last good site."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from .errors import PublishError


def build_site(
    config_file: Path,
    site_dir: Path,
    strict: bool = False,
    overrides: dict[str, object] | None = None,
) -> None:
    """Build the site with MkDocs; ``overrides`` are settings set over mkdocs.yml (``use_curation``, ...)."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    site_dir = site_dir.resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}.new-", dir=site_dir.parent))
    try:
        config = load_config(str(config_file), site_dir=str(staging), strict=strict)
        plugin = config.plugins.get("kb")
        if plugin is not None:
            plugin.overrides = overrides  # type: ignore[attr-defined]
        build(config)
    except (MkDocsException, SystemExit) as exc:
        shutil.rmtree(staging, ignore_errors=True)
        raise PublishError(f"MkDocs build failed, {site_dir.name}/ left as it was: {exc}") from None
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    swap(staging, site_dir)


def swap(new: Path, target: Path) -> None:
    """Put ``new`` in place of ``target`` with two renames."""
    old = target.with_name(f".{target.name}.old")
    shutil.rmtree(old, ignore_errors=True)
    if target.exists():
        target.rename(old)
    new.rename(target)
    new.parent.joinpath(target.name).chmod(0o755)
    shutil.rmtree(old, ignore_errors=True)
