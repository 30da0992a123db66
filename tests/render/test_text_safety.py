"""Tests of generator.render.text_safety: no direction controls or zero-width characters, headlines cut to length."""

from __future__ import annotations

import pytest

from generator.render.text_safety import TITLE_MAX, headline, is_cut, strip_controls

ZWNJ, ZWJ = "\u200c", "\u200d"
# marks, embeddings, overrides and isolates; zero-width space, word joiner, invisible operators, format controls, BOM
BIDI = "\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
INVISIBLE = "\u200b\u2060\u2061\u2062\u2063\u2064\u206a\u206b\u206c\u206d\u206e\u206f\ufeff"

# ---------------------------------------------------------------- strip_controls


@pytest.mark.parametrize("control", list(BIDI + INVISIBLE))
def test_strip_controls_removes_every_direction_control_and_zero_width_character(control: str) -> None:
    assert strip_controls(f"{control}Joe{control} Bi{control}{control}den{control}") == "Joe Biden"


def test_text_without_controls_comes_back_as_written() -> None:
    for text in ["", "Joe Biden", "Київ – Kyiv", "مرحبا بالعالم", "  two\n\nlines\t"]:
        assert strip_controls(text) == text


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        (f"می{ZWNJ}خواهم", f"می{ZWNJ}خواهم"),  # Persian: the non-joiner keeps a prefix apart
        (f"क्{ZWJ}ष", f"क्{ZWJ}ष"),  # Devanagari: a virama, then a consonant
        (f"👍{ZWJ}🏽", f"👍{ZWJ}🏽"),  # two symbols
        (f"Bi{ZWJ}den", "Biden"),  # between Latin letters it only hides a difference
        (f"{ZWJ}Київ{ZWNJ}", "Київ"),  # at either end it joins nothing
        (f"Київ{ZWJ} Kyiv", "Київ Kyiv"),  # next to a space
        (f"👍{ZWJ}1", "👍1"),  # next to an ASCII digit
    ],
)
def test_a_joiner_stays_only_between_two_non_ascii_letters_marks_or_symbols(text: str, shown: str) -> None:
    assert strip_controls(text) == shown


def test_a_joiner_is_judged_by_its_neighbours_once_the_controls_next_to_it_are_gone() -> None:
    assert strip_controls(f"ب\u202e{ZWJ}\u200bب") == f"ب{ZWJ}ب"
    assert strip_controls(f"ب{ZWJ}\u202eA") == "بA"


# ---------------------------------------------------------------- headline


def test_a_short_title_is_only_put_on_one_line_without_controls() -> None:
    assert headline("  Ferry\n plan\t for \u202ePortvale  ") == "Ferry plan for Portvale"


def test_a_long_title_is_cut_at_the_last_word_boundary_and_ends_with_an_ellipsis() -> None:
    assert headline("The harbor council met again today", 20) == "The harbor council…"


def test_the_default_limit_is_the_title_maximum() -> None:
    words = "ferry " * 100
    assert TITLE_MAX == 200
    assert headline(words) == headline(words, TITLE_MAX)
    assert len(headline(words)) == 198 and headline(words).endswith("ferry…")  # 33 whole words, then "…"


def test_a_title_of_exactly_the_limit_is_kept_whole_and_one_more_character_is_cut() -> None:
    assert headline("a" * 20, 20) == "a" * 20 and not is_cut("a" * 20, 20)
    assert headline("a" * 21, 20) == "a" * 19 + "…" and is_cut("a" * 21, 20)


def test_a_word_longer_than_half_the_limit_is_cut_inside() -> None:
    assert headline("ab " + "c" * 30, 20) == "ab " + "c" * 16 + "…"


def test_a_space_at_half_the_limit_is_still_a_boundary() -> None:
    assert headline("a" * 10 + " " + "b" * 20, 20) == "a" * 10 + "…"
    assert headline("a" * 9 + " " + "b" * 20, 20) == "a" * 9 + " " + "b" * 9 + "…"


def test_the_cut_leaves_no_space_or_dangling_joiner_before_the_ellipsis() -> None:
    family = f"👨{ZWJ}👩{ZWJ}👦"
    assert headline(family * 5, 5) == f"👨{ZWJ}👩…"
    assert headline("a" * 12 + "   " + "b" * 10, 16) == "a" * 12 + "…"


def test_controls_do_not_count_toward_the_limit() -> None:
    text = "Joe\u202e Biden\u200b at the harbor"  # 23 characters once shown
    assert headline(text, 23) == "Joe Biden at the harbor" and not is_cut(text, 23)
    assert headline(text, 22) == "Joe Biden at the…" and is_cut(text, 22)


def test_headline_shows_any_value_as_text() -> None:
    assert headline(2024) == "2024"
    assert not is_cut(2024, 4) and is_cut(20245, 4)
    assert headline(20245, 4) == "202…"


@pytest.mark.parametrize("limit", [5, 10, 20, 40])
def test_is_cut_says_whether_headline_shortens_the_text(limit: int) -> None:
    for n in range(1, 60):
        text = ("Harbor ferry plan " * 4)[:n]
        shown = headline(text, limit)
        assert is_cut(text, limit) == shown.endswith("…")
        assert len(shown) <= limit
