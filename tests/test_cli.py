"""Tests of generator.cli: the `kb` command's options, its one-line errors and --strict."""

from __future__ import annotations

import errno
import json
import os
from importlib import metadata
from pathlib import Path

import pytest

from generator import cli
from generator.errors import StrictModeError
from generator.models import KnowledgeBase
from generator.settings import DEFAULT_MODEL, BuildOptions, Settings

SITE_URL = "site_url: https://example.org/news/\n"
KB_CONFIG = (
    f"site_name: Test\n{SITE_URL}plugins:\n  - kb:\n      corpus: news\n      workers: 3\n      page_min_mentions: 2\n"
)


_EMPTY = KnowledgeBase([], {}, [])


def config(folder: Path, text: str = KB_CONFIG) -> Path:
    """A mkdocs.yml of ``text`` in ``folder``, with its docs folder."""
    (folder / "docs").mkdir(parents=True, exist_ok=True)
    path = folder / "mkdocs.yml"
    path.write_text(text, encoding="utf-8")
    return path


def one_error_line(err: str) -> str:
    assert "Traceback" not in err
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("error: ")
    return lines[0]


def test_build_options_and_their_defaults() -> None:
    args = cli.parser().parse_args(["build"])
    assert (args.command, args.func) == ("build", cli.cmd_build)
    assert (args.config, args.strict, args.no_curation) == ("mkdocs.yml", False, False)
    assert (args.workers, args.page_min_mentions, args.stats) == (None, None, None)
    options = ["--config", "x.yml", "--strict", "--no-curation", "--workers", "2", "--page-min-mentions", "3"]
    given = cli.parser().parse_args(["build", *options, "--stats", "s.json"])
    assert (given.config, given.strict, given.no_curation) == ("x.yml", True, True)
    assert (given.workers, given.page_min_mentions, given.stats) == (2, 3, "s.json")


def test_export_options_and_their_defaults() -> None:
    args = cli.parser().parse_args(["export", "--corpus", "news", "--output", "kb.json"])
    assert (args.command, args.func) == ("export", cli.cmd_export)
    assert (args.corpus, args.output, args.model) == ("news", "kb.json", DEFAULT_MODEL)
    assert (args.curation, args.no_curation, args.cache_dir) == ("curation.yml", False, ".cache")
    assert (args.workers, args.strict, args.format) == (0, False, "json")
    args = cli.parser().parse_args(["export", "--corpus", "news", "--output", "kb.db", "--format", "sqlite"])
    assert args.format == "sqlite"


