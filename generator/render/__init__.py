"""Render: the knowledge base as the files of the docs folder MkDocs reads.

:func:`render_files` yields every file: the Markdown pages, through Jinja templates
(:mod:`.pages`, with the view models of the timeline, graph, similar entities, summaries and
disagreements), ``kb.json`` (:mod:`.kbjson`), the feeds and the assets. Corpus text is made
inert for Markdown (:mod:`.markdown`) and HTML (:mod:`.fragments`, :mod:`.html_safety`,
:mod:`.text_safety`); :mod:`.paths` says where each page goes. :func:`sync` writes the files
into the docs folder, only what changed (:mod:`.docs_folder`).
"""

from generator.render.docs_folder import remove_generated, sync, write_changed
from generator.render.pages import render_files

__all__ = ["remove_generated", "render_files", "sync", "write_changed"]
