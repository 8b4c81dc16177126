"""SPBE-KAT-007."""

from __future__ import annotations

import functools
from collections.abc import Iterator

from spbe_arch.model.layanan import Layanan
from spbe_arch.referensi import level_of, normalize_kode
from spbe_arch.rules.engine import Context, Finding, rule

_normalized = functools.lru_cache(maxsize=1024)(normalize_kode)
"""``normalize_kode``, remembered: layanan of one Pemda name the same few urusan (the result is
an immutable value, so sharing it is safe)."""


@rule("SPBE-KAT-007", "urusan-bukan-rab-level-2", "error")
def urusan_bukan_rab(ctx: Context) -> Iterator[Finding]:
    """Urusan pemerintahan layanan bukan kode RAB Level 2 yang ada.

    **Yang diperiksa.** Kolom `urusan` pada layanan berisi urusan pemerintahan sebagai kode RAB
    Level 2 (mis. `RAB.04.01` Kesehatan) yang ada di katalog.

    **Mengapa.** Templat analis Domain Layanan mengisi urusan dengan RAB Level 2
    (templat analis Domain Layanan SIA-SPBE; Perpres 132/2022, Lampiran: Referensi
    Arsitektur Proses Bisnis).

    **Contoh gagal:**

    ```yaml
    layanan:
      - id: DAL-01
        nama: Pelayanan Puskesmas
        urusan: RAB.04.01.04  # <- di sini
    ```

    **Contoh lulus:**

    ```yaml
    layanan:
      - id: DAL-01
        nama: Pelayanan Puskesmas
        urusan: RAB.04.01
    ```
    """
    katalog = ctx.katalog
    for element in ctx.elements("layanan"):
        assert isinstance(element, Layanan)
        if not element.urusan:
            continue
        hasil = _normalized(element.urusan, "RAB")
        code = hasil.kode
        if code is None:
            reason, reason_en = hasil.alasan or "", hasil.alasan_en or ""
        elif level_of(code) != 2:
            reason = f"'{code}' adalah Level {level_of(code)}, bukan Level 2"
            reason_en = f"'{code}' is level {level_of(code)}, not level 2"
        elif katalog is not None and code not in katalog:
            reason = f"'{code}' tidak ada di katalog RAB versi {katalog.versi}"
            reason_en = f"'{code}' does not exist in RAB version {katalog.versi}"
        else:
            continue
        yield Finding(
            element.id,
            f"urusan harus kode RAB Level 2: {reason}",
            f"urusan must be a RAB level-2 code: {reason_en}",
            ("urusan",),
        )
