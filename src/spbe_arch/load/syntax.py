"""Turn libyaml's syntax errors into located messages in Bahasa Indonesia and English."""

from __future__ import annotations

import re

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


def describe_syntax_error(exc: yaml.MarkedYAMLError, text: str = "") -> tuple[int, int, str, str]:
    """Line, column (1-based) and message (id, en) of a YAML syntax error.

    An unclosed bracket or quote is reported where it was opened, since that is the line to
    fix; the parser only notices at the end of the file. With ``text``, an error libyaml also
    raises on some valid YAML says which form it refuses (:func:`refusal`).
    """
    line, column, message, message_en = _describe(exc)
    note = refusal(exc, text) if text else None
    if note == "tab":  # libyaml's own words about the tab say less than the reason
        return (
            line,
            column,
            f"sintaks YAML: {REFUSALS[note][0]}",
            f"YAML syntax: {REFUSALS[note][1]}",
        )
    if note is not None:
        message += f"; {REFUSALS[note][0]}"
        message_en += f"; {REFUSALS[note][1]}"
    return line, column, message, message_en


def _describe(exc: yaml.MarkedYAMLError) -> tuple[int, int, str, str]:
    problem = (exc.problem or "").strip()
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


REFUSALS: dict[str, tuple[str, str]] = {
    "tab": ("karakter tab tidak diizinkan di sini (YAML mengizinkannya di beberapa tempat, "
            "pembaca ini tidak); gunakan spasi",
            "a tab character is not allowed here (YAML allows tabs in a few places, this "
            "reader does not); use spaces"),
    "directive": ("direktif (%YAML, %TAG) tidak didukung; hapus barisnya",
                  "directives (%YAML, %TAG) are not supported; delete the line"),
    "document": ("penanda dokumen hanya didukung di awal berkas ('---'); dokumen setelah '...', "
                 "dokumen yang hanya '...', atau blok teks tanpa indentasi setelah '--- >' "
                 "tidak dibaca",
                 "document markers are only supported at the start of a file ('---'); a "
                 "document after '...', a document of only '...', or an unindented block "
                 "scalar after '--- >' is not read"),
    "empty key": ("kunci kosong (': nilai') tidak didukung; tulis kuncinya",
                  "empty keys (': value') are not supported; write the key"),
    "anchor": ("nama anchor atau alias hanya boleh berisi huruf, angka, '-' dan '_'",
               "anchor and alias names may only hold letters, digits, '-' and '_'"),
    "flow": ("bentuk koleksi alur ini tidak didukung (kunci kosong, ':' di baris setelah "
             "kuncinya, ':' langsung setelah kunci berkutip, atau '?' langsung sebelum teks); "
             "tulis dalam gaya blok",
             "this form of flow collection is not supported (an empty key, ':' on the line "
             "after its key, ':' right after a quoted key, or '?' right before text); write "
             "it in block style"),
    "eof": ("blok teks diikuti baris berisi spasi saja tanpa akhir baris di ujung berkas tidak "
            "dibaca dengan benar; akhiri berkas dengan baris baru atau hapus spasinya",
            "a block scalar followed by a last line of only spaces without a line break is not "
            "read correctly; end the file with a line break or remove the spaces"),
}  # fmt: skip
"""The valid YAML the reader refuses, by reason (docs/architecture.md lists them): libyaml
rejects these forms, and its message alone would blame the file."""


def refusal(exc: yaml.MarkedYAMLError, text: str) -> str | None:
    """The reason (a key of :data:`REFUSALS`) when libyaml's error may be one it raises on
    valid YAML, judged from its message and the line it stopped on; None otherwise."""
    problem = exc.problem or ""
    context = exc.context or ""
    mark = exc.problem_mark or exc.context_mark
    lines = text.split("\n")
    row = lines[mark.line] if mark is not None and mark.line < len(lines) else ""
    before = lines[mark.line - 1] if mark is not None and 0 < mark.line <= len(lines) else ""
    upto = row[: mark.column + 1] if mark is not None else row  # up to where libyaml stopped
    if "tab" in problem or "\t" in upto or (len(upto) <= 1 and "\t" in before):
        return "tab"
    if "directive" in problem or "directive" in context or "incompatible" in problem:
        return "directive"
    if (
        "document start" in problem
        or row.startswith("...")
        or ("block node" in context and text.lstrip().startswith(("...", "#")))
    ):
        return "document"
    if "anchor" in context or "alias" in context or _ANCHOR_COLON.search(row):
        return "anchor"
    at = row[mark.column : mark.column + 1] if mark is not None else ""
    if (
        at == ":"
        and "flow sequence" not in context
        and ("flow" in context or "node content" in problem or "':'" in problem)
    ):
        return "flow"  # libyaml stopped at a ':' it does not take in a flow collection
    if row.lstrip(" -?").startswith(":"):
        return "empty key"
    return None


_ANCHOR_COLON = re.compile(r"[&*][^\s,\[\]{}:]*:\S")
