"""YAML examples of the reference, one per element kind; the tests validate every one.

They tell one small story of a fictional Kabupaten Contoh: Diskominfo runs a PPID portal that
serves public-information requests, hosted in the Pemda's data centre.
"""

from __future__ import annotations

from spbe_arch.docgen.contoh_infra import CONTOH_INFRASTRUKTUR, CONTOH_KEAMANAN

KONFIGURASI = """\
spbe_arch: 1
pemda:
  nama: Pemerintah Kabupaten Contoh
  jenis: kabupaten
  kode_wilayah: "33.99"
  provinsi: Jawa Tengah
periode:
  mulai: 2025
  selesai: 2029
rpjmd:
  mulai: 2025
  selesai: 2029
katalog: "2022.1"
penetapan:
  nomor: Peraturan Bupati Contoh Nomor 12 Tahun 2025
  tanggal: 2025-03-17
reviu:
  - tanggal: 2026-02-10
    jenis: insidental
    catatan: Penyesuaian dengan indikator Permenpan RB 8/2026.
dasar_hukum:
  - bagian: proses_bisnis
    nomor: Keputusan Bupati Contoh Nomor 060/231/2025
    judul: Peta Proses Bisnis Pemerintah Kabupaten Contoh
riwayat_evaluasi:
  - {tahun: 2023, indeks: 2.94, predikat: Baik, sumber: Kepmen PANRB 108/2023}
  - {tahun: 2024, indeks: 3.12, predikat: Baik}
pengaturan:
  bahasa: id
  aturan:
    SPBE-APL-003: warning
"""
"""An example ``spbe.yaml``."""

BERKAS = """\
# diskominfo/layanan-informasi.yaml
opd: DISKOMINFO          # pemilik bawaan semua elemen di berkas ini

layanan:
  - id: LAY-IKP-001
    nama: Layanan Permohonan Informasi Publik
    referensi: RAL.01.43.03
    unit_pelaksana: [BID-IKP]

aplikasi:
  - id: APL-PPID
    nama: Portal PPID Kabupaten Contoh
    referensi: RAA.02.02
    layanan: [LAY-IKP-001]
"""
"""An example model file with a top-level ``opd`` and two sections."""

