"""Fuzzing: generated and naughty articles driven from ingest through render raise nothing
uncaught, and every page they give is a safe relative path; the atheris target runs."""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

import markdown
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.pipeline import knowledge_base
from generator.render import pages as render
from generator.settings import Settings
from tests.hostile.sites import FILLER, ROOT, front_matter, naughty_strings, xss_payloads

pytestmark = pytest.mark.hostile

NAUGHTY = naughty_strings()
PAYLOADS = xss_payloads()[::25]
MARKUP = [
    "- ",
    "> ",
    "# ",
    "1. ",
    "```",
    "<div>",
    "</p>",
    "[x](y)",
    "**",
    "\\",
    "&amp;",
    "\t",
    "\r\n",
    "\u202e",
    "\x0b",
]

fragment = st.one_of(st.sampled_from(NAUGHTY), st.sampled_from(PAYLOADS), st.sampled_from(MARKUP), st.text(max_size=40))
text = st.lists(st.one_of(fragment, st.just(FILLER), st.just("\n\n")), min_size=1, max_size=12).map("".join)
field = st.one_of(st.sampled_from(NAUGHTY), st.sampled_from(PAYLOADS), st.text(max_size=30))


@st.composite
def article(draw: st.DrawFn) -> tuple[str, str | bytes]:
    ext = draw(st.sampled_from([".txt", ".md", ".html"]))
    stem = draw(st.one_of(st.sampled_from(NAUGHTY), st.text(min_size=1, max_size=20)))
    stem = "".join(c for c in stem if c not in "/\0\\")[:60].strip(". ") or "x"
    body = draw(text)
    if ext == ".html":
        return stem + ext, f"<html><head><title>{draw(field)}</title></head><body><p>{body}</p></body></html>"
    if draw(st.booleans()):
        keys = draw(st.sets(st.sampled_from(["title", "author", "outlet", "url", "date", "description"])))
        body = front_matter(**{k: draw(field) for k in keys}) + body
    if draw(st.booleans()):
        return stem + ext, draw(st.binary(max_size=200)) + body.encode("utf-8", "surrogatepass")
    return stem + ext, body


@pytest.fixture(scope="module")
def templates() -> Path:
    return ROOT / "templates"


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(files=st.lists(article(), min_size=1, max_size=4, unique_by=lambda f: f[0].lower()))
def test_ingest_to_render_never_raises(
    files: list[tuple[str, str | bytes]], ruler_model: Path, templates: Path
) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        corpus = root / "corpus"
        corpus.mkdir()
        for name, content in files:
            path = corpus / name
            path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8", "surrogatepass"))
        kb = knowledge_base(Settings(root=root, model=str(ruler_model), progress=False, topics=None))
        assert len(kb.articles) + len(kb.problems) == len(files)
        for name, content in render.render_files(kb, templates):
            assert not name.startswith("/") and ".." not in name.split("/"), name
            if name.endswith(".md") and name.startswith("articles/"):
                markdown.markdown(content, extensions=["tables", "attr_list", "toc"])


def test_the_atheris_target_runs(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for p in (ROOT / "corpus").iterdir():
        (seeds / p.name).write_bytes(p.read_bytes())
    done = subprocess.run(
        [
            sys.executable,
            str(ROOT / "tests" / "fuzz" / "fuzz_ingest.py"),
            "-max_total_time=5",
            f"-artifact_prefix={tmp_path}/",
            str(seeds),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert "Done" in done.stderr and not list(tmp_path.glob("crash-*"))
