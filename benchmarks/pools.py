"""Realistic pools for the synthetic corpus: region names and the applications Pemda build.

Each kind of application has the name variants different Pemda give it (``{d}`` is the
region's name), a function text, and the RAA leaves it is classified under in practice.
"""

from __future__ import annotations

SYLLABLES = (
    "ba", "ban", "bu", "ka", "ke", "lo", "ma", "mu", "na", "pa", "ra", "sa", "si", "ta", "tu",
    "wa", "ja", "ga", "ngan", "rang", "lam", "tan", "pur", "dang", "ro", "jo", "se", "li", "mo",
)  # fmt: skip

PREFIXES = ("", "", "", "Tanjung ", "Sungai ", "Bukit ", "Kepulauan ", "Muara ", "Batu ")

KINDS: dict[str, dict[str, object]] = {
    "persuratan": {
        "names": ["e-Office {d}", "Sistem Informasi Persuratan Elektronik", "e-Surat {d}",
                  "SIPERSURATAN - Sistem Informasi Persuratan", "Naskah Dinas Elektronik {d}"],
        "fungsi": "Pengelolaan surat masuk, surat keluar dan disposisi elektronik.",
        "raa": ["RAA.02.02", "RAA.02.01"],
    },
    "kepegawaian": {
        "names": ["SIMPEG {d}", "SIMPEG - Sistem Informasi Manajemen Kepegawaian",
                  "Sistem Informasi Kepegawaian Daerah", "e-Pegawai {d}", "SIMASN {d}"],
        "fungsi": "Pengelolaan data kepegawaian, kenaikan pangkat dan cuti.",
        "raa": ["RAA.02.02", "RAA.02.01"],
    },
    "pengaduan": {
        "names": ["Sistem Pengaduan Masyarakat {d}", "e-Lapor {d}", "SIPMAS - Pengaduan Masyarakat",
                  "Aduan Warga {d}", "Kanal Pengaduan Online"],
        "fungsi": "Penerimaan dan tindak lanjut pengaduan masyarakat.",
        "raa": ["RAA.02.02", "RAA.02.01"],
    },
    "puskesmas": {
        "names": ["SIMPUS - Sistem Informasi Manajemen Puskesmas", "SIMPUS {d}", "e-Puskesmas {d}",
                  "Sistem Informasi Puskesmas", "SIMPUS Online"],
        "fungsi": "Pendaftaran, rekam medis dan laporan kunjungan puskesmas.",
        "raa": ["RAA.02.02", "RAA.02.01"],
    },
    "perizinan": {
        "names": ["e-Perizinan {d}", "SIMPP - Sistem Informasi Perizinan",
                  "Sistem Perizinan Online", "SIPP {d}", "e-Izin {d}"],
        "fungsi": "Permohonan, verifikasi dan penerbitan izin daerah secara daring.",
        "raa": ["RAA.02.02"],
    },
    "keuangan": {
        "names": ["SIMDA Keuangan", "SIMDA - Sistem Informasi Manajemen Daerah", "SIPKD {d}",
                  "Sistem Informasi Keuangan Daerah", "SIMRAL {d}"],
        "fungsi": "Penatausahaan dan akuntansi keuangan daerah.",
        "raa": ["RAA.02.02", "RAA.02.01"],
    },
    "satudata": {
        "names": ["Portal Satu Data {d}", "Satu Data {d}", "Open Data {d}",
                  "Portal Data Terbuka {d}", "SATU DATA - Portal Data Daerah"],
        "fungsi": "Publikasi dan katalog data statistik sektoral daerah.",
        "raa": ["RAA.02.02"],
    },
    "pajak": {
        "names": ["e-PBB {d}", "SIPADA - Sistem Informasi Pendapatan Daerah", "e-BPHTB {d}",
                  "e-Pajak {d}", "Sistem Informasi Pajak Daerah"],
        "fungsi": "Pendataan, penetapan dan pembayaran pajak daerah.",
        "raa": ["RAA.02.02"],
    },
    "aset": {
        "names": ["SIMBADA - Sistem Informasi Manajemen Barang Milik Daerah", "SIMBADA {d}",
                  "e-Aset {d}", "Sistem Informasi Aset Daerah", "SIMASET {d}"],
        "fungsi": "Inventarisasi dan penatausahaan barang milik daerah.",
        "raa": ["RAA.02.02"],
    },
    "website": {
        "names": ["Website Resmi Pemerintah {d}", "Portal Resmi {d}", "Situs Web {d}",
                  "Website {d}", "Portal Informasi {d}"],
        "fungsi": "Publikasi berita, profil dan informasi pemerintah daerah.",
        "raa": ["RAA.02.02"],
    },
    "ppid": {
        "names": ["e-PPID {d}", "PPID Online {d}", "Sistem Informasi PPID",
                  "Layanan Informasi Publik PPID {d}"],
        "fungsi": "Permohonan dan layanan informasi publik oleh PPID.",
        "raa": ["RAA.02.02"],
    },
    "jdih": {
        "names": ["JDIH {d}", "Jaringan Dokumentasi dan Informasi Hukum {d}", "e-JDIH {d}",
                  "JDIH Online"],
        "fungsi": "Dokumentasi dan publikasi produk hukum daerah.",
        "raa": ["RAA.02.02"],
    },
    "kebencanaan": {
        "names": ["SIAGA {d} - Sistem Informasi Kebencanaan", "Sistem Informasi Kebencanaan Daerah",
                  "e-Bencana {d}", "SIPBENCANA"],
        "fungsi": "Pelaporan kejadian bencana dan distribusi logistik.",
        "raa": ["RAA.02.02"],
    },
    "parkir": {
        "names": ["SI-PARKIR - Sistem Informasi Parkir Non-Tunai", "e-Parkir {d}",
                  "Parkir Online {d}", "SIPARKIR {d}"],
        "fungsi": "Pembayaran retribusi parkir non-tunai.",
        "raa": ["RAA.02.02"],
    },
    "hargapangan": {
        "names": ["SIHARPA - Sistem Informasi Harga Pangan", "Info Harga Pangan {d}",
                  "e-Harga Pasar {d}", "SIHARPA {d}"],
        "fungsi": "Pemantauan harga bahan pokok di pasar daerah.",
        "raa": ["RAA.02.02"],
    },
    "pariwisata": {
        "names": ["Visit {d} - Portal Pariwisata", "Portal Pariwisata {d}", "e-Tourism {d}",
                  "Wonderful {d}"],
        "fungsi": "Promosi destinasi wisata dan agenda budaya daerah.",
        "raa": ["RAA.02.02"],
    },
    "perpustakaan": {
        "names": ["e-Pustaka {d}", "Perpustakaan Digital {d}", "SLiMS Perpustakaan Daerah",
                  "iPusnas {d}"],
        "fungsi": "Katalog dan peminjaman koleksi perpustakaan daerah.",
        "raa": ["RAA.02.02"],
    },
    "kecamatan": {
        "names": ["SIPATEN - Sistem Informasi Pelayanan Administrasi Terpadu Kecamatan",
                  "PATEN Online {d}", "e-Kecamatan {d}", "Layanan Kecamatan Online"],
        "fungsi": "Pelayanan administrasi terpadu di kecamatan.",
        "raa": ["RAA.02.02"],
    },
    "dprd": {
        "names": ["e-Parlemen DPRD {d}", "Sistem Informasi DPRD {d}", "e-DPRD {d}",
                  "Portal Sekretariat DPRD"],
        "fungsi": "Agenda sidang, risalah dan aspirasi DPRD.",
        "raa": ["RAA.02.02"],
    },
    "umkm": {
        "names": ["e-UMKM {d}", "Sistem Informasi UMKM", "Pasar Digital UMKM {d}", "SIUMKM {d}"],
        "fungsi": "Pendataan dan promosi usaha mikro, kecil dan menengah.",
        "raa": ["RAA.02.02"],
    },
    "pengawasan": {
        "names": ["SIPAWAS - Sistem Informasi Pengawasan", "e-Audit {d}",
                  "Sistem Informasi Pengawasan Internal", "SIPAWAS {d}"],
        "fungsi": "Perencanaan dan tindak lanjut hasil pengawasan internal.",
        "raa": ["RAA.02.02"],
    },
    "bansos": {
        "names": ["SIKASDA - Sistem Informasi Kesejahteraan Sosial Daerah", "e-Bansos {d}",
                  "Sistem Informasi Bantuan Sosial", "SIKS Daerah {d}"],
        "fungsi": "Pendataan penerima bantuan sosial daerah.",
        "raa": ["RAA.02.02"],
    },
}  # fmt: skip
"""Kinds of Pemda-built applications, by function."""

TEMPLATE_KIND = {
    "sipada": "pajak", "simbada": "aset", "simpus": "puskesmas", "satu data": "satudata",
    "website": "website", "ppid": "ppid", "jdih": "jdih", "siaga": "kebencanaan",
    "parkir": "parkir", "siharpa": "hargapangan", "visit": "pariwisata", "pustaka": "perpustakaan",
    "sipaten": "kecamatan", "parlemen": "dprd", "umkm": "umkm", "sipawas": "pengawasan",
    "sikasda": "bansos", "simpp": "perizinan", "satu pintu": "perizinan",
}  # fmt: skip
"""The kind of each template (example model) application, by a word of its name."""
