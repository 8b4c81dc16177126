"""English text of the JSON Schemas (``spbe-arch schema --lang en``).

The model's field documentation (``Field(description=...)``) is in Bahasa Indonesia, the text
editors show by default; each class's docstring is its English gloss. This module gives the
English of every field description, keyed by the Indonesian text itself: a field inherited by
many classes (``id``, ``opd``, ``tahun_mulai`` …) is translated once, and when an Indonesian
description changes, ``tests/test_schema.py`` fails until its English is updated too. YAML keys
and choice values are domain vocabulary and stay as they are.
"""

from __future__ import annotations

DESKRIPSI_EN: dict[str, str] = {
    # ProsesBisnis.id
    "Kode unik elemen di seluruh repositori model, mis. `DAA-001`.": (
        "Unique code of the element across the whole model repository, e.g. `DAA-001`."
    ),
    # ProsesBisnis.nama
    "Nama elemen.": "Name of the element.",
    # ProsesBisnis.uraian
    "Uraian singkat elemen.": "Short description of the element.",
    # ProsesBisnis.opd
    "Perangkat Daerah pemilik elemen: satu id OPD, daftar id OPD bila dimiliki bersama (mis. "
    "layanan yang diberikan semua kecamatan), atau `pemda` bila milik Pemda secara keseluruhan "
    "(Perpres 95/2018: kepala daerah penanggung jawab SPBE Pemda). Bila kosong, diambil dari "
    "kunci `opd` di puncak berkas.": (
        "Owner OPD (Perangkat Daerah) of the element: one OPD id, a list of OPD ids when shared "
        "(e.g. a service every kecamatan delivers), or `pemda` when it belongs to the Pemda as a "
        "whole (Perpres 95/2018: the regional head is responsible for the Pemda's SPBE). When "
        "empty, taken from the `opd` key at the top of the file."
    ),
    # ProsesBisnis.referensi
    "Kode Referensi Arsitektur SPBE yang mengklasifikasikan elemen (katalog domainnya).": (
        "SPBE Reference Architecture code that classifies the element (its domain's catalogue)."
    ),
    # ProsesBisnis.status
    "Status terhadap arsitektur as-is: as_is, upgrade, baru.": (
        "Status against the as-is architecture: `as_is`, `upgrade`, `baru` (new)."
    ),
    # ProsesBisnis.tahun_mulai
    "Tahun pertama elemen ada. Kosong: sudah ada sebelum periode (elemen `baru` tanpa tahun "
    "mengikuti tahun mulai butir Peta Rencana yang memperkenalkannya).": (
        "First year the element exists. Empty: it existed before the period (a `baru` element "
        "without a year follows the start year of the roadmap item that introduces it)."
    ),
    # ProsesBisnis.tahun_selesai
    "Tahun terakhir elemen ada (mis. 2027: masih ada pada 2027, tidak lagi pada 2028). Kosong: "
    "tetap ada, kecuali dihentikan butir Peta Rencana.": (
        "Last year the element exists (e.g. 2027: still there in 2027, gone in 2028). Empty: it "
        "stays, unless a roadmap item retires it."
    ),
    # ProsesBisnis.kode_lokal
    "Kode yang dipakai Pemda sendiri untuk elemen ini (nomor inventaris, kode aplikasi di daftar "
    "Diskominfo), bila berbeda dari `id`; praktik umum inventaris.": (
        "The Pemda's own code for this element (inventory number, application code in the "
        "Diskominfo list), when it differs from `id`; common inventory practice."
    ),
    # ProsesBisnis.keterangan
    "Catatan bebas.": "Free-text note.",
    # ProsesBisnis.abaikan
    "Aturan yang sengaja diabaikan untuk elemen ini, dengan alasan.": (
        "Rules knowingly suppressed for this element, each with a reason."
    ),
    # ProsesBisnis.induk
    "Proses bisnis induk pada peta proses bisnis (level di atasnya).": (
        "Parent business process on the business process map (the level above)."
    ),
    # ProsesBisnis.unit_kerja
    "Unit kerja pelaksana di dalam OPD pemilik (id unit kerja).": (
        "Work unit that carries it out, inside the owner OPD (work unit id)."
    ),
    # ProsesBisnis.bidang_urusan
    "Kode bidang urusan (Permendagri 90/2019) yang dilayani.": (
        "Codes of the government affairs served (bidang urusan, Permendagri 90/2019)."
    ),
    # ProsesBisnis.sasaran_strategis
    "Sasaran strategis (Peta Strategi) yang didukung.": (
        "Strategic goals (strategy map) supported."
    ),
    # ProsesBisnis.indikator_kinerja
    "Indikator Kinerja Utama (IKU) yang dialokasikan.": (
        "Key performance indicators (IKU) allocated."
    ),
    # ProsesBisnis.nilai_iku_target
    "Nilai IKU target.": "Target value of the IKU.",
    # ProsesBisnis.nilai_iku_realisasi
    "Nilai IKU terealisasi.": "Achieved value of the IKU.",
    # ProsesBisnis.satuan_iku
    "Satuan IKU.": "Unit of the IKU.",
    # Abaikan.aturan
    "Kode aturan yang diabaikan untuk elemen ini, mis. `SPBE-APL-003`.": (
        "Code of the rule suppressed for this element, e.g. `SPBE-APL-003`."
    ),
    # Abaikan.alasan
    "Alasan pengabaian (wajib, agar dapat ditinjau).": (
        "Reason for the suppression (required, so that it can be reviewed)."
    ),
    # DataInformasi.uraian
    "Uraian data (wajib).": "Description of the data (required).",
    # DataInformasi.tujuan
    "Tujuan pengumpulan dan penggunaan data (wajib).": (
        "Purpose of collecting and using the data (required)."
    ),
    # DataInformasi.sifat
    "Sifat data: terbuka, terbatas, tertutup.": (
        "Access class of the data: terbuka (open), terbatas (restricted), tertutup (closed)."
    ),
    # DataInformasi.jenis
    "Jenis data: statistik, geospasial, keuangan, lainnya.": (
        "Kind of data: statistik (statistical), geospasial (geospatial), keuangan (financial), "
        "lainnya (other)."
    ),
    # DataInformasi.validitas
    "Frekuensi pemutakhiran data.": "How often the data is updated.",
    # DataInformasi.interoperabilitas
    "Apakah data dapat dipertukarkan antar-aplikasi (ya/tidak).": (
        "Whether the data can be exchanged between applications (`ya` yes / `tidak` no)."
    ),
    # DataInformasi.produsen
    "Produsen data: id OPD, atau nama instansi di luar Pemda.": (
        "Producer of the data: an OPD id, or the name of a body outside the Pemda."
    ),
    # DataInformasi.walidata
    "OPD walidata / penanggung jawab data (id OPD).": (
        "Data steward OPD (walidata), responsible for the data (OPD id)."
    ),
    # DataInformasi.informasi_input
    "Informasi terkait (masukan).": "Related information (input).",
    # DataInformasi.informasi_output
    "Informasi terkait (keluaran).": "Related information (output).",
    # DataInformasi.proses_bisnis
    "Proses bisnis yang menghasilkan data ini; minimal satu (diperiksa SPBE-DAT-001).": (
        "Business processes that produce this data; at least one (checked by SPBE-DAT-001)."
    ),
    # DataInformasi.layanan
    "Layanan yang menggunakan data ini.": "Services that use this data.",
    # Layanan.tujuan
    "Tujuan layanan; wajib menurut templat analis (diperiksa SPBE-LAY-001).": (
        "Purpose of the service; required by the analyst template (checked by SPBE-LAY-001)."
    ),
    # Layanan.fungsi
    "Fungsi layanan.": "Function of the service.",
    # Layanan.urusan
    "Urusan pemerintahan: kode RAB Level 2, mis. `RAB.04.01`.": (
        "Government affair: an RAB Level 2 code, e.g. `RAB.04.01`."
    ),
    # Layanan.target_layanan
    "Sasaran pengguna: masyarakat, pelaku_usaha, asn_pegawai, pemerintah (wajib; diperiksa "
    "SPBE-LAY-001).": (
        "Target users: masyarakat (citizens), pelaku_usaha (businesses), asn_pegawai (civil "
        "servants), pemerintah (government) (required; checked by SPBE-LAY-001)."
    ),
    # Layanan.metode_layanan
    "Metode layanan: elektronik, hybrid, tatap_muka (wajib; diperiksa SPBE-LAY-001).": (
        "Delivery method: elektronik (electronic), hybrid, tatap_muka (in person) (required; "
        "checked by SPBE-LAY-001)."
    ),
    # Layanan.kementerian_lembaga
    "Kementerian/Lembaga terkait (pembina).": "Related ministry/agency (supervising body).",
    # Layanan.potensi_manfaat
    "Potensi manfaat.": "Potential benefits.",
    # Layanan.potensi_ekonomi
    "Potensi ekonomi.": "Economic potential.",
    # Layanan.potensi_risiko
    "Potensi risiko.": "Potential risks.",
    # Layanan.mitigasi
    "Mitigasi risiko; wajib bila ada potensi risiko (diperiksa SPBE-LAY-002).": (
        "Risk mitigation; required when a potential risk is given (checked by SPBE-LAY-002)."
    ),
    # Layanan.penanggung_jawab
    "Penanggung jawab layanan.": "Person or office responsible for the service.",
    # Layanan.unit_pelaksana
    "OPD atau unit kerja pelaksana (id).": "OPD or work unit that delivers it (id).",
    # Layanan.proses_bisnis
    "Proses bisnis yang direalisasikan oleh layanan ini.": (
        "Business processes this service realises."
    ),
    # Layanan.standar_pelayanan
    "Standar pelayanan: waktu, biaya/tarif, persyaratan, maklumat, tingkat layanan (UU 25/2009 "
    "Pasal 21–22; Permenpan RB 15/2014).": (
        "Service standard: time, cost/fee, requirements, service declaration (maklumat), service "
        "level (UU 25/2009 Articles 21-22; Permenpan RB 15/2014)."
    ),
    # Layanan.status_operasional
    "Status operasional: aktif, tidak_aktif, dalam_pengembangan, pensiun (praktik umum inventaris"
    " aplikasi Pemda). Kosong berarti aktif. Elemen yang tidak aktif dikecualikan dari aturan "
    "tentang sistem yang berjalan (audit, infrastruktur, program keamanan).": (
        "Operational status: aktif (running), tidak_aktif (inactive), dalam_pengembangan (in "
        "development), pensiun (retired) (common practice of Pemda application inventories). "
        "Empty means running. Elements not running are left out of the rules about running "
        "systems (audit, infrastructure, security programme)."
    ),
    # Layanan.tahun_status
    "Tahun status operasional mulai berlaku, mis. tahun aplikasi dinonaktifkan atau mulai "
    "dikembangkan.": (
        "Year the operational status took effect, e.g. the year an application was switched off "
        "or its development started."
    ),
    # StandarPelayanan.dasar_hukum
    "Dasar hukum layanan.": "Legal basis of the service.",
    # StandarPelayanan.persyaratan
    "Persyaratan pelayanan, satu butir per syarat.": (
        "Requirements for the service, one item per requirement."
    ),
    # StandarPelayanan.prosedur
    "Sistem, mekanisme dan prosedur pelayanan.": "System, mechanism and procedure of the service.",
    # StandarPelayanan.waktu
    "Jangka waktu penyelesaian, mis. `3 hari kerja`.": (
        "Time to completion, e.g. `3 hari kerja` (3 working days)."
    ),
    # StandarPelayanan.biaya
    "Biaya/tarif, mis. `Gratis` atau `Rp 50.000 (Perda Retribusi 2/2024)`.": (
        "Cost/fee, e.g. `Gratis` (free) or `Rp 50.000 (Perda Retribusi 2/2024)`."
    ),
    # StandarPelayanan.produk
    "Produk pelayanan.": "Product of the service.",
    # StandarPelayanan.penanganan_pengaduan
    "Penanganan pengaduan, saran dan masukan.": (
        "Handling of complaints, suggestions and feedback."
    ),
    # StandarPelayanan.maklumat
    "Maklumat pelayanan (UU 25/2009 Pasal 22): nomor/tanggal atau teks singkat.": (
        "Service declaration (maklumat, UU 25/2009 Article 22): number/date or a short text."
    ),
    # StandarPelayanan.tingkat_layanan
    "Tingkat layanan yang dijanjikan (service level), mis. `99% permohonan selesai dalam 3 hari "
    "kerja`.": ("Promised service level, e.g. `99% of requests done within 3 working days`."),
    # StandarPelayanan.jam_layanan
    "Jam/waktu pelayanan.": "Service hours.",
    # Aplikasi.fungsi
    "Fungsi aplikasi.": "Function of the application.",
    # Aplikasi.luaran
    "Luaran (output) aplikasi.": "Output of the application.",
    # Aplikasi.asal
    "Asal aplikasi: pemda (aplikasi khusus Pemda), aplikasi_umum, sektor_kl.": (
        "Origin of the application: pemda (the Pemda's own special-purpose application), "
        "aplikasi_umum (national shared application), sektor_kl (a ministry's sector "
        "application)."
    ),
    # Aplikasi.aplikasi_nasional
    "Nama aplikasi nasional bila asal bukan pemda, mis. `SRIKANDI`, `SP4N-LAPOR!`.": (
        "Name of the national application when the origin is not pemda, e.g. `SRIKANDI`, "
        "`SP4N-LAPOR!`."
    ),
    # Aplikasi.basis
    "Basis aplikasi: web, mobile, desktop, lainnya.": (
        "Platform: web, mobile, desktop, lainnya (other)."
    ),
    # Aplikasi.lisensi
    "Tipe lisensi: open_source, proprietary.": "Licence type: open_source, proprietary.",
    # Aplikasi.basis_data
    "Sistem basis data (DBMS).": "Database system (DBMS).",
    # Aplikasi.bahasa_pemrograman
    "Bahasa pemrograman (PHP, Java, Python …).": "Programming language (PHP, Java, Python …).",
    # Aplikasi.kerangka_pengembangan
    "Kerangka pengembangan (framework).": "Development framework.",
    # Aplikasi.pengembang
    "Unit atau pihak pengembang.": "Developing unit or party.",
    # Aplikasi.operator
    "OPD atau unit kerja yang mengoperasikan (id), bila beda pemilik.": (
        "OPD or work unit that operates it (id), when other than the owner."
    ),
    # Aplikasi.url
    "Alamat aplikasi.": "Address of the application.",
    # Aplikasi.layanan
    "Layanan yang diberikan melalui aplikasi ini.": "Services delivered through this application.",
    # Aplikasi.proses_bisnis
    "Proses bisnis yang didukung.": "Business processes supported.",
    # Aplikasi.data
    "Data yang dibaca atau ditulis aplikasi ini.": "Data this application reads or writes.",
    # Aplikasi.infrastruktur
    "Server atau komputasi awan tempat aplikasi berjalan.": (
        "Servers or cloud computing the application runs on."
    ),
    # Aplikasi.sistem_penghubung
    "Sistem penghubung layanan tempat aplikasi terintegrasi.": (
        "Service buses (sistem penghubung layanan) the application is integrated with."
    ),
    # Aplikasi.jaringan
    "Jaringan intra yang dipakai aplikasi.": "Intranets (jaringan intra) the application uses.",
    # Aplikasi.integrasi
    "Pertukaran data dengan aplikasi lain.": "Data exchanges with other applications.",
    # Aplikasi.pengguna
    "OPD pengguna aplikasi (id OPD), atau `pemda` bila dipakai seluruh Pemda (kolom unit pengguna"
    " inventaris aplikasi; praktik umum).": (
        "OPDs using the application (OPD ids), or `pemda` when the whole Pemda uses it (the "
        "user-unit column of application inventories; common practice)."
    ),
    # Aplikasi.pengadaan
    "Fakta pengadaan: nilai, tahun, penyedia, sumber dana (Perpres 16/2018).": (
        "Procurement facts: value, year, provider, funding source (Perpres 16/2018)."
    ),
    # Integrasi.aplikasi
    "Aplikasi mitra pertukaran data (id), bila mitra itu tercatat di model.": (
        "Partner application of the data exchange (id), when that partner is recorded in the model."
    ),
    # Integrasi.mitra
    "Mitra pertukaran yang tidak (atau belum) tercatat di model, sebagai teks, mis. `SIAK "
    "Terpusat (Kemendagri)`; inventaris nyata sering hanya menulis nama mitra.": (
        "Exchange partner not (or not yet) recorded in the model, as text, e.g. `SIAK Terpusat "
        "(Kemendagri)`; real inventories often only write the partner's name."
    ),
    # Integrasi.data
    "Data yang dipertukarkan (id).": "Data exchanged (ids).",
    # Integrasi.melalui
    "Sistem penghubung layanan yang dipakai (id), mis. SPLP.": "Service bus used (id), e.g. SPLP.",
    # Integrasi.arah
    "Arah pertukaran: kirim, terima, dua_arah.": (
        "Direction of the exchange: kirim (send), terima (receive), dua_arah (both ways)."
    ),
    # Pengadaan.nilai
    "Nilai kontrak atau belanja, dalam rupiah.": "Contract or spending value, in rupiah.",
    # Pengadaan.tahun
    "Tahun pengadaan (tahun anggaran).": "Procurement year (budget year).",
    # Pengadaan.penyedia
    "Penyedia (vendor) menurut Perpres 16/2018; `swakelola` bila dibangun sendiri.": (
        "Provider (vendor) under Perpres 16/2018; `swakelola` when built in-house."
    ),
    # Pengadaan.sumber_dana
    "Sumber dana: apbd, dak, apbn, blud, hibah, csr, lainnya.": (
        "Funding source: apbd, dak, apbn, blud, hibah (grant), csr, lainnya (other)."
    ),
    # Pengadaan.nomor_kontrak
    "Nomor kontrak atau SPK.": "Contract or work order (SPK) number.",
    # KomputasiAwan.tipe_government_cloud
    "Tipe government cloud.": "Government cloud type.",
    # KomputasiAwan.status_kepemilikan
    "Status kepemilikan.": "Ownership status.",
    # KomputasiAwan.nama_pemilik
    "Nama pemilik / penyedia.": "Name of the owner / provider.",
    # KomputasiAwan.biaya_layanan
    "Biaya layanan.": "Service cost.",
    # KomputasiAwan.model_layanan
    "Model layanan: iaas, paas, saas, bdaas, secaas.": (
        "Service model: iaas, paas, saas, bdaas, secaas."
    ),
    # KomputasiAwan.jangka_waktu_layanan
    "Jangka waktu layanan.": "Service term.",
    # KomputasiAwan.fasilitas
    "Fasilitas komputasi (pusat data) penyedia (id).": (
        "The provider's computing facility (data centre) (id)."
    ),
    # KomputasiAwan.jaringan
    "Jaringan intra (id).": "Intranet (jaringan intra) (id).",
    # Server.nama_pemilik
    "Nama pemilik.": "Name of the owner.",
    # Server.fasilitas
    "Fasilitas komputasi tempat perangkat berada (id).": (
        "Computing facility where the device is (id)."
    ),
    # Server.bentuk
    "fisik atau virtual.": "fisik (physical) or virtual.",
    # Server.jenis_penggunaan
    "Jenis penggunaan server.": "What the server is used for.",
    # Server.kapasitas_memori
    "Kapasitas memori, mis. `64 GB`.": "Memory capacity, e.g. `64 GB`.",
    # Server.jenis_teknologi_prosesor
    "Teknologi prosesor.": "Processor technology.",
    # Server.kapasitas_penyimpanan
    "Kapasitas penyimpanan.": "Storage capacity.",
    # Server.host
    "Untuk server virtual: server fisik atau komputasi awan tempatnya berjalan (id).": (
        "For a virtual server: the physical server or cloud computing it runs on (id)."
    ),
    # Server.perangkat_lunak
    "Perangkat lunak platform yang dijalankan (id).": "Platform software it runs (ids).",
    # Periferal.tipe_periferal
    "Tipe periferal.": "Peripheral type.",
    # MediaPenyimpanan.metode_akses
    "Metode akses data sharing (NAS, SAN, DAS …).": (
        "Data sharing access method (NAS, SAN, DAS …)."
    ),
    # PerangkatJaringan.tipe_perangkat
    "Tipe perangkat jaringan.": "Network device type.",
    # PerangkatKeamanan.tipe_perangkat
    "Tipe perangkat keamanan.": "Security device type.",
    # SistemOperasi.jenis_lisensi
    "Jenis lisensi: seumur_hidup, periodik, open_source.": (
        "Licence type: seumur_hidup (perpetual), periodik (periodic), open_source."
    ),
    # SistemOperasi.nama_pemilik
    "Nama pemilik lisensi.": "Name of the licence holder.",
    # SistemOperasi.validitas_lisensi
    "Masa berlaku lisensi.": "Licence validity.",
    # SistemOperasi.jenis_sistem
    "Keluarga OS.": "Operating system family.",
    # SistemDatabase.jenis_sistem
    "Jenis DBMS.": "DBMS type.",
    # SistemUtilitas.jenis_sistem
    "Jenis utilitas.": "Utility type.",
    # JaringanIntra.jenis_jaringan
    "Jenis jaringan.": "Network type.",
    # JaringanIntra.tipe_media
    "Tipe media jaringan.": "Network media type.",
    # JaringanIntra.bandwidth
    "Bandwidth.": "Bandwidth.",
    # JaringanIntra.terhubung_ke
    "Jaringan intra lain yang terhubung (id), mis. JIP.": (
        "Other intranets it connects to (ids), e.g. JIP."
    ),
    # SistemPenghubungLayanan.jenis_sistem_penghubung
    "Jenis sistem penghubung (SPLP, SPL Pemda …).": (
        "Kind of service bus (SPLP, the Pemda's SPL …)."
    ),
    # SistemPenghubungLayanan.infrastruktur
    "Server atau komputasi awan tempatnya berjalan (id).": (
        "Servers or cloud computing it runs on (ids)."
    ),
    # FasilitasKomputasi.jenis_fasilitas
    "pusat_data, pusat_komputasi, pusat_kendali.": (
        "pusat_data (data centre), pusat_komputasi (computing centre), pusat_kendali (control "
        "centre)."
    ),
    # FasilitasKomputasi.bandwidth_intranet
    "Bandwidth intranet.": "Intranet bandwidth.",
    # FasilitasKomputasi.bandwidth_internet
    "Bandwidth internet.": "Internet bandwidth.",
    # FasilitasKomputasi.lokasi
    "Alamat lokasi.": "Address of the site.",
    # FasilitasKomputasi.kepemilikan
    "Kepemilikan fasilitas.": "Ownership of the facility.",
    # FasilitasKomputasi.klasifikasi_tier
    "Klasifikasi tier.": "Tier classification.",
    # FasilitasKomputasi.sistem_pengamanan
    "Sistem pengamanan fisik.": "Physical security system.",
    # StandarProsedur.melindungi
    "Data, aplikasi dan infrastruktur yang dicakup program ini (id).": (
        "Data, applications and infrastructure this programme covers (ids)."
    ),
    # StandarProsedur.cakupan_domain
    "Domain yang dicakup seluruhnya (mis. kebijakan SMKI yang berlaku untuk semua aplikasi): "
    "data, aplikasi, infrastruktur.": (
        "Domains covered as a whole (e.g. an ISMS policy that applies to every application): "
        "data, aplikasi, infrastruktur."
    ),
    # StandarProsedur.tanggal_mulai_penerapan
    "Tanggal mulai penerapan.": "Date the standard takes effect.",
    # StandarProsedur.tanggal_akhir_penerapan
    "Tanggal akhir penerapan.": "Date the standard ends.",
    # EdukasiKesadaran.tanggal_kegiatan
    "Tanggal kegiatan (YYYY-MM-DD).": "Date of the activity (YYYY-MM-DD).",
    # PeningkatanKeamanan.nilai_kematangan
    "Nilai kematangan.": "Maturity score.",
    # AuditKeamanan.jenis_audit
    "Jenis audit.": "Kind of audit.",
    # AuditKeamanan.hasil_audit
    "Hasil audit.": "Audit result.",
    # AuditKeamanan.tindak_lanjut
    "Tindak lanjut audit.": "Follow-up of the audit.",
    # RencanaSpbe.tahun_mulai
    "Tahun mulai (di dalam periode lima tahun). Boleh kosong bila `tahun_target` diisi: butir "
    "lalu dianggap berjalan pada tahun target saja.": (
        "Start year (within the five-year period). May be empty when `tahun_target` is given: the"
        " item then runs in the target year only."
    ),
    # RencanaSpbe.tahun_selesai
    "Tahun selesai (di dalam periode lima tahun). Boleh kosong bila `tahun_target` diisi.": (
        "End year (within the five-year period). May be empty when `tahun_target` is given."
    ),
    # RencanaSpbe.muatan
    "Muatan Peta Rencana (salah satu dari tujuh).": (
        "Content area of the roadmap (one of the seven)."
    ),
    # RencanaSpbe.tahun_target
    "Tahun target saja, bila dokumen Peta Rencana hanya menyebut kapan butir harus tercapai "
    "(praktik umum dokumen Peta Rencana Pemda); mengisi `tahun_mulai` dan `tahun_selesai` yang "
    "kosong.": (
        "Target year only, when the roadmap document only says when the item must be achieved "
        "(common practice of Pemda roadmap documents); fills an empty `tahun_mulai` and "
        "`tahun_selesai`."
    ),
    # RencanaSpbe.target
    "Target per tahun, mis. `2026: Uji coba di 5 OPD`.": (
        "Target per year, e.g. `2026: Pilot in 5 OPDs`."
    ),
    # RencanaSpbe.anggaran
    "Anggaran indikatif per tahun, dalam rupiah.": "Indicative budget per year, in rupiah.",
    # RencanaSpbe.program
    "Kode program (Permendagri 90/2019), mis. `2.16.03`.": (
        "Programme code (Permendagri 90/2019), e.g. `2.16.03`."
    ),
    # RencanaSpbe.kegiatan
    "Kode kegiatan.": "Activity code.",
    # RencanaSpbe.sub_kegiatan
    "Kode sub kegiatan yang mendanai (seluruh tahun butir, kecuali tahun yang ditulis di "
    "`pendanaan`).": (
        "Funding sub-activity codes (every year of the item, except the years written in "
        "`pendanaan`)."
    ),
    # RencanaSpbe.pendanaan
    "Sub kegiatan pendanaan per tahun, bila berbeda antar tahun, mis. `2027: [2.16.03.2.02.05]`; "
    "menggantikan `sub_kegiatan` untuk tahun itu.": (
        "Funding sub-activities per year, when they differ between years, e.g. `2027: "
        "[2.16.03.2.02.05]`; replaces `sub_kegiatan` for that year."
    ),
    # RencanaSpbe.status_rencana
    "Kemajuan: belum_mulai, berjalan, selesai.": (
        "Progress: belum_mulai (not started), berjalan (running), selesai (done)."
    ),
    # RencanaSpbe.elemen_baru
    "Elemen arsitektur yang diperkenalkan (id).": "Architecture elements introduced (ids).",
    # RencanaSpbe.elemen_diubah
    "Elemen arsitektur yang diubah (id).": "Architecture elements changed (ids).",
    # RencanaSpbe.elemen_dihentikan
    "Elemen arsitektur yang dihentikan (id).": "Architecture elements retired (ids).",
    # RencanaSpbe.indikator
    "Indikator evaluasi yang ditingkatkan, mis. `59/2020:11` atau `8/2026:13`.": (
        "Evaluation indicators improved, e.g. `59/2020:11` or `8/2026:13`."
    ),
    # PerangkatDaerah.nama
    "Nama resmi Perangkat Daerah sesuai Perkada SOTK.": (
        "Official name of the Perangkat Daerah under the Perkada SOTK."
    ),
    # PerangkatDaerah.singkatan
    "Singkatan, mis. `Diskominfo`.": "Abbreviation, e.g. `Diskominfo`.",
    # PerangkatDaerah.tipe
    "Tipe unit: Perangkat Daerah PP 18/2016, kelurahan, UPTD, RSUD, BUMD, lembaga khusus (Aceh, "
    "Papua, DIY) atau lainnya.": (
        "Type of unit: a Perangkat Daerah of PP 18/2016, kelurahan, UPTD, RSUD, BUMD, special "
        "body (Aceh, Papua, DIY) or other."
    ),
    # PerangkatDaerah.induk
    "Unit induk (id OPD): kecamatan bagi kelurahan (PP 17/2018), dinas bagi UPTD atau RSUD "
    "(Permendagri 12/2017).": (
        "Parent unit (OPD id): the kecamatan of a kelurahan (PP 17/2018), the agency of a UPTD or"
        " RSUD (Permendagri 12/2017)."
    ),
    # PerangkatDaerah.kode_lokal
    "Kode yang dipakai Pemda sendiri untuk unit ini.": "The Pemda's own code for this unit.",
    # PerangkatDaerah.uraian
    "Tugas pokok singkat.": "Short statement of its main task.",
    # PerangkatDaerah.kode_sipd
    "Kode SKPD di SIPD (Permendagri 90/2019).": "SKPD code in SIPD (Permendagri 90/2019).",
    # PerangkatDaerah.bidang_urusan
    "Kode bidang urusan yang diampu (Permendagri 90/2019), mis. `2.16`.": (
        "Codes of the government affairs it handles (Permendagri 90/2019), e.g. `2.16`."
    ),
    # PerangkatDaerah.unit_kerja
    "Unit kerja (bidang, bagian, UPTD).": "Work units (bidang, bagian, UPTD).",
    # UnitKerja.nama
    "Nama unit kerja.": "Name of the work unit.",
    # UnitKerja.jenis
    "Jenis unit kerja (bidang, bagian, UPTD …); teks bebas.": (
        "Kind of work unit (bidang, bagian, UPTD …); free text."
    ),
    # UnitKerja.uraian
    "Uraian singkat.": "Short description.",
    # Konfigurasi.spbe_arch
    "Versi format repositori model (saat ini 1).": (
        "Version of the model repository format (currently 1)."
    ),
    # Konfigurasi.periode
    "Periode arsitektur (lima tahun).": "Architecture period (five years).",
    # Konfigurasi.rpjmd
    "Periode RPJMD yang diacu.": "Period of the RPJMD it follows.",
    # Konfigurasi.katalog
    "Versi katalog Referensi Arsitektur yang dipakai, mis. `2022.1`.": (
        "Version of the Reference Architecture catalogue in use, e.g. `2022.1`."
    ),
    # Konfigurasi.penetapan
    "Penetapan dokumen arsitektur.": "Enactment of the architecture document.",
    # Konfigurasi.reviu
    "Riwayat reviu.": "Review history.",
    # Konfigurasi.dasar_hukum
    "Produk hukum yang menetapkan tiap bagian arsitektur (mis. keputusan tersendiri untuk peta "
    "proses bisnis).": (
        "Legal acts that establish each part of the architecture (e.g. a separate decree for the "
        "business process map)."
    ),
    # Konfigurasi.riwayat_evaluasi
    "Riwayat hasil evaluasi SPBE instansi: tahun, indeks, predikat.": (
        "History of the body's SPBE evaluation results: year, index, predicate."
    ),
    # Konfigurasi.pengaturan
    "Pengaturan alat.": "Tool settings.",
    # Konfigurasi.survei
    "Survei formulir OPD: tenggat dan narahubung.": (
        "OPD form survey: deadline and contact person."
    ),
    # Konfigurasi.pemilik_berkas
    "Peninjau perubahan per OPD untuk CODEOWNERS (`spbe-arch codeowners`): id OPD -> daftar "
    "`@pengguna`, `@organisasi/tim` atau surel; kunci `*` untuk berkas lain (mis. `spbe.yaml`). "
    "Lihat docs/review.md.": (
        "Reviewers of changes per OPD for CODEOWNERS (`spbe-arch codeowners`): OPD id -> list of "
        "`@user`, `@organisation/team` or e-mail; key `*` for other files (e.g. `spbe.yaml`). "
        "See docs/review.md."
    ),
    # Pemda.nama
    "Nama Pemda, mis. `Pemerintah Kabupaten Contoh`.": (
        "Name of the Pemda, e.g. `Pemerintah Kabupaten Contoh`."
    ),
    # Pemda.jenis
    "provinsi, kabupaten atau kota.": "provinsi (province), kabupaten (regency) or kota (city).",
    # Pemda.kode_wilayah
    "Kode wilayah Kemendagri.": "Kemendagri region code.",
    # Pemda.provinsi
    "Provinsi (untuk kabupaten/kota).": "Province (for a kabupaten/kota).",
    # Periode.mulai
    "Tahun pertama.": "First year.",
    # Periode.selesai
    "Tahun terakhir.": "Last year.",
    # Penetapan.nomor
    "Nomor Peraturan/Keputusan Kepala Daerah.": "Number of the regional head's regulation/decree.",
    # Penetapan.tanggal
    "Tanggal penetapan.": "Date of enactment.",
    # Reviu.tanggal
    "Tanggal reviu.": "Date of the review.",
    # Reviu.jenis
    "paruh_waktu, tahun_akhir atau insidental.": (
        "paruh_waktu (mid-term), tahun_akhir (final year) or insidental (as needed)."
    ),
    # Reviu.catatan
    "Ringkasan hasil reviu.": "Summary of the review's findings.",
    # DasarHukum.bagian
    "Bagian yang ditetapkan: arsitektur, proses_bisnis, data, layanan, aplikasi, infrastruktur, "
    "keamanan, peta_rencana, tata_kelola.": (
        "Part established: arsitektur, proses_bisnis, data, layanan, aplikasi, infrastruktur, "
        "keamanan, peta_rencana, tata_kelola."
    ),
    # DasarHukum.nomor
    "Jenis dan nomor produk hukum, mis. `Perwali 12/2024`.": (
        "Kind and number of the legal act, e.g. `Perwali 12/2024`."
    ),
    # DasarHukum.judul
    "Judul produk hukum.": "Title of the legal act.",
    # RiwayatEvaluasi.tahun
    "Tahun evaluasi.": "Year of the evaluation.",
    # RiwayatEvaluasi.indeks
    "Nilai indeks (0–5), mis. `2.85`.": "Index value (0-5), e.g. `2.85`.",
    # RiwayatEvaluasi.predikat
    "Predikat yang diumumkan, mis. `Baik`.": "Announced predicate, e.g. `Baik` (good).",
    # RiwayatEvaluasi.rezim
    "Rezim evaluasi: `5/2018`, `59/2020` atau `8/2026`; bila kosong, rezim yang berlaku pada "
    "tahun itu.": (
        "Evaluation regime: `5/2018`, `59/2020` or `8/2026`; when empty, the regime in force that"
        " year."
    ),
    # RiwayatEvaluasi.sumber
    "Sumber hasil, mis. `Kepmen PANRB 1503/2021`.": (
        "Source of the result, e.g. `Kepmen PANRB 1503/2021`."
    ),
    # Pengaturan.bahasa
    "Bahasa pesan: id atau en.": "Language of messages: id or en.",
    # Pengaturan.aturan
    "Tingkat keparahan per aturan, mis. `SPBE-APL-003: warning`.": (
        "Severity per rule, e.g. `SPBE-APL-003: warning`."
    ),
    # Survei.tenggat
    "Batas waktu pengembalian formulir survei (YYYY-MM-DD).": (
        "Deadline for returning the survey forms (YYYY-MM-DD)."
    ),
    # Survei.kontak
    "Narahubung untuk pertanyaan OPD.": "Contact person for OPD questions.",
    # Survei.formulir_tanpa_pemilik
    "Id OPD yang formulirnya memuat elemen tanpa pemilik (server, layanan bersama); bawaan: OPD "
    "urusan Kominfo/Persandian bila hanya ada satu.": (
        "Id of the OPD whose form holds the elements without an owner (servers, shared services);"
        " by default the OPD for communication and informatics/encryption affairs when there is "
        "only one."
    ),
    # Kontak.nama
    "Nama narahubung (petugas Diskominfo).": "Name of the contact person (Diskominfo officer).",
    # Kontak.telepon
    "Nomor telepon atau WhatsApp.": "Telephone or WhatsApp number.",
    # Kontak.email
    "Alamat surel.": "E-mail address.",
}
"""Indonesian field description → its English text."""

