"""Readable words for the published document and site, in Bahasa Indonesia and English.

Every label a reader sees is here: field names (``basis_data`` → "Sistem basis data"), values of
closed lists, and the fixed words of pages and chapters. :func:`inert` is applied to every text
that comes from the model before any writer sees it.
"""

from __future__ import annotations

import re
from enum import Enum
from typing import Any

from spbe_arch.neutral import UNSAFE_RE

FIELD_LABELS: dict[str, tuple[str, str]] = {
    "id": ("Kode", "Id"),
    "nama": ("Nama", "Name"),
    "uraian": ("Uraian", "Description"),
    "opd": ("Perangkat Daerah", "Owner OPD"),
    "referensi": ("Referensi Arsitektur", "Reference code"),
    "status": ("Status", "Status"),
    "tahun_mulai": ("Tahun mulai", "First year"),
    "tahun_selesai": ("Tahun selesai", "Last year"),
    "keterangan": ("Keterangan", "Notes"),
    "abaikan": ("Aturan yang diabaikan", "Suppressed rules"),
    "induk": ("Proses bisnis induk", "Parent process"),
    "unit_kerja": ("Unit kerja", "Work unit"),
    "bidang_urusan": ("Bidang urusan", "Government affair"),
    "sasaran_strategis": ("Sasaran strategis", "Strategic goal"),
    "indikator_kinerja": ("Indikator kinerja utama", "Key performance indicator"),
    "nilai_iku_target": ("Target IKU", "KPI target"),
    "nilai_iku_realisasi": ("Realisasi IKU", "KPI achieved"),
    "satuan_iku": ("Satuan IKU", "KPI unit"),
    "tujuan": ("Tujuan", "Purpose"),
    "sifat": ("Sifat data", "Classification"),
    "jenis": ("Jenis", "Type"),
    "validitas": ("Frekuensi pemutakhiran", "Update frequency"),
    "interoperabilitas": ("Interoperabilitas", "Interoperable"),
    "produsen": ("Produsen data", "Data producer"),
    "walidata": ("Walidata", "Data steward"),
    "informasi_input": ("Informasi masukan", "Input information"),
    "informasi_output": ("Informasi keluaran", "Output information"),
    "proses_bisnis": ("Proses bisnis", "Business processes"),
    "layanan": ("Layanan", "Services"),
    "fungsi": ("Fungsi layanan", "Service function"),
    "urusan": ("Urusan pemerintahan", "Government affair"),
    "target_layanan": ("Sasaran pengguna", "Target users"),
    "metode_layanan": ("Metode layanan", "Delivery method"),
    "kementerian_lembaga": ("Kementerian/Lembaga terkait", "Related ministry/agency"),
    "potensi_manfaat": ("Potensi manfaat", "Potential benefit"),
    "potensi_ekonomi": ("Potensi ekonomi", "Economic potential"),
    "potensi_risiko": ("Potensi risiko", "Potential risk"),
    "mitigasi": ("Mitigasi risiko", "Risk mitigation"),
    "penanggung_jawab": ("Penanggung jawab", "Responsible officer"),
    "unit_pelaksana": ("Unit pelaksana", "Delivered by"),
    "luaran": ("Luaran", "Output"),
    "asal": ("Asal aplikasi", "Origin"),
    "aplikasi_nasional": ("Aplikasi nasional", "National application"),
    "basis": ("Basis aplikasi", "Platform"),
    "lisensi": ("Lisensi", "Licence"),
    "basis_data": ("Sistem basis data", "Database system"),
    "bahasa_pemrograman": ("Bahasa pemrograman", "Programming language"),
    "kerangka_pengembangan": ("Kerangka pengembangan", "Framework"),
    "pengembang": ("Pengembang", "Developer"),
    "operator": ("Operator", "Operated by"),
    "url": ("Alamat (URL)", "Address (URL)"),
    "data": ("Data", "Data"),
    "infrastruktur": ("Infrastruktur", "Infrastructure"),
    "sistem_penghubung": ("Sistem penghubung layanan", "Service bus"),
    "jaringan": ("Jaringan intra", "Intranet"),
    "integrasi": ("Integrasi", "Integrations"),
    "aplikasi": ("Aplikasi", "Application"),
    "melalui": ("Melalui", "Through"),
    "arah": ("Arah", "Direction"),
    "tipe_government_cloud": ("Tipe government cloud", "Government cloud type"),
    "status_kepemilikan": ("Status kepemilikan", "Ownership"),
    "nama_pemilik": ("Nama pemilik/penyedia", "Owner/provider"),
    "biaya_layanan": ("Biaya layanan", "Service cost"),
    "model_layanan": ("Model layanan", "Service model"),
    "jangka_waktu_layanan": ("Jangka waktu layanan", "Service term"),
    "fasilitas": ("Fasilitas komputasi", "Computing facility"),
    "bentuk": ("Bentuk", "Form"),
    "jenis_penggunaan": ("Jenis penggunaan", "Usage"),
    "kapasitas_memori": ("Kapasitas memori", "Memory"),
    "jenis_teknologi_prosesor": ("Teknologi prosesor", "Processor"),
    "kapasitas_penyimpanan": ("Kapasitas penyimpanan", "Storage capacity"),
    "host": ("Host", "Host"),
    "perangkat_lunak": ("Perangkat lunak platform", "Platform software"),
    "tipe_periferal": ("Tipe periferal", "Peripheral type"),
    "metode_akses": ("Metode akses", "Access method"),
    "tipe_perangkat": ("Tipe perangkat", "Device type"),
    "jenis_lisensi": ("Jenis lisensi", "Licence type"),
    "validitas_lisensi": ("Masa berlaku lisensi", "Licence validity"),
    "jenis_sistem": ("Jenis sistem", "System family"),
    "jenis_jaringan": ("Jenis jaringan", "Network type"),
    "tipe_media": ("Tipe media", "Media type"),
    "bandwidth": ("Bandwidth", "Bandwidth"),
    "terhubung_ke": ("Terhubung ke", "Connected to"),
    "jenis_sistem_penghubung": ("Jenis sistem penghubung", "Service bus type"),
    "jenis_fasilitas": ("Jenis fasilitas", "Facility type"),
    "bandwidth_intranet": ("Bandwidth intranet", "Intranet bandwidth"),
    "bandwidth_internet": ("Bandwidth internet", "Internet bandwidth"),
    "lokasi": ("Lokasi", "Location"),
    "kepemilikan": ("Kepemilikan", "Ownership"),
    "klasifikasi_tier": ("Klasifikasi tier", "Tier"),
    "sistem_pengamanan": ("Sistem pengamanan fisik", "Physical security"),
    "melindungi": ("Melindungi", "Protects"),
    "cakupan_domain": ("Cakupan domain", "Domains covered"),
    "tanggal_mulai_penerapan": ("Mulai penerapan", "Applied from"),
    "tanggal_akhir_penerapan": ("Akhir penerapan", "Applied until"),
    "tanggal_kegiatan": ("Tanggal kegiatan", "Date"),
    "nilai_kematangan": ("Nilai kematangan", "Maturity"),
    "jenis_audit": ("Jenis audit", "Audit type"),
    "hasil_audit": ("Hasil audit", "Audit result"),
    "tindak_lanjut": ("Tindak lanjut", "Follow-up"),
    "muatan": ("Muatan", "Roadmap area"),
    "target": ("Target per tahun", "Targets per year"),
    "anggaran": ("Anggaran indikatif", "Indicative budget"),
    "program": ("Program", "Programme"),
    "kegiatan": ("Kegiatan", "Activity"),
    "sub_kegiatan": ("Sub kegiatan", "Sub-activity"),
    "pendanaan": ("Pendanaan per tahun", "Funding per year"),
    "status_rencana": ("Kemajuan", "Progress"),
    "elemen_baru": ("Elemen yang diperkenalkan", "Elements introduced"),
    "elemen_diubah": ("Elemen yang diubah", "Elements changed"),
    "elemen_dihentikan": ("Elemen yang dihentikan", "Elements retired"),
    "indikator": ("Indikator evaluasi", "Evaluation indicators"),
    "singkatan": ("Singkatan", "Abbreviation"),
    "tipe": ("Tipe", "Type"),
    "kode_sipd": ("Kode SIPD", "SIPD code"),
    "aturan": ("Aturan", "Rule"),
    "alasan": ("Alasan", "Reason"),
}
"""The label of every model field (YAML key), in Bahasa Indonesia and English."""

