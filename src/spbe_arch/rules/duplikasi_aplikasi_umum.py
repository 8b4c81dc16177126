"""SPBE-APL-004."""

from __future__ import annotations

from collections.abc import Iterator

from spbe_arch.aplikasi_umum import AplikasiNasional, load_aplikasi_umum
from spbe_arch.model.aplikasi import Aplikasi, AsalAplikasi
from spbe_arch.rules.common import milik_bumd
from spbe_arch.rules.engine import Context, Finding, rule

_FIELDS = ("nama", "fungsi", "uraian")


@rule("SPBE-APL-004", "duplikasi-aplikasi-umum", "warning", hanya_berjalan=True)
def duplikasi_aplikasi_umum(ctx: Context) -> Iterator[Finding]:
    """Aplikasi buatan Pemda menduplikasi fungsi sebuah Aplikasi Umum: kandidat migrasi.

    **Yang diperiksa.** Aplikasi dengan `asal: pemda` (bawaan) yang `nama`, `fungsi` atau
    `uraian`-nya memuat kata kunci bidang sebuah Aplikasi Umum untuk Pemda: kearsipan dinamis
    (SRIKANDI), pengaduan pelayanan publik (SP4N-LAPOR!), pengadaan barang/jasa (SPSE),
    kepegawaian (SIASN), perencanaan dan penganggaran daerah (SIPD), kinerja pegawai
    (e-Kinerja BKN), akuntabilitas kinerja (e-SAKIP). Kata dicocokkan utuh tanpa membedakan
    huruf besar (`asn` tidak cocok di dalam `pasien`). Kata kunci kuat (`naskah dinas`,
    `pengaduan masyarakat`) cukup sendiri; kata kunci lemah (`pengaduan`, `keluhan`, `arsip`)
    hanya dihitung bila kata konteksnya juga tertulis (`masyarakat`, `pelayanan publik`;
    `surat`, `dinamis`), dan kata pengecualian (`gangguan jaringan`, `pelanggan`, `internal`)
    membatalkan kecocokan: portal data, tiket gangguan jaringan internal atau pengaduan
    pelanggan BUMD bukan duplikasi SP4N-LAPOR!. Pesan menyebut buktinya: kata kunci, kata
    konteks dan kolomnya. Aplikasi yang seluruh pemiliknya BUMD tidak diperiksa (kewajiban
    memakai Aplikasi Umum berlaku bagi Instansi Pusat dan Pemda, Perpres 95/2018;
    BUMD badan usaha tersendiri, PP 54/2017). Aplikasi yang namanya sendiri adalah nama
    aplikasi nasional (mis. "SRIKANDI" dengan `asal` bawaan) dilaporkan sebagai pencatatan asal
    yang keliru, bukan duplikasi. Aplikasi tidak aktif tidak diperiksa. Daftar dan kata kuncinya
    ada di `spbe_arch/data/aplikasi_umum.yaml`.

    **Mengapa.** Perpres 95/2018: Aplikasi Umum yang ditetapkan Menteri PANRB wajib digunakan
    Instansi Pusat dan Pemda, sehingga Pemda tidak membangun aplikasi sejenis. SE Menteri PANRB
    18/2022 menuntut keterpaduan layanan digital melalui Arsitektur SPBE; Perpres 82/2023 dan
    arahan Presiden (Januari 2024) melarang aplikasi baru dan meminta instansi mengadopsi
    aplikasi umum (Perpres 95/2018; SE Menteri PANRB 18/2022). Penetapan SRIKANDI (Kepmen PANRB
    679/2020) dan SP4N-LAPOR! terverifikasi [V]; SPSE, SIASN dan SIPD dilaporkan sumber sekunder
    [S]; e-Kinerja BKN dan e-SAKIP masih dugaan [I], dan kata kuncinya sendiri adalah dugaan [I],
    karena itu aturan ini hanya peringatan. Bila aplikasi bukan duplikasi, abaikan dengan
    alasan (`abaikan`).

    **Contoh gagal:**

    ```yaml
    aplikasi:
      - id: DAA-01
        nama: Sistem Informasi Persuratan  # <- di sini
        fungsi: Pencatatan surat masuk dan surat keluar
        referensi: RAA.02.02
    ```

    **Contoh lulus:**

    ```yaml
    aplikasi:
      - id: DAA-01
        nama: SRIKANDI
        asal: aplikasi_umum
        aplikasi_nasional: SRIKANDI
        fungsi: Pencatatan surat masuk dan surat keluar
        referensi: RAA.01.02
      - id: DAA-02
        nama: Sistem Informasi Puskesmas
        fungsi: Rekam medis pasien puskesmas
        referensi: RAA.02.02
    ```
    """
    daftar = load_aplikasi_umum()
    model = ctx.model
    for element in ctx.elements("aplikasi"):
        if not isinstance(element, Aplikasi) or element.asal is not AsalAplikasi.PEMDA:
            continue
        if milik_bumd(model, element):
            continue
        itself = daftar.find(element.nama)
        if itself is not None and itself.untuk_pemda:
            benar = "aplikasi_umum" if itself.jenis == "umum" else "sektor_kl"
            yield Finding(
                element.id,
                f"'{element.nama}' adalah nama {itself.label} {itself.nama} ({itself.pemilik}), "
                "tetapi dicatat sebagai aplikasi buatan Pemda (asal: pemda, bawaan)",
                f"'{element.nama}' is the name of the {itself.label_en} {itself.nama} "
                f"({itself.pemilik}), but it is recorded as built by the Pemda (asal: pemda, "
                "the default)",
                ("nama",),
                hint=f"tulis `asal: {benar}` dan `aplikasi_nasional: {itself.nama}`",
                hint_en=f"write `asal: {benar}` and `aplikasi_nasional: {itself.nama}`",
            )
            continue
        found: dict[str, tuple[AplikasiNasional, str, str | None, str]] = {}
        first_field: str | None = None
        for name in _FIELDS:
            text = getattr(element, name, None)
            if not isinstance(text, str) or not text.strip():
                continue
            for entry, keyword, context in daftar.match_evidence(text):
                if not entry.untuk_pemda or entry.nama in found:
                    continue
                found[entry.nama] = (entry, keyword, context, name)
                first_field = first_field or name
        if first_field is None:
            continue
        matches = list(found.values())
        yield Finding(
            element.id,
            f"aplikasi '{element.nama}' dibangun Pemda dan fungsinya sama dengan "
            + "; ".join(
                f"{e.label} {e.nama} ({e.pemilik}; bukti: {_bukti(k, c, f)})"
                for e, k, c, f in matches
            )
            + "; kandidat migrasi ke aplikasi nasional",
            f"application '{element.nama}' is built by the Pemda and duplicates "
            + "; ".join(
                f"{e.label_en} {e.nama} ({e.pemilik}; evidence: {_evidence(k, c, f)})"
                for e, k, c, f in matches
            )
            + "; a candidate for migration to the national application",
            (first_field,),
            hint=f"bila aplikasi nasional ini yang dipakai, tulis `asal: aplikasi_umum` dan "
            f"`aplikasi_nasional: {matches[0][0].nama}`; bila bukan duplikasi, tambahkan "
            f"`abaikan` dengan alasan",
            hint_en=f"if the national application is what is used, write `asal: aplikasi_umum` "
            f"and `aplikasi_nasional: {matches[0][0].nama}`; if it is no duplicate, add "
            f"`abaikan` with a reason",
        )


def _bukti(keyword: str, context: str | None, field: str) -> str:
    if context is None:
        return f"kata kunci '{keyword}' di '{field}'"
    return f"'{keyword}' bersama '{context}' di '{field}'"


def _evidence(keyword: str, context: str | None, field: str) -> str:
    if context is None:
        return f"keyword '{keyword}' in '{field}'"
    return f"'{keyword}' with '{context}' in '{field}'"
