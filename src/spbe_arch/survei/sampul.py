"""The cover sheet of a survey workbook, in Bahasa Indonesia."""

from __future__ import annotations

import datetime as dt

from openpyxl.styles import Alignment, Font
from openpyxl.worksheet.worksheet import Worksheet

from spbe_arch.model.konfigurasi import Konfigurasi
from spbe_arch.model.organisasi import PerangkatDaerah
from spbe_arch.survei.meta import SAMPUL

PETUNJUK: tuple[str, ...] = (
    "Setiap lembar memuat satu jenis elemen arsitektur; satu baris = satu elemen.",
    "Baris yang sudah terisi adalah data yang tercatat saat ini: periksa, perbaiki, lengkapi.",
    "Elemen baru: isi baris kosong di bawahnya. Kolom ID boleh dikosongkan; id dibuat otomatis.",
    "Kolom bertanda * (berwarna jingga) wajib diisi. Arahkan kursor ke judul kolom untuk "
    "membaca penjelasannya.",
    "Gunakan daftar pilihan (panah di sel). Kolom yang boleh berisi lebih dari satu nilai: "
    "pisahkan dengan koma, mis. DAB-DINKES-01, DAB-DINKES-02.",
    "Jangan mengganti nama lembar atau judul kolom, dan jangan menghapus baris yang ada; "
    "beri tahu narahubung bila sebuah elemen sudah tidak ada.",
    "Simpan sebagai .xlsx dan kirim kembali kepada narahubung sebelum tenggat.",
)

_BULAN = (
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
)


def tanggal_id(day: dt.date) -> str:
    """A date written the Indonesian way: ``18 Desember 2026``."""
    return f"{day.day} {_BULAN[day.month - 1]} {day.year}"


def tulis_sampul(
    ws: Worksheet,
    config: Konfigurasi | None,
    opd: PerangkatDaerah,
    tenggat: dt.date | None,
    counts: dict[str, int],
) -> None:
    """Fill the cover: Pemda, OPD, period, deadline, instructions, contact, sheet list."""
    ws.title = SAMPUL
    pemda = config.pemda.nama if config is not None else ""
    periode = f"{config.periode.mulai}–{config.periode.selesai}" if config is not None else ""
    kontak = config.survei.kontak if config is not None and config.survei is not None else None
    rows: list[tuple[str, str]] = [
        ("Formulir Survei Arsitektur SPBE", ""),
        ("Pemerintah Daerah", pemda),
        ("Perangkat Daerah", f"{opd.nama} ({opd.id})"),
        ("Periode arsitektur", periode),
        ("Tenggat pengembalian", tanggal_id(tenggat) if tenggat else "-"),
        ("", ""),
        ("Cara mengisi", ""),
    ]
    rows += [(f"{n}.", text) for n, text in enumerate(PETUNJUK, start=1)]
    rows += [("", ""), ("Narahubung", "")]
    if kontak is not None:
        rows += [
            ("Nama", kontak.nama),
            ("Telepon", kontak.telepon or "-"),
            ("Surel", kontak.email or "-"),
        ]
    else:
        rows += [("Nama", "Tim Koordinasi SPBE (Diskominfo)")]
    rows += [("", ""), ("Lembar", "Jumlah elemen tercatat")]
    rows += [(name, str(count)) for name, count in counts.items()]
    for row, (label, value) in enumerate(rows, start=1):
        ws.cell(row=row, column=1, value=label or None)
        ws.cell(row=row, column=2, value=value or None)
        ws.cell(row=row, column=2).alignment = Alignment(wrap_text=True, vertical="top")
        if label in ("Cara mengisi", "Narahubung", "Lembar"):
            ws.cell(row=row, column=1).font = Font(bold=True)
    ws["A1"].font = Font(bold=True, size=14)
    ws.column_dimensions["A"].width = 26
    ws.column_dimensions["B"].width = 100
    ws.protection.sheet = True
