"""Common building blocks of the metamodel: the element base class, ids, choices with labels."""

from __future__ import annotations

from enum import Enum
from functools import lru_cache
from typing import Annotated, Any, ClassVar, Self

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from spbe_arch.referensi.kode import normalize_kode

_normalized = lru_cache(maxsize=8192)(normalize_kode)
"""``normalize_kode``, remembered: a model repeats a few hundred codes over thousands of
elements, and validating ``referensi`` was a third of the cost of validating an element."""


def nama_tertulis(kind: type[Elemen], referensi: object) -> str | None:
    """The name typed after the code in a ``referensi`` as written, if any.

    ``RAB.04.01.04 - Pengelolaan Pelayanan Kesehatan`` is stored as the code; the loader keeps
    the name aside (:attr:`~spbe_arch.model.arsitektur.Arsitektur.nama_referensi`) so that
    SPBE-KAT-008 can compare it with the catalogue's. (It is source information, like the
    element's file and line, not part of the element: a private attribute set by a validator
    cost a quarter of validating every element.)
    """
    if not isinstance(referensi, str) or len(referensi.split(maxsplit=1)) < 2:
        return None  # no space inside: a bare code
    bare = referensi.strip()[:1].isdigit()
    return _normalized(referensi, kind.KATALOG if bare else None).nama_tertulis


ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._\-]{0,79}$"

ElemenId = Annotated[
    str,
    StringConstraints(strip_whitespace=True, pattern=ID_PATTERN),
    Field(description="Kode unik elemen di seluruh repositori model, mis. `DAA-001`."),
]
"""An element id: letters, digits, dot, dash, underscore; unique across the repository."""

IdRef = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
"""A reference to another element by its id (checked by the rules, not by the model)."""

SELURUH_PEMDA = "pemda"
"""The owner (or user) written for the Pemda as a whole: ``opd: pemda``.

Real inventories own some elements jointly: a Pemda-wide process category, a service every
kecamatan delivers, an application every OPD uses. Perpres 95/2018 makes the Pemda (its
kepala daerah) responsible for SPBE, so "the Pemda" is a valid owner, not a missing one.
"""

Tahun = Annotated[int, Field(ge=2000, le=2100)]
"""A calendar year (2000–2100)."""

Teks = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
"""Free, non-empty text."""


class Pilihan(str, Enum):
    """A closed list of values; YAML holds the value, forms and documents show the label."""

    @property
    def label(self) -> str:
        """The label the official templates and the OPD forms use."""
        return LABELS.get(self) or str(self.value).replace("_", " ").capitalize()


LABELS: dict[Enum, str] = {}
"""Labels that differ from the capitalised value (filled by the modules that define choices)."""


def labels(choices: dict[Any, str]) -> None:
    """Register labels of choices whose label is not their capitalised value."""
    LABELS.update(choices)


class StatusElemen(Pilihan):
    """Status of an element against the as-is architecture (templates: baru / upgrade / as-is)."""

    AS_IS = "as_is"
    UPGRADE = "upgrade"
    BARU = "baru"


labels({StatusElemen.AS_IS: "As-is", StatusElemen.UPGRADE: "Upgrade", StatusElemen.BARU: "Baru"})


class StatusOperasional(Pilihan):
    """Whether a system or service is running (lifecycle, as application inventories record it).

    Application inventories of Pemda and K/L record an operational status next to the
    as-is/to-be status (e.g. the "status aplikasi" of the Kominfo/Komdigi application data
    collection, common practice); only ``aktif`` elements are running systems.
    """

    AKTIF = "aktif"
    TIDAK_AKTIF = "tidak_aktif"
    DALAM_PENGEMBANGAN = "dalam_pengembangan"
    PENSIUN = "pensiun"


labels(
    {
        StatusOperasional.TIDAK_AKTIF: "Tidak aktif",
        StatusOperasional.DALAM_PENGEMBANGAN: "Dalam pengembangan",
        StatusOperasional.PENSIUN: "Pensiun (dihentikan permanen)",
    }
)

STATUS_OPERASIONAL_DOC = (
    "Status operasional: aktif, tidak_aktif, dalam_pengembangan, pensiun (praktik umum inventaris "
    "aplikasi Pemda). Kosong berarti aktif. Elemen yang tidak aktif dikecualikan dari aturan "
    "tentang sistem yang berjalan (audit, infrastruktur, program keamanan)."
)
TAHUN_STATUS_DOC = (
    "Tahun status operasional mulai berlaku, mis. tahun aplikasi dinonaktifkan atau mulai "
    "dikembangkan."
)


StatusOperasionalOpsional = Annotated[
    StatusOperasional | None, Field(description=STATUS_OPERASIONAL_DOC)
]
"""The ``status_operasional`` field of aplikasi, infrastruktur and layanan."""
TahunStatus = Annotated[Tahun | None, Field(description=TAHUN_STATUS_DOC)]
"""The ``tahun_status`` field that goes with it."""


def berjalan(element: object) -> bool:
    """Whether an element is a running system: no ``status_operasional``, or ``aktif``."""
    status = getattr(element, "status_operasional", None)
    return status is None or status is StatusOperasional.AKTIF


class Abaikan(BaseModel):
    """A suppression: the element knowingly breaks one rule, for a stated reason."""

    model_config = ConfigDict(extra="forbid")

    aturan: Teks = Field(
        description="Kode aturan yang diabaikan untuk elemen ini, mis. `SPBE-APL-003`."
    )
    alasan: Teks = Field(description="Alasan pengabaian (wajib, agar dapat ditinjau).")


