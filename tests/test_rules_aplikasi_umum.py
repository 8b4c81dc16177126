"""The national applications list and rules SPBE-APL-004, SPBE-APL-005, SPBE-APL-006."""

from __future__ import annotations

from pathlib import Path

import pytest

from rulekit import assert_clean, assert_problems
from spbe_arch.aplikasi_umum import find, load_aplikasi_umum, match_function, normalize_name

DUP, RAA, TAK = "SPBE-APL-004", "SPBE-APL-005", "SPBE-APL-006"


def _names(text: str) -> list[tuple[str, str]]:
    return [(entry.nama, keyword) for entry, keyword in match_function(text)]


# -- the list ------------------------------------------------------------------------------


def test_list_contents() -> None:
    daftar = load_aplikasi_umum()
    assert load_aplikasi_umum() is daftar  # cached
    umum = {e.nama: e for e in daftar.umum}
    assert {n for n, e in umum.items() if e.ditetapkan} == {"SRIKANDI", "SP4N-LAPOR!"}
    assert umum["SRIKANDI"].dasar == "Kepmen PANRB 679/2020"
    assert umum["SRIKANDI"].keyakinan == "terverifikasi"
    assert (umum["SPSE"].keyakinan, umum["e-SAKIP"].keyakinan) == ("sekunder", "dugaan")
    # Pemda use KRISNA for their DAK proposals; SAKTI is the finance system of K/L only
    assert umum["KRISNA"].untuk_pemda and not umum["SAKTI"].untuk_pemda
    assert {e.nama for e in daftar.sektor} >= {
        "SIRUP", "Prodeskel", "SIMFONI-PPA", "SIHA", "SIKDA Generik", "SIPNAP", "SLRT", "SIMDA",
        "SIPKD",
    }  # fmt: skip
    assert {e.nama for e in daftar.sektor} >= {"Dapodik", "SATUSEHAT", "SIAK Terpusat", "JIKN"}
    assert "[I]" in daftar.catatan or "dugaan" in daftar.catatan


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sistem Informasi Pasien", []),
        ("Laporan Keuangan Daerah", []),
        ("SIMPEG ASN", [("SIASN", "simpeg")]),
        ("Data ASN", [("SIASN", "data asn")]),
        ("Aplikasi E-Office Persuratan", [("SRIKANDI", "persuratan")]),
        ("Pencatatan Surat   Masuk", [("SRIKANDI", "surat masuk")]),
        ("eKinerja Pegawai", [("e-Kinerja BKN", "e-kinerja")]),
        ("Penilaian Kinerja Pegawai", [("e-Kinerja BKN", "kinerja pegawai")]),
        ("Layanan LAPOR! Bupati", [("SP4N-LAPOR!", "lapor bupati")]),
        ("Penyusunan RKPD dan Renja", [("SIPD", "renja")]),
        ("Penyusunan RKPD dan RKA", [("SIPD", "rkpd")]),
        ("E-SAKIP Kabupaten", [("e-SAKIP", "sakip")]),
    ],
)
def test_match_function_whole_words(text: str, expected: list[tuple[str, str]]) -> None:
    assert _names(text) == expected


def test_find_by_name_or_alias() -> None:
    assert find("lapor!") is find("SP4N-LAPOR!") is find("sp4n lapor")
    assert (find("SIPD-RI") or find("x")) is find("sipd")
    assert find("LPSE") is find("Sistem Pengadaan Secara Elektronik") is find("SPSE")
    assert find("si-asn") is find("SIASN")
    satu = find("Satu Sehat")
    assert satu is not None and satu.jenis == "sektor"
    assert find("Aplikasi Tidak Ada") is None
    assert find("!!") is None
    assert normalize_name("SP4N-LAPOR!") == "sp4nlapor"


# -- SPBE-APL-004 ---------------------------------------------------------------------------


def test_duplikasi_points_at_first_matching_field(tmp_path: Path) -> None:
    text = """\
aplikasi:
  - id: DAA-01
    nama: SIMPEG Daerah
  - id: DAA-02
    nama: Aplikasi Layanan Kantor
    fungsi: Pencatatan naskah dinas
  - id: DAA-03
    nama: Sistem Informasi Pasien
    uraian: Rekam medis
"""
    result = assert_problems(tmp_path, text, [(DUP, 3, 11), (DUP, 6, 13)])
    by_id = {p.element_id: p for p in result.problems if p.code == DUP}
    assert "SIASN (BKN; bukti: kata kunci 'simpeg' di 'nama')" in by_id["DAA-01"].message
    srikandi = "SRIKANDI (ANRI; bukti: kata kunci 'naskah dinas' di 'fungsi')"
    assert srikandi in by_id["DAA-02"].message


def test_duplikasi_only_for_pemda_apps(tmp_path: Path) -> None:
    text = """\
aplikasi:
  - id: DAA-01
    nama: SP4N-LAPOR!
    asal: aplikasi_umum
    aplikasi_nasional: SP4N-LAPOR!
    fungsi: pengaduan pelayanan publik
"""
    assert_clean(tmp_path, text, DUP)


# -- SPBE-APL-005 ---------------------------------------------------------------------------


def test_raa_umum_bukan_nasional(tmp_path: Path) -> None:
    text = """\
aplikasi:
  - id: DAA-01
    nama: Aplikasi Pemda
    referensi: RAA.01.02
  - id: DAA-02
    nama: Dapodik
    asal: sektor_kl
    aplikasi_nasional: Dapodik
    referensi: RAA.01.01
  - id: DAA-03
    nama: Srikandi
    asal: aplikasi_umum
    referensi: RAA.01.02
  - id: DAA-04
    nama: Srikandi
    asal: aplikasi_umum
    aplikasi_nasional: SRIKANDI
    referensi: RAA.01.02
  - id: DAA-05
    nama: Aplikasi Pemda Lain
    referensi: RAA.02.02
"""
    assert_problems(tmp_path, text, [(RAA, 4, 16), (RAA, 9, 16), (RAA, 13, 16)])


# -- SPBE-APL-006 ---------------------------------------------------------------------------


def test_aplikasi_nasional_tidak_dikenal(tmp_path: Path) -> None:
    text = """\
aplikasi:
  - id: DAA-01
    nama: Srikandi
    asal: aplikasi_umum
    aplikasi_nasional: SRIKANDY
  - id: DAA-02
    nama: Data Pokok Pendidikan
    asal: sektor_kl
  - id: DAA-03
    nama: Satu Sehat
    asal: aplikasi_umum
    aplikasi_nasional: SATUSEHAT
  - id: DAA-04
    nama: Lapor
    asal: aplikasi_umum
    aplikasi_nasional: lapor!
"""
    result = assert_problems(tmp_path, text, [(TAK, 5, 24), (TAK, 8, 11), (TAK, 12, 24)])
    messages = {p.element_id: p.message for p in result.problems if p.code == TAK}
    assert "maksud Anda 'SRIKANDI'?" in messages["DAA-01"]
    assert "`asal: sektor_kl`" in messages["DAA-03"]
