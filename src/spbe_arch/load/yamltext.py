"""Safe YAML reading: text to plain data (dict, list, str, None), with a position for every node.

The one reader of model files (see docs/architecture.md, "Satu pembaca YAML"): the compiled
module :mod:`spbe_arch.load._reader` (Cython) drives libyaml 0.2.5's C parser, vendored in
``load/_libyaml/``, and builds the data from its events with an explicit stack; this module is
its public face and writes its problems as messages. So

* no tag ever constructs an object, and any tag outside the YAML core set is reported;
* plain scalars stay text (``no``, ``12:30``, ``1.10``, ``2.026e3``, ``2024-01-05`` are never
  reinterpreted); the typed model converts text to numbers and dates where a field says so,
  and ``null``, ``~`` or an empty value mean "absent";
* duplicate keys are reported with both lines; nesting depth, alias expansion and scalar
  length are bounded;
* where libyaml departs from YAML 1.2 (it accepts some invalid forms, and reads a few valid
  ones differently), the form is reported with its line and column instead of being loaded
  with wrong data (:data:`_SPEC`); where it rejects valid YAML, the message says which form
  (:data:`~spbe_arch.load.syntax.REFUSALS`);
* every problem carries a line and column, and nothing raises.

``parse_text(text, positions=False)`` builds the same data and problems without the position
tree (about twice as fast): the loader reads that way and asks for the tree, from this same
function, only for a file a problem is reported in.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

from spbe_arch.load.source import RawProblem
from spbe_arch.load.syntax import REFUSALS, describe_syntax_error
from spbe_arch.positions import Pos

try:
    from spbe_arch.load import _reader
except ImportError as exc:  # pragma: no cover - only on an install that skipped the build
    raise ImportError(
        "pembaca YAML terkompilasi (spbe_arch.load._reader) belum dibangun: jalankan "
        "`make setup` atau `pip install -e .` (perlu kompiler C dan header Python; di Debian: "
        "apt-get install gcc python3-dev) / the compiled YAML reader "
        "(spbe_arch.load._reader) is not built: run `make setup` or `pip install -e .` "
        "(needs a C compiler and the Python headers; on Debian: apt-get install gcc "
        "python3-dev)"
    ) from exc

MAX_DEPTH = 64
"""Deepest nesting accepted; real model files nest about six levels."""
MAX_EXPANSION = 200_000
"""Most nodes a document may expand to through aliases (bounds "billion laughs")."""
MAX_SCALAR = 1_000_000
"""Longest scalar accepted, in characters."""
LIBYAML_VERSION: str = _reader.LIBYAML_VERSION
"""The version of the libyaml built into the reader (load/_libyaml/README.md)."""


@dataclass(slots=True)
class Parsed:
    """The first document of a text: its data, its positions and the problems found."""

    data: Any = None
    pos: Pos | None = None
    problems: list[RawProblem] = field(default_factory=list)
    fatal: bool = False


def parse_text(text: str, *, positions: bool = True) -> Parsed:
    """Read the first YAML document of ``text`` into plain data, with positions unless told.

    >>> parsed = parse_text("nama: Dinas Kesehatan\\nlayanan: [L1, L2]\\nkode: 007\\n")
    >>> parsed.data
    {'nama': 'Dinas Kesehatan', 'layanan': ['L1', 'L2'], 'kode': '007'}
    >>> parsed.pos.find(["layanan", 1]).column
    15
    >>> [p.code for p in parse_text("a: 1\\na: 2\\n").problems]
    ['SPBE-YAML-005']
    """
    data, pos, records, fatal, error = _reader.read(
        text, positions, MAX_DEPTH, MAX_EXPANSION, MAX_SCALAR
    )
    problems = [_problem(*record) for record in records]
    if error is not None:
        problems.append(_syntax(error, text))
    if fatal:
        return Parsed(None, None, problems, True)
    return Parsed(data, pos, problems, False)


def _syntax(error: yaml.YAMLError, text: str) -> RawProblem:
    """libyaml's syntax error (the exception PyYAML builds for it), located."""
    if isinstance(error, yaml.MarkedYAMLError):
        line, column, message, message_en = describe_syntax_error(error, text)
        return RawProblem("SPBE-YAML-001", line, column, message, message_en)
    # a reader error (a character libyaml does not accept) has an offset, not a mark
    return RawProblem(
        "SPBE-YAML-001", 1, 1, f"YAML tidak dapat dibaca: {error}", f"YAML cannot be read: {error}"
    )


