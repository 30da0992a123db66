"""MkDocs glue: ``mkdocs build`` and ``mkdocs serve`` run the pipeline first.

The plugin only turns its typed config into :class:`Settings` and calls
:func:`pipeline.generate`, which writes the docs folder (skipping unchanged
files, so ``serve`` does not rebuild in a loop). It also asks ``serve`` to
watch the corpus, the templates and the overrides file, and writes the search
index over the built pages (:mod:`generator.publish.search`).

Under ``serve`` it also keeps the served site to the docs (a dirty build deletes
nothing, so the pages of deleted docs files are removed before each build) and
cleans up when the server stops: SIGTERM stops it as Ctrl-C does, so that MkDocs
deletes its temporary site, and the Pagefind run and spaCy worker processes still
going are ended first.
"""

from __future__ import annotations

import threading
import zlib
from collections.abc import Callable
from contextlib import ExitStack
from pathlib import Path
from typing import Any

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, get_plugin_logger

from generator import pipeline
from generator.errors import GeneratorError, PublishError, describe_os_error
from generator.locking import project_lock
from generator.progress import Ticker
from generator.publish import mkdocs_config, search
from generator.render.html_safety import inert_meta
from generator.safe_files import unsafe_files
from generator.serve import preview
from generator.serve.page_preview import LastBuild, config_stamp, quick_builder, remove_stale
from generator.serve.serve_shutdown import end_workers, interrupt_on_sigterm
from generator.serve.watching import native_observer
from generator.settings import DEFAULT_MODEL, Settings

log = get_plugin_logger(__name__)
_indexing = threading.Lock()


class KnowledgeBaseConfig(Config):
    corpus = c.Type(str, default="corpus")
    templates = c.Type(str, default="templates")
    cache_dir = c.Type(str, default=".cache")
    curation = c.Type(str, default="curation.yml")
    topics = c.Type(str, default="topics.yml")
    model = c.Type(str, default=DEFAULT_MODEL)
    batch_size = c.Type(int, default=64)
    workers = c.Type(int, default=0)
    max_article_bytes = c.Type(int, default=5_000_000)
    max_article_seconds = c.Type((int, float), default=10.0)
    max_article_tokens = c.Type(int, default=200_000)
    max_extract_seconds = c.Type((int, float), default=60.0)
    page_min_mentions = c.Type(int, default=1)


# What each option of the plugin does, for the settings reference of the user documentation
# (generator/reference.py); a test checks that every option has its line.
OPTION_HELP = {
    "corpus": "The folder of articles (.txt, .md, .markdown, .html, .htm, in any sub-folder).",
    "templates": "The project's templates folder: a file there replaces the package's template of the same name.",
    "cache_dir": "The caches of cleaned articles and extractions, and the record of the last publish.",
    "curation": "The editorial overrides file (merge, rename, retype, describe, hide, split); optional.",
    "topics": "Topics declared by name and keywords, beside those derived from the corpus; optional.",
    "model": "The spaCy pipeline that finds names: an installed package's name or a folder; it needs 'ner'.",
    "batch_size": "Articles sent to spaCy at a time.",
    "workers": "Processes for extraction; 0 uses every core from 100 articles on (`kb build --workers`).",
    "max_article_bytes": "A larger article file is skipped, with a line naming it.",
    "max_article_seconds": "An article that takes longer to read and clean is skipped.",
    "max_article_tokens": "An article of more tokens is skipped before extraction.",
    "max_extract_seconds": "An article whose pieces take longer to extract is skipped.",
    "page_min_mentions": "Entities named fewer times get no page (they stay in kb.json); quotes' speakers, "
    "events and aid packages always get one (`kb build --page-min-mentions`).",
}


