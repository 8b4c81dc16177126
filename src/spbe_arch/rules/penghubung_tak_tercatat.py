"""SPBE-APL-007."""

from __future__ import annotations

from collections.abc import Iterator

from spbe_arch.model.aplikasi import Aplikasi
from spbe_arch.rules.engine import Context, Finding, rule


@rule("SPBE-APL-007", "penghubung-integrasi-tak-tercatat", "warning")
def penghubung_tak_tercatat(ctx: Context) -> Iterator[Finding]:
    """Sistem penghubung yang dipakai sebuah integrasi tidak tercatat di aplikasinya.

    **Yang diperiksa.** Bila `integrasi[].melalui` menyebut sebuah sistem penghubung layanan,
    sistem itu juga tercantum di `sistem_penghubung` aplikasi yang sama. Keduanya menyatakan hal
    yang sama dari dua sisi; bila tidak selaras, salah satunya kedaluwarsa.

    **Mengapa.** Diagram integrasi dan pemeriksaan SPBE-APL-003 membaca kedua kolom; catatan yang
    saling bertentangan membuat peta integrasi (Aplikasi ↔ SPLP ↔ JIP) keliru
    (Perpres 95/2018, integrasi layanan SPBE).

    **Contoh gagal:**

    ```yaml
    infrastruktur:
      - {id: SPL-01, jenis: sistem_penghubung_layanan, nama: SPL Pemda}
    aplikasi:
      - {id: DAA-02, nama: SIAK}
      - id: DAA-01
        nama: SIMPUS
        integrasi:
          - aplikasi: DAA-02
            melalui: SPL-01  # <- di sini
    ```

    **Contoh lulus:**

    ```yaml
    infrastruktur:
      - {id: SPL-01, jenis: sistem_penghubung_layanan, nama: SPL Pemda}
    aplikasi:
      - {id: DAA-02, nama: SIAK}
      - id: DAA-01
        nama: SIMPUS
        sistem_penghubung: [SPL-01]
        integrasi:
          - aplikasi: DAA-02
            melalui: SPL-01
    ```
    """
    for element in ctx.elements("aplikasi"):
        assert isinstance(element, Aplikasi)
        listed = set(element.sistem_penghubung)
        for index, item in enumerate(element.integrasi):
            if item.melalui is None or item.melalui in listed:
                continue
            if ctx.model.kind_of(item.melalui) != "sistem_penghubung_layanan":
                continue  # a missing or wrong target is SPBE-REF-001/002's finding
            yield Finding(
                element.id,
                f"integrasi melalui '{item.melalui}', tetapi '{item.melalui}' tidak ada di "
                f"sistem_penghubung aplikasi '{element.id}'",
                f"the exchange goes through '{item.melalui}', which is not in the "
                f"sistem_penghubung of '{element.id}'",
                ("integrasi", index, "melalui"),
                hint=f"tambahkan '{item.melalui}' ke sistem_penghubung",
                hint_en=f"add '{item.melalui}' to sistem_penghubung",
            )
