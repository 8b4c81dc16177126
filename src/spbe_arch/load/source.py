"""Reading a model file as text: size, encoding, BOM and control characters, all located."""

from __future__ import annotations

import os
import re
import stat
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

MAX_FILE_BYTES = 32 * 1024 * 1024
"""Largest model file read; a Kabupaten's biggest file is a few hundred kilobytes."""


@dataclass(frozen=True, slots=True)
class RawProblem:
    """A problem found while reading text, before it is given a file name."""

    code: str
    line: int
    column: int
    message: str
    message_en: str
    severity: str = "error"
    path: tuple[str | int, ...] = ()


_CONTROL_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\x85\u2028\u2029\ufffe\uffff]")
"""Control characters other than tab, line feed and carriage return, and the non-characters.

U+0085, U+2028 and U+2029 are refused too: libyaml counts them as line breaks and editors do
not, so every position after one would be off by a line.
"""
_PRINTABLE_ASCII = b"\t\n\r" + bytes(range(0x20, 0x7F))
"""The ASCII characters :data:`_CONTROL_RE` allows (all but the C0 controls and DEL)."""


@dataclass(slots=True)
class SourceText:
    """The decoded text of one file, or the problems that kept it from being read."""

    text: str | None
    problems: list[RawProblem] = field(default_factory=list)


def _line_col(data: bytes, offset: int) -> tuple[int, int]:
    line = data.count(b"\n", 0, offset) + 1
    start = data.rfind(b"\n", 0, offset) + 1
    column = len(data[start:offset].decode("utf-8", errors="replace")) + 1
    return line, column


def read_source(path: Path) -> SourceText:
    """Read ``path`` as UTF-8 text; report unreadable, oversized, non-UTF-8 or binary content."""
    data = read_bytes(path)
    return data if isinstance(data, SourceText) else decode_source(data)


def read_bytes(path: Path | str) -> bytes | SourceText:
    """The bytes of ``path`` (at most the size limit), or the located reason they cannot be read.

    Opened without blocking and checked to be a regular file, so a FIFO or device named
    ``*.yaml`` is reported instead of hanging the tool.
    """
    return read_with_stat(path)[0]


def read_with_stat(path: Path | str) -> tuple[bytes | SourceText, os.stat_result | None]:
    """:func:`read_bytes`, and the file's stat as the open file gave it (None when it could
    not be opened): the stat a content-keyed cache records, without a second system call."""
    info: os.stat_result | None = None
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except FileNotFoundError:
        if os.path.islink(path):
            return SourceText(
                None,
                [_unreadable("tautan simbolik rusak: targetnya tidak ada",
                             "broken symbolic link: its target does not exist")],
            ), None  # fmt: skip
        return SourceText(
            None, [_unreadable("berkas hilang saat dimuat", "file vanished while loading")]
        ), None
    except OSError as exc:
        return _os_error(exc), None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            return SourceText(
                None,
                [_unreadable("bukan berkas biasa (pipa, soket atau perangkat); tidak dibaca",
                             "not a regular file (a pipe, socket or device); not read")],
            ), info  # fmt: skip
        size = info.st_size
        if size > MAX_FILE_BYTES:
            return SourceText(
                None,
                [RawProblem("SPBE-YAML-011", 1, 1,
                            f"berkas terlalu besar ({size:,} bita; batas {MAX_FILE_BYTES:,}); "
                            "pecah menjadi beberapa berkas",
                            f"file too large ({size:,} bytes; limit {MAX_FILE_BYTES:,}); "
                            "split it into several files")],
            ), info  # fmt: skip
        chunks = []
        remaining = min(size, MAX_FILE_BYTES) + 1
        while remaining > 0:  # a file may grow while it is read: never past the limit
            chunk = os.read(fd, remaining)
            chunks.append(chunk)
            if len(chunk) < remaining:  # a short read of a regular file: its end
                break
            remaining -= len(chunk)
        return (chunks[0] if len(chunks) == 1 else b"".join(chunks)), info
    except OSError as exc:
        return _os_error(exc), info
    finally:
        os.close(fd)


def _os_error(exc: OSError) -> SourceText:
    reason = os.strerror(exc.errno) if exc.errno else str(exc)
    return SourceText(
        None,
        [_unreadable(f"berkas tidak dapat dibaca: {reason}", f"file cannot be read: {reason}")],
    )


def _unreadable(message: str, message_en: str) -> RawProblem:
    return RawProblem("SPBE-YAML-010", 1, 1, message, message_en)


def decode_source(data: bytes) -> SourceText:
    """Decode bytes as UTF-8 and check for a BOM and control characters."""
    problems: list[RawProblem] = []
    if data.startswith(b"\xef\xbb\xbf"):
        problems.append(
            RawProblem("SPBE-YAML-003", 1, 1,
                       "berkas diawali BOM UTF-8; simpan sebagai UTF-8 tanpa BOM",
                       "the file starts with a UTF-8 BOM; save it as UTF-8 without BOM",
                       severity="warning")
        )  # fmt: skip
        data = data[3:]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return SourceText(
            None,
            [RawProblem("SPBE-YAML-002", 1, 1,
                        "berkas berkode UTF-16; simpan sebagai UTF-8",
                        "the file is UTF-16; save it as UTF-8")],
        )  # fmt: skip
    nul = data.find(b"\x00")
    if nul >= 0:
        # a binary file: say so, rather than "not UTF-8" at its first non-UTF-8 byte
        line, column = _line_col(data, nul)
        return SourceText(
            None,
            [*problems, RawProblem("SPBE-YAML-004", line, column,
                                   "berkas biner: karakter U+0000 (NULL) tidak diizinkan",
                                   "binary file: character U+0000 (NULL) is not allowed")],
        )  # fmt: skip
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, column = _line_col(data, exc.start)
        byte = data[exc.start : exc.start + 1].hex()
        return SourceText(
            None,
            [*problems,
             RawProblem("SPBE-YAML-002", line, column,
                          f"bukan teks UTF-8 (bita 0x{byte}); simpan berkas sebagai UTF-8 "
                          "(mungkin tersimpan sebagai Latin-1/Windows-1252)",
                          f"not UTF-8 text (byte 0x{byte}); save the file as UTF-8 "
                          "(it may have been saved as Latin-1/Windows-1252)")],
        )  # fmt: skip
    bad = _first_control(text)
    if bad is not None:
        offset, char = bad
        line = text.count("\n", 0, offset) + 1
        column = offset - (text.rfind("\n", 0, offset) + 1) + 1
        name = unicodedata.name(char, f"U+{ord(char):04X}")
        kind_id = "berkas biner" if char == "\x00" else "karakter kendali"
        kind_en = "binary file" if char == "\x00" else "control character"
        return SourceText(
            None,
            [*problems,
             RawProblem("SPBE-YAML-004", line, column,
                          f"{kind_id}: karakter U+{ord(char):04X} ({name}) tidak diizinkan",
                          f"{kind_en}: character U+{ord(char):04X} ({name}) is not allowed")],
        )  # fmt: skip
    return SourceText(text, problems)


def _first_control(text: str) -> tuple[int, str] | None:
    if text.isascii() and not text.encode("ascii").translate(None, _PRINTABLE_ASCII):
        # The common case, without the regex: deleting every allowed ASCII character leaves
        # nothing (the regex engine tests each character; ``translate`` runs at memory speed).
        return None
    # A regex, not a loop over characters: ``isprintable()`` is false for any text with a newline.
    found = _CONTROL_RE.search(text)
    return (found.start(), found.group()) if found else None
