"""Static-site knowledge base generator for news.

Public API::

    from generator import Settings, generate, knowledge_base, export
    result = generate(Settings())        # corpus/ -> build/docs (Markdown + kb.json)

The data flow, one subpackage per stage (each names its function in its ``__init__``)::

    corpus/ files
      -> ingest.ingest_files      -> Article records          (ingest/: readers, metadata, furniture, screen)
      -> extract.extract_all      -> ArticleExtraction each   (extract/: ner, batch, distributed)
      -> resolve.resolve_all      -> KnowledgeBase            (resolve/: entities, dating, curation, facts/)
      -> render.render_files      -> build/docs/*.md, kb.json, search/records.jsonl
                                                          (render/: pages, markdown, fragments, paths,
                                                           kbjson, the views, docs_folder)
      -> publish.site (MkDocs)    -> site/, site/pagefind/    (publish/: site, search, search_index,
                                                           mkdocs_config, engine_config)
         serve/ previews edits under ``mkdocs serve``

``pipeline`` chains ingest, extract, resolve and render for one build; ``cli`` (``kb``) and
``mkdocs_plugin`` call it. ``lexicons/`` holds the word knowledge the stages share; ``models``,
``settings``, ``errors``, ``stats``, ``storage``, ``locking``, ``safe_files``, ``slugs`` and
``search_records`` are the records and helpers under them all. The layers and the absence of import
cycles are checked by import-linter (``[tool.importlinter]`` in ``pyproject.toml``).
"""

from generator.errors import ArticleError, ConfigError, GeneratorError, PublishError, StrictModeError
from generator.models import Article, Entity, KnowledgeBase, Quote, Topic
from generator.pipeline import Result, export, generate, knowledge_base
from generator.settings import Settings

__all__ = [
    "Article",
    "ArticleError",
    "ConfigError",
    "Entity",
    "GeneratorError",
    "KnowledgeBase",
    "PublishError",
    "Quote",
    "Result",
    "Settings",
    "StrictModeError",
    "Topic",
    "export",
    "generate",
    "knowledge_base",
]
