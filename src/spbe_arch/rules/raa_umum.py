"""SPBE-APL-005 and SPBE-APL-006."""

from __future__ import annotations

from collections.abc import Iterator

from spbe_arch.aplikasi_umum import load_aplikasi_umum
from spbe_arch.model.aplikasi import Aplikasi, AsalAplikasi
from spbe_arch.rules.engine import Context, Finding, rule

_RAA_UMUM = "RAA.01"
_KHUSUS_HINT = "klasifikasikan sebagai Aplikasi Khusus: RAA.02.02 (fungsi tertentu) atau RAA.02.01"
_KHUSUS_HINT_EN = "classify it as an Aplikasi Khusus: RAA.02.02 (specific function) or RAA.02.01"


def _aplikasi(ctx: Context) -> Iterator[Aplikasi]:
    for element in ctx.elements("aplikasi"):
        if isinstance(element, Aplikasi):
            yield element


@rule("SPBE-APL-005", "raa-umum-bukan-nasional", "error")
def raa_umum_bukan_nasional(ctx: Context) -> Iterator[Finding]:
    """Aplikasi berkode RAA.01 (Aplikasi Umum) yang bukan Aplikasi Umum nasional.

    **Yang diperiksa.** Aplikasi yang `referensi`-nya RAA.01 atau di bawahnya (RAA.01.01,
    RAA.01.02) harus Aplikasi Umum nasional yang dipakai Pemda: `asal: aplikasi_umum` dan
    `aplikasi_nasional` berisi nama (atau nama lain) yang ada di daftar Aplikasi Umum
    (`spbe_arch/data/aplikasi_umum.yaml`). Aplikasi buatan Pemda (`asal: pemda`, bawaan) dan
    aplikasi sektor K/L (`asal: sektor_kl`) adalah Aplikasi Khusus (RAA.02).

    **Mengapa.** Aplikasi Umum adalah aplikasi berbagi pakai yang ditetapkan Menteri PANRB dan
    wajib digunakan Instansi Pusat dan Pemda (Perpres 95/2018); aplikasi yang dibangun satu
    instansi untuk kebutuhannya sendiri adalah Aplikasi Khusus, biasanya RAA.02.02, meskipun
    melayani publik (Perpres 132/2022, Lampiran: Referensi Arsitektur Aplikasi). SE Menteri PANRB
    18/2022 dan Perpres 82/2023 menuntut peta aplikasi yang jujur agar aplikasi umum dapat
    diadopsi dan aplikasi sejenis tidak dibangun lagi; klasifikasi RAA.01 yang keliru
    menyembunyikan aplikasi yang seharusnya dimigrasi.

    **Contoh gagal:**

    ```yaml
    aplikasi:
      - id: DAA-01
        nama: Sistem Informasi Puskesmas
        referensi: RAA.01.01  # <- di sini
    ```

    **Contoh lulus:**

    ```yaml
    aplikasi:
      - id: DAA-01
        nama: SP4N-LAPOR!
        asal: aplikasi_umum
        aplikasi_nasional: SP4N-LAPOR!
        referensi: RAA.01.01
      - id: DAA-02
        nama: Sistem Informasi Puskesmas
        referensi: RAA.02.02
    ```
    """
    daftar = load_aplikasi_umum()
    for element in _aplikasi(ctx):
        code = element.referensi or ""
        if code != _RAA_UMUM and not code.startswith(_RAA_UMUM + "."):
            continue
        head = f"aplikasi '{element.nama}' diklasifikasikan {code} (Aplikasi Umum), tetapi"
        head_en = f"application '{element.nama}' is classified {code} (Aplikasi Umum), but"
        nasional = element.aplikasi_nasional
        if element.asal is AsalAplikasi.PEMDA:
            why = "dibangun Pemda (asal: pemda); aplikasi buatan Pemda adalah Aplikasi Khusus"
            why_en = (
                "it is built by the Pemda (asal: pemda); a Pemda-built app is an Aplikasi Khusus"
            )
        elif element.asal is AsalAplikasi.SEKTOR_KL:
            why = "merupakan aplikasi sektor K/L (asal: sektor_kl), yaitu Aplikasi Khusus K/L"
            why_en = (
                "it is a sector application of a ministry (asal: sektor_kl), an Aplikasi Khusus"
            )
        elif not nasional:
            why = "`aplikasi_nasional` tidak diisi"
            why_en = "`aplikasi_nasional` is not given"
        else:
            entry = daftar.find(nasional)
            if entry is not None and entry.jenis == "umum":
                continue
            why = f"'{nasional}' tidak ada di daftar Aplikasi Umum nasional"
            why_en = f"'{nasional}' is not in the list of national Aplikasi Umum"
        yield Finding(
            element.id,
            f"{head} {why}",
            f"{head_en} {why_en}",
            ("referensi",),
            hint=_KHUSUS_HINT
            + "; bila ini Aplikasi Umum, isi `asal: aplikasi_umum` dan `aplikasi_nasional`",
            hint_en=_KHUSUS_HINT_EN
            + "; if it is an Aplikasi Umum, set `asal: aplikasi_umum` and `aplikasi_nasional`",
        )


