"""The facts scorer: quotes with the right speaker and sources, dated events, aid figures on packages."""

from __future__ import annotations

from tools.eval_facts import evaluate, quote_key

GOLD = {
    "2020-03-11-Ferry_news": {
        "date": "2020-03-11",
        "quotes": [
            {"speaker": "Edith Marlow", "text": "The ferry will sail again"},
            {"speaker": "Edith Marlow", "text": "We owe the crew a great deal"},
            {"speaker": None, "text": "Nobody knows when it will end"},
            {"speaker": "Korvath Blankmoor", "text": "I will not resign over this"},
        ],
        "events": [
            {"name": "Ferry sinking", "words": ["sinking"], "date": "2020-03-09"},
            {"name": "Harbor vote", "words": ["vote", "harbor"], "date": "2020-03-10"},
            {"name": "Old strike", "words": ["strike"], "date": "2019"},
        ],
        "aid": [{"amount": "$2 million", "value": 2000000, "currency": "USD"}],
        "not_aid": [{"amount": "$30", "why": "a ticket price"}],
    }
}


def _kb(**parts: list) -> dict:
    article = {"id": "a1", "path": "2020-03-11-Ferry_news.txt"}
    person = {"id": "edith", "type": "person", "name": "Edith Marlow", "aliases": ["Marlow"], "mentions": []}
    org = {"id": "harbor", "type": "organization", "name": "Harbor Authority", "aliases": [], "mentions": []}
    return {"articles": [article], "entities": [person, org, *parts.get("entities", [])], "quotes": parts["quotes"]}


def _quote(text: str, speaker: str | None) -> dict:
    return {"id": text, "speaker": speaker, "text": text, "variants": [], "sources": [{"article": "a1", "sentence": 0}]}


def test_quotes_are_right_wrong_unattributed_or_missing() -> None:
    kb = _kb(
        quotes=[
            _quote("The ferry will sail again, she said.", "edith"),  # right
            _quote("We owe the crew a great deal.", "harbor"),  # wrong speaker
            _quote("Nobody knows when it will end.", None),  # right: the gold names nobody
        ]
    )
    report = evaluate(kb, GOLD)
    assert (report.quotes, report.quotes_found, report.quotes_right) == (4, 3, 2)
    assert (report.quotes_wrong, report.quotes_unattributed) == (1, 0)


def _event(eid: str, name: str, start: str) -> dict:
    return {"id": eid, "type": "event", "name": name, "aliases": [], "date": {"start": start, "end": start},
            "mentions": [{"article": "a1", "text": name}]}  # fmt: skip


def test_events_need_their_words_and_their_date_to_the_day() -> None:
    sinking = _event("s", "Ferry sinking (March 2020)", "2020-03-09")
    vote = _event("v", "Harbor vote", "2020-03-11")  # a day late
    report = evaluate(_kb(quotes=[], entities=[sinking, vote]), GOLD)
    assert (report.events, report.events_dated) == (2, 1)  # the year-only strike is not counted
    assert evaluate(_kb(quotes=[], entities=[sinking, vote]), GOLD, coarse=True).events == 3


def test_aid_figures_must_be_on_a_package_and_packages_must_be_aid() -> None:
    def package(pid: str, value: float) -> dict:
        figure = {"value": value, "currency": "USD", "text": "", "articles": ["a1"]}
        return {"id": pid, "type": "aid_package", "name": pid, "aliases": [], "mentions": [], "figures": [figure]}

    report = evaluate(_kb(quotes=[], entities=[package("grant", 2_000_000), package("ticket", 30)]), GOLD)
    assert (report.aid, report.aid_found) == (1, 1)
    assert (report.packages_in_gold_articles, report.packages_not_aid) == (2, 1)


def test_quote_keys_ignore_case_curly_quotes_and_punctuation() -> None:
    assert quote_key("It’s “over”, he said") == quote_key("it's over he said")


def test_event_words_match_without_their_plural_ending() -> None:
    from tools.eval_facts import _stems

    assert _stems("Helicopter crashes near Fairmead; caucuses, primaries and boxes") == (
        " Helicopter crash near Fairmead caucus primary and box "
    )
    assert _stems("hospitalized") == _stems("hospitalization") == _stems("hospitalised") == " hospitaliz "


def test_event_words_may_be_on_its_participants_or_place_as_its_page_shows_them() -> None:
    vote = _event("v", "Authority approves ferry plan", "2020-03-10")
    assert evaluate(_kb(quotes=[], entities=[vote]), GOLD).events_dated == 0  # "harbor" is on no name
    report = evaluate(_kb(quotes=[], entities=[{**vote, "participants": ["harbor"]}]), GOLD)
    assert report.events_dated == 0  # the page holds "harbor", but not "vote"
    vote = {**vote, "name": "Authority votes on ferry plan", "participants": ["harbor"]}
    assert evaluate(_kb(quotes=[], entities=[vote]), GOLD).events_dated == 1
