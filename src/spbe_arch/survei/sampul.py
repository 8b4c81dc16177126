"""The cover sheet of a survey workbook, in Bahasa Indonesia."""

from __future__ import annotations

import datetime as dt

from spbe_arch.model.konfigurasi import Konfigurasi
from spbe_arch.model.organisasi import PerangkatDaerah
from spbe_arch.survei.xlsxtulis import Gaya, Lembar

PETUNJUK: tuple[str, ...] = (
    "Setiap lembar memuat satu jenis elemen arsitektur; satu baris = satu elemen.",
    "Baris yang sudah terisi adalah data yang tercatat saat ini: periksa, perbaiki, lengkapi.",
    "Elemen baru: isi baris kosong di bawahnya. Kolom ID boleh dikosongkan; id dibuat otomatis.",
    "Kolom bertanda * (berwarna jingga) wajib diisi. Arahkan kursor ke judul kolom untuk "
    "membaca penjelasannya.",
    "Gunakan daftar pilihan (panah di sel). Kolom yang boleh berisi lebih dari satu nilai: "
    "pisahkan dengan koma, mis. DAB-DINKES-01, DAB-DINKES-02.",
    "Kolom berwarna kuning sebaiknya diisi; kolom biru boleh dikosongkan.",
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
    ws: Lembar,
    config: Konfigurasi | None,
    opd: PerangkatDaerah,
    tenggat: dt.date | None,
    counts: dict[str, int],
) -> None:
    """Fill the cover: Pemda, OPD, period, deadline, instructions, contact, sheet list.

    Printed on one A4 portrait page wide; each row is as tall as its wrapped text, so no line
    runs into the next.
    """
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
    bold = Gaya(tebal=True, atas=True, bungkus=True)
    plain = Gaya(atas=True, bungkus=True)
    for row, (label, value) in enumerate(rows, start=1):
        heading = label in ("Cara mengisi", "Narahubung", "Lembar")
        if label:
            ws.tulis(
                row,
                1,
                label,
                Gaya(tebal=True, ukuran=14) if row == 1 else bold if heading else plain,
            )
        if value:
            ws.tulis(row, 2, value, plain)
        lines = max(_baris(value, LEBAR_B), _baris(label, LEBAR_A))
        if lines > 1:
            ws.tinggi[row] = 15.0 * lines + 2
    ws.tinggi[1] = 22.0
    ws.kolom[1] = (LEBAR_A, False, None)
    ws.kolom[2] = (LEBAR_B, False, None)
    ws.lindungi = True
    ws.kertas = 9
    ws.lanskap = False
    ws.cetak = f"A1:B{len(rows)}"


LEBAR_A = 24
LEBAR_B = 90


def _baris(text: str, width: int) -> int:
    """Lines a text takes in a wrapped column of ``width`` characters (words kept whole)."""
    lines, used = 1, 0
    for word in text.split():
        size = len(word) + (1 if used else 0)
        if used and used + size > width - 2:
            lines, used = lines + 1, len(word)
        else:
            used += size
    return lines
