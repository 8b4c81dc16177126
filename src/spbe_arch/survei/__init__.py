"""Survey forms: each OPD's Excel workbook from the model, back into validated YAML, and status.

``generate`` writes the workbooks, ``impor`` reads returned ones into the model repository
(checked with the same models and rules as ``check``), ``hitung_status`` tells who answered.
"""

from spbe_arch.survei.baca import FormulirDitolak, Temuan
from spbe_arch.survei.generate import buat_formulir, generate
from spbe_arch.survei.impor import HasilImpor, ImporGagal, impor
from spbe_arch.survei.status import Status, format_markdown, format_teks, hitung_status, tulis_xlsx

__all__ = [
    "FormulirDitolak",
    "HasilImpor",
    "ImporGagal",
    "Status",
    "Temuan",
    "buat_formulir",
    "format_markdown",
    "format_teks",
    "generate",
    "hitung_status",
    "impor",
    "tulis_xlsx",
]
