"""Tests of generator.render.pages: whole-site rendering through the templates."""

from __future__ import annotations

import json
from pathlib import Path

from generator.models import (
    AidInfo,
    Article,
    ArticleExtraction,
    Entity,
    EntityMention,
    EventInfo,
    Figure,
    KnowledgeBase,
    Mention,
    Sentence,
    Topic,
)
from generator.render import kbjson
from generator.render.docs_folder import sync
from generator.render.pages import render
from generator.resolve.curation import links_of
from generator.resolve.facts.relations import co_mentions

TEMPLATES = Path(__file__).resolve().parents[2] / "templates"


PARAGRAPHS = [
    ["Officials met Edith Marlow in Paris on Monday.", "# She said <b>nothing</b>."],
    ["Later the Harbor Council praised Marlow."],
]


def _doc(article_id: str, paragraphs: list[list[str]], names: list[tuple[int, str]]):
    body = "\n\n".join(" ".join(p) for p in paragraphs)
    sentences = []
    pos = 0
    for p in paragraphs:
        for s in p:
            start = body.find(s, pos)
            sentences.append(Sentence(start, start + len(s)))
            pos = start + len(s)
    mentions = []
    for i, surface in names:
        start = body.find(surface, sentences[i].start)
        mentions.append(Mention(surface, "X", start, start + len(surface), i))
    return body, ArticleExtraction(tuple(sentences), tuple(mentions))


def small_kb() -> KnowledgeBase:
    body, extraction = _doc("a1", PARAGRAPHS, [(0, "Edith Marlow"), (0, "Paris"), (2, "Harbor Council"), (2, "Marlow")])
    body2, extraction2 = _doc("b1", [["The Harbor Council approved a $20bn aid package."]], [(0, "Harbor Council")])
    articles = [
        Article("a1", "a1.md", "Marlow in *Paris*", body, date="2024-03-01", outlet="Daily Tern"),
        Article("b1", "b1.txt", "Council approves aid", body2),
    ]
    extractions = {"a1": extraction, "b1": extraction2}

    def em(article: str, surface: str, index: int) -> EntityMention:
        ex = extractions[article]
        (m,) = [m for m in ex.mentions if m.text == surface and m.sentence == index]
        return EntityMention(article, index, m.start, m.end, surface)

    start = body2.find("$20bn")
    figure = Figure(20e9, "USD", "$20 billion", ["b1"])
    entities = [
        Entity(
            "edith-marlow",
            "person",
            "Edith Marlow",
            aliases=["Marlow"],
            mentions=[em("a1", "Edith Marlow", 0), em("a1", "Marlow", 2)],
        ),
        Entity("paris", "place", "Paris", mentions=[em("a1", "Paris", 0)]),
        Entity(
            "harbor-council",
            "organization",
            "Harbor Council",
            mentions=[em("a1", "Harbor Council", 2), em("b1", "Harbor Council", 0)],
        ),
        Entity(
            "20-billion-package",
            "aid_package",
            "$20 billion package",
            mentions=[EntityMention("b1", 0, start, start + 5, "$20bn")],
            aid=AidInfo(amount=figure, figures=[figure], donor="harbor-council", status="approved"),
        ),
    ]
    kb = KnowledgeBase(articles=articles, extractions=extractions, entities=entities, links=links_of(entities))
    kb.relations = co_mentions(entities)
    kb.topics = [Topic("harbor-affairs", "Harbor affairs", ["a1", "b1"], ["harbor-council"], ["harbor"])]
    return kb


