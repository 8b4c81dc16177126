"""Peta Rencana SPBE items (Perpres 95/2018; fields: docs/model.md); the analysis is in
:mod:`spbe_arch.roadmap`.
"""

from __future__ import annotations

from typing import Annotated, Any, ClassVar

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
    WAJIB_SALAH_SATU: ClassVar[tuple[tuple[str, ...], ...]] = (
        ("tahun_mulai", "tahun_selesai"),
        ("tahun_target",),
    )
    """One of these groups of keys is required (the JSON Schema says so too)."""

    muatan: Muatan = Field(description="Muatan Peta Rencana (salah satu dari tujuh).")
    tahun_mulai: Tahun = Field(
        description="Tahun mulai (di dalam periode lima tahun). Boleh kosong bila `tahun_target` "
        "diisi: butir lalu dianggap berjalan pada tahun target saja."
    )
    tahun_selesai: Tahun = Field(
        description="Tahun selesai (di dalam periode lima tahun). Boleh kosong bila "
        "`tahun_target` diisi."
    )
    tahun_target: Tahun | None = Field(
        default=None,
        description="Tahun target saja, bila dokumen Peta Rencana hanya menyebut kapan butir harus "
        "tercapai (praktik umum dokumen Peta Rencana Pemda); mengisi `tahun_mulai` dan "
        "`tahun_selesai` yang kosong.",
    )
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
        default_factory=list,
        description="Kode sub kegiatan yang mendanai (seluruh tahun butir, kecuali tahun yang "
        "ditulis di `pendanaan`).",
    )
    pendanaan: dict[Tahun, list[KodeSubKegiatan]] = Field(
        default_factory=dict,
        description="Sub kegiatan pendanaan per tahun, bila berbeda antar tahun, mis. "
        "`2027: [2.16.03.2.02.05]`; menggantikan `sub_kegiatan` untuk tahun itu.",
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

    @model_validator(mode="before")
    @classmethod
    def _target_year(cls, data: Any) -> Any:
        if not isinstance(data, dict) or data.get("tahun_target") in (None, ""):
            return data
        filled = dict(data)
        for key in ("tahun_mulai", "tahun_selesai"):
            if filled.get(key) in (None, ""):
                filled[key] = data["tahun_target"]
        return filled

    def kode_pendanaan(self, tahun: int) -> list[str]:
        """The sub kegiatan codes that fund the item in one year (``pendanaan`` first)."""
        if tahun in self.pendanaan:
            return list(self.pendanaan[tahun])
        return list(self.sub_kegiatan)

    def tahun_berjalan(self) -> range:
        """The years the item runs, both ends included."""
        return range(self.tahun_mulai, self.tahun_selesai + 1)
