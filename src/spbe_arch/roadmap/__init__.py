"""The roadmap analysis: time slicing, gap analysis as-is → to-be, the timeline view."""

from spbe_arch.roadmap.gap import Gap, Perubahan, analisis_gap
from spbe_arch.roadmap.waktu import Masa, as_is, masa, pada_tahun, to_be

__all__ = [
    "Gap",
    "Masa",
    "Perubahan",
    "analisis_gap",
    "as_is",
    "masa",
    "pada_tahun",
    "to_be",
]