def test_render_produces_every_page_and_valid_kb_json() -> None:
    kb = small_kb()
    files = render(kb, TEMPLATES)
    expected = {
        "index.md",
        "articles/index.md",
        "articles/a1.md",
        "articles/b1.md",
        "people/edith-marlow.md",
        "places/paris.md",
        "organizations/harbor-council.md",
        "aid/20-billion-package.md",
        "topics/index.md",
        "topics/harbor-affairs.md",
        "people/index.md",
        "events/index.md",
        "kb.json",
    }
    assert expected <= set(files)
    data = json.loads(files["kb.json"])
    kbjson.validate(data)
    assert [e["id"] for e in data["entities"]] == sorted(e.id for e in kb.entities)
    assert data["schema"] == "kb/1"
    article = files["articles/a1.md"]
    assert article.startswith('---\ntitle: "Marlow in *Paris*"\n---\n')
    assert "# Marlow in \\*Paris\\*" in article
    assert 'id="s2"' in article
    person = files["people/edith-marlow.md"]
    assert '<h3><a href="../../articles/a1/">Marlow in *Paris*</a></h3>' in person  # its mentions, by article
    assert '<a href="../../articles/a1/#s2" title="Go to this sentence">' in person
    assert "[Paris](../places/paris.md)" in person  # related entity
    aid = files["aid/20-billion-package.md"]
    assert "USD 20,000,000,000" in aid
    assert "approved" in aid


def test_the_events_index_lists_events_by_date_with_place_and_participants() -> None:
    kb = small_kb()
    info = EventInfo("2024-03-01", "2024-03-02", "paris", ["edith-marlow", "harbor-council"])
    summit = Entity("harbor-summit", "event", "Harbor summit", event=info)
    earlier = Entity("harbor-vote", "event", "Harbor vote", event=EventInfo("2023-05-04", "2023-05-04"))
    undated = Entity("harbor-talks", "event", "Harbor talks")
    kb.entities += [summit, undated, earlier]
    files = render(kb, TEMPLATES)
    page = files["events/index.md"]
    rows = [line for line in page.splitlines() if line.startswith("<tr><td>") and "Harbor" in line]
    assert [row.split("</td>")[0] for row in rows] == [
        "<tr><td>2023-05-04",
        "<tr><td>2024-03-01 to 2024-03-02",
        "<tr><td>undated",
    ]
    assert '<a href="../events/harbor-summit/">Harbor summit</a></td><td>Paris</td>' in rows[1]
    assert "<td>Edith Marlow, Harbor Council</td>" in rows[1]
    # the whole list, for the page's filters, is the data files beside it
    data = json.loads(files["events/index.json"])
    assert data["columns"][:6] == ["name", "url", "start", "end", "place", "participants"]
    assert json.loads(files["events/index-1.json"])["rows"][1][:6] == [
        "Harbor summit",
        "events/harbor-summit/",
        "2024-03-01",
        "2024-03-02",
        "Paris",
        ["Edith Marlow", "Harbor Council"],
    ]


def test_kb_json_has_one_record_per_line() -> None:
    kb = small_kb()
    text = kbjson.dumps(kb)
    assert json.loads(text) == kbjson.to_dict(kb)
    lines = text.splitlines()
    lists = {k: v for k, v in kbjson.to_dict(kb).items() if isinstance(v, list) and v}
    assert {"articles", "entities"} <= set(lists)
    for key, records in lists.items():
        start = lines.index(f' "{key}": [')
        assert [json.loads(line.rstrip(",")) for line in lines[start + 1 : start + 1 + len(records)]] == records
        assert lines[start + 1 + len(records)].strip().startswith("]")


def test_infobox_links_roles_with_dates_and_aid_parties() -> None:
    from generator.models import PersonInfo, Role

    kb = small_kb()
    people = {e.id: e for e in kb.entities}
    people["edith-marlow"].person = PersonInfo([Role("Mayor", "paris", ["a1"]), Role("Envoy", None, ["b1"])])
    files = render(kb, TEMPLATES)
    person = files["people/edith-marlow.md"]
    # the body is linked and the role carries the dates of the articles that state it (b1 has none)
    assert "| Roles | Mayor of [Paris](../places/paris.md) (2024-03-01); Envoy |" in person
    aid = files["aid/20-billion-package.md"]
    assert "| Donor | [Harbor Council](../organizations/harbor-council.md) |" in aid
    assert "Recipient" not in aid


def test_render_is_deterministic() -> None:
    assert render(small_kb(), TEMPLATES) == render(small_kb(), TEMPLATES)


def test_sync_of_rendered_site_twice_writes_nothing(tmp_path: Path) -> None:
    files = render(small_kb(), TEMPLATES)
    written, _ = sync(files, tmp_path)
    assert written == len(files)
    assert sync(files, tmp_path) == (0, 0)
