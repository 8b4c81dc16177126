"""The rules: one small module per rule, registered on import, plus plug-in rules.

Third-party rules are plain functions decorated with :func:`rule`, published under the entry
point group ``spbe_arch.rules``; loading the entry point registers them.
"""

from __future__ import annotations

from importlib.metadata import entry_points

from spbe_arch.rules import (  # noqa: F401  (imported to register the rules)
    aplikasi_tanpa_infrastruktur,
    aplikasi_tanpa_layanan,
    arsitektur_lengkap,
    audit_kedaluwarsa,
    bawaan,
    data_tanpa_proses_bisnis,
    duplikasi_aplikasi_umum,
    ekstensi_lokal,
    elemen_di_luar_folder_opd,
    id_tidak_ada,
    indikator_tidak_dikenal,
    integrasi_tanpa_penghubung,
    jenis_target_salah,
    katalog_salah,
    kode_pendanaan_tidak_selaras,
    kode_tidak_ada,
    layanan_digital_tanpa_aplikasi,
    layanan_tanpa_proses_bisnis,
    layanan_tidak_lengkap,
    level_salah,
    muatan_tanpa_rencana,
    nama_kode_tidak_cocok,
    opd_tidak_ada,
    penghubung_tak_tercatat,
    periode_bukan_lima_tahun,
    periode_tidak_selaras_rpjmd,
    perubahan_tanpa_rencana,
    program_keamanan_tanpa_cakupan,
    raa_umum,
    rencana_tanpa_pendanaan,
    rencana_tanpa_sasaran,
    risiko_tanpa_mitigasi,
    riwayat_evaluasi,
    siklus,
    tahun_di_luar_periode,
    tahun_elemen_tidak_selaras,
    tahun_target_di_luar_rencana,
    tanpa_program_keamanan,
    teks_tersembunyi,
    tidak_berlaku,
    unit_kerja_opd_lain,
    urusan_bukan_rab,
)
from spbe_arch.rules.engine import REGISTRY, Context, Finding, Rule, lookup, rule, run_rules

ENTRY_POINT_GROUP = "spbe_arch.rules"


def load_plugins() -> list[str]:
    """Import the rules published by installed packages; returns the entry point names."""
    names = []
    for ep in entry_points(group=ENTRY_POINT_GROUP):
        ep.load()
        names.append(ep.name)
    return names


__all__ = [
    "ENTRY_POINT_GROUP",
    "REGISTRY",
    "Context",
    "Finding",
    "Rule",
    "load_plugins",
    "lookup",
    "rule",
    "run_rules",
]
