"""The registry of element kinds: which class each kind and each file section maps to."""

from __future__ import annotations

from typing import Any

from pydantic import TypeAdapter

from spbe_arch.model.aplikasi import Aplikasi
from spbe_arch.model.base import Elemen
from spbe_arch.model.data import DataInformasi
from spbe_arch.model.infrastruktur import INFRASTRUKTUR_TYPES, Infrastruktur
from spbe_arch.model.keamanan import KEAMANAN_TYPES, Keamanan
from spbe_arch.model.layanan import Layanan
from spbe_arch.model.organisasi import PerangkatDaerah
from spbe_arch.model.peta_rencana import RencanaSpbe
from spbe_arch.model.proses_bisnis import ProsesBisnis

OWNER_KEY = "opd"
"""The key that names an element's owner OPD, and at the top of a file the owner of all of its
elements (one name for the loader, the schema and the survey import)."""

ELEMENT_TYPES: tuple[type[Elemen], ...] = (
    ProsesBisnis,
    DataInformasi,
    Layanan,
    Aplikasi,
    *INFRASTRUKTUR_TYPES,
    *KEAMANAN_TYPES,
    RencanaSpbe,
)
"""Every architecture element class, in documentation order."""

KIND_CLASS: dict[str, type[Any]] = {t.KIND: t for t in ELEMENT_TYPES}
KIND_CLASS["opd"] = PerangkatDaerah

SECTIONS: dict[str, TypeAdapter[Any]] = {
    "perangkat_daerah": TypeAdapter(PerangkatDaerah),
    "proses_bisnis": TypeAdapter(ProsesBisnis),
    "data": TypeAdapter(DataInformasi),
    "layanan": TypeAdapter(Layanan),
    "aplikasi": TypeAdapter(Aplikasi),
    "infrastruktur": TypeAdapter(Infrastruktur),
    "keamanan": TypeAdapter(Keamanan),
    "peta_rencana": TypeAdapter(RencanaSpbe),
}
"""Top-level keys of a model file and the adapter that validates one item of each."""

SECTION_KINDS: dict[str, tuple[str, ...]] = {
    "perangkat_daerah": ("opd",),
    "proses_bisnis": ("proses_bisnis",),
    "data": ("data",),
    "layanan": ("layanan",),
    "aplikasi": ("aplikasi",),
    "infrastruktur": tuple(t.KIND for t in INFRASTRUKTUR_TYPES),
    "keamanan": tuple(t.KIND for t in KEAMANAN_TYPES),
    "peta_rencana": ("rencana",),
}

DOMAINS: tuple[str, ...] = (
    "proses_bisnis",
    "data",
    "layanan",
    "aplikasi",
    "infrastruktur",
    "keamanan",
)
"""The six domains of the Arsitektur SPBE, in the regulation's order."""

DOMAIN_KATALOG: dict[str, str] = {
    "proses_bisnis": "RAB",
    "data": "RAD",
    "layanan": "RAL",
    "aplikasi": "RAA",
    "infrastruktur": "RAI",
    "keamanan": "RAK",
}


def kind_domain(kind: str) -> str:
    """The domain a kind belongs to (``organisasi`` for OPD and unit kerja)."""
    cls = KIND_CLASS.get(kind)
    if cls is None:
        return "organisasi"
    return str(getattr(cls, "DOMAIN", "organisasi"))
