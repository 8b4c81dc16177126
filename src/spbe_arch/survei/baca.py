"""Reading a returned workbook: refuse what cannot be read safely, collect rows, note the mess."""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from spbe_arch.model.arsitektur import Arsitektur
from spbe_arch.survei import meta, tanda
from spbe_arch.survei.kolom import (
    FORM_VERSION,
    KOLOM_ID_ASAL,
    KOLOM_NILAI_ASAL,
    KOLOM_TANDA,
    KOLOM_TERSEMBUNYI,
    NAMA_SHEET,
    Lembar,
    kunci_judul,
    lembar,
)
from spbe_arch.survei.nilai import rapikan, teks_sel
from spbe_arch.survei.xlsx import BukuKerja, Lembaran, XlsxDitolak, baca_berkas


class FormulirDitolak(Exception):
    """A workbook that cannot be imported safely; the message says why, in two languages."""

    def __init__(self, berkas: str, pesan: str, pesan_en: str) -> None:
        berkas = meta.aman(berkas)
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
    rusak: bool = False
    """A cell of the row cannot be read (formula without value, control character, forged
    hidden values): the row is not imported; its findings say why."""


@dataclass(slots=True)
class Formulir:
    """A workbook read: its metadata, rows, the columns present, and notices."""

    path: Path
    meta: dict[str, str]
    opd: str
    baris: list[Baris] = field(default_factory=list)
    hadir: dict[str, set[str]] = field(default_factory=dict)
    temuan: list[Temuan] = field(default_factory=list)
    sha256: str = ""
    tertanda: bool = False
    asal: set[tuple[str, str]] = field(default_factory=set)
    """(kind, id) of every row the form was generated with (signed in ``_meta``)."""

    @property
    def nama(self) -> str:
        """The workbook's file name, safe to print and to store as a value."""
        return meta.aman(self.path.name)


def _refuse(path: Path, pesan: str, pesan_en: str) -> FormulirDitolak:
    return FormulirDitolak(path.name, pesan, pesan_en)


_META_BARIS = 100_000


def _meta(path: Path, book: BukuKerja) -> list[tuple[str, str]]:
    if meta.META not in book.lembar:
        raise _refuse(
            path,
            "bukan formulir spbe-arch (lembar _meta tidak ada); impor hanya buku kerja dari "
            "`survey generate`",
            "not an spbe-arch form (no _meta sheet); import only workbooks from `survey generate`",
        )
    sheet = book.baca_lembar(meta.META, _META_BARIS, 2)
    entries: list[tuple[str, str]] = []
    seen: set[str] = set()
    for row in sorted(sheet.baris):
        key = teks_sel(sheet.nilai(row, 1))
        value = teks_sel(sheet.nilai(row, 2))
        if not key:
            continue
        if key in seen and key != meta.K_ELEMEN:
            raise _refuse(
                path,
                f"lembar _meta memuat kunci '{meta.aman(key, 40)}' dua kali (dimanipulasi?)",
                f"the _meta sheet holds the key '{meta.aman(key, 40)}' twice (tampered?)",
            )
        seen.add(key)
        entries.append((key, value))
    return entries


def _opd_nama_berkas(name: str, model: Arsitektur) -> str | None:
    """The OPD a file name names (the longest id that appears as a whole word), if any."""
    upper = name.upper()
    found = [
        o
        for o in model.opd
        if re.search(rf"(?<![A-Z0-9]){re.escape(o.upper())}(?![A-Z0-9])", upper)
    ]
    return max(found, key=len) if found else None


