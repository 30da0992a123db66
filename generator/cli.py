"""Command line: ``kb build`` and ``kb export`` (also ``python -m generator``)."""

from __future__ import annotations

import argparse
import gc
import logging
import os
import sys
import time
from importlib import metadata
from pathlib import Path

from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException
from mkdocs.utils.yaml import yaml_load

from generator import mkdocs_plugin, scaffold
from generator.errors import ConfigError, GeneratorError, StrictModeError, describe_os_error
from generator.extract.distributed import extract_on_cluster, local_client
from generator.locking import project_lock
from generator.pipeline import export, forget, generate, warnings_of
from generator.publish.engine_config import engine_config
from generator.publish.search import index_site
from generator.publish.site import build_site
from generator.settings import DEFAULT_MODEL, BuildOptions, Settings
from generator.stats import build_stats, peak_memory_mb, write_stats


def _make_docs_dir(config_file: Path) -> None:
    """Create the configuration's docs folder when it is missing: the generator fills it, but
    MkDocs refuses a configuration whose docs folder does not exist yet."""
    try:
        with config_file.open(encoding="utf-8") as f:
            data = yaml_load(f)
    except Exception:  # MkDocs reads the file next and reports what is wrong with it
        return
    docs = data.get("docs_dir", "docs") if isinstance(data, dict) else None
    if isinstance(docs, str) and docs:
        path = Path(docs) if Path(docs).is_absolute() else config_file.parent / docs
        if not path.exists():
            path.mkdir(parents=True)


def _settings_from_mkdocs(config_file: Path) -> Settings:
    _make_docs_dir(config_file)
    try:
        config = load_config(str(config_file))
    except MkDocsException as exc:  # no such file, or a value of the wrong type (MkDocs logged which)
        raise ConfigError(f"{config_file}: {exc}") from None
    plugin = config.plugins.get("kb")
    if plugin is None:
        raise GeneratorError(f"{config_file}: the 'kb' plugin is not enabled in plugins")
    return mkdocs_plugin.settings_from(plugin.config, config)


def cmd_build(args: argparse.Namespace) -> int:
    options = BuildOptions(not args.no_curation, args.workers, args.page_min_mentions)
    settings = options.applied(_settings_from_mkdocs(Path(args.config))).with_(progress=not _quiet)
    if not settings.site_url:
        _err(f"warning: site_url is not set in {args.config}: the feeds (feed.xml, feed.json) will have relative links")
    with project_lock(settings.cache_path, report=_info):  # one build of a project at a time
        return _build(args, settings)


def _build(args: argparse.Namespace, settings: Settings) -> int:

    result = generate(settings, report=_info, warn=_err)
    _strict(args.strict, len(result.problems), len(result.warnings))
    stats = build_stats(result.kb, result.stats)
    # The Markdown is written: the knowledge base is not needed while MkDocs holds every page.
    del result
    forget()
    gc.collect()
    t = time.perf_counter()
    state = settings.cache_path / "publish.json"
    _info("publishing the site with MkDocs")
    incremental = build_site(
        Path(args.config), settings.site_path, args.strict, settings, state_file=state, generated=True, report=_info
    )
    stats["seconds"]["publish"] = round(time.perf_counter() - t, 3)
    how = "changed pages rebuilt" if incremental else "all pages built"
    _info(f"site written to {settings.site_path} ({how})")
    if args.stats:
        stats["peak_memory_mb"] = peak_memory_mb()
        write_stats(Path(args.stats), stats)
    return 0


def cmd_extract(args: argparse.Namespace) -> int:

    settings = _settings_from_mkdocs(Path(args.config))
    if args.dask == "local":
        client = local_client(args.workers or os.cpu_count() or 1)
    else:
        from dask.distributed import Client

        client = Client(args.dask)
    try:
        extracted, cached = extract_on_cluster(settings, client, report=_info)
    finally:
        cluster = getattr(client, "cluster", None)
        client.close()
        if args.dask == "local" and cluster is not None:
            cluster.close()
    _info(f"{extracted} article(s) extracted on the cluster, {cached} already in the cache")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    settings = Settings(
        root=Path("."),
        corpus=Path(args.corpus),
        model=args.model,
        use_curation=not args.no_curation,
        curation=Path(args.curation),
        cache_dir=Path(args.cache_dir),
        workers=args.workers,
        progress=not _quiet,
    )

    kb = export(settings, Path(args.output), args.format)
    for problem in kb.problems:
        _err(f"skipped {problem}")
    warnings = warnings_of(kb)
    for warning in warnings:
        _err(f"warning {warning}")
    _info(f"{len(kb.articles)} articles, {len(kb.entities)} entities written to {args.output}")
    _strict(args.strict, len(kb.problems), len(warnings))
    return 0