VALUE_LABELS_EN: dict[str, str] = {
    "as_is": "As-is",
    "upgrade": "Upgrade",
    "baru": "New",
    "belum_mulai": "Not started",
    "berjalan": "In progress",
    "selesai": "Done",
    "ya": "Yes",
    "tidak": "No",
    "terbuka": "Open",
    "terbatas": "Restricted",
    "tertutup": "Closed",
    "kirim": "Send",
    "terima": "Receive",
    "dua_arah": "Both ways",
    "elektronik": "Electronic",
    "tatap_muka": "In person",
    "masyarakat": "Citizens",
    "pelaku_usaha": "Businesses",
    "asn_pegawai": "Civil servants",
    "fisik": "Physical",
    "pusat_data": "Data centre",
    "tata_kelola": "SPBE governance",
    "manajemen": "SPBE management",
    "layanan": "SPBE services",
    "infrastruktur": "SPBE infrastructure",
    "aplikasi": "SPBE applications",
    "keamanan": "SPBE security",
    "audit_tik": "ICT audit",
}
"""English labels of closed-list values whose Indonesian label the model defines."""

WORDS: dict[str, tuple[str, str]] = {
    "beranda": ("Beranda", "Home"),
    "cari": ("Cari", "Search"),
    "cari_ph": ("Cari kode, nama, uraian atau OPD…", "Search id, name, description or OPD…"),
    "cari_none": ("Tidak ada yang cocok.", "Nothing matches."),
    "cari_nojs": (
        "Pencarian memerlukan JavaScript; daftar lengkap ada di halaman domain.",
        "Search needs JavaScript; every element is listed on the domain pages.",
    ),
    "elemen": ("Elemen", "Elements"),
    "opd": ("Perangkat Daerah", "Regional agencies (OPD)"),
    "domain": ("Domain", "Domains"),
    "rencana": ("Peta Rencana", "Roadmap"),
    "referensi": ("Cakupan Referensi Arsitektur", "Reference coverage"),
    "linimasa": ("Linimasa dan gap", "Timeline and gap"),
    "evaluasi": ("Penilaian mandiri", "Self-assessment"),
    "temuan": ("Temuan pemeriksaan", "Check findings"),
    "diagram": ("Diagram", "Diagrams"),
    "dokumen": ("Dokumen", "Document"),
    "relasi_keluar": ("Memakai / merujuk", "Uses / refers to"),
    "relasi_masuk": ("Dipakai / dirujuk oleh", "Used by / referred to by"),
    "muncul_di": ("Muncul di diagram", "Appears in diagrams"),
    "butir_rencana": ("Butir Peta Rencana", "Roadmap items"),
    "tidak_ada": ("tidak ada", "none"),
    "jenis": ("Jenis", "Kind"),
    "berkas": ("Berkas", "File"),
    "jumlah": ("Jumlah", "Count"),
    "status_survei": ("Status survei", "Survey status"),
    "kembali": ("Formulir kembali", "Form returned"),
    "belum_kembali": ("belum kembali", "not returned"),
    "wajib_kosong": ("Kolom wajib kosong", "Required fields empty"),
    "masalah": ("Masalah", "Problems"),
    "kode": ("Kode", "Id"),
    "nama": ("Nama", "Name"),
    "tahun": ("Tahun", "Year"),
    "anggaran": ("Anggaran (Rp)", "Budget (Rp)"),
    "pendanaan": ("Kode pendanaan", "Funding codes"),
    "target": ("Target", "Target"),
    "total": ("Jumlah", "Total"),
    "gap": ("Gap as-is → to-be", "As-is → to-be gap"),
    "baru": ("Diperkenalkan", "Introduced"),
    "diubah": ("Diubah", "Changed"),
    "dihentikan": ("Dihentikan", "Retired"),
    "tanpa_rencana": ("tanpa butir Peta Rencana", "no roadmap item"),
    "tingkat": ("Tingkat", "Severity"),
    "lokasi": ("Lokasi", "Location"),
    "pesan": ("Pesan", "Message"),
    "aturan": ("Aturan", "Rule"),
    "indikator": ("Indikator", "Indicator"),
    "level": ("Level", "Level"),
    "bukti": ("Bukti", "Evidence"),
    "kurang": ("Kurang untuk level berikutnya", "Missing for the next level"),
    "katalog": ("Katalog", "Catalogue"),
    "dicakup": ("Dicakup", "Covered"),
    "daun": ("Simpul daun", "Leaf nodes"),
    "persen": ("Persen", "Percent"),
    "sektor": ("Sektor (L1)", "Sector (L1)"),
    "dipakai_oleh": ("Dipakai oleh", "Used by"),
    "versi": ("Versi", "Version"),
    "tanggal": ("Tanggal", "Date"),
    "periode": ("Periode", "Period"),
    "dasar_hukum": ("Dasar hukum", "Legal basis"),
    "penetapan": ("Penetapan", "Enacted by"),
    "unduh": ("Unduh dokumen", "Download the document"),
    "dibuat": ("Dibuat dengan spbe-arch dari", "Made with spbe-arch from"),
    "error": ("galat", "error"),
    "warning": ("peringatan", "warning"),
    "info": ("info", "info"),
    "pemilik": ("Pemilik", "Owner"),
    "simpul": ("simpul", "nodes"),
    "semua_diagram": ("Semua diagram", "All diagrams"),
    "ringkasan": ("Ringkasan", "Summary"),
    "tidak_di_git": ("bukan repositori git", "not a git repository"),
    "belum_ditetapkan": ("belum ditetapkan", "not enacted yet"),
}
"""The fixed words of the site and the document."""


