"""The lowest versions of the site's dependencies that carry the fixes for known advisories.

``pyproject.toml`` pins each of these with the advisory beside it; the
test-suite checks both that file and the installed versions against this table,
offline.
"""

from __future__ import annotations

from importlib import metadata

from packaging.version import Version

# package: (lowest safe version, what the pin answers)
PINS: dict[str, tuple[str, str]] = {
    "jinja2": ("3.1.6", "CVE-2025-27516 (GHSA-cpwx-vrp4-4pq7): sandbox escape through the |attr filter"),
    "pyyaml": ("5.4", "CVE-2020-14343: arbitrary code execution through full_load and FullLoader"),
    "markdown": (
        "3.8.1",
        "GHSA-5wmx-573v-2qwq: malformed HTML-like text raises an uncaught AssertionError (denial of service)",
    ),
    "pymdown-extensions": (
        "11.0.2",
        "CVE-2026-46338 (GHSA-62q4-447f-wv8h, fixed in 10.21.3): path traversal in snippets; "
        "CVE-2026-61632 (GHSA-9xwg-3r6f-jcx2, 11.0.0): path traversal in b64; "
        "CVE-2026-67422 (GHSA-gm37-52c6-37mw, 11.0.1): ReDoS in caret, tilde, betterem and magiclink",
    ),
    "mkdocs-material": ("9.7.7", "CVE-2026-73295 (GHSA-xvg9-69gf-fjrf): DOM-based XSS in search suggestions"),
    "mkdocs": ("1.2.3", "CVE-2021-40978: directory traversal in the development server"),
}


def below_pins() -> list[str]:
    """Installed packages older than their pin, each with the advisory it misses."""
    problems = []
    for package, (lowest, advisory) in PINS.items():
        try:
            installed = metadata.version(package)
        except metadata.PackageNotFoundError:
            problems.append(f"{package} is not installed")
            continue
        if Version(installed) < Version(lowest):
            problems.append(f"{package} {installed} is older than {lowest}: {advisory}")
    return problems