def cmd_generate(args: argparse.Namespace) -> int:
    """The Markdown pages and data files, into the configuration's docs_dir, and a configuration for
    an engine that runs no MkDocs plugin (Zensical), which then builds the site."""
    settings = _settings_from_mkdocs(Path(args.config)).with_(progress=not _quiet, hrefs_from_source=True)
    result = generate(settings, report=_info, warn=_err)
    _strict(args.strict, len(result.problems), len(result.warnings))
    _info(f"pages and data written to {settings.docs_path}")
    config_file = Path(args.config)
    written = engine_config(
        config_file, settings.docs_path, settings.template_dirs, config_file.parent / args.engine_config
    )
    _info(f"for an engine that runs no MkDocs plugin: {written} (zensical build -f {written}, then kb index SITE_DIR)")
    return 0


def cmd_index(args: argparse.Namespace) -> int:
    """The search index over a site already built (by MkDocs, or by another engine from the same
    pages and theme overrides)."""
    site = Path(args.site_dir)
    if not (site / "index.html").is_file():
        raise GeneratorError(f"{site}: not a built site (no index.html)")
    seconds = index_site(site)
    _info(f"search index written to {site / 'pagefind'} in {seconds:.1f} s")
    return 0


def cmd_new(args: argparse.Namespace) -> int:
    folder = Path(args.folder)
    written = scaffold.create(folder)
    _info(f"new project in {folder}: {len(written)} files; build it with: cd {folder} && kb build")
    return 0


def _strict(strict: bool, skipped: int, warnings: int) -> None:
    """Under ``--strict``, a skipped article or a dropped metadata value fails the command."""
    if strict and (skipped or warnings):
        what = [f"{skipped} article(s) skipped"] * bool(skipped) + [f"{warnings} warning(s)"] * bool(warnings)
        raise StrictModeError(f"{' and '.join(what)} and --strict is on")


def cmd_serve(args: argparse.Namespace) -> int:
    from mkdocs.commands.serve import serve

    _settings_from_mkdocs(Path(args.config))  # a configuration error is one line, before the server starts
    _log_mkdocs(logging.DEBUG if _verbose else logging.INFO)  # "Serving on http://..."
    try:
        serve(config_file=args.config, livereload=True, build_type="dirty", dev_addr=args.dev_addr)
    except MkDocsException as exc:
        raise GeneratorError(f"{args.config}: {exc}") from None
    return 0


_quiet = False  # -q: errors and warnings only
_verbose = False  # -v: MkDocs' and the plugin's log too


