"""The layout of the survey forms, derived from the model: sheets, columns, value kinds.

One sheet per element kind, one column per field. The header is the official analyst-template
label where one exists (the official analyst templates of SIA-SPBE), otherwise the field's
``title`` or its name in words; the header note is the field's ``description`` with internal
values shown as the labels the dropdowns use. New model fields of a simple type (text, number,
date, choice, reference) appear on the forms without a change here; a nested record
(procurement, service standards) gets one column per sub-field. Fields an OPD cannot fill
sensibly in a cell (the owner, the ``jenis`` tag, suppressions, the ``integrasi`` sub-list,
lists of records) are left out and are never touched by an import.
"""

from __future__ import annotations

import datetime as dt
import types
import typing
from dataclasses import dataclass, replace
from enum import Enum
from functools import cache
from typing import Any, Literal, Union

from pydantic import BaseModel

from spbe_arch.model.base import Elemen, Pilihan
from spbe_arch.model.kinds import ELEMENT_TYPES
from spbe_arch.model.relasi import INFRA_KINDS, KEAMANAN_KINDS, relations_of
from spbe_arch.rules.layanan_tidak_lengkap import WAJIB as WAJIB_LAYANAN

FORM_VERSION = "2"
"""Version of the form layout; an import refuses a workbook of another version."""

Jenis = Literal[
    "teks", "teks_daftar", "bulat", "bilangan", "tanggal", "pilihan", "pilihan_daftar",
    "kode", "relasi", "relasi_daftar", "opd_saran",
]  # fmt: skip
"""How a column's cell is read and written."""

WAJIB_ATURAN: dict[str, tuple[str, ...]] = {
    "layanan": WAJIB_LAYANAN,  # SPBE-LAY-001
    "data": ("proses_bisnis",),  # SPBE-DAT-001
    "aplikasi": ("layanan", "infrastruktur"),  # SPBE-APL-001, SPBE-APL-002
}
"""Fields the completeness rules ask for beyond the model's required fields (counted by status)."""

KODE_ATURAN: dict[tuple[str, str], str] = {
    **{("layanan", f): "SPBE-LAY-001" for f in WAJIB_LAYANAN},
    ("data", "proses_bisnis"): "SPBE-DAT-001",
    ("aplikasi", "layanan"): "SPBE-APL-001",
    ("aplikasi", "infrastruktur"): "SPBE-APL-002",
}
"""The rule behind each field of :data:`WAJIB_ATURAN`. A field whose rule is an error is
required on the form (``*``): an import refuses a row without it, as ``check`` would report an
error. A field whose rule is a warning is recommended (yellow), and a row without it is
imported with the warning."""


def _wajib_aturan(kind: str, name: str) -> bool | None:
    """True when a rule makes the field required, False when it recommends it, else None."""
    code = KODE_ATURAN.get((kind, name))
    if code is None or name not in WAJIB_ATURAN.get(kind, ()):
        return None
    from spbe_arch.rules import REGISTRY

    item = REGISTRY.get(code)
    return item is not None and item.severity.value == "error"


JENIS_SEMUA_OPD: tuple[str, ...] = (
    "proses_bisnis", "data", "layanan", "aplikasi",
    "komputasi_awan", "server", "periferal", "media_penyimpanan", "perangkat_jaringan",
    "perangkat_keamanan", "fasilitas_komputasi",
    "edukasi_kesadaran", "identifikasi_kerentanan", "audit_keamanan",
)  # fmt: skip
"""Kinds every OPD answers for: its business, data, services, applications, the hardware and
rooms it may own or rent, and the security activities it may run itself. Pemda-wide platform
software, the intranet, the service bus and the Pemda-wide security programmes are answered by
the coordinating OPD (see :data:`URUSAN_KOORDINATOR`) and by any OPD that already owns one."""

URUSAN_KOORDINATOR: tuple[str, ...] = ("2.16", "2.21")
"""Bidang urusan (Kominfo, Persandian) whose OPD answers for every kind."""

LEWATI: frozenset[str] = frozenset({"opd", "abaikan", "integrasi"})
"""Fields not on the forms (the owner is implied by the workbook; the ``jenis`` tag of
infrastructure and security objects, a ``Literal`` of one value, by the sheet)."""

