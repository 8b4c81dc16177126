"""SPBE-OPD-003."""

from __future__ import annotations

from collections.abc import Iterator

from spbe_arch.model.proses_bisnis import ProsesBisnis
from spbe_arch.rules.engine import Context, Finding, rule


@rule("SPBE-OPD-003", "unit-kerja-opd-lain", "error")
def unit_kerja_opd_lain(ctx: Context) -> Iterator[Finding]:
    """Unit kerja pelaksana proses bisnis bukan bagian dari OPD pemiliknya.

    **Yang diperiksa.** `unit_kerja` pada proses bisnis menunjuk unit kerja (bidang, bagian,
    UPTD) di dalam OPD pemilik proses bisnis itu. Unit kerja OPD lain berarti pemiliknya salah,
    atau proses bisnisnya lintas OPD dan perlu dipecah per OPD.

    **Mengapa.** Templat analis Domain Proses Bisnis mengisi "Unit Kerja / Perangkat Daerah"
    sebagai pemilik (templat analis Domain Proses Bisnis SIA-SPBE); unit kerja dan OPD yang tidak
    cocok membuat kepemilikan dan formulir survei per OPD keliru.

    **Contoh gagal:**

    ```yaml
    perangkat_daerah:
      - id: DINKES
        nama: Dinas Kesehatan
        tipe: dinas
        unit_kerja:
          - {id: PKM-01, nama: Puskesmas Kota}
      - {id: DINSOS, nama: Dinas Sosial, tipe: dinas}
    proses_bisnis:
      - id: DAB-01
        nama: Verifikasi Penerima Bantuan
        opd: DINSOS
        unit_kerja: PKM-01  # <- di sini
    ```

    **Contoh lulus:**

    ```yaml
    perangkat_daerah:
      - id: DINKES
        nama: Dinas Kesehatan
        tipe: dinas
        unit_kerja:
          - {id: PKM-01, nama: Puskesmas Kota}
    proses_bisnis:
      - id: DAB-01
        nama: Pelayanan Kesehatan Dasar
        opd: DINKES
        unit_kerja: PKM-01
    ```
    """
    model = ctx.model
    for element in ctx.elements("proses_bisnis"):
        assert isinstance(element, ProsesBisnis)
        unit = element.unit_kerja
        if unit is None or unit not in model.unit_kerja or element.opd is None:
            continue
        parent = model.unit_kerja_opd[unit]
        if parent != element.opd:
            yield Finding(
                element.id,
                f"unit kerja '{unit}' milik {parent}, bukan {element.opd} "
                "pemilik proses bisnis ini",
                f"work unit '{unit}' belongs to {parent}, not to {element.opd}, the owner",
                ("unit_kerja",),
            )
