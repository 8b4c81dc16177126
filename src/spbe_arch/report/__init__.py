"""Reports: one small function per output format, all ``(result, lang, color) -> str``.

``render(fmt, result)`` is what ``spbe-arch check --format`` prints; ``choose_format`` resolves
``auto`` from the environment.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping

from spbe_arch.report.common import DOCS_URL, rule_url, summary_line
from spbe_arch.report.github import render_github
from spbe_arch.report.json import render_json
from spbe_arch.report.sarif import render_sarif
from spbe_arch.report.text import render_text
from spbe_arch.results import Checked

Renderer = Callable[[Checked, str, bool], str]


def render_junit(result: Checked, lang: str = "id", color: bool = False) -> str:
    """JUnit XML (:func:`spbe_arch.report.junit.render_junit`; imported when asked: the XML
    library is a tenth of the start-up of a check answered from its cache)."""
    from spbe_arch.report.junit import render_junit as render

    return render(result, lang, color)


_RENDERERS: dict[str, Renderer] = {
    "text": render_text,
    "json": render_json,
    "github": render_github,
    "sarif": render_sarif,
    "junit": render_junit,
}

FORMATS: tuple[str, ...] = tuple(_RENDERERS)
"""Every output format, the default first."""


def choose_format(fmt: str, env: Mapping[str, str] | None = None) -> str:
    """Resolve ``auto``: ``github`` inside GitHub Actions, else ``text``; other names unchanged."""
    if fmt != "auto":
        return fmt
    environ = os.environ if env is None else env
    return "github" if environ.get("GITHUB_ACTIONS") == "true" else "text"


def render(fmt: str, result: Checked, *, lang: str = "id", color: bool = False) -> str:
    """The whole report in ``fmt`` (one of :data:`FORMATS`), ending with a newline."""
    try:
        renderer = _RENDERERS[fmt]
    except KeyError:
        raise ValueError(f"unknown report format {fmt!r}; expected one of {FORMATS}") from None
    return renderer(result, lang, color)


__all__ = ["DOCS_URL", "FORMATS", "choose_format", "render", "rule_url", "summary_line"]
