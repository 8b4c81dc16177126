"""SPBE-KAT-002."""

from __future__ import annotations

from collections.abc import Iterator

from spbe_arch.referensi import NAMA_KATALOG
from spbe_arch.rules.common import coded
from spbe_arch.rules.engine import Context, Finding, rule


@rule("SPBE-KAT-002", "katalog-salah", "error")
def katalog_salah(ctx: Context) -> Iterator[Finding]:
    """Kode referensi dari katalog domain lain.

    **Yang diperiksa.** Setiap domain memakai katalognya sendiri: proses bisnis → RAB, data → RAD,
    layanan → RAL, aplikasi → RAA, infrastruktur → RAI, keamanan → RAK. Kode berprefiks lain
    (mis. kode RAD pada proses bisnis) ditolak.

    **Mengapa.** Domain Arsitektur SPBE dan Referensi Arsitekturnya berpasangan satu-satu
    (Perpres 132/2022, Lampiran: Referensi Arsitektur).

    **Contoh gagal:**

    ```yaml
    proses_bisnis:
      - id: DAB-01
        nama: Pengendalian Penduduk
        referensi: RAD.03.07.01  # <- di sini
    ```

    **Contoh lulus:**

    ```yaml
    proses_bisnis:
      - id: DAB-01
        nama: Pengendalian Penduduk
        referensi: RAB.03.07.01
    ```
    """
    for element, code, got in coded(ctx):
        expected = element.KATALOG
        if expected is None or got == expected:
            continue
        yield Finding(
            element.id,
            f"kode '{code}' berasal dari {got} ({NAMA_KATALOG[got]}); {element.KIND} memakai "
            f"katalog {expected} ({NAMA_KATALOG[expected]})",
            f"code '{code}' is from {got}; {element.KIND} uses catalogue {expected}",
            ("referensi",),
        )