JUDUL_EN: dict[str, str] = {
    "PerangkatDaerah": "Perangkat Daerah (OPD, regional government unit)",
    "UnitKerja": "Work unit (unit kerja)",
    "ProsesBisnis": "Business process (proses bisnis)",
    "DataInformasi": "Data and information",
    "Layanan": "SPBE service (layanan)",
    "Aplikasi": "SPBE application (aplikasi)",
    "Integrasi": "Integration (data exchange between applications)",
    "KomputasiAwan": "Cloud computing (komputasi awan)",
    "Server": "Server hardware",
    "Periferal": "Peripheral hardware",
    "MediaPenyimpanan": "Storage media hardware",
    "PerangkatJaringan": "Network hardware",
    "PerangkatKeamanan": "Security hardware",
    "SistemOperasi": "Platform software: operating system",
    "SistemDatabase": "Platform software: database system",
    "SistemUtilitas": "Platform software: utility system",
    "JaringanIntra": "Intranet (jaringan intra)",
    "SistemPenghubungLayanan": "Service bus (sistem penghubung layanan)",
    "FasilitasKomputasi": "Computing facility",
    "StandarProsedur": "Security technical standards, procedures and regulations",
    "EdukasiKesadaran": "Security awareness education",
    "IdentifikasiKerentanan": "Security vulnerability identification",
    "PeningkatanKeamanan": "Security improvement",
    "PenangananInsiden": "Security incident handling",
    "AuditKeamanan": "Security audit",
    "KelaikanKeamanan": "Security worthiness (kelaikan keamanan)",
    "RencanaSpbe": "Peta Rencana SPBE item (roadmap item)",
    "Abaikan": "Rule suppression",
    "Konfigurasi": "Model repository configuration (spbe.yaml)",
    "Pemda": "Regional government (Pemda)",
    "Periode": "Period (first and last year)",
    "Penetapan": "Enactment of the architecture document",
    "Reviu": "Architecture review",
    "Pengaturan": "Tool settings",
    "Survei": "Survey of Perangkat Daerah forms",
    "Kontak": "Survey contact person",
    "StandarPelayanan": "Service standard (UU 25/2009 Article 21)",
    "Pengadaan": "Procurement facts (value, year, provider, funding source)",
    "DasarHukum": "Legal basis of a part of the architecture",
    "RiwayatEvaluasi": "SPBE evaluation result history",
}
"""English title per model class name (the Indonesian ones are in :mod:`spbe_arch.schema.judul`)."""

