"""Reading a returned workbook: refuse what cannot be read safely, collect rows, note the mess."""

from __future__ import annotations

import json
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet

from spbe_arch.model.arsitektur import Arsitektur
from spbe_arch.survei import meta
from spbe_arch.survei.kolom import (
    FORM_VERSION,
    KOLOM_ID_ASAL,
    KOLOM_NILAI_ASAL,
    NAMA_SHEET,
    Lembar,
    kunci_judul,
    lembar,
)
from spbe_arch.survei.nilai import teks_sel


class FormulirDitolak(Exception):
    """A workbook that cannot be imported safely; the message says why, in two languages."""

    def __init__(self, berkas: str, pesan: str, pesan_en: str) -> None:
        super().__init__(f"{berkas}: {pesan}")
        self.berkas = berkas
        self.pesan = pesan
        self.pesan_en = pesan_en

    def text(self, lang: str = "id") -> str:
        """The refusal in the given language."""
        return f"{self.berkas}: {self.pesan_en if lang == 'en' else self.pesan}"


@dataclass(frozen=True, slots=True)
class Temuan:
    """A finding about a returned workbook, placed at a sheet, row and column header."""

    berkas: str
    lembar: str
    baris: int
    kolom: str
    tingkat: str
    kode: str
    pesan: str
    pesan_en: str

    def text(self, lang: str = "id") -> str:
        """One line: ``berkas › lembar › baris N › kolom: [tingkat] KODE pesan``."""
        where = " › ".join(
            p
            for p in (
                self.berkas,
                self.lembar,
                f"baris {self.baris}" if self.baris else "",
                self.kolom,
            )
            if p
        )
        return (
            f"{where}: {self.tingkat} {self.kode} {self.pesan_en if lang == 'en' else self.pesan}"
        )


@dataclass(slots=True)
class Baris:
    """One data row: the id it had when generated, the values it had, and its cells now."""

    lembar: Lembar
    nomor: int
    id_asal: str | None
    asal: dict[str, str]
    sel: dict[str, Any]


@dataclass(slots=True)
class Formulir:
    """A workbook read: its metadata, rows, the columns present, and notices."""

    path: Path
    meta: dict[str, str]
    opd: str
    baris: list[Baris] = field(default_factory=list)
    hadir: dict[str, set[str]] = field(default_factory=dict)
    temuan: list[Temuan] = field(default_factory=list)

    @property
    def nama(self) -> str:
        """The workbook's file name."""
        return self.path.name


def _refuse(path: Path, pesan: str, pesan_en: str) -> FormulirDitolak:
    return FormulirDitolak(path.name, pesan, pesan_en)


def _meta(path: Path, sheets: Mapping[str, Any]) -> dict[str, str]:
    ws = sheets.get(meta.META)
    if ws is None:
        raise _refuse(
            path,
            "bukan formulir spbe-arch (lembar _meta tidak ada)",
            "not an spbe-arch form (no _meta sheet)",
        )
    return {teks_sel(r[0]): teks_sel(r[1]) for r in ws.iter_rows(values_only=True) if len(r) >= 2}


