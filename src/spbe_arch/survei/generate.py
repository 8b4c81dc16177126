"""``survey generate``: one protected Excel workbook per OPD, pre-filled from the model."""

from __future__ import annotations

import datetime as dt
import json
import os
from collections.abc import Iterable
from pathlib import Path

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill, Protection
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.workbook.protection import WorkbookProtection
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from spbe_arch.load import load
from spbe_arch.model.arsitektur import Arsitektur
from spbe_arch.referensi import Katalog
from spbe_arch.survei import meta
from spbe_arch.survei.daftar import isi_daftar
from spbe_arch.survei.kolom import (
    FORM_VERSION,
    KOLOM_ID_ASAL,
    KOLOM_NILAI_ASAL,
    Kolom,
    Lembar,
    jenis_formulir,
    lembar,
)
from spbe_arch.survei.nilai import teks_sel, tulis
from spbe_arch.survei.sampul import tulis_sampul

WAJIB_FILL = PatternFill("solid", fgColor="FCE4D6")
OPSI_FILL = PatternFill("solid", fgColor="DDEBF7")
TERSEMBUNYI_FILL = PatternFill("solid", fgColor="D9D9D9")
TERBUKA = Protection(locked=False)
INLINE_MAX = 250
"""Longest inline list formula (Excel's limit is 255 characters)."""


class _Daftar:
    """The ``_daftar`` sheet: one column per distinct list, referenced by absolute range."""

    def __init__(self, wb: Workbook) -> None:
        self.ws = wb.create_sheet(meta.DAFTAR)
        self.ranges: dict[str, str] = {}

    def formula(self, key: str, entries: list[str]) -> str:
        inline = ",".join(entries)
        if len(inline) <= INLINE_MAX and not any(("," in e or '"' in e) for e in entries):
            return f'"{inline}"'
        if key not in self.ranges:
            col = get_column_letter(len(self.ranges) + 1)
            self.ws[f"{col}1"] = key
            for row, entry in enumerate(entries, start=2):
                self.ws[f"{col}{row}"] = entry
            last = len(entries) + 1
            self.ranges[key] = f"{quote_sheetname(meta.DAFTAR)}!${col}$2:${col}${last}"
        return self.ranges[key]

    def finish(self) -> None:
        self.ws.sheet_state = "hidden"
        self.ws.protection.sheet = True


def _catatan(kolom: Kolom) -> str:
    text = kolom.deskripsi or kolom.header
    if kolom.field == "id":
        text += " Kosongkan pada baris baru: id dibuat otomatis saat impor."
    if kolom.wajib:
        text += " Wajib diisi (*)."
    if kolom.banyak:
        text += " Boleh lebih dari satu: pisahkan dengan koma, mis. `A-01, A-02`."
    if kolom.jenis == "kode":
        text += " Pilih dari daftar; kode saja (mis. 04.01.04) juga diterima."
    if kolom.jenis == "tanggal":
        text += " Format tanggal: YYYY-MM-DD."
    return text


def _validasi(ws: Worksheet, kolom: Kolom, formula: str, col: str, last: int) -> DataValidation:
    multi = kolom.banyak
    strict = kolom.jenis == "pilihan"
    dv = DataValidation(
        type="list",
        formula1=formula,
        allow_blank=True,
        showErrorMessage=not multi,
        errorStyle="stop" if strict else "warning",
        errorTitle="Isian tidak ada di daftar",
        error="Pilih nilai dari daftar." if strict else "Nilai tidak ada di daftar; tetap pakai?",
        promptTitle=kolom.header[:32],
        prompt=(
            "Pilih satu, lalu tambahkan yang lain dipisah koma." if multi else "Pilih dari daftar."
        )[:255],
        showInputMessage=True,
    )
    dv.add(f"{col}2:{col}{last}")
    ws.add_data_validation(dv)
    return dv


