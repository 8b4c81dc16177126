"""The SPBE metamodel: one module per domain, the organisation, the roadmap, the aggregate."""

from spbe_arch.model.aplikasi import Aplikasi, Integrasi
from spbe_arch.model.arsitektur import Arsitektur, Sumber
from spbe_arch.model.base import (
    SELURUH_PEMDA,
    Elemen,
    Pilihan,
    StatusElemen,
    StatusOperasional,
    berjalan,
    milik_pemda,
    owners_of,
)
from spbe_arch.model.data import DataInformasi
from spbe_arch.model.infrastruktur import INFRASTRUKTUR_TYPES, Infrastruktur
from spbe_arch.model.keamanan import KEAMANAN_TYPES, Keamanan
from spbe_arch.model.kinds import DOMAINS, ELEMENT_TYPES, KIND_CLASS, SECTIONS
from spbe_arch.model.konfigurasi import Konfigurasi, Pemda, Periode
from spbe_arch.model.layanan import Layanan
from spbe_arch.model.organisasi import PerangkatDaerah, UnitKerja
from spbe_arch.model.peta_rencana import Muatan, RencanaSpbe
from spbe_arch.model.proses_bisnis import ProsesBisnis
from spbe_arch.model.relasi import RELASI, Relasi

__all__ = [
    "DOMAINS",
    "ELEMENT_TYPES",
    "INFRASTRUKTUR_TYPES",
    "KEAMANAN_TYPES",
    "KIND_CLASS",
    "RELASI",
    "SECTIONS",
    "SELURUH_PEMDA",
    "Aplikasi",
    "Arsitektur",
    "DataInformasi",
    "Elemen",
    "Infrastruktur",
    "Integrasi",
    "Keamanan",
    "Konfigurasi",
    "Layanan",
    "Muatan",
    "Pemda",
    "PerangkatDaerah",
    "Periode",
    "Pilihan",
    "ProsesBisnis",
    "Relasi",
    "RencanaSpbe",
    "StatusElemen",
    "StatusOperasional",
    "Sumber",
    "UnitKerja",
    "berjalan",
    "milik_pemda",
    "owners_of",
]
