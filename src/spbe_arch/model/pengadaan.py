"""Procurement facts of an aplikasi or an infrastructure object (common inventory practice).

Application and asset inventories of Pemda record how a system was obtained: contract value,
year, provider (penyedia) and funding source. The vocabulary follows Perpres 16/2018 tentang
Pengadaan Barang/Jasa Pemerintah (penyedia, kontrak) and the funding sources of the APBD
(PP 12/2019 tentang Pengelolaan Keuangan Daerah: pendapatan asli daerah, transfer — DAU, DAK —,
hibah; BLUD revenue for a BLUD such as an RSUD). Every field is optional.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from spbe_arch.model.base import Pilihan, Tahun, labels


class SumberDana(Pilihan):
    """Where the money came from (PP 12/2019; APBN for systems a K/L provides)."""

    APBD = "apbd"
    DAK = "dak"
    APBN = "apbn"
    BLUD = "blud"
    HIBAH = "hibah"
    CSR = "csr"
    LAINNYA = "lainnya"


labels(
    {
        SumberDana.APBD: "APBD",
        SumberDana.DAK: "DAK (Dana Alokasi Khusus)",
        SumberDana.APBN: "APBN",
        SumberDana.BLUD: "Pendapatan BLUD",
        SumberDana.HIBAH: "Hibah",
        SumberDana.CSR: "CSR / kerja sama swasta",
    }
)


class Pengadaan(BaseModel):
    """How the element was procured: value, year, provider, funding source."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    nilai: int | None = Field(
        default=None, ge=0, description="Nilai kontrak atau belanja, dalam rupiah."
    )
    tahun: Tahun | None = Field(default=None, description="Tahun pengadaan (tahun anggaran).")
    penyedia: str | None = Field(
        default=None,
        description="Penyedia (vendor) menurut Perpres 16/2018; `swakelola` bila dibangun sendiri.",
    )
    sumber_dana: SumberDana | None = Field(
        default=None, description="Sumber dana: apbd, dak, apbn, blud, hibah, csr, lainnya."
    )
    nomor_kontrak: str | None = Field(default=None, description="Nomor kontrak atau SPK.")
    keterangan: str | None = Field(default=None, description="Catatan bebas.")
