"""Static-site knowledge base generator for news.

Public API::

    from generator import Settings, generate, knowledge_base, export
    result = generate(Settings())        # corpus/ -> build/docs (Markdown + kb.json)
"""

from .errors import ArticleError, ConfigError, GeneratorError, PublishError, StrictModeError
from .models import Article, Entity, KnowledgeBase, Quote, Topic
from .pipeline import Result, export, generate, knowledge_base
from .settings import Settings

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
