"""Domain Infrastruktur SPBE (DAI): the twelve object types of SIA-SPBE (docs/model.md).

Where the reference gives a closed list (Fasilitas Komputasi, Perangkat Lunak Platform, licences,
cloud service models) the field is a choice; elsewhere it is free text, as the sources are unsure.
"""

from __future__ import annotations

from typing import Annotated, ClassVar, Literal

from pydantic import Field

from spbe_arch.model.base import (
    Elemen,
    IdRef,
    Pilihan,
    StatusOperasionalOpsional,
    TahunStatus,
    labels,
)
from spbe_arch.model.pengadaan import Pengadaan


class ModelLayananAwan(Pilihan):
    """Cloud service models reported for Komputasi Awan."""

    IAAS = "iaas"
    PAAS = "paas"
    SAAS = "saas"
    BDAAS = "bdaas"
    SECAAS = "secaas"


class BentukServer(Pilihan):
    """Physical or virtual server."""

    FISIK = "fisik"
    VIRTUAL = "virtual"


class JenisSistemOperasi(Pilihan):
    """Operating system families (as Pemda architecture applications list them)."""

    DOS = "dos"
    UNIX = "unix"
    MACOS = "macos"
    WINDOWS = "windows"
    NETWORKING_OS = "networking_os"
    LINUX = "linux"
    MAINFRAME_OS = "mainframe_os"
    LAINNYA = "lainnya"


class JenisSistemDatabase(Pilihan):
    """Database system families (as Pemda architecture applications list them)."""

    RELATIONAL = "relational"
    NOSQL = "nosql"
    MEMORY_STORED = "memory_stored"
    LAINNYA = "lainnya"


class JenisLisensi(Pilihan):
    """Licence kinds of platform software (as Pemda architecture applications list them)."""

    SEUMUR_HIDUP = "seumur_hidup"
    PERIODIK = "periodik"
    OPEN_SOURCE = "open_source"


class JenisFasilitas(Pilihan):
    """Kinds of Fasilitas Komputasi (docs/model.md)."""

    PUSAT_DATA = "pusat_data"
    PUSAT_KOMPUTASI = "pusat_komputasi"
    PUSAT_KENDALI = "pusat_kendali"


class Kepemilikan(Pilihan):
    """Ownership of a Fasilitas Komputasi (docs/model.md)."""

    SENDIRI = "sendiri"
    INSTANSI_PEMERINTAH_LAIN = "instansi_pemerintah_lain"
    BUMN = "bumn"
    SWASTA_DN = "swasta_dn"
    SWASTA_LN = "swasta_ln"


class KlasifikasiTier(Pilihan):
    """Data-centre tier classification (docs/model.md)."""

    TIER_3 = "tier_3"
    TIER_4 = "tier_4"
    NON_TIER = "non_tier"


labels(
    {
        ModelLayananAwan.IAAS: "IaaS",
        ModelLayananAwan.PAAS: "PaaS",
        ModelLayananAwan.SAAS: "SaaS",
        ModelLayananAwan.BDAAS: "BDaaS",
        ModelLayananAwan.SECAAS: "SecaaS",
        JenisSistemOperasi.DOS: "DOS",
        JenisSistemOperasi.MACOS: "MacOS",
        JenisSistemOperasi.NETWORKING_OS: "Networking OS",
        JenisSistemOperasi.MAINFRAME_OS: "Mainframe OS",
        JenisSistemDatabase.NOSQL: "NoSQL",
        JenisLisensi.OPEN_SOURCE: "Open Source",
        Kepemilikan.BUMN: "BUMN",
        Kepemilikan.SWASTA_DN: "Swasta dalam negeri",
        Kepemilikan.SWASTA_LN: "Swasta luar negeri",
        KlasifikasiTier.TIER_3: "Tier 3",
        KlasifikasiTier.TIER_4: "Tier 4",
        KlasifikasiTier.NON_TIER: "Non-Tier",
    }
)


class _Infrastruktur(Elemen):
    """Fields every infrastructure object shares."""

    KATALOG: ClassVar[str | None] = "RAI"
    SECTION: ClassVar[str] = "infrastruktur"
    DOMAIN: ClassVar[str] = "infrastruktur"

    status_operasional: StatusOperasionalOpsional = None
    tahun_status: TahunStatus = None
    pengadaan: Pengadaan | None = Field(
        default=None,
        description="Fakta pengadaan: nilai, tahun, penyedia, sumber dana (Perpres 16/2018).",
    )


