"""The national SPBE reference catalogue (Perpres 132/2022) as package data.

Load a version with :func:`load_katalog`, look nodes up by code on the returned
:class:`Katalog`, and turn what a person typed into a canonical code with
:func:`normalize_kode`.
"""

from .katalog import KEYAKINAN, STATUS, InfoKatalog, Katalog, KatalogError, Simpul
from .kode import (
    KODE_RE,
    MAX_LEVEL,
    NAMA_KATALOG,
    PREFIXES,
    Normalisasi,
    is_kode,
    level_of,
    normalize_kode,
    parent_of,
    prefix_of,
)
from .muat import VersiKatalog, available_versions, load_katalog, manifest
from .ringkasan import counts_json, format_counts

__all__ = [
    "KEYAKINAN",
    "KODE_RE",
    "MAX_LEVEL",
    "NAMA_KATALOG",
    "PREFIXES",
    "STATUS",
    "InfoKatalog",
    "Katalog",
    "KatalogError",
    "Normalisasi",
    "Simpul",
    "VersiKatalog",
    "available_versions",
    "counts_json",
    "format_counts",
    "is_kode",
    "level_of",
    "load_katalog",
    "manifest",
    "normalize_kode",
    "parent_of",
    "prefix_of",
]
