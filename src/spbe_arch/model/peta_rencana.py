"""Peta Rencana SPBE items (domain reference §5.4); the analysis comes with the roadmap issue."""

from __future__ import annotations

from typing import Annotated, ClassVar

from pydantic import Field, StringConstraints, model_validator

from spbe_arch.model.base import Elemen, IdRef, Pilihan, labels


class Muatan(Pilihan):
    """The seven muatan of a Peta Rencana SPBE (indicators 2 and 12 of Permenpan RB 59/2020)."""

    TATA_KELOLA = "tata_kelola"
    MANAJEMEN = "manajemen"
    LAYANAN = "layanan"
    INFRASTRUKTUR = "infrastruktur"
    APLIKASI = "aplikasi"
    KEAMANAN = "keamanan"
    AUDIT_TIK = "audit_tik"


class StatusRencana(Pilihan):
    """Progress of a roadmap item."""

    BELUM_MULAI = "belum_mulai"
    BERJALAN = "berjalan"
    SELESAI = "selesai"


labels(
    {
        Muatan.TATA_KELOLA: "Tata Kelola SPBE",
        Muatan.MANAJEMEN: "Manajemen SPBE",
        Muatan.LAYANAN: "Layanan SPBE",
        Muatan.INFRASTRUKTUR: "Infrastruktur SPBE",
        Muatan.APLIKASI: "Aplikasi SPBE",
        Muatan.KEAMANAN: "Keamanan SPBE",
        Muatan.AUDIT_TIK: "Audit TIK",
    }
)

KodeProgram = Annotated[
    str, StringConstraints(strip_whitespace=True, pattern=r"^\d\.\d{2}\.\d{2}$")
]
KodeKegiatan = Annotated[
    str, StringConstraints(strip_whitespace=True, pattern=r"^\d\.\d{2}\.\d{2}\.\d\.\d{2}$")
]
KodeSubKegiatan = Annotated[
    str,
    StringConstraints(
        strip_whitespace=True, pattern=r"^\d\.\d{2}\.\d{2}\.\d\.\d{2}\.(\d{2}|\d{4})$"
    ),
]
"""A sub kegiatan code: Permendagri 90/2019 ends in two digits; the SIPD nomenclature updated in
2023 (Kepmendagri 900.1.15.5-1317/2023, reported) ends in four, so both are accepted."""
Tahun = Annotated[int, Field(ge=2000, le=2100)]


class RencanaSpbe(Elemen):
    """An item of the Peta Rencana SPBE: an initiative, its years, budget and funding codes."""

    KIND: ClassVar[str] = "rencana"
    SECTION: ClassVar[str] = "peta_rencana"
    DOMAIN: ClassVar[str] = "peta_rencana"

    muatan: Muatan = Field(description="Muatan Peta Rencana (salah satu dari tujuh).")
    tahun_mulai: Tahun = Field(description="Tahun mulai (di dalam periode lima tahun).")
    tahun_selesai: Tahun = Field(description="Tahun selesai (di dalam periode lima tahun).")
    target: dict[Tahun, str] = Field(
        default_factory=dict, description="Target per tahun, mis. `2026: Uji coba di 5 OPD`."
    )
    anggaran: dict[Tahun, int] = Field(
        default_factory=dict, description="Anggaran indikatif per tahun, dalam rupiah."
    )
    program: KodeProgram | None = Field(
        default=None, description="Kode program (Permendagri 90/2019), mis. `2.16.03`."
    )
    kegiatan: KodeKegiatan | None = Field(default=None, description="Kode kegiatan.")
    sub_kegiatan: list[KodeSubKegiatan] = Field(
        default_factory=list, description="Kode sub kegiatan yang mendanai."
    )
    status_rencana: StatusRencana = Field(
        default=StatusRencana.BELUM_MULAI,
        description="Kemajuan: belum_mulai, berjalan, selesai.",
    )
    elemen_baru: list[IdRef] = Field(
        default_factory=list, description="Elemen arsitektur yang diperkenalkan (id)."
    )
    elemen_diubah: list[IdRef] = Field(
        default_factory=list, description="Elemen arsitektur yang diubah (id)."
    )
    elemen_dihentikan: list[IdRef] = Field(
        default_factory=list, description="Elemen arsitektur yang dihentikan (id)."
    )
    indikator: list[str] = Field(
        default_factory=list,
        description="Indikator evaluasi yang ditingkatkan, mis. `59/2020:11` atau `8/2026:13`.",
    )

    @model_validator(mode="after")
    def _years_in_order(self) -> RencanaSpbe:
        if self.tahun_selesai < self.tahun_mulai:
            raise ValueError(
                f"tahun_selesai {self.tahun_selesai} lebih awal dari tahun_mulai {self.tahun_mulai}"
            )
        return self