NAMA_SHEET: dict[str, str] = {
    "proses_bisnis": "Proses Bisnis",
    "data": "Data dan Informasi",
    "layanan": "Layanan",
    "aplikasi": "Aplikasi",
    "komputasi_awan": "Komputasi Awan",
    "server": "Server",
    "periferal": "Periferal",
    "media_penyimpanan": "Media Penyimpanan",
    "perangkat_jaringan": "Perangkat Jaringan",
    "perangkat_keamanan": "Perangkat Keamanan",
    "sistem_operasi": "Sistem Operasi",
    "sistem_database": "Sistem Database",
    "sistem_utilitas": "Sistem Utilitas",
    "jaringan_intra": "Jaringan Intra",
    "sistem_penghubung_layanan": "Sistem Penghubung Layanan",
    "fasilitas_komputasi": "Fasilitas Komputasi",
    "standar_prosedur": "Standar dan Prosedur",
    "edukasi_kesadaran": "Edukasi Kesadaran",
    "identifikasi_kerentanan": "Identifikasi Kerentanan",
    "peningkatan_keamanan": "Peningkatan Keamanan",
    "penanganan_insiden": "Penanganan Insiden",
    "audit_keamanan": "Audit Keamanan",
    "kelaikan_keamanan": "Kelaikan Keamanan",
}
"""Sheet name per kind (at most 31 characters, no ``[]:*?/\\``)."""

_NAMA: dict[str, str] = {
    "proses_bisnis": "Nama Bisnis/Urusan",
    "data": "Nama Data",
    "layanan": "Nama Layanan",
    "aplikasi": "Nama Aplikasi",
}
_LABEL: dict[str, str] = {
    "id": "ID", "uraian": "Uraian", "status": "Status", "keterangan": "Keterangan",
    "unit_kerja": "Unit Kerja", "induk": "Proses Bisnis Induk", "bidang_urusan": "Bidang Urusan",
    "sasaran_strategis": "Sasaran Strategis", "indikator_kinerja": "Indikator Kinerja",
    "nilai_iku_target": "Nilai IKU Target", "nilai_iku_realisasi": "Nilai IKU Terealisasi",
    "satuan_iku": "Satuan IKU", "tujuan": "Tujuan", "sifat": "Sifat", "jenis": "Jenis",
    "validitas": "Validitas", "interoperabilitas": "Interoperabilitas", "produsen": "Produsen",
    "walidata": "Wali Data", "informasi_input": "Informasi Terkait (Input)",
    "informasi_output": "Informasi Terkait (Output)", "proses_bisnis": "Proses Bisnis",
    "layanan": "Layanan", "fungsi": "Fungsi", "urusan": "Urusan Pemerintahan",
    "target_layanan": "Target Layanan", "metode_layanan": "Metode Layanan",
    "kementerian_lembaga": "Kementerian/Lembaga", "potensi_manfaat": "Potensi Manfaat",
    "potensi_ekonomi": "Potensi Ekonomi", "potensi_risiko": "Potensi Risiko",
    "mitigasi": "Mitigasi", "penanggung_jawab": "Penanggung Jawab",
    "unit_pelaksana": "Unit Pelaksana", "luaran": "Luaran", "basis": "Basis Aplikasi",
    "lisensi": "Tipe Lisensi Aplikasi", "basis_data": "Basis Data",
    "tipe_government_cloud": "Tipe Government Cloud", "status_kepemilikan": "Status Kepemilikan",
    "nama_pemilik": "Nama Pemilik", "biaya_layanan": "Biaya Layanan",
    "jenis_penggunaan": "Jenis Penggunaan Server", "kapasitas_memori": "Kapasitas Memori",
    "jenis_teknologi_prosesor": "Jenis Teknologi Prosesor",
    "kapasitas_penyimpanan": "Kapasitas Penyimpanan", "tipe_periferal": "Tipe Periferal",
    "metode_akses": "Metode Akses Data Sharing", "jenis_lisensi": "Jenis Lisensi",
    "validitas_lisensi": "Validitas Lisensi", "jenis_jaringan": "Jenis Jaringan",
    "tipe_media": "Tipe Media Jaringan", "jenis_sistem_penghubung": "Jenis Sistem Penghubung",
    "bandwidth_intranet": "Bandwidth Intranet", "bandwidth_internet": "Bandwidth Internet",
    "lokasi": "Lokasi", "kepemilikan": "Kepemilikan", "klasifikasi_tier": "Klasifikasi Tier",
    "sistem_pengamanan": "Sistem Pengamanan", "jenis_fasilitas": "Jenis Fasilitas",
    "tanggal_mulai_penerapan": "Tanggal Mulai Penerapan",
    "tanggal_akhir_penerapan": "Tanggal Akhir Penerapan", "tanggal_kegiatan": "Tanggal Kegiatan",
    "nilai_kematangan": "Nilai Kematangan", "hasil_audit": "Hasil Audit",
    "jenis_audit": "Jenis Audit", "tindak_lanjut": "Tindak Lanjut Audit",
}  # fmt: skip
_LABEL_JENIS: dict[tuple[str, str], str] = {
    ("perangkat_jaringan", "tipe_perangkat"): "Tipe Network/Communication Device",
    ("perangkat_keamanan", "tipe_perangkat"): "Tipe Security Device",
}

