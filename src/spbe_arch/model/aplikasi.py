"""Domain Aplikasi SPBE (DAA), classified against RAA (Perpres 132/2022, Lampiran: Referensi
Arsitektur Aplikasi; SE Menteri PANRB 18/2022).
"""

from __future__ import annotations

from typing import ClassVar, Self

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from spbe_arch.model.base import (
    Elemen,
    IdRef,
    Pilihan,
    StatusOperasionalOpsional,
    TahunStatus,
    labels,
)
from spbe_arch.model.pengadaan import Pengadaan


class BasisAplikasi(Pilihan):
    """Platform of an aplikasi."""

    WEB = "web"
    MOBILE = "mobile"
    DESKTOP = "desktop"
    LAINNYA = "lainnya"


class LisensiAplikasi(Pilihan):
    """Licence type of an aplikasi."""

    OPEN_SOURCE = "open_source"
    PROPRIETARY = "proprietary"


class AsalAplikasi(Pilihan):
    """Who builds and runs the aplikasi the Pemda uses."""

    PEMDA = "pemda"
    APLIKASI_UMUM = "aplikasi_umum"
    SEKTOR_KL = "sektor_kl"


class ArahIntegrasi(Pilihan):
    """Direction of a data exchange, seen from the aplikasi that declares it."""

    KIRIM = "kirim"
    TERIMA = "terima"
    DUA_ARAH = "dua_arah"


labels(
    {
        BasisAplikasi.WEB: "Web",
        LisensiAplikasi.OPEN_SOURCE: "Open Source",
        AsalAplikasi.PEMDA: "Dibangun Pemda (aplikasi khusus)",
        AsalAplikasi.APLIKASI_UMUM: "Aplikasi Umum nasional",
        AsalAplikasi.SEKTOR_KL: "Aplikasi sektor K/L",
    }
)


class Integrasi(BaseModel):
    """A data exchange between this aplikasi and another one."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    WAJIB_SALAH_SATU: ClassVar[tuple[tuple[str, ...], ...]] = (("aplikasi",), ("mitra",))
    """One of these keys is required (the JSON Schema says so too)."""

    aplikasi: IdRef | None = Field(
        default=None,
        description="Aplikasi mitra pertukaran data (id), bila mitra itu tercatat di model.",
    )
    mitra: str | None = Field(
        default=None,
        description="Mitra pertukaran yang tidak (atau belum) tercatat di model, sebagai teks, "
        "mis. `SIAK Terpusat (Kemendagri)`; inventaris nyata sering hanya menulis nama mitra.",
    )
    data: list[IdRef] = Field(default_factory=list, description="Data yang dipertukarkan (id).")
    melalui: IdRef | None = Field(
        default=None, description="Sistem penghubung layanan yang dipakai (id), mis. SPLP."
    )
    arah: ArahIntegrasi = Field(
        default=ArahIntegrasi.DUA_ARAH, description="Arah pertukaran: kirim, terima, dua_arah."
    )

    @model_validator(mode="after")
    def _partner(self) -> Self:
        if self.aplikasi is None and not (self.mitra and self.mitra.strip()):
            raise ValueError(
                "tulis 'aplikasi' (id aplikasi mitra) atau 'mitra' (nama mitra sebagai teks)"
            )
        return self


class Aplikasi(Elemen):
    """An Aplikasi SPBE the Pemda builds or uses."""

    KIND: ClassVar[str] = "aplikasi"
    KATALOG: ClassVar[str | None] = "RAA"
    SECTION: ClassVar[str] = "aplikasi"
    DOMAIN: ClassVar[str] = "aplikasi"
    SATU_ATAU_DAFTAR: ClassVar[tuple[str, ...]] = ("pengguna",)
    """Keys that also take a single value (the JSON Schema says so too)."""

    fungsi: str | None = Field(default=None, description="Fungsi aplikasi.")
    luaran: str | None = Field(default=None, description="Luaran (output) aplikasi.")
    asal: AsalAplikasi = Field(
        default=AsalAplikasi.PEMDA,
        description="Asal aplikasi: pemda (aplikasi khusus Pemda), aplikasi_umum, sektor_kl.",
    )
    aplikasi_nasional: str | None = Field(
        default=None,
        description="Nama aplikasi nasional bila asal bukan pemda, mis. `SRIKANDI`, `SP4N-LAPOR!`.",
    )
    basis: list[BasisAplikasi] = Field(
        default_factory=list, description="Basis aplikasi: web, mobile, desktop, lainnya."
    )
    lisensi: LisensiAplikasi | None = Field(
        default=None, description="Tipe lisensi: open_source, proprietary."
    )
    basis_data: str | None = Field(default=None, description="Sistem basis data (DBMS).")
    bahasa_pemrograman: list[str] = Field(
        default_factory=list, description="Bahasa pemrograman (PHP, Java, Python …)."
    )
    kerangka_pengembangan: str | None = Field(
        default=None, description="Kerangka pengembangan (framework)."
    )
    pengembang: str | None = Field(default=None, description="Unit atau pihak pengembang.")
    operator: IdRef | None = Field(
        default=None, description="OPD atau unit kerja yang mengoperasikan (id), bila beda pemilik."
    )
    url: str | None = Field(default=None, description="Alamat aplikasi.")
    layanan: list[IdRef] = Field(
        default_factory=list, description="Layanan yang diberikan melalui aplikasi ini."
    )
    proses_bisnis: list[IdRef] = Field(
        default_factory=list, description="Proses bisnis yang didukung."
    )
    data: list[IdRef] = Field(
        default_factory=list, description="Data yang dibaca atau ditulis aplikasi ini."
    )
    infrastruktur: list[IdRef] = Field(
        default_factory=list, description="Server atau komputasi awan tempat aplikasi berjalan."
    )
    sistem_penghubung: list[IdRef] = Field(
        default_factory=list, description="Sistem penghubung layanan tempat aplikasi terintegrasi."
    )
    jaringan: list[IdRef] = Field(
        default_factory=list, description="Jaringan intra yang dipakai aplikasi."
    )
    integrasi: list[Integrasi] = Field(
        default_factory=list, description="Pertukaran data dengan aplikasi lain."
    )
    pengguna: list[IdRef] = Field(
        default_factory=list,
        description="OPD pengguna aplikasi (id OPD), atau `pemda` bila dipakai seluruh Pemda "
        "(kolom unit pengguna inventaris aplikasi; praktik umum).",
    )
    status_operasional: StatusOperasionalOpsional = None
    tahun_status: TahunStatus = None
    pengadaan: Pengadaan | None = Field(
        default=None,
        description="Fakta pengadaan: nilai, tahun, penyedia, sumber dana (Perpres 16/2018).",
    )

    @field_validator("pengguna", mode="before")
    @classmethod
    def _one_user(cls, value: object) -> object:
        return [value] if isinstance(value, str) else value
