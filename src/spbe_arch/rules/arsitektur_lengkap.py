"""SPBE-ARS-001 and SPBE-ARS-002."""

from __future__ import annotations

from collections.abc import Iterator

from spbe_arch.model.kinds import DOMAIN_KATALOG, DOMAINS
from spbe_arch.rules.engine import REGISTRY, Context, Finding, rule

DOMAIN_NAMES: dict[str, str] = {
    "proses_bisnis": "Proses Bisnis",
    "data": "Data dan Informasi",
    "layanan": "Layanan SPBE",
    "aplikasi": "Aplikasi SPBE",
    "infrastruktur": "Infrastruktur SPBE",
    "keamanan": "Keamanan SPBE",
}


@rule("SPBE-ARS-001", "domain-kosong", "warning")
def domain_kosong(ctx: Context) -> Iterator[Finding]:
    """Salah satu dari enam domain arsitektur tidak memiliki elemen.

    **Yang diperiksa.** Arsitektur SPBE Pemda memuat keenam domain: proses bisnis, data dan
    informasi, layanan, aplikasi, infrastruktur, keamanan. Setiap domain yang kosong dilaporkan
    pada kunci `pemda` di `spbe.yaml`.

    Aturan per elemen yang bergantung pada domain itu (mis. SPBE-KEA-001 "tidak dicakup program
    keamanan" saat domain keamanan kosong) tidak dijalankan: temuan ini menyebutnya sekali,
    bukan sekali per elemen.

    **Mengapa.** Indikator 11 (Arsitektur SPBE) Permenpan RB 59/2020 level 3 menuntut dokumen yang
    mencakup seluruh referensi dan domain arsitektur.

    **Contoh gagal:**

    ```yaml
    # berkas: spbe.yaml
    spbe_arch: 1
    pemda: {nama: Kabupaten Contoh, jenis: kabupaten}  # <- di sini
    periode: {mulai: 2025, selesai: 2029}
    katalog: "2022.1"
    ```

    **Contoh lulus:**

    ```yaml
    proses_bisnis:
      - {id: DAB-01, nama: Pelayanan Kesehatan, referensi: RAB.04.01.04}
    data:
      - id: DAD-01
        nama: Data Kunjungan Pasien
        uraian: Rekap kunjungan pasien puskesmas
        tujuan: Perencanaan layanan kesehatan
        sifat: terbatas
        jenis: statistik
        validitas: bulanan
        interoperabilitas: ya
        walidata: DINKES
        referensi: RAD.04.01.04
    layanan:
      - {id: DAL-01, nama: Pelayanan Puskesmas, referensi: RAL.01.25.04}
    aplikasi:
      - {id: DAA-01, nama: SIMPUS, referensi: RAA.02.02}
    infrastruktur:
      - {id: DAI-01, jenis: server, nama: Server Aplikasi, referensi: RAI.03.01.01}
    keamanan:
      - {id: DAK-01, jenis: audit_keamanan, nama: Audit SIMPUS, referensi: RAK.02.02}
    ```
    """
    model = ctx.model
    pos = model.config_pos.find(("pemda",), key=True) if model.config_pos is not None else None
    line, column = (pos.line, pos.column) if pos is not None else (1, 1)
    for domain in DOMAINS:
        if not model.of_domain(domain):
            quiet = sorted(c for c, r in REGISTRY.items() if r.domain_wajib == domain)
            yield Finding(
                None,
                f"domain {DOMAIN_NAMES[domain]} belum memiliki elemen ({DOMAIN_KATALOG[domain]})"
                + (f"; temuan per elemen {', '.join(quiet)} tidak diulang" if quiet else ""),
                f"domain {DOMAIN_NAMES[domain]} has no element ({DOMAIN_KATALOG[domain]})"
                + (f"; per-element findings {', '.join(quiet)} are not repeated" if quiet else ""),
                at=(model.config_file, line, column),
            )


@rule("SPBE-ARS-002", "elemen-tanpa-referensi", "warning", hanya_berjalan=True)
def elemen_tanpa_referensi(ctx: Context) -> Iterator[Finding]:
    """Elemen arsitektur belum diklasifikasikan dengan kode referensi.

    **Yang diperiksa.** Setiap elemen keenam domain mengisi `referensi` dengan kode katalog
    domainnya (RAB, RAD, RAL, RAA, RAI, RAK). Butir Peta Rencana tidak diklasifikasikan. Elemen
    yang sudah tidak aktif atau pensiun tidak diminta mengklasifikasikan.

    **Mengapa.** Indikator 11 level 3 menuntut arsitektur yang mencakup seluruh referensi; elemen
    tanpa klasifikasi tidak tampak pada peta cakupan referensi nasional.

    **Contoh gagal:**

    ```yaml
    aplikasi:
      - id: DAA-01  # <- di sini
        nama: SIMPUS
    ```

    **Contoh lulus:**

    ```yaml
    aplikasi:
      - id: DAA-01
        nama: SIMPUS
        referensi: RAA.02.02
    ```
    """
    for element in ctx.model:
        if element.KATALOG is not None and not element.referensi:
            yield Finding(
                element.id,
                f"{element.KIND} '{element.id}' belum memiliki kode referensi {element.KATALOG}",
                f"{element.KIND} '{element.id}' has no {element.KATALOG} reference code",
                ("id",),
            )
