"""Safe defaults: YAML is read only by safe loaders and written only by PyYAML's dumper, the
preview server listens on this machine only, and corpus text is never template source."""

from __future__ import annotations

import ast
import dataclasses
import re
from pathlib import Path

import yaml

from generator.ingest import readers as ingest
from generator.render.markdown import yaml_str
from generator.render.pages import render
from generator.render.text_safety import JOINERS, strip_controls
from tests.hostile.sites import naughty_strings, xss_payloads
from tests.render.test_pages import TEMPLATES, small_kb

ROOT = Path(__file__).resolve().parents[2]
SOURCES = sorted((ROOT / "generator").rglob("*.py"))


def test_the_source_checks_read_every_module_of_the_package() -> None:
    names = {p.relative_to(ROOT / "generator").as_posix() for p in SOURCES}
    assert {"cli.py", "ingest/readers.py", "resolve/facts/quotes.py", "render/pages.py"} <= names


def test_yaml_is_read_only_by_safe_loaders() -> None:
    assert issubclass(ingest._TextLoader, yaml.SafeLoader)
    unsafe = {"unsafe_load", "full_load", "load_all", "unsafe_load_all", "Loader", "FullLoader", "UnsafeLoader"}
    for path in SOURCES:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == "yaml":
                assert node.attr not in unsafe, f"{path.name}:{node.lineno}: yaml.{node.attr}"
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr == "load"
                and isinstance(node.func.value, ast.Name)
                and node.func.value.id == "yaml"
            ):
                loader = {k.arg: k.value for k in node.keywords}.get("Loader")
                assert isinstance(loader, ast.Name) and loader.id == "_TextLoader", f"{path.name}:{node.lineno}"


def test_front_matter_values_go_through_the_yaml_dumper_and_read_back_the_same() -> None:
    for value in [*naughty_strings(), *xss_payloads()[::10], 'a: b\n- c\n"d" \\ e', "yes", "null", "2024-01-01"]:
        written = yaml_str(value)
        assert "\n" not in written
        read = yaml.safe_load(f"title: {written}\n")["title"]
        # direction controls dropped, other characters that do not print made spaces
        assert read == "".join(c if c.isprintable() or c in JOINERS else " " for c in strip_controls(value))


def test_the_preview_server_listens_on_this_machine_only() -> None:
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8").replace("!!python/name:", ""))
    assert config["dev_addr"].startswith("127.0.0.1:")
    serve = re.search(r"^serve:.*\n((?:\t.*\n)+)", (ROOT / "Makefile").read_text(encoding="utf-8"), re.M)
    assert serve and "--dev-addr 127.0.0.1:" in serve.group(1)


def test_corpus_text_is_never_template_source() -> None:
    kb = small_kb()
    jinja = "{{ 7*7 }} {% for x in range(3) %}{{ x }}{% endfor %} {# hidden #} {{ self.__init__ }}"
    article = kb.articles[1]
    kb.articles[1] = dataclasses.replace(article, title=f"Title {jinja}", body=article.body, outlet=jinja)
    pages = render(kb, TEMPLATES)
    page = pages[f"articles/{article.id}.md"]
    assert "49" not in page and "012" not in page
    assert "{{ 7\\*7 }}" in page or "{{ 7*7 }}" in page  # shown as written
    for path in SOURCES:
        assert "from_string(" not in path.read_text(encoding="utf-8")  # templates come from files only
