"""SPBE-RMP-004."""

from __future__ import annotations

from collections.abc import Iterator

from spbe_arch.roadmap.waktu import rencana
from spbe_arch.rules.engine import Context, Finding, rule


@rule("SPBE-RMP-004", "tahun-target-di-luar-rencana", "warning")
def tahun_target_di_luar_rencana(ctx: Context) -> Iterator[Finding]:
    """Target, anggaran atau pendanaan untuk tahun ketika butir tidak berjalan.

    **Yang diperiksa.** Setiap tahun yang menjadi kunci `target`, `anggaran` atau `pendanaan`
    sebuah butir Peta Rencana berada di antara `tahun_mulai` dan `tahun_selesai` butir itu.
    Temuan ditunjukkan pada kunci tahun yang salah.

    **Mengapa.** Target dan anggaran indikatif per tahun menjadi dasar rencana kerja dan
    anggaran (indikator 12 level 4); tahun di luar masa butir biasanya salah ketik, atau tanda
    bahwa `tahun_selesai` perlu diperpanjang.

    **Contoh gagal:**

    ```yaml
    peta_rencana:
      - id: PR-01
        nama: Integrasi SIMPUS
        muatan: aplikasi
        tahun_mulai: 2026
        tahun_selesai: 2027
        target:
          2026: Uji coba di 5 puskesmas
          2028: Seluruh puskesmas  # <- di sini
    ```

    **Contoh lulus:**

    ```yaml
    peta_rencana:
      - id: PR-01
        nama: Integrasi SIMPUS
        muatan: aplikasi
        tahun_mulai: 2026
        tahun_selesai: 2027
        target:
          2026: Uji coba di 5 puskesmas
          2027: Seluruh puskesmas
    ```
    """
    for item in rencana(ctx.model):
        years = item.tahun_berjalan()
        for key in ("target", "anggaran", "pendanaan"):
            for year in sorted(getattr(item, key)):
                if year in years:
                    continue
                yield Finding(
                    item.id,
                    f"{key} butir '{item.id}' untuk {year}, di luar masa butir "
                    f"{item.tahun_mulai}-{item.tahun_selesai}",
                    f"{key} of item '{item.id}' for {year}, outside the item's years "
                    f"{item.tahun_mulai}-{item.tahun_selesai}",
                    (key, str(year)),
                    key=True,
                    hint="perbaiki tahunnya atau sesuaikan tahun_mulai/tahun_selesai",
                    hint_en="fix the year or adjust tahun_mulai/tahun_selesai",
                )
