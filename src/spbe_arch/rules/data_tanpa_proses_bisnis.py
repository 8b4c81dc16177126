"""SPBE-DAT-001."""

from __future__ import annotations

from collections.abc import Iterator

from spbe_arch.rules.common import without_relation
from spbe_arch.rules.engine import Context, Finding, rule


@rule("SPBE-DAT-001", "data-tanpa-proses-bisnis", "warning", domain_wajib="proses_bisnis")
def data_tanpa_proses_bisnis(ctx: Context) -> Iterator[Finding]:
    """Data tanpa proses bisnis yang menghasilkannya.

    **Yang diperiksa.** Setiap elemen `data` menyebut minimal satu proses bisnis penghasilnya di
    kolom `proses_bisnis`. Temuan ditunjukkan pada kolom itu bila ditulis kosong, selain itu pada
    `id` elemen. Id yang tidak ada diperiksa oleh SPBE-REF-001.

    Selama domain Proses Bisnis masih kosong aturan ini diam: SPBE-ARS-001
    melaporkannya sekali, bukan sekali per elemen.

    **Mengapa.** Proses bisnis adalah induk domain data: templat analis Domain Data dan Informasi
    menolak data tanpa proses bisnis yang sesuai (templat analis Domain Data
    dan Informasi SIA-SPBE).
    Data yang tidak dihasilkan proses bisnis mana pun tidak jelas asal dan pemutakhirannya.

    **Contoh gagal:**

    ```yaml
    proses_bisnis:
      - {id: DAB-01, nama: Pelayanan Kesehatan}
    data:
      - id: DAD-01  # <- di sini
        nama: Data Kunjungan Pasien
        uraian: Rekap kunjungan pasien puskesmas
        tujuan: Perencanaan layanan kesehatan
        sifat: terbatas
        jenis: statistik
        validitas: bulanan
        interoperabilitas: ya
        walidata: DINKES
    ```

    **Contoh lulus:**

    ```yaml
    proses_bisnis:
      - id: DAB-01
        nama: Pelayanan Kesehatan
    data:
      - id: DAD-01
        nama: Data Kunjungan Pasien
        uraian: Rekap kunjungan pasien puskesmas
        tujuan: Perencanaan layanan kesehatan
        sifat: terbatas
        jenis: statistik
        validitas: bulanan
        interoperabilitas: ya
        walidata: DINKES
        proses_bisnis: [DAB-01]
    ```
    """
    return without_relation(
        ctx,
        "data",
        "proses_bisnis",
        (
            "data '{id}' tidak dihasilkan proses bisnis mana pun",
            "data '{id}' is produced by no business process",
        ),
        (
            "isi `proses_bisnis: [<id proses bisnis penghasil>]`",
            "fill `proses_bisnis: [<id of the producing business process>]`",
        ),
    )
