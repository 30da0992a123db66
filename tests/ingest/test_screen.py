"""Tests of generator.ingest.screen: hostile articles, front matter and editors' YAML files refused in one line."""

from __future__ import annotations

import signal
import threading
import time
from pathlib import Path

import pytest

from generator.errors import ArticleError, ConfigError
from generator.ingest import screen
from generator.ingest.screen import check_front_matter, check_text, load_config_yaml, time_limit, yaml_problem


def refusal(path: Path) -> str:
    """The one-line message of the ConfigError that reading ``path`` raises."""
    with pytest.raises(ConfigError) as caught:
        load_config_yaml(path)
    message = str(caught.value)
    assert "\n" not in message
    assert message.startswith(f"{path}: ")
    return message[len(f"{path}: ") :]


def yaml_file(folder: Path, text: str | bytes, name: str = "topics.yml") -> Path:
    path = folder / name
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return path


def test_a_plain_mapping_is_read_as_its_data(tmp_path: Path) -> None:
    path = yaml_file(tmp_path, "hide: [Portvale]\nrename:\n  Dara W.: Dara Whitlock\nlimit: 3\n")
    assert load_config_yaml(path) == {"hide": ["Portvale"], "rename": {"Dara W.": "Dara Whitlock"}, "limit": 3}


def test_a_byte_order_mark_is_not_part_of_the_data(tmp_path: Path) -> None:
    assert load_config_yaml(yaml_file(tmp_path, "\ufeffhide: [Portvale]\n")) == {"hide": ["Portvale"]}


def test_an_empty_file_is_no_data(tmp_path: Path) -> None:
    assert load_config_yaml(yaml_file(tmp_path, "")) is None


def test_a_link_pointing_outside_its_folder_is_not_read(tmp_path: Path) -> None:
    (tmp_path / "project").mkdir()
    yaml_file(tmp_path, "hide: [secret]\n", "secret.yml")
    link = tmp_path / "project" / "topics.yml"
    link.symlink_to(tmp_path / "secret.yml")
    assert refusal(link) == "a symbolic link pointing outside project/ (not followed); not read"


def test_a_link_to_a_file_in_its_own_folder_is_read(tmp_path: Path) -> None:
    yaml_file(tmp_path, "hide: [Portvale]\n", "shared.yml")
    link = tmp_path / "topics.yml"
    link.symlink_to("shared.yml")
    assert load_config_yaml(link) == {"hide": ["Portvale"]}


def test_a_missing_file_or_a_folder_is_not_read(tmp_path: Path) -> None:
    assert refusal(tmp_path / "nowhere.yml") == "cannot be read: No such file or directory; not read"
    (tmp_path / "topics.yml").mkdir()
    assert refusal(tmp_path / "topics.yml") == "a folder, not a file; not read"


def test_bytes_that_are_not_utf8_are_refused_with_their_offset(tmp_path: Path) -> None:
    path = yaml_file(tmp_path, "hide: [caf\xe9]\n".encode("latin-1"))
    assert refusal(path) == "undecodable bytes at offset 10: not UTF-8 text"


def test_an_anchor_is_refused_before_anything_is_built(tmp_path: Path) -> None:
    path = yaml_file(tmp_path, "a: 1\nb: &x [1, 2]\nc: *x\n")
    assert refusal(path) == "the file uses a YAML anchor on line 2 (not accepted)"


def test_an_alias_is_refused(tmp_path: Path) -> None:
    path = yaml_file(tmp_path, "a: 1\nb: *x\n")
    assert refusal(path) == "the file uses a YAML alias on line 2 (not accepted)"


@pytest.mark.parametrize(
    ("text", "tag"),
    [
        ("a: !!python/object/apply:os.system [ls]\n", "tag:yaml.org,2002:python/object/apply:os.system"),
        ("a: !!str 1\n", "tag:yaml.org,2002:str"),
        ("a: !custom x\n", "!custom"),
    ],
)
def test_a_tag_is_refused_whatever_it_names(tmp_path: Path, text: str, tag: str) -> None:
    assert refusal(yaml_file(tmp_path, text)) == f"the file uses the YAML tag {tag!r} on line 1 (not accepted)"


def nested(levels: int) -> str:
    """Block mappings ``levels`` deep, the top one the first: ``a:`` holds ``b:``, and so on."""
    keys = "abcdefghijk"[:levels]
    return "".join(f"{'  ' * i}{k}:\n" for i, k in enumerate(keys[:-1])) + f"{'  ' * (levels - 1)}{keys[-1]}: 1\n"


def test_eight_levels_of_nesting_are_read_and_nine_refused(tmp_path: Path) -> None:
    data = load_config_yaml(yaml_file(tmp_path, nested(8)))
    assert data == {"a": {"b": {"c": {"d": {"e": {"f": {"g": {"h": 1}}}}}}}}
    assert refusal(yaml_file(tmp_path, nested(9))) == "the file nests over 8 deep on line 9"
    assert load_config_yaml(yaml_file(tmp_path, "a: " + "[" * 7 + "1" + "]" * 7)) == {"a": [[[[[[[1]]]]]]]}
    assert refusal(yaml_file(tmp_path, "a: " + "[" * 8 + "1" + "]" * 8)) == "the file nests over 8 deep on line 1"


def test_deep_flow_nesting_is_refused(tmp_path: Path) -> None:
    path = yaml_file(tmp_path, "a: " + "[" * 50 + "]" * 50 + "\n")
    assert refusal(path) == "the file nests over 8 deep on line 1"


