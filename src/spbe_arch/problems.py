"""The one record every stage produces: a located, sortable problem."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum


class Severity(str, Enum):
    """How serious a problem is; the order of members is the order of seriousness."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        """0 for error, 1 for warning, 2 for info."""
        return _RANK[self]


_RANK = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}


@dataclass(frozen=True, slots=True, order=True)
class Problem:
    """A problem found in a model, with its exact place in the user's files.

    ``line`` and ``column`` are 1-based. ``message`` is in Bahasa Indonesia, ``message_en`` in
    English; reports choose one by language. ``path`` is the key path inside the file
    (``aplikasi[3].data[0]``). Problems sort by (file, line, column, code).
    """

    file: str
    line: int
    column: int
    code: str
    severity: Severity = field(compare=False)
    message: str = field(compare=False)
    message_en: str = field(compare=False, default="")
    end_line: int | None = field(compare=False, default=None)
    end_column: int | None = field(compare=False, default=None)
    path: str = field(compare=False, default="")
    element_id: str | None = field(compare=False, default=None)
    hint: str | None = field(compare=False, default=None)
    hint_en: str | None = field(compare=False, default=None)

    def text(self, lang: str = "id") -> str:
        """The message in the given language (``id`` or ``en``)."""
        if lang == "en" and self.message_en:
            return self.message_en
        return self.message

    def hint_text(self, lang: str = "id") -> str | None:
        """The hint in the given language, if any."""
        if lang == "en" and self.hint_en:
            return self.hint_en
        return self.hint

    def to_dict(self, lang: str = "id") -> dict[str, object]:
        """A JSON-ready dict: the contract of ``--format json``."""
        out: dict[str, object] = {
            "code": self.code,
            "severity": self.severity.value,
            "message": self.text(lang),
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "path": self.path,
            "element_id": self.element_id,
            "hint": self.hint_text(lang),
        }
        return out


def sort_key(problem: Problem) -> tuple[str, int, int, str]:
    """The order of problems, (file, line, column, code), as a key: sorting with it gives the
    order of the dataclass comparison, without comparing field tuples built per comparison."""
    return (problem.file, problem.line, problem.column, problem.code)


def sort_problems(problems: list[Problem]) -> None:
    """Sort problems in place by (file, line, column, code), equal ones keeping their order."""
    problems.sort(key=sort_key)


def summarize(problems: list[Problem]) -> dict[str, int]:
    """Counts per severity, plus the number of distinct files with problems."""
    counts = {s.value: 0 for s in Severity}
    for p in problems:
        counts[p.severity.value] += 1
    counts["files"] = len({p.file for p in problems})
    return counts
