"""``survey generate``: one protected, signed Excel workbook per OPD, pre-filled from the model.

Every element appears in a form: in each of its owners' forms (an element may have several
owners, see :mod:`spbe_arch.survei.pemilik`), and elements nobody owns in the form chosen by
``survei.formulir_tanpa_pemilik`` (default: the Kominfo/Persandian OPD), with a warning that
lists them. The workbooks are written by :mod:`spbe_arch.survei.xlsxtulis` (text is never a
formula) through :func:`spbe_arch.fileio.write_atomic` inside the output folder.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from openpyxl.utils import get_column_letter

from spbe_arch import fileio
from spbe_arch.load import load
from spbe_arch.model.arsitektur import Arsitektur
from spbe_arch.model.base import Elemen
from spbe_arch.referensi import Katalog
from spbe_arch.survei import meta, tanda
from spbe_arch.survei.daftar import isi_daftar
from spbe_arch.survei.kolom import (
    FORM_VERSION,
    KOLOM_TERSEMBUNYI,
    Kolom,
    Lembar,
    jenis_formulir,
    lembar,
    nilai_dari,
)
from spbe_arch.survei.nilai import adalah_digest, asal_teks, catatan_kolom, digest, tulis
from spbe_arch.survei.pemilik import opd_tanpa_pemilik, penjawab
from spbe_arch.survei.sampul import tulis_sampul
from spbe_arch.survei.xlsx import SEL_MAKS
from spbe_arch.survei.xlsxtulis import Buku, Gaya, Validasi
from spbe_arch.survei.xlsxtulis import Lembar as Sheet

WAJIB_FILL = "FCE4D6"
ANJURAN_FILL = "FFF2CC"
OPSI_FILL = "DDEBF7"
TERSEMBUNYI_FILL = "D9D9D9"
INLINE_MAX = 250
"""Longest inline list formula (Excel's limit is 255 characters)."""
BARIS_CETAK_KOSONG = 10
"""Empty rows printed below the pre-filled ones (room to write new elements by hand)."""

_TERBUKA = Gaya(terkunci=False, bungkus=True, atas=True)
_TERBUKA_TEKS = Gaya(terkunci=False, bungkus=True, atas=True, teks=True)
_ANGKA: frozenset[str] = frozenset({"bulat", "bilangan", "tanggal"})
"""Column kinds typed as numbers or dates; every other column is formatted as Text (``@``) so
that Excel and LibreOffice keep what is typed as typed (tests/test_survei_libreoffice.py)."""
_TERBUKA_TGL = Gaya(terkunci=False, tanggal=True, atas=True)


def _gaya_isian(kolom: Kolom) -> Gaya:
    """The style of a column's cells that OPD staff fill in: Text unless numbers or dates."""
    return _TERBUKA if kolom.jenis in _ANGKA else _TERBUKA_TEKS


_TERSEMBUNYI = Gaya()


class _Daftar:
    """The ``_daftar`` sheet: one column per distinct list, referenced by absolute range."""

    def __init__(self, wb: Buku) -> None:
        self.ws = wb.tambah(meta.DAFTAR)
        self.ranges: dict[str, str] = {}

    def formula(self, key: str, entries: list[str], inline: bool) -> str:
        joined = ",".join(entries)
        if (
            inline
            and len(joined) <= INLINE_MAX
            and not any(("," in e or '"' in e) for e in entries)
        ):
            return f'"{joined}"'
        if key not in self.ranges:
            index = len(self.ranges) + 1
            col = get_column_letter(index)
            self.ws.tulis(1, index, key[:200])
            for row, entry in enumerate(entries, start=2):
                self.ws.tulis(row, index, entry)
            last = len(entries) + 1
            self.ranges[key] = f"'{meta.DAFTAR}'!${col}$2:${col}${last}"
        return self.ranges[key]

    def finish(self) -> None:
        self.ws.tersembunyi = True
        self.ws.lindungi = True


def _validasi(ws: Sheet, kolom: Kolom, formula: str, col: str, last: int) -> None:
    multi = kolom.banyak
    strict = kolom.jenis == "pilihan"
    ws.validasi.append(
        Validasi(
            sqref=f"{col}2:{col}{last}",
            formula=formula,
            ketat=strict,
            tampil_galat=not multi,
            judul_galat="Isian tidak ada di daftar",
            galat="Pilih nilai dari daftar."
            if strict
            else "Nilai tidak ada di daftar; tetap pakai?",
            judul_prompt=kolom.header,
            prompt=(
                "Pilih satu, lalu tambahkan yang lain dipisah koma."
                if multi
                else "Pilih dari daftar."
            ),
        )
    )


def _lembar(
    wb: Buku,
    spec: Lembar,
    elements: list[Elemen],
    model: Arsitektur,
    katalog: Katalog,
    opd_id: str,
    daftar: _Daftar,
    key: bytes,
    meta_tanda: list[str],
    rows_out: list[tuple[str, str, str]],
) -> None:
    ws = wb.tambah(spec.nama)
    hidden = len(KOLOM_TERSEMBUNYI)
    headers = [*KOLOM_TERSEMBUNYI, *(k.judul for k in spec.kolom)]
    contoh = [e.id for e in elements[:2]]
    for index, text in enumerate(headers, start=1):
        if index <= hidden:
            ws.tulis(1, index, text, Gaya(tebal=True, isi=TERSEMBUNYI_FILL))
            ws.kolom[index] = (12, True, _TERSEMBUNYI)
            continue
        kolom = spec.kolom[index - hidden - 1]
        fill = WAJIB_FILL if kolom.wajib else ANJURAN_FILL if kolom.anjuran else OPSI_FILL
        ws.tulis(1, index, text, Gaya(tebal=True, isi=fill, bungkus=True, atas=True))
        ws.catatan[(1, index)] = catatan_kolom(kolom, contoh, opd_id)
        width = 40 if kolom.jenis in ("kode", "teks") else 24
        ws.kolom[index] = (width, False, _gaya_isian(kolom))
    for row, element in enumerate(elements, start=2):
        asal: dict[str, str] = {}
        for index, kolom in enumerate(spec.kolom, start=hidden + 1):
            shown = tulis(kolom, nilai_dari(element, kolom.field), katalog)
            if isinstance(shown, str) and len(shown) > SEL_MAKS:
                shown = TERLALU_PANJANG.format(n=len(shown))  # kept in YAML unless replaced
            gaya = _TERBUKA_TGL if isinstance(shown, dt.date) else _gaya_isian(kolom)
            ws.tulis(row, index, shown, gaya)
            if shown is not None:
                asal[kolom.field] = asal_teks(shown)
        nilai = _json_asal(asal)
        ws.tulis(row, 1, element.id)
        ws.tulis(row, 2, nilai)
        rows_out.append((spec.kind, element.id, nilai))
        meta_tanda.append(f"{spec.kind}:{element.id}")
        ws.tulis(row, 3, "")  # signed once _meta is complete (see buat_formulir)
    last = len(elements) + 1 + meta.BARIS_TAMBAHAN
    for index, kolom in enumerate(spec.kolom, start=hidden + 1):
        list_key, entries = isi_daftar(kolom, model, katalog, opd_id)
        if entries:
            inline = kolom.jenis in ("pilihan", "pilihan_daftar")
            formula = daftar.formula(list_key, entries, inline)
            _validasi(ws, kolom, formula, get_column_letter(index), last)
    last_col = get_column_letter(len(headers))
    first_col = get_column_letter(hidden + 1)
    ws.beku = (2, hidden + 2)
    ws.lindungi = True
    ws.saring = f"{first_col}1:{last_col}{max(len(elements) + 1, 2)}"
    ws.cetak = f"{first_col}1:{last_col}{len(elements) + 1 + BARIS_CETAK_KOSONG}"
    ws.judul_cetak = "1:1"
    ws.lanskap = True
    ws.kertas = 8 if len(spec.kolom) > 12 else 9  # A3 for wide sheets, else A4
    del key


TERLALU_PANJANG = (
    "(teks {n} karakter, lebih panjang dari satu sel Excel: tetap seperti di YAML kecuali "
    "diganti di sini)"
)
"""What a cell shows for a model text longer than Excel's cell limit (the import keeps the YAML
text while the cell still shows this)."""


def _json_asal(asal: dict[str, str]) -> str:
    """The hidden original values as JSON that fits one cell: the longest values are kept as
    their digest until it does."""
    text = json.dumps(asal, ensure_ascii=False, sort_keys=True)
    while len(text) > SEL_MAKS - 1000:
        name = max((k for k in asal if not adalah_digest(asal[k])), key=lambda k: len(asal[k]))
        asal[name] = digest(asal[name])
        text = json.dumps(asal, ensure_ascii=False, sort_keys=True)
    return text


@dataclass(slots=True)
class HasilBuat:
    """What ``generate`` wrote and what the operator should know."""

    berkas: list[Path] = field(default_factory=list)
    peringatan: list[tuple[str, str]] = field(default_factory=list)
    """(message in Indonesian, in English)."""
    kunci: Path | None = None
    kunci_baru: bool = False


def buat_formulir(
    model: Arsitektur,
    katalog: Katalog,
    opd_id: str,
    *,
    hash_model: str,
    kunci: bytes,
    tenggat: dt.date | None = None,
    now: dt.datetime | None = None,
    tanpa_pemilik: str | None = None,
    index: dict[str, dict[str, list[Elemen]]] | None = None,
) -> bytes:
    """The ``.xlsx`` bytes of one OPD's form: cover, one sheet per kind, ``_daftar``, ``_meta``."""
    opd = model.opd[opd_id]
    config = model.konfigurasi
    if tenggat is None and config is not None and config.survei is not None:
        tenggat = config.survei.tenggat
    now = now or dt.datetime.now().replace(microsecond=0)
    if index is None:
        index = indeks(model, tanpa_pemilik)
    mine = index.get(opd_id, {})
    owned = {k for k, es in mine.items() if es}
    kinds = jenis_formulir(opd.bidang_urusan, owned)
    wb = Buku()
    cover = wb.tambah(meta.SAMPUL)
    counts = {lembar(k).nama: len(mine.get(k, [])) for k in kinds}
    tulis_sampul(cover, config, opd, tenggat, counts)
    daftar = _Daftar(wb)
    listed: list[str] = []
    rows: list[tuple[str, str, str]] = []
    sheets = []
    for kind in kinds:
        _lembar(
            wb, lembar(kind), mine.get(kind, []), model, katalog, opd_id, daftar, kunci, listed,
            rows,
        )  # fmt: skip
        sheets.append(wb.lembar[-1])
    daftar.finish()
    wb.lembar.remove(daftar.ws)
    wb.lembar.append(daftar.ws)
    entries: list[tuple[str, str]] = [
        (meta.K_VERSI, FORM_VERSION),
        (meta.K_PEMDA, config.pemda.nama if config is not None else ""),
        (meta.K_OPD, opd_id),
        (meta.K_OPD_NAMA, opd.nama),
        (meta.K_DIBUAT, now.isoformat()),
        (meta.K_HASH, hash_model),
        (meta.K_TENGGAT, tenggat.isoformat() if tenggat else ""),
        (meta.K_JENIS, ",".join(kinds)),
        (meta.K_KUNCI, tanda.id_kunci(kunci)),
        *((meta.K_ELEMEN, item) for item in listed),
    ]
    signature = tanda.tanda_meta(kunci, entries)
    entries.append((meta.K_TANDA, signature))
    by_row = iter(rows)
    for sheet in sheets:
        row = 2
        while (row, 1) in sheet.sel:
            kind, ident, nilai = next(by_row)
            sheet.tulis(row, 3, tanda.tanda_baris(kunci, signature, kind, ident, nilai))
            row += 1
    ws = wb.tambah(meta.META)
    for row, (key, value) in enumerate(entries, start=1):
        ws.tulis(row, 1, key)
        ws.tulis(row, 2, value)
    ws.tersembunyi = True
    ws.lindungi = True
    wb.kunci_struktur = True
    return wb.ke_bytes()


def indeks(model: Arsitektur, tanpa_pemilik: str | None) -> dict[str, dict[str, list[Elemen]]]:
    """OPD → kind → the elements its form lists, sorted by id (one pass over the model)."""
    out: dict[str, dict[str, list[Elemen]]] = {}
    for element in sorted(model.elemen.values(), key=lambda e: e.id):
        for opd_id in penjawab(model, element, tanpa_pemilik):
            out.setdefault(opd_id, {}).setdefault(element.KIND, []).append(element)
    return out


def buat_semua(
    path: str | os.PathLike[str],
    out: str | os.PathLike[str],
    *,
    opd: Iterable[str] = (),
    tenggat: dt.date | None = None,
    now: dt.datetime | None = None,
    kunci: str | os.PathLike[str] | None = None,
    progress: bool | None = None,
) -> HasilBuat:
    """Write one workbook per OPD (all, or those named) into ``out``, with warnings.

    Raises ``KeyError`` naming an OPD id the model does not have, :class:`tanda.KunciGagal`
    when the key cannot be read or made, :class:`fileio.OutsideFolderError` when a form's real
    path leaves ``out`` (a symbolic link planted in the output folder).
    """
    root = Path(path)
    model = load(root).model
    katalog = model.katalog()
    wanted = list(opd) or sorted(model.opd)
    unknown = [o for o in wanted if o not in model.opd]
    if unknown:
        raise KeyError(", ".join(unknown))
    key, where, created = tanda.muat_kunci(kunci, root, buat=True)
    result = HasilBuat(kunci=where, kunci_baru=created)
    config = model.konfigurasi
    survei = config.survei if config is not None else None
    tenggat = tenggat or (survei.tenggat if survei is not None else None)
    if tenggat is None:
        result.peringatan.append(
            (
                "formulir dibuat tanpa tenggat: isi `survei: tenggat:` di spbe.yaml atau pakai "
                "--tenggat YYYY-MM-DD",
                "forms made without a deadline: set `survei: tenggat:` in spbe.yaml or use "
                "--tenggat YYYY-MM-DD",
            )
        )
    if survei is None or survei.kontak is None:
        result.peringatan.append(
            (
                "formulir dibuat tanpa narahubung: isi `survei: kontak:` (nama, telepon, email) "
                "di spbe.yaml agar OPD tahu siapa yang ditanya",
                "forms made without a contact: set `survei: kontak:` (nama, telepon, email) in "
                "spbe.yaml so OPDs know whom to ask",
            )
        )
    tanpa = opd_tanpa_pemilik(model)
    if tanpa is not None and tanpa not in model.opd:
        raise KeyError(tanpa)
    unowned = sorted(e.id for e in model.elemen.values() if not penjawab(model, e, None))
    if unowned:
        shown = ", ".join(unowned[:30]) + (f" (+{len(unowned) - 30})" if len(unowned) > 30 else "")
        if tanpa is None:
            result.peringatan.append(
                (
                    f"{len(unowned)} elemen tanpa pemilik (atau milik seluruh Pemda) tidak masuk "
                    f"formulir mana pun: {shown}; "
                    "tentukan `survei: formulir_tanpa_pemilik: <id OPD>` di spbe.yaml",
                    f"{len(unowned)} elements without an owner (or owned by the whole Pemda) are "
                    f"in no form: {shown}; set "
                    "`survei: formulir_tanpa_pemilik: <OPD id>` in spbe.yaml",
                )
            )
        else:
            result.peringatan.append(
                (
                    f"{len(unowned)} elemen tanpa pemilik (atau milik seluruh Pemda) dimasukkan "
                    f"ke formulir {tanpa}: {shown}",
                    f"{len(unowned)} elements without an owner (or owned by the whole Pemda) go "
                    f"to the form of {tanpa}: {shown}",
                )
            )
    state = meta.hash_model(root)
    index = indeks(model, tanpa)
    target = Path(os.path.abspath(out))
    target.mkdir(parents=True, exist_ok=True)
    show = sys.stderr.isatty() and not os.environ.get("CI") if progress is None else progress
    for n, opd_id in enumerate(wanted, start=1):
        data = buat_formulir(
            model, katalog, opd_id, hash_model=state, kunci=key, tenggat=tenggat, now=now,
            tanpa_pemilik=tanpa, index=index,
        )  # fmt: skip
        file = target / meta.nama_berkas(opd_id)
        fileio.write_atomic(file, data, durable=False, root=target)
        result.berkas.append(Path(out) / meta.nama_berkas(opd_id))  # as the user named it
        if show:
            print(f"\r{n}/{len(wanted)} formulir", end="", file=sys.stderr, flush=True)
    if show:
        print(file=sys.stderr)
    return result


def generate(
    path: str | os.PathLike[str],
    out: str | os.PathLike[str],
    *,
    opd: Iterable[str] = (),
    tenggat: dt.date | None = None,
    now: dt.datetime | None = None,
    kunci: str | os.PathLike[str] | None = None,
) -> list[Path]:
    """Write one workbook per OPD (all, or those named) into ``out``; returns the files.

    Raises ``KeyError`` naming an OPD id the model does not have.
    """
    return buat_semua(path, out, opd=opd, tenggat=tenggat, now=now, kunci=kunci).berkas
