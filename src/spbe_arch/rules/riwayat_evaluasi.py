"""SPBE-EVA-001."""

from __future__ import annotations

from collections.abc import Iterator

from spbe_arch.evaluasi.rezim import RezimError, load_rezim, normalise, rezim_pada_tahun
from spbe_arch.rules.engine import Context, Finding, rule


@rule("SPBE-EVA-001", "riwayat-evaluasi-tidak-konsisten", "warning")
def riwayat_evaluasi_tidak_konsisten(ctx: Context) -> Iterator[Finding]:
    """Riwayat evaluasi SPBE yang tidak konsisten dengan rezim evaluasinya.

    **Yang diperiksa.** Setiap butir `riwayat_evaluasi` di `spbe.yaml`: tahun tidak ganda;
    `rezim`, bila ditulis, adalah `5/2018`, `59/2020` atau `8/2026` dan berlaku pada tahun itu
    (5/2018: 2018–2020; 59/2020: 2020–2026; 8/2026: sejak 2026); `predikat`, bila ditulis, sama
    dengan predikat yang diberikan tabel rezim itu untuk indeksnya (mis. 2,85 pada 59/2020 adalah
    "Baik"). Pada tahun peralihan (2020, 2026) tanpa `rezim`, predikat tidak dibandingkan.

    **Mengapa.** Hasil evaluasi diumumkan per tahun dengan Keputusan Menteri PANRB menurut rezim
    yang berlaku (Permenpan RB 5/2018, 59/2020, 8/2026); riwayat yang tidak cocok dengan tabel
    rezimnya biasanya salah salin. Ambang predikat paket ini bersumber sekunder, karena itu
    temuan ini peringatan.

    **Contoh gagal:**

    ```yaml
    # berkas: spbe.yaml
    spbe_arch: 1
    pemda: {nama: Kota Contoh, jenis: kota}
    periode: {mulai: 2025, selesai: 2029}
    katalog: "2022.1"
    riwayat_evaluasi:
      - tahun: 2023
        indeks: 2.85
        predikat: Sangat Baik  # <- di sini
      - tahun: 2021
        indeks: 2.4
        rezim: 8/2026  # <- di sini
    ```

    **Contoh lulus:**

    ```yaml
    # berkas: spbe.yaml
    spbe_arch: 1
    pemda: {nama: Kota Contoh, jenis: kota}
    periode: {mulai: 2025, selesai: 2029}
    katalog: "2022.1"
    riwayat_evaluasi:
      - {tahun: 2023, indeks: 2.85, predikat: Baik}
      - {tahun: 2021, indeks: 2.4, rezim: 59/2020}
    ```
    """
    model = ctx.model
    konf = model.konfigurasi
    if konf is None:
        return
    seen: set[int] = set()
    for index, item in enumerate(konf.riwayat_evaluasi):

        def at(key: str, index: int = index) -> tuple[str, int, int]:
            pos = (
                model.config_pos.find(("riwayat_evaluasi", index, key))
                if model.config_pos
                else None
            )
            return model.config_file, pos.line if pos else 1, pos.column if pos else 1

        if item.tahun in seen:
            yield Finding(
                None,
                f"riwayat evaluasi tahun {item.tahun} ditulis lebih dari sekali",
                f"the evaluation result of {item.tahun} is written more than once",
                at=at("tahun"),
            )
        seen.add(item.tahun)
        in_force = rezim_pada_tahun(item.tahun)
        kode: str | None
        if item.rezim is not None:
            try:
                kode = normalise(item.rezim)
            except RezimError:
                yield Finding(
                    None,
                    f"rezim '{item.rezim}' tidak dikenal; tulis 5/2018, 59/2020 atau 8/2026",
                    f"unknown regime '{item.rezim}'; write 5/2018, 59/2020 or 8/2026",
                    at=at("rezim"),
                )
                continue
            if kode not in in_force:
                yield Finding(
                    None,
                    f"Permenpan RB {kode} tidak berlaku pada {item.tahun} (berlaku: "
                    f"{', '.join(in_force) or 'tidak ada'})",
                    f"Permenpan RB {kode} was not in force in {item.tahun} (in force: "
                    f"{', '.join(in_force) or 'none'})",
                    at=at("rezim"),
                )
                continue
        else:
            kode = in_force[0] if len(in_force) == 1 else None
        if kode is None or item.predikat is None:
            continue
        expected = load_rezim(kode).predikat_of(item.indeks).nama
        if item.predikat.strip().casefold() != expected.casefold():
            yield Finding(
                None,
                f"indeks {item.indeks:.2f} pada Permenpan RB {kode} berpredikat '{expected}', "
                f"bukan '{item.predikat}'",
                f"an index of {item.indeks:.2f} under Permenpan RB {kode} earns '{expected}', "
                f"not '{item.predikat}'",
                at=at("predikat"),
                hint="periksa angka indeks dan predikat pada Keputusan Menteri PANRB tahun itu",
                hint_en="check the index and predicate in that year's decree of the Minister",
            )
