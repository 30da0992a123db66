"""The Wikinews gold scorer: found, one page with all forms, wrong types, junk, dates and titles."""

from __future__ import annotations

from tools.eval_wikinews import evaluate, norm

GOLD = {
    "2020-03-11-Ferry_news": {
        "title": "Ferry news",
        "date": "2020-03-11",
        "person": {"Edith Marlow": ["Marlow"], "Korvath Blankmoor": []},
        "organization": {"Harbor Authority": ["HA"], "Portvale Hospital": []},
        "place": {"Portvale": ["Portvale, Westshire"], "Westshire": []},
        "acceptable": ["Ferry Line"],
        "not_entities": ["WN"],
    }
}
BODY = "Edith Marlow of the Harbor Authority (HA) met in Portvale, Westshire. Marlow left. Portvale Hospital."


def entity(eid: str, type_: str, name: str, *texts: str) -> dict:
    return {
        "id": eid,
        "type": type_,
        "name": name,
        "aliases": [],
        "mentions": [{"article": "a1", "text": t} for t in texts],
    }


def test_the_scorer_counts_each_kind_of_miss_once() -> None:
    kb = {
        "articles": [{"id": "a1", "path": "2020-03-11-Ferry_news.txt", "title": "Ferry news", "date": "2020-03-11"}],
        "entities": [
            entity("edith", "person", "Edith Marlow", "Edith Marlow"),
            entity("marlow", "person", "Marlow", "Marlow"),  # split: the surname on a page of its own
            entity("harbor", "organization", "Harbor Authority", "Harbor Authority", "HA"),
            entity("portvale", "place", "Portvale", "Portvale"),  # "Portvale, Westshire" is two names
            entity("westshire", "organization", "Westshire", "Westshire"),  # wrong type
            entity("hospital", "place", "Portvale Hospital", "Portvale Hospital"),  # a facility: either type
            entity("line", "organization", "Ferry Line", "Ferry Line"),  # acceptable
            entity("wn", "organization", "WN", "WN"),  # one of the not_entities
            entity("tuesday", "person", "Tuesday", "Tuesday"),  # junk
        ],
    }
    report = evaluate(kb, GOLD, {"a1": BODY})
    summary = report.summary()
    assert summary["all"]["gold"] == 6
    assert round(summary["all"]["found"] * 6) == 4  # not Westshire (a wrong type) nor Korvath Blankmoor (no page)
    assert round(summary["all"]["whole"] * 6) == 3  # Edith Marlow is split; Korvath Blankmoor missing
    assert summary["all"]["wrong_type"] == 1
    assert (summary["junk"], summary["not_entities_with_a_page"]) == (1, 1)
    assert summary["dates_right"] == "1/1" and summary["titles_right"] == "1/1"


def test_forms_compare_without_case_article_possessive_or_final_stop() -> None:
    assert norm("The Walter Wallace Jr.") == norm("walter wallace jr") == "walter wallace jr"
    assert norm("Marlow’s") == "marlow"