KOLOM_ID_ASAL = "ID Asal"
KOLOM_NILAI_ASAL = "Nilai Asal"
KOLOM_TANDA = "Tanda Asal"
KOLOM_TERSEMBUNYI: tuple[str, ...] = (KOLOM_ID_ASAL, KOLOM_NILAI_ASAL, KOLOM_TANDA)
"""Hidden, locked columns A to C: the id the row had (renames), the values it had, and the
signature of both (see :mod:`spbe_arch.survei.tanda`)."""


@dataclass(frozen=True, slots=True)
class Kolom:
    """One column of a sheet: the field it fills and how its cells are read."""

    field: str
    header: str
    jenis: Jenis
    wajib: bool
    deskripsi: str
    pilihan: tuple[Enum | str, ...] = ()
    target: tuple[str, ...] = ()
    katalog: str | None = None
    level: int | None = None
    anjuran: bool = False
    """Asked for by a completeness rule (see :data:`WAJIB_ATURAN`); not required on import."""

    @property
    def judul(self) -> str:
        """The header as written in the workbook (``*`` marks a required column)."""
        return f"{self.header} *" if self.wajib else self.header

    @property
    def banyak(self) -> bool:
        """Whether the cell holds several values, separated by commas."""
        return self.jenis.endswith("_daftar")


@dataclass(frozen=True, slots=True)
class Lembar:
    """One sheet: the element kind it holds, its class, and its columns."""

    kind: str
    nama: str
    cls: type[Elemen]
    kolom: tuple[Kolom, ...]

    def by_field(self, field: str) -> Kolom | None:
        """The column of a field, if the sheet has one."""
        return next((k for k in self.kolom if k.field == field), None)


