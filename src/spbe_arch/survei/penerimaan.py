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

from spbe_arch.survei.tulis import Berkas

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
        }


def baca_penerimaan(root: Path) -> list[Penerimaan]:
    """Every receipt recorded in the repository, oldest first (none when the file is absent)."""
    path = root / BERKAS_PENERIMAAN
    if not path.is_file():
        return []
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    out = []
    for item in data.get("penerimaan") or []:
        if not isinstance(item, dict):
            continue
        tanggal = item.get("tanggal")
        if isinstance(tanggal, str):
            tanggal = dt.datetime.fromisoformat(tanggal)
        elif isinstance(tanggal, dt.date) and not isinstance(tanggal, dt.datetime):
            tanggal = dt.datetime.combine(tanggal, dt.time())
        out.append(
            Penerimaan(
                opd=str(item.get("opd", "")),
                berkas=str(item.get("berkas", "")),
                sha256=str(item.get("sha256", "")),
                tanggal=tanggal or dt.datetime.min,
                baru=int(item.get("baru", 0)),
                diubah=int(item.get("diubah", 0)),
                dihapus=int(item.get("dihapus", 0)),
                masalah=int(item.get("masalah", 0)),
            )
        )
    return out


def teks_penerimaan(root: Path, baru: list[Penerimaan]) -> str | None:
    """The receipts file with ``baru`` appended (comments kept), or None when nothing is new."""
    if not baru:
        return None
    path = root / BERKAS_PENERIMAAN
    text = path.read_text(encoding="utf-8") if path.is_file() else _KEPALA
    berkas = Berkas(BERKAS_PENERIMAAN.as_posix(), text)
    for item in baru:
        berkas.tambah("penerimaan", item.as_dict())
    return berkas.teks()
