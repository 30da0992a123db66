"""Paths: naughty strings, traversal, absolute paths, reserved names, look-alikes and NFC/NFD
pairs as file names and entity names never write outside the output folder, and entities whose
names share a slug each get a page of their own, the same one build after build."""

from __future__ import annotations

import json
import os
import unicodedata
from pathlib import Path

import pytest

from tests.hostile.sites import FILLER, build, manifest, naughty_strings, project, ruler_pipeline

pytestmark = pytest.mark.hostile

TRAVERSAL = ["../../outside", "/tmp/absolute", "..", "C:\\Windows\\system.ini", "\\\\server\\share", "~/home"]
RESERVED = ["Index", "CON", "nul", "COM1"]
# two organizations whose slugs are cut to the same 80 characters
LONG = "Transcontinental Intergovernmental Telecommunications Standardization Interoperability Consortium"
SAME_SLUG_ORGS = [f"{LONG} Northern", f"{LONG} Southern"]
SAME_SLUG = [
    unicodedata.normalize("NFC", "Zoë Marsh"),
    unicodedata.normalize("NFD", "Zoë Marsh"),
    "Ｚｏｅ Ｍａｒｓｈ",  # full-width look-alike
    "Zoe Marsh",
]


def names() -> dict[str, str]:
    found = {}
    for i, text in enumerate(naughty_strings()[:200] + TRAVERSAL + RESERVED):
        if text.strip() and "\n" not in text:
            found[text] = ("PERSON", "ORG", "GPE")[i % 3]
    for text in SAME_SLUG:
        found[text] = "PERSON"
    for text in SAME_SLUG_ORGS:
        found[text] = "ORG"
    return found


def files() -> dict[str, str | bytes]:
    out: dict[str, str | bytes] = {}
    for i, text in enumerate(naughty_strings() + TRAVERSAL + RESERVED):
        name = text.replace("/", "_").replace("\0", "_")
        if name in (".", "..") or len(f"{name}.txt".encode()) > 255:
            name = f"long-{i}"
        out[f"n{i:03d}/{name}.txt"] = f"{FILLER}\n"
    out["index.txt"] = f"An article called index\n\n{FILLER}\n"
    body = "\n\n".join(f"{n} spoke to Dara Whitlock in Portvale." for n in names())
    out["names.txt"] = f"Names\n\n{FILLER}\n\n{body}\n"
    return out


def outside(root: Path, project_dir: Path) -> set[str]:
    """Every path under ``root`` outside the project folder."""
    return {
        os.path.join(d, f)
        for d, dirs, fs in os.walk(root)
        if not Path(d).is_relative_to(project_dir)
        for f in [*fs, *dirs]
    }


def test_hostile_names_stay_inside_and_each_entity_gets_its_own_page(tmp_path: Path) -> None:
    model = ruler_pipeline(tmp_path / "model", names())
    ids_of_builds = []
    for run in ("a", "b"):
        dest = project(tmp_path / run, model, files())
        before = outside(tmp_path, dest)
        done = build(dest)
        assert done.returncode == 0, done.stderr[-2000:]
        assert outside(tmp_path, dest) - before == set()  # nothing written outside the project
        site = (dest / "site").resolve()
        for path in manifest(dest / "site"):
            assert (site / path).resolve().is_relative_to(site)
        kb = json.loads((dest / "site" / "kb.json").read_text(encoding="utf-8"))
        ids = [(e["type"], e["id"]) for e in kb["entities"]]
        assert len(set(ids)) == len(ids)
        for e in kb["entities"]:
            if e.get("page"):
                assert (dest / "site" / e["page"] / "index.html").is_file(), e["page"]
        articles = {a["path"]: a for a in kb["articles"]}
        assert articles["index.txt"]["id"] != "index"  # does not take the articles' index page
        assert (dest / "site" / "articles" / "index.html").read_text(encoding="utf-8").count("<h1") == 1
        ids_of_builds.append(ids)
        zoe = sorted(e["id"] for e in kb["entities"] if e["id"].startswith("zoe-marsh"))
        assert zoe and zoe[0] == "zoe-marsh"
        twins = {e["name"]: e for e in kb["entities"] if e["name"] in SAME_SLUG_ORGS}
        assert len(twins) == 2  # two organizations, one slug: each has its own id and page
        base = "transcontinental-intergovernmental-telecommunications-standardization"
        assert sorted(e["id"] for e in twins.values()) == [base, f"{base}-2"]
        for e in twins.values():
            page = (dest / "site" / e["page"] / "index.html").read_text(encoding="utf-8")
            assert e["name"] in page
    assert ids_of_builds[0] == ids_of_builds[1]  # the same ids, build after build
