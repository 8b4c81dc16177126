"""The offending source lines that the text report quotes, read robustly, each file once."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping

from spbe_arch.load.source import read_bytes

Reader = Callable[[str], bytes | None]
"""Reads a displayed file path to bytes, or None when it cannot be read."""

_CONTROL_RE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]"
)
"""Control characters (other than tab; C0, DEL and C1) and bidirectional controls that must not
reach a terminal: each shows as U+FFFD, one column, so the caret under the line stays right."""


def read_file(file: str) -> bytes | None:
    """The bytes of a file as the loader reads them (bounded, without blocking on a FIFO),
    or None when it cannot be read."""
    data = read_bytes(file)
    return data if isinstance(data, bytes) else None


class SourceLines:
    """Source lines by file and 1-based line number; each file is read at most once."""

    def __init__(
        self, read: Reader = read_file, known: Mapping[str, Mapping[int, str]] | None = None
    ) -> None:
        self._read = read
        self._known = known or {}
        self._cache: dict[str, list[str] | None] = {}

    def _lines(self, file: str) -> list[str] | None:
        if file not in self._cache:
            self._cache[file] = split_lines(self._read(file))
        return self._cache[file]

    def line(self, file: str, number: int) -> str | None:
        """The text of one line (no line break), or None when there is none to show."""
        known = self._known.get(file)
        if known is not None:
            text = known.get(number)
            return None if text is None else _CONTROL_RE.sub("\ufffd", text.removesuffix("\r"))
        lines = self._lines(file)
        if lines is None or not 1 <= number <= len(lines):
            return None
        # sanitised when shown, not for every line of every file read
        return _CONTROL_RE.sub("\ufffd", lines[number - 1].removesuffix("\r"))


def split_lines(data: bytes | None) -> list[str] | None:
    """A file's lines as the loader counts them, or None for a binary or missing file."""
    # A NUL byte means a binary file: nothing worth quoting. Other undecodable bytes show as
    # U+FFFD, which keeps columns right for "not UTF-8" problems on that very line.
    if data is None or b"\x00" in data:
        return None
    text = data.decode("utf-8", errors="replace").removeprefix("\ufeff")
    # Lines split as the loader counts them: on "\n" only.
    return text.split("\n")
