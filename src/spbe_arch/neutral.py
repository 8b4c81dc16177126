"""Neutralising what a file or a value could smuggle into a report (see docs/security.md).

Model values and file names come from whoever wrote the repository. Printed raw, an ANSI escape
sequence (ESC, or the one-byte C1 CSI) re-colours or clears a terminal and hides lines, a line
break in a file name forges a report line or a GitHub workflow command, and a bidirectional
override (U+202E …) makes a name read differently from what it is ("Trojan Source",
CVE-2021-42574). Every report format therefore shows these characters as visible escapes:

- text, GitHub annotations and JUnit: :func:`neutralise` writes ``\\n``, ``\\x1b``, ``\\u202e``;
- JSON and SARIF keep the data exact (a reader that parses them gets the very string) but escape
  the same characters as JSON ``\\uXXXX`` escapes (:func:`escape_json`), so that no raw control
  or direction character reaches a terminal that ``cat``s the file or a browser that shows it.
"""

from __future__ import annotations

import re

UNSAFE_RE = re.compile(
    "[\x00-\x08\x0a-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]"
)
"""C0 controls but tab, DEL, C1 controls, bidirectional marks, embeddings, overrides and
isolates, and the Unicode line and paragraph separators."""

_JSON_RE = re.compile("[\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
"""What ``json.dumps(ensure_ascii=False)`` leaves raw of :data:`UNSAFE_RE` (it escapes C0)."""

_NAMED = {"\n": "\\n", "\r": "\\r"}


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    named = _NAMED.get(char)
    if named is not None:
        return named
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


_UNSAFE_BUT_LINES_RE = re.compile(UNSAFE_RE.pattern.replace("\x0a-\x1f", "\x0b\x0c\x0e-\x1f"))


def neutralise(text: str, *, breaks: bool = False) -> str:
    """``text`` with every character of :data:`UNSAFE_RE` written as a visible escape.

    ``breaks=True`` leaves line feeds and carriage returns for a format that escapes them
    itself (a GitHub workflow command writes them as ``%0A``/``%0D``: a multi-line annotation,
    never a second command)."""
    pattern = _UNSAFE_BUT_LINES_RE if breaks else UNSAFE_RE
    return pattern.sub(_escape, text) if pattern.search(text) else text


def escape_json(document: str) -> str:
    """A JSON text with the characters JSON allows raw but a terminal obeys escaped as
    ``\\uXXXX`` (valid JSON, the same data once parsed)."""
    return _JSON_RE.sub(lambda m: f"\\u{ord(m.group()):04x}", document)


def neutralise_lines(text: str) -> str:
    """A multi-line text report with each line :func:`neutralise`-d (its own line feeds kept)."""
    return "\n".join(neutralise(line) for line in text.split("\n"))
