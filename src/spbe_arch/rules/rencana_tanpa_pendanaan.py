"""SPBE-RMP-006."""

from __future__ import annotations

from collections.abc import Iterator

from spbe_arch.roadmap.waktu import rencana
from spbe_arch.rules.engine import Context, Finding, rule


@rule("SPBE-RMP-006", "rencana-tanpa-pendanaan", "warning")
def rencana_tanpa_pendanaan(ctx: Context) -> Iterator[Finding]:
    """Butir Peta Rencana tanpa kode sub kegiatan pendanaan pada tahun ia berjalan.

    **Yang diperiksa.** Untuk setiap tahun antara `tahun_mulai` dan `tahun_selesai` sebuah butir,
    ada paling sedikit satu kode sub kegiatan (Permendagri 90/2019) yang mendanainya: kode di
    `pendanaan` untuk tahun itu, atau bila tahun itu tidak ditulis di sana, kode di
    `sub_kegiatan`. Temuan ditunjukkan pada `sub_kegiatan` (atau `id` bila tidak ada) dan
    menyebut tahun yang tidak didanai.

    **Mengapa.** Indikator 12 Permenpan RB 59/2020 level 4 menuntut Peta Rencana yang diterapkan
    konsisten dalam rencana kerja dan anggaran tiga tahun terakhir (Permenpan RB 59/2020,
    indikator 12 level 4); butir tanpa kode sub kegiatan tidak dapat ditelusuri ke RKPD/APBD.

    **Contoh gagal:**

    ```yaml
    peta_rencana:
      - id: PR-01
        nama: Perluasan Jaringan Intra
        muatan: infrastruktur
        tahun_mulai: 2026
        tahun_selesai: 2028
        pendanaan:  # <- di sini
          2026: [2.16.03.2.02.06]
          2027: [2.16.03.2.02.06]
    ```

    **Contoh lulus:**

    ```yaml
    peta_rencana:
      - id: PR-01
        nama: Perluasan Jaringan Intra
        muatan: infrastruktur
        tahun_mulai: 2026
        tahun_selesai: 2028
        sub_kegiatan: [2.16.03.2.02.06]
        pendanaan:
          2028: [2.16.03.2.02.07]
    ```
    """
    for item in rencana(ctx.model):
        unfunded = [y for y in item.tahun_berjalan() if not item.kode_pendanaan(y)]
        if not unfunded:
            continue
        years = ", ".join(str(y) for y in unfunded)
        if item.sub_kegiatan:
            path: tuple[str, ...] = ("sub_kegiatan",)
        elif item.pendanaan:
            path = ("pendanaan",)
        else:
            path = ("id",)
        yield Finding(
            item.id,
            f"butir '{item.id}' tidak memiliki kode sub kegiatan pendanaan untuk {years}",
            f"item '{item.id}' has no funding sub kegiatan code for {years}",
            path,
            key=path != ("id",),
            hint="isi `sub_kegiatan` (semua tahun) atau `pendanaan` per tahun dengan kode DPA/SIPD",
            hint_en="fill `sub_kegiatan` (all years) or `pendanaan` per year with DPA/SIPD codes",
        )
