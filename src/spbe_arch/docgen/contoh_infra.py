"""YAML examples of the infrastructure and security kinds (see :mod:`spbe_arch.docgen.contoh`)."""

from __future__ import annotations

CONTOH_INFRASTRUKTUR: dict[str, str] = {
    "komputasi_awan": """\
infrastruktur:
  - id: CLD-PDN
    jenis: komputasi_awan
    nama: Layanan IaaS Pusat Data Nasional
    opd: DISKOMINFO
    referensi: RAI.03.02
    tipe_government_cloud: Pusat Data Nasional
    nama_pemilik: Kementerian Komunikasi dan Digital
    model_layanan: [iaas]
    jangka_waktu_layanan: 2025–2029
""",
    "server": """\
infrastruktur:
  - id: SRV-APP-01
    jenis: server
    nama: Server aplikasi 1
    opd: DISKOMINFO
    referensi: RAI.03.01.01
    bentuk: virtual
    jenis_penggunaan: Server aplikasi web
    kapasitas_memori: 16 GB
    jenis_teknologi_prosesor: x86-64, 8 vCPU
    kapasitas_penyimpanan: 500 GB
    host: SRV-FIS-01
    perangkat_lunak: [OS-UBUNTU, DB-PG]
    jaringan: [JIP-KAB]
""",
    "periferal": """\
infrastruktur:
  - id: PRF-UPS-01
    jenis: periferal
    nama: UPS ruang server
    opd: DISKOMINFO
    tipe_periferal: UPS 10 kVA
    status_kepemilikan: milik sendiri
    fasilitas: DC-KAB
""",
    "media_penyimpanan": """\
infrastruktur:
  - id: NAS-01
    jenis: media_penyimpanan
    nama: NAS cadangan pusat data
    opd: DISKOMINFO
    kapasitas_penyimpanan: 24 TB
    metode_akses: NAS
    fasilitas: DC-KAB
""",
    "perangkat_jaringan": """\
infrastruktur:
  - id: NET-CORE-01
    jenis: perangkat_jaringan
    nama: Core switch pusat data
    opd: DISKOMINFO
    tipe_perangkat: Core switch layer 3
    fasilitas: DC-KAB
    jaringan: [JIP-KAB]
""",
    "perangkat_keamanan": """\
infrastruktur:
  - id: FW-01
    jenis: perangkat_keamanan
    nama: Firewall pusat data
    opd: DISKOMINFO
    referensi: RAI.03.01.04
    tipe_perangkat: Next-generation firewall
    fasilitas: DC-KAB
    jaringan: [JIP-KAB]
""",
    "sistem_operasi": """\
infrastruktur:
  - id: OS-UBUNTU
    jenis: sistem_operasi
    nama: Ubuntu Server 24.04 LTS
    opd: DISKOMINFO
    referensi: RAI.03.01.07.02
    jenis_sistem: linux
    jenis_lisensi: open_source
""",
    "sistem_database": """\
infrastruktur:
  - id: DB-PG
    jenis: sistem_database
    nama: PostgreSQL 16
    opd: DISKOMINFO
    referensi: RAI.03.01.07.01
    jenis_sistem: relational
    jenis_lisensi: open_source
""",
    "sistem_utilitas": """\
infrastruktur:
  - id: UTL-BACKUP
    jenis: sistem_utilitas
    nama: Perangkat lunak pencadangan
    opd: DISKOMINFO
    referensi: RAI.03.01.07.03
    jenis_sistem: pencadangan (backup)
    jenis_lisensi: periodik
    nama_pemilik: Diskominfo
    validitas_lisensi: sampai 31 Desember 2026
""",
    "jaringan_intra": """\
infrastruktur:
  - id: JIP-KAB
    jenis: jaringan_intra
    nama: Jaringan Intra Pemerintah Kabupaten Contoh
    opd: DISKOMINFO
    referensi: RAI.02.01
    jenis_jaringan: MPLS antar-OPD
    tipe_media: serat optik
    bandwidth: 1 Gbps
    terhubung_ke: [JIP-NAS]
""",
    "sistem_penghubung_layanan": """\
infrastruktur:
  - id: SPL-PEMDA
    jenis: sistem_penghubung_layanan
    nama: Sistem Penghubung Layanan Kabupaten Contoh
    opd: DISKOMINFO
    referensi: RAI.02.02
    jenis_sistem_penghubung: SPL Pemda, terhubung ke SPLP
    infrastruktur: [SRV-APP-01]
    jaringan: [JIP-KAB]
""",
    "fasilitas_komputasi": """\
infrastruktur:
  - id: DC-KAB
    jenis: fasilitas_komputasi
    nama: Pusat Data Kabupaten Contoh
    opd: DISKOMINFO
    referensi: RAI.01
    jenis_fasilitas: pusat_data
    lokasi: Gedung Diskominfo lantai 2, Jl. Merdeka No. 1
    kepemilikan: sendiri
    klasifikasi_tier: non_tier
    bandwidth_internet: 500 Mbps
    sistem_pengamanan: Kartu akses, CCTV, pemadam gas
    jaringan: [JIP-KAB]
""",
}
"""One example per infrastructure kind."""