BAGIAN_EN: dict[str, str] = {
    "perangkat_daerah": "Perangkat Daerah (OPD) with their work units.",
    "proses_bisnis": "Business Process architecture domain: the Pemda's business processes.",
    "data": "Data and Information architecture domain: data the Pemda produces and manages.",
    "layanan": "Service architecture domain: public services and government administration.",
    "aplikasi": "Application architecture domain: applications the Pemda builds or uses.",
    "infrastruktur": "Infrastructure architecture domain: infrastructure objects, their kind "
    "written in the `jenis` key.",
    "keamanan": "Security architecture domain: security programmes, their kind written in the "
    "`jenis` key.",
    "peta_rencana": "Peta Rencana SPBE items (initiative, years, budget, elements changed).",
}
"""English description per top-level section of a model file."""

GLOSS_EN: dict[str, str] = {
    "KomputasiAwan": "Cloud computing (komputasi awan), government or commercial.",
    "Server": "Server hardware, physical or virtual.",
    "Periferal": "Peripheral hardware.",
    "MediaPenyimpanan": "Storage media hardware (NAS, SAN …).",
    "PerangkatJaringan": "Network hardware.",
    "PerangkatKeamanan": "Security hardware (firewall, WAF …).",
    "SistemOperasi": "Platform software: an operating system.",
    "SistemDatabase": "Platform software: a database system.",
    "SistemUtilitas": "Platform software: a utility system.",
    "JaringanIntra": "An intranet of the Pemda (linked to the JIP).",
    "SistemPenghubungLayanan": "A service bus (the Pemda's SPL, or the national SPLP).",
    "FasilitasKomputasi": "A computing facility: data centre, computing centre, control centre.",
    "StandarProsedur": "Technical standards, procedures and regulations for SPBE security.",
    "EdukasiKesadaran": "Security awareness education.",
    "IdentifikasiKerentanan": "Security vulnerability identification (VA/PT).",
    "PeningkatanKeamanan": "Security improvement.",
    "PenangananInsiden": "Security incident handling.",
    "AuditKeamanan": "Security audit.",
    "KelaikanKeamanan": "Security worthiness review (BSSN's kelaikan keamanan).",
    "StatusElemen": "Status of an element against the as-is architecture (the templates write "
    "as-is, upgrade, and new for `baru`).",
    "SifatData": "Access class of data (analyst template).",
    "JenisData": "Kind of data (analyst template).",
    "YaTidak": "Yes (`ya`) or no (`tidak`), as the forms write it (never a YAML boolean).",
}
"""English gloss of the classes whose docstring's first paragraph is their Indonesian name."""
