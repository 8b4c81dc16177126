"""SPBE-APL-003."""

from __future__ import annotations

from collections.abc import Iterator

from spbe_arch.model.aplikasi import Aplikasi
from spbe_arch.model.arsitektur import Arsitektur
from spbe_arch.model.base import SELURUH_PEMDA, berjalan
from spbe_arch.rules.common import empty
from spbe_arch.rules.engine import Context, Finding, rule


def _opd(model: Arsitektur, ident: str) -> frozenset[str]:
    """The owner OPDs of an element, with a unit kerja written as owner read as its OPD."""
    return frozenset(model.unit_kerja_opd.get(o, o) for o in model.owners(ident))


@rule("SPBE-APL-003", "integrasi-tanpa-penghubung", "warning", hanya_berjalan=True)
def integrasi_tanpa_penghubung(ctx: Context) -> Iterator[Finding]:
    """Pertukaran data antaraplikasi milik OPD berbeda tanpa sistem penghubung layanan.

    **Yang diperiksa.** Setiap entri `integrasi` sebuah aplikasi dengan aplikasi milik OPD lain
    mengisi `melalui` dengan `sistem_penghubung_layanan` (SPLP atau SPL Pemda). Integrasi di
    dalam satu OPD, dan entri yang pemilik salah satu aplikasinya belum diketahui
    (SPBE-OPD-002), tidak diperiksa. Temuan ditunjukkan pada entri `integrasi` itu dan menyebut
    kedua OPD.

    **Mengapa.** Pertukaran data antaraplikasi milik pemilik berbeda melalui SPLP dan/atau SPL
    Instansi Pusat/Pemda (Perpres 95/2018, integrasi layanan SPBE); sambungan titik-ke-titik
    antar-OPD sulit diamankan dan dipelihara.

    **Contoh gagal:**

    ```yaml
    perangkat_daerah:
      - {id: DINKES, nama: Dinas Kesehatan, tipe: dinas}
      - {id: DISDUKCAPIL, nama: Dinas Kependudukan dan Pencatatan Sipil, tipe: dinas}
    aplikasi:
      - id: DAA-01
        nama: SIMPUS
        opd: DINKES
        integrasi:
          - aplikasi: DAA-02  # <- di sini
      - id: DAA-02
        nama: SIAK
        opd: DISDUKCAPIL
    ```

    **Contoh lulus:**

    ```yaml
    perangkat_daerah:
      - {id: DINKES, nama: Dinas Kesehatan, tipe: dinas}
      - {id: DISDUKCAPIL, nama: Dinas Kependudukan dan Pencatatan Sipil, tipe: dinas}
    infrastruktur:
      - id: DAI-SPL
        jenis: sistem_penghubung_layanan
        nama: SPL Pemda
    aplikasi:
      - id: DAA-01
        nama: SIMPUS
        opd: DINKES
        integrasi:
          - aplikasi: DAA-02
            melalui: DAI-SPL
      - id: DAA-02
        nama: SIAK
        opd: DISDUKCAPIL
    ```
    """
    model = ctx.model
    for element in ctx.elements("aplikasi"):
        assert isinstance(element, Aplikasi)
        owners = _opd(model, element.id)
        if not owners or not berjalan(element):
            continue
        for index, item in enumerate(element.integrasi):
            partner = item.aplikasi
            if not empty(item.melalui) or partner is None or model.kind_of(partner) != "aplikasi":
                continue
            theirs = _opd(model, partner)
            # Shared owners (or the whole Pemda on either side) make it an exchange inside one
            # owner: the rule is about crossing OPD boundaries.
            if not theirs or owners & theirs or SELURUH_PEMDA in owners | theirs:
                continue
            if not berjalan(model.elemen[partner]):
                continue
            own, other = ", ".join(sorted(owners)), ", ".join(sorted(theirs))
            yield Finding(
                element.id,
                f"integrasi '{element.id}' ({own}) dengan '{partner}' ({other}) tidak "
                "melalui sistem penghubung layanan",
                f"the exchange between '{element.id}' ({own}) and '{partner}' ({other}) "
                "does not go through a service bus",
                ("integrasi", index),
                hint="isi `melalui: <id sistem_penghubung_layanan>` (SPLP atau SPL Pemda)",
                hint_en="fill `melalui: <sistem_penghubung_layanan id>` (SPLP or the Pemda SPL)",
            )