def t(key: str, lang: str) -> str:
    """A fixed word in the language (``id`` or ``en``)."""
    pair = WORDS[key]
    return pair[1] if lang == "en" else pair[0]


def field_label(key: str, lang: str) -> str:
    """The readable label of a model field; an unknown key reads as words, never as a key."""
    pair = FIELD_LABELS.get(key)
    if pair is None:
        return key.replace("_", " ").capitalize()
    return pair[1] if lang == "en" else pair[0]


def value_label(value: Any, lang: str) -> str:
    """A closed-list value as a reader expects it (``as_is`` → "As-is")."""
    raw = value.value if isinstance(value, Enum) else value
    if lang == "en" and isinstance(raw, str) and raw in VALUE_LABELS_EN:
        return VALUE_LABELS_EN[raw]
    label = getattr(value, "label", None)
    if isinstance(label, str):
        return label
    if isinstance(raw, bool):
        return ("Yes" if raw else "No") if lang == "en" else ("Ya" if raw else "Tidak")
    return str(raw)


_INVISIBLE = re.compile(
    # the report neutraliser's characters (controls, bidi marks and overrides, line and paragraph
    # separators) but line feed, tab and carriage return, plus zero-width characters and BOM
    UNSAFE_RE.pattern.replace("\x0a-\x1f", "\x0b\x0c\x0e-\x1f").removesuffix("]")
    + "\u200b-\u200d\ufeff]"
)


def inert(text: str) -> str:
    """Text from the model, safe to place in any output: every control, bidirectional
    override or invisible character is shown as ``⟨U+202E⟩`` instead of acting on the text
    around it (a right-to-left override would otherwise reverse what a reader sees in HTML,
    PDF and DOCX alike). The characters are those :mod:`spbe_arch.neutral` escapes in reports
    (there as ``\\u202e``, for developers; here in a form a document's reader can read), line
    breaks kept. Markup characters are left to each writer's own escaping."""
    if not _INVISIBLE.search(text):
        return text
    return _INVISIBLE.sub(lambda m: f"⟨U+{ord(m.group()):04X}⟩", text)


def rupiah(nilai: int) -> str:
    """A whole rupiah amount with dots between thousands (``1.250.000``)."""
    return f"{nilai:,}".replace(",", ".")
