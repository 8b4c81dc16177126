"""The default report: problems grouped by file, with the source line and a caret under it."""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping

from spbe_arch.load.discover import OUTSIDE_CODE
from spbe_arch.neutral import neutralise
from spbe_arch.problems import Problem, Severity
from spbe_arch.report.common import HINT_LABEL, SEVERITY_WORDS, summary_line
from spbe_arch.report.source import Reader, SourceLines, read_file
from spbe_arch.results import Checked

_RESET = "\x1b[0m"
_BOLD = "\x1b[1m"
_COLORS = {Severity.ERROR: "\x1b[31m", Severity.WARNING: "\x1b[33m", Severity.INFO: "\x1b[36m"}


def _paint(text: str, code: str, color: bool) -> str:
    return f"{code}{text}{_RESET}" if color else text


def _pad_for(text: str) -> str:
    """Blank space as wide as ``text`` on a terminal: tabs kept, wide characters doubled."""
    if text.isascii() and "\t" not in text:  # the common case: one column per character
        return " " * len(text)
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
    problem: Problem,
    sources: SourceLines,
    lang: str,
    color: bool,
    loc_width: int,
    labels: Mapping[Severity, str] | None = None,
) -> list[str]:
    if labels is None:
        labels = _labels(lang)
    loc = f"{problem.line}:{problem.column}".ljust(loc_width)
    severity = _paint(labels[problem.severity], _COLORS[problem.severity], color)
    out = [f"  {loc}  {severity}  {problem.code}  {neutralise(problem.text(lang))}"]
    source = sources.line(problem.file, problem.line)
    if source is not None:
        same_line = problem.end_line is None or problem.end_line == problem.line
        mark = caret(source, problem.column, problem.end_column if same_line else None)
        out += [f"    {source}".rstrip(), "    " + _paint(mark, _COLORS[problem.severity], color)]
    hint = problem.hint_text(lang)
    if hint:
        # indented like the source line, so it reads as part of this problem, not a new one
        out.append(f"    {HINT_LABEL.get(lang, HINT_LABEL['id'])}: {neutralise(hint)}")
    return out


def _labels(lang: str) -> dict[Severity, str]:
    """The severity words of ``lang``, padded to one width."""
    words = SEVERITY_WORDS.get(lang, SEVERITY_WORDS["id"])
    width = max(len(w) for w in words.values())
    return {severity: word.ljust(width) for severity, word in words.items()}


def render_text(
    result: Checked,
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
    lines = problem_lines(result.problems, lang, color, read=read, known=known)
    lines.append(summary_line(result, lang))
    return "\n".join(lines) + "\n"


def _refusing(read: Reader, refused: set[str]) -> Reader:
    """``read``, except that the files in ``refused`` are never opened."""

    def reader(file: str) -> bytes | None:
        return None if file in refused else read(file)

    return reader


def problem_lines(
    problems: list[Problem],
    lang: str = "id",
    color: bool = False,
    *,
    read: Reader = read_file,
    known: Mapping[str, Mapping[int, str]] | None = None,
) -> list[str]:
    """The lines of the text report before its summary: a group per file, each ending with a
    blank line. Problems of different files never share a group, so the lines of a report are
    the lines of its files' groups in order (how a many-repository check joins the groups its
    workers rendered)."""
    # A link that leaves the repository is never read, not even to quote a line of it.
    refused = {p.file for p in problems if p.code == OUTSIDE_CODE}
    sources = SourceLines(_refusing(read, refused) if refused else read, known)
    lines: list[str] = []
    by_file: dict[str, list[Problem]] = {}
    for problem in problems:
        by_file.setdefault(problem.file, []).append(problem)
    labels = _labels(lang)
    for file, group in by_file.items():
        loc_width = max(len(f"{p.line}:{p.column}") for p in group)
        lines.append(_paint(neutralise(file), _BOLD, color))
        for problem in group:
            lines += _problem_lines(problem, sources, lang, color, loc_width, labels)
        lines.append("")
    return lines
