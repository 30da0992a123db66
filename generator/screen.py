"""Screen: the checks that refuse a hostile article before it is parsed.

An article is untrusted text. These checks quarantine what no news article
needs and what other tools would act on: template syntax (Jinja ``{{ }}``,
``{% %}``, ``{# #}``), include directives (pymdown's ``--8<--`` snippets),
Markdown nested deeper than any real text, and front matter that uses YAML's
anchors, aliases or tags, is too large, or nests too deeply. Each check raises
:class:`ArticleError` naming the file, the reason and the line.
"""

from __future__ import annotations

import re
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager

import yaml

from .errors import ArticleError

MAX_NESTING = 20  # list markers or quote marks opening one line; real text has a handful
MAX_FRONT_MATTER = 64_000  # characters
MAX_FRONT_MATTER_DEPTH = 8

_TEMPLATE = re.compile(r"\{\{|\{#|\{%[-+]?\s*[A-Za-z_]")  # an expression, a comment, a statement
_INCLUDE = re.compile(r"-+8<-+")
# one level of Markdown block nesting: a list marker or a quote mark, then a space
_NEST = re.compile(r"[ \t]*(?:(?:[-+*]|\d{1,9}[.)])(?:[ \t]+|$)|>[ \t]?)")


def _line_of(text: str, pos: int) -> int:
    return text.count("\n", 0, pos) + 1


def check_text(path: str, text: str) -> None:
    """Refuse template syntax, include directives and deep block nesting anywhere in ``text``."""
    m = _TEMPLATE.search(text)
    if m:
        raise ArticleError(
            path, f"template syntax {m.group()[:2]!r} on line {_line_of(text, m.start())} (not accepted in articles)"
        )
    m = _INCLUDE.search(text)
    if m:
        raise ArticleError(
            path, f"include directive {m.group()!r} on line {_line_of(text, m.start())} (not accepted in articles)"
        )
    for number, line in enumerate(text.split("\n"), 1):
        depth, pos = 0, 0
        while depth <= MAX_NESTING:
            m = _NEST.match(line, pos)
            if not m or m.end() == pos:
                break
            depth, pos = depth + 1, m.end()
        if depth > MAX_NESTING:
            raise ArticleError(path, f"line {number} nests lists or quotes over {MAX_NESTING} deep")


def check_front_matter(path: str, source: str) -> None:
    """Refuse front matter that is too large, nests too deeply or uses anchors, aliases or tags.

    Looks at YAML's events, before anything is built: an alias bomb is refused
    without being expanded.
    """
    if len(source) > MAX_FRONT_MATTER:
        raise ArticleError(path, f"front matter is {len(source):,} characters, over {MAX_FRONT_MATTER:,}")
    depth = 0
    try:
        for event in yaml.parse(source, Loader=yaml.SafeLoader):
            line = event.start_mark.line + 1
            if isinstance(event, yaml.AliasEvent):
                raise ArticleError(path, f"front matter uses a YAML alias on line {line} (not accepted)")
            if isinstance(event, yaml.NodeEvent) and event.anchor is not None:
                raise ArticleError(path, f"front matter uses a YAML anchor on line {line} (not accepted)")
            tag = getattr(event, "tag", None)
            if tag is not None:  # only written-out tags are set on parse events
                raise ArticleError(path, f"front matter uses the YAML tag {tag!r} on line {line} (not accepted)")
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_FRONT_MATTER_DEPTH:
                    raise ArticleError(path, f"front matter nests over {MAX_FRONT_MATTER_DEPTH} deep on line {line}")
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    except yaml.YAMLError as exc:
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise ArticleError(path, f"broken front matter: {problem}") from None


@contextmanager
def time_limit(path: str, seconds: float) -> Iterator[None]:
    """Stop the work of the block with an :class:`ArticleError` after ``seconds``.

    Uses a timer signal, so it applies in the main thread of a Unix process;
    elsewhere the block runs without a limit.
    """
    usable = seconds > 0 and hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if not usable:
        yield
        return

    def expired(signum: int, frame: object) -> None:
        raise ArticleError(path, f"took over {seconds:g} s to read and clean")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