def baca_formulir(
    path: Path,
    model: Arsitektur,
    kunci: bytes | None = None,
    *,
    tanpa_tanda: bool = False,
    dari: str | None = None,
) -> Formulir:
    """Read one returned workbook against the model; raises :class:`FormulirDitolak`.

    ``kunci`` verifies the signature (see :mod:`spbe_arch.survei.tanda`); an unsigned form is
    refused unless ``tanpa_tanda``. ``dari`` is the OPD the operator says sent the file.
    """
    try:
        data = baca_berkas(path)
        book = BukuKerja(path.name, data)
        entries = _meta(path, book)
    except XlsxDitolak as exc:
        raise _refuse(path, exc.pesan, exc.pesan_en) from exc
    info = dict(entries)
    if info.get(meta.K_VERSI) != FORM_VERSION:
        versi = meta.aman(info.get(meta.K_VERSI) or "?", 20)
        raise _refuse(
            path,
            f"formulir versi {versi}, sedangkan versi yang dapat diimpor "
            f"{FORM_VERSION}; buat formulir baru dengan `spbe-arch survey generate`",
            f"form version {versi}; this version imports version {FORM_VERSION}; "
            "generate a new form with `spbe-arch survey generate`",
        )
    signed = _tanda(path, entries, kunci, tanpa_tanda)
    pemda = model.konfigurasi.pemda.nama if model.konfigurasi is not None else ""
    if info.get(meta.K_PEMDA) != pemda:
        raise _refuse(
            path,
            f"formulir milik '{meta.aman(info.get(meta.K_PEMDA, ''))}', bukan '{pemda}'",
            f"the form belongs to '{meta.aman(info.get(meta.K_PEMDA, ''))}', not '{pemda}'",
        )
    opd = info.get(meta.K_OPD, "")
    if opd not in model.opd:
        raise _refuse(
            path,
            f"OPD '{meta.aman(opd, 80)}' pada formulir tidak ada di model",
            f"the form's OPD '{meta.aman(opd, 80)}' is not in the model",
        )
    named = _opd_nama_berkas(path.stem, model)
    if named is not None and named != opd:
        raise _refuse(
            path,
            f"nama berkas menyebut {named}, tetapi formulir ini milik {opd}; pastikan "
            "pengirimnya, lalu impor dengan nama berkas yang benar",
            f"the file name says {named}, but this form belongs to {opd}; confirm the sender "
            "and import it under the right name",
        )
    if dari is not None and dari != opd:
        raise _refuse(
            path,
            f"formulir ini milik {opd}, bukan {dari} (--dari)",
            f"this form belongs to {opd}, not {dari} (--dari)",
        )
    form = Formulir(path, info, opd, sha256=hashlib.sha256(data).hexdigest(), tertanda=signed)
    if not signed:
        form.temuan.append(
            Temuan(form.nama, meta.META, 0, "", "warning", "SURVEI-T02",
                   "tanda tangan formulir tidak ada atau tidak dapat diperiksa; diimpor atas "
                   "izin --tanpa-tanda-tangan: isinya tidak dapat dipastikan berasal dari "
                   "formulir yang dibuat", "the form's signature is missing or cannot be "
                   "verified; imported under --tanpa-tanda-tangan: its content cannot be traced "
                   "to a generated form")
        )  # fmt: skip
    if named is None and dari is None:
        form.temuan.append(
            Temuan(form.nama, "", 0, "", "info", "SURVEI-T03",
                   f"nama berkas tidak menyebut OPD; formulir ini milik {opd}: pastikan "
                   "pengirimnya", f"the file name names no OPD; this form belongs to {opd}: "
                   "confirm the sender")
        )  # fmt: skip
    for item in (v for k, v in entries if k == meta.K_ELEMEN):
        kind, _, ident = item.partition(":")
        form.asal.add((kind, ident))
    kinds = [k for k in info.get(meta.K_JENIS, "").split(",") if k]
    for kind in kinds:
        if kind not in NAMA_SHEET:
            raise _refuse(
                path,
                f"jenis '{meta.aman(kind, 40)}' pada _meta tidak dikenal",
                f"unknown kind '{meta.aman(kind, 40)}' in _meta",
            )
    for kind in kinds:
        spec = lembar(kind)
        if spec.nama not in book.lembar:
            raise _refuse(
                path,
                f"lembar '{spec.nama}' tidak ada (diganti nama atau dihapus?); "
                "kembalikan namanya atau pakai formulir asli",
                f"sheet '{spec.nama}' is missing (renamed or deleted?); restore its "
                "name or use the original form",
            )
        width = len(KOLOM_TERSEMBUNYI) + len(spec.kolom) + meta.KOLOM_SISA
        try:
            sheet = book.baca_lembar(spec.nama, meta.BARIS_MAKS, width)
        except XlsxDitolak as exc:
            raise _refuse(path, exc.pesan, exc.pesan_en) from exc
        _baca_lembar(form, spec, sheet, kunci if signed else None)
    return form


