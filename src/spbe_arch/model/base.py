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
    opd: IdRef | None = Field(
        default=None,
        description="Perangkat Daerah pemilik elemen (id OPD). Bila kosong, diambil dari kunci "
        "`opd` di puncak berkas.",
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

    @model_validator(mode="after")
    def _years_in_order(self) -> Self:
        mulai, selesai = self.tahun_mulai, self.tahun_selesai
        if mulai is not None and selesai is not None and selesai < mulai:
            raise ValueError(f"tahun_selesai {selesai} lebih awal dari tahun_mulai {mulai}")
        return self
