"""Tests of generator.resolve.short_forms: the short forms an article uses for the bodies it names."""

from __future__ import annotations

import pytest

from generator.resolve.short_forms import sentence_initial, shortenings, usable


@pytest.mark.parametrize(
    ("name", "forms"),
    [
        ("Reform Party", ("Reform",)),
        ("Natural Law Party of Michigan", ("Natural Law",)),
        ("Harvard University", ("Harvard",)),
        ("Pittsburgh Pirates", ("Pirates",)),
        ("New York Post", ("Post",)),
        ("Daily Telegraph", ("Telegraph",)),
        # a region's body is another body, a country's party keeps its name without the country
        ("Iowa Democratic Party", ("Iowa Democratic",)),
        ("Michigan House of Representatives", ()),
        ("Wisconsin Supreme Court", ()),
        ("US Green Party", ("Green",)),
        # a document's word alone names the document; a place's institution is named by the place
        ("U.S. Constitution Party", ()),
        ("University of Helsinki", ()),
        # a person glued to a place, a place's generic part
        ("India Narendra Modi", ()),
        ("Melbourne City", ()),
    ],
)
def test_shortenings(name: str, forms: tuple[str, ...]) -> None:
    assert shortenings(name) == forms


def test_a_short_form_inside_a_longer_name_or_opening_a_sentence_is_not_used() -> None:
    body = "Reform won. The vote went to Reform UK. In the Texas Reform caucus, Reform lost."
    common = {"reform"}.__contains__
    at = [i for i in range(len(body)) if body.startswith("Reform", i)]
    assert sentence_initial(body, at[0])
    assert not usable(body, at[0], at[0] + 6, common)  # a common word opening a sentence
    assert usable(body, at[0], at[0] + 6, None)  # unless the corpus never writes it in lower case
    assert not usable(body, at[1], at[1] + 6, common)  # "Reform UK"
    assert not usable(body, at[2], at[2] + 6, common)  # "Texas Reform"
    assert usable(body, at[3], at[3] + 6, common)
