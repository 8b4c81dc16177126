"""SPBE-LAY-001."""

from __future__ import annotations

from collections.abc import Iterator

from spbe_arch.rules.common import empty
from spbe_arch.rules.engine import Context, Finding, rule

WAJIB: tuple[str, ...] = ("tujuan", "target_layanan", "metode_layanan")
"""Fields the analyst template of Domain Layanan requires (SIA-SPBE)."""


@rule("SPBE-LAY-001", "layanan-tidak-lengkap", "warning")
def layanan_tidak_lengkap(ctx: Context) -> Iterator[Finding]:
    """Layanan tanpa tujuan, target layanan atau metode layanan.

    **Yang diperiksa.** Setiap `layanan` mengisi `tujuan`, `target_layanan` (masyarakat,
    pelaku_usaha, asn_pegawai, pemerintah) dan `metode_layanan` (elektronik, hybrid,
    tatap_muka). Satu temuan per layanan, pada `id`-nya, menyebut semua kolom yang kosong.

    **Mengapa.** Ketiga kolom wajib di templat analis Domain Layanan (SIA-SPBE,
    Metadata Layanan); tanpa target dan metode, layanan tidak dapat dipetakan ke G2C/G2B/G2E/G2G
    dan tidak diketahui apakah sudah terdigitalisasi.

    **Contoh gagal:**

    ```yaml
    layanan:
      - id: DAL-01  # <- di sini
        nama: Pelayanan Puskesmas
        tujuan: Memberikan pelayanan kesehatan dasar
    ```

    **Contoh lulus:**

    ```yaml
    layanan:
      - id: DAL-01
        nama: Pelayanan Puskesmas
        tujuan: Memberikan pelayanan kesehatan dasar
        target_layanan: [masyarakat]
        metode_layanan: hybrid
    ```
    """
    for element in ctx.elements("layanan"):
        missing = [name for name in WAJIB if empty(getattr(element, name, None))]
        if not missing:
            continue
        fields = ", ".join(missing)
        yield Finding(
            element.id,
            f"layanan '{element.id}' belum mengisi {fields}",
            f"service '{element.id}' lacks {fields}",
            ("id",),
            hint="isi " + ", ".join(f"`{name}`" for name in missing),
            hint_en="fill " + ", ".join(f"`{name}`" for name in missing),
        )