class Elemen(BaseModel):
    """What every architecture element has: id, nama, uraian, owner OPD, reference code."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, validate_default=False)

    KIND: ClassVar[str] = ""
    """The element kind, used by the relation table, the graph and the rules."""
    KATALOG: ClassVar[str | None] = None
    """The reference catalogue prefix of the element's domain (``RAB`` …), if any."""
    SECTION: ClassVar[str] = ""
    """The top-level key of model files that holds elements of this kind."""
    DOMAIN: ClassVar[str] = ""
    """The domain of the kind (``proses_bisnis``, ``data`` … ``organisasi``, ``peta_rencana``)."""

    id: ElemenId
    nama: Teks = Field(description="Nama elemen.")
    uraian: str | None = Field(default=None, description="Uraian singkat elemen.")
    opd: IdRef | list[IdRef] | None = Field(
        default=None,
        description="Perangkat Daerah pemilik elemen: satu id OPD, daftar id OPD bila dimiliki "
        "bersama (mis. layanan yang diberikan semua kecamatan), atau `pemda` bila milik Pemda "
        "secara keseluruhan (Perpres 95/2018: kepala daerah penanggung jawab SPBE "
        "Pemda). Bila kosong, diambil dari kunci `opd` di puncak berkas.",
    )
    referensi: str | None = Field(
        default=None,
        description="Kode Referensi Arsitektur SPBE yang mengklasifikasikan elemen "
        "(katalog domainnya).",
    )
    status: StatusElemen | None = Field(
        default=None, description="Status terhadap arsitektur as-is: as_is, upgrade, baru."
    )
    tahun_mulai: int | None = Field(
        default=None,
        ge=2000,
        le=2100,
        description="Tahun pertama elemen ada. Kosong: sudah ada sebelum periode (elemen `baru` "
        "tanpa tahun mengikuti tahun mulai butir Peta Rencana yang memperkenalkannya).",
    )
    tahun_selesai: int | None = Field(
        default=None,
        ge=2000,
        le=2100,
        description="Tahun terakhir elemen ada (mis. 2027: masih ada pada 2027, tidak lagi pada "
        "2028). Kosong: tetap ada, kecuali dihentikan butir Peta Rencana.",
    )
    kode_lokal: str | None = Field(
        default=None,
        description="Kode yang dipakai Pemda sendiri untuk elemen ini (nomor inventaris, kode "
        "aplikasi di daftar Diskominfo), bila berbeda dari `id`; praktik umum inventaris.",
    )
    keterangan: str | None = Field(default=None, description="Catatan bebas.")

    abaikan: list[Abaikan] = Field(
        default_factory=list,
        description="Aturan yang sengaja diabaikan untuk elemen ini, dengan alasan.",
    )

    @field_validator("referensi", mode="before")
    @classmethod
    def _normalise_referensi(cls, value: object) -> object:
        if value is None or not isinstance(value, str):
            return value
        if not value.strip():
            return None
        # A code with its own prefix is kept as written (a wrong catalogue is a rule finding,
        # SPBE-KAT-002); only a prefix-less code takes the catalogue of the element's domain.
        bare = value.strip()[:1].isdigit()
        hasil = _normalized(value, cls.KATALOG if bare else None)
        if hasil.kode is None:
            raise PydanticCustomError(
                "kode_referensi",
                "{alasan}",
                {"alasan": hasil.alasan or "", "alasan_en": hasil.alasan_en or ""},
            )
        return hasil.kode

    @field_validator("opd", mode="after")
    @classmethod
    def _owners(cls, value: str | list[str] | None) -> str | list[str] | None:
        if not isinstance(value, list):
            return value
        unique = list(dict.fromkeys(value))
        if not unique:
            return None
        if SELURUH_PEMDA in unique and len(unique) > 1:
            raise PydanticCustomError(
                "opd_pemda",
                "`pemda` berarti seluruh Pemda; jangan digabung dengan id OPD lain",
                {"alasan_en": "`pemda` means the whole Pemda; do not list it with other OPD ids"},
            )
        return unique[0] if len(unique) == 1 else unique

    @model_validator(mode="after")
    def _years_in_order(self) -> Self:
        mulai, selesai = self.tahun_mulai, self.tahun_selesai
        if mulai is not None and selesai is not None and selesai < mulai:
            raise ValueError(f"tahun_selesai {selesai} lebih awal dari tahun_mulai {mulai}")
        return self


def owners_of(element: object) -> tuple[str, ...]:
    """The owner OPD ids of an element, in the order written; ``()`` when it has none.

    ``("pemda",)`` (:data:`SELURUH_PEMDA`) means the Pemda as a whole. A
    :class:`~spbe_arch.model.organisasi.PerangkatDaerah` owns itself. Every reader of ownership
    (rules, survey forms, diagrams) goes through this function, so the single-owner form
    (``opd: DINKES``), the shared form (``opd: [KEC-A, KEC-B]``) and ``opd: pemda`` mean the same
    everywhere.
    """
    if getattr(element, "KIND", None) == "opd":
        ident = getattr(element, "id", None)
        return (ident,) if isinstance(ident, str) else ()
    value = getattr(element, "opd", None)
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    return tuple(dict.fromkeys(v for v in value if isinstance(v, str)))


def milik_pemda(element: object) -> bool:
    """Whether the element is owned by the Pemda as a whole (``opd: pemda``)."""
    return owners_of(element) == (SELURUH_PEMDA,)
