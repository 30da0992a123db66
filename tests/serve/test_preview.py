"""Preview under ``mkdocs serve``: an edited article's page is rewritten first, linked to the
entities already known, and the full rebuild behind it brings the rest of the docs up to date."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from generator import pipeline
from generator.serve import preview
from generator.settings import Settings
from tests.hostile.sites import FILLER, ROOT


def settings_for(root: Path, model: Path) -> Settings:
    return Settings(root=root, model=str(model), progress=False, templates=ROOT / "templates", topics=None)


def corpus(root: Path) -> Path:
    folder = root / "corpus"
    folder.mkdir(parents=True)
    for i in range(3):
        (folder / f"{i}.txt").write_text(f"Report {i}\n\n{FILLER}\n", encoding="utf-8")
    return folder


def touch_later(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8")
    later = time.time() + 2
    os.utime(path, (later, later))


def test_an_edit_is_previewed_then_rebuilt_behind(tmp_path: Path, ruler_model: Path) -> None:
    folder = corpus(tmp_path)
    settings = settings_for(tmp_path, ruler_model)
    messages: list[str] = []
    pipeline.forget()
    first = preview.generate(settings, report=messages.append)
    docs = settings.docs_path
    page = docs / "articles" / "1.md"
    person = docs / "people" / "dara-whitlock.md"
    assert "at the quay" not in page.read_text(encoding="utf-8")

    touch_later(folder / "1.txt", f"Report 1\n\n{FILLER}\n\nIlse Brandt met Dara Whitlock at the quay.\n")
    shown = preview.generate(settings, report=messages.append)
    assert shown is first  # answered from the last knowledge base
    assert any(m.startswith("preview: 1 edited article page(s)") for m in messages)
    text = page.read_text(encoding="utf-8")
    new_sentence = text[text.index("at the quay") - 400 : text.index("at the quay")]
    assert 'href="../../people/ilse-brandt/"' in new_sentence  # linked at once
    assert 'href="../../people/dara-whitlock/"' in new_sentence

    assert preview.generate(settings, report=messages.append) is first  # previewed once
    preview.behind.go()  # what the plugin does once the server has built the preview
    preview.behind.wait(60)
    assert any(m.startswith("preview: knowledge base rebuilt") for m in messages)
    assert "at the quay" in person.read_text(encoding="utf-8")  # the entity page caught up
    again = preview.generate(settings, report=messages.append)
    assert again is not first and "at the quay" in again.kb.articles_by_id["1"].body


@pytest.mark.parametrize("change", ["add", "template"])
def test_a_new_file_or_template_means_a_full_build(tmp_path: Path, ruler_model: Path, change: str) -> None:
    folder = corpus(tmp_path)
    templates = tmp_path / "templates"
    import shutil

    shutil.copytree(ROOT / "templates", templates)
    settings = settings_for(tmp_path, ruler_model).with_(templates=templates)
    pipeline.forget()
    first = preview.generate(settings, report=lambda m: None)
    if change == "add":
        touch_later(folder / "9.txt", f"Report 9\n\n{FILLER}\n")
    else:
        template = templates / "article.md.j2"
        touch_later(template, template.read_text(encoding="utf-8") + "\n")
    messages: list[str] = []
    result = preview.generate(settings, report=messages.append)
    assert result is not first and not any(m.startswith("preview:") for m in messages)
