"""SPBE-RMP-008."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from spbe_arch.evaluasi.rezim import REZIM, load_rezim
from spbe_arch.roadmap.waktu import rencana
from spbe_arch.rules.engine import Context, Finding, rule

_REF = re.compile(r"^(?P<rezim>\d+/\d{4}):(?P<no>\d+)$")


# Remembered: the regimes are package data (load_rezim reads each once), so the answer per text
# never changes, and roadmap items name the same few indicators over and over.
@functools.lru_cache(maxsize=1024)
def indikator_valid(ref: str) -> bool:
    """Whether ``ref`` names an indicator of a regime (``59/2020:11``, ``8/2026:13``)."""
    match = _REF.match(ref.strip())
    if match is None or match["rezim"] not in REZIM:
        return False
    return load_rezim(match["rezim"]).cari(int(match["no"])) is not None


@rule("SPBE-RMP-008", "indikator-tidak-dikenal", "error")
def indikator_tidak_dikenal(ctx: Context) -> Iterator[Finding]:
    """Rujukan indikator evaluasi yang tidak ada di tabel rezim evaluasi.

    **Yang diperiksa.** Setiap nilai `indikator` butir Peta Rencana ditulis `REZIM:NOMOR`, dengan
    rezim `59/2020` (Permenpan RB 59/2020, indikator 1–47) atau `8/2026` (Permenpan RB 8/2026,
    Indeks Pemdi, indikator 1–20), dan nomornya ada di tabel evaluasi paket
    (`spbe_arch/data/evaluasi_*.yaml`). Temuan ditunjukkan pada nilai yang salah.

    **Mengapa.** Butir peta rencana meningkatkan indikator evaluasi (Permenpan RB
    59/2020, Permenpan RB 8/2026); rujukan yang salah membuat penilaian mandiri dan penelusuran
    ke Indeks SPBE/Pemdi keliru.

    **Contoh gagal:**

    ```yaml
    peta_rencana:
      - id: PR-01
        nama: Penguatan CSIRT
        muatan: keamanan
        tahun_mulai: 2026
        tahun_selesai: 2027
        indikator:
          - "59/2020:22"
          - "59/2020:48"  # <- di sini
          - "8/2020:10"  # <- di sini
    ```

    **Contoh lulus:**

    ```yaml
    peta_rencana:
      - id: PR-01
        nama: Penguatan CSIRT
        muatan: keamanan
        tahun_mulai: 2026
        tahun_selesai: 2027
        indikator: ["59/2020:22", "8/2026:12"]
    ```
    """
    choices = " atau ".join(f"{r}:N" for r in REZIM)
    for item in rencana(ctx.model):
        for index, ref in enumerate(item.indikator):
            if indikator_valid(ref):
                continue
            yield Finding(
                item.id,
                f"indikator '{ref}' tidak dikenal; tulis {choices} dengan nomor indikator "
                "rezim itu",
                f"unknown indicator '{ref}'; write {' or '.join(f'{r}:N' for r in REZIM)} with "
                "an indicator number of that regime",
                ("indikator", index),
                hint="lihat `spbe-arch evaluate --format json` atau data evaluasi paket",
                hint_en="see `spbe-arch evaluate --format json` or the package evaluation data",
            )
