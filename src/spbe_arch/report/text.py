"""The default report: problems grouped by file, with the source line and a caret under it."""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping

from spbe_arch.check import CheckResult
from spbe_arch.problems import Problem, Severity
from spbe_arch.report.common import HINT_LABEL, SEVERITY_WORDS, summary_line
from spbe_arch.report.source import Reader, SourceLines, read_file

_RESET = "\x1b[0m"
_BOLD = "\x1b[1m"
_COLORS = {Severity.ERROR: "\x1b[31m", Severity.WARNING: "\x1b[33m", Severity.INFO: "\x1b[36m"}


def _paint(text: str, code: str, color: bool) -> str:
    return f"{code}{text}{_RESET}" if color else text


def _pad_for(text: str) -> str:
    """Blank space as wide as ``text`` on a terminal: tabs kept, wide characters doubled."""
    out = []
    for char in text:
        if char == "\t":
            out.append("\t")
        elif unicodedata.east_asian_width(char) in ("W", "F"):
            out.append("  ")
        elif not unicodedata.combining(char):
            out.append(" ")
    return "".join(out)


def caret(line: str, column: int, end_column: int | None = None) -> str:
    """The marker under ``line``: ``^`` at ``column``, ``~`` up to ``end_column`` (exclusive)."""
    start = min(max(column, 1), len(line) + 1)
    width = 1
    if end_column is not None and end_column > start:
        width = min(end_column, len(line) + 1) - start
    return _pad_for(line[: start - 1]) + "^" + "~" * max(width - 1, 0)


def _problem_lines(
    problem: Problem, sources: SourceLines, lang: str, color: bool, loc_width: int
) -> list[str]:
    words = SEVERITY_WORDS.get(lang, SEVERITY_WORDS["id"])
    label_width = max(len(w) for w in words.values())
    loc = f"{problem.line}:{problem.column}".ljust(loc_width)
    severity = _paint(words[problem.severity].ljust(label_width), _COLORS[problem.severity], color)
    out = [f"  {loc}  {severity}  {problem.code}  {problem.text(lang)}"]
    source = sources.line(problem.file, problem.line)
    if source is not None:
        same_line = problem.end_line in (None, problem.line)
        mark = caret(source, problem.column, problem.end_column if same_line else None)
        out += [f"    {source}".rstrip(), "    " + _paint(mark, _COLORS[problem.severity], color)]
    hint = problem.hint_text(lang)
    if hint:
        # indented like the source line, so it reads as part of this problem, not a new one
        out.append(f"    {HINT_LABEL.get(lang, HINT_LABEL['id'])}: {hint}")
    return out


def render_text(
    result: CheckResult,
    lang: str = "id",
    color: bool = False,
    *,
    read: Reader = read_file,
    known: Mapping[str, Mapping[int, str]] | None = None,
) -> str:
    """Problems grouped by file, each with its source line, caret and hint; then the summary.

    ``known`` gives source lines already read (by the workers of a many-repository check);
    other lines are read from the files.
    """
    sources = SourceLines(read, known)
    lines: list[str] = []
    by_file: dict[str, list[Problem]] = {}
    for problem in result.problems:
        by_file.setdefault(problem.file, []).append(problem)
    for file, problems in by_file.items():
        loc_width = max(len(f"{p.line}:{p.column}") for p in problems)
        lines.append(_paint(file, _BOLD, color))
        for problem in problems:
            lines += _problem_lines(problem, sources, lang, color, loc_width)
        lines.append("")
    lines.append(summary_line(result, lang))
    return "\n".join(lines) + "\n"
