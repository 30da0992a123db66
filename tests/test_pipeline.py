"""Tests of generator.pipeline: the inputs' fingerprint, the remembered build and the missing corpus."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from generator import pipeline
from generator.errors import ConfigError
from generator.models import Article, KnowledgeBase, Problem
from generator.settings import PACKAGED_TEMPLATES, Settings
from generator.stats import Stats
from tests.hostile.sites import FILLER

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(autouse=True)
def nothing_remembered() -> Iterator[None]:
    """Each test starts, and leaves the process, with no build remembered."""
    pipeline.forget()
    yield
    pipeline.forget()


def project(root: Path, **articles: str) -> Settings:
    """A corpus of ``articles`` (file name: text) under ``root``, its templates and overrides file."""
    corpus = root / "corpus"
    corpus.mkdir(parents=True)
    for name, text in articles.items():
        (corpus / name).write_text(text, encoding="utf-8")
    (root / "templates").mkdir()
    (root / "templates" / "page.md.j2").write_text("{{ title }}\n", encoding="utf-8")
    (root / "curation.yml").write_text("hide: []\n", encoding="utf-8")
    return Settings(root=root, topics=None)


def remembered(settings: Settings) -> pipeline.Result | None:
    """The result remembered for the inputs of ``settings`` as they are now, if any."""
    last = pipeline.last_build()
    return last[1] if last is not None and last[0] == pipeline.fingerprint(settings) else None


def set_mtime(path: Path, ns: int) -> None:
    os.utime(path, ns=(ns, ns))


def test_the_fingerprint_of_unchanged_inputs_is_the_same(tmp_path: Path) -> None:
    settings = project(tmp_path, **{"a.txt": "A\n\nText.\n", "b.txt": "B\n\nText.\n"})
    assert pipeline.fingerprint(settings) == pipeline.fingerprint(settings)
    assert pipeline.fingerprint(settings) == pipeline.fingerprint(Settings(root=tmp_path, topics=None))


def test_the_fingerprint_lists_each_input_file_with_its_size_and_mtime(tmp_path: Path) -> None:
    settings = project(tmp_path, **{"a.txt": "A\n\nText.\n"})
    set_mtime(tmp_path / "corpus" / "a.txt", 1_000_000_000_000_000_000)
    files = pipeline.fingerprint(settings)[1]
    assert files[0] == (str(tmp_path / "corpus" / "a.txt"), 9, 1_000_000_000_000_000_000)
    ours = [Path(name).relative_to(tmp_path).as_posix() for name, _, _ in files if Path(name).is_relative_to(tmp_path)]
    assert ours == ["corpus/a.txt", "templates/page.md.j2", "curation.yml"]
    # the package's templates, which fill in those the project's folder lacks, count too
    assert str(PACKAGED_TEMPLATES / "entity.md.j2") in [name for name, _, _ in files]


def test_the_fingerprint_changes_when_an_article_changes(tmp_path: Path) -> None:
    settings = project(tmp_path, **{"a.txt": "A\n\nText.\n", "b.txt": "B\n\nText.\n"})
    article = tmp_path / "corpus" / "b.txt"
    set_mtime(article, 1_000_000_000_000_000_000)
    before = pipeline.fingerprint(settings)
    article.write_text("B\n\nOther text.\n", encoding="utf-8")
    set_mtime(article, 1_000_000_000_000_000_000)
    changed = pipeline.fingerprint(settings)
    assert changed != before  # a new size, the same mtime
    set_mtime(article, 1_000_000_000_000_000_001)
    assert pipeline.fingerprint(settings) != changed  # the same size, a new mtime


def test_the_fingerprint_changes_when_an_article_comes_or_goes(tmp_path: Path) -> None:
    settings = project(tmp_path, **{"a.txt": "A\n\nText.\n"})
    before = pipeline.fingerprint(settings)
    (tmp_path / "corpus" / "deeper").mkdir()
    (tmp_path / "corpus" / "deeper" / "b.md").write_text("B\n", encoding="utf-8")
    added = pipeline.fingerprint(settings)
    assert added != before
    (tmp_path / "corpus" / "deeper" / "b.md").unlink()
    assert pipeline.fingerprint(settings) == before


def test_a_file_outside_the_inputs_does_not_change_the_fingerprint(tmp_path: Path) -> None:
    settings = project(tmp_path, **{"a.txt": "A\n\nText.\n"})
    before = pipeline.fingerprint(settings)
    (tmp_path / "build" / "docs").mkdir(parents=True)
    (tmp_path / "build" / "docs" / "index.md").write_text("# Home\n", encoding="utf-8")
    (tmp_path / "notes.txt").write_text("not an input\n", encoding="utf-8")
    assert pipeline.fingerprint(settings) == before


def test_the_overrides_file_counts_only_while_curation_is_on(tmp_path: Path) -> None:
    settings = project(tmp_path, **{"a.txt": "A\n\nText.\n"})
    on, off = settings, settings.with_(use_curation=False)
    before_on, before_off = pipeline.fingerprint(on), pipeline.fingerprint(off)
    (tmp_path / "curation.yml").write_text("hide: [portvale]\n", encoding="utf-8")
    assert pipeline.fingerprint(on) != before_on
    assert pipeline.fingerprint(off) == before_off


def test_settings_that_do_not_change_the_docs_do_not_change_the_fingerprint(tmp_path: Path) -> None:
    settings = project(tmp_path, **{"a.txt": "A\n\nText.\n"})
    before = pipeline.fingerprint(settings)
    other = settings.with_(site_dir=Path("public"), progress=False, workers=8, batch_size=7)
    assert pipeline.fingerprint(other) == before


@pytest.mark.parametrize(
    "change",
    [{"model": "other_model"}, {"page_min_mentions": 2}, {"site_name": "Other"}, {"docs_dir": Path("docs")}],
)
def test_settings_that_change_the_docs_change_the_fingerprint(tmp_path: Path, change: dict[str, object]) -> None:
    settings = project(tmp_path, **{"a.txt": "A\n\nText.\n"})
    assert pipeline.fingerprint(settings.with_(**change)) != pipeline.fingerprint(settings)


def test_the_fingerprint_of_missing_inputs_lists_only_the_packages_templates(tmp_path: Path) -> None:
    settings = Settings(root=tmp_path)
    files = pipeline.fingerprint(settings)[1]
    assert files and all(Path(name).is_relative_to(PACKAGED_TEMPLATES) for name, _, _ in files)


def test_knowledge_base_names_a_missing_corpus_folder(tmp_path: Path) -> None:
    with pytest.raises(ConfigError) as caught:
        pipeline.knowledge_base(Settings(root=tmp_path, corpus=Path("news")))
    assert str(caught.value) == f"corpus folder not found: {tmp_path / 'news'}"


def test_a_file_in_place_of_the_corpus_folder_is_refused_as_missing(tmp_path: Path) -> None:
    (tmp_path / "news").write_text("not a folder\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"^corpus folder not found: .*/news$"):
        pipeline.knowledge_base(Settings(root=tmp_path, corpus=Path("news")))


def test_generate_names_a_missing_corpus_folder_and_remembers_nothing(tmp_path: Path) -> None:
    said: list[str] = []
    with pytest.raises(ConfigError) as caught:
        pipeline.generate(Settings(root=tmp_path, corpus=Path("/nowhere/news")), report=said.append)
    assert str(caught.value) == "corpus folder not found: /nowhere/news"
    assert said == []
    assert pipeline.last_build() is None
    assert not (tmp_path / "build" / "docs").exists()  # nothing rendered


def test_export_of_a_corpus_of_only_bad_articles_writes_an_empty_kb(tmp_path: Path) -> None:
    settings = project(tmp_path, **{"broken.md": "---\ntitle: [unclosed\n---\nText.\n"})
    out = tmp_path / "out" / "kb.json"
    out.parent.mkdir()
    kb = pipeline.export(settings, out)
    assert kb.articles == [] and kb.entities == []
    assert [p.path for p in kb.problems] == ["broken.md"]
    assert kb.problems[0].reason.startswith("broken front matter: ")
    data = json.loads(out.read_text(encoding="utf-8"))
    assert (data["articles"], data["entities"]) == ([], [])


def test_warnings_are_one_line_per_dropped_value_naming_the_file() -> None:
    articles = [
        Article(id="a", path="a.md", title="A", body="x", warnings=("date 'soon' is not a date", "url dropped")),
        Article(id="b", path="sub/b.md", title="B", body="y"),
        Article(id="c", path="c.md", title="C", body="z", warnings=("author is empty",)),
    ]
    kb = KnowledgeBase(articles=articles, extractions={}, entities=[], problems=[Problem("d.txt", "empty")])
    expected = ["a.md: date 'soon' is not a date", "a.md: url dropped", "c.md: author is empty"]
    assert pipeline.warnings_of(kb) == expected
    result = pipeline.Result(kb, Stats())
    assert result.warnings == expected
    assert result.problems == [Problem("d.txt", "empty")]


def test_generate_builds_once_for_unchanged_inputs_and_again_for_an_edited_article(
    tmp_path: Path, ruler_model: Path
) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for i in range(2):
        (corpus / f"{i}.txt").write_text(f"Ferry report {i}\n\n{FILLER}\n", encoding="utf-8")
    (corpus / "broken.md").write_text("---\ntitle: [unclosed\n---\nText.\n", encoding="utf-8")
    settings = Settings(
        root=tmp_path, templates=ROOT / "templates", model=str(ruler_model), topics=None, progress=False, workers=1
    )
    said: list[str] = []
    result = pipeline.generate(settings, report=said.append)
    docs = tmp_path / "build" / "docs"
    assert sorted(a.id for a in result.kb.articles) == ["0", "1"]
    assert "dara-whitlock" in {e.id for e in result.kb.entities}
    assert (docs / "kb.json").is_file() and (docs / "articles" / "0.md").is_file()
    assert said[0].startswith("skipped broken.md: broken front matter")
    assert said[-1] == result.stats.summary(result.kb)
    assert (result.stats.articles, result.stats.skipped, result.stats.extracted) == (2, 1, 2)
    assert set(result.stats.seconds) == {"ingest", "extract", "resolve", "render"}
    assert result.stats.pages == sum(1 for _ in docs.rglob("*.md"))
    assert remembered(settings) is result

    # unchanged inputs: the remembered result, at once and without a word
    told = len(said)
    assert pipeline.generate(settings.with_(workers=4), report=said.append) is result
    assert len(said) == told

    # an edited article: built again, only it extracted
    (corpus / "1.txt").write_text(f"Ferry report one\n\n{FILLER}\n\nIlse Brandt waved.\n", encoding="utf-8")
    edited = pipeline.generate(settings, report=said.append)
    assert edited is not result
    assert [a.title for a in edited.kb.articles if a.id == "1"] == ["Ferry report one"]
    assert (edited.stats.extracted, edited.stats.cached) == (1, 1)
    assert "Ferry report one" in (docs / "articles" / "1.md").read_text(encoding="utf-8")
    assert remembered(settings) is edited  # only the last build is remembered

    pipeline.forget()
    assert pipeline.last_build() is None
