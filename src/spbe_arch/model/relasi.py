"""The relation table: every field that holds element ids, what it may point at, and what it means.

This is the single declaration the graph, the reference rules, the documentation and the survey
forms read. A field written ``integrasi.aplikasi`` is the ``aplikasi`` key of each item of the
``integrasi`` list.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

INFRA_KINDS: tuple[str, ...] = (
    "komputasi_awan",
    "server",
    "periferal",
    "media_penyimpanan",
    "perangkat_jaringan",
    "perangkat_keamanan",
    "sistem_operasi",
    "sistem_database",
    "sistem_utilitas",
    "jaringan_intra",
    "sistem_penghubung_layanan",
    "fasilitas_komputasi",
)
KEAMANAN_KINDS: tuple[str, ...] = (
    "standar_prosedur",
    "edukasi_kesadaran",
    "identifikasi_kerentanan",
    "peningkatan_keamanan",
    "penanganan_insiden",
    "audit_keamanan",
    "kelaikan_keamanan",
)
ARSITEKTUR_KINDS: tuple[str, ...] = (
    "proses_bisnis",
    "data",
    "layanan",
    "aplikasi",
    *INFRA_KINDS,
    *KEAMANAN_KINDS,
)
"""Kinds of the six architecture domains (no OPD, no roadmap)."""
ALL_KINDS: tuple[str, ...] = ("opd", "unit_kerja", *ARSITEKTUR_KINDS, "rencana")

HOSTS = ("server", "komputasi_awan")
PLATFORM = ("sistem_operasi", "sistem_database", "sistem_utilitas")
PERANGKAT = ("server", "periferal", "media_penyimpanan", "perangkat_jaringan", "perangkat_keamanan")
SPL = ("sistem_penghubung_layanan",)
JARINGAN = ("jaringan_intra",)


@dataclass(frozen=True, slots=True)
class Relasi:
    """One relation: ``sumber`` kinds hold ``field``, pointing at one of ``target`` kinds.

    ``label`` is the short edge label in diagrams; ``arti``/``arti_en`` the meaning.
    ``acyclic`` marks relations that must not loop (hosting, hierarchy). ``forward`` is False
    when the edge, read as a dependency, points from the target to the source (a proses bisnis
    produces the data that names it).
    """

    sumber: tuple[str, ...]
    field: str
    target: tuple[str, ...]
    label: str
    arti: str
    arti_en: str
    acyclic: bool = False
    many: bool = True
    forward: bool = True


RELASI: tuple[Relasi, ...] = (
    Relasi(("*",), "opd", ("opd",), "dimiliki", "Perangkat Daerah pemilik elemen",
           "owner OPD of the element", many=False),
    Relasi(("proses_bisnis",), "induk", ("proses_bisnis",), "bagian dari",
           "proses bisnis induk pada peta proses bisnis", "parent business process",
           acyclic=True, many=False),
    Relasi(("proses_bisnis",), "unit_kerja", ("unit_kerja",), "dilaksanakan",
           "unit kerja pelaksana", "performing work unit", many=False),
    Relasi(("data",), "proses_bisnis", ("proses_bisnis",), "dihasilkan",
           "proses bisnis yang menghasilkan data", "business process that produces the data"),
    Relasi(("data",), "layanan", ("layanan",), "dipakai layanan",
           "layanan yang menggunakan data", "service that consumes the data", forward=False),
    Relasi(("data",), "walidata", ("opd",), "walidata",
           "OPD walidata data", "OPD that is the data steward", many=False),
    Relasi(("layanan",), "proses_bisnis", ("proses_bisnis",), "merealisasikan",
           "proses bisnis yang direalisasikan layanan", "business process the service realises"),
    Relasi(("layanan",), "unit_pelaksana", ("opd", "unit_kerja"), "pelaksana",
           "OPD atau unit kerja pelaksana layanan", "OPD or work unit delivering the service"),
    Relasi(("aplikasi",), "layanan", ("layanan",), "melayani",
           "layanan yang diberikan melalui aplikasi", "service delivered by the application",
           forward=False),
    Relasi(("aplikasi",), "proses_bisnis", ("proses_bisnis",), "mendukung",
           "proses bisnis yang didukung aplikasi", "business process the application supports",
           forward=False),
    Relasi(("aplikasi",), "data", ("data",), "menggunakan",
           "data yang dibaca atau ditulis aplikasi", "data the application reads or writes"),
    Relasi(("aplikasi",), "infrastruktur", HOSTS, "berjalan di",
           "server atau komputasi awan tempat aplikasi berjalan",
           "server or cloud the application runs on"),
    Relasi(("aplikasi",), "sistem_penghubung", SPL, "terintegrasi via",
           "sistem penghubung layanan tempat aplikasi terintegrasi",
           "service bus the application integrates through"),
    Relasi(("aplikasi",), "jaringan", JARINGAN, "jaringan",
           "jaringan intra yang dipakai aplikasi", "intranet the application uses"),
    Relasi(("aplikasi",), "operator", ("opd", "unit_kerja"), "dioperasikan",
           "OPD atau unit kerja operator aplikasi", "OPD or unit operating the application",
           many=False),
    Relasi(("aplikasi",), "pengguna", ("opd", "unit_kerja"), "dipakai",
           "OPD pengguna aplikasi (`pemda`: seluruh Pemda)",
           "OPD using the application (`pemda`: the whole Pemda)"),
    Relasi(("aplikasi",), "integrasi.aplikasi", ("aplikasi",), "bertukar data",
           "aplikasi mitra pertukaran data", "application exchanging data", many=False),
    Relasi(("aplikasi",), "integrasi.data", ("data",), "data dipertukarkan",
           "data yang dipertukarkan", "data exchanged"),
    Relasi(("aplikasi",), "integrasi.melalui", SPL, "melalui",
           "sistem penghubung yang dipakai pertukaran", "service bus used by the exchange",
           many=False),
    Relasi((*PERANGKAT, "komputasi_awan"), "fasilitas", ("fasilitas_komputasi",), "berada di",
           "fasilitas komputasi tempat perangkat berada", "computing facility housing it",
           many=False),
    Relasi(("server",), "host", HOSTS, "di-host pada",
           "server fisik atau komputasi awan tempat server virtual berjalan",
           "physical server or cloud hosting the virtual server", acyclic=True, many=False),
    Relasi(("server",), "perangkat_lunak", PLATFORM, "menjalankan",
           "perangkat lunak platform yang dijalankan server", "platform software the server runs"),
    Relasi(("sistem_penghubung_layanan",), "infrastruktur", HOSTS, "berjalan di",
           "server atau komputasi awan tempat sistem penghubung berjalan",
           "server or cloud the service bus runs on"),
    Relasi(("server", "komputasi_awan", "perangkat_jaringan", "perangkat_keamanan",
            "sistem_penghubung_layanan", "fasilitas_komputasi"), "jaringan", JARINGAN,
           "terhubung", "jaringan intra yang menghubungkan", "intranet connecting it"),
    Relasi(("jaringan_intra",), "terhubung_ke", JARINGAN, "terhubung ke",
           "jaringan intra lain yang terhubung", "other intranet it connects to"),
    Relasi(KEAMANAN_KINDS, "melindungi", ("data", "aplikasi", *INFRA_KINDS), "melindungi",
           "data, aplikasi atau infrastruktur yang dicakup program keamanan",
           "data, application or infrastructure the programme covers", forward=False),
    Relasi(("rencana",), "elemen_baru", ARSITEKTUR_KINDS, "memperkenalkan",
           "elemen yang diperkenalkan rencana", "element the item introduces"),
    Relasi(("rencana",), "elemen_diubah", ARSITEKTUR_KINDS, "mengubah",
           "elemen yang diubah rencana", "element the item changes"),
    Relasi(("rencana",), "elemen_dihentikan", ARSITEKTUR_KINDS, "menghentikan",
           "elemen yang dihentikan rencana", "element the item retires"),
)  # fmt: skip


@functools.cache
def relations_of(kind: str) -> tuple[Relasi, ...]:
    """The relations a kind holds, in table order."""
    # Cached: the graph, the time slicing and the rules ask this for every element, and the
    # table is a constant tuple, so the answer per kind never changes.
    return tuple(r for r in RELASI if kind in r.sumber or "*" in r.sumber)


def targets(kind: str, obj: object, relasi: Relasi) -> list[tuple[tuple[str | int, ...], str]]:
    """The ids an element holds in one relation field, each with its path inside the element.

    ``obj`` is the element (a pydantic model); the path is relative to the element, e.g.
    ``("integrasi", 0, "data", 1)``, so problems can point at the exact list item.
    """
    head, _, tail = relasi.field.partition(".")
    value = getattr(obj, head, None)
    if value is None:
        return []
    if tail:
        out: list[tuple[tuple[str | int, ...], str]] = []
        for i, item in enumerate(value):
            sub = getattr(item, tail, None)
            if isinstance(sub, str):
                out.append(((head, i, tail), sub))
            elif isinstance(sub, list):
                out.extend(((head, i, tail, j), v) for j, v in enumerate(sub))
        return out
    if isinstance(value, str):
        return [((head,), value)]
    if isinstance(value, list):
        return [((head, j), v) for j, v in enumerate(value) if isinstance(v, str)]
    return []