def settings_from(plugin_config: KnowledgeBaseConfig, config: MkDocsConfig) -> Settings:
    root = Path(config.config_file_path or ".").resolve().parent
    return Settings(
        root=root,
        corpus=Path(plugin_config.corpus),
        templates=Path(plugin_config.templates),
        docs_dir=Path(config.docs_dir),
        site_dir=Path(config.site_dir),
        cache_dir=Path(plugin_config.cache_dir),
        curation=Path(plugin_config.curation),
        topics=Path(plugin_config.topics),
        model=plugin_config.model,
        batch_size=plugin_config.batch_size,
        workers=plugin_config.workers,
        max_article_bytes=plugin_config.max_article_bytes,
        max_article_seconds=float(plugin_config.max_article_seconds),
        max_article_tokens=plugin_config.max_article_tokens,
        max_extract_seconds=float(plugin_config.max_extract_seconds),
        page_min_mentions=plugin_config.page_min_mentions,
        site_name=config.site_name,
        site_url=config.site_url or "",
    )


class KnowledgeBasePlugin(BasePlugin[KnowledgeBaseConfig]):
    settings: Settings | None = None
    given: Settings | None = None  # made by the command line, with its options over mkdocs.yml

    generated = False  # set by the command line, which has just written the Markdown
    report: Callable[[str], None] | None = None  # where progress lines go (MkDocs' log when None)
    # progress of converting and writing pages, set up for each build's files (silent until then)
    _tickers: tuple[Ticker, Ticker] = (Ticker("", 0, lambda line: None), Ticker("", 0, lambda line: None))
    serving = False  # under ``mkdocs serve``: edited articles are previewed first
    last_build: LastBuild | None = None  # under ``serve``, what a preview's pages are built with
    _building: dict[str, Any]

    # under ``serve``: the Pagefind runs and the threads waiting for them, stopped on shutdown
    _runs: search.Runs | None = None
    _indexers: tuple[threading.Thread, ...] = ()
    _outputs: tuple[Path, frozenset[str]] | None = None  # the served site, what the last build wrote there
    _restore_sigterm: Callable[[], None] | None = None
    _stopping = False

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.serving = command == "serve"
        if self.serving:
            self._runs, self._indexers, self._outputs, self._stopping = search.Runs(), (), None, False
            self._interrupt_on_sigterm()

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        self.settings = self.given if self.given is not None else settings_from(self.config, config)
        if not self.serving:  # ``mkdocs build``: the project is locked until the site is written
            self._unlock()
            self._lock = ExitStack()
            self._lock.enter_context(project_lock(self.settings.cache_path, report=log.info))
        try:
            for line in mkdocs_config.complete(config, self.settings.template_dirs):
                log.debug("added %s", line)
        except GeneratorError as exc:
            raise PluginError(str(exc)) from None
        if not self.generated:
            try:
                (preview.generate if self.serving else pipeline.generate)(self.settings, report=log.info)
            except GeneratorError as exc:  # one line, as under ``kb build``, not a traceback
                raise PluginError(str(exc)) from None
            except OSError as exc:
                raise PluginError(describe_os_error(exc)) from None
        return config

    # MkDocs converts every page before it writes any, and holds them all in memory:
    # 1.4 GB of HTML on 29,000 pages. Between the two, each page's HTML waits here
    # compressed, and its Markdown source is dropped.
    held: dict[str, bytes]

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        self.held = {}
        self.last_build = None  # not kept alongside the build that replaces it
        self._building = {}

    def on_files(self, files: Any, /, *, config: MkDocsConfig) -> Any:
        roots = [Path(config.docs_dir), *(Path(d) for d in config.theme.dirs)]
        for file, reason in unsafe_files(files, roots):
            log.warning(f"skipped {file.abs_src_path}: {reason}")
            files.remove(file)
        # what the site must hold before it is published (generator.publish.site.check_whole)
        self.expected = [f.dest_uri for f in files if f.inclusion.is_included()]
        pages = len(files.documentation_pages())
        report = self.report or log.info
        self._tickers = (Ticker("converting pages", pages, report), Ticker("writing pages", pages, report))
        if self.serving:
            self._building["files"] = files
            self._remove_stale(Path(config.site_dir), frozenset(f.dest_uri for f in files if f.inclusion.is_in_serve()))
        return files

    def _remove_stale(self, site_dir: Path, outputs: frozenset[str]) -> None:
        """Delete from the served site what the last build wrote and this one will not write."""
        if self._outputs is not None and self._outputs[0] == site_dir:
            removed = remove_stale(site_dir, self._outputs[1] - outputs)
            if removed:
                log.info(f"{len(removed)} file(s) of docs that are gone removed from the served site")
        self._outputs = (site_dir, outputs)

    def on_nav(self, nav: Any, /, *, config: MkDocsConfig, files: Any) -> Any:
        if self.serving:
            self._building["nav"] = nav
        return nav

    def on_env(self, env: Any, /, *, config: MkDocsConfig, files: Any) -> Any:
        if self.serving:
            self._building["env"] = env
        return env

    def on_page_markdown(self, markdown: str, /, *, page: Any, **kwargs: Any) -> str:
        # Material prints title, description and author into <head> unescaped
        page.meta = inert_meta(page.meta)
        return markdown

    def on_page_content(self, html: str, /, *, page: Any, **kwargs: Any) -> str:
        self._tickers[0].advance()
        page.markdown = ""
        self.held[page.file.src_uri] = zlib.compress(search.exclude_sections(html).encode("utf-8"), 1)
        return ""

    def on_page_context(self, context: Any, /, *, page: Any, **kwargs: Any) -> Any:
        held = self.held.pop(page.file.src_uri, None)
        if held is not None:
            page.content = zlib.decompress(held).decode("utf-8")
        return context

    def on_post_page(self, output: str, /, *, page: Any, **kwargs: Any) -> str:
        self._tickers[1].advance()
        page.content = ""  # written out with the rest of the page
        return output

    def on_serve(self, server: Any, /, *, config: MkDocsConfig, builder: Any) -> Any:
        watched = [config.docs_dir, config.config_file_path, *config.theme.dirs]
        native_observer(server, [path for path in watched if path])
        if self.settings is not None:
            for path in (
                self.settings.corpus_path,
                self.settings.templates_path,  # the project's: the package's own do not change
                self.settings.curation_path,
                self.settings.topics_path,
            ):
                if path is not None and path.exists():
                    server.watch(str(path))
        server.builder = quick_builder(server.builder, lambda: self.last_build, lambda: self.settings, log.info)
        self._interrupt_on_sigterm()  # also under ``serve --clean``, whose startup says "build"
        return server

    def _interrupt_on_sigterm(self) -> None:
        if self._restore_sigterm is None:
            self._restore_sigterm = interrupt_on_sigterm(lambda: self._stopping)

    def _stop_serving(self, timeout: float = 10) -> None:
        """End what the server started: the Pagefind run, whose index goes into a site about to
        be deleted (a thread waiting to index starts none), and worker processes, which would
        otherwise keep the interpreter from exiting."""
        self._stopping = True  # a SIGTERM meanwhile does not interrupt this
        if self._runs is not None:
            self._runs.stop(timeout)
        for thread in self._indexers:
            thread.join(timeout)  # it may be deleting its unfinished bundle from the site
        self._indexers = ()
        end_workers(timeout)
        if self._restore_sigterm is not None:
            self._restore_sigterm()
            self._restore_sigterm = None

    _lock: ExitStack | None = None
    expected: list[str] | None = None

    def _unlock(self) -> None:
        if self._lock is not None:
            self._lock.close()
            self._lock = None

    def on_build_error(self, *, error: Exception) -> None:
        self._unlock()

    def on_shutdown(self) -> None:
        self._unlock()
        if self.serving or self._restore_sigterm is not None:
            self._stop_serving()

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if self.serving:
            self.last_build = LastBuild(config=config, stamp=config_stamp(config), **self._building)
            self._building = {}
            # the page a writer just edited is shown now; the rest of the knowledge base and
            # the search index follow
            preview.behind.go()
            indexer = threading.Thread(target=self._index_quietly, args=(Path(config.site_dir),), daemon=True)
            indexer.start()
            self._indexers = (*(t for t in self._indexers if t.is_alive()), indexer)
            return
        try:
            seconds = search.index_site(Path(config.site_dir))
        finally:
            self._unlock()
        log.info(f"search index written in {seconds:.1f} s")

    def _index_quietly(self, site_dir: Path) -> None:
        with _indexing:  # one Pagefind at a time over the served site
            try:
                log.info(f"search index written in {search.index_site(site_dir, runs=self._runs):.1f} s")
            except search.Stopped:
                pass  # the server is stopping
            except PublishError as exc:
                log.warning(str(exc))
