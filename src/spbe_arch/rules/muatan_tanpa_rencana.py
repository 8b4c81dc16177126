"""SPBE-RMP-005."""

from __future__ import annotations

from collections.abc import Iterator

from spbe_arch.model.peta_rencana import Muatan
from spbe_arch.roadmap.waktu import rencana
from spbe_arch.rules.engine import Context, Finding, rule


@rule("SPBE-RMP-005", "muatan-tanpa-rencana", "warning")
def muatan_tanpa_rencana(ctx: Context) -> Iterator[Finding]:
    """Peta Rencana yang belum memuat ketujuh muatan.

    **Yang diperiksa.** Bila model memiliki butir Peta Rencana, setiap muatan (tata_kelola,
    manajemen, layanan, infrastruktur, aplikasi, keamanan, audit_tik) memiliki paling sedikit
    satu butir. Muatan yang kosong dilaporkan sekali, pada butir pertama Peta Rencana. Model
    tanpa butir sama sekali tidak dilaporkan di sini (lihat `spbe-arch evaluate`, indikator 12).

    **Mengapa.** Indikator 2 dan 12 Permenpan RB 59/2020 level 3 menuntut Peta Rencana yang
    mencakup ketujuh muatan (Permenpan RB 59/2020, indikator 2 dan 12).

    **Contoh gagal:**

    ```yaml
    peta_rencana:
      - id: PR-01  # <- di sini
        nama: Penguatan CSIRT
        muatan: keamanan
        tahun_mulai: 2026
        tahun_selesai: 2027
    ```

    **Contoh lulus:**

    ```yaml
    peta_rencana:
      - {id: PR-01, nama: Kebijakan, muatan: tata_kelola, tahun_mulai: 2025, tahun_selesai: 2026}
      - {id: PR-02, nama: Data, muatan: manajemen, tahun_mulai: 2025, tahun_selesai: 2026}
      - {id: PR-03, nama: MPP Digital, muatan: layanan, tahun_mulai: 2026, tahun_selesai: 2027}
      - {id: PR-04, nama: Jaringan, muatan: infrastruktur, tahun_mulai: 2025, tahun_selesai: 2028}
      - {id: PR-05, nama: Portal, muatan: aplikasi, tahun_mulai: 2026, tahun_selesai: 2029}
      - {id: PR-06, nama: CSIRT, muatan: keamanan, tahun_mulai: 2026, tahun_selesai: 2027}
      - {id: PR-07, nama: Audit Aplikasi, muatan: audit_tik, tahun_mulai: 2026, tahun_selesai: 2029}
    ```
    """
    items = rencana(ctx.model)
    if not items:
        return
    missing = [m for m in Muatan if not any(r.muatan is m for r in items)]
    if not missing:
        return
    first = min(items, key=lambda r: (ctx.model.locate(r.id)[:2], r.id))
    names = ", ".join(m.value for m in missing)
    yield Finding(
        first.id,
        f"Peta Rencana belum memuat {len(missing)} dari 7 muatan: {names}",
        f"the roadmap lacks {len(missing)} of the 7 muatan: {names}",
        ("id",),
        hint="tambahkan paling sedikit satu butir untuk setiap muatan (indikator 12 level 3)",
        hint_en="add at least one item for every muatan (indicator 12 level 3)",
    )
