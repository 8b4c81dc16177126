"""SPBE-RMP-001."""

from __future__ import annotations

from collections.abc import Iterator

from spbe_arch.roadmap.gap import DAFTAR, analisis_gap
from spbe_arch.rules.engine import Context, Finding, rule

_JENIS = {"baru": ("ditambahkan", "added"), "diubah": ("diubah", "changed"),
          "dihentikan": ("dihentikan", "retired")}  # fmt: skip


@rule("SPBE-RMP-001", "perubahan-tanpa-rencana", "warning")
def perubahan_tanpa_rencana(ctx: Context) -> Iterator[Finding]:
    """Elemen to-be yang tidak dihantarkan oleh butir Peta Rencana mana pun.

    **Yang diperiksa.** Setiap perbedaan antara arsitektur as-is (tahun sebelum `periode.mulai`)
    dan to-be (tahun `periode.selesai`) dihantarkan oleh butir Peta Rencana: elemen yang
    ditambahkan (`status: baru` atau `tahun_mulai` di dalam periode) disebut di `elemen_baru`,
    elemen `status: upgrade` di `elemen_diubah`, dan elemen yang dihentikan di dalam periode
    (`tahun_selesai` sebelum tahun terakhir periode) di `elemen_dihentikan`. Temuan ditunjukkan
    pada kunci yang membuat elemen itu berubah (`tahun_mulai`, `status` atau `tahun_selesai`).

    **Mengapa.** Peta Rencana SPBE disusun dari analisis gap as-is → to-be per domain (metode
    KemenPANRB, Perpres 95/2018); setiap elemen to-be yang tidak ada di as-is memerlukan butir
    peta rencana (disimpulkan). Perubahan tanpa butir tidak direncanakan dan tidak didanai.

    **Contoh gagal:**

    ```yaml
    aplikasi:
      - id: DAA-01
        nama: Portal Layanan Publik
        tahun_mulai: 2026  # <- di sini
      - id: DAA-02
        nama: SIMPUS
        status: upgrade  # <- di sini
    ```

    **Contoh lulus:**

    ```yaml
    aplikasi:
      - id: DAA-01
        nama: Portal Layanan Publik
        tahun_mulai: 2026
      - id: DAA-02
        nama: SIMPUS
        status: upgrade
    peta_rencana:
      - id: PR-01
        nama: Portal dan Pengembangan SIMPUS
        muatan: aplikasi
        tahun_mulai: 2026
        tahun_selesai: 2027
        elemen_baru: [DAA-01]
        elemen_diubah: [DAA-02]
    ```
    """
    for change in analisis_gap(ctx.model).tanpa_rencana():
        element = ctx.model.elemen[change.elemen]
        if change.jenis == "dihentikan":
            path = "tahun_selesai"
        elif change.jenis == "baru" and element.tahun_mulai is not None:
            path = "tahun_mulai"
        else:
            path = "status"
        kata, word = _JENIS[change.jenis]
        daftar = DAFTAR[change.jenis]
        yield Finding(
            element.id,
            f"{element.KIND} '{element.id}' {kata} dalam periode, tetapi tidak ada butir Peta "
            f"Rencana yang menyebutnya di {daftar}",
            f"{element.KIND} '{element.id}' is {word} in the period, but no roadmap item names "
            f"it in {daftar}",
            (path,),
            hint=f"sebut '{element.id}' di {daftar} butir Peta Rencana yang menghantarkannya",
            hint_en=f"name '{element.id}' in {daftar} of the roadmap item that delivers it",
        )
