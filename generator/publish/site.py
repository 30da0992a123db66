"""Publish: MkDocs builds the site into a new folder that replaces ``site/``
only when the build succeeded, so a failed build keeps the last good site.

A rebuild is incremental when it can be: when the pages are the same files as at
the last publish and nothing that every page depends on has changed (the MkDocs
configuration, the theme overrides, the versions of MkDocs and Material, the
generator's code), the new folder starts as a copy of the current site and MkDocs
rebuilds only the pages whose Markdown is newer than their HTML (its ``dirty``
mode; the render stage rewrites only the Markdown that changed). Entity and article
pages are outside the navigation, so a page's HTML depends on its own Markdown
alone. Otherwise, and whenever the record of the last publish is missing, the
build is a full one.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
import tempfile
from collections.abc import Callable
from importlib import metadata
from pathlib import Path
from typing import Any

from generator.errors import PublishError, describe_os_error
from generator.locking import alive
from generator.settings import PACKAGED_TEMPLATES, Settings
from generator.storage import PACKAGE, atomic_write_text, package_files

SEARCH_BUNDLE = "pagefind"  # rewritten whole after every build


def build_site(
    config_file: Path,
    site_dir: Path,
    strict: bool = False,
    settings: Settings | None = None,
    state_file: Path | None = None,
    generated: bool = False,
    report: Callable[[str], None] | None = None,
) -> bool:
    """Build the site with MkDocs. ``settings``: the build's settings when the caller has made
    them (the command line, with its options over mkdocs.yml), so that the ``kb`` plugin does
    not make them again from mkdocs.yml.

    With ``state_file`` (where the last publish is recorded) the build may be incremental;
    returns whether it was. ``generated``: the caller has just written the Markdown, so the
    ``kb`` plugin does not run the pipeline again. ``report``: where progress lines go.
    """
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    site_dir = site_dir.resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    recover(site_dir)
    staging = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}.new-{os.getpid()}-", dir=site_dir.parent))
    incremental = False
    plugin = None
    try:
        config = load_config(str(config_file), site_dir=str(staging), strict=strict)
        plugin = config.plugins.get("kb")
        if plugin is not None:
            plugin.given = settings
            plugin.generated = generated
            plugin.report = report  # progress lines while pages are converted and written
            plugin.serving = False  # MkDocs keeps one instance a process
        folders = settings.template_dirs if settings else (PACKAGED_TEMPLATES,)
        theme_dirs = [config.theme.custom_dir, *(str(d / "theme") for d in folders)]
        key = publish_key(config_file, Path(config.docs_dir), theme_dirs)
        incremental = state_file is not None and site_dir.is_dir() and _read(state_file) == key
        if incremental:
            _link_copy(site_dir, staging, config)
        with _quiet_dirty_warning():
            build(config, dirty=incremental)
        check_whole(staging, getattr(plugin, "expected", None), site_dir.name)
    except (MkDocsException, SystemExit) as exc:
        shutil.rmtree(staging, ignore_errors=True)
        raise PublishError(f"MkDocs build failed, {site_dir.name}/ left as it was: {exc}") from None
    except OSError as exc:  # disk full, no permission
        shutil.rmtree(staging, ignore_errors=True)
        if exc.filename is None:  # a write that failed midway names no file
            exc.filename = str(staging)
        raise PublishError(
            f"{describe_os_error(exc)}; the new site was removed, {site_dir.name}/ left as it was"
        ) from None
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    finally:
        if plugin is not None:  # the next MkDocs build in this process makes its own settings
            plugin.given, plugin.generated = None, False
    swap(staging, site_dir)
    if state_file is not None:
        try:
            atomic_write_text(state_file, json.dumps(key, indent=1, sort_keys=True) + "\n")
        except OSError as exc:
            state_file.unlink(missing_ok=True)  # no record: the next build is a full one
            raise PublishError(
                f"{describe_os_error(exc)}; {site_dir.name}/ was published whole, but the record of it was not "
                "written, so the next build is a full one"
            ) from None
    return incremental


def _link_copy(site_dir: Path, staging: Path, config: Any) -> None:
    """Fill ``staging`` with hard links to the current site's files, then unlink every file
    the dirty build will write, so that writing it never changes the current site.

    MkDocs rewrites a page or static file when its source is newer than its output, and
    always rewrites the theme's static templates (sitemap, 404); the search bundle is
    written whole afterwards.
    """
    from mkdocs.structure.files import get_files

    shutil.copytree(site_dir, staging, symlinks=True, dirs_exist_ok=True, copy_function=os.link)
    shutil.rmtree(staging / SEARCH_BUNDLE, ignore_errors=True)
    for file in get_files(config):
        if file.is_modified():
            Path(file.abs_dest_path).unlink(missing_ok=True)
    for template in (*config.theme.static_templates, *config.extra_templates):
        (staging / template).unlink(missing_ok=True)


def publish_key(config_file: Path, docs_dir: Path, theme_dirs: list[str | None]) -> dict[str, Any]:
    """What every page's HTML depends on besides its own Markdown (the configuration, the theme
    override folders, the code and versions), and the list of files."""
    theme: dict[str, str] = {}
    for n, theme_dir in enumerate(dict.fromkeys(theme_dirs)):
        if theme_dir and Path(theme_dir).is_dir():
            root = Path(theme_dir)
            theme |= {f"{n}/{p.relative_to(root)}": _sha256(p) for p in sorted(root.rglob("*")) if p.is_file()}
    # the generator's code turns Markdown into HTML too (the plugin's hooks)
    code = {p.relative_to(PACKAGE).as_posix(): _sha256(p) for p in package_files()}
    versions = {}
    for package in ("mkdocs", "mkdocs-material", "markdown", "pymdown-extensions"):
        try:
            versions[package] = metadata.version(package)
        except metadata.PackageNotFoundError:
            versions[package] = ""
    docs = sorted(str(p.relative_to(docs_dir)) for p in docs_dir.rglob("*") if p.is_file()) if docs_dir.is_dir() else []
    return {
        "config": _sha256(config_file),
        "theme": theme,
        "versions": versions,
        "code": code,
        "docs": hashlib.sha256("\n".join(docs).encode()).hexdigest(),
    }


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _read(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


class _quiet_dirty_warning(logging.Filter):
    """MkDocs warns that a dirty build may give inaccurate navigation; ours is made only when
    the navigation cannot have changed, and the warning would fail a ``--strict`` build."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "'dirty' build" not in record.getMessage()

    def __enter__(self) -> None:
        logging.getLogger("mkdocs.commands.build").addFilter(self)

    def __exit__(self, *exc: object) -> None:
        logging.getLogger("mkdocs.commands.build").removeFilter(self)