def _err(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def _info(message: str) -> None:
    """What a command did (progress, a summary): left out under -q."""
    if not _quiet:
        _err(message)


def _log_mkdocs(level: int) -> None:
    """Show MkDocs' log (and the plugin's, which is under it) from ``level`` on, on stderr."""
    logger = logging.getLogger("mkdocs")
    if not any(getattr(h, "kb_cli", False) for h in logger.handlers):
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
        handler.kb_cli = True  # type: ignore[attr-defined]
        logger.addHandler(handler)
    logger.setLevel(level)


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="kb", description="Turn a folder of news articles into a knowledge base site.")
    p.add_argument("--version", action="version", version=f"%(prog)s {_version()}")
    talk = p.add_mutually_exclusive_group()
    talk.add_argument("-q", "--quiet", action="store_true", help="print errors and warnings only")
    talk.add_argument("-v", "--verbose", action="store_true", help="print MkDocs' and the plugin's log too")
    sub = p.add_subparsers(dest="command", required=True)

    b = sub.add_parser("build", help="build the site (ingest, extract, resolve, render, publish)")
    b.add_argument("--config", default="mkdocs.yml", help="MkDocs configuration (default: mkdocs.yml)")
    b.add_argument("--strict", action="store_true", help="exit non-zero if any article was skipped")
    b.add_argument("--no-curation", action="store_true", help="ignore the overrides file")
    b.add_argument("--workers", type=int, help="processes for extraction (default: the plugin's setting)")
    b.add_argument("--page-min-mentions", type=int, help="entities with fewer mentions get no page (default: 1)")
    b.add_argument("--stats", help="write the build's figures (seconds per stage, counts, peak memory) as JSON")
    b.set_defaults(func=cmd_build)

    g = sub.add_parser(
        "generate", help="write the pages, data files and a configuration for an engine that runs no MkDocs plugin"
    )
    g.add_argument("--config", default="mkdocs.yml", help="MkDocs configuration (default: mkdocs.yml)")
    g.add_argument("--strict", action="store_true", help="exit non-zero if any article was skipped")
    g.add_argument(
        "--engine-config",
        default="mkdocs.engine.yml",
        help="the configuration to write for an engine that runs no MkDocs plugin, such as Zensical,"
        " beside the project's (default: mkdocs.engine.yml); its theme overrides go to build/theme",
    )
    g.set_defaults(func=cmd_generate)

    i = sub.add_parser("index", help="write the search index over a built site")
    i.add_argument("site_dir", help="the built site's folder")
    i.set_defaults(func=cmd_index)

    v = sub.add_parser("serve", help="preview the site, rebuilding what an edit changes (mkdocs serve --dirty)")
    v.add_argument("--config", default="mkdocs.yml", help="MkDocs configuration (default: mkdocs.yml)")
    v.add_argument("--dev-addr", default=None, help="address to listen on (default: the configuration's dev_addr)")
    v.set_defaults(func=cmd_serve)

    x = sub.add_parser("extract", help="fill the extraction cache on a Dask cluster (then run kb build)")
    x.add_argument("--config", default="mkdocs.yml", help="MkDocs configuration (default: mkdocs.yml)")
    x.add_argument("--dask", required=True, help="scheduler address (tcp://host:8786), or 'local'")
    x.add_argument("--workers", type=int, help="worker processes of a local cluster (default: every core)")
    x.set_defaults(func=cmd_extract)

    n = sub.add_parser("new", help="make a new project (mkdocs.yml, corpus/ with an example, a CI workflow)")
    n.add_argument("folder", help="where to make it: a new or empty folder")
    n.set_defaults(func=cmd_new)

    e = sub.add_parser("export", help="write kb.json, or a SQLite database, for a corpus, without building a site")
    e.add_argument("--corpus", required=True, help="folder of articles")
    e.add_argument("--output", required=True, help="where to write it")
    e.add_argument(
        "--format", choices=("json", "sqlite"), default="json", help="kb.json's JSON (default), or a SQLite database"
    )
    e.add_argument("--model", default=DEFAULT_MODEL, help=f"spaCy pipeline (default: {DEFAULT_MODEL})")
    e.add_argument("--curation", default="curation.yml", help="overrides file (default: curation.yml)")
    e.add_argument("--no-curation", action="store_true", help="ignore the overrides file")
    e.add_argument("--cache-dir", default=".cache", help="extraction cache (default: .cache)")
    e.add_argument("--workers", type=int, default=0, help="processes for extraction (default: 0, every core)")
    e.add_argument("--strict", action="store_true", help="exit non-zero if any article was skipped")
    e.set_defaults(func=cmd_export)
    return p


def _version() -> str:
    try:
        return metadata.version("news-kb")
    except metadata.PackageNotFoundError:
        return "(not installed)"


def main(argv: list[str] | None = None) -> int:
    global _quiet, _verbose
    args = parser().parse_args(argv)
    _quiet, _verbose = args.quiet, args.verbose
    if _verbose:
        _log_mkdocs(logging.DEBUG)
    try:
        return int(args.func(args))
    except GeneratorError as exc:
        _err(f"error: {exc}")
        return 1
    except OSError as exc:  # disk full, no permission, a folder that vanished
        _err(f"error: {describe_os_error(exc)}")
        return 1


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