def _lembar(
    wb: Workbook, spec: Lembar, model: Arsitektur, katalog: Katalog, opd_id: str, daftar: _Daftar
) -> None:
    ws = wb.create_sheet(spec.nama)
    headers = [KOLOM_ID_ASAL, KOLOM_NILAI_ASAL, *(k.judul for k in spec.kolom)]
    for index, text in enumerate(headers, start=1):
        cell = ws.cell(row=1, column=index, value=text)
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        letter = get_column_letter(index)
        if index <= 2:
            cell.fill = TERSEMBUNYI_FILL
            ws.column_dimensions[letter].hidden = True
            continue
        kolom = spec.kolom[index - 3]
        cell.fill = WAJIB_FILL if kolom.wajib else OPSI_FILL
        cell.comment = Comment(_catatan(kolom), "spbe-arch", width=320, height=160)
        ws.column_dimensions[letter].width = 40 if kolom.jenis in ("kode", "teks") else 24
        ws.column_dimensions[letter].protection = TERBUKA
    elements = [e for e in model.of_kind(spec.kind) if model.owner(e.id) == opd_id]
    for row, element in enumerate(elements, start=2):
        asal: dict[str, str] = {}
        for index, kolom in enumerate(spec.kolom, start=3):
            shown = tulis(kolom, getattr(element, kolom.field, None), katalog)
            cell = ws.cell(row=row, column=index, value=shown)
            cell.protection = TERBUKA
            if isinstance(shown, dt.date):
                cell.number_format = "yyyy-mm-dd"
            if shown is not None:
                asal[kolom.field] = teks_sel(shown)
        ws.cell(row=row, column=1, value=element.id)
        ws.cell(row=row, column=2, value=json.dumps(asal, ensure_ascii=False, sort_keys=True))
    last = len(elements) + 1 + meta.BARIS_TAMBAHAN
    for index, kolom in enumerate(spec.kolom, start=3):
        key, entries = isi_daftar(kolom, model, katalog, opd_id)
        if entries:
            _validasi(ws, kolom, daftar.formula(key, entries), get_column_letter(index), last)
    ws.freeze_panes = "D2"
    ws.protection.sheet = True
    # protection guards the headers and hidden columns, not the OPD's work on rows
    for option in (
        "insertRows",
        "deleteRows",
        "formatColumns",
        "formatRows",
        "formatCells",
        "sort",
        "autoFilter",
    ):
        setattr(ws.protection, option, False)
    ws.auto_filter.ref = f"C1:{get_column_letter(len(headers))}{max(len(elements) + 1, 2)}"


def _meta(wb: Workbook, values: dict[str, str]) -> None:
    ws = wb.create_sheet(meta.META)
    for row, (key, value) in enumerate(values.items(), start=1):
        ws.cell(row=row, column=1, value=key)
        ws.cell(row=row, column=2, value=value)
    ws.sheet_state = "hidden"
    ws.protection.sheet = True


def buat_formulir(
    model: Arsitektur,
    katalog: Katalog,
    opd_id: str,
    *,
    hash_model: str,
    tenggat: dt.date | None = None,
    now: dt.datetime | None = None,
) -> Workbook:
    """The workbook of one OPD: cover, one sheet per kind it answers for, ``_daftar``, ``_meta``."""
    opd = model.opd[opd_id]
    config = model.konfigurasi
    if tenggat is None and config is not None and config.survei is not None:
        tenggat = config.survei.tenggat
    now = now or dt.datetime.now().replace(microsecond=0)
    owned = {e.KIND for e in model.elemen.values() if model.owner(e.id) == opd_id}
    kinds = jenis_formulir(opd.bidang_urusan, owned)
    wb = Workbook()
    cover = wb.active
    assert cover is not None
    counts = {
        lembar(k).nama: sum(1 for e in model.of_kind(k) if model.owner(e.id) == opd_id)
        for k in kinds
    }
    tulis_sampul(cover, config, opd, tenggat, counts)
    daftar = _Daftar(wb)
    for kind in kinds:
        _lembar(wb, lembar(kind), model, katalog, opd_id, daftar)
    daftar.finish()
    wb.move_sheet(meta.DAFTAR, offset=len(wb.sheetnames))
    _meta(
        wb,
        {
            meta.K_VERSI: FORM_VERSION,
            meta.K_PEMDA: config.pemda.nama if config is not None else "",
            meta.K_OPD: opd_id,
            meta.K_OPD_NAMA: opd.nama,
            meta.K_DIBUAT: now.isoformat(),
            meta.K_HASH: hash_model,
            meta.K_TENGGAT: tenggat.isoformat() if tenggat else "",
            meta.K_JENIS: ",".join(kinds),
        },
    )
    wb.security = WorkbookProtection(lockStructure=True)
    return wb


def generate(
    path: str | os.PathLike[str],
    out: str | os.PathLike[str],
    *,
    opd: Iterable[str] = (),
    tenggat: dt.date | None = None,
    now: dt.datetime | None = None,
) -> list[Path]:
    """Write one workbook per OPD (all, or those named) into ``out``; returns the files.

    Raises ``KeyError`` naming an OPD id the model does not have.
    """
    root = Path(path)
    model = load(root).model
    katalog = model.katalog()
    wanted = list(opd) or sorted(model.opd)
    unknown = [o for o in wanted if o not in model.opd]
    if unknown:
        raise KeyError(", ".join(unknown))
    state = meta.hash_model(root)
    target = Path(out)
    target.mkdir(parents=True, exist_ok=True)
    written = []
    for opd_id in wanted:
        wb = buat_formulir(model, katalog, opd_id, hash_model=state, tenggat=tenggat, now=now)
        file = target / meta.nama_berkas(opd_id)
        wb.save(file)
        written.append(file)
    return written
