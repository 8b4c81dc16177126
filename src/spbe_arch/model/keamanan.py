"""Domain Keamanan SPBE (DAK): the seven security programme types (SIA-SPBE; Perpres 95/2018,
Keamanan SPBE)."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, ClassVar, Literal

from pydantic import Field

from spbe_arch.model.base import Elemen, IdRef


class _Keamanan(Elemen):
    """Fields every security programme shares: what it protects."""

    KATALOG: ClassVar[str | None] = "RAK"
    SECTION: ClassVar[str] = "keamanan"
    DOMAIN: ClassVar[str] = "keamanan"

    melindungi: list[IdRef] = Field(
        default_factory=list,
        description="Data, aplikasi dan infrastruktur yang dicakup program ini (id).",
    )
    cakupan_domain: list[Literal["data", "aplikasi", "infrastruktur"]] = Field(
        default_factory=list,
        description="Domain yang dicakup seluruhnya (mis. kebijakan SMKI yang berlaku untuk "
        "semua aplikasi): data, aplikasi, infrastruktur.",
    )


class _Kegiatan(_Keamanan):
    tanggal_kegiatan: dt.date | None = Field(
        default=None, description="Tanggal kegiatan (YYYY-MM-DD)."
    )


class StandarProsedur(_Keamanan):
    """Standar Teknis, Prosedur, dan Regulasi Keamanan SPBE."""

    KIND: ClassVar[str] = "standar_prosedur"
    jenis: Literal["standar_prosedur"]
    tanggal_mulai_penerapan: dt.date | None = Field(
        default=None, description="Tanggal mulai penerapan."
    )
    tanggal_akhir_penerapan: dt.date | None = Field(
        default=None, description="Tanggal akhir penerapan."
    )


class EdukasiKesadaran(_Kegiatan):
    """Edukasi Kesadaran Keamanan."""

    KIND: ClassVar[str] = "edukasi_kesadaran"
    jenis: Literal["edukasi_kesadaran"]


class IdentifikasiKerentanan(_Kegiatan):
    """Identifikasi Kerentanan Keamanan (VA/PT)."""

    KIND: ClassVar[str] = "identifikasi_kerentanan"
    jenis: Literal["identifikasi_kerentanan"]


class PeningkatanKeamanan(_Kegiatan):
    """Peningkatan Keamanan."""

    KIND: ClassVar[str] = "peningkatan_keamanan"
    jenis: Literal["peningkatan_keamanan"]
    nilai_kematangan: float | None = Field(default=None, description="Nilai kematangan.")


class PenangananInsiden(_Kegiatan):
    """Penanganan Insiden Keamanan."""

    KIND: ClassVar[str] = "penanganan_insiden"
    jenis: Literal["penanganan_insiden"]
    nilai_kematangan: float | None = Field(default=None, description="Nilai kematangan.")


class AuditKeamanan(_Kegiatan):
    """Audit Keamanan."""

    KIND: ClassVar[str] = "audit_keamanan"
    jenis: Literal["audit_keamanan"]
    jenis_audit: str | None = Field(default=None, description="Jenis audit.")
    hasil_audit: str | None = Field(default=None, description="Hasil audit.")
    tindak_lanjut: str | None = Field(default=None, description="Tindak lanjut audit.")


class KelaikanKeamanan(_Kegiatan):
    """Kelaikan Keamanan (pertimbangan kelaikan keamanan BSSN)."""

    KIND: ClassVar[str] = "kelaikan_keamanan"
    jenis: Literal["kelaikan_keamanan"]


KEAMANAN_TYPES: tuple[type[Elemen], ...] = (
    StandarProsedur,
    EdukasiKesadaran,
    IdentifikasiKerentanan,
    PeningkatanKeamanan,
    PenangananInsiden,
    AuditKeamanan,
    KelaikanKeamanan,
)

Keamanan = Annotated[
    StandarProsedur
    | EdukasiKesadaran
    | IdentifikasiKerentanan
    | PeningkatanKeamanan
    | PenangananInsiden
    | AuditKeamanan
    | KelaikanKeamanan,
    Field(discriminator="jenis"),
]
"""One security programme; ``jenis`` says which of the seven."""