class _Perangkat(_Infrastruktur):
    """Hardware with an owner, placed in a Fasilitas Komputasi."""

    status_kepemilikan: str | None = Field(default=None, description="Status kepemilikan.")
    nama_pemilik: str | None = Field(default=None, description="Nama pemilik.")
    fasilitas: IdRef | None = Field(
        default=None, description="Fasilitas komputasi tempat perangkat berada (id)."
    )


class KomputasiAwan(_Infrastruktur):
    """Komputasi Awan (government or commercial cloud)."""

    KIND: ClassVar[str] = "komputasi_awan"
    jenis: Literal["komputasi_awan"]
    tipe_government_cloud: str | None = Field(default=None, description="Tipe government cloud.")
    status_kepemilikan: str | None = Field(default=None, description="Status kepemilikan.")
    nama_pemilik: str | None = Field(default=None, description="Nama pemilik / penyedia.")
    biaya_layanan: str | None = Field(default=None, description="Biaya layanan.")
    model_layanan: list[ModelLayananAwan] = Field(
        default_factory=list, description="Model layanan: iaas, paas, saas, bdaas, secaas."
    )
    jangka_waktu_layanan: str | None = Field(default=None, description="Jangka waktu layanan.")
    fasilitas: IdRef | None = Field(
        default=None, description="Fasilitas komputasi (pusat data) penyedia (id)."
    )
    jaringan: list[IdRef] = Field(default_factory=list, description="Jaringan intra (id).")


class Server(_Perangkat):
    """Perangkat Keras Server, physical or virtual."""

    KIND: ClassVar[str] = "server"
    jenis: Literal["server"]
    bentuk: BentukServer | None = Field(default=None, description="fisik atau virtual.")
    jenis_penggunaan: str | None = Field(default=None, description="Jenis penggunaan server.")
    kapasitas_memori: str | None = Field(
        default=None, description="Kapasitas memori, mis. `64 GB`."
    )
    jenis_teknologi_prosesor: str | None = Field(default=None, description="Teknologi prosesor.")
    kapasitas_penyimpanan: str | None = Field(default=None, description="Kapasitas penyimpanan.")
    host: IdRef | None = Field(
        default=None,
        description="Untuk server virtual: server fisik atau komputasi awan tempatnya "
        "berjalan (id).",
    )
    perangkat_lunak: list[IdRef] = Field(
        default_factory=list, description="Perangkat lunak platform yang dijalankan (id)."
    )
    jaringan: list[IdRef] = Field(default_factory=list, description="Jaringan intra (id).")


class Periferal(_Perangkat):
    """Perangkat Keras Periferal."""

    KIND: ClassVar[str] = "periferal"
    jenis: Literal["periferal"]
    tipe_periferal: str | None = Field(default=None, description="Tipe periferal.")


class MediaPenyimpanan(_Perangkat):
    """Perangkat Keras Media Penyimpanan (NAS, SAN …)."""

    KIND: ClassVar[str] = "media_penyimpanan"
    jenis: Literal["media_penyimpanan"]
    kapasitas_penyimpanan: str | None = Field(default=None, description="Kapasitas penyimpanan.")
    metode_akses: str | None = Field(
        default=None, description="Metode akses data sharing (NAS, SAN, DAS …)."
    )


class PerangkatJaringan(_Perangkat):
    """Perangkat Keras Jaringan."""

    KIND: ClassVar[str] = "perangkat_jaringan"
    jenis: Literal["perangkat_jaringan"]
    tipe_perangkat: str | None = Field(default=None, description="Tipe perangkat jaringan.")
    jaringan: list[IdRef] = Field(default_factory=list, description="Jaringan intra (id).")


class PerangkatKeamanan(_Perangkat):
    """Perangkat Keras Keamanan (firewall, WAF …)."""

    KIND: ClassVar[str] = "perangkat_keamanan"
    jenis: Literal["perangkat_keamanan"]
    tipe_perangkat: str | None = Field(default=None, description="Tipe perangkat keamanan.")
    jaringan: list[IdRef] = Field(default_factory=list, description="Jaringan intra (id).")


class _PerangkatLunak(_Infrastruktur):
    """Perangkat Lunak Platform."""

    jenis_lisensi: JenisLisensi | None = Field(
        default=None, description="Jenis lisensi: seumur_hidup, periodik, open_source."
    )
    nama_pemilik: str | None = Field(default=None, description="Nama pemilik lisensi.")
    validitas_lisensi: str | None = Field(default=None, description="Masa berlaku lisensi.")