CONTOH_KEAMANAN: dict[str, str] = {
    "standar_prosedur": """\
keamanan:
  - id: SEC-SMKI
    jenis: standar_prosedur
    nama: Perbup tentang Sistem Manajemen Keamanan Informasi SPBE
    opd: DISKOMINFO
    referensi: RAK.01.02
    cakupan_domain: [data, aplikasi, infrastruktur]
    tanggal_mulai_penerapan: 2025-07-01
""",
    "edukasi_kesadaran": """\
keamanan:
  - id: SEC-EDU-2025
    jenis: edukasi_kesadaran
    nama: Sosialisasi keamanan informasi bagi ASN
    opd: DISKOMINFO
    cakupan_domain: [data]
    tanggal_kegiatan: 2025-08-14
""",
    "identifikasi_kerentanan": """\
keamanan:
  - id: SEC-VA-PPID
    jenis: identifikasi_kerentanan
    nama: Vulnerability assessment Portal PPID
    opd: DISKOMINFO
    referensi: RAK.02.02
    melindungi: [APL-PPID]
    tanggal_kegiatan: 2025-05-20
""",
    "peningkatan_keamanan": """\
keamanan:
  - id: SEC-WAF
    jenis: peningkatan_keamanan
    nama: Penerapan web application firewall
    opd: DISKOMINFO
    referensi: RAK.02.03
    melindungi: [SRV-APP-01, APL-PPID]
    nilai_kematangan: 2.5
""",
    "penanganan_insiden": """\
keamanan:
  - id: SEC-CSIRT
    jenis: penanganan_insiden
    nama: Contohkab-CSIRT
    opd: DISKOMINFO
    cakupan_domain: [aplikasi, infrastruktur]
    nilai_kematangan: 2
""",
    "audit_keamanan": """\
keamanan:
  - id: SEC-AUDIT-2025
    jenis: audit_keamanan
    nama: Audit keamanan SPBE 2025
    opd: DISKOMINFO
    jenis_audit: Audit SMKI (ISO/IEC 27001)
    hasil_audit: Tiga temuan minor pada pengelolaan hak akses.
    tindak_lanjut: Reviu hak akses tiap triwulan.
    melindungi: [APL-PPID, DC-KAB]
    tanggal_kegiatan: 2025-10-06
""",
    "kelaikan_keamanan": """\
keamanan:
  - id: SEC-KLK-PPID
    jenis: kelaikan_keamanan
    nama: Pertimbangan kelaikan keamanan Portal PPID
    opd: DISKOMINFO
    referensi: RAK.03.02
    melindungi: [APL-PPID]
    tanggal_kegiatan: 2025-11-03
""",
}
"""One example per security kind."""