@rule("SPBE-APL-006", "aplikasi-nasional-tidak-dikenal", "warning")
def aplikasi_nasional_tidak_dikenal(ctx: Context) -> Iterator[Finding]:
    """Aplikasi nasional yang dipakai tidak disebut atau tidak dikenal.

    **Yang diperiksa.** Aplikasi dengan `asal: aplikasi_umum` atau `asal: sektor_kl` menyebut
    `aplikasi_nasional` dengan nama (atau nama lain, tanpa membedakan huruf besar dan tanda
    baca) yang ada di daftar Aplikasi Umum atau daftar aplikasi sektor K/L
    (`spbe_arch/data/aplikasi_umum.yaml`); pesan menyarankan nama terdekat. Bila kolom itu
    kosong, temuan ditunjuk di `asal`. Nama yang dikenal tetapi berada di daftar lain (mis.
    SATUSEHAT dengan `asal: aplikasi_umum`) juga dilaporkan, dengan `asal` yang benar.

    **Mengapa.** Perpres 95/2018 mewajibkan penggunaan Aplikasi Umum; SE Menteri PANRB 18/2022
    dan Perpres 82/2023 menuntut keterpaduan dengan aplikasi nasional, termasuk aplikasi sektor
    K/L yang wajib dipakai Pemda (Dapodik, SATUSEHAT, SIAK Terpusat … [S]). Nama yang salah ketik
    membuat pemetaan aplikasi nasional, pemeriksaan SPBE-APL-005 dan laporan integrasi ke hulu
    keliru. Daftar itu sendiri belum lengkap (SE Menteri PANRB 18/2022 tidak
    memuat daftar resmi yang bertanggal), karena itu aturan ini hanya
    peringatan; aplikasi nasional yang belum terdaftar dapat diabaikan dengan alasan.

    **Contoh gagal:**

    ```yaml
    aplikasi:
      - id: DAA-01
        nama: Srikandi
        asal: aplikasi_umum
        aplikasi_nasional: SRIKANDY  # <- di sini
        referensi: RAA.01.02
    ```

    **Contoh lulus:**

    ```yaml
    aplikasi:
      - id: DAA-01
        nama: Srikandi
        asal: aplikasi_umum
        aplikasi_nasional: SRIKANDI
        referensi: RAA.01.02
      - id: DAA-02
        nama: Dapodik
        asal: sektor_kl
        aplikasi_nasional: Dapodik
        referensi: RAA.02.01
    ```
    """
    daftar = load_aplikasi_umum()
    for element in _aplikasi(ctx):
        if element.asal is AsalAplikasi.PEMDA:
            continue
        asal = element.asal.value
        nasional = element.aplikasi_nasional
        if not nasional:
            yield Finding(
                element.id,
                f"aplikasi '{element.nama}' ber-asal {asal} tetapi `aplikasi_nasional` tidak diisi",
                f"application '{element.nama}' has asal {asal} but no `aplikasi_nasional`",
                ("asal",),
                hint="tulis nama aplikasi nasionalnya, mis. `aplikasi_nasional: SRIKANDI`",
                hint_en="name the national application, e.g. `aplikasi_nasional: SRIKANDI`",
            )
            continue
        entry = daftar.find(nasional)
        if entry is None:
            close = daftar.closest(nasional)
            yield Finding(
                element.id,
                f"aplikasi nasional '{nasional}' tidak dikenal"
                + (f"; maksud Anda '{close.nama}'?" if close else ""),
                f"national application '{nasional}' is unknown"
                + (f"; did you mean '{close.nama}'?" if close else ""),
                ("aplikasi_nasional",),
                hint="lihat daftar di spbe_arch/data/aplikasi_umum.yaml",
                hint_en="see the list in spbe_arch/data/aplikasi_umum.yaml",
            )
            continue
        benar = "aplikasi_umum" if entry.jenis == "umum" else "sektor_kl"
        if benar != asal:
            yield Finding(
                element.id,
                f"'{nasional}' adalah {entry.label} ({entry.pemilik}), bukan {asal}; "
                f"ubah menjadi `asal: {benar}`",
                f"'{nasional}' is a {entry.label_en} ({entry.pemilik}), not {asal}; "
                f"change it to `asal: {benar}`",
                ("aplikasi_nasional",),
            )
