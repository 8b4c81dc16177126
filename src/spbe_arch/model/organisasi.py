"""The organisation: Perangkat Daerah (OPD) and unit kerja (PP 18/2016, Permendagri 90/2019)."""

from __future__ import annotations

from typing import Annotated, ClassVar

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from spbe_arch.model.base import ElemenId, IdRef, Pilihan, Teks, labels


class TipeOpd(Pilihan):
    """Kinds of unit a Pemda's records name as owners.

    Perangkat Daerah of PP 18/2016 Pasal 5 (sekretariat daerah, sekretariat DPRD, inspektorat,
    dinas, badan, kecamatan); kesbangpol (Permendagri 11/2019); the kelurahan, a perangkat of the
    kecamatan (PP 17/2018 tentang Kecamatan); the UPTD (Permendagri 12/2017); the RSUD, a unit
    organisasi bersifat khusus (PP 72/2019 amending PP 18/2016); the BUMD (PP 54/2017), not a
    Perangkat Daerah but an owner of applications in real inventories; the bodies special
    autonomy creates (UU 11/2006 Pemerintahan Aceh, e.g. Baitul Mal, Majelis Pendidikan Aceh;
    UU 2/2021 Otonomi Khusus Papua; UU 13/2012 Keistimewaan DIY).
    """

    SEKRETARIAT_DAERAH = "sekretariat_daerah"
    SEKRETARIAT_DPRD = "sekretariat_dprd"
    INSPEKTORAT = "inspektorat"
    DINAS = "dinas"
    BADAN = "badan"
    KECAMATAN = "kecamatan"
    KELURAHAN = "kelurahan"
    KESBANGPOL = "kesbangpol"
    UPTD = "uptd"
    RSUD = "rsud"
    BUMD = "bumd"
    LEMBAGA_KHUSUS = "lembaga_khusus"
    LAINNYA = "lainnya"


labels(
    {
        TipeOpd.SEKRETARIAT_DPRD: "Sekretariat DPRD",
        TipeOpd.KESBANGPOL: "Kesbangpol",
        TipeOpd.UPTD: "UPTD",
        TipeOpd.RSUD: "RSUD",
        TipeOpd.BUMD: "BUMD",
        TipeOpd.LEMBAGA_KHUSUS: "Lembaga khusus (Aceh, Papua, DIY)",
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
    tipe: TipeOpd = Field(
        description="Tipe unit: Perangkat Daerah PP 18/2016, kelurahan, UPTD, RSUD, BUMD, "
        "lembaga khusus (Aceh, Papua, DIY) atau lainnya."
    )
    induk: IdRef | None = Field(
        default=None,
        description="Unit induk (id OPD): kecamatan bagi kelurahan (PP 17/2018), dinas bagi "
        "UPTD atau RSUD (Permendagri 12/2017).",
    )
    kode_lokal: str | None = Field(
        default=None, description="Kode yang dipakai Pemda sendiri untuk unit ini."
    )
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