def swap(new: Path, target: Path) -> None:
    """Put ``new`` in place of ``target``; the old site is deleted in the background.

    On Linux the two folders are exchanged in one atomic step, so that ``target``
    never stops existing; elsewhere it takes two renames, and a build killed
    between them is repaired by :func:`recover` at the next build.
    """
    _bring_back(target)
    for leftover in (*target.parent.glob(f".{target.name}.old-*"), *target.parent.glob(f".{target.name}.trash-*")):
        shutil.rmtree(leftover, ignore_errors=True)
    trash = Path(tempfile.mkdtemp(prefix=f".{target.name}.trash-", dir=target.parent))
    new.chmod(0o755)
    if target.exists() and _exchange(new, target):
        new.rename(trash / target.name)  # ``new`` now holds the previous site
    else:
        # moved aside, not yet replaced: the one moment a build killed here is repaired later
        aside = Path(tempfile.mkdtemp(prefix=f".{target.name}.old-", dir=target.parent))
        if target.exists():
            target.rename(aside / target.name)
        new.rename(target)
        aside.rename(trash / "old")
    _remove_later(trash)


def check_whole(staging: Path, expected: list[str] | None, name: str) -> None:
    """Refuse to publish a staged site that lacks a file MkDocs was to write (``expected``:
    their paths in the site, as the ``kb`` plugin noted them) or the search bundle."""
    wanted = [*(expected or ["index.html"]), *([f"{SEARCH_BUNDLE}/pagefind.js"] if expected is not None else [])]
    missing = [rel for rel in wanted if not (staging / rel).is_file()]
    if missing:
        shown = ", ".join(missing[:3]) + (", ..." if len(missing) > 3 else "")
        raise PublishError(
            f"the new site is incomplete ({len(missing):,} of {len(wanted):,} files missing: {shown}); "
            f"{name}/ left as it was"
        )


def recover(target: Path) -> None:
    """Undo what an interrupted build left: a site moved aside but not replaced comes back,
    and unfinished new sites are deleted, except those a live build is still writing
    (their name carries its process id)."""

    _bring_back(target)
    for unfinished in target.parent.glob(f".{target.name}.new-*"):
        owner = unfinished.name.removeprefix(f".{target.name}.new-").split("-", 1)[0]
        if owner.isdigit() and int(owner) != os.getpid() and alive(int(owner)):
            continue
        shutil.rmtree(unfinished, ignore_errors=True)


def _bring_back(target: Path) -> None:
    """Put back the site moved aside by a swap that was killed before it finished."""
    if not target.exists():
        moved = sorted(
            (p for p in target.parent.glob(f".{target.name}.old-*/{target.name}") if p.is_dir()),
            key=lambda p: p.stat().st_mtime_ns,
        )
        if moved:
            moved[-1].rename(target)


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths atomically with Linux's renameat2(RENAME_EXCHANGE); False where unsupported."""
    import ctypes
    import ctypes.util
    import sys

    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    return renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange) == 0


def _remove_later(path: Path) -> None:
    """Delete ``path`` in a process of its own, so that the build need not wait for it."""
    import subprocess
    import sys

    code = "import shutil, sys; shutil.rmtree(sys.argv[1], ignore_errors=True)"
    try:
        subprocess.Popen(
            [sys.executable, "-c", code, str(path)],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
    except OSError:
        shutil.rmtree(path, ignore_errors=True)
