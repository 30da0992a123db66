"""Tests of generator.ingest.readers: every readable file becomes an Article, every bad one a Problem."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.ingest.readers import corpus_files, ingest
from generator.models import Article, Problem

P1 = "The council of Portvale voted on Tuesday to approve a new ferry line to the northern islands."
P2 = "Councillor Dara Whitlock said the route would open in the spring, carrying four hundred people a day."
TEXT = f"Harbor Council Approves Ferry Route\nReuters Published 12 Mar, 2021 10:02am\nBy Jane Roe\n\n{P1}\n\n{P2}\n"
HTML = f"""<!doctype html><html><head>
<title>Harbor Council Approves Ferry Route | Portvale Post</title>
<meta name="author" content="Mira Calloway"><meta property="og:site_name" content="Portvale Post">
<meta property="article:published_time" content="2021-03-12">
<link rel="canonical" href="https://portvale.example/news/ferry-route">
</head><body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Harbor Council Approves Ferry Route</h1><p>{P1}</p><p>{P2}</p>
<p>Residents of the islands have asked for a direct ferry service for more than a decade, the harbor office said.</p>
</article><footer>Contact the newsroom at the harbor gate.</footer></body></html>"""


def write(folder: Path, name: str, content: str | bytes) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def only(folder: Path) -> Article:
    articles, problems = ingest(folder)
    assert problems == []
    assert len(articles) == 1
    return articles[0]


def test_plain_text(tmp_path: Path) -> None:
    write(tmp_path, "ferry.txt", "Advertisement • Scroll to continue.\n" + TEXT + "Share this article\n")
    article = only(tmp_path)
    assert (article.id, article.path, article.title) == ("ferry", "ferry.txt", "Harbor Council Approves Ferry Route")
    assert (article.date, article.date_source) == ("2021-03-12", "metadata")
    assert (article.outlet, article.author, article.url) == ("Reuters", "Jane Roe", None)
    assert article.body == f"{P1}\n\n{P2}"
    assert "Advertisement • Scroll to continue." in article.removed
    assert "By Jane Roe" in article.removed


def test_bom_and_crlf(tmp_path: Path) -> None:
    write(tmp_path, "ferry.txt", ("\ufeff" + TEXT).replace("\n", "\r\n").encode("utf-8"))
    article = only(tmp_path)
    assert article.title == "Harbor Council Approves Ferry Route"
    assert "\r" not in article.body and article.body == f"{P1}\n\n{P2}"


def test_markdown_front_matter_wins(tmp_path: Path) -> None:
    front = (
        "---\ntitle: Ferry Route Approved\ndate: 2022-01-05\noutlet: Portvale Post\n"
        "author: Mira Calloway\nurl: https://portvale.example/ferry\n---\n"
    )
    body = (
        "# Ferry Route Approved\n\nReuters Published 12 Mar, 2021 10:02am\nBy Jane Roe\n\n"
        f"{P1} See the [map](http://x.example).\n\n**{P2}**\n"
    )
    write(tmp_path, "ferry.md", front + body)
    article = only(tmp_path)
    assert article.title == "Ferry Route Approved"
    assert (article.date, article.date_source) == ("2022-01-05", "metadata")
    assert (article.outlet, article.author) == ("Portvale Post", "Mira Calloway")
    assert article.url == "https://portvale.example/ferry"
    assert article.body == f"{P1} See the map.\n\n{P2}"


def test_markdown_without_front_matter(tmp_path: Path) -> None:
    write(tmp_path, "ferry.markdown", f"## Harbor Council Approves Ferry Route\n\n> {P1}\n")
    article = only(tmp_path)
    assert (article.title, article.body) == ("Harbor Council Approves Ferry Route", P1)


def test_html(tmp_path: Path) -> None:
    write(tmp_path, "news/ferry.html", HTML)
    article = only(tmp_path)
    assert (article.id, article.path) == ("news-ferry", "news/ferry.html")
    assert article.title == "Harbor Council Approves Ferry Route"
    assert (article.date, article.date_source) == ("2021-03-12", "metadata")
    assert (article.outlet, article.author) == ("Portvale Post", "Mira Calloway")
    assert article.url == "https://portvale.example/news/ferry-route"
    assert article.body.startswith(f"{P1}\n\n{P2}\n\n")
    assert "Home" not in article.body and "Harbor Council Approves" not in article.body


def test_markdown_subheadings_are_kept_as_headings(tmp_path: Path) -> None:
    body = (
        f"# Ferry Route Approved\n\n{P1}\n\n### Reaction on the *islands* ###\n\n{P2}\n\n"
        "#### What [Whitlock](http://x.example) said\n\nMore to come.\n\n# # #\n"
    )
    write(tmp_path, "ferry.md", body)
    article = only(tmp_path)
    assert article.title == "Ferry Route Approved"  # the first heading is the title, not a subheading
    assert article.headings == ((2, "Reaction on the *islands*"), (3, "What Whitlock said"))
    paragraphs = article.body.split("\n\n")
    assert paragraphs == [P1, "Reaction on the *islands*", P2, "What Whitlock said", "More to come."]
    # a press release's end mark ("# # #") is not a paragraph


def test_html_subheadings_are_kept_as_headings(tmp_path: Path) -> None:
    write(tmp_path, "ferry.html", HTML.replace(f"<p>{P2}</p>", f"<h2>Reaction on the <em>islands</em></h2><p>{P2}</p>"))
    article = only(tmp_path)
    assert article.headings == ((2, "Reaction on the islands"),)
    assert "\n\nReaction on the islands\n\n" in article.body


def test_plain_text_has_no_headings(tmp_path: Path) -> None:
    write(tmp_path, "ferry.txt", f"## Not markup in a text file\n\n{P1}\n")
    assert only(tmp_path).headings == ()


BAD_FILES: list[tuple[str, bytes, str]] = [
    ("bad-utf8.txt", b"Harbor news\n\xff\xfe broken bytes here", "not UTF-8"),
    ("nul.txt", b"Harbor news\x00\x01\x02", "NUL bytes"),
    ("empty.txt", b"", "empty file"),
    ("blank.md", b"  \n\t\n", "empty file"),
    ("broken.md", b"---\ntitle: [unclosed\n---\nBody text here.\n", "broken front matter"),
    ("list.md", b"---\n- one\n- two\n---\nBody text here.\n", "expected key: value pairs"),
    ("furniture.txt", b"Advertisement\nShare this article\nSee related video:\n", "furniture ('Advertisement';"),
    ("heading-only.md", b"---\ntitle: Fact sheet\n---\n\n###\n", "no article text"),
    ("empty.html", b"<html><head><title>Ferry</title></head><body></body></html>", "no article text found"),
    ("huge.txt", b"Harbor news. " * 200, "over the limit of 2,000"),
    # hostile front matter: refused before anything is built from it
    ("alias-bomb.md", b"---\na: &a [x, x]\nb: &b [*a, *a]\ntitle: *b\n---\nBody text here.\n", "YAML anchor"),
    ("alias.md", b"---\ntitle: *nothing\n---\nBody text here.\n", "YAML alias"),
    ("tag.md", b"---\ntitle: !!python/object/apply:os.system [ls]\n---\nBody text here.\n", "YAML tag"),
    ("deep-yaml.md", b"---\ntitle: " + b"[" * 50 + b"]" * 50 + b"\n---\nBody text here.\n", "nests over 8"),
    # text other tools would act on
    ("jinja.txt", b"Harbor news.\nThe council said {{ config.secret }} today.\n", "template syntax '{{' on line 2"),
    ("jinja-block.md", b"Harbor news {% include 'x' %} here.\n", "template syntax '{%'"),
    ("snippet.md", b'Harbor news.\n\n--8<-- "/etc/passwd"\n', "include directive '--8<--' on line 3"),
    ("nested.md", b"- " * 500 + b"x", "line 1 nests lists or quotes over 20 deep"),
    ("quotes.md", b">" * 300 + b" x", "nests lists or quotes"),
]


@pytest.mark.parametrize(("name", "data", "reason"), BAD_FILES, ids=[b[0] for b in BAD_FILES])
def test_bad_file_is_a_problem(tmp_path: Path, name: str, data: bytes, reason: str) -> None:
    write(tmp_path, "a-good.txt", TEXT)
    write(tmp_path, name, data)
    write(tmp_path, "z-good.txt", TEXT)
    articles, problems = ingest(tmp_path, max_bytes=2_000)
    assert [a.path for a in articles] == ["a-good.txt", "z-good.txt"]
    assert len(problems) == 1 and isinstance(problems[0], Problem)
    assert problems[0].path == name
    assert reason in problems[0].reason
    assert str(problems[0]).startswith(f"{name}: ")


BAD_VALUES: list[tuple[str, str, str, str]] = [
    ("date: sometime soon", "date", "front matter date 'sometime soon' is not a valid date with a year; ignored", ""),
    ("date: 2023-02-30", "date", "front matter date '2023-02-30' is not a valid date", ""),
    ("date: 9999-99-99", "date", "front matter date '9999-99-99' is not a valid date", ""),
    ("date: '-5000'", "date", "front matter date '-5000' is not a valid date", ""),
    ("title: [a, b]", "title", "front matter title is a list, not text; ignored", "The council of Portvale voted"),
    ("author: {name: x}", "author", "front matter author is a mapping, not text; ignored", ""),
    ("url: javascript:alert(1)", "url", "front matter url 'javascript:alert(1)' is not an http(s) address", ""),
]


@pytest.mark.parametrize(("line", "field", "warning", "kept"), BAD_VALUES, ids=[b[0] for b in BAD_VALUES])
def test_a_bad_front_matter_value_is_dropped_not_the_article(
    tmp_path: Path, line: str, field: str, warning: str, kept: str
) -> None:
    write(tmp_path, "bad-value.md", f"---\n{line}\noutlet: Portvale Gazette\n---\n{P1}\n")
    articles, problems = ingest(tmp_path)
    assert problems == []
    (article,) = articles
    assert article.outlet == "Portvale Gazette" and P1 in article.body
    assert len(article.warnings) == 1 and article.warnings[0].startswith(warning)
    value = getattr(article, field)  # dropped: detected from the text, or none
    assert (value or "").startswith(kept) if kept else value is None


def test_a_symlink_or_a_non_regular_file_in_the_corpus_is_skipped_with_its_reason(tmp_path: Path) -> None:
    import os

    corpus = tmp_path / "corpus"
    write(corpus, "good.txt", TEXT)
    secret = tmp_path / "secret.txt"
    secret.write_text("root:x:0:0:secret line\n" * 5, encoding="utf-8")
    (tmp_path / "outside").mkdir()
    write(tmp_path / "outside", "leak.txt", TEXT)
    (corpus / "passwd.txt").symlink_to(secret)
    (corpus / "relative.md").symlink_to(Path("..") / "secret.txt")
    (corpus / "folder-link").symlink_to(tmp_path / "outside", target_is_directory=True)
    (corpus / "inside-link").symlink_to(corpus, target_is_directory=True)
    (corpus / "broken.txt").symlink_to(tmp_path / "missing.txt")
    (corpus / "same.txt").symlink_to("good.txt")  # a link to an article of the corpus is read
    os.mkfifo(corpus / "pipe.txt")
    (corpus / "folder.md").mkdir()
    write(corpus / "folder.md", "inner.txt", TEXT)
    articles, problems = ingest(corpus)
    assert sorted(a.path for a in articles) == ["folder.md/inner.txt", "good.txt", "same.txt"]
    assert all("secret line" not in a.body for a in articles)
    reasons = {p.path: p.reason for p in problems}
    assert reasons == {
        "passwd.txt": "a symbolic link pointing outside corpus/ (not followed)",
        "relative.md": "a symbolic link pointing outside corpus/ (not followed)",
        "folder-link": "a symbolic link pointing outside corpus/ (not followed)",
        "inside-link": "a symbolic link to a folder (not followed)",
        "broken.txt": "a symbolic link pointing outside corpus/ (not followed)",
        "pipe.txt": "a FIFO (named pipe), not a regular file",
        "folder.md": "a folder, not a file",
    }


def test_a_file_swapped_for_a_link_after_listing_is_not_read(tmp_path: Path) -> None:
    from generator import safe_files

    corpus = tmp_path / "corpus"
    write(corpus, "a.txt", TEXT)
    (tmp_path / "secret.txt").write_text("secret", encoding="utf-8")
    listed = corpus_files(corpus)
    (corpus / "a.txt").unlink()
    (corpus / "a.txt").symlink_to(tmp_path / "secret.txt")
    with pytest.raises(safe_files.UnsafeFile, match="outside corpus/"):
        safe_files.read_inside(listed[0], corpus)


def test_front_matter_over_its_size_limit_is_a_problem(tmp_path: Path) -> None:
    write(tmp_path, "big-yaml.md", "---\nnote: " + "x" * 70_000 + "\n---\nBody text here.\n")
    articles, problems = ingest(tmp_path)
    assert articles == [] and "front matter is 70,006 characters, over 64,000" in problems[0].reason


def test_real_text_is_not_refused(tmp_path: Path) -> None:
    """What the screen refuses is what no article needs: ordinary lists, quotes and braces pass."""
    body = f"{P1}\n\n- one\n  - two\n    - three\n\n> a quote\n>> a reply\n\n1. a {{brace}} and 8<3 -- fine\n"
    write(tmp_path, "lists.md", f"---\ntitle: Lists\nurl: https://portvale.example/a?b=c\n---\n{body}")
    article = only(tmp_path)
    assert article.url == "https://portvale.example/a?b=c"
    assert "a {brace}" in article.body


def test_an_article_over_the_time_limit_is_a_problem(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import time

    import generator.ingest.readers as ingest_module

    real = ingest_module.to_article

    def slow(raw, article_id):  # type: ignore[no-untyped-def]
        if raw.path == "slow.txt":
            time.sleep(5)
        return real(raw, article_id)

    monkeypatch.setattr(ingest_module, "to_article", slow)
    write(tmp_path, "fast.txt", TEXT)
    write(tmp_path, "slow.txt", TEXT)
    started = time.perf_counter()
    articles, problems = ingest(tmp_path, max_seconds=0.2)
    assert time.perf_counter() - started < 3
    assert [a.path for a in articles] == ["fast.txt"]
    assert [(p.path, p.reason) for p in problems] == [("slow.txt", "took over 0.2 s to read and clean")]


def test_an_unexpected_reader_failure_is_a_problem(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import generator.ingest.readers as ingest_module

    def broken(path, html):  # type: ignore[no-untyped-def]
        raise ValueError("parser gave up")

    monkeypatch.setattr(ingest_module, "html_to_text", broken)
    write(tmp_path, "a.html", HTML)
    write(tmp_path, "b.txt", TEXT)
    articles, problems = ingest(tmp_path)
    assert [a.path for a in articles] == ["b.txt"]
    assert [(p.path, p.reason) for p in problems] == [("a.html", "cannot be read: ValueError: parser gave up")]


def test_a_date_the_file_name_starts_with_dates_the_article(tmp_path: Path) -> None:
    write(tmp_path, "2020-03-11-Ferry_route_approved.txt", f"Ferry route approved\n\n{P1}\n")
    write(tmp_path, "2020-03-12-front-matter-wins.md", f"---\ndate: 2021-01-02\n---\n{P1}\n")
    write(tmp_path, "2020-03-13-published-line.txt", f"Ferry route approved\n\nPublished 12 Mar, 2021\n\n{P1}\n")
    articles, _ = ingest(tmp_path)
    assert [(a.date, a.date_source) for a in articles] == [
        ("2020-03-11", "metadata"),
        ("2021-01-02", "metadata"),
        ("2020-03-13", "metadata"),
    ]


def test_impossible_front_matter_date_leaves_the_article_undated(tmp_path: Path) -> None:
    write(tmp_path, "bad.md", "---\ndate: 2021-13-45\n---\nBody text here.\n")
    write(tmp_path, "good.txt", TEXT)
    articles, problems = ingest(tmp_path)
    assert [(a.path, a.date) for a in articles] == [("bad.md", None), ("good.txt", "2021-03-12")]
    assert problems == [] and "2021-13-45" in articles[0].warnings[0]


def test_empty_front_matter(tmp_path: Path) -> None:
    write(tmp_path, "ferry.md", f"---\n---\n{TEXT}")
    assert only(tmp_path).title == "Harbor Council Approves Ferry Route"


def test_front_matter_values_are_kept_as_written(tmp_path: Path) -> None:
    write(tmp_path, "ferry.md", f"---\ntitle: Yes\nauthor: Jane Roe\n---\n{P1}\n")
    assert only(tmp_path).title == "Yes"


def test_ids_unique_deterministic_and_safe(tmp_path: Path) -> None:
    for name in ["a-b.txt", "a/b.txt", "a b.md", "A-B.html", "x/.y.txt", "ünï.txt", "!!.txt"]:
        write(tmp_path, name, HTML if name.endswith(".html") else TEXT)
    first, problems = ingest(tmp_path)
    second, _ = ingest(tmp_path)
    assert problems == []
    ids = [a.id for a in first]
    assert ids == [a.id for a in second]
    assert len(set(ids)) == len(ids) == 6
    assert all(re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", i) for i in ids)
    assert [(a.path, a.id) for a in first][1:] == [
        ("A-B.html", "a-b"),
        ("a b.md", "a-b-2"),
        ("a-b.txt", "a-b-3"),
        ("a/b.txt", "a-b-4"),
        ("ünï.txt", "uni"),
    ]
    assert first[0].id.startswith("article-")


def test_hidden_and_unknown_files_skipped(tmp_path: Path) -> None:
    write(tmp_path, "keep.txt", TEXT)
    write(tmp_path, "sub/keep.HTM", HTML)
    for name in [".hidden.txt", ".git/notes.txt", "sub/.cache/x.md", "notes.pdf", "README"]:
        write(tmp_path, name, TEXT)
    assert [p.relative_to(tmp_path).as_posix() for p in corpus_files(tmp_path)] == ["keep.txt", "sub/keep.HTM"]
    articles, problems = ingest(tmp_path)
    assert [a.path for a in articles] == ["keep.txt", "sub/keep.HTM"]
    assert problems == []


def test_an_article_with_no_text_says_so_without_blaming_furniture(tmp_path: Path) -> None:
    write(tmp_path, "heading-only.md", b"---\ntitle: Fact sheet\n---\n\n###\n")
    _, problems = ingest(tmp_path, max_bytes=2_000)
    assert [p.reason for p in problems] == ["no article text"]
