"""Exceptions raised by the generator.

::

    GeneratorError                 base class; the CLI prints it and exits 1
    +-- ConfigError                a setting is missing or has a bad value
    +-- ArticleError               one article cannot be used (names file and reason)
    +-- StrictModeError            --strict and at least one article was skipped
    +-- PublishError               MkDocs failed; the previous site is kept
    +-- OutputError                writing failed (disk full, no permission): names the path
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


class OutputError(GeneratorError):
    pass


def describe_os_error(exc: OSError) -> str:
    """An operating-system error as one line naming the path and what failed."""
    what = exc.strerror or type(exc).__name__
    if exc.filename is None:
        return f"{what} ({exc})" if str(exc) and exc.strerror is None else what
    path = exc.filename if exc.filename2 is None else f"{exc.filename} -> {exc.filename2}"
    return f"{path}: {what}"