def test_a_file_over_its_size_limit_is_refused_unparsed(tmp_path: Path) -> None:
    path = yaml_file(tmp_path, "a: " + "x" * (screen.MAX_CONFIG_CHARS - 2))
    assert refusal(path) == "the file is 5,000,001 characters, over 5,000,000"


def test_the_size_limit_counts_characters_not_bytes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(screen, "MAX_CONFIG_CHARS", 10)
    assert load_config_yaml(yaml_file(tmp_path, "a: " + "é" * 7)) == {"a": "é" * 7}  # 10 characters, 17 bytes
    assert refusal(yaml_file(tmp_path, "a: " + "é" * 8)) == "the file is 11 characters, over 10"
    # past the bytes read, the cut may split a character: the file is too long, not undecodable
    assert refusal(yaml_file(tmp_path, "é" * 21)) == "the file is over 10 characters"


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("a: [1\n", "not valid YAML: expected ',' or ']', but got '<stream end>' on line 2"),
        ("a:\n\t- 1\n", "not valid YAML: found character '\\t' that cannot start any token on line 2"),
        ("when: 2021-13-01\n", "not valid YAML: month must be in 1..12"),  # parsed, then refused as a date
    ],
)
def test_text_that_is_not_yaml_is_refused_in_one_line(tmp_path: Path, text: str, reason: str) -> None:
    assert refusal(yaml_file(tmp_path, text)) == reason


def test_yaml_problem_is_none_for_plain_yaml_and_names_what_it_screens() -> None:
    assert yaml_problem("a: [1, 2]\nb: {c: d}\n", "the file", 100) is None
    assert yaml_problem("a: 1234567\n", "overrides", 5) == "overrides is 11 characters, over 5"
    end = "expected the node content, but found '<stream end>' on line 2"
    assert yaml_problem("a: [\n", "x", 100) == f"not valid YAML: {end}"
    assert yaml_problem("a: [\n", "x", 100, broken="broken") == f"broken: {end}"


def test_front_matter_with_an_anchor_is_an_article_error() -> None:
    with pytest.raises(ArticleError) as caught:
        check_front_matter("news/a.md", "title: x\nauthor: &a Dara\n")
    assert str(caught.value) == "news/a.md: front matter uses a YAML anchor on line 2 (not accepted)"
    assert caught.value.path == "news/a.md"


def test_front_matter_over_its_size_or_broken_is_an_article_error() -> None:
    with pytest.raises(ArticleError, match=r"^a\.md: front matter is 64,001 characters, over 64,000$"):
        check_front_matter("a.md", "x" * 64_001)
    with pytest.raises(ArticleError, match=r"^a\.md: broken front matter: expected ',' or '\]'"):
        check_front_matter("a.md", "title: [x")
    check_front_matter("a.md", "title: Ferry\ntags: [a, b]\n")  # plain front matter passes


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Intro\n\nThe {{ config }} leaked.", "template syntax '{{' on line 3"),
        ("A {# comment #}", "template syntax '{#' on line 1"),
        ("x\n{% include 'secret' %}", "template syntax '{%' on line 2"),
        ("x\ny\n{%- set a = 1 %}", "template syntax '{%' on line 3"),
        ("See --8<-- '/etc/passwd'", "include directive '--8<--' on line 1"),
        ("a\n-8<-", "include directive '-8<-' on line 2"),
    ],
)
def test_template_syntax_and_include_directives_are_refused_with_their_line(text: str, found: str) -> None:
    with pytest.raises(ArticleError) as caught:
        check_text("news/a.md", text)
    assert str(caught.value) == f"news/a.md: {found} (not accepted in articles)"


def test_deep_list_or_quote_nesting_is_refused_with_its_line() -> None:
    for marker in ("- ", "> ", "1. ", "* ", "+ "):
        check_text("a.md", "text\n" + marker * screen.MAX_NESTING + "deep but allowed")
        with pytest.raises(ArticleError) as caught:
            check_text("a.md", "text\n" + marker * (screen.MAX_NESTING + 1) + "too deep")
        assert str(caught.value) == "a.md: line 2 nests lists or quotes over 20 deep"


def test_ordinary_text_with_braces_and_arrows_passes() -> None:
    check_text("a.md", "A {brace} and {% 5 and 8<3 -- fine.\n\n- one\n  - two\n\n> quote\n>> reply\n")


def test_a_block_over_its_time_limit_is_an_article_error() -> None:
    before = signal.getsignal(signal.SIGALRM)
    t = time.perf_counter()
    with pytest.raises(ArticleError) as caught, time_limit("slow.md", 0.05):
        time.sleep(5)
    assert time.perf_counter() - t < 1
    assert str(caught.value) == "slow.md: took over 0.05 s to read and clean"
    assert signal.getsignal(signal.SIGALRM) == before


def test_a_block_within_its_time_limit_is_left_alone_and_its_timer_stopped() -> None:
    before = signal.getsignal(signal.SIGALRM)
    with time_limit("fast.md", 0.05):
        total = sum(range(1000))
    assert total == 499500
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    time.sleep(0.1)  # nothing fires after the block
    assert signal.getsignal(signal.SIGALRM) == before


def test_no_time_limit_outside_the_main_thread_or_without_seconds() -> None:
    ended: list[bool] = []

    def work() -> None:
        with time_limit("a.md", 0.01):
            time.sleep(0.05)
        ended.append(True)

    thread = threading.Thread(target=work)
    thread.start()
    thread.join(5)
    assert ended == [True]
    with time_limit("a.md", 0):
        time.sleep(0.02)
