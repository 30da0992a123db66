"""Publish: the rendered pages become the static site (:mod:`.site`), with its search index
(:mod:`.search`). MkDocs reaches them through :mod:`generator.mkdocs_plugin`.
"""
