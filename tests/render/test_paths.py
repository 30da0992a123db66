"""Tests of generator.render.paths: links between docs files are what MkDocs expects."""

from __future__ import annotations

import posixpath

from hypothesis import given
from hypothesis import strategies as st

from generator.render.paths import relative, url_of

folders = st.lists(st.sampled_from(["a", "b", "people"]), max_size=3)
doc = st.tuples(folders, st.sampled_from(["index.md", "x.md", "a.md"])).map(lambda x: "/".join([*x[0], x[1]]))


@given(doc, doc)
def test_relative_agrees_with_relpath(source: str, target: str) -> None:
    assert relative(source, target) == posixpath.relpath(target, posixpath.dirname(source) or ".")


def test_url_of_directory_urls() -> None:
    assert url_of("index.md") == ""
    assert url_of("people/index.md") == "people/"
    assert url_of("people/antony-blinken.md") == "people/antony-blinken/"
