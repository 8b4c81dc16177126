"""Turn libyaml's syntax errors into located messages in Bahasa Indonesia and English."""

from __future__ import annotations

import yaml

_PROBLEMS: tuple[tuple[str, str], ...] = (
    ("found character '\\t' that cannot start any token",
     "karakter tab tidak boleh dipakai untuk indentasi YAML; gunakan spasi"),
    ("found a tab character",
     "karakter tab tidak boleh dipakai untuk indentasi YAML; gunakan spasi"),
    ("mapping values are not allowed here",
     "tanda ':' tidak diizinkan di sini (indentasi salah, atau teks berisi ': ' perlu dikutip)"),
    ("could not find expected ':'", "tanda ':' yang diharapkan tidak ditemukan"),
    ("did not find expected ',' or ']'", "tanda ',' atau ']' yang diharapkan tidak ditemukan"),
    ("did not find expected ',' or '}'", "tanda ',' atau '}' yang diharapkan tidak ditemukan"),
    ("did not find expected key", "kunci yang diharapkan tidak ditemukan (periksa indentasi)"),
    ("did not find expected '-' indicator",
     "tanda '-' yang diharapkan tidak ditemukan (periksa indentasi daftar)"),
    ("found unexpected end of stream", "berkas berakhir sebelum struktur ditutup"),
    ("found unclosed quoted scalar", "tanda kutip tidak ditutup"),
    ("found unexpected ':'", "tanda ':' tak terduga"),
    ("block sequence entries are not allowed in this context",
     "butir daftar '-' tidak diizinkan di sini (periksa indentasi)"),
    ("expected <block end>, but found", "indentasi tidak konsisten"),
    ("found character that cannot start any token", "karakter yang tidak dapat memulai token"),
    ("found undefined tag handle", "tag YAML tidak dikenal"),
    ("control characters are not allowed", "karakter kendali tidak diizinkan"),
)  # fmt: skip

_CONTEXTS: tuple[tuple[str, str], ...] = (
    ("while parsing a flow sequence", "kurung '[' yang dibuka di baris {line} tidak ditutup"),
    ("while parsing a flow mapping", "kurung '{{' yang dibuka di baris {line} tidak ditutup"),
    ("while scanning a quoted scalar", "teks berkutip yang dimulai di baris {line} tidak ditutup"),
    ("while parsing a block mapping", "pemetaan yang dimulai di baris {line}"),
    ("while parsing a block collection", "daftar yang dimulai di baris {line}"),
    ("while scanning a simple key", "kunci di baris {line}"),
)

_UNCLOSED = ("while parsing a flow sequence", "while parsing a flow mapping",
             "while scanning a quoted scalar")  # fmt: skip


_TAB_ID = "karakter tab tidak boleh dipakai untuk indentasi YAML; gunakan spasi"
_TAB_EN = "a tab character cannot be used for YAML indentation; use spaces"


def _tab_at(text: str | None, mark: yaml.Mark | None) -> bool:
    """Whether the character the parser stopped at (or the line's indentation) is a tab."""
    if text is None or mark is None:
        return False
    lines = text.splitlines()
    if mark.line >= len(lines):
        return False
    line = lines[mark.line]
    here = line[mark.column : mark.column + 1]
    return here == "\t" or "\t" in line[: len(line) - len(line.lstrip())]


def describe_syntax_error(
    exc: yaml.MarkedYAMLError, text: str | None = None
) -> tuple[int, int, str, str]:
    """Line, column (1-based) and message (id, en) of a YAML syntax error.

    An unclosed bracket or quote is reported where it was opened, since that is the line to
    fix; the parser only notices at the end of the file. With the ``text``, a tab in the
    indentation where the parser stopped is named as the cause, whatever libyaml called it.
    """
    problem = (exc.problem or "").strip()
    at = exc.problem_mark
    if at is not None and _tab_at(text, at):
        return (at.line + 1, at.column + 1, f"sintaks YAML: {_TAB_ID}",
                f"YAML syntax: {_TAB_EN} ({problem or 'syntax error'})")  # fmt: skip
    context = (exc.context or "").strip()
    mark = exc.problem_mark or exc.context_mark
    ctx_mark = exc.context_mark
    text_id = next((tid for en, tid in _PROBLEMS if problem.startswith(en)), problem)
    en = problem or "syntax error"
    where_id = ""
    where_en = ""
    if context and ctx_mark is not None:
        ctx_line = ctx_mark.line + 1
        for prefix, template in _CONTEXTS:
            if context.startswith(prefix):
                where_id = template.format(line=ctx_line)
                break
        where_en = f"{context} on line {ctx_line}"
    if any(context.startswith(c) for c in _UNCLOSED) and ctx_mark is not None:
        line, column = ctx_mark.line + 1, ctx_mark.column + 1
        stop = (mark.line + 1) if mark is not None else line
        message = f"sintaks YAML: {where_id}; pembaca berhenti di baris {stop} ({text_id})"
        message_en = (
            f"YAML syntax: {where_en}, not closed; the parser stopped on line {stop} ({en})"
        )
        return line, column, message, message_en
    line = mark.line + 1 if mark is not None else 1
    column = mark.column + 1 if mark is not None else 1
    message = f"sintaks YAML: {text_id}"
    if where_id:
        message += f" ({where_id})"
    message_en = f"YAML syntax: {en}" + (f" ({where_en})" if where_en else "")
    return line, column, message, message_en
