"""Exceptions raised by the generator.

::

    GeneratorError                 base class; the CLI prints it and exits 1
    +-- ConfigError                a setting is missing or has a bad value
    +-- ArticleError               one article cannot be used (names file and reason)
    +-- StrictModeError            --strict and at least one article was skipped
    +-- PublishError               MkDocs failed; the previous site is kept
"""

from __future__ import annotations


class GeneratorError(Exception):
    """Base class of every error the generator raises on purpose."""


class ConfigError(GeneratorError):
    pass


class ArticleError(GeneratorError):
    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class StrictModeError(GeneratorError):
    pass


class PublishError(GeneratorError):
    pass
