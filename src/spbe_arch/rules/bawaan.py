"""Codes the loader and the engine report themselves, documented like the rules.

Their severity is fixed (the file could not be read as written). Encoding problems cannot be
shown as YAML text; their examples are described, and tested in ``tests/test_load_*.py``.
"""

from __future__ import annotations

from spbe_arch.problems import Severity
from spbe_arch.rules.engine import Rule, register

_F = "**Contoh gagal:**"
_L = "**Contoh lulus:**"


def _doc(summary: str, what: str, why: str, fail: str, ok: str) -> str:
    parts = (summary, f"**Yang diperiksa.** {what}", f"**Mengapa.** {why}", _F, fail, _L, ok)
    return "\n\n".join(parts) + "\n"


def _yaml(text: str) -> str:
    return "```yaml\n" + text.strip("\n") + "\n```"


_PB_OK = _yaml("proses_bisnis:\n  - id: DAB-01\n    nama: Pelayanan Kesehatan")
_READ = "Berkas yang tidak dapat dibaca tidak dimuat; berkas lain tetap dimuat dan diperiksa."

_BUILTIN: tuple[tuple[str, str, Severity, str, str, str, str, str], ...] = (
    ("SPBE-YAML-001", "sintaks-yaml", Severity.ERROR,
     "Kesalahan sintaks YAML.",
     "Berkas harus YAML yang sah. Kurung atau kutip yang tidak ditutup dilaporkan di baris "
     "tempat ia dibuka.", _READ,
     _yaml("proses_bisnis:\n  - id: DAB-01\n    nama: [Pelayanan Kesehatan  # <- di sini"), _PB_OK),
    ("SPBE-YAML-002", "bukan-utf8", Severity.ERROR,
     "Berkas bukan teks UTF-8.",
     "Berkas model disimpan sebagai UTF-8. Berkas Latin-1/Windows-1252 (mis. `é` sebagai bita "
     "0xE9) atau UTF-16 dilaporkan di baris dan kolom bita pertama yang salah.", _READ,
     "Berkas yang disimpan Excel/Notepad sebagai ANSI dengan `nama: Layanan Terpadu Kecamatan "
     "Séberang`.", "Berkas yang sama disimpan sebagai UTF-8."),
    ("SPBE-YAML-003", "bom-utf8", Severity.WARNING,
     "Berkas diawali BOM UTF-8.",
     "BOM tidak diperlukan di UTF-8 dan mengganggu sebagian alat; berkas tetap dimuat.",
     "Konsistensi berkas di git.", "Berkas dari Notepad Windows lama (diawali EF BB BF).",
     "Berkas UTF-8 tanpa BOM."),
    ("SPBE-YAML-004", "karakter-kendali", Severity.ERROR,
     "Berkas memuat karakter kendali atau bita NUL (berkas biner).",
     "Hanya tab, baris baru dan carriage return yang diizinkan.", _READ,
     "Berkas `.yaml` yang sebenarnya gambar atau arsip.", "Berkas teks biasa."),
    ("SPBE-YAML-005", "kunci-ganda", Severity.ERROR,
     "Kunci ganda dalam satu pemetaan.",
     "Setiap kunci hanya sekali per pemetaan. Pesan menyebut kedua baris; nilai kedua "
     "tidak dipakai.",
     "YAML biasa diam-diam memakai nilai terakhir sehingga data hilang tanpa terlihat.",
     _yaml("proses_bisnis:\n  - id: DAB-01\n    nama: Pelayanan Kesehatan\n"
           "    nama: Pelayanan Puskesmas  # <- di sini"), _PB_OK),
    ("SPBE-YAML-006", "tag-terlarang", Severity.ERROR,
     "Tag YAML yang dapat membangun objek.",
     "Hanya tag inti YAML yang diizinkan; `!!python/object` dan tag khusus dilaporkan dan tidak "
     "pernah dijalankan.", "Keamanan: berkas dari banyak pihak tidak boleh menjalankan kode.",
     _yaml("proses_bisnis:\n  - id: DAB-01\n    nama: !!python/object:os.system ls  # <- di sini"),
     _PB_OK),
    ("SPBE-YAML-007", "alias-berlebih", Severity.ERROR,
     "Alias YAML tidak terdefinisi atau mengembang berlebihan (bom alias).",
     "Alias harus menunjuk anchor yang sudah didefinisikan, dan pengembangannya dibatasi.",
     "Bom alias (\"billion laughs\") dapat menghabiskan memori mesin CI.",
     _yaml("proses_bisnis:\n  - id: DAB-01\n    nama: *tidak_ada  # <- di sini"), _PB_OK),
    ("SPBE-YAML-008", "terlalu-dalam", Severity.ERROR,
     "Struktur bersarang terlalu dalam.",
     "Kedalaman dibatasi 64 tingkat; berkas model yang wajar hanya sekitar enam tingkat.",
     "Mencegah kehabisan tumpukan pada berkas rusak atau jahat.",
     "Berkas berisi `[[[[ … ]]]]` sepuluh ribu tingkat.", _PB_OK),
    ("SPBE-YAML-009", "banyak-dokumen", Severity.ERROR,
     "Berkas berisi lebih dari satu dokumen YAML.",
     "Satu berkas satu dokumen; dokumen setelah `---` kedua tidak dimuat.",
     "Dokumen tambahan akan diam-diam diabaikan.",
     _yaml("proses_bisnis:\n  - {id: DAB-01, nama: Pelayanan Kesehatan}\n---  # <- di sini\n"
           "layanan: []"), _PB_OK),
    ("SPBE-YAML-010", "tidak-terbaca", Severity.ERROR,
     "Berkas atau folder tidak dapat dibaca.",
     "Izin berkas, tautan rusak, atau berkas yang hilang saat dimuat.", _READ,
     "Berkas dengan izin 000.", "Berkas yang dapat dibaca."),
    ("SPBE-YAML-011", "terlalu-besar", Severity.ERROR,
     "Berkas atau nilai terlalu besar.",
     "Berkas dibatasi 32 MiB dan satu nilai 1.000.000 karakter.",
     "Waktu dan memori pemeriksaan tetap terbatas.", "Nilai teks 20 MB.", _PB_OK),
    ("SPBE-YAML-012", "putaran-tautan", Severity.WARNING,
     "Tautan simbolik membentuk putaran di folder model.",
     "Folder yang ditautkan kembali ke leluhurnya dilewati.", "Mencegah pemuatan tanpa akhir.",
     "Folder `a/b` yang menautkan ke `a`.", "Folder tanpa tautan berputar."),
    ("SPBE-YAML-013", "tautan-ke-luar", Severity.ERROR,
     "Tautan simbolik menunjuk ke luar folder repositori.",
     "Berkas model, folder atau `spbe.yaml` yang berupa tautan simbolik (juga rantai tautan) "
     "dan jalur sebenarnya berada di luar repositori tidak dibaca dan tidak dimasuki; masalah "
     "ditunjuk di tempat tautan itu sendiri, tanpa mengutip isi sasarannya.",
     "Repositori yang diperiksa di CI pada pull request dikendalikan penulisnya: tautan ke "
     "`/etc/passwd` atau berkas rahasia mesin CI tidak boleh terbaca atau terkutip di laporan "
     "(lihat docs/security.md).",
     "Berkas `opd/rahasia.yaml` yang menautkan ke `../../rahasia.yaml`.",
     "Tautan ke berkas di dalam repositori, atau berkas biasa."),
    ("SPBE-SKEMA-001", "kolom-wajib", Severity.ERROR,
     "Kolom wajib belum diisi.",
     "Kolom wajib menurut metamodel (lihat `docs/model.md`) harus ada; masalah ditunjuk di "
     "elemen yang kekurangan kolom.", "Data yang tidak lengkap tidak dapat dinilai.",
     _yaml("proses_bisnis:\n  - id: DAB-01  # <- di sini\n    uraian: Pelayanan kesehatan dasar"),
     _PB_OK),
    ("SPBE-SKEMA-002", "kunci-tidak-dikenal", Severity.ERROR,
     "Kunci tidak dikenal (dengan saran \"maksud Anda\").",
     "Metamodel menolak kunci yang tidak didefinisikan (salah ketik paling sering terjadi).",
     "Salah ketik yang diam-diam diabaikan adalah keluhan terbanyak alat berbasis YAML.",
     _yaml("proses_bisnis:\n  - id: DAB-01\n    nama: Pelayanan Kesehatan\n"
           "    refrensi: RAB.04.01.04  # <- di sini"), _PB_OK),
    ("SPBE-SKEMA-003", "nilai-tidak-sah", Severity.ERROR,
     "Nilai tidak sah untuk kolomnya.",
     "Jenis nilai, pilihan (enumerasi), pola (id, kode SIPD) dan sintaks kode referensi.",
     "Nilai di luar pilihan resmi tidak dapat dipetakan ke templat analis.",
     _yaml("layanan:\n  - id: DAL-01\n    nama: Pelayanan Puskesmas\n"
           "    metode_layanan: online  # <- di sini"), _PB_OK),
    ("SPBE-SKEMA-004", "struktur-berkas", Severity.ERROR,
     "Struktur berkas tidak dikenal.",
     "Berkas model berupa pemetaan dengan bagian yang dikenal (`proses_bisnis`, `data`, `layanan`, "
     "`aplikasi`, `infrastruktur`, `keamanan`, `peta_rencana`, `perangkat_daerah`) berisi daftar.",
     "Bagian yang salah ketik akan diabaikan seluruhnya.",
     _yaml("aplikasii:  # <- di sini\n  - {id: DAA-01, nama: SIMPUS}"), _PB_OK),
    ("SPBE-ID-001", "id-ganda", Severity.ERROR,
     "Id dipakai lebih dari sekali di repositori.",
     "Id elemen, OPD dan unit kerja unik di seluruh repositori; pesan menyebut tempat pertama.",
     "Relasi ke id ganda ambigu (id unik per repositori: docs/model.md).",
     _yaml("proses_bisnis:\n  - {id: DAB-01, nama: Pelayanan Kesehatan}\n"
           "  - {id: DAB-01, nama: Pelayanan Gizi}  # <- di sini"), _PB_OK),
    ("SPBE-CFG-001", "abaikan-tak-terpakai", Severity.WARNING,
     "Pengabaian (`abaikan`) yang tidak menekan temuan apa pun.",
     "Setiap entri `abaikan` pada elemen harus benar-benar menekan temuan aturan itu.",
     "Pengabaian usang menyembunyikan masalah yang kelak muncul kembali.",
     _yaml("aplikasi:\n  - id: DAA-01\n    nama: SIMPUS\n    referensi: RAA.02.02\n"
           "    abaikan:\n      - aturan: SPBE-ARS-002  # <- di sini\n"
           "        alasan: belum diklasifikasi"), _PB_OK),
    ("SPBE-CFG-002", "aturan-tidak-dikenal", Severity.ERROR,
     "Aturan yang disebut di konfigurasi atau `abaikan` tidak dikenal.",
     "Kode atau nama aturan di `pengaturan.aturan` (spbe.yaml) dan `abaikan` harus ada di "
     "`spbe-arch rules`.", "Salah ketik kode aturan membuat pengaturan diam-diam tidak berlaku.",
     _yaml("aplikasi:\n  - id: DAA-01\n    nama: SIMPUS\n    abaikan:\n"
           "      - aturan: SPBE-APL-999  # <- di sini\n        alasan: uji"), _PB_OK),
)  # fmt: skip

for _code, _name, _sev, _summary, _what, _why, _fail, _ok in _BUILTIN:
    register(Rule(_code, _name, _sev, None, _doc(_summary, _what, _why, _fail, _ok), "load", False))
