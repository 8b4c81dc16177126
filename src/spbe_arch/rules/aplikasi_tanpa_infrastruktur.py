"""SPBE-APL-002."""

from __future__ import annotations

from collections.abc import Iterator

from spbe_arch.model.aplikasi import Aplikasi, AsalAplikasi
from spbe_arch.model.base import Elemen
from spbe_arch.rules.common import milik_bumd, without_relation
from spbe_arch.rules.engine import Context, Finding, rule


@rule(
    "SPBE-APL-002",
    "aplikasi-tanpa-infrastruktur",
    "warning",
    domain_wajib="infrastruktur",
    hanya_berjalan=True,
)
def aplikasi_tanpa_infrastruktur(ctx: Context) -> Iterator[Finding]:
    """Aplikasi yang tidak berjalan di infrastruktur mana pun.

    **Yang diperiksa.** Setiap `aplikasi` menyebut minimal satu `server` atau `komputasi_awan`
    tempat ia berjalan di kolom `infrastruktur`, juga aplikasi umum nasional (tunjuk komputasi
    awan nasional, mis. PDN, yang dimodelkan sebagai elemen). Temuan ditunjukkan pada kolom itu
    bila ditulis kosong, selain itu pada `id` aplikasi.

    Selama domain Infrastruktur SPBE masih kosong aturan ini diam: SPBE-ARS-001
    melaporkannya sekali, bukan sekali per elemen.

    Aplikasi nasional (`asal: aplikasi_umum` atau `sektor_kl`) tidak diperiksa: tempat
    berjalannya disediakan pemiliknya di tingkat nasional. Aplikasi yang seluruh pemiliknya BUMD
    juga tidak (BUMD badan usaha tersendiri, PP 54/2017).

    **Mengapa.** Aplikasi di-host pada komputasi awan atau server (Perpres 132/2022, Domain
    Arsitektur Infrastruktur); tanpa relasi ini analisis dampak gangguan server dan rencana
    migrasi ke Pusat Data Nasional tidak dapat dibuat.

    **Contoh gagal:**

    ```yaml
    infrastruktur:
      - {id: DAI-01, jenis: server, nama: Server Aplikasi}
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
        skip=lambda e: _hosted_elsewhere(ctx, e),
    )


def _hosted_elsewhere(ctx: Context, element: Elemen) -> bool:
    """A national application (hosted by its K/L or in the PDN) or a BUMD's own system."""
    if isinstance(element, Aplikasi) and element.asal is not AsalAplikasi.PEMDA:
        return True
    return milik_bumd(ctx.model, element)
