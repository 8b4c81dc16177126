"""Domain Layanan SPBE (DAL), classified against RAL (Perpres 132/2022, Lampiran: Referensi
Arsitektur Layanan).
"""

from __future__ import annotations

from typing import ClassVar

from pydantic import BaseModel, ConfigDict, Field, field_validator

from spbe_arch.model.base import (
    Elemen,
    IdRef,
    Pilihan,
    StatusOperasionalOpsional,
    TahunStatus,
    labels,
)


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


class StandarPelayanan(BaseModel):
    """The service standard of a layanan (UU 25/2009 Pasal 21; Permenpan RB 15/2014).

    UU 25/2009 Pasal 21 lists the components of a standar pelayanan (dasar hukum, persyaratan,
    sistem/mekanisme/prosedur, jangka waktu penyelesaian, biaya/tarif, produk pelayanan,
    penanganan pengaduan …) and Pasal 22 the maklumat pelayanan; Permenpan RB 15/2014 is the
    guideline for drawing them up. Every component is optional here: record what is published.
    """

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    SATU_ATAU_DAFTAR: ClassVar[tuple[str, ...]] = ("persyaratan",)
    """Keys that also take a single value (the JSON Schema says so too)."""

    dasar_hukum: str | None = Field(default=None, description="Dasar hukum layanan.")
    persyaratan: list[str] = Field(
        default_factory=list, description="Persyaratan pelayanan, satu butir per syarat."
    )
    prosedur: str | None = Field(
        default=None, description="Sistem, mekanisme dan prosedur pelayanan."
    )
    waktu: str | None = Field(
        default=None, description="Jangka waktu penyelesaian, mis. `3 hari kerja`."
    )
    biaya: str | None = Field(
        default=None,
        description="Biaya/tarif, mis. `Gratis` atau `Rp 50.000 (Perda Retribusi 2/2024)`.",
    )
    produk: str | None = Field(default=None, description="Produk pelayanan.")
    penanganan_pengaduan: str | None = Field(
        default=None, description="Penanganan pengaduan, saran dan masukan."
    )
    maklumat: str | None = Field(
        default=None,
        description="Maklumat pelayanan (UU 25/2009 Pasal 22): nomor/tanggal atau teks singkat.",
    )
    tingkat_layanan: str | None = Field(
        default=None,
        description="Tingkat layanan yang dijanjikan (service level), mis. `99% permohonan selesai "
        "dalam 3 hari kerja`.",
    )
    jam_layanan: str | None = Field(default=None, description="Jam/waktu pelayanan.")

    @field_validator("persyaratan", mode="before")
    @classmethod
    def _one_requirement(cls, value: object) -> object:
        return [value] if isinstance(value, str) else value


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
    standar_pelayanan: StandarPelayanan | None = Field(
        default=None,
        description="Standar pelayanan: waktu, biaya/tarif, persyaratan, maklumat, tingkat layanan "
        "(UU 25/2009 Pasal 21–22; Permenpan RB 15/2014).",
    )
    status_operasional: StatusOperasionalOpsional = None
    tahun_status: TahunStatus = None