def _tanda(
    path: Path, entries: list[tuple[str, str]], kunci: bytes | None, tanpa_tanda: bool
) -> bool:
    """Whether the form is signed (verified); refuses a bad signature or an unsigned form."""
    if not entries or entries[-1][0] != meta.K_TANDA:
        if any(k == meta.K_TANDA for k, _ in entries):
            raise _refuse(
                path,
                "tanda tangan formulir tidak di tempatnya; lembar _meta diubah",
                "the form's signature is out of place; the _meta sheet was changed",
            )
        if tanpa_tanda:
            return False
        raise _refuse(
            path,
            "formulir tanpa tanda tangan; impor hanya formulir dari `survey generate`, atau "
            "pakai --tanpa-tanda-tangan bila pengirimnya sudah Anda pastikan",
            "an unsigned form; import only forms from `survey generate`, or use "
            "--tanpa-tanda-tangan once you have confirmed the sender",
        )
    if kunci is None and tanpa_tanda:
        return False
    if kunci is None:
        raise _refuse(
            path,
            "kunci survei tidak tersedia untuk memeriksa tanda tangan",
            "no survey key to verify the signature",
        )
    body = entries[:-1]
    mine = tanda.id_kunci(kunci)
    theirs = dict(body).get(meta.K_KUNCI, "?")
    if not tanda.cocok(tanda.tanda_meta(kunci, body), entries[-1][1]):
        if tanpa_tanda:
            return False  # the operator vouches for the sender (a lost key, another machine)
        other = (
            f" (ditandatangani dengan kunci {meta.aman(theirs, 20)}, kunci Anda {mine})"
            if theirs != mine
            else ""
        )
        other_en = (
            f" (signed with key {meta.aman(theirs, 20)}, yours is {mine})" if theirs != mine else ""
        )
        raise _refuse(
            path,
            "tanda tangan formulir tidak cocok: lembar tersembunyi _meta diubah, atau formulir "
            f"bukan dari Diskominfo ini{other}; minta OPD mengisi formulir asli",
            "the form's signature does not match: the hidden _meta sheet was changed, or the "
            f"form is not from this Diskominfo{other_en}; ask the OPD to fill the original form",
        )
    return True


def _kolom(form: Formulir, spec: Lembar, sheet: Lembaran) -> dict[str, int]:
    found: dict[str, int] = {}
    headers: dict[str, int] = {}
    for col, cell in sorted(sheet.baris.get(1, {}).items()):
        text = kunci_judul(cell.nilai)
        if text and text not in headers:
            headers[text] = col
    for name in KOLOM_TERSEMBUNYI:
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
                Temuan(form.nama, spec.nama, 1, kolom.header, "info", "SURVEI-K01",
                       "kolom tidak ada; isian ini tidak diubah",
                       "column missing; this field is left unchanged")
            )  # fmt: skip
    for column in headers.values():
        shown = meta.aman(teks_sel(sheet.nilai(1, column)), 60)
        form.temuan.append(
            Temuan(form.nama, spec.nama, 1, shown, "info", "SURVEI-K02",
                   f"kolom tambahan '{shown}' diabaikan", f"extra column '{shown}' ignored")
        )  # fmt: skip
    if sheet.di_luar_kolom:
        form.temuan.append(
            Temuan(form.nama, spec.nama, 0, "", "info", "SURVEI-K03",
                   f"{sheet.di_luar_kolom} sel berisi jauh di kanan formulir diabaikan",
                   f"{sheet.di_luar_kolom} filled cells far right of the form ignored")
        )  # fmt: skip
    return found


def _gabungan(form: Formulir, spec: Lembar, sheet: Lembaran) -> dict[tuple[int, int], Any]:
    """Values of merged cells: a vertical merge fills every row, a wider one only its first cell."""
    out: dict[tuple[int, int], Any] = {}
    for r1, c1, r2, c2 in sheet.gabungan:
        if r1 < 2:
            continue
        value = sheet.nilai(r1, c1)
        if c1 == c2:
            for row in range(r1, min(r2, meta.BARIS_MAKS) + 1):
                out[(row, c1)] = value
        else:
            form.temuan.append(
                Temuan(form.nama, spec.nama, r1, f"{c1}:{c2}", "info", "SURVEI-B03",
                       "sel gabungan melintasi kolom; hanya sel pertama yang dibaca",
                       "merged cells span columns; only the first is read")
            )  # fmt: skip
    return out


