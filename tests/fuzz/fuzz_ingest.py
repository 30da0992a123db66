"""Coverage-guided fuzzing of ingest and the escaping of rendered text (atheris / libFuzzer).

``make fuzz`` runs it for a fixed time (FUZZ_SECONDS). Any exception other than
:class:`ArticleError` (an article refused with a reason) is a crash, and libFuzzer
saves the input that caused it.

    python tests/fuzz/fuzz_ingest.py -max_total_time=60 <seed folder>
"""

from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports(include=["generator"]):
    from generator.errors import ArticleError
    from generator.ingest import readers as ingest
    from generator.ingest import screen
    from generator.render import pages as render

KINDS = {"text": "txt", "markdown": "md", "html": "html"}


def one_input(data: bytes) -> None:
    if not data:
        return
    kind = list(KINDS)[data[0] % len(KINDS)]
    path = f"fuzz.{KINDS[kind]}"
    try:
        text = ingest.decode(path, data[1:], 200_000)
        with screen.time_limit(path, 5.0):
            article = ingest.to_article(ingest.RawDocument(path, kind, text), "fuzz")
    except ArticleError:
        return
    for value in (article.title, article.body, article.author or "", article.outlet or ""):
        render.md_escape(value)
        render.yaml_str(value)
    if article.url is not None and ingest.safe_url(article.url) is None:
        raise AssertionError(f"an unsafe url was kept: {article.url!r}")


def main() -> None:
    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
