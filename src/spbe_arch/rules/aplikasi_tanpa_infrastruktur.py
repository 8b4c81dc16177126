"""SPBE-APL-002."""

from __future__ import annotations

from collections.abc import Iterator

from spbe_arch.rules.common import without_relation
from spbe_arch.rules.engine import Context, Finding, rule


@rule("SPBE-APL-002", "aplikasi-tanpa-infrastruktur", "warning")
def aplikasi_tanpa_infrastruktur(ctx: Context) -> Iterator[Finding]:
    """Aplikasi yang tidak berjalan di infrastruktur mana pun.

    **Yang diperiksa.** Setiap `aplikasi` menyebut minimal satu `server` atau `komputasi_awan`
    tempat ia berjalan di kolom `infrastruktur`, juga aplikasi umum nasional (tunjuk komputasi
    awan nasional, mis. PDN, yang dimodelkan sebagai elemen). Temuan ditunjukkan pada kolom itu
    bila ditulis kosong, selain itu pada `id` aplikasi.

    **Mengapa.** Aplikasi di-host pada komputasi awan atau server (Perpres 132/2022, Domain
    Arsitektur Infrastruktur); tanpa relasi ini analisis dampak gangguan server dan rencana
    migrasi ke Pusat Data Nasional tidak dapat dibuat.

    **Contoh gagal:**

    ```yaml
    aplikasi:
      - id: DAA-01  # <- di sini
        nama: SIMPUS
    ```

    **Contoh lulus:**

    ```yaml
    infrastruktur:
      - id: DAI-01
        jenis: server
        nama: Server Aplikasi
    aplikasi:
      - id: DAA-01
        nama: SIMPUS
        infrastruktur: [DAI-01]
    ```
    """
    return without_relation(
        ctx,
        "aplikasi",
        "infrastruktur",
        (
            "aplikasi '{id}' tidak berjalan di infrastruktur mana pun",
            "application '{id}' runs on no infrastructure",
        ),
        (
            "isi `infrastruktur: [<id server atau komputasi awan>]`",
            "fill `infrastruktur: [<server or cloud id>]`",
        ),
    )
