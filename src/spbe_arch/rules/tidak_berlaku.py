"""SPBE-KAT-005."""

from __future__ import annotations

from collections.abc import Iterator

from spbe_arch.rules.engine import Context, Finding, rule


@rule("SPBE-KAT-005", "kode-tidak-berlaku", "error")
def tidak_berlaku(ctx: Context) -> Iterator[Finding]:
    """Kode referensi atau versi katalog tidak berlaku untuk periode arsitektur.

    **Yang diperiksa.** Versi katalog yang disematkan di `spbe.yaml` harus berstatus `berlaku`,
    dan setiap simpul yang dipakai elemen tidak boleh berstatus `tidak_berlaku` pada versi itu
    (pesan menyebut penggantinya bila katalog mencatatnya).

    **Mengapa.** Referensi Arsitektur diberi versi per periode arsitektur; simpul yang dicabut
    tidak lagi sah sebagai klasifikasi (Perpres 132/2022, Lampiran: Referensi Arsitektur).

    **Contoh gagal:**

    ```yaml
    # berkas: spbe.yaml
    spbe_arch: 1
    pemda: {nama: Kabupaten Contoh, jenis: kabupaten}
    periode: {mulai: 2025, selesai: 2029}
    katalog: "2022.1"
    ```

    Katalog bawaan versi 2022.1 masih berlaku, sehingga contoh di atas lulus; aturan ini baru
    menemukan masalah setelah versi katalog yang mencabut simpul terbit (diuji dengan katalog
    buatan di `tests/test_rules_engine.py`).

    **Contoh lulus:**

    ```yaml
    proses_bisnis:
      - id: DAB-01
        nama: Pelayanan Kesehatan
        referensi: RAB.04.01.04
    ```
    """
    katalog = ctx.katalog
    if katalog is None:
        return
    model = ctx.model
    if katalog.status != "berlaku" and model.config_pos is not None:
        node = model.config_pos.find(("katalog",))
        yield Finding(
            None,
            f"versi katalog {katalog.versi} berstatus '{katalog.status}'; pakai versi yang berlaku",
            f"catalogue version {katalog.versi} is '{katalog.status}'; use a version in force",
            at=(model.config_file, node.line, node.column),
        )
    for element in model:
        code = element.referensi
        simpul = katalog.get(code) if code else None
        if simpul is None or simpul.berlaku:
            continue
        ganti = f"; penggantinya {simpul.diganti_oleh}" if simpul.diganti_oleh else ""
        ganti_en = f"; replaced by {simpul.diganti_oleh}" if simpul.diganti_oleh else ""
        yield Finding(
            element.id,
            f"kode '{code}' tidak berlaku di katalog versi {katalog.versi}{ganti}",
            f"code '{code}' is not in force in catalogue version {katalog.versi}{ganti_en}",
            ("referensi",),
        )
