"""SPBE-LAY-003."""

from __future__ import annotations

from collections.abc import Iterator

from spbe_arch.rules.common import without_relation
from spbe_arch.rules.engine import Context, Finding, rule


@rule(
    "SPBE-LAY-003",
    "layanan-tanpa-proses-bisnis",
    "warning",
    domain_wajib="proses_bisnis",
    hanya_berjalan=True,
)
def layanan_tanpa_proses_bisnis(ctx: Context) -> Iterator[Finding]:
    """Layanan yang tidak merealisasikan proses bisnis mana pun.

    **Yang diperiksa.** Setiap `layanan` menyebut minimal satu proses bisnis yang
    direalisasikannya di kolom `proses_bisnis`. Temuan ditunjukkan pada kolom itu bila ditulis
    kosong, selain itu pada `id` layanan.

    Selama domain Proses Bisnis masih kosong aturan ini diam: SPBE-ARS-001
    melaporkannya sekali, bukan sekali per elemen.

    **Mengapa.** Layanan SPBE adalah wujud proses bisnis (Perpres 132/2022, Domain Arsitektur);
    layanan yang tidak terhubung ke proses bisnis tidak dapat ditelusuri ke sasaran strategis dan
    IKU. Keharusan ini disimpulkan (inferred), bukan bunyi regulasi, sehingga tingkatnya
    peringatan.

    **Contoh gagal:**

    ```yaml
    proses_bisnis:
      - {id: DAB-01, nama: Pelayanan Kesehatan}
    layanan:
      - id: DAL-01  # <- di sini
        nama: Pelayanan Puskesmas
    ```

    **Contoh lulus:**

    ```yaml
    proses_bisnis:
      - id: DAB-01
        nama: Pelayanan Kesehatan
    layanan:
      - id: DAL-01
        nama: Pelayanan Puskesmas
        proses_bisnis: [DAB-01]
    ```
    """
    return without_relation(
        ctx,
        "layanan",
        "proses_bisnis",
        (
            "layanan '{id}' tidak merealisasikan proses bisnis mana pun",
            "service '{id}' realises no business process",
        ),
        (
            "isi `proses_bisnis: [<id proses bisnis>]`",
            "fill `proses_bisnis: [<business process id>]`",
        ),
    )
