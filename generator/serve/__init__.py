"""Serve: the live preview under ``mkdocs serve`` (:mod:`.preview`, :mod:`.page_preview`), the
corpus watcher (:mod:`.watching`) and a clean shutdown (:mod:`.serve_shutdown`).
"""