def _asal(text: str) -> dict[str, str] | None:
    """The hidden original values: a flat JSON object of texts (None when it is not one)."""

    def pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
        keys = [k for k, _ in items]
        if len(set(keys)) != len(keys):
            raise ValueError("duplicate key")
        return dict(items)

    try:
        value = json.loads(text or "{}", object_pairs_hook=pairs)
    except (ValueError, RecursionError):
        return None
    if not isinstance(value, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in value.items()
    ):
        return None
    return value


def _baca_lembar(form: Formulir, spec: Lembar, sheet: Lembaran, kunci: bytes | None) -> None:
    columns = _kolom(form, spec, sheet)
    form.hadir[spec.kind] = {f for f in columns if f not in KOLOM_TERSEMBUNYI}
    merged = _gabungan(form, spec, sheet)
    by_column = {c: f for f, c in columns.items()}
    headers = {f: teks_sel(sheet.nilai(1, c)) for f, c in columns.items()}
    seen: dict[str, int] = {}

    def note(row: int, field_name: str, code: str, msg: str, msg_en: str) -> None:
        form.temuan.append(
            Temuan(form.nama, spec.nama, row, headers.get(field_name, field_name), "error", code,
                   msg + "; baris tidak diimpor", msg_en + "; row not imported")
        )  # fmt: skip

    for row in sorted(sheet.baris):
        if row < 2:
            continue
        values: dict[str, Any] = {}
        broken = False
        for column, name in by_column.items():
            cell = sheet.sel(row, column)
            value = merged.get((row, column), cell.nilai if cell is not None else None)
            if cell is not None and cell.rumus and value is None:
                note(row, name, "SURVEI-B01",
                     "rumus tanpa nilai tersimpan; buka dan simpan ulang di Excel, atau ketik "
                     "nilainya", "formula without a cached value; open and save the file in "
                     "Excel, or type the value")  # fmt: skip
                broken = True
            if isinstance(value, str) and name not in KOLOM_TERSEMBUNYI:
                # the hidden columns stay byte-exact: their signature covers them
                value, bad = rapikan(value)
                if bad is not None:
                    note(row, name, "SURVEI-B04",
                         f"sel berisi karakter kendali {bad} yang tidak terlihat; hapus "
                         "karakter itu (ketik ulang isinya)",
                         f"the cell holds an invisible control character {bad}; remove it "
                         "(retype the value)")  # fmt: skip
                    broken = True
            values[name] = value
        id_asal = teks_sel(values.pop(KOLOM_ID_ASAL)) or None
        asal_text = teks_sel(values.pop(KOLOM_NILAI_ASAL))
        signature = teks_sel(values.pop(KOLOM_TANDA))
        if all(not teks_sel(v) for v in values.values()):
            continue  # an empty row, or a pre-filled row emptied: absent (see --hapus)
        asal: dict[str, str] = {}
        if id_asal is not None:
            parsed = _asal(asal_text)
            genuine = kunci is None or tanda.cocok(
                tanda.tanda_baris(kunci, form.meta.get(meta.K_TANDA, ""), spec.kind, id_asal,
                                  asal_text), signature)  # fmt: skip
            if parsed is None or not genuine:
                note(
                    row,
                    KOLOM_ID_ASAL,
                    "SURVEI-T01",
                    "kolom tersembunyi baris ini diubah atau disalin dari formulir lain",
                    "this row's hidden columns were changed or copied from another form",
                )
                broken = True
            elif id_asal in seen:
                note(row, KOLOM_ID_ASAL, "SURVEI-T01",
                     f"baris ini salinan baris {seen[id_asal]} (elemen yang sama dua kali); "
                     "hapus salah satunya",
                     f"this row copies row {seen[id_asal]} (the same element twice); delete "
                     "one of them")  # fmt: skip
                broken = True
            else:
                # compared with cells whose line breaks are normalised: normalise them alike
                asal = {k: rapikan(v)[0] for k, v in parsed.items()}
                seen[id_asal] = row
        form.baris.append(Baris(spec, row, id_asal, asal, values, broken))
