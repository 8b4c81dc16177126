"""SPBE-KAT-004."""

from __future__ import annotations

from collections.abc import Iterator

from spbe_arch.referensi import level_of, parent_of
from spbe_arch.rules.common import own_codes_of
from spbe_arch.rules.engine import Context, Finding, rule


@rule("SPBE-KAT-004", "ekstensi-lokal-tanpa-induk", "error")
def ekstensi_lokal(ctx: Context) -> Iterator[Finding]:
    """Perluasan lokal (Level 4–7) tidak berada di bawah simpul nasional yang sah.

    **Yang diperiksa.** Instansi boleh menambah Level 4 sampai 7 di bawah simpul nasional.
    Leluhur terdalam kode lokal yang ada di katalog harus simpul daun nasional (Level 3, atau
    Level 2 tanpa anak); bila katalog sudah memuat anak di tempat itu, kode harus salah satunya.

    **Mengapa.** SIA-SPBE mengizinkan level 4–7 sebagai turunan lokal simpul nasional (templat
    analis SIA-SPBE: Level 4-7 di bawah simpul nasional); perluasan di bawah simpul yang tidak
    ada atau di samping anak resmi merusak keterbandingan.

    **Contoh gagal:**

    ```yaml
    proses_bisnis:
      - id: DAB-01
        nama: Pelayanan Puskesmas Keliling
        referensi: RAB.04.01.98.01  # <- di sini
    ```

    **Contoh lulus:**

    ```yaml
    proses_bisnis:
      - id: DAB-01
        nama: Pelayanan Puskesmas Keliling
        referensi: RAB.04.01.04.01
    ```
    """
    katalog = ctx.katalog
    if katalog is None:
        return
    for element, code in own_codes_of(ctx):
        if code in katalog or level_of(code) <= 3:
            continue
        anchor = parent_of(code)
        while anchor is not None and anchor not in katalog:
            anchor = parent_of(anchor)
        if anchor is None or level_of(anchor) < 2:
            yield Finding(
                element.id,
                f"kode lokal '{code}' tidak berada di bawah simpul nasional Level 3 yang ada",
                f"local code '{code}' is not below an existing national level-3 node",
                ("referensi",),
            )
            continue
        children = [s.kode for s in katalog.children(anchor)]
        if level_of(anchor) < 3 and children:
            yield Finding(
                element.id,
                f"kode lokal '{code}' berada di bawah {anchor} yang bukan daun; induk Level 3 "
                f"'{parent_of(code) if level_of(code) == 4 else code[: len(anchor) + 3]}' "
                "tidak ada di katalog",
                f"local code '{code}' sits below {anchor}, which is not a leaf; its level-3 "
                "parent does not exist in the catalogue",
                ("referensi",),
            )
        elif children and level_of(code) == level_of(anchor) + 1:
            yield Finding(
                element.id,
                f"simpul {anchor} sudah memiliki anak di katalog ({', '.join(children)}); "
                f"'{code}' harus salah satunya",
                f"node {anchor} already has children in the catalogue ({', '.join(children)}); "
                f"'{code}' must be one of them",
                ("referensi",),
            )
