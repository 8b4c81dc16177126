"""SPBE-KEA-003."""

from __future__ import annotations

from collections.abc import Iterator

from spbe_arch.model.relasi import KEAMANAN_KINDS
from spbe_arch.rules.common import empty
from spbe_arch.rules.engine import Context, Finding, rule


@rule("SPBE-KEA-003", "program-keamanan-tanpa-cakupan", "warning")
def program_keamanan_tanpa_cakupan(ctx: Context) -> Iterator[Finding]:
    """Program keamanan yang tidak mencakup apa pun.

    **Yang diperiksa.** Setiap elemen `keamanan` mengisi `melindungi` (id data, aplikasi atau
    infrastruktur) atau `cakupan_domain` (`data`, `aplikasi`, `infrastruktur`). Temuan
    ditunjukkan pada `id` program.

    **Mengapa.** Program keamanan SPBE melindungi data, aplikasi dan infrastruktur (Perpres
    95/2018, Keamanan SPBE); program tanpa cakupan tidak menutup celah apa pun
    pada pemeriksaan SPBE-KEA-001 dan SPBE-KEA-002, dan biasanya berarti cakupannya lupa
    dicatat.

    **Contoh gagal:**

    ```yaml
    keamanan:
      - id: DAK-01  # <- di sini
        jenis: edukasi_kesadaran
        nama: Edukasi Kesadaran Keamanan ASN
    ```

    **Contoh lulus:**

    ```yaml
    keamanan:
      - id: DAK-01
        jenis: edukasi_kesadaran
        nama: Edukasi Kesadaran Keamanan ASN
        cakupan_domain: [data, aplikasi, infrastruktur]
    ```
    """
    for program in ctx.elements(*KEAMANAN_KINDS):
        if not empty(getattr(program, "melindungi", None)):
            continue
        if not empty(getattr(program, "cakupan_domain", None)):
            continue
        yield Finding(
            program.id,
            f"program keamanan '{program.id}' tidak mencakup apa pun",
            f"security programme '{program.id}' covers nothing",
            ("id",),
            hint="isi `melindungi: [<id data/aplikasi/infrastruktur>]` atau "
            "`cakupan_domain: [data, aplikasi, infrastruktur]`",
            hint_en="fill `melindungi: [<data/application/infrastructure id>]` or "
            "`cakupan_domain: [data, aplikasi, infrastruktur]`",
        )
