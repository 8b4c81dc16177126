"""SPBE-REF-001."""

from __future__ import annotations

from collections.abc import Iterator

from spbe_arch.model.base import SELURUH_PEMDA
from spbe_arch.rules.common import closest_id, kinds_text
from spbe_arch.rules.engine import Context, Finding, rule


@rule("SPBE-REF-001", "id-tidak-ada", "error")
def id_tidak_ada(ctx: Context) -> Iterator[Finding]:
    """Relasi menunjuk id yang tidak ada di repositori model.

    **Yang diperiksa.** Setiap kolom relasi (lihat tabel relasi di `docs/model.md`: `data`,
    `layanan`, `infrastruktur`, `melindungi` …) hanya boleh berisi id elemen, OPD atau unit kerja
    yang didefinisikan di salah satu berkas repositori. Pesan menyebut id terdekat yang ada.
    Pemilik (`opd`) diperiksa oleh SPBE-OPD-001. Id yang tertulis di repositori tetapi elemennya
    gagal dimuat (masalahnya sudah dilaporkan) tidak dilaporkan lagi di sini.

    **Mengapa.** Relasi yang putus membuat graf arsitektur keliru: analisis dampak, diagram dan
    pemeriksaan kelengkapan tidak lagi dapat dipercaya. Keterpaduan antardomain adalah inti
    Arsitektur SPBE (Perpres 95/2018 Pasal 1; Perpres 132/2022).

    **Contoh gagal:**

    ```yaml
    aplikasi:
      - id: DAA-01
        nama: Sistem Informasi Puskesmas
        layanan: [DAL-99]  # <- di sini
    ```

    **Contoh lulus:**

    ```yaml
    layanan:
      - id: DAL-01
        nama: Pelayanan Puskesmas
    aplikasi:
      - id: DAA-01
        nama: Sistem Informasi Puskesmas
        layanan: [DAL-01]
    ```
    """
    for item in ctx.graph.dangling:
        if item.found_kind is not None or item.relasi.field == "opd":
            continue
        if item.target in ctx.model.unloaded:
            continue  # declared, but its element failed to load: that problem is reported
        if item.target == SELURUH_PEMDA and "opd" in item.relasi.target:
            continue  # `pengguna: pemda`: the whole Pemda
        close = closest_id(ctx.model, item.target, item.relasi.target)
        yield Finding(
            item.source,
            f"'{item.relasi.field}' menunjuk '{item.target}' yang tidak ada"
            + (f"; maksud Anda '{close}'?" if close else ""),
            f"'{item.relasi.field}' refers to '{item.target}', which does not exist"
            + (f"; did you mean '{close}'?" if close else ""),
            item.path,
            hint=f"id yang diizinkan berjenis: {kinds_text(item.relasi.target)}",
            hint_en=f"allowed kinds: {kinds_text(item.relasi.target)}",
        )
