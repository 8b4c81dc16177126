"""Domain Data dan Informasi (DAD), classified against RAD (Perpres 132/2022, Lampiran: Referensi
Arsitektur Data dan Informasi).
"""

from __future__ import annotations

from typing import ClassVar

from pydantic import Field

from spbe_arch.model.base import Elemen, IdRef, Pilihan, Teks, labels


class SifatData(Pilihan):
    """Sifat data (analyst template)."""

    TERBUKA = "terbuka"
    TERBATAS = "terbatas"
    TERTUTUP = "tertutup"


class JenisData(Pilihan):
    """Jenis data (analyst template)."""

    STATISTIK = "statistik"
    GEOSPASIAL = "geospasial"
    KEUANGAN = "keuangan"
    LAINNYA = "lainnya"


labels(
    {
        JenisData.STATISTIK: "Data Statistik",
        JenisData.GEOSPASIAL: "Data Geospasial",
        JenisData.KEUANGAN: "Data Keuangan",
    }
)


class ValiditasData(Pilihan):
    """How often the data is renewed (analyst template)."""

    REALTIME = "realtime"
    HARIAN = "harian"
    MINGGUAN = "mingguan"
    BULANAN = "bulanan"
    TIGA_BULANAN = "tiga_bulanan"
    ENAM_BULANAN = "enam_bulanan"
    TAHUNAN = "tahunan"
    DUA_TAHUNAN = "dua_tahunan"
    TIGA_TAHUNAN = "tiga_tahunan"
    LIMA_TAHUNAN = "lima_tahunan"
    LAINNYA = "lainnya"


class YaTidak(Pilihan):
    """Ya or Tidak, as the forms write it (never a YAML boolean)."""

    YA = "ya"
    TIDAK = "tidak"


class DataInformasi(Elemen):
    """A data set of the Pemda (Satu Data: produsen and walidata)."""

    KIND: ClassVar[str] = "data"
    KATALOG: ClassVar[str | None] = "RAD"
    SECTION: ClassVar[str] = "data"
    DOMAIN: ClassVar[str] = "data"

    uraian: Teks = Field(description="Uraian data (wajib).")
    tujuan: Teks = Field(description="Tujuan pengumpulan dan penggunaan data (wajib).")
    sifat: SifatData = Field(description="Sifat data: terbuka, terbatas, tertutup.")
    jenis: JenisData = Field(description="Jenis data: statistik, geospasial, keuangan, lainnya.")
    validitas: ValiditasData = Field(description="Frekuensi pemutakhiran data.")
    interoperabilitas: YaTidak = Field(
        description="Apakah data dapat dipertukarkan antar-aplikasi (ya/tidak)."
    )
    produsen: str | None = Field(
        default=None, description="Produsen data: id OPD, atau nama instansi di luar Pemda."
    )
    walidata: IdRef = Field(description="OPD walidata / penanggung jawab data (id OPD).")
    informasi_input: str | None = Field(default=None, description="Informasi terkait (masukan).")
    informasi_output: str | None = Field(default=None, description="Informasi terkait (keluaran).")
    proses_bisnis: list[IdRef] = Field(
        default_factory=list,
        description="Proses bisnis yang menghasilkan data ini; minimal satu "
        "(diperiksa SPBE-DAT-001).",
    )
    layanan: list[IdRef] = Field(
        default_factory=list, description="Layanan yang menggunakan data ini."
    )
