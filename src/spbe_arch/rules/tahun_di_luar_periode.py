"""SPBE-RMP-003."""

from __future__ import annotations

from collections.abc import Iterator

from spbe_arch.roadmap.waktu import periode, rencana
from spbe_arch.rules.engine import Context, Finding, rule


@rule("SPBE-RMP-003", "tahun-di-luar-periode", "warning")
def tahun_di_luar_periode(ctx: Context) -> Iterator[Finding]:
    """Butir Peta Rencana yang tahunnya di luar periode arsitektur.

    **Yang diperiksa.** `tahun_mulai` dan `tahun_selesai` setiap butir Peta Rencana berada di
    dalam `periode` pada `spbe.yaml` (mis. 2025–2029). Temuan ditunjukkan pada tahun yang keluar.

    **Mengapa.** Peta Rencana SPBE berjangka lima tahun, sejalan dengan periode arsitektur dan
    RPJMD (Perpres 95/2018; keharusan ini disimpulkan). Butir di luar periode milik dokumen
    periode lain dan tidak dapat dievaluasi pada periode ini.

    **Contoh gagal:**

    ```yaml
    peta_rencana:
      - id: PR-01
        nama: Pembangunan Pusat Data Cadangan
        muatan: infrastruktur
        tahun_mulai: 2028
        tahun_selesai: 2031  # <- di sini
    ```

    **Contoh lulus:**

    ```yaml
    peta_rencana:
      - id: PR-01
        nama: Pembangunan Pusat Data Cadangan
        muatan: infrastruktur
        tahun_mulai: 2028
        tahun_selesai: 2029
    ```
    """
    span = periode(ctx.model)
    if span is None:
        return
    first, last = span
    for item in rencana(ctx.model):
        for key in ("tahun_mulai", "tahun_selesai"):
            year = getattr(item, key)
            if first <= year <= last:
                continue
            yield Finding(
                item.id,
                f"{key} {year} butir '{item.id}' di luar periode {first}-{last}",
                f"{key} {year} of item '{item.id}' is outside the period {first}-{last}",
                (key,),
                hint=f"batasi butir pada {first}-{last}, atau pindahkan ke peta rencana periode "
                "berikutnya",
                hint_en=f"keep the item within {first}-{last}, or move it to the next period's "
                "roadmap",
            )
