"""Under ``mkdocs serve``, an edited article's page goes into the served site without
MkDocs' pass over every docs file.

To rebuild one page, even a dirty MkDocs build lists, stats and places in the
navigation every docs file: about 7 s at 29,000 pages. The server's builder is
wrapped instead (:func:`quick_builder`): when the change is an edit to articles
already in the corpus, their pages (:func:`generator.serve.preview.preview_pages`) are converted
as MkDocs converts a page, through its public page, plugin-event and template interfaces, with
the files, navigation and theme of the last MkDocs build, and written into the served site.
The rebuild behind the preview then writes the docs and dates the previewed pages' docs
files, and the server's next build, MkDocs' own, rebuilds them from the full build's Markdown.

A dirty build deletes nothing: the outputs of docs files that are gone (a deleted
article's page, the pages of entities it alone named) are removed by the plugin
before each build (:func:`remove_stale`).
"""

from __future__ import annotations

import contextlib
import functools
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator import pipeline
from generator.serve import preview
from generator.settings import Settings


@dataclass
class LastBuild:
    """What a page needs from the last MkDocs build: its config, files, navigation and theme."""

    config: Any  # MkDocsConfig
    files: Any  # mkdocs.structure.files.Files
    nav: Any  # mkdocs.structure.nav.Navigation
    env: Any  # jinja2.Environment
    stamp: int  # mkdocs.yml's mtime then

    def current(self) -> bool:
        """Whether mkdocs.yml is as it was for that build."""
        return config_stamp(self.config) == self.stamp


def config_stamp(config: Any) -> int:
    path = config.config_file_path
    try:
        return os.stat(path).st_mtime_ns if path else 0
    except OSError:
        return -1


def render_into_site(last: LastBuild, pages: dict[str, str]) -> None:
    """Convert ``pages`` (docs path: Markdown) as the last build would have, and write them into
    its site folder. Every page must be one that build had. Each written file is dated 1970, so
    that the next dirty build, whatever the docs then hold, rebuilds it."""
    from mkdocs.structure.files import File

    missing = [rel for rel in pages if last.files.get_file_from_path(rel) is None]
    if missing:
        raise LookupError(f"not pages of the last build: {', '.join(missing)}")
    for rel, markdown in pages.items():
        file = File.generated(last.config, rel, content=markdown)
        dest = Path(file.abs_dest_path)
        dest.parent.mkdir(parents=True, exist_ok=True)
        dest.write_bytes(page_html(last, file))
        os.utime(file.abs_dest_path, (0, 0))


def page_html(last: LastBuild, file: Any) -> bytes:
    """The HTML MkDocs makes of ``file`` (an ``mkdocs.structure.files.File``) in the last build:
    its Markdown read and converted with the plugins' page events, then set in the theme's
    template with the navigation of that build."""
    from mkdocs.commands.build import get_context
    from mkdocs.structure.files import InclusionLevel
    from mkdocs.structure.pages import Page

    config, files, plugins = last.config, last.files, last.config.plugins
    page = plugins.on_pre_page(Page(None, file, config), config=config, files=files)
    page.read_source(config)
    page.markdown = plugins.on_page_markdown(page.markdown, page=page, config=config, files=files)
    page.render(config, files)
    page.content = plugins.on_page_content(page.content, page=page, config=config, files=files)
    page.active = True  # the theme marks the current page in the navigation
    try:
        doc_files = files.documentation_pages(inclusion=InclusionLevel.is_in_serve)
        context = get_context(last.nav, doc_files, config, page)
        template = last.env.get_template(page.meta.get("template", "main.html"))
        context = plugins.on_page_context(context, page=page, config=config, nav=last.nav)
        html = plugins.on_post_page(template.render(context), page=page, config=config)
    finally:
        page.active = False
    return html.encode("utf-8", errors="xmlcharrefreplace")


def remove_stale(site_dir: Path, stale: Iterable[str]) -> list[str]:
    """Delete from ``site_dir`` the files at ``stale`` (paths in the site) and the folders that
    leaves empty; returns the paths deleted.

    A dirty build writes the pages whose docs files changed and deletes nothing, so the page of
    a deleted article (or of an entity no article names any more) would still be served, and
    indexed by the next search index: the plugin passes what the last build wrote and this one
    will not."""
    root = site_dir.resolve()
    removed: list[str] = []
    for rel in sorted(stale):
        parts = Path(rel).parts
        if not parts or Path(rel).is_absolute() or ".." in parts:
            continue  # not a path in the site
        path = root.joinpath(*parts)
        try:
            path.unlink()
        except OSError:  # gone already, or a folder: nothing this build wrote
            continue
        removed.append(rel)
        folder = path.parent
        while folder != root:
            try:
                folder.rmdir()  # only when empty
            except OSError:
                break
            folder = folder.parent
    return removed


def touch(docs: Path, pages: list[str]) -> None:
    """Date the docs files of ``pages`` now, so that the server rebuilds their pages."""
    for rel in pages:
        with contextlib.suppress(OSError):  # gone: the build knows
            os.utime(docs / rel)


Builder = Callable[..., None]


def quick_builder(
    full: Builder,
    last: Callable[[], LastBuild | None],
    settings: Callable[[], Settings | None],
    report: Callable[[str], None],
) -> Builder:
    """``full`` (the server's builder), except that an edit to articles already in the corpus
    is shown by :func:`render_into_site`, and that while the knowledge base is rebuilt behind a
    preview, the server waits for it rather than rebuilding on each of its writes."""

    def build(config: Any = None) -> None:
        if config is None and shown():
            return
        full(config)

    def shown() -> bool:
        while True:
            previous, current = last(), settings()
            if previous is None or current is None or not previous.current():
                return False
            key = pipeline.fingerprint(current)  # one stat of every input a round
            pages = preview.preview_pages(current, report, key)
            if pages is not None:
                try:
                    render_into_site(previous, pages)
                except Exception as exc:  # the full build shows it instead
                    report(f"preview: shown by a full build ({type(exc).__name__}: {exc})")
                    preview.write(pages, current.docs_path)
                    return False
                report(f"preview: {', '.join(sorted(pages))} shown")
                # the server rebuilds these pages from the full build's Markdown, even if it
                # is the Markdown they had before the edit
                preview.behind.after(functools.partial(touch, current.docs_path, list(pages)))
                preview.behind.go()
                return True
            if not (preview.behind.running() and preview.previewed(current, key)):
                return False
            preview.behind.wait(1.0)  # a new edit meanwhile is previewed at once

    return build
