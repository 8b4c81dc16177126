"""SPBE-RMP-010."""

from __future__ import annotations

from collections.abc import Iterator

from spbe_arch.rules.engine import Context, Finding, rule


@rule("SPBE-RMP-010", "periode-tidak-selaras-rpjmd", "warning")
def periode_tidak_selaras_rpjmd(ctx: Context) -> Iterator[Finding]:
    """Periode arsitektur yang berbeda dari periode RPJMD yang diacu.

    **Yang diperiksa.** Bila `spbe.yaml` menulis `rpjmd`, tahun mulai dan selesainya sama dengan
    `periode`. Temuan ditunjukkan pada kunci `rpjmd`.

    **Mengapa.** Peta Rencana SPBE mengikuti RPJMD dan Arsitektur SPBE Pemda (Perpres 95/2018;
    paparan KemenPANRB Peta Rencana SPBE V3.0); periode yang bergeser membuat
    butir dan anggarannya tidak selaras dengan dokumen perencanaan daerah.

    **Contoh gagal:**

    ```yaml
    # berkas: spbe.yaml
    spbe_arch: 1
    pemda: {nama: Kabupaten Contoh, jenis: kabupaten}
    periode: {mulai: 2025, selesai: 2029}
    rpjmd: {mulai: 2026, selesai: 2030}  # <- di sini
    katalog: "2022.1"
    ```

    **Contoh lulus:**

    ```yaml
    # berkas: spbe.yaml
    spbe_arch: 1
    pemda: {nama: Kabupaten Contoh, jenis: kabupaten}
    periode: {mulai: 2025, selesai: 2029}
    rpjmd: {mulai: 2025, selesai: 2029}
    katalog: "2022.1"
    ```
    """
    model = ctx.model
    konf = model.konfigurasi
    if konf is None or konf.rpjmd is None or konf.rpjmd == konf.periode:
        return
    pos = model.config_pos.find(("rpjmd",), key=True) if model.config_pos else None
    p, r = konf.periode, konf.rpjmd
    yield Finding(
        None,
        f"periode {p.mulai}-{p.selesai} tidak sama dengan RPJMD {r.mulai}-{r.selesai}",
        f"the period {p.mulai}-{p.selesai} differs from the RPJMD {r.mulai}-{r.selesai}",
        at=(model.config_file, pos.line if pos else 1, pos.column if pos else 1),
        hint="samakan `periode` dengan `rpjmd`",
        hint_en="make `periode` equal `rpjmd`",
    )
