"""SPBE-APL-001."""

from __future__ import annotations

from collections.abc import Iterator

from spbe_arch.rules.common import milik_bumd, without_relation
from spbe_arch.rules.engine import Context, Finding, rule


@rule(
    "SPBE-APL-001", "aplikasi-tanpa-layanan", "warning", domain_wajib="layanan", hanya_berjalan=True
)
def aplikasi_tanpa_layanan(ctx: Context) -> Iterator[Finding]:
    """Aplikasi yang tidak memberikan layanan mana pun.

    **Yang diperiksa.** Setiap `aplikasi` menyebut minimal satu layanan yang diberikannya di
    kolom `layanan`. Temuan ditunjukkan pada kolom itu bila ditulis kosong, selain itu pada
    `id` aplikasi.

    Selama domain Layanan SPBE masih kosong aturan ini diam: SPBE-ARS-001
    melaporkannya sekali, bukan sekali per elemen.

    Aplikasi yang seluruh pemiliknya BUMD tidak diperiksa: layanan pelanggan BUMD bukan Layanan
    SPBE Pemda (PP 54/2017; Perpres 95/2018 mengikat Instansi Pusat dan Pemda).

    **Mengapa.** Layanan SPBE adalah keluaran fungsi aplikasi dan titik keterpaduan arsitektur
    (Perpres 132/2022, Domain Arsitektur); aplikasi yang tidak melayani apa pun adalah
    kandidat penggabungan atau penghentian, atau layanannya belum dimodelkan.

    **Contoh gagal:**

    ```yaml
    layanan:
      - {id: DAL-01, nama: Pelayanan Puskesmas}
    aplikasi:
      - id: DAA-01  # <- di sini
        nama: SIMPUS
    ```

    **Contoh lulus:**

    ```yaml
    layanan:
      - id: DAL-01
        nama: Pelayanan Puskesmas
    aplikasi:
      - id: DAA-01
        nama: SIMPUS
        layanan: [DAL-01]
    ```
    """
    return without_relation(
        ctx,
        "aplikasi",
        "layanan",
        (
            "aplikasi '{id}' tidak memberikan layanan mana pun",
            "application '{id}' delivers no service",
        ),
        (
            "isi `layanan: [<id layanan>]` dengan layanan yang diberikan aplikasi ini",
            "fill `layanan: [<service id>]` with the services this application delivers",
        ),
        skip=lambda e: milik_bumd(ctx.model, e),
    )