def _unwrap(annotation: Any) -> tuple[Any, bool]:
    """(inner type, is_list) of an annotation, with Optional and Annotated removed."""
    if typing.get_origin(annotation) is typing.Annotated:
        annotation = typing.get_args(annotation)[0]
    origin = typing.get_origin(annotation)
    if origin in (Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        return _unwrap(args[0]) if len(args) == 1 else (str, False)
    if origin is list:
        inner, _ = _unwrap(typing.get_args(annotation)[0])
        return inner, True
    return annotation, False


def _kolom_bersarang(cls: type[Elemen], name: str) -> list[Kolom]:
    """The columns of a nested record field (``pengadaan``, ``standar_pelayanan``), one per
    sub-field of a simple type: ``Pengadaan: Nilai`` fills ``pengadaan.nilai``. None of them is
    required on the form (the record itself is optional); the model still validates the whole."""
    info = cls.model_fields[name]
    inner, many = _unwrap(info.annotation)
    if many or not (isinstance(inner, type) and issubclass(inner, BaseModel)):
        return []
    parent = _LABEL.get(name) or info.title or name.replace("_", " ").title()
    out = []
    for sub in inner.model_fields:
        kolom = _kolom(inner, sub, kind=cls.KIND, bersarang=True)
        if kolom is not None:
            out.append(
                replace(kolom, field=f"{name}.{sub}", header=f"{parent}: {kolom.header}",
                        wajib=False, anjuran=False)
            )  # fmt: skip
    return out


def nilai_dari(element: object, field: str) -> Any:
    """The value of a (possibly nested, ``pengadaan.nilai``) field of an element, or None."""
    value: Any = element
    for part in field.split("."):
        value = getattr(value, part, None) if value is not None else None
    return value


def _kolom(
    cls: type[BaseModel], name: str, *, kind: str | None = None, bersarang: bool = False
) -> Kolom | None:
    info = cls.model_fields[name]
    inner, many = _unwrap(info.annotation)
    if isinstance(inner, type) and issubclass(inner, BaseModel):
        return None
    if name == "jenis" and typing.get_origin(inner) is Literal and info.is_required():
        return None
    kind = kind or str(getattr(cls, "KIND", ""))
    # an empty ID on a new row is allowed: the import numbers it after the OPD's other ids
    by_rule = None if bersarang else _wajib_aturan(kind, name)
    wajib = name != "id" and (info.is_required() or by_rule is True)
    anjuran = not wajib and by_rule is False
    header: str | None
    if bersarang:
        header = info.title or name.replace("_", " ").capitalize()
    else:
        header = _LABEL_JENIS.get((kind, name)) or (
            _NAMA.get(kind, "Nama") if name == "nama" else _LABEL.get(name) or info.title
        )
    katalog = getattr(cls, "KATALOG", None)
    if name == "referensi" and katalog and not bersarang:
        header = f"Referensi {katalog}"
    header = header or name.replace("_", " ").title()
    desc = info.description or ""
    relasi = None if bersarang else next((r for r in relations_of(kind) if r.field == name), None)

    def make(jenis: Jenis, **extra: Any) -> Kolom:
        return Kolom(name, header, jenis, wajib, desc, anjuran=anjuran, **extra)

    if name == "referensi" and not bersarang:
        return make("kode", katalog=katalog)
    if name == "urusan" and not bersarang:
        return make("kode", katalog="RAB", level=2)
    if name == "produsen" and not bersarang:
        return make("opd_saran", target=("opd",))
    if relasi is not None:
        return make("relasi_daftar" if many else "relasi", target=relasi.target)
    if isinstance(inner, type) and issubclass(inner, Pilihan):
        return make("pilihan_daftar" if many else "pilihan", pilihan=tuple(inner))
    if typing.get_origin(inner) is Literal:
        values = tuple(str(v) for v in typing.get_args(inner))
        return make("pilihan_daftar" if many else "pilihan", pilihan=values)
    if inner is int:
        return make("bulat")
    if inner is float:
        return make("bilangan")
    if inner is dt.date:
        return make("tanggal")
    return make("teks_daftar" if many else "teks")


@cache
def lembar(kind: str) -> Lembar:
    """The sheet layout of one element kind."""
    cls = next(t for t in ELEMENT_TYPES if kind == t.KIND)
    names = [n for n in cls.model_fields if n not in LEWATI and n != "keterangan"]
    kolom: list[Kolom] = []
    for n in [*names, "keterangan"]:
        found = _kolom(cls, n)
        kolom += [found] if found is not None else _kolom_bersarang(cls, n)
    return Lembar(kind, NAMA_SHEET[kind], cls, tuple(kolom))


def jenis_formulir(bidang_urusan: list[str], dimiliki: set[str]) -> list[str]:
    """The kinds an OPD's form asks about, in documentation order (see :data:`JENIS_SEMUA_OPD`)."""
    semua = any(b in URUSAN_KOORDINATOR for b in bidang_urusan)
    order = ("proses_bisnis", "data", "layanan", "aplikasi", *INFRA_KINDS, *KEAMANAN_KINDS)
    return [k for k in order if semua or k in JENIS_SEMUA_OPD or k in dimiliki]


def kunci_judul(text: object) -> str:
    """A header as compared on import: no ``*``, no extra spaces, any case."""
    return " ".join(str(text or "").replace("*", " ").split()).casefold()


def label_pilihan(value: Enum | str) -> str:
    """What a form shows for a choice: a :class:`Pilihan`'s label, else the capitalised value."""
    if isinstance(value, Pilihan):
        return value.label
    raw = value.value if isinstance(value, Enum) else value
    return str(raw).replace("_", " ").capitalize()


def nilai_pilihan(value: Enum | str) -> str:
    """What YAML holds for a choice."""
    return str(value.value) if isinstance(value, Enum) else value
