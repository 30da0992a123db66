"""Tests of generator.errors: the generator's exceptions and operating-system errors as one line."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from generator.errors import (
    ArticleError,
    ConfigError,
    GeneratorError,
    OutputError,
    PublishError,
    StrictModeError,
    describe_os_error,
)
from generator.locking import BuildLocked


def test_every_error_raised_on_purpose_is_a_generator_error() -> None:
    for error in (ConfigError, ArticleError, StrictModeError, PublishError, OutputError, BuildLocked):
        assert issubclass(error, GeneratorError)
    assert not issubclass(GeneratorError, OSError)  # the CLI tells the two apart


def test_an_article_error_names_the_file_and_the_reason() -> None:
    exc = ArticleError("news/ferry.md", "broken front matter")
    assert str(exc) == "news/ferry.md: broken front matter"
    assert (exc.path, exc.reason) == ("news/ferry.md", "broken front matter")


def test_a_full_disk_is_named_with_the_file_being_written() -> None:
    exc = OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), "/p/build/docs/index.md")
    assert describe_os_error(exc) == "/p/build/docs/index.md: No space left on device"


def test_a_refused_permission_is_named_with_the_file() -> None:
    exc = PermissionError(errno.EACCES, os.strerror(errno.EACCES), "/p/site")
    assert describe_os_error(exc) == "/p/site: Permission denied"


def test_a_path_object_as_file_name_is_written_as_its_text() -> None:
    exc = FileNotFoundError(errno.ENOENT, os.strerror(errno.ENOENT), Path("/p/corpus/a.txt"))
    assert describe_os_error(exc) == "/p/corpus/a.txt: No such file or directory"


def test_an_error_of_two_files_names_both() -> None:
    exc = OSError(errno.EXDEV, os.strerror(errno.EXDEV), "/p/.site.new-1", None, "/mnt/site")  # as os.rename's
    assert describe_os_error(exc) == "/p/.site.new-1 -> /mnt/site: Invalid cross-device link"


def test_a_full_disk_without_a_file_name_is_the_reason_alone() -> None:
    assert describe_os_error(OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))) == "No space left on device"


def test_an_error_with_only_a_message_keeps_it_after_its_type() -> None:
    assert describe_os_error(OSError("the staging folder vanished")) == "OSError (the staging folder vanished)"
    assert describe_os_error(FileExistsError("x exists")) == "FileExistsError (x exists)"


def test_an_error_with_nothing_to_say_is_its_type_name() -> None:
    assert describe_os_error(OSError()) == "OSError"
    assert describe_os_error(BlockingIOError()) == "BlockingIOError"


@pytest.mark.parametrize(
    "exc",
    [
        OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), "/a"),
        OSError(errno.ENOSPC, os.strerror(errno.ENOSPC)),
        OSError("message"),
        OSError(),
        OSError(errno.EXDEV, os.strerror(errno.EXDEV), "/a", None, "/b"),
    ],
)
def test_every_description_is_one_line(exc: OSError) -> None:
    text = describe_os_error(exc)
    assert text and "\n" not in text