def test_export_writes_the_format_asked_for(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    written: list[tuple[Path, str]] = []
    monkeypatch.setattr(cli, "export", lambda settings, output, format: written.append((output, format)) or _EMPTY)
    assert cli.main(["export", "--corpus", "news", "--output", str(tmp_path / "kb.db"), "--format", "sqlite"]) == 0
    assert written == [(tmp_path / "kb.db", "sqlite")]


def test_extract_options_and_their_defaults() -> None:
    args = cli.parser().parse_args(["extract", "--dask", "local"])
    assert (args.command, args.func) == ("extract", cli.cmd_extract)
    assert (args.config, args.dask, args.workers) == ("mkdocs.yml", "local", None)


@pytest.mark.parametrize(
    "argv",
    [
        [],  # a command is required
        ["publish"],
        ["export", "--output", "kb.json"],  # --corpus is required
        ["extract"],  # --dask is required
        ["build", "--workers", "two"],
    ],
)
def test_a_bad_command_line_is_a_usage_error(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        cli.parser().parse_args(argv)
    assert exited.value.code == 2
    assert capsys.readouterr().err.startswith("usage: kb")


def test_settings_come_from_the_kb_plugin_of_mkdocs_yml(tmp_path: Path) -> None:
    settings = BuildOptions(use_curation=False).applied(cli._settings_from_mkdocs(config(tmp_path)))
    assert settings.root == tmp_path
    assert settings.corpus_path == tmp_path / "news"
    assert (settings.workers, settings.page_min_mentions, settings.site_name) == (3, 2, "Test")
    assert (settings.use_curation, settings.curation_path) == (False, None)


def test_a_config_without_the_kb_plugin_is_one_error_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = config(tmp_path, "site_name: Test\n")
    assert cli.main(["build", "--config", str(path)]) == 1
    assert one_error_line(capsys.readouterr().err) == f"error: {path}: the 'kb' plugin is not enabled in plugins"


def test_a_missing_config_file_is_one_error_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "nope.yml"
    assert cli.main(["build", "--config", str(path)]) == 1
    assert one_error_line(capsys.readouterr().err) == f"error: {path}: Config file '{path}' does not exist."


def test_a_plugin_option_of_the_wrong_type_is_an_error_naming_the_config(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = config(tmp_path, KB_CONFIG.replace("workers: 3", "workers: many"))
    assert cli.main(["build", "--config", str(path)]) == 1  # returns, does not exit
    assert capsys.readouterr().err.splitlines()[-1].startswith(f"error: {path}: ")  # after MkDocs' own line


def test_a_missing_corpus_folder_is_one_error_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = config(tmp_path)
    assert cli.main(["build", "--config", str(path)]) == 1
    assert one_error_line(capsys.readouterr().err) == f"error: corpus folder not found: {tmp_path / 'news'}"
    assert not (tmp_path / "site").exists()


def test_export_of_a_missing_corpus_folder_is_one_error_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "kb.json"
    argv = ["export", "--corpus", str(tmp_path / "nowhere"), "--output", str(out)]
    assert cli.main([*argv, "--cache-dir", str(tmp_path / ".cache")]) == 1
    assert one_error_line(capsys.readouterr().err) == f"error: corpus folder not found: {tmp_path / 'nowhere'}"
    assert not out.exists()


def test_an_os_error_is_one_error_line_naming_the_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def full(args: object) -> int:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), "/p/build/docs/index.md")

    monkeypatch.setattr(cli, "cmd_build", full)
    assert cli.main(["build"]) == 1
    assert one_error_line(capsys.readouterr().err) == "error: /p/build/docs/index.md: No space left on device"


def test_strict_export_fails_on_a_skipped_article_after_writing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = tmp_path / "news"
    corpus.mkdir()
    (corpus / "broken.md").write_text("---\ntitle: [unclosed\n---\nText.\n", encoding="utf-8")
    out = tmp_path / "kb.json"
    argv = ["export", "--corpus", str(corpus), "--output", str(out), "--cache-dir", str(tmp_path / ".cache")]
    assert cli.main(argv) == 0
    err = capsys.readouterr().err.splitlines()
    assert err[0].startswith("skipped broken.md: broken front matter: ")
    assert err[1:] == [f"0 articles, 0 entities written to {out}"]
    assert json.loads(out.read_text(encoding="utf-8"))["articles"] == []

    assert cli.main([*argv, "--strict"]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err[-1] == "error: 1 article(s) skipped and --strict is on"
    assert out.is_file()  # written before --strict refused the result


def test_strict_fails_on_skipped_articles_or_warnings() -> None:
    with pytest.raises(StrictModeError) as caught:
        cli._strict(True, 2, 0)
    assert str(caught.value) == "2 article(s) skipped and --strict is on"
    with pytest.raises(StrictModeError) as caught:
        cli._strict(True, 0, 1)
    assert str(caught.value) == "1 warning(s) and --strict is on"
    with pytest.raises(StrictModeError) as caught:
        cli._strict(True, 3, 4)
    assert str(caught.value) == "3 article(s) skipped and 4 warning(s) and --strict is on"


def test_without_strict_or_without_anything_skipped_nothing_fails() -> None:
    cli._strict(False, 5, 5)
    cli._strict(True, 0, 0)


def test_build_sets_the_command_line_options_over_mkdocs_yml_and_holds_the_lock(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[tuple[Settings, str]] = []

    def build(args: object, settings: Settings) -> int:
        lock = tmp_path / ".cache" / "build.lock"
        seen.append((settings, lock.read_text(encoding="utf-8")))
        return 0

    monkeypatch.setattr(cli, "_build", build)
    path = config(tmp_path)
    assert cli.main(["build", "--config", str(path), "--no-curation", "--workers", "1"]) == 0
    [(settings, holder)] = seen
    assert (settings.workers, settings.page_min_mentions, settings.use_curation) == (1, 2, False)
    assert holder == f"{os.getpid()}\n"


def test_version_is_the_installed_packages(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        cli.main(["--version"])
    assert done.value.code == 0
    assert capsys.readouterr().out == f"kb {metadata.version('news-kb')}\n"


def _skipping_export(tmp_path: Path, *flags: str) -> None:
    corpus = tmp_path / "news"
    corpus.mkdir(exist_ok=True)
    (corpus / "broken.md").write_text("---\ntitle: [unclosed\n---\nText.\n", encoding="utf-8")
    out = tmp_path / "kb.json"
    argv = [*flags, "export", "--corpus", str(corpus), "--output", str(out), "--cache-dir", str(tmp_path / ".cache")]
    assert cli.main(argv) == 0


def test_quiet_keeps_warnings_and_errors_and_drops_the_rest(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _skipping_export(tmp_path)
    loud = capsys.readouterr().err.splitlines()
    _skipping_export(tmp_path, "-q")
    quiet = capsys.readouterr().err.splitlines()
    assert len(loud) == 2 and loud[1].endswith("written to " + str(tmp_path / "kb.json"))
    assert quiet == loud[:1] and quiet[0].startswith("skipped broken.md: ")


def test_build_warns_that_feeds_get_relative_links_without_site_url_and_makes_the_docs_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(cli, "_build", lambda args, settings: 0)
    path = tmp_path / "mkdocs.yml"
    path.write_text(KB_CONFIG.replace(SITE_URL, "") + "docs_dir: generated/docs\n", encoding="utf-8")
    assert cli.main(["-q", "build", "--config", str(path)]) == 0
    assert (tmp_path / "generated" / "docs").is_dir()  # MkDocs refuses a docs_dir that does not exist
    assert capsys.readouterr().err == (
        f"warning: site_url is not set in {path}: the feeds (feed.xml, feed.json) will have relative links\n"
    )
    path.write_text(KB_CONFIG + "docs_dir: generated/docs\n", encoding="utf-8")
    assert cli.main(["build", "--config", str(path)]) == 0
    assert capsys.readouterr().err == ""


def test_serve_with_a_missing_config_is_one_error_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["serve", "--config", str(tmp_path / "nope.yml")]) == 1
    assert "nope.yml" in one_error_line(capsys.readouterr().err)