_SPEC: dict[str, tuple[str, str]] = {
    "comment": ("komentar '#' harus didahului spasi", "a comment '#' needs a space before it"),
    "indent": ("baris lanjutan harus menjorok lebih dalam daripada koleksi blok yang memuatnya",
               "a continuation line must be indented more than the block collection holding it"),
    "indicator": ("'-', '?' atau ':' tanpa teks sesudahnya tidak boleh menjadi nilai dalam "
                  "koleksi alur; kutip nilainya",
                  "a '-', '?' or ':' alone cannot be a value in a flow collection; quote it"),
    "blank": ("baris kosong di awal blok teks tidak boleh lebih menjorok daripada baris isi "
              "pertamanya",
              "a leading blank line of a block scalar cannot be indented more than its first "
              "line of content"),
}  # fmt: skip
"""Invalid YAML that libyaml accepts, or valid YAML it reads wrongly, found by the reader's
checks on the characters around an event (``_Checks`` in ``_reader.pyx``)."""


def _problem(
    kind: str, line: int, column: int, path: tuple[str | int, ...], argument: Any
) -> RawProblem:
    """The problem (code and message in both languages) of one record of the reader."""
    if kind == "spec" or kind == "refusal":
        message, message_en = (_SPEC if kind == "spec" else REFUSALS)[argument]
        return RawProblem(
            "SPBE-YAML-001", line, column, f"sintaks YAML: {message}", f"YAML syntax: {message_en}"
        )
    if kind == "duplicate":
        key, first = argument
        return RawProblem(
            "SPBE-YAML-005",
            line,
            column,
            f"kunci '{key}' ganda: sudah ditulis di baris {first}; nilai kedua tidak dipakai",
            f"duplicate key '{key}': already written on line {first}; the second value is not used",
            path=path,
        )
    if kind == "tag":
        return RawProblem(
            "SPBE-YAML-006",
            line,
            column,
            f"tag YAML '{argument}' tidak diizinkan; model hanya memuat teks, daftar dan pemetaan",
            f"YAML tag '{argument}' is not allowed; models hold only text, lists and mappings",
            path=path,
        )
    if kind == "key":
        return RawProblem(
            "SPBE-SKEMA-003",
            line,
            column,
            "kunci harus berupa teks sederhana, bukan daftar atau pemetaan",
            "a key must be plain text, not a list or a mapping",
            path=path,
        )
    if kind == "long":
        return RawProblem(
            "SPBE-YAML-011",
            line,
            column,
            f"nilai terlalu panjang ({argument:,} karakter; batas {MAX_SCALAR:,})",
            f"value too long ({argument:,} characters; limit {MAX_SCALAR:,})",
            path=path,
        )
    if kind == "deep":
        return RawProblem(
            "SPBE-YAML-008",
            line,
            column,
            f"struktur bersarang terlalu dalam (lebih dari {MAX_DEPTH} tingkat)",
            f"nesting too deep (more than {MAX_DEPTH} levels)",
            path=path,
        )
    if kind == "alias":
        return RawProblem(
            "SPBE-YAML-007",
            line,
            column,
            f"alias '*{argument}' menunjuk anchor yang belum didefinisikan",
            f"alias '*{argument}' refers to an undefined anchor",
            path=path,
        )
    if kind == "bomb":
        return RawProblem(
            "SPBE-YAML-007",
            line,
            column,
            f"alias mengembang menjadi lebih dari {MAX_EXPANSION:,} simpul (bom alias); "
            "berkas tidak dimuat",
            f"aliases expand to more than {MAX_EXPANSION:,} nodes (alias bomb); "
            "the file is not loaded",
            path=path,
        )
    if kind == "documents":
        return RawProblem(
            "SPBE-YAML-009",
            line,
            column,
            "berkas berisi lebih dari satu dokumen YAML; hanya dokumen pertama yang dimuat "
            "(pisahkan ke berkas lain)",
            "the file holds more than one YAML document; only the first is loaded "
            "(split it into files)",
        )
    raise ValueError(f"unknown reader record {kind!r}")  # pragma: no cover