class SistemOperasi(_PerangkatLunak):
    """Perangkat Lunak Platform: Sistem Operasi."""

    KIND: ClassVar[str] = "sistem_operasi"
    jenis: Literal["sistem_operasi"]
    jenis_sistem: JenisSistemOperasi | None = Field(default=None, description="Keluarga OS.")


class SistemDatabase(_PerangkatLunak):
    """Perangkat Lunak Platform: Sistem Database."""

    KIND: ClassVar[str] = "sistem_database"
    jenis: Literal["sistem_database"]
    jenis_sistem: JenisSistemDatabase | None = Field(default=None, description="Jenis DBMS.")


class SistemUtilitas(_PerangkatLunak):
    """Perangkat Lunak Platform: Sistem Utilitas."""

    KIND: ClassVar[str] = "sistem_utilitas"
    jenis: Literal["sistem_utilitas"]
    jenis_sistem: str | None = Field(default=None, description="Jenis utilitas.")


class JaringanIntra(_Infrastruktur):
    """Jaringan Intra Pemda (linked to the JIP)."""

    KIND: ClassVar[str] = "jaringan_intra"
    jenis: Literal["jaringan_intra"]
    jenis_jaringan: str | None = Field(default=None, description="Jenis jaringan.")
    status_kepemilikan: str | None = Field(default=None, description="Status kepemilikan.")
    nama_pemilik: str | None = Field(default=None, description="Nama pemilik.")
    tipe_media: str | None = Field(default=None, description="Tipe media jaringan.")
    bandwidth: str | None = Field(default=None, description="Bandwidth.")
    terhubung_ke: list[IdRef] = Field(
        default_factory=list, description="Jaringan intra lain yang terhubung (id), mis. JIP."
    )


class SistemPenghubungLayanan(_Infrastruktur):
    """Sistem Penghubung Layanan (SPL Pemda, or the national SPLP)."""

    KIND: ClassVar[str] = "sistem_penghubung_layanan"
    jenis: Literal["sistem_penghubung_layanan"]
    jenis_sistem_penghubung: str | None = Field(
        default=None, description="Jenis sistem penghubung (SPLP, SPL Pemda …)."
    )
    nama_pemilik: str | None = Field(default=None, description="Nama pemilik.")
    infrastruktur: list[IdRef] = Field(
        default_factory=list, description="Server atau komputasi awan tempatnya berjalan (id)."
    )
    jaringan: list[IdRef] = Field(default_factory=list, description="Jaringan intra (id).")


class FasilitasKomputasi(_Infrastruktur):
    """Fasilitas Komputasi: pusat data, pusat komputasi, pusat kendali."""

    KIND: ClassVar[str] = "fasilitas_komputasi"
    jenis: Literal["fasilitas_komputasi"]
    jenis_fasilitas: JenisFasilitas | None = Field(
        default=None, description="pusat_data, pusat_komputasi, pusat_kendali."
    )
    bandwidth_intranet: str | None = Field(default=None, description="Bandwidth intranet.")
    bandwidth_internet: str | None = Field(default=None, description="Bandwidth internet.")
    lokasi: str | None = Field(default=None, description="Alamat lokasi.")
    kepemilikan: Kepemilikan | None = Field(default=None, description="Kepemilikan fasilitas.")
    klasifikasi_tier: KlasifikasiTier | None = Field(default=None, description="Klasifikasi tier.")
    sistem_pengamanan: str | None = Field(default=None, description="Sistem pengamanan fisik.")
    jaringan: list[IdRef] = Field(default_factory=list, description="Jaringan intra (id).")


INFRASTRUKTUR_TYPES: tuple[type[Elemen], ...] = (
    KomputasiAwan,
    Server,
    Periferal,
    MediaPenyimpanan,
    PerangkatJaringan,
    PerangkatKeamanan,
    SistemOperasi,
    SistemDatabase,
    SistemUtilitas,
    JaringanIntra,
    SistemPenghubungLayanan,
    FasilitasKomputasi,
)

Infrastruktur = Annotated[
    KomputasiAwan
    | Server
    | Periferal
    | MediaPenyimpanan
    | PerangkatJaringan
    | PerangkatKeamanan
    | SistemOperasi
    | SistemDatabase
    | SistemUtilitas
    | JaringanIntra
    | SistemPenghubungLayanan
    | FasilitasKomputasi,
    Field(discriminator="jenis"),
]
"""One infrastructure object; ``jenis`` says which of the twelve."""
