"""SPBE-KAT-001."""

from __future__ import annotations

from collections.abc import Iterator

from spbe_arch.referensi import level_of, parent_of
from spbe_arch.rules.common import own_codes_of
from spbe_arch.rules.engine import Context, Finding, rule


@rule("SPBE-KAT-001", "kode-tidak-ada", "error")
def kode_tidak_ada(ctx: Context) -> Iterator[Finding]:
    """Kode referensi tingkat nasional (Level 1–3) tidak ada di katalog yang dipakai.

    **Yang diperiksa.** `referensi` setiap elemen harus berupa simpul katalog Referensi Arsitektur
    SPBE versi yang disematkan di `spbe.yaml` (`katalog:`). Kode Level 4 ke bawah adalah perluasan
    lokal dan diperiksa oleh SPBE-KAT-004. Pesan menyebut simpul induk dan anak-anaknya yang ada.

    **Mengapa.** Setiap elemen arsitektur diklasifikasikan terhadap Referensi Arsitektur SPBE
    (Perpres 132/2022; indikator 11 Permenpan RB 59/2020 level 3–4 menuntut kesesuaian dengan
    arsitektur nasional).

    **Contoh gagal:**

    ```yaml
    proses_bisnis:
      - id: DAB-01
        nama: Pelayanan Kesehatan
        referensi: RAB.04.01.99  # <- di sini
    ```

    **Contoh lulus:**

    ```yaml
    proses_bisnis:
      - id: DAB-01
        nama: Pelayanan Kesehatan
        referensi: RAB.04.01.04
    ```
    """
    katalog = ctx.katalog
    if katalog is None:
        return
    for element, code in own_codes_of(ctx):
        if code in katalog or level_of(code) > 3:
            continue
        parent = parent_of(code)
        siblings = (
            [s.kode for s in katalog.children(parent)] if parent and parent in katalog else []
        )
        hint: str | None = None
        hint_en: str | None = None
        if siblings:
            hint = f"anak {parent} yang ada: {', '.join(siblings)}"
            hint_en = f"children of {parent}: {', '.join(siblings)}"
        yield Finding(
            element.id,
            f"kode '{code}' tidak ada di katalog {element.KATALOG} versi {katalog.versi}",
            f"code '{code}' does not exist in catalogue {element.KATALOG} version {katalog.versi}",
            ("referensi",),
            hint=hint,
            hint_en=hint_en,
        )
