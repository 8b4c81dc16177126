"""Readable text of the gap analysis, in Bahasa Indonesia or English."""

from __future__ import annotations

from spbe_arch.model.kinds import DOMAINS
from spbe_arch.neutral import neutralise
from spbe_arch.roadmap.gap import JENIS, Gap, Perubahan

DOMAIN_LABEL: dict[str, tuple[str, str]] = {
    "proses_bisnis": ("Proses Bisnis", "Business Process"),
    "data": ("Data dan Informasi", "Data and Information"),
    "layanan": ("Layanan SPBE", "SPBE Services"),
    "aplikasi": ("Aplikasi SPBE", "SPBE Applications"),
    "infrastruktur": ("Infrastruktur SPBE", "SPBE Infrastructure"),
    "keamanan": ("Keamanan SPBE", "SPBE Security"),
}
"""Domain names (id, en)."""

JENIS_LABEL: dict[str, tuple[str, str]] = {
    "baru": ("Ditambah", "Added"),
    "diubah": ("Diubah", "Changed"),
    "dihentikan": ("Dihentikan", "Retired"),
}


def _t(pair: tuple[str, str], lang: str) -> str:
    return pair[1] if lang == "en" else pair[0]


def _years(p: Perubahan, lang: str) -> str:
    if p.jenis == "baru" and p.mulai is not None:
        return f" (mulai {p.mulai})" if lang != "en" else f" (from {p.mulai})"
    if p.jenis == "dihentikan" and p.selesai is not None:
        return f" (s.d. {p.selesai})" if lang != "en" else f" (until {p.selesai})"
    return ""


def format_gap(gap: Gap, lang: str = "id") -> str:
    """The gap report: a header, then per domain the added, changed and retired elements."""
    en = lang == "en"
    out: list[str] = []
    if gap.mulai is not None and gap.selesai is not None:
        out.append(
            f"Gap analysis as-is ({gap.mulai - 1}) -> to-be ({gap.selesai}), period "
            f"{gap.mulai}-{gap.selesai}"
            if en
            else f"Analisis gap as-is ({gap.mulai - 1}) -> to-be ({gap.selesai}), periode "
            f"{gap.mulai}-{gap.selesai}"
        )
    label = "elements" if en else "elemen"
    out.append(f"as-is: {gap.jumlah_as_is} {label}; to-be: {gap.jumlah_to_be} {label}")
    none = "(no roadmap item)" if en else "(tanpa butir Peta Rencana)"
    for domain in DOMAINS:
        changes = gap.domain(domain)
        out.append("")
        counts = ", ".join(
            f"{sum(1 for p in changes if p.jenis == j)} {_t(JENIS_LABEL[j], lang).lower()}"
            for j in JENIS
        )
        out.append(f"{_t(DOMAIN_LABEL[domain], lang)}: {counts}")
        for jenis in JENIS:
            for p in (c for c in changes if c.jenis == jenis):
                sign = {"baru": "+", "diubah": "~", "dihentikan": "-"}[jenis]
                by = ", ".join(p.rencana) if p.rencana else none
                # a name is model text: escape sequences and line breaks in it are shown
                nama = neutralise(p.nama)
                out.append(f"  {sign} {p.elemen}  {nama}{_years(p, lang)}  <- {by}")
    missing = gap.tanpa_rencana()
    out.append("")
    if missing:
        out.append(
            f"{len(missing)} of {len(gap.perubahan)} differences have no roadmap item"
            if en
            else f"{len(missing)} dari {len(gap.perubahan)} perubahan tanpa butir Peta Rencana"
        )
    else:
        out.append(
            f"every one of {len(gap.perubahan)} differences is delivered by the roadmap"
            if en
            else f"seluruh {len(gap.perubahan)} perubahan dihantarkan Peta Rencana"
        )
    return "\n".join(out) + "\n"
