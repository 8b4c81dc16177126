"""SPBE evaluation: the two regimes' tables, the index calculator, and the self-assessment."""

from spbe_arch.evaluasi.indeks import HasilIndeks, IndeksError, baca_level, hitung_indeks
from spbe_arch.evaluasi.penilaian import HasilIndikator, nilai_mandiri
from spbe_arch.evaluasi.rezim import REZIM, Rezim, RezimError, load_rezim

__all__ = [
    "REZIM",
    "HasilIndeks",
    "HasilIndikator",
    "IndeksError",
    "Rezim",
    "RezimError",
    "baca_level",
    "hitung_indeks",
    "load_rezim",
    "nilai_mandiri",
]
