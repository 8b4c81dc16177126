"""SPBE-LAY-002."""

from __future__ import annotations

from collections.abc import Iterator

from spbe_arch.rules.common import empty
from spbe_arch.rules.engine import Context, Finding, rule


@rule("SPBE-LAY-002", "risiko-tanpa-mitigasi", "warning")
def risiko_tanpa_mitigasi(ctx: Context) -> Iterator[Finding]:
    """Potensi risiko layanan tanpa mitigasi.

    **Yang diperiksa.** Layanan yang mengisi `potensi_risiko` juga mengisi `mitigasi`. Temuan
    ditunjukkan pada `potensi_risiko`.

    **Mengapa.** Templat analis Domain Layanan menolak risiko tanpa mitigasi (templat analis
    SIA-SPBE; Permenpan RB 5/2020 tentang Pedoman Manajemen Risiko SPBE); risiko yang dikenali
    tetapi tidak ditangani adalah celah yang tercatat.

    **Contoh gagal:**

    ```yaml
    layanan:
      - id: DAL-01
        nama: Pelayanan Puskesmas
        potensi_risiko: Antrean pasien menumpuk saat jaringan putus  # <- di sini
    ```

    **Contoh lulus:**

    ```yaml
    layanan:
      - id: DAL-01
        nama: Pelayanan Puskesmas
        potensi_risiko: Antrean pasien menumpuk saat jaringan putus
        mitigasi: Pendaftaran luring cadangan dan sinkronisasi setelah jaringan pulih
    ```
    """
    for element in ctx.elements("layanan"):
        risiko = getattr(element, "potensi_risiko", None)
        if empty(risiko) or not empty(getattr(element, "mitigasi", None)):
            continue
        yield Finding(
            element.id,
            f"layanan '{element.id}' mencatat potensi risiko tanpa mitigasi",
            f"service '{element.id}' records a potential risk without mitigation",
            ("potensi_risiko",),
            hint="isi `mitigasi` dengan langkah penanganan risiko itu",
            hint_en="fill `mitigasi` with how the risk is handled",
        )
