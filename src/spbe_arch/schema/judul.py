"""Indonesian names of the model classes and file sections, for the JSON Schema and the docs.

The model classes carry English docstrings (for maintainers); forms, editors and documents show
these names. A class missing here falls back to its docstring, and a test lists the gaps.
"""

from __future__ import annotations

JUDUL: dict[str, str] = {
    "PerangkatDaerah": "Perangkat Daerah (OPD)",
    "UnitKerja": "Unit Kerja",
    "ProsesBisnis": "Proses Bisnis",
    "DataInformasi": "Data dan Informasi",
    "Layanan": "Layanan SPBE",
    "Aplikasi": "Aplikasi SPBE",
    "Integrasi": "Integrasi (pertukaran data antar-aplikasi)",
    "KomputasiAwan": "Komputasi Awan",
    "Server": "Perangkat Keras Server",
    "Periferal": "Perangkat Keras Periferal",
    "MediaPenyimpanan": "Perangkat Keras Media Penyimpanan",
    "PerangkatJaringan": "Perangkat Keras Jaringan",
    "PerangkatKeamanan": "Perangkat Keras Keamanan",
    "SistemOperasi": "Perangkat Lunak Platform: Sistem Operasi",
    "SistemDatabase": "Perangkat Lunak Platform: Sistem Database",
    "SistemUtilitas": "Perangkat Lunak Platform: Sistem Utilitas",
    "JaringanIntra": "Jaringan Intra",
    "SistemPenghubungLayanan": "Sistem Penghubung Layanan",
    "FasilitasKomputasi": "Fasilitas Komputasi",
    "StandarProsedur": "Standar Teknis, Prosedur, dan Regulasi Keamanan",
    "EdukasiKesadaran": "Edukasi Kesadaran Keamanan",
    "IdentifikasiKerentanan": "Identifikasi Kerentanan Keamanan",
    "PeningkatanKeamanan": "Peningkatan Keamanan",
    "PenangananInsiden": "Penanganan Insiden Keamanan",
    "AuditKeamanan": "Audit Keamanan",
    "KelaikanKeamanan": "Kelaikan Keamanan",
    "RencanaSpbe": "Butir Peta Rencana SPBE",
    "Abaikan": "Pengabaian aturan",
    "Konfigurasi": "Konfigurasi repositori model (spbe.yaml)",
    "Pemda": "Pemerintah Daerah",
    "Periode": "Periode (tahun awal dan akhir)",
    "Penetapan": "Penetapan dokumen arsitektur",
    "Reviu": "Reviu arsitektur",
    "Pengaturan": "Pengaturan alat",
    "Survei": "Survei formulir Perangkat Daerah",
    "Kontak": "Narahubung survei",
    "StandarPelayanan": "Standar pelayanan (UU 25/2009 Pasal 21)",
    "Pengadaan": "Fakta pengadaan (nilai, tahun, penyedia, sumber dana)",
    "DasarHukum": "Dasar hukum bagian arsitektur",
    "RiwayatEvaluasi": "Riwayat hasil evaluasi SPBE",
}
"""Indonesian title per model class name."""

BAGIAN: dict[str, str] = {
    "perangkat_daerah": "Perangkat Daerah (OPD) beserta unit kerjanya.",
    "proses_bisnis": "Domain Arsitektur Proses Bisnis: proses bisnis Pemda.",
    "data": "Domain Arsitektur Data dan Informasi: data yang dihasilkan dan dikelola Pemda.",
    "layanan": "Domain Arsitektur Layanan: layanan publik dan administrasi pemerintahan.",
    "aplikasi": "Domain Arsitektur Aplikasi: aplikasi yang dibangun atau dipakai Pemda.",
    "infrastruktur": "Domain Arsitektur Infrastruktur: objek infrastruktur, jenisnya ditulis "
    "di kunci `jenis`.",
    "keamanan": "Domain Arsitektur Keamanan: program keamanan, jenisnya ditulis di kunci `jenis`.",
    "peta_rencana": "Butir Peta Rencana SPBE (inisiatif, tahun, anggaran, elemen yang diubah).",
}
"""Indonesian description per top-level section of a model file."""

CONTOH_REFERENSI: dict[str, str] = {
    "RAB": "RAB.09.03.03",
    "RAD": "RAD.09.03.03",
    "RAL": "RAL.01.43.03",
    "RAA": "RAA.02.02",
    "RAI": "RAI.03.01.01",
    "RAK": "RAK.02.02",
}
"""An example reference code per catalogue (shown in editors as the `referensi` example)."""


def judul(cls: type) -> str:
    """The Indonesian title of a model class (its docstring's first line when not listed)."""
    if cls.__name__ in JUDUL:
        return JUDUL[cls.__name__]
    doc = (cls.__doc__ or cls.__name__).strip().splitlines()[0]
    return doc.rstrip(".")


def gloss(cls: type) -> str:
    """The class docstring's first paragraph, as a short English gloss."""
    doc = (cls.__doc__ or "").strip().replace("``", "`")
    return " ".join(doc.split("\n\n")[0].split())
