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


@dataclass(frozen=True, slots=True)
class Gaya:
    """How a node style looks: shape, fill, border, and its legend text (id, en)."""

    shape: str
    fill: str
    border: str
    label_id: str
    label_en: str
    extra: str = ""


GAYA: dict[str, Gaya] = {
    "layanan": Gaya("box", "#F8BBBB", "#B71C1C", "Layanan SPBE", "SPBE service", "rounded"),
    "proses_bisnis": Gaya("cds", "#FFD8CC", "#BF360C", "Proses Bisnis", "Business process"),
    "data": Gaya("cylinder", "#FCE4EC", "#AD1457", "Data dan Informasi", "Data and information"),
    "aplikasi": Gaya("component", "#BBDEFB", "#0D47A1", "Aplikasi SPBE", "SPBE application"),
    "infrastruktur": Gaya("box3d", "#B2EBF2", "#006064", "Infrastruktur SPBE", "Infrastructure"),
    "keamanan": Gaya("octagon", "#D1C4E9", "#311B92", "Keamanan SPBE", "SPBE security"),
    "opd": Gaya("tab", "#EEEEEE", "#424242", "Perangkat Daerah", "Regional agency (OPD)"),
    "unit_kerja": Gaya("note", "#F5F5F5", "#616161", "Unit kerja", "Work unit"),
    "katalog": Gaya("box", "#FFFFFF", "#9E9E9E", "Simpul referensi", "Reference node", "rounded"),
}
"""Node styles by domain (and for OPDs, unit kerja, catalogue nodes)."""

RED_GROUP = ("layanan", "proses_bisnis", "data")
BLUE_GROUP = ("aplikasi", "infrastruktur", "keamanan")

MARKS: dict[str, tuple[str, str]] = {
    "fokus": ("Elemen yang dianalisis", "Element under analysis"),
    "dilindungi": ("Dicakup program keamanan (garis ganda)", "Covered by a security programme"),
    "dicakup": ("Dicakup elemen Pemda", "Covered by the Pemda's elements"),
    "sebagian": ("Sebagian turunannya dicakup", "Some descendants covered"),
    "celah": ("Belum dicakup (celah)", "Not covered (gap)"),
}
"""Emphasis marks and their legend text (id, en)."""

EDGE_STYLES: dict[str, tuple[str, str]] = {
    "melindungi": ("dashed", "#311B92"),
    "integrasi": ("bold", "#1565C0"),
    "hierarki": ("solid", "#9E9E9E"),
    "": ("solid", "#555555"),
}
"""Edge style name → (DOT style, colour)."""

EDGE_LEGEND: dict[str, tuple[str, str]] = {
    "melindungi": ("melindungi (program keamanan)", "protects (security programme)"),
    "integrasi": ("pertukaran data (arah aliran)", "data exchange (direction of flow)"),
}
"""Edge style name → legend text (id, en)."""

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
