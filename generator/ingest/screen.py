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
from pathlib import Path

import yaml

from generator import safe_files
from generator.errors import ArticleError, ConfigError

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
    reason = yaml_problem(source, "front matter", MAX_FRONT_MATTER, broken="broken front matter")
    if reason is not None:
        raise ArticleError(path, reason)


def yaml_problem(source: str, what: str, max_chars: int, broken: str = "not valid YAML") -> str | None:
    """Why the YAML ``source`` (``what`` it is, for the message) is refused, or None: over
    ``max_chars``, nested over :data:`MAX_FRONT_MATTER_DEPTH`, anchors, aliases or tags, or
    not YAML at all. One line, with the line number where there is one."""
    if len(source) > max_chars:
        return f"{what} is {len(source):,} characters, over {max_chars:,}"
    depth = 0
    try:
        for event in yaml.parse(source, Loader=yaml.SafeLoader):
            line = event.start_mark.line + 1 if event.start_mark is not None else 0
            if isinstance(event, yaml.AliasEvent):
                return f"{what} uses a YAML alias on line {line} (not accepted)"
            if isinstance(event, yaml.NodeEvent) and event.anchor is not None:
                return f"{what} uses a YAML anchor on line {line} (not accepted)"
            tag = getattr(event, "tag", None)
            if tag is not None:  # only written-out tags are set on parse events
                return f"{what} uses the YAML tag {tag!r} on line {line} (not accepted)"
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_FRONT_MATTER_DEPTH:
                    return f"{what} nests over {MAX_FRONT_MATTER_DEPTH} deep on line {line}"
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    except yaml.YAMLError as exc:
        return f"{broken}: {yaml_error_text(exc)}"
    return None


def yaml_error_text(exc: yaml.YAMLError) -> str:
    """A YAML error as one line: what is wrong and on which line."""
    problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
    mark = getattr(exc, "problem_mark", None)
    return f"{problem} on line {mark.line + 1}" if mark is not None else str(problem)


MAX_CONFIG_CHARS = 5_000_000  # an overrides or topics file


def load_config_yaml(path: Path) -> object:
    """The data of an editor's YAML file (overrides, topics), read through the same screen as
    front matter: a regular file inside its folder (no link pointing elsewhere), UTF-8, no
    anchors, aliases or tags, at most :data:`MAX_CONFIG_CHARS` and 8 levels deep. Every refusal
    is a :class:`ConfigError` of one line naming the file."""

    try:
        data = safe_files.read_inside(path, path.parent, limit=MAX_CONFIG_CHARS * 4)
    except safe_files.UnsafeFile as exc:
        raise ConfigError(f"{path}: {exc}; not read") from None
    if len(data) > MAX_CONFIG_CHARS * 4:  # more characters than allowed, however they are encoded
        raise ConfigError(f"{path}: the file is over {MAX_CONFIG_CHARS:,} characters")
    try:
        source = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{path}: undecodable bytes at offset {exc.start}: not UTF-8 text") from None
    reason = yaml_problem(source, "the file", MAX_CONFIG_CHARS)
    if reason is not None:
        raise ConfigError(f"{path}: {reason}")
    try:
        return yaml.safe_load(source)
    except (yaml.YAMLError, ValueError, TypeError, RecursionError) as exc:
        text = yaml_error_text(exc) if isinstance(exc, yaml.YAMLError) else str(exc).splitlines()[0]
        raise ConfigError(f"{path}: not valid YAML: {text}") from None


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
