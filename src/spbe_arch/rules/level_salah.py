"""SPBE-KAT-003 and SPBE-KAT-006."""

from __future__ import annotations

from collections.abc import Iterator

from spbe_arch.rules.common import own_codes_of, segment_gaps
from spbe_arch.rules.engine import Context, Finding, rule


def _non_leaf(ctx: Context, partial: bool) -> Iterator[Finding]:
    katalog = ctx.katalog
    if katalog is None:
        return
    for element, code in own_codes_of(ctx):
        if code not in katalog or katalog.is_leaf(code):
            continue
        children = [s.kode for s in katalog.children(code)]
        if segment_gaps(children) != partial:
            continue
        level = katalog[code].level
        if partial:
            yield Finding(
                element.id,
                f"kode '{code}' (Level {level}) belum di tingkat daun; daftar anaknya di katalog "
                f"tidak lengkap ({', '.join(children)}), jadi klasifikasi ini diterima sementara",
                f"code '{code}' (level {level}) is not a leaf; its known children are incomplete "
                f"({', '.join(children)}), so the classification is accepted for now",
                ("referensi",),
            )
            continue
        target = level + 1
        shown = [f"{c} ({katalog[c].nama})" for c in children[:6]]
        more = " …" if len(children) > 6 else ""
        yield Finding(
            element.id,
            f"kode '{code}' ({katalog[code].nama}, Level {level}) benar tetapi terlalu umum; "
            f"perinci ke Level {target}: {', '.join(shown)}{more}",
            f"code '{code}' ({katalog[code].nama}, level {level}) is valid but coarse; refine "
            f"it to level {target}: {', '.join(shown)}{more}",
            ("referensi",),
            hint=f"pilih salah satu: {', '.join(children[:12])}"
            + (" …" if len(children) > 12 else ""),
            hint_en=f"choose one of: {', '.join(children[:12])}"
            + (" …" if len(children) > 12 else ""),
        )


@rule("SPBE-KAT-003", "level-salah", "warning", hanya_berjalan=True)
def level_salah(ctx: Context) -> Iterator[Finding]:
    """Kode referensi benar tetapi lebih umum dari simpul daun: perinci.

    **Yang diperiksa.** Elemen diklasifikasikan ke simpul daun katalog: Level 3, atau Level 2
    yang tidak memiliki anak (mis. `RAD.10.01`, `RAL.01.16`), atau perluasan lokal Level 4 ke
    bawah. Kode Level 1 atau Level 2 yang masih memiliki anak benar tetapi terlalu umum; pesan
    menyebut level tujuan dan pilihan anaknya (mis. `RAA.02` → `RAA.02.01` atau `RAA.02.02`).
    Simpul yang daftar anaknya diketahui tidak lengkap dilaporkan oleh SPBE-KAT-006 sebagai
    catatan. Elemen yang sudah tidak aktif atau pensiun tidak diminta memerinci kodenya.

    **Mengapa.** Templat analis SIA-SPBE meminta klasifikasi sampai simpul daun (Level 3 untuk
    RAB/RAD/RAL; Perpres 132/2022 Lampiran, Referensi Arsitektur). Inventaris nyata sering
    hanya mencatat "Umum" atau "Khusus" (RAA.01, RAA.02): kode itu benar, hanya kurang rinci,
    jadi ini peringatan (belum lengkap), bukan galat: kode yang benar tetapi umum tidak boleh
    dihukum lebih berat daripada tidak menulis kode sama sekali (SPBE-ARS-002, peringatan).

    **Contoh gagal:**

    ```yaml
    layanan:
      - id: DAL-01
        nama: Layanan Kesehatan
        referensi: RAL.01.25  # <- di sini
    ```

    **Contoh lulus:**

    ```yaml
    layanan:
      - id: DAL-01
        nama: Layanan Kesehatan
        referensi: RAL.01.25.04
    ```
    """
    return _non_leaf(ctx, partial=False)


@rule("SPBE-KAT-006", "level-katalog-tak-lengkap", "info")
def level_katalog_tak_lengkap(ctx: Context) -> Iterator[Finding]:
    """Kode bukan daun, tetapi daftar anaknya di katalog diketahui tidak lengkap.

    **Yang diperiksa.** Bila anak-anak sebuah simpul bernomor loncat (mis. RAI.03.01 hanya
    memuat .01, .04, .07 karena nama .02, .03, .05, .06 belum diketahui), perangkat yang tidak
    punya kode daun (perangkat jaringan, media penyimpanan, periferal) boleh diklasifikasikan ke
    simpul itu. Catatan ini mengingatkan agar klasifikasi diperbarui saat katalog lengkap terbit.

    **Mengapa.** Lampiran resmi RAI/RAK Perpres 132/2022 belum tersedia publik (lihat
    docs/model.md); data harus menyatakan ketidakpastiannya, bukan mengarang kode.

    **Contoh gagal:**

    ```yaml
    infrastruktur:
      - id: DAI-01
        jenis: perangkat_jaringan
        nama: Core Switch
        referensi: RAI.03.01  # <- di sini
    ```

    **Contoh lulus:**

    ```yaml
    infrastruktur:
      - id: DAI-01
        jenis: server
        nama: Server Aplikasi
        referensi: RAI.03.01.01
    ```
    """
    return _non_leaf(ctx, partial=True)