CONTOH: dict[str, str] = {
    "opd": """\
perangkat_daerah:
  - id: DISKOMINFO
    nama: Dinas Komunikasi dan Informatika
    singkatan: Diskominfo
    tipe: dinas
    kode_sipd: 2.16.2.20.2.21.01.0000
    bidang_urusan: [2.16, 2.20, 2.21]
    unit_kerja:
      - id: BID-APTIKA
        nama: Bidang Aplikasi Informatika
        jenis: bidang
      - id: BID-IKP
        nama: Bidang Informasi dan Komunikasi Publik
        jenis: bidang
  - id: KEC-KOTA
    nama: Kecamatan Kota
    tipe: kecamatan
  - id: KEL-PASAR
    nama: Kelurahan Pasar
    tipe: kelurahan
    induk: KEC-KOTA        # kelurahan adalah perangkat kecamatan (PP 17/2018)
""",
    "proses_bisnis": """\
proses_bisnis:
  - id: PB-IKP-001
    nama: Pengelolaan informasi publik
    opd: DISKOMINFO
    referensi: RAB.09.03.03
    unit_kerja: BID-IKP
    bidang_urusan: [2.16]
    sasaran_strategis: Meningkatnya keterbukaan informasi publik
    indikator_kinerja: Indeks Keterbukaan Informasi Publik
    nilai_iku_target: 85
    satuan_iku: indeks
    status: as_is
""",
    "data": """\
data:
  - id: DAT-IKP-001
    nama: Daftar Informasi Publik
    opd: DISKOMINFO
    referensi: RAD.09.03.03
    uraian: Daftar seluruh informasi publik yang dikuasai badan publik Pemda.
    tujuan: Memenuhi kewajiban publikasi menurut UU 14/2008.
    sifat: terbuka
    jenis: lainnya
    validitas: tahunan
    interoperabilitas: ya
    produsen: DISKOMINFO
    walidata: DISKOMINFO
    proses_bisnis: [PB-IKP-001]
    layanan: [LAY-IKP-001]
""",
    "layanan": """\
layanan:
  - id: LAY-IKP-001
    nama: Layanan Permohonan Informasi Publik
    opd: DISKOMINFO
    referensi: RAL.01.43.03
    tujuan: Masyarakat memperoleh informasi publik dengan cepat dan mudah.
    fungsi: Menerima, memproses dan menjawab permohonan informasi.
    target_layanan: [masyarakat, pelaku_usaha]
    metode_layanan: hybrid
    kementerian_lembaga: Komisi Informasi Pusat
    potensi_risiko: Data pribadi pemohon bocor.
    mitigasi: Enkripsi data pemohon dan pembatasan hak akses.
    penanggung_jawab: PPID Utama
    unit_pelaksana: [BID-IKP]
    proses_bisnis: [PB-IKP-001]
    standar_pelayanan:
      persyaratan: [KTP atau identitas badan hukum]
      waktu: 10 hari kerja (UU 14/2008 Pasal 22)
      biaya: Gratis
      maklumat: Maklumat Pelayanan PPID 2025
  - id: LAY-PATEN-001
    nama: Pelayanan Administrasi Terpadu Kecamatan
    opd: [KEC-KOTA, DISKOMINFO]  # dimiliki bersama; `opd: pemda` = seluruh Pemda
    referensi: RAL.01.24
    tujuan: Surat pengantar dan perizinan nonberusaha di kecamatan.
    target_layanan: [masyarakat]
    metode_layanan: tatap_muka
    proses_bisnis: [PB-IKP-001]
""",
    "aplikasi": """\
aplikasi:
  - id: APL-PPID
    nama: Portal PPID Kabupaten Contoh
    opd: DISKOMINFO
    referensi: RAA.02.02
    fungsi: Publikasi informasi dan permohonan informasi daring.
    luaran: Daftar informasi publik, tanda terima dan jawaban permohonan.
    asal: pemda
    basis: [web, mobile]
    lisensi: open_source
    basis_data: PostgreSQL
    bahasa_pemrograman: [PHP]
    kerangka_pengembangan: Laravel
    pengembang: Bidang Aplikasi Informatika
    operator: BID-IKP
    url: https://ppid.contohkab.go.id
    layanan: [LAY-IKP-001]
    proses_bisnis: [PB-IKP-001]
    data: [DAT-IKP-001]
    infrastruktur: [SRV-APP-01]
    sistem_penghubung: [SPL-PEMDA]
    jaringan: [JIP-KAB]
    integrasi:
      - aplikasi: APL-LAPOR
        data: [DAT-IKP-001]
        melalui: SPL-PEMDA
        arah: kirim
      - mitra: SIAK Terpusat (Ditjen Dukcapil)  # mitra di luar model: teks bebas
        arah: terima
    pengguna: pemda        # dipakai seluruh Pemda; atau daftar id OPD
    status_operasional: aktif
    pengadaan:
      nilai: 150000000
      tahun: 2024
      penyedia: swakelola
      sumber_dana: apbd
    status: upgrade
""",
    "rencana": """\
peta_rencana:
  - id: REN-2026-01
    nama: Integrasi Portal PPID dengan SP4N-LAPOR!
    opd: DISKOMINFO
    muatan: aplikasi
    tahun_mulai: 2026
    tahun_selesai: 2027
    target:
      2026: Pertukaran data permohonan diuji coba
      2027: Seluruh permohonan tercatat di SP4N-LAPOR!
    anggaran:
      2026: 150000000
      2027: 75000000
    program: 2.16.03
    kegiatan: 2.16.03.1.02
    sub_kegiatan: [2.16.03.1.02.03]
    status_rencana: belum_mulai
    elemen_diubah: [APL-PPID]
    indikator: ["8/2026:13"]
  - id: REN-2028-01
    nama: Evaluasi Layanan PPID
    opd: DISKOMINFO
    muatan: layanan
    tahun_target: 2028     # hanya tahun target: berjalan pada 2028
    elemen_diubah: [LAY-IKP-001]
""",
    **CONTOH_INFRASTRUKTUR,
    **CONTOH_KEAMANAN,
}
"""One example per kind (``opd``, ``proses_bisnis`` … ``rencana``), as a model-file snippet."""
