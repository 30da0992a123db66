"""Publish: the rendered pages become the static site (:mod:`.site`), with its search index
(:mod:`.search`); :mod:`.mkdocs_plugin` is the glue MkDocs calls.
"""
