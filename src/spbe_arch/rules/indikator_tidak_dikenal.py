"""SPBE-RMP-008 and SPBE-RMP-012."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from spbe_arch.evaluasi.rezim import REZIM, Rezim, load_rezim
from spbe_arch.model.peta_rencana import RencanaSpbe
from spbe_arch.roadmap.waktu import rencana
from spbe_arch.rules.engine import Context, Finding, rule

_REF = re.compile(r"^(?P<rezim>\d+/\d{4}):(?P<no>\d+)$")


# Remembered: the regimes are package data (load_rezim reads each once), so the answer per text
# never changes, and roadmap items name the same few indicators over and over.
@functools.lru_cache(maxsize=1024)
def indikator_valid(ref: str) -> bool:
    """Whether ``ref`` names an indicator of a regime (``5/2018:20``, ``59/2020:11``)."""
    return _rezim_of(ref) is not None


@functools.lru_cache(maxsize=1024)
def _rezim_of(ref: str) -> Rezim | None:
    match = _REF.match(ref.strip())
    if match is None or match["rezim"] not in REZIM:
        return None
    table = load_rezim(match["rezim"])
    return table if table.cari(int(match["no"])) is not None else None


def _years(item: RencanaSpbe) -> str:
    first, last = item.tahun_mulai, item.tahun_selesai
    return str(first) if first == last else f"{first}–{last}"


def _in_force(table: Rezim) -> str:
    return f"{table.mulai}–{table.selesai}" if table.selesai else f"sejak {table.mulai}"


def _in_force_en(table: Rezim) -> str:
    return f"{table.mulai}–{table.selesai}" if table.selesai else f"since {table.mulai}"


@rule("SPBE-RMP-008", "indikator-tidak-dikenal", "error")
def indikator_tidak_dikenal(ctx: Context) -> Iterator[Finding]:
    """Rujukan indikator evaluasi yang tidak ada, atau belum ada pada tahun butir.

    **Yang diperiksa.** Setiap nilai `indikator` butir Peta Rencana ditulis `REZIM:NOMOR`, dengan
    rezim `5/2018` (Permenpan RB 5/2018, evaluasi 2018–2019, indikator 1–35), `59/2020`
    (Permenpan RB 59/2020, indikator 1–47) atau `8/2026` (Permenpan RB 8/2026, Indeks Pemdi,
    indikator 1–20), nomornya ada di tabel evaluasi paket (`spbe_arch/data/evaluasi_*.yaml`),
    dan rezim itu sudah berlaku paling lambat pada tahun terakhir butir (butir 2019 tidak dapat
    menindaklanjuti indikator 8/2026). Tindak lanjut hasil evaluasi lama yang merujuk rezim saat
    itu (mis. `5/2018:20` pada butir 2019–2020) sah. Temuan ditunjukkan pada nilai yang salah.

    **Mengapa.** Butir peta rencana meningkatkan indikator evaluasi (Permenpan RB
    59/2020, Permenpan RB 8/2026); rujukan yang salah membuat penilaian mandiri dan penelusuran
    ke Indeks SPBE/Pemdi keliru.

    **Contoh gagal:**

    ```yaml
    peta_rencana:
      - id: PR-01
        nama: Penguatan CSIRT
        muatan: keamanan
        tahun_mulai: 2026
        tahun_selesai: 2027
        indikator:
          - "59/2020:22"
          - "59/2020:48"  # <- di sini
          - "8/2020:10"  # <- di sini
      - id: PR-02
        nama: Tindak lanjut evaluasi 2019
        muatan: tata_kelola
        tahun_mulai: 2019
        tahun_selesai: 2019
        indikator: ["5/2018:20", "8/2026:1"]  # <- di sini
    ```

    **Contoh lulus:**

    ```yaml
    peta_rencana:
      - id: PR-01
        nama: Penguatan CSIRT
        muatan: keamanan
        tahun_mulai: 2026
        tahun_selesai: 2027
        indikator: ["59/2020:22", "8/2026:12"]
      - id: PR-02
        nama: Tindak lanjut evaluasi 2019
        muatan: tata_kelola
        tahun_mulai: 2019
        tahun_selesai: 2020
        indikator: ["5/2018:20"]
    ```
    """
    choices = ", ".join(f"{r}:N" for r in REZIM)
    for item in rencana(ctx.model):
        for index, ref in enumerate(item.indikator):
            table = _rezim_of(ref)
            if table is None:
                yield Finding(
                    item.id,
                    f"indikator '{ref}' tidak dikenal; tulis {choices} dengan nomor indikator "
                    "rezim itu",
                    f"unknown indicator '{ref}'; write {choices} with an indicator number of "
                    "that regime",
                    ("indikator", index),
                    hint="lihat `spbe-arch evaluate --format json` atau data evaluasi paket",
                    hint_en="see `spbe-arch evaluate --format json` or the package evaluation data",
                )
            elif table.mulai > item.tahun_selesai:
                yield Finding(
                    item.id,
                    f"indikator '{ref}' belum ada pada tahun butir ({_years(item)}): Permenpan RB "
                    f"{table.kode} berlaku {_in_force(table)}",
                    f"indicator '{ref}' did not exist in the item's years ({_years(item)}): "
                    f"Permenpan RB {table.kode} is in force {_in_force_en(table)}",
                    ("indikator", index),
                    hint="rujuk indikator rezim yang berlaku pada tahun butir",
                    hint_en="cite an indicator of the regime in force in the item's years",
                )


@rule("SPBE-RMP-012", "indikator-rezim-lama", "info")
def indikator_rezim_lama(ctx: Context) -> Iterator[Finding]:
    """Butir yang seluruh tahunnya jatuh setelah rezim indikatornya diganti: saran rujukan baru.

    **Yang diperiksa.** Indikator yang dikenal (SPBE-RMP-008) dari rezim yang sudah tidak berlaku
    pada satu pun tahun butir (mis. `59/2020:11` pada butir 2027–2028, padahal Permenpan RB
    8/2026 berlaku sejak 2026). Catatan ini saran: tindak lanjut evaluasi lama boleh tetap
    merujuk rezim saat itu, tetapi penilaian berikutnya memakai rezim baru.

    **Mengapa.** Penilaian mandiri dan Indeks memakai rezim yang berlaku pada tahun evaluasi;
    butir yang hanya merujuk rezim lama tidak tampak pada penilaian rezim baru.

    **Contoh gagal:**

    ```yaml
    peta_rencana:
      - id: PR-01
        nama: Reviu Arsitektur SPBE
        muatan: tata_kelola
        tahun_mulai: 2027
        tahun_selesai: 2028
        indikator: ["59/2020:11"]  # <- di sini
    ```

    **Contoh lulus:**

    ```yaml
    peta_rencana:
      - id: PR-01
        nama: Reviu Arsitektur SPBE
        muatan: tata_kelola
        tahun_mulai: 2027
        tahun_selesai: 2028
        indikator: ["59/2020:11", "8/2026:1"]
    ```
    """
    for item in rencana(ctx.model):
        tables = [(i, ref, _rezim_of(ref)) for i, ref in enumerate(item.indikator)]
        current = any(
            t is not None and any(t.berlaku_pada(y) for y in item.tahun_berjalan())
            for _, _, t in tables
        )
        if current:
            continue
        for index, ref, table in tables:
            if table is None or table.selesai is None or table.selesai >= item.tahun_mulai:
                continue
            newer = [r for r in REZIM if load_rezim(r).mulai > table.mulai]
            yield Finding(
                item.id,
                f"indikator '{ref}' dari Permenpan RB {table.kode} (berlaku "
                f"{_in_force(table)}); butir berjalan {_years(item)}: tambahkan indikator "
                f"{newer[-1] if newer else 'rezim baru'} yang setara",
                f"indicator '{ref}' is from Permenpan RB {table.kode} (in force "
                f"{_in_force_en(table)}); the item runs {_years(item)}: add the matching "
                f"{newer[-1] if newer else 'newer'} indicator",
                ("indikator", index),
            )
