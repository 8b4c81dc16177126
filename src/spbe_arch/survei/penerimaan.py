"""Receipts of imported workbooks, kept in the repository at ``.spbe/survei/penerimaan.yaml``.

The file lives in a hidden folder, which model discovery skips (see
:func:`spbe_arch.load.discover.discover`), so it is never read as a model file.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from spbe_arch import fileio
from spbe_arch.survei.tulis import Berkas

PENERIMAAN_MAKS = 16 * 1024 * 1024

BERKAS_PENERIMAAN = Path(".spbe") / "survei" / "penerimaan.yaml"
"""Where receipts are kept, relative to the repository root."""

_KEPALA = (
    "# Penerimaan formulir survei SPBE: satu butir per impor, ditulis oleh\n"
    "# `spbe-arch survey import`. Folder tersembunyi: tidak dimuat sebagai berkas model.\n"
)


@dataclass(frozen=True, slots=True)
class Penerimaan:
    """One import of one workbook."""

    opd: str
    berkas: str
    sha256: str
    tanggal: dt.datetime
    baru: int = 0
    diubah: int = 0
    dihapus: int = 0
    masalah: int = 0
    """Errors and warnings of the OPD in the model after the import: the number
    ``survey status`` shows in its Masalah column for this OPD."""
    ditolak: int = 0
    """Rows of the form not imported (each has an error finding)."""

    def as_dict(self) -> dict[str, Any]:
        """The YAML mapping of the receipt."""
        return {
            "opd": self.opd,
            "berkas": self.berkas,
            "sha256": self.sha256,
            "tanggal": self.tanggal.isoformat(),
            "baru": self.baru,
            "diubah": self.diubah,
            "dihapus": self.dihapus,
            "masalah": self.masalah,
            "baris_ditolak": self.ditolak,
        }


def baca_penerimaan(root: Path) -> list[Penerimaan]:
    """Every receipt recorded in the repository, oldest first (none when the file is absent)."""
    path = root / BERKAS_PENERIMAAN
    if not path.is_file() or not fileio.is_inside(path, root):
        return []  # a receipts file linked from outside the repository is never read
    if path.stat().st_size > PENERIMAAN_MAKS:
        return []
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (yaml.YAMLError, UnicodeDecodeError, RecursionError):
        return []
    out = []
    items = data.get("penerimaan") if isinstance(data, dict) else None
    for item in items if isinstance(items, list) else []:
        if not isinstance(item, dict):
            continue
        try:
            tanggal = item.get("tanggal")
            if isinstance(tanggal, str):
                tanggal = dt.datetime.fromisoformat(tanggal)
            elif isinstance(tanggal, dt.date) and not isinstance(tanggal, dt.datetime):
                tanggal = dt.datetime.combine(tanggal, dt.time())
            if not isinstance(tanggal, dt.datetime):
                tanggal = dt.datetime.min
            out.append(
                Penerimaan(
                    opd=str(item.get("opd", "")),
                    berkas=str(item.get("berkas", "")),
                    sha256=str(item.get("sha256", "")),
                    tanggal=tanggal,
                    baru=int(item.get("baru", 0)),
                    diubah=int(item.get("diubah", 0)),
                    dihapus=int(item.get("dihapus", 0)),
                    masalah=int(item.get("masalah", 0)),
                    ditolak=int(item.get("baris_ditolak", 0)),
                )
            )
        except (ValueError, TypeError, OverflowError):
            continue  # a hand-edited receipt: skipped, never fatal
    return out


def teks_penerimaan(root: Path, baru: list[Penerimaan]) -> str | None:
    """The receipts file with ``baru`` appended (comments kept), or None when nothing is new."""
    if not baru:
        return None
    path = root / BERKAS_PENERIMAAN
    readable = path.is_file() and fileio.is_inside(path, root)
    text = path.read_text(encoding="utf-8") if readable else _KEPALA
    berkas = Berkas(BERKAS_PENERIMAAN.as_posix(), text)
    for item in baru:
        berkas.tambah("penerimaan", item.as_dict())
    return berkas.teks()
