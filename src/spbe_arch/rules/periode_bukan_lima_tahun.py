"""SPBE-RMP-009."""

from __future__ import annotations

from collections.abc import Iterator

from spbe_arch.rules.engine import Context, Finding, rule


@rule("SPBE-RMP-009", "periode-bukan-lima-tahun", "warning")
def periode_bukan_lima_tahun(ctx: Context) -> Iterator[Finding]:
    """Periode arsitektur dan Peta Rencana yang tidak lima tahun.

    **Yang diperiksa.** `periode` di `spbe.yaml` mencakup tepat lima tahun (mis. `mulai: 2025`,
    `selesai: 2029`). Temuan ditunjukkan pada kunci `periode`.

    **Mengapa.** Arsitektur SPBE Pemda dan Peta Rencana SPBE berjangka lima tahun dan direviu
    berkala (Perpres 95/2018).

    **Contoh gagal:**

    ```yaml
    # berkas: spbe.yaml
    spbe_arch: 1
    pemda: {nama: Kabupaten Contoh, jenis: kabupaten}
    periode: {mulai: 2025, selesai: 2027}  # <- di sini
    katalog: "2022.1"
    ```

    **Contoh lulus:**

    ```yaml
    # berkas: spbe.yaml
    spbe_arch: 1
    pemda: {nama: Kabupaten Contoh, jenis: kabupaten}
    periode: {mulai: 2025, selesai: 2029}
    katalog: "2022.1"
    ```
    """
    model = ctx.model
    konf = model.konfigurasi
    if konf is None:
        return
    years = konf.periode.selesai - konf.periode.mulai + 1
    if years == 5:
        return
    pos = model.config_pos.find(("periode",), key=True) if model.config_pos else None
    yield Finding(
        None,
        f"periode {konf.periode.mulai}-{konf.periode.selesai} mencakup {years} tahun, bukan 5",
        f"the period {konf.periode.mulai}-{konf.periode.selesai} spans {years} years, not 5",
        at=(model.config_file, pos.line if pos else 1, pos.column if pos else 1),
        hint="samakan periode dengan periode RPJMD (lima tahun)",
        hint_en="make the period the RPJMD's five years",
    )
