"""Static-site knowledge base generator for news.

Public API::

    from generator import Settings, generate, knowledge_base, export
    result = generate(Settings())        # corpus/ -> build/docs (Markdown + kb.json)
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
