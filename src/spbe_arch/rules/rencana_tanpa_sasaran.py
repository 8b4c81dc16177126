"""SPBE-RMP-002."""

from __future__ import annotations

from collections.abc import Iterator

from spbe_arch.model.peta_rencana import Muatan
from spbe_arch.roadmap.waktu import rencana
from spbe_arch.rules.engine import Context, Finding, rule

TANPA_ELEMEN: frozenset[Muatan] = frozenset(
    {Muatan.TATA_KELOLA, Muatan.MANAJEMEN, Muatan.AUDIT_TIK}
)
"""Muatan whose items may change no architecture element (they must name an indicator)."""


@rule("SPBE-RMP-002", "rencana-tanpa-sasaran", "warning")
def rencana_tanpa_sasaran(ctx: Context) -> Iterator[Finding]:
    """Butir Peta Rencana yang tidak menunjuk elemen arsitektur atau indikator evaluasi.

    **Yang diperiksa.** Butir bermuatan layanan, infrastruktur, aplikasi atau keamanan menyebut
    paling sedikit satu elemen di `elemen_baru`, `elemen_diubah` atau `elemen_dihentikan`. Butir
    bermuatan tata_kelola, manajemen atau audit_tik boleh tidak mengubah elemen (kebijakan,
    SDM, audit), tetapi harus menyebut elemen atau paling sedikit satu `indikator` evaluasi yang
    ditingkatkannya. Temuan ditunjukkan pada `muatan` butir.

    Butir bermuatan layanan, infrastruktur, aplikasi atau keamanan tidak diperiksa selama domain
    itu kosong (SPBE-ARS-001 melaporkannya sekali): belum ada elemen yang dapat disebut.

    **Mengapa.** Butir peta rencana menutup gap as-is → to-be (Perpres 95/2018; indikator
    evaluasi: Permenpan RB 59/2020, Permenpan RB 8/2026). Butir yang tidak menunjuk apa pun tidak
    dapat ditelusuri ke arsitektur maupun ke Indeks SPBE/Pemdi.

    **Contoh gagal:**

    ```yaml
    aplikasi:
      - {id: DAA-01, nama: SIMPUS}
    peta_rencana:
      - id: PR-01
        nama: Pengembangan Aplikasi
        muatan: aplikasi  # <- di sini
        tahun_mulai: 2026
        tahun_selesai: 2027
        indikator: ["59/2020:15"]
      - id: PR-02
        nama: Pelatihan SDM TIK
        muatan: manajemen  # <- di sini
        tahun_mulai: 2026
        tahun_selesai: 2027
    ```

    **Contoh lulus:**

    ```yaml
    aplikasi:
      - {id: DAA-01, nama: SIMPUS}
    peta_rencana:
      - id: PR-01
        nama: Pengembangan SIMPUS
        muatan: aplikasi
        tahun_mulai: 2026
        tahun_selesai: 2027
        elemen_diubah: [DAA-01]
      - id: PR-02
        nama: Pelatihan SDM TIK
        muatan: manajemen
        tahun_mulai: 2026
        tahun_selesai: 2027
        indikator: ["59/2020:25"]
    ```
    """
    for item in rencana(ctx.model):
        if item.elemen_baru or item.elemen_diubah or item.elemen_dihentikan:
            continue
        if item.muatan.value in ctx.domain_kosong:
            continue  # nothing of that domain is recorded yet: SPBE-ARS-001 says so once
        if item.muatan in TANPA_ELEMEN:
            if item.indikator:
                continue
            yield Finding(
                item.id,
                f"butir '{item.id}' (muatan {item.muatan.value}) tidak menyebut elemen maupun "
                "indikator evaluasi",
                f"item '{item.id}' (muatan {item.muatan.value}) names neither an element nor an "
                "evaluation indicator",
                ("muatan",),
                hint="isi `indikator`, mis. `59/2020:25`, atau elemen yang diubah",
                hint_en="fill `indikator`, e.g. `59/2020:25`, or the elements it changes",
            )
            continue
        yield Finding(
            item.id,
            f"butir '{item.id}' (muatan {item.muatan.value}) tidak menyebut elemen arsitektur "
            "yang ditambah, diubah atau dihentikan",
            f"item '{item.id}' (muatan {item.muatan.value}) names no architecture element it "
            "adds, changes or retires",
            ("muatan",),
            hint="isi elemen_baru, elemen_diubah atau elemen_dihentikan",
            hint_en="fill elemen_baru, elemen_diubah or elemen_dihentikan",
        )
