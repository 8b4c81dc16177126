"""``--format github``: GitHub Actions workflow commands, which become annotations on the diff."""

from __future__ import annotations

from spbe_arch.neutral import neutralise
from spbe_arch.problems import Problem, Severity
from spbe_arch.report.common import HINT_LABEL, rule_title, summary_line
from spbe_arch.results import Checked

_COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(text: str) -> str:
    """Escape a command's message as the Actions toolkit does (``escapeData``)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a command property value as the Actions toolkit does (``escapeProperty``)."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(problem: Problem, lang: str = "id") -> str:
    """One ``::error file=…,line=…::message`` line; the hint goes on the message's next line."""
    props: list[tuple[str, object]] = [
        ("file", problem.file),
        ("line", problem.line),
        ("col", problem.column),
    ]
    if problem.end_line is not None:
        props.append(("endLine", problem.end_line))
    if problem.end_column is not None:
        props.append(("endColumn", problem.end_column))
    props.append(("title", rule_title(problem)))
    # Escape sequences and direction controls in values and file names are shown, never
    # obeyed; their line breaks become %0A (a multi-line annotation, never a second command).
    message = neutralise(problem.text(lang), breaks=True)
    hint = problem.hint_text(lang)
    if hint:
        message += f"\n{HINT_LABEL.get(lang, HINT_LABEL['id'])}: {neutralise(hint, breaks=True)}"
    joined = ",".join(
        f"{key}={escape_property(neutralise(str(value), breaks=True))}" for key, value in props
    )
    return f"::{_COMMANDS[problem.severity]} {joined}::{escape_data(message)}"


def render_github(result: Checked, lang: str = "id", color: bool = False) -> str:
    """One workflow command per problem, then the summary line as plain text."""
    lines = [command(p, lang) for p in result.problems]
    lines.append(summary_line(result, lang))
    return "\n".join(lines) + "\n"
