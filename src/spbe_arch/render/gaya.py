"""Styles shared by every view: one colour and one shape per domain, labels, text wrapping.

Colours follow the official illustration (the official Arsitektur SPBE illustration, Perpres
132/2022; docs/diagrams.md): the red family for *layanan digital terintegrasi* (layanan, proses
bisnis, data dan informasi) and the blue family for *dukungan TIK terintegrasi* (aplikasi,
infrastruktur, keamanan).
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass

from spbe_arch.model.kinds import kind_domain

WRAP = 20
"""Characters per line of a node name."""

FONT = "Helvetica,Arial,sans-serif"
FONT_BOLD = "Helvetica-Bold"
"""Bold text as a font of its own: Graphviz sizes frames by it (``<B>`` is measured regular)."""


@dataclass(frozen=True, slots=True)
class Gaya:
    """How a node style looks: shape, fill, border, and its legend text (id, en)."""

    shape: str
    fill: str
    border: str
    label_id: str
    label_en: str
    extra: str = ""
    margin: str = "0.12,0.06"


GAYA: dict[str, Gaya] = {
    "layanan": Gaya("box", "#F8BBBB", "#B71C1C", "Layanan SPBE", "SPBE service", "rounded"),
    "proses_bisnis": Gaya(
        "cds", "#FFD8CC", "#BF360C", "Proses Bisnis", "Business process", "", "0.2,0.14"
    ),
    "data": Gaya(
        "cylinder",
        "#FCE4EC",
        "#AD1457",
        "Data dan Informasi",
        "Data and information",
        "",
        "0.12,0.12",
    ),
    "aplikasi": Gaya("component", "#BBDEFB", "#0D47A1", "Aplikasi SPBE", "SPBE application"),
    "infrastruktur": Gaya("box3d", "#B2EBF2", "#006064", "Infrastruktur SPBE", "Infrastructure"),
    "keamanan": Gaya(
        "octagon", "#D1C4E9", "#311B92", "Keamanan SPBE", "SPBE security", "", "0.01,0.01"
    ),
    "opd": Gaya("tab", "#EEEEEE", "#424242", "Perangkat Daerah", "Regional agency (OPD)"),
    "unit_kerja": Gaya("note", "#F5F5F5", "#616161", "Unit kerja", "Work unit"),
    "katalog": Gaya("box", "#FFFFFF", "#9E9E9E", "Simpul referensi", "Reference node", "rounded"),
    "catatan": Gaya(
        "note", "#E3F2FD", "#1565C0", "Data yang dipertukarkan", "Data exchanged", "", "0.06,0.03"
    ),
}
"""Node styles by domain (and for OPDs, unit kerja, catalogue nodes)."""

RED_GROUP = ("layanan", "proses_bisnis", "data")
BLUE_GROUP = ("aplikasi", "infrastruktur", "keamanan")

MARKS: dict[str, tuple[str, str]] = {
    "fokus": ("Elemen yang dianalisis", "Element under analysis"),
    "rawan": ("Belum dicakup program keamanan", "Not covered by a security programme"),
    "dicakup": ("Dicakup elemen Pemda", "Covered by the Pemda's elements"),
    "sebagian": ("Sebagian turunannya dicakup", "Some descendants covered"),
    "celah": ("Belum dicakup (celah)", "Not covered (gap)"),
    "rujukan": ("Milik bagian/OPD lain (rujukan)", "Shown for reference (another part)"),
    "baru": ("Baru (diperkenalkan Peta Rencana)", "New (introduced by the roadmap)"),
    "diubah": ("Diubah Peta Rencana", "Changed by the roadmap"),
    "dihentikan": ("Dihentikan Peta Rencana", "Retired by the roadmap"),
}
"""Emphasis marks and their legend text (id, en)."""

ORIGIN: dict[str, tuple[str, str, str, str]] = {
    "sektor_kl": ("K/L", "Aplikasi nasional (K/L)", "National application (ministry)", "#7FB3E8"),
    "aplikasi_umum": ("Umum", "Aplikasi Umum", "Shared government application", "#DCEBFA"),
    "pemda": ("Pemda", "Dibangun Pemda", "Built by the Pemda", "#BBDEFB"),
}
"""Where an aplikasi comes from: caption badge, legend text (id, en), fill colour."""

GAP_COLOURS: dict[str, tuple[str, str]] = {
    "baru": ("#C8E6C9", "#1B5E20"),
    "diubah": ("#FFE0B2", "#E65100"),
    "dihentikan": ("#EEEEEE", "#B71C1C"),
}
"""Fill and border of the elements a roadmap item introduces, changes or retires."""

EDGE_STYLES: dict[str, tuple[str, str, str, str]] = {
    "realisasi": ("dotted", "#424242", "empty", ""),
    "layanan": ("solid", "#424242", "vee", ""),
    "akses": ("dashed", "#6D4C41", "open", ""),
    "aliran": ("dashed", "#1565C0", "normal", ""),
    "berjalan": ("solid", "#00695C", "normal", "dot"),
    "via": ("solid", "#757575", "odot", ""),
    "melindungi": ("dashed", "#4527A0", "obox", ""),
    "hierarki": ("solid", "#9E9E9E", "diamond", ""),
    "penugasan": ("solid", "#616161", "dot", ""),
    "": ("solid", "#555555", "normal", ""),
}
"""Relation type → (DOT line style, colour, arrowhead, arrowtail) in the spirit of ArchiMate:
realisation dotted with a hollow triangle, serving an open arrow, access dashed, flow dashed
blue, assignment (runs on) with a dot at its tail, composition (part of) a diamond."""

RELATION_STYLE: dict[str, str] = {
    "merealisasikan": "realisasi",
    "proses_bisnis": "realisasi",
    "layanan": "layanan",
    "mendukung": "layanan",
    "data": "akses",
    "integrasi.data": "akses",
    "integrasi.aplikasi": "aliran",
    "infrastruktur": "berjalan",
    "host": "berjalan",
    "fasilitas": "berjalan",
    "perangkat_lunak": "berjalan",
    "sistem_penghubung": "via",
    "integrasi.melalui": "via",
    "jaringan": "via",
    "terhubung_ke": "via",
    "melindungi": "melindungi",
    "induk": "hierarki",
    "unit_kerja": "penugasan",
    "unit_pelaksana": "penugasan",
    "operator": "penugasan",
    "walidata": "penugasan",
}
"""Model field → relation type (``proses_bisnis`` of a layanan realises it; of a data set
the data is produced by it, see :func:`relation_style`)."""

EDGE_LEGEND: dict[str, tuple[str, str]] = {
    "realisasi": ("merealisasikan", "realises"),
    "layanan": ("melayani / mendukung", "serves / supports"),
    "akses": ("menggunakan data", "uses data"),
    "aliran": ("aliran data (arah kirim)", "data flow (direction sent)"),
    "berjalan": ("berjalan di / berada di", "runs on / is housed in"),
    "via": ("terhubung via (SPL, jaringan)", "connected via (bus, network)"),
    "melindungi": ("melindungi (program keamanan)", "protects (security programme)"),
    "hierarki": ("bagian dari", "part of"),
    "penugasan": ("dilaksanakan / dioperasikan", "performed / operated by"),
    "": ("relasi lain", "other relation"),
}
"""Relation type → legend text (id, en)."""


def relation_style(field: str, source_kind: str) -> str:
    """The relation type of a model field held by an element of ``source_kind``."""
    if field == "proses_bisnis" and source_kind == "data":
        return "akses"
    if field == "proses_bisnis" and source_kind == "aplikasi":
        return "layanan"
    return RELATION_STYLE.get(field, "")


LEGEND_ORDER: tuple[str, ...] = (
    "layanan",
    "proses_bisnis",
    "data",
    "aplikasi",
    "infrastruktur",
    "keamanan",
    "unit_kerja",
    "opd",
    "katalog",
)


def legend_styles(styles: set[str]) -> list[str]:
    """Node styles in legend order (the order of the domains in the regulation)."""
    return sorted(styles, key=lambda s: LEGEND_ORDER.index(s) if s in LEGEND_ORDER else 99)


KIND_LABELS: dict[str, tuple[str, str]] = {
    "proses_bisnis": ("Proses bisnis", "Business process"),
    "data": ("Data", "Data"),
    "layanan": ("Layanan", "Service"),
    "aplikasi": ("Aplikasi", "Application"),
    "komputasi_awan": ("Komputasi awan", "Cloud"),
    "server": ("Server", "Server"),
    "periferal": ("Periferal", "Peripheral"),
    "media_penyimpanan": ("Media penyimpanan", "Storage"),
    "perangkat_jaringan": ("Perangkat jaringan", "Network device"),
    "perangkat_keamanan": ("Perangkat keamanan", "Security device"),
    "sistem_operasi": ("Sistem operasi", "Operating system"),
    "sistem_database": ("Sistem database", "Database system"),
    "sistem_utilitas": ("Sistem utilitas", "Utility software"),
    "jaringan_intra": ("Jaringan intra", "Intranet"),
    "sistem_penghubung_layanan": ("Sistem penghubung layanan", "Service bus"),
    "fasilitas_komputasi": ("Fasilitas komputasi", "Computing facility"),
    "standar_prosedur": ("Standar & prosedur", "Standard & procedure"),
    "edukasi_kesadaran": ("Edukasi kesadaran", "Awareness training"),
    "identifikasi_kerentanan": ("Identifikasi kerentanan", "Vulnerability assessment"),
    "peningkatan_keamanan": ("Peningkatan keamanan", "Security improvement"),
    "penanganan_insiden": ("Penanganan insiden", "Incident handling"),
    "audit_keamanan": ("Audit keamanan", "Security audit"),
    "kelaikan_keamanan": ("Kelaikan keamanan", "Security clearance"),
    "opd": ("Perangkat Daerah", "OPD"),
    "unit_kerja": ("Unit kerja", "Work unit"),
    "rencana": ("Peta Rencana", "Roadmap item"),
    "katalog": ("Referensi", "Reference"),
}


def kind_label(kind: str, lang: str = "id") -> str:
    """The short human name of an element kind."""
    pair = KIND_LABELS.get(kind, (kind, kind))
    return pair[1] if lang == "en" else pair[0]


def style_of(kind: str) -> str:
    """The node style of an element kind: its domain, or ``opd``/``unit_kerja``/``katalog``."""
    if kind in ("opd", "unit_kerja", "katalog"):
        return kind
    domain = kind_domain(kind)
    return domain if domain in GAYA else "katalog"


def domain_label(style: str, lang: str = "id") -> str:
    """The legend name of a node style."""
    g = GAYA[style]
    return g.label_en if lang == "en" else g.label_id


def wrap(text: str, width: int = WRAP, max_lines: int = 4) -> list[str]:
    """Split a name into lines of about ``width`` characters (long words are kept whole)."""
    lines = textwrap.wrap(" ".join(text.split()), width, break_long_words=False) or [""]
    if len(lines) > max_lines:
        lines = [
            *lines[: max_lines - 1],
            textwrap.shorten(" ".join(lines[max_lines - 1 :]), width, placeholder=" …"),
        ]
    return lines


def shorten(text: str, width: int = 300) -> str:
    """One-line text for tooltips."""
    return textwrap.shorten(" ".join(text.split()), width, placeholder=" …")


URUSAN: dict[str, tuple[str, str]] = {
    "1": ("Urusan wajib pelayanan dasar", "Mandatory basic-service affairs"),
    "2": ("Urusan wajib bukan pelayanan dasar", "Mandatory non-basic-service affairs"),
    "3": ("Urusan pilihan", "Optional affairs"),
    "4": ("Unsur pendukung", "Support units"),
    "5": ("Unsur penunjang", "Supporting agencies"),
    "6": ("Unsur pengawasan", "Oversight"),
    "7": ("Unsur kewilayahan", "Districts (kecamatan)"),
    "8": ("Unsur pemerintahan umum", "General government"),
}
"""Groups of the bidang urusan codes of Permendagri 90/2019 (first digit)."""
