"""Tests of generator.slugs: safe, stable identifiers."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator.slugs import MAX_SLUG, SlugRegistry, slug

SAFE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


def assert_safe(value: str) -> None:
    assert SAFE.match(value), value
    assert "/" not in value and ".." not in value


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Harbor Council Approves Ferry", "harbor-council-approves-ferry"),
        ("  Déjà vu: Straße  ", "deja-vu-strasse"),
        ("../../etc/passwd", "etc-passwd"),
        ("folder/sub/file", "folder-sub-file"),
    ],
)
def test_slug_examples(text: str, expected: str) -> None:
    assert slug(text) == expected


@pytest.mark.parametrize("text", ["", "   ", "!!!", "..", "/", "——", "\u200b"])
def test_slug_never_empty_uses_fallback(text: str) -> None:
    out = slug(text, fallback="article")
    assert out.startswith("article-")
    assert_safe(out)


def test_slug_fallback_is_deterministic_and_distinct() -> None:
    assert slug("!!!") == slug("!!!")
    assert slug("!!!") != slug("???")


def test_slug_is_bounded() -> None:
    out = slug("word " * 100)
    assert len(out) <= MAX_SLUG
    assert_safe(out)


@given(st.text())
def test_slug_is_always_safe(text: str) -> None:
    out = slug(text)
    assert_safe(out)
    assert len(out) <= MAX_SLUG
    assert slug(text) == out


def test_slug_fallback_is_slugified_too() -> None:
    assert_safe(slug("", fallback="Article"))
    assert_safe(slug("", fallback="../x"))


def test_registry_numbers_repeats() -> None:
    ids = SlugRegistry()
    assert [ids.claim("Ferry Route") for _ in range(3)] == ["ferry-route", "ferry-route-2", "ferry-route-3"]


def test_registry_never_hands_out_a_taken_slug() -> None:
    ids = SlugRegistry()
    claimed = [ids.claim(t) for t in ["x-2", "x", "x", "X", "x-3"]]
    assert len(set(claimed)) == len(claimed)
    assert claimed[:3] == ["x-2", "x", "x-3"]


@given(st.lists(st.sampled_from(["a", "A", "a-2", "a 2", "", "!", "b"]), max_size=20))
def test_registry_is_unique_and_deterministic(texts: list[str]) -> None:
    first, second = SlugRegistry(), SlugRegistry()
    out = [first.claim(t) for t in texts]
    assert out == [second.claim(t) for t in texts]
    assert len(set(out)) == len(out)
    for value in out:
        assert_safe(value)


def test_reserved_names_never_become_a_page_name() -> None:
    from generator.slugs import RESERVED

    for name in ["Index", "INDEX", "con", "Nul", "COM1", "lpt9", "aux"]:
        out = slug(name, fallback="person")
        assert out not in RESERVED and out.endswith("-person"), out
    assert slug("Index Fund") == "index-fund"  # only the whole name is reserved


def test_naughty_strings_give_safe_distinct_ids_in_a_stable_order() -> None:
    import unicodedata

    from generator.slugs import RESERVED
    from tests.hostile.sites import naughty_strings

    names = [*naughty_strings(), "../", "../../etc/passwd", "/etc/passwd", "C:\\Windows\\win.ini", "\\\\server\\share"]
    names += [unicodedata.normalize("NFC", "Café Nord"), unicodedata.normalize("NFD", "Café Nord")]
    names += ["раураӏ", "paypal", "ＰａｙＰａｌ"]  # look-alikes: Cyrillic, Latin, full-width
    first, second = SlugRegistry(), SlugRegistry()
    ids = [first.claim(n, "entity") for n in names]
    assert ids == [second.claim(n, "entity") for n in names]
    assert len(set(ids)) == len(ids)
    for out in ids:
        assert_safe(out)
        assert out not in RESERVED
    nfc, nfd = ids[-5], ids[-4]
    assert nfc == "cafe-nord" and nfd == "cafe-nord-2"  # same slug: the second is numbered
