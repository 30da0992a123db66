"""Tests of generator.render.pages: escaping, linked bodies, sync and whole-site rendering."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

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
from generator.render.pages import md_escape, render, sync, yaml_str
from generator.resolve.curation import links_of
from generator.resolve.facts.relations import co_mentions

TEMPLATES = Path(__file__).resolve().parents[2] / "templates"


@pytest.mark.parametrize(
    ("text", "forbidden"),
    [
        ("<script>alert(1)</script>", "<script>"),
        ("[x](javascript:alert(1))", "[x]("),
        ("**bold** and `code`", "**"),
        ("![img](http://example.org/x.png)", "!["),
    ],
)
def test_md_escape_neutralizes_markup(text: str, forbidden: str) -> None:
    assert forbidden not in md_escape(text)


def test_md_escape_exact_forms() -> None:
    assert md_escape("<script>") == "&lt;script&gt;"
    assert md_escape("[x](javascript:alert(1))") == "\\[x\\](javascript:alert(1))"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("# Not a heading", "\\# Not a heading"),
        ("1. Not a list", "1\\. Not a list"),
        ("- Not a bullet", "\\- Not a bullet"),
        ("+ Not a bullet", "\\+ Not a bullet"),
        ("> Not a quote", "&gt; Not a quote"),
        ("plain words", "plain words"),
    ],
)
def test_md_escape_line_starts(text: str, expected: str) -> None:
    assert md_escape(text) == expected


def test_md_escape_collapses_newlines_so_no_new_blocks() -> None:
    out = md_escape("first line\n\n# heading\n- item")
    assert "\n" not in out


def test_yaml_str_is_quoted_and_escaped() -> None:
    assert yaml_str('He said "hi" \\ bye') == '"He said \\"hi\\" \\\\ bye"'
    assert yaml_str("a\nb") == '"a b"'


# ---------------------------------------------------------------- a small knowledge base

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


def test_linked_body_wraps_sentences_and_links_mentions() -> None:
    from generator.render.pages import linked_body

    kb = small_kb()
    paragraphs = linked_body(kb.articles_by_id["a1"], kb, "articles/a1.md")
    assert len(paragraphs) == 2
    first, second = paragraphs
    assert re.findall(r'<span class="kb-s" id="(s\d+)">', first) == ["s0", "s1"]
    assert re.findall(r'<span class="kb-s" id="(s\d+)">', second) == ["s2"]
    # HTML with final URLs (MkDocs rewrites .md links in Markdown only)
    assert '<a href="../../people/edith-marlow/" title="Person: Edith Marlow">Edith Marlow</a>' in first
    assert '<a href="../../places/paris/" title="Place: Paris">Paris</a>' in first
    assert '<a href="../../people/edith-marlow/" title="Person: Edith Marlow">Marlow</a>' in second
    assert '<a href="../../organizations/harbor-council/"' in second
    # words around links keep their spaces
    assert "met <a " in first and "</a> in <a " in first
    # corpus text stays inert
    assert "<b>" not in first and "&lt;b&gt;" in first
    assert '<span class="kb-s" id="s1"># She said' in first
    assert first.startswith("<p>") and first.endswith("</p>")


def test_linked_body_without_extraction_is_plain_paragraphs() -> None:
    from generator.render.pages import linked_body

    kb = small_kb()
    kb.extractions.pop("a1")
    kb.links.pop("a1")
    paragraphs = linked_body(kb.articles_by_id["a1"], kb, "articles/a1.md")
    assert len(paragraphs) == 2
    assert "kb-s" not in paragraphs[0]
    assert paragraphs[1] == "<p>Later the Harbor Council praised Marlow.</p>"


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
    assert "[Marlow in \\*Paris\\*](../articles/a1.md)" in person
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
    page = render(kb, TEMPLATES)["events/index.md"]
    rows = [line for line in page.splitlines() if line.startswith("| ") and "Harbor" in line]
    assert [row.split(" | ")[0] for row in rows] == ["| 2023-05-04", "| 2024-03-01 to 2024-03-02", "| undated"]
    assert "[Paris](../places/paris.md)" in rows[1]
    assert "[Edith Marlow](../people/edith-marlow.md), [Harbor Council](../organizations/harbor-council.md)" in rows[1]


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


def test_sync_writes_only_changed_files_and_removes_stale(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    files = {"index.md": "home\n", "people/a.md": "A\n", "places/b.md": "B\n"}
    assert sync(files, docs) == (3, 0)
    assert (docs / "people/a.md").read_text(encoding="utf-8") == "A\n"
    mtime = (docs / "index.md").stat().st_mtime_ns
    assert sync(files, docs) == (0, 0)
    assert (docs / "index.md").stat().st_mtime_ns == mtime

    (docs / ".gitkeep").write_text("", encoding="utf-8")
    (docs / "about.md").write_text("mine", encoding="utf-8")  # the user's own page
    changed = {"index.md": "home v2\n", "people/a.md": "A\n"}
    assert sync(changed, docs) == (1, 1)  # places/b.md removed
    assert (docs / "index.md").read_text(encoding="utf-8") == "home v2\n"
    assert (docs / ".gitkeep").exists()
    assert (docs / "about.md").read_text(encoding="utf-8") == "mine"
    assert not (docs / "places").exists()  # emptied folder removed
    assert sorted(p.relative_to(docs).as_posix() for p in docs.rglob("*") if p.is_file()) == [
        ".gitkeep",
        ".kb-generated",
        "about.md",
        "index.md",
        "people/a.md",
    ]


def test_sync_never_removes_or_overwrites_a_file_it_did_not_write(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    (docs / "notes").mkdir(parents=True)
    (docs / "about.md").write_text("About us", encoding="utf-8")
    (docs / "index.md").write_text("My own home page", encoding="utf-8")
    (docs / "notes" / "n.md").write_text("note", encoding="utf-8")
    said: list[str] = []
    assert sync({"index.md": "home\n", "people/a.md": "A\n"}, docs, said.append) == (1, 0)
    assert (docs / "index.md").read_text(encoding="utf-8") == "My own home page"
    assert said == [f"kept 1 file(s) of {docs} that the generator did not write, in place of its own: index.md"]
    assert sync({"people/b.md": "B\n"}, docs) == (1, 1)  # people/a.md was the generator's
    assert sorted(p.relative_to(docs).as_posix() for p in docs.rglob("*") if p.is_file()) == [
        ".kb-generated",
        "about.md",
        "index.md",
        "notes/n.md",
        "people/b.md",
    ]
    # a manifest naming files outside the folder removes nothing there
    (tmp_path / "outside.md").write_text("x", encoding="utf-8")
    (docs / ".kb-generated").write_text("../outside.md\n/etc/hostname\nabout.md\n", encoding="utf-8")
    sync({}, docs)
    assert (tmp_path / "outside.md").exists()
    assert not (docs / "about.md").exists()  # listed as the generator's: removed


def test_sync_takes_a_docs_folder_of_an_earlier_version_as_generated(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    (docs / "people").mkdir(parents=True)
    for rel in ("kb.json", "index.md", "people/old.md"):
        (docs / rel).write_text("old", encoding="utf-8")
    assert sync({"index.md": "home\n", "kb.json": "{}"}, docs) == (2, 1)
    assert not (docs / "people").exists()


def test_sync_of_rendered_site_twice_writes_nothing(tmp_path: Path) -> None:
    files = render(small_kb(), TEMPLATES)
    written, _ = sync(files, tmp_path)
    assert written == len(files)
    assert sync(files, tmp_path) == (0, 0)


def test_an_events_dates_read_as_a_reader_says_them() -> None:
    from generator.render.pages import date_span

    assert date_span("2020-06-20", "2020-06-20") == date_span("2020-06-20") == "2020-06-20"
    assert date_span("2020-01-01", "2020-12-31") == "2020"
    assert date_span("2020-02-01", "2020-02-29") == "2020-02"  # a leap year's February
    assert date_span("2020-06-20", "2020-06-23") == "2020-06-20 to 2020-06-23"
    assert date_span("2020-01-01", "2021-12-31") == "2020-01-01 to 2021-12-31"
    assert date_span(None) == "undated"
