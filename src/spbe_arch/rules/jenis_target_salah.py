"""SPBE-REF-002."""

from __future__ import annotations

from collections.abc import Iterator

from spbe_arch.rules.common import closest_id, kinds_text
from spbe_arch.rules.engine import Context, Finding, rule


@rule("SPBE-REF-002", "jenis-target-salah", "error")
def jenis_target_salah(ctx: Context) -> Iterator[Finding]:
    """Relasi menunjuk elemen yang ada, tetapi berjenis salah untuk kolom itu.

    **Yang diperiksa.** Id pada kolom relasi harus berjenis yang diizinkan tabel relasi, mis.
    `aplikasi.infrastruktur` hanya ke `server` atau `komputasi_awan`, `data.proses_bisnis` hanya
    ke `proses_bisnis`. Pesan menyebut jenis yang diizinkan dan id terdekat yang berjenis benar.

    **Mengapa.** Relasi berjenis salah (mis. aplikasi "berjalan di" sebuah layanan) membuat
    pemeriksaan kelengkapan lulus padahal hubungan yang sebenarnya tidak ada.

    **Contoh gagal:**

    ```yaml
    layanan:
      - id: DAL-01
        nama: Pelayanan Akta Kelahiran
    aplikasi:
      - id: DAA-01
        nama: SIAK
        infrastruktur: [DAL-01]  # <- di sini
    ```

    **Contoh lulus:**

    ```yaml
    infrastruktur:
      - id: DAI-01
        jenis: server
        nama: Server Aplikasi
    aplikasi:
      - id: DAA-01
        nama: SIAK
        infrastruktur: [DAI-01]
    ```
    """
    for item in ctx.graph.dangling:
        if item.found_kind is None or item.relasi.field == "opd":
            continue
        close = closest_id(ctx.model, item.target, item.relasi.target)
        allowed = kinds_text(item.relasi.target)
        yield Finding(
            item.source,
            f"'{item.relasi.field}' menunjuk '{item.target}' berjenis {item.found_kind}; "
            f"yang diizinkan: {allowed}" + (f"; maksud Anda '{close}'?" if close else ""),
            f"'{item.relasi.field}' refers to '{item.target}' of kind {item.found_kind}; "
            f"allowed: {allowed}" + (f"; did you mean '{close}'?" if close else ""),
            item.path,
        )
