"""SPBE-RMP-007."""

from __future__ import annotations

from collections.abc import Iterator

from spbe_arch.roadmap.waktu import rencana
from spbe_arch.rules.engine import Context, Finding, rule


@rule("SPBE-RMP-007", "kode-pendanaan-tidak-selaras", "warning")
def kode_pendanaan_tidak_selaras(ctx: Context) -> Iterator[Finding]:
    """Kode kegiatan atau sub kegiatan yang bukan turunan kode program/kegiatan butir.

    **Yang diperiksa.** Bila butir Peta Rencana menulis `program`, kode `kegiatan` diawali kode
    program itu; bila menulis `kegiatan`, setiap kode di `sub_kegiatan` dan `pendanaan` diawali
    kode kegiatan itu. Temuan ditunjukkan pada kode yang tidak selaras.

    **Mengapa.** Nomenklatur Permendagri 90/2019 bersifat hierarkis: program `2.16.03`, kegiatan
    `2.16.03.2.02`, sub kegiatan `2.16.03.2.02.01` (Permendagri 90/2019); kode yang tidak
    berhierarki biasanya salah salin dari DPA/SIPD.

    **Contoh gagal:**

    ```yaml
    peta_rencana:
      - id: PR-01
        nama: Pembangunan SPL Pemda
        muatan: infrastruktur
        tahun_mulai: 2026
        tahun_selesai: 2027
        program: 2.16.03
        kegiatan: 2.16.02.2.02  # <- di sini
        sub_kegiatan: [2.16.03.2.01.07]  # <- di sini
    ```

    **Contoh lulus:**

    ```yaml
    peta_rencana:
      - id: PR-01
        nama: Pembangunan SPL Pemda
        muatan: infrastruktur
        tahun_mulai: 2026
        tahun_selesai: 2027
        program: 2.16.03
        kegiatan: 2.16.03.2.02
        sub_kegiatan: [2.16.03.2.02.07]
    ```
    """
    for item in rencana(ctx.model):
        if item.program and item.kegiatan and not item.kegiatan.startswith(item.program + "."):
            yield Finding(
                item.id,
                f"kegiatan {item.kegiatan} bukan bagian dari program {item.program}",
                f"kegiatan {item.kegiatan} is not part of program {item.program}",
                ("kegiatan",),
                hint="salin kode program dan kegiatan dari DPA/SIPD yang sama",
                hint_en="copy the program and kegiatan codes from the same DPA/SIPD entry",
            )
        if not item.kegiatan:
            continue
        codes: list[tuple[tuple[str | int, ...], str]] = [
            (("sub_kegiatan", i), c) for i, c in enumerate(item.sub_kegiatan)
        ]
        for year, listed in sorted(item.pendanaan.items()):
            codes += [(("pendanaan", str(year), i), c) for i, c in enumerate(listed)]
        for path, code in codes:
            if code.startswith(item.kegiatan + "."):
                continue
            yield Finding(
                item.id,
                f"sub kegiatan {code} bukan bagian dari kegiatan {item.kegiatan}",
                f"sub kegiatan {code} is not part of kegiatan {item.kegiatan}",
                path,
                hint="salin kode sub kegiatan dari kegiatan yang sama, atau pisahkan butirnya",
                hint_en="copy the sub kegiatan code of the same kegiatan, or split the item",
            )
