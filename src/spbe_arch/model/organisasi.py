"""The organisation: Perangkat Daerah (OPD) and unit kerja (PP 18/2016, Permendagri 90/2019)."""

from __future__ import annotations

from typing import Annotated, ClassVar

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from spbe_arch.model.base import ElemenId, Pilihan, Teks, labels


class TipeOpd(Pilihan):
    """OPD types of PP 18/2016 tentang Perangkat Daerah."""

    SEKRETARIAT_DAERAH = "sekretariat_daerah"
    SEKRETARIAT_DPRD = "sekretariat_dprd"
    INSPEKTORAT = "inspektorat"
    DINAS = "dinas"
    BADAN = "badan"
    KECAMATAN = "kecamatan"
    KESBANGPOL = "kesbangpol"
    LAINNYA = "lainnya"


labels(
    {
        TipeOpd.SEKRETARIAT_DPRD: "Sekretariat DPRD",
        TipeOpd.KESBANGPOL: "Kesbangpol",
    }
)

KodeBidangUrusan = Annotated[
    str, StringConstraints(strip_whitespace=True, pattern=r"^(\d\.\d{2}|X)$")
]
"""A bidang urusan code of Permendagri 90/2019, such as ``2.16``."""

KodeSipd = Annotated[
    str,
    StringConstraints(
        strip_whitespace=True, pattern=r"^\d\.\d{2}\.\d\.\d{2}\.\d\.\d{2}\.\d{2}\.\d{4}$"
    ),
]
"""An OPD (SKPD) code of SIPD, such as ``2.16.2.20.2.21.01.0000``."""


class UnitKerja(BaseModel):
    """A unit kerja of an OPD: bidang, bagian, UPTD (puskesmas, RSUD …)."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    KIND: ClassVar[str] = "unit_kerja"

    id: ElemenId
    nama: Teks = Field(description="Nama unit kerja.")
    jenis: str | None = Field(
        default=None, description="Jenis unit kerja (bidang, bagian, UPTD …); teks bebas."
    )
    uraian: str | None = Field(default=None, description="Uraian singkat.")


class PerangkatDaerah(BaseModel):
    """A Perangkat Daerah (OPD) of the Pemda."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    KIND: ClassVar[str] = "opd"
    SECTION: ClassVar[str] = "perangkat_daerah"
    DOMAIN: ClassVar[str] = "organisasi"

    id: ElemenId
    nama: Teks = Field(description="Nama resmi Perangkat Daerah sesuai Perkada SOTK.")
    singkatan: str | None = Field(default=None, description="Singkatan, mis. `Diskominfo`.")
    tipe: TipeOpd = Field(description="Tipe Perangkat Daerah (PP 18/2016).")
    uraian: str | None = Field(default=None, description="Tugas pokok singkat.")
    kode_sipd: KodeSipd | None = Field(
        default=None, description="Kode SKPD di SIPD (Permendagri 90/2019)."
    )
    bidang_urusan: list[KodeBidangUrusan] = Field(
        default_factory=list,
        description="Kode bidang urusan yang diampu (Permendagri 90/2019), mis. `2.16`.",
    )
    unit_kerja: list[UnitKerja] = Field(
        default_factory=list, description="Unit kerja (bidang, bagian, UPTD)."
    )
    keterangan: str | None = Field(default=None, description="Catatan bebas.")
