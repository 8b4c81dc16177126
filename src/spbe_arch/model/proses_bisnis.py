"""Domain Proses Bisnis (DAB), classified against RAB (Perpres 132/2022, Lampiran: Referensi
Arsitektur Proses Bisnis).
"""

from __future__ import annotations

from typing import ClassVar

from pydantic import Field

from spbe_arch.model.base import Elemen, IdRef
from spbe_arch.model.organisasi import KodeBidangUrusan


class ProsesBisnis(Elemen):
    """A proses bisnis of the Pemda: a government function an OPD carries out."""

    KIND: ClassVar[str] = "proses_bisnis"
    KATALOG: ClassVar[str | None] = "RAB"
    SECTION: ClassVar[str] = "proses_bisnis"
    DOMAIN: ClassVar[str] = "proses_bisnis"

    induk: IdRef | None = Field(
        default=None, description="Proses bisnis induk pada peta proses bisnis (level di atasnya)."
    )
    unit_kerja: IdRef | None = Field(
        default=None, description="Unit kerja pelaksana di dalam OPD pemilik (id unit kerja)."
    )
    bidang_urusan: list[KodeBidangUrusan] = Field(
        default_factory=list, description="Kode bidang urusan (Permendagri 90/2019) yang dilayani."
    )
    sasaran_strategis: str | None = Field(
        default=None, description="Sasaran strategis (Peta Strategi) yang didukung."
    )
    indikator_kinerja: str | None = Field(
        default=None, description="Indikator Kinerja Utama (IKU) yang dialokasikan."
    )
    nilai_iku_target: str | None = Field(default=None, description="Nilai IKU target.")
    nilai_iku_realisasi: str | None = Field(default=None, description="Nilai IKU terealisasi.")
    satuan_iku: str | None = Field(default=None, description="Satuan IKU.")
