"""SPBE-KAT-008."""

from __future__ import annotations

from collections.abc import Iterator

from spbe_arch.rules.common import own_codes_of
from spbe_arch.rules.engine import Context, Finding, rule


@rule("SPBE-KAT-008", "nama-kode-tidak-cocok", "warning")
def nama_kode_tidak_cocok(ctx: Context) -> Iterator[Finding]:
    """Nama yang ditulis setelah kode referensi tidak cocok dengan nama simpul katalog.

    **Yang diperiksa.** `referensi` boleh ditulis beserta namanya, seperti di formulir OPD
    (`RAB.04.01.04 - Pengelolaan Pelayanan Kesehatan`); yang disimpan kodenya. Bila nama yang
    ditulis jauh berbeda dari nama simpul di katalog (tidak peka huruf besar, tanda baca dan salah
    ketik kecil), kemungkinan kodenya salah pilih.

    **Mengapa.** Kode dan nama yang tidak cocok adalah salah isi yang paling sering pada templat
    analis: orang memilih nama yang benar tetapi menyalin kode baris sebelahnya. Klasifikasi yang
    salah membuat cakupan referensi nasional (indikator 11) keliru.

    **Contoh gagal:**

    ```yaml
    proses_bisnis:
      - id: DAB-01
        nama: Pelayanan Puskesmas
        referensi: RAB.04.01.04 - Pendidikan Dasar  # <- di sini
    ```

    **Contoh lulus:**

    ```yaml
    proses_bisnis:
      - id: DAB-01
        nama: Pelayanan Puskesmas
        referensi: RAB.04.01.04 - Pengelolaan Pelayanan Kesehatan
    ```
    """
    katalog = ctx.katalog
    if katalog is None:
        return
    for element, code in own_codes_of(ctx):
        typed = ctx.model.nama_referensi.get(element.id)
        if not typed or code not in katalog or katalog.nama_cocok(code, typed):
            continue
        nama = katalog[code].nama
        yield Finding(
            element.id,
            f"nama '{typed}' tidak cocok dengan {code} '{nama}' di katalog; periksa kodenya",
            f"name '{typed}' does not match {code} '{nama}' in the catalogue; check the code",
            ("referensi",),
        )
