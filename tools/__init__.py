"""Development tools: the benchmark, the quality scorers, the preview and search probes, and the
scripts that derive the package's word tables. They use the ``generator`` package; it does not
use them, and they are not part of the installed package.

Run them from the project's root, e.g. ``python -m tools.eval_facts KB_JSON GOLD_YML``.
"""
