"""Helpers for the survey tests: a copy of the example model, its DINKES form, cell editing."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from spbe_arch.survei.generate import generate
from spbe_arch.survei.kolom import kunci_judul

CONTOH = Path(__file__).resolve().parent.parent / "models" / "kabupaten-contoh"
TODAY = dt.date(2026, 11, 30)
NOW = dt.datetime(2026, 11, 30, 9, 0)


def salin_contoh(target: Path) -> Path:
    """A copy of the example model in ``target``."""
    shutil.copytree(CONTOH, target)
    return target


def kopi(asli: tuple[Path, Path], tmp_path: Path) -> tuple[Path, Path]:
    """A working copy (model folder, returned form) of a prepared ``(model, form)`` pair."""
    from workbook_kit import salin

    return salin(*asli, tmp_path, nama="dinkes.xlsx")


def buat(model: Path, out: Path, *opd: str) -> list[Path]:
    """Generate the forms of ``opd`` at a fixed time."""
    return generate(model, out, opd=opd, now=NOW)


def kolom(ws: Worksheet, header: str) -> int:
    """The column number of a header (``*`` and case ignored)."""
    for cell in ws[1]:
        if kunci_judul(cell.value) == kunci_judul(header):
            return int(cell.column or 0)
    raise KeyError(header)


def baris_id(ws: Worksheet, ident: str) -> int:
    """The row of a pre-filled element (by the hidden original id)."""
    for row in range(2, ws.max_row + 1):
        if ws.cell(row=row, column=1).value == ident:
            return row
    raise KeyError(ident)


def isi(ws: Worksheet, row: int, values: dict[str, Any]) -> None:
    """Write cells of one row by header."""
    for header, value in values.items():
        ws.cell(row=row, column=kolom(ws, header)).value = value  # None clears the cell


def buka(path: Path) -> Workbook:
    """Open a form for editing as a person would (formulas kept)."""
    return load_workbook(path)


def baris_kosong(ws: Worksheet) -> int:
    """The first row below the pre-filled ones."""
    row = 2
    while ws.cell(row=row, column=1).value or ws.cell(row=row, column=3).value:
        row += 1
    return row


def snapshot(root: Path) -> dict[str, bytes]:
    """Every file of a repository (relative path → bytes)."""
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}
