"""Readable text of the self-assessment and of the index, in Bahasa Indonesia or English."""

from __future__ import annotations

from spbe_arch.evaluasi.indeks import HasilIndeks
from spbe_arch.evaluasi.penilaian import HasilIndikator
from spbe_arch.evaluasi.rezim import rezim_pada_tahun
from spbe_arch.model.konfigurasi import RiwayatEvaluasi

_KEYAKINAN = {"V": "terverifikasi", "S": "sekunder", "I": "disimpulkan"}
_KEYAKINAN_EN = {"V": "verified", "S": "secondary", "I": "inferred"}


def _mark(code: str, lang: str) -> str:
    names = _KEYAKINAN_EN if lang == "en" else _KEYAKINAN
    return f"[{code}] {names.get(code, '')}".strip()


def format_penilaian(hasil: list[HasilIndikator], tahun: int, lang: str = "id") -> str:
    """The self-assessment: one block per indicator, evidence (+) and what is missing (-)."""
    en = lang == "en"
    k = 1 if en else 0
    out = [
        f"Self-assessment of the architecture and roadmap indicators ({tahun})"
        if en
        else f"Penilaian mandiri indikator arsitektur dan peta rencana ({tahun})"
    ]
    in_force = rezim_pada_tahun(tahun)
    if "5/2018" in in_force:
        out += [
            "",
            "Permenpan RB 5/2018 (in force this year) rates the Rencana Induk SPBE (indicators 3 "
            "and 20) as a whole document; this tool does not self-assess it."
            if en
            else "Permenpan RB 5/2018 (berlaku tahun ini) menilai Rencana Induk SPBE (indikator 3 "
            "dan 20) sebagai satu dokumen; alat ini tidak menilainya secara mandiri.",
        ]
    for h in hasil:
        out.append("")
        regime = f"Permenpan RB {h.rezim}"
        word = "indicator" if en else "indikator"
        out.append(f"{regime} {word} {h.no} {h.nama}: level {h.level} ({h.nama_level})"
                   f"  {_mark(h.keyakinan, lang)}")  # fmt: skip
        out.extend(f"  + {b[k]}" for b in h.bukti)
        if h.level < 5:
            head = (
                f"  needed for level {h.level + 1}:"
                if en
                else f"  perlu untuk level {h.level + 1}:"
            )
            out.append(head)
            out.extend(f"  - {m[k]}" for m in h.kurang)
    return "\n".join(out) + "\n"


def format_indeks(hasil: HasilIndeks, lang: str = "id") -> str:
    """The index: per domain (59/2020), per aspek, overall, and the predicate."""
    en = lang == "en"
    rezim = hasil.rezim
    title = f"{rezim.indeks} (Permenpan RB {rezim.kode})"
    if hasil.tahun:
        title += f" {hasil.tahun}"
    out = [title]

    def line(label: str, nama: str, bobot: float, nilai: float | None, n: int, total: int) -> str:
        score = "-" if nilai is None else f"{nilai:.2f}"
        part = (
            ""
            if n == total
            else (f"  ({n}/{total} assessed)" if en else f"  ({n}/{total} dinilai)")
        )
        return f"  {label:<4} {nama:<56} {bobot:>5.1f} %  {score:>5}{part}"

    if hasil.domain:
        out.append("")
        out.append("Domain")
        out.extend(
            line(str(s.no), s.nama, s.bobot, s.nilai, s.dinilai, s.jumlah) for s in hasil.domain
        )
    out.append("")
    out.append("Aspek" if not en else "Aspect")
    out.extend(line(str(s.no), s.nama, s.bobot, s.nilai, s.dinilai, s.jumlah) for s in hasil.aspek)
    out.append("")
    if hasil.indeks is None or hasil.predikat is None:
        out.append("no indicator assessed" if en else "belum ada indikator yang dinilai")
    else:
        label = f" ({hasil.predikat.label})" if hasil.predikat.label else ""
        word = "Index" if en else "Indeks"
        out.append(f"{word}: {hasil.indeks:.2f}  predikat: {hasil.predikat.nama}{label}")
    if not hasil.lengkap:
        missing = ", ".join(str(n) for n in hasil.belum_dinilai)
        out.append(
            f"provisional: indicators without a level: {missing}"
            if en
            else f"sementara: indikator tanpa level: {missing}"
        )
    out.append(
        f"weights and thresholds: {_mark(rezim.keyakinan_predikat, lang)}; "
        f"source: {rezim.sumber.get('bobot', '')}"
        if en
        else f"bobot dan batas predikat: {_mark(rezim.keyakinan_predikat, lang)}; "
        f"sumber: {rezim.sumber.get('bobot', '')}"
    )
    return "\n".join(out) + "\n"


def format_riwayat(riwayat: list[RiwayatEvaluasi], lang: str = "id") -> str:
    """The body's published evaluation results (``riwayat_evaluasi`` of ``spbe.yaml``)."""
    if not riwayat:
        return ""
    en = lang == "en"
    out = ["Published evaluation results" if en else "Riwayat hasil evaluasi"]
    for item in sorted(riwayat, key=lambda r: r.tahun):
        kode = item.rezim or "/".join(rezim_pada_tahun(item.tahun)) or "?"
        predikat = f"  {item.predikat}" if item.predikat else ""
        sumber = f"  ({item.sumber})" if item.sumber else ""
        out.append(f"  {item.tahun}  {item.indeks:.2f}{predikat}  Permenpan RB {kode}{sumber}")
    return "\n".join(out) + "\n"
