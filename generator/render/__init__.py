"""Render: the knowledge base as Markdown pages for MkDocs (:mod:`.pages`), page paths
(:mod:`.paths`), ``kb.json`` (:mod:`.kbjson`), feeds, JSON-LD and the views (timeline, graph,
similar entities, summaries, disagreements), with the text escaped for Markdown and HTML
(:mod:`.text_safety`, :mod:`.html_safety`).
"""
