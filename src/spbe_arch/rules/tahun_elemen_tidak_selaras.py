"""SPBE-RMP-011."""

from __future__ import annotations

from collections.abc import Iterator

from spbe_arch.model.base import Elemen, StatusElemen
from spbe_arch.model.peta_rencana import RencanaSpbe
from spbe_arch.roadmap.waktu import rencana
from spbe_arch.rules.engine import Context, Finding, rule


def _baru(item: RencanaSpbe, element: Elemen) -> tuple[str, str] | None:
    """Why introducing ``element`` by ``item`` contradicts the element's own years, if it does."""
    start = element.tahun_mulai
    if start is None and element.status is StatusElemen.AS_IS:
        return ("berstatus as_is (sudah ada sebelum periode)", "has status as_is (exists already)")
    if start is not None and not item.tahun_mulai <= start <= item.tahun_selesai:
        return (f"mulai {start}, di luar masa butir {item.tahun_mulai}-{item.tahun_selesai}",
                f"starts in {start}, outside the item's years "
                f"{item.tahun_mulai}-{item.tahun_selesai}")  # fmt: skip
    return None


def _dihentikan(item: RencanaSpbe, element: Elemen) -> tuple[str, str] | None:
    """Why retiring ``element`` by ``item`` contradicts the element's last year, if it does."""
    end = element.tahun_selesai
    if end is not None and not item.tahun_mulai - 1 <= end <= item.tahun_selesai:
        return (f"berakhir {end}, di luar masa butir {item.tahun_mulai}-{item.tahun_selesai}",
                f"ends in {end}, outside the item's years "
                f"{item.tahun_mulai}-{item.tahun_selesai}")  # fmt: skip
    return None


@rule("SPBE-RMP-011", "tahun-elemen-tidak-selaras", "warning")
def tahun_elemen_tidak_selaras(ctx: Context) -> Iterator[Finding]:
    """Elemen yang diperkenalkan atau dihentikan butir Peta Rencana di luar masa butir itu.

    **Yang diperiksa.** Elemen di `elemen_baru` sebuah butir belum ada sebelum butir itu:
    tidak berstatus `as_is` tanpa `tahun_mulai`, dan `tahun_mulai`-nya (bila ada) di antara
    `tahun_mulai` dan `tahun_selesai` butir. Elemen di `elemen_dihentikan` berakhir
    (`tahun_selesai`, bila ada) paling awal setahun sebelum butir mulai dan paling lambat pada
    tahun terakhir butir. Temuan ditunjukkan pada id elemen di daftar butir.

    **Mengapa.** Tahun elemen menentukan arsitektur per tahun, as-is dan to-be (gap analysis,
    `spbe-arch render --year`); butir yang memperkenalkan elemen yang sudah ada, atau elemen
    yang baru ada setelah butirnya selesai, membuat peta rencana dan arsitektur saling
    bertentangan.

    **Contoh gagal:**

    ```yaml
    aplikasi:
      - {id: DAA-01, nama: SIMPUS, status: as_is}
      - {id: DAA-02, nama: Portal Layanan Publik, tahun_mulai: 2029}
    peta_rencana:
      - id: PR-01
        nama: Portal Layanan Publik
        muatan: aplikasi
        tahun_mulai: 2026
        tahun_selesai: 2027
        elemen_baru:
          - DAA-01  # <- di sini
          - DAA-02  # <- di sini
    ```

    **Contoh lulus:**

    ```yaml
    aplikasi:
      - {id: DAA-01, nama: SIMPUS, status: baru}
      - {id: DAA-02, nama: Portal Layanan Publik, tahun_mulai: 2027}
    peta_rencana:
      - id: PR-01
        nama: Portal Layanan Publik
        muatan: aplikasi
        tahun_mulai: 2026
        tahun_selesai: 2027
        elemen_baru: [DAA-01, DAA-02]
    ```
    """
    checks = (("elemen_baru", _baru), ("elemen_dihentikan", _dihentikan))
    for item in rencana(ctx.model):
        for key, why in checks:
            for index, ident in enumerate(getattr(item, key)):
                element = ctx.model.elemen.get(ident)
                if element is None:
                    continue
                reason = why(item, element)
                if reason is None:
                    continue
                yield Finding(
                    item.id,
                    f"{key} butir '{item.id}' menyebut '{ident}', yang {reason[0]}",
                    f"{key} of item '{item.id}' names '{ident}', which {reason[1]}",
                    (key, index),
                    hint=f"sesuaikan tahun_mulai/tahun_selesai atau status '{ident}'",
                    hint_en=f"adjust tahun_mulai/tahun_selesai or the status of '{ident}'",
                )
