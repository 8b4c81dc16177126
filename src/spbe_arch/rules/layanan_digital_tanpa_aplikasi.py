"""SPBE-LAY-004."""

from __future__ import annotations

from collections.abc import Iterator

from spbe_arch.model.layanan import MetodeLayanan
from spbe_arch.rules.engine import Context, Finding, rule

DIGITAL = (MetodeLayanan.ELEKTRONIK, MetodeLayanan.HYBRID)
"""Metode layanan that mean the service is digitised."""


@rule(
    "SPBE-LAY-004",
    "layanan-digital-tanpa-aplikasi",
    "warning",
    domain_wajib="aplikasi",
    hanya_berjalan=True,
)
def layanan_digital_tanpa_aplikasi(ctx: Context) -> Iterator[Finding]:
    """Layanan elektronik atau hybrid yang tidak diberikan aplikasi mana pun.

    **Yang diperiksa.** Layanan dengan `metode_layanan` `elektronik` atau `hybrid` disebut di
    kolom `layanan` minimal satu `aplikasi`. Temuan ditunjukkan pada `metode_layanan`. Layanan
    tatap muka, atau yang metodenya belum diisi (SPBE-LAY-001), tidak diperiksa.

    Selama domain Aplikasi SPBE masih kosong aturan ini diam: SPBE-ARS-001
    melaporkannya sekali, bukan sekali per elemen.

    **Mengapa.** Layanan SPBE adalah keluaran fungsi aplikasi (Perpres 132/2022, Domain
    Arsitektur); layanan yang dinyatakan terdigitalisasi tetapi tidak diberikan aplikasi apa pun
    menandakan aplikasi yang belum dimodelkan atau metode yang keliru. Keharusan ini disimpulkan,
    bukan bunyi regulasi.

    **Contoh gagal:**

    ```yaml
    layanan:
      - id: DAL-01
        nama: Pendaftaran Pasien Daring
        metode_layanan: elektronik  # <- di sini
    aplikasi:
      - {id: DAA-01, nama: SIMPEG}
    ```

    **Contoh lulus:**

    ```yaml
    layanan:
      - id: DAL-01
        nama: Pendaftaran Pasien Daring
        metode_layanan: elektronik
    aplikasi:
      - id: DAA-01
        nama: SIMPUS
        layanan: [DAL-01]
    ```
    """
    delivered = ctx.graph.named("layanan", ["aplikasi"])  # links_to(…) of every layanan at once
    for element in ctx.elements("layanan"):
        metode = getattr(element, "metode_layanan", None)
        if metode not in DIGITAL:
            continue
        if element.id in delivered:
            continue
        assert isinstance(metode, MetodeLayanan)
        yield Finding(
            element.id,
            f"layanan '{element.id}' bermetode {metode.value} tetapi tidak diberikan aplikasi "
            "mana pun",
            f"service '{element.id}' is {metode.value} but no application delivers it",
            ("metode_layanan",),
            hint=f"tambahkan '{element.id}' ke `layanan` aplikasi yang memberikannya, atau "
            "ubah metode menjadi tatap_muka",
            hint_en=f"add '{element.id}' to `layanan` of the application delivering it, or "
            "change the method to tatap_muka",
        )
