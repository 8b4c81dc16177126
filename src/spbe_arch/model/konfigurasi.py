"""``spbe.yaml``: the Pemda's identity, the architecture period, the catalogue pin, settings."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

from spbe_arch.model.base import Pilihan, Teks


class JenisPemda(Pilihan):
    """Kind of regional government."""

    PROVINSI = "provinsi"
    KABUPATEN = "kabupaten"
    KOTA = "kota"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class Pemda(_Strict):
    """The regional government that owns the architecture."""

    nama: Teks = Field(description="Nama Pemda, mis. `Pemerintah Kabupaten Contoh`.")
    jenis: JenisPemda = Field(description="provinsi, kabupaten atau kota.")
    kode_wilayah: str | None = Field(
        default=None, pattern=r"^\d{2}(\.\d{2}){0,3}$", description="Kode wilayah Kemendagri."
    )
    provinsi: str | None = Field(default=None, description="Provinsi (untuk kabupaten/kota).")


class Periode(_Strict):
    """A span of years, both ends included."""

    mulai: int = Field(ge=2000, le=2100, description="Tahun pertama.")
    selesai: int = Field(ge=2000, le=2100, description="Tahun terakhir.")

    @model_validator(mode="after")
    def _ordered(self) -> Periode:
        if self.selesai < self.mulai:
            raise ValueError(f"selesai ({self.selesai}) lebih awal dari mulai ({self.mulai})")
        return self

    def __contains__(self, tahun: object) -> bool:
        return isinstance(tahun, int) and self.mulai <= tahun <= self.selesai


class Penetapan(_Strict):
    """The legal act that enacts the architecture (Perkada)."""

    nomor: Teks = Field(description="Nomor Peraturan/Keputusan Kepala Daerah.")
    tanggal: dt.date | None = Field(default=None, description="Tanggal penetapan.")


class Reviu(_Strict):
    """A recorded review of the architecture (mid-term, final year, or as needed)."""

    tanggal: dt.date = Field(description="Tanggal reviu.")
    jenis: Literal["paruh_waktu", "tahun_akhir", "insidental"] = Field(
        description="paruh_waktu, tahun_akhir atau insidental."
    )
    catatan: str | None = Field(default=None, description="Ringkasan hasil reviu.")


class BagianArsitektur(Pilihan):
    """The part of the architecture a legal act establishes."""

    ARSITEKTUR = "arsitektur"
    PROSES_BISNIS = "proses_bisnis"
    DATA = "data"
    LAYANAN = "layanan"
    APLIKASI = "aplikasi"
    INFRASTRUKTUR = "infrastruktur"
    KEAMANAN = "keamanan"
    PETA_RENCANA = "peta_rencana"
    TATA_KELOLA = "tata_kelola"


class DasarHukum(_Strict):
    """A legal act that establishes one part of the architecture.

    A Pemda often enacts the parts separately: the Arsitektur SPBE by Perkada (Perpres 95/2018),
    the business-process map by a Keputusan Kepala Daerah (Permenpan RB 19/2018), the Peta
    Rencana in its own act, the SPBE coordination team by decree.
    """

    bagian: BagianArsitektur = Field(
        description="Bagian yang ditetapkan: arsitektur, proses_bisnis, data, layanan, aplikasi, "
        "infrastruktur, keamanan, peta_rencana, tata_kelola."
    )
    nomor: Teks = Field(description="Jenis dan nomor produk hukum, mis. `Perwali 12/2024`.")
    judul: str | None = Field(default=None, description="Judul produk hukum.")
    tanggal: dt.date | None = Field(default=None, description="Tanggal penetapan.")


class RiwayatEvaluasi(_Strict):
    """One published result of the SPBE evaluation of the body (Indeks SPBE / Indeks Pemdi).

    Results are announced by Keputusan Menteri PANRB each evaluation year (e.g. Kepmen PANRB
    1503/2021 for 2021); the index runs 0–5 under Permenpan RB 5/2018, 59/2020 and 8/2026.
    """

    tahun: int = Field(ge=2018, le=2100, description="Tahun evaluasi.")
    indeks: float = Field(ge=0, le=5, description="Nilai indeks (0–5), mis. `2.85`.")
    predikat: str | None = Field(default=None, description="Predikat yang diumumkan, mis. `Baik`.")
    rezim: str | None = Field(
        default=None,
        description="Rezim evaluasi: `5/2018`, `59/2020` atau `8/2026`; bila kosong, rezim yang "
        "berlaku pada tahun itu.",
    )
    sumber: str | None = Field(
        default=None, description="Sumber hasil, mis. `Kepmen PANRB 1503/2021`."
    )


class Pengaturan(_Strict):
    """Tool settings kept with the model."""

    bahasa: Literal["id", "en"] = Field(default="id", description="Bahasa pesan: id atau en.")
    aturan: dict[str, Literal["error", "warning", "info", "off"]] = Field(
        default_factory=dict,
        description="Tingkat keparahan per aturan, mis. `SPBE-APL-003: warning`.",
    )


class Kontak(_Strict):
    """Whom OPD staff contact about the survey forms."""

    nama: Teks = Field(description="Nama narahubung (petugas Diskominfo).")
    telepon: str | None = Field(default=None, description="Nomor telepon atau WhatsApp.")
    email: str | None = Field(default=None, description="Alamat surel.")


class Survei(_Strict):
    """The survey of OPDs: the deadline for returning the forms and the contact person."""

    tenggat: dt.date | None = Field(
        default=None, description="Batas waktu pengembalian formulir survei (YYYY-MM-DD)."
    )
    kontak: Kontak | None = Field(default=None, description="Narahubung untuk pertanyaan OPD.")
    formulir_tanpa_pemilik: str | None = Field(
        default=None,
        description="Id OPD yang formulirnya memuat elemen tanpa pemilik (server, layanan "
        "bersama); bawaan: OPD urusan Kominfo/Persandian bila hanya ada satu.",
    )


HANDLE_PATTERN = (
    r"^(@[A-Za-z0-9](?:[A-Za-z0-9_.-]*[A-Za-z0-9])?(?:/[A-Za-z0-9](?:[A-Za-z0-9_.-]*[A-Za-z0-9])?)*"
    r"|[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,})$"
)
"""A code owner: ``@user``, ``@org/team`` (GitHub), ``@group/subgroup`` (GitLab) or an e-mail."""

Pemilik = Annotated[str, StringConstraints(strip_whitespace=True, pattern=HANDLE_PATTERN)]


class Konfigurasi(_Strict):
    """The contents of ``spbe.yaml`` at the root of a model repository."""

    spbe_arch: int = Field(ge=1, le=1, description="Versi format repositori model (saat ini 1).")
    pemda: Pemda
    periode: Periode = Field(description="Periode arsitektur (lima tahun).")
    rpjmd: Periode | None = Field(default=None, description="Periode RPJMD yang diacu.")
    katalog: str = Field(
        description="Versi katalog Referensi Arsitektur yang dipakai, mis. `2022.1`."
    )
    penetapan: Penetapan | None = Field(default=None, description="Penetapan dokumen arsitektur.")
    reviu: list[Reviu] = Field(default_factory=list, description="Riwayat reviu.")
    dasar_hukum: list[DasarHukum] = Field(
        default_factory=list,
        description="Produk hukum yang menetapkan tiap bagian arsitektur (mis. keputusan "
        "tersendiri untuk peta proses bisnis).",
    )
    riwayat_evaluasi: list[RiwayatEvaluasi] = Field(
        default_factory=list,
        description="Riwayat hasil evaluasi SPBE instansi: tahun, indeks, predikat.",
    )
    pengaturan: Pengaturan = Field(default_factory=Pengaturan, description="Pengaturan alat.")
    survei: Survei | None = Field(
        default=None, description="Survei formulir OPD: tenggat dan narahubung."
    )
    pemilik_berkas: dict[str, list[Pemilik]] = Field(
        default_factory=dict,
        description="Peninjau perubahan per OPD untuk CODEOWNERS (`spbe-arch codeowners`): id OPD "
        "-> daftar `@pengguna`, `@organisasi/tim` atau surel; kunci `*` untuk berkas lain "
        "(mis. `spbe.yaml`). Lihat docs/review.md.",
    )
