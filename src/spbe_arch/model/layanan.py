"""Domain Layanan SPBE (DAL), classified against RAL (Perpres 132/2022, Lampiran: Referensi
Arsitektur Layanan).
"""

from __future__ import annotations

from typing import ClassVar

from pydantic import Field

from spbe_arch.model.base import Elemen, IdRef, Pilihan, labels


class TargetLayanan(Pilihan):
    """Who the layanan serves (≈ G2C, G2B, G2E, G2G)."""

    MASYARAKAT = "masyarakat"
    PELAKU_USAHA = "pelaku_usaha"
    ASN_PEGAWAI = "asn_pegawai"
    PEMERINTAH = "pemerintah"


class MetodeLayanan(Pilihan):
    """How the layanan is delivered; elektronik or hybrid means digitised."""

    ELEKTRONIK = "elektronik"
    HYBRID = "hybrid"
    TATAP_MUKA = "tatap_muka"


labels(
    {
        TargetLayanan.PELAKU_USAHA: "Pelaku Usaha",
        TargetLayanan.ASN_PEGAWAI: "ASN/Pegawai",
        MetodeLayanan.TATAP_MUKA: "Tatap muka",
    }
)


class Layanan(Elemen):
    """A Layanan SPBE: a public or administrative service (RAL.01 or RAL.02)."""

    KIND: ClassVar[str] = "layanan"
    KATALOG: ClassVar[str | None] = "RAL"
    SECTION: ClassVar[str] = "layanan"
    DOMAIN: ClassVar[str] = "layanan"

    tujuan: str | None = Field(
        default=None,
        description="Tujuan layanan; wajib menurut templat analis (diperiksa SPBE-LAY-001).",
    )
    fungsi: str | None = Field(default=None, description="Fungsi layanan.")
    urusan: str | None = Field(
        default=None, description="Urusan pemerintahan: kode RAB Level 2, mis. `RAB.04.01`."
    )
    target_layanan: list[TargetLayanan] = Field(
        default_factory=list,
        description="Sasaran pengguna: masyarakat, pelaku_usaha, asn_pegawai, pemerintah "
        "(wajib; diperiksa SPBE-LAY-001).",
    )
    metode_layanan: MetodeLayanan | None = Field(
        default=None,
        description="Metode layanan: elektronik, hybrid, tatap_muka "
        "(wajib; diperiksa SPBE-LAY-001).",
    )
    kementerian_lembaga: str | None = Field(
        default=None, description="Kementerian/Lembaga terkait (pembina)."
    )
    potensi_manfaat: str | None = Field(default=None, description="Potensi manfaat.")
    potensi_ekonomi: str | None = Field(default=None, description="Potensi ekonomi.")
    potensi_risiko: str | None = Field(default=None, description="Potensi risiko.")
    mitigasi: str | None = Field(
        default=None,
        description="Mitigasi risiko; wajib bila ada potensi risiko (diperiksa SPBE-LAY-002).",
    )
    penanggung_jawab: str | None = Field(default=None, description="Penanggung jawab layanan.")
    unit_pelaksana: list[IdRef] = Field(
        default_factory=list, description="OPD atau unit kerja pelaksana (id)."
    )
    proses_bisnis: list[IdRef] = Field(
        default_factory=list, description="Proses bisnis yang direalisasikan oleh layanan ini."
    )
