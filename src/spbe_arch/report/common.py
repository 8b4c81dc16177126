"""What every format shares: the documentation URL, severity words and the summary line."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spbe_arch.problems import Problem, Severity, summarize
from spbe_arch.results import Checked

if TYPE_CHECKING:
    from spbe_arch.rules import Rule

DOCS_URL = "docs/rules.md"
"""Where the rule documentation is: docs/rules.md in spbe-arch's source tree (each rule a
heading anchored by its code), in every fork or vendored copy. spbe-arch has no published web
home, so no absolute URL is claimed; ``spbe-arch explain CODE`` prints the same text offline."""

SEVERITY_WORDS: dict[str, dict[Severity, str]] = {
    "id": {Severity.ERROR: "galat", Severity.WARNING: "peringatan", Severity.INFO: "catatan"},
    "en": {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "info"},
}

HINT_LABEL = {"id": "saran", "en": "hint"}


def rule_url(code: str) -> str:
    """The documentation of one rule (``docs/rules.md#spbe-apl-001``)."""
    return f"{DOCS_URL}#{code.lower()}"


def rule_of(code: str) -> Rule | None:
    """The registered rule of a problem code, or None for a code the registry does not know."""
    from spbe_arch.rules import REGISTRY  # the rules import the models: only when asked

    return REGISTRY.get(code)


def rule_title(problem: Problem) -> str:
    """``CODE name`` (just the code when the rule is not registered)."""
    found = rule_of(problem.code)
    return f"{problem.code} {found.name}" if found is not None else problem.code


def files_checked(result: Checked) -> int:
    """The model files loaded, plus each repository's ``spbe.yaml``."""
    return result.files_checked


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def summary_line(result: Checked, lang: str = "id") -> str:
    """One line of counts, e.g. ``2 galat, 1 peringatan, 0 catatan di 3 berkas (5 elemen)``."""
    counts = summarize(result.problems)
    return counts_line(counts, result.files_checked, result.elements, lang)


def counts_line(counts: dict[str, int], files: int, elements: int, lang: str = "id") -> str:
    """:func:`summary_line` from the counts themselves (problems by severity, files, elements)."""
    if lang == "en":
        return (
            f"{_count(counts['error'], 'error', 'errors')}, "
            f"{_count(counts['warning'], 'warning', 'warnings')}, "
            f"{_count(counts['info'], 'note', 'notes')} in "
            f"{_count(files, 'file', 'files')} ({_count(elements, 'element', 'elements')})"
        )
    return (
        f"{counts['error']} galat, {counts['warning']} peringatan, {counts['info']} catatan "
        f"di {files} berkas ({elements} elemen)"
    )