def baca_formulir(path: Path, model: Arsitektur) -> Formulir:
    """Read one returned workbook against the model; raises :class:`FormulirDitolak`."""
    try:
        wb = load_workbook(path, data_only=True)
        wb_rumus = load_workbook(path, data_only=False)
    except (OSError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise _refuse(
            path,
            f"berkas tidak dapat dibaca sebagai .xlsx ({exc})",
            f"the file cannot be read as .xlsx ({exc})",
        ) from exc
    sheets = {ws.title: ws for ws in wb.worksheets}
    info = _meta(path, sheets)
    if info.get(meta.K_VERSI) != FORM_VERSION:
        versi = info.get(meta.K_VERSI) or "?"
        raise _refuse(
            path,
            f"formulir versi {versi}, sedangkan versi yang dapat diimpor "
            f"{FORM_VERSION}; buat formulir baru dengan `spbe-arch survey generate`",
            f"form version {versi}; this version imports version {FORM_VERSION}; "
            "generate a new form with `spbe-arch survey generate`",
        )
    pemda = model.konfigurasi.pemda.nama if model.konfigurasi is not None else ""
    if info.get(meta.K_PEMDA) != pemda:
        raise _refuse(
            path,
            f"formulir milik '{info.get(meta.K_PEMDA)}', bukan '{pemda}'",
            f"the form belongs to '{info.get(meta.K_PEMDA)}', not '{pemda}'",
        )
    opd = info.get(meta.K_OPD, "")
    if opd not in model.opd:
        raise _refuse(
            path,
            f"OPD '{opd}' pada formulir tidak ada di model",
            f"the form's OPD '{opd}' is not in the model",
        )
    form = Formulir(path, info, opd)
    for kind in [k for k in info.get(meta.K_JENIS, "").split(",") if k]:
        if kind not in NAMA_SHEET:
            raise _refuse(
                path, f"jenis '{kind}' pada _meta tidak dikenal", f"unknown kind '{kind}' in _meta"
            )
        spec = lembar(kind)
        ws = sheets.get(spec.nama)
        if ws is None:
            raise _refuse(
                path,
                f"lembar '{spec.nama}' tidak ada (diganti nama atau dihapus?); "
                "kembalikan namanya atau pakai formulir asli",
                f"sheet '{spec.nama}' is missing (renamed or deleted?); restore its "
                "name or use the original form",
            )
        _baca_lembar(form, spec, ws, wb_rumus[spec.nama])
    return form


def _kolom(form: Formulir, spec: Lembar, ws: Worksheet) -> dict[str, int]:
    found: dict[str, int] = {}
    headers = {kunci_judul(c.value): int(c.column or 0) for c in ws[1] if teks_sel(c.value)}
    for name in (KOLOM_ID_ASAL, KOLOM_NILAI_ASAL):
        if kunci_judul(name) not in headers:
            raise _refuse(
                form.path,
                f"lembar '{spec.nama}': kolom tersembunyi '{name}' hilang",
                f"sheet '{spec.nama}': hidden column '{name}' is missing",
            )
        found[name] = headers.pop(kunci_judul(name))
    for kolom in spec.kolom:
        column = headers.pop(kunci_judul(kolom.header), None)
        if column is not None:
            found[kolom.field] = column
        elif kolom.wajib or kolom.field == "id":
            raise _refuse(
                form.path,
                f"lembar '{spec.nama}': kolom wajib '{kolom.judul}' tidak "
                "ditemukan (diganti nama?); kembalikan judulnya",
                f"sheet '{spec.nama}': required column '{kolom.judul}' not found "
                "(renamed?); restore its header",
            )
        else:
            form.temuan.append(
                Temuan(
                    form.nama,
                    spec.nama,
                    1,
                    kolom.header,
                    "info",
                    "SURVEI-K01",
                    "kolom tidak ada; isian ini tidak diubah",
                    "column missing; this field is left unchanged",
                )
            )
    for key, column in headers.items():
        cell = ws.cell(row=1, column=column)
        form.temuan.append(
            Temuan(
                form.nama,
                spec.nama,
                1,
                teks_sel(cell.value),
                "info",
                "SURVEI-K02",
                f"kolom tambahan '{teks_sel(cell.value)}' diabaikan",
                f"extra column '{teks_sel(cell.value)}' ignored",
            )
        )
        del key
    return found


def _gabungan(form: Formulir, spec: Lembar, ws: Worksheet) -> dict[tuple[int, int], Any]:
    """Values of merged cells: a vertical merge fills every row, a wider one only its first cell."""
    out: dict[tuple[int, int], Any] = {}
    for merged in ws.merged_cells.ranges:
        if merged.min_row < 2:
            continue
        value = ws.cell(row=merged.min_row, column=merged.min_col).value
        if merged.min_col == merged.max_col:
            for row in range(merged.min_row, merged.max_row + 1):
                out[(row, merged.min_col)] = value
        else:
            form.temuan.append(
                Temuan(
                    form.nama,
                    spec.nama,
                    merged.min_row,
                    str(merged),
                    "info",
                    "SURVEI-B03",
                    "sel gabungan melintasi kolom; hanya sel pertama yang dibaca",
                    "merged cells span columns; only the first is read",
                )
            )
    return out


def _baca_lembar(form: Formulir, spec: Lembar, ws: Worksheet, ws_rumus: Worksheet) -> None:
    columns = _kolom(form, spec, ws)
    form.hadir[spec.kind] = {f for f in columns if f not in (KOLOM_ID_ASAL, KOLOM_NILAI_ASAL)}
    merged = _gabungan(form, spec, ws)
    by_column = {c: f for f, c in columns.items()}
    for row in range(2, ws.max_row + 1):
        values: dict[str, Any] = {}
        for column, name in by_column.items():
            value = merged.get((row, column), ws.cell(row=row, column=column).value)
            if value is None and ws_rumus.cell(row=row, column=column).data_type == "f":
                header = ws.cell(row=1, column=column).value
                form.temuan.append(
                    Temuan(
                        form.nama,
                        spec.nama,
                        row,
                        teks_sel(header),
                        "error",
                        "SURVEI-B01",
                        "rumus tanpa nilai tersimpan; buka dan simpan "
                        "ulang di Excel, atau ganti dengan nilainya",
                        "formula without a cached value; open and save the file in "
                        "Excel, or replace it with its value",
                    )
                )
            values[name] = value
        id_asal = teks_sel(values.pop(KOLOM_ID_ASAL)) or None
        try:
            asal = json.loads(teks_sel(values.pop(KOLOM_NILAI_ASAL)) or "{}")
        except json.JSONDecodeError:
            asal = {}
        if not isinstance(asal, dict):
            asal = {}
        if all(not teks_sel(v) for v in values.values()):
            continue  # an empty row, or a pre-filled row emptied: absent (see --hapus)
        form.baris.append(Baris(spec, row, id_asal, asal, values))
