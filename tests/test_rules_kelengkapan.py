"""Completeness of data, layanan, aplikasi: SPBE-DAT-001, SPBE-LAY-001…004, SPBE-APL-001…003."""

from __future__ import annotations

from pathlib import Path

import pytest

from rulekit import assert_clean, assert_problems, found, pengisi, run

DATA = """\
proses_bisnis:
  - id: DAB-01
    nama: Pelayanan Kesehatan
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
"""
"""A data element (line 5) whose producing proses bisnis the tests append as line 14."""

OPD = """\
perangkat_daerah:
  - {id: DINKES, nama: Dinas Kesehatan, tipe: dinas}
  - {id: DISDUKCAPIL, nama: Dinas Kependudukan dan Pencatatan Sipil, tipe: dinas}
infrastruktur:
  - {id: SPL-01, jenis: sistem_penghubung_layanan, nama: SPL Pemda}
"""
"""Two OPDs and a service bus (5 lines), the prefix of the integration tests."""


# -- SPBE-DAT-001 data-tanpa-proses-bisnis ------------------------------------------------------
def test_data_without_proses_bisnis_is_reported_at_its_id(tmp_path: Path) -> None:
    result = assert_problems(tmp_path, DATA, [("SPBE-DAT-001", 5, 9)])
    [problem] = [p for p in result.problems if p.code == "SPBE-DAT-001"]
    assert "DAD-01" in problem.message and problem.severity.value == "warning"


def test_data_with_empty_proses_bisnis_is_reported_at_the_field(tmp_path: Path) -> None:
    assert_problems(tmp_path, DATA + "    proses_bisnis: []\n", [("SPBE-DAT-001", 14, 20)])


def test_data_with_proses_bisnis_passes(tmp_path: Path) -> None:
    assert_clean(tmp_path, DATA + "    proses_bisnis: [DAB-01]\n", "SPBE-DAT-001")


def test_data_with_unknown_proses_bisnis_is_left_to_the_reference_rule(tmp_path: Path) -> None:
    result = run(tmp_path, DATA + "    proses_bisnis: [DAB-99]\n")
    assert ("SPBE-REF-001", 14, 21) in found(result, "SPBE-REF-001")
    assert found(result, "SPBE-DAT-001") == []


# -- SPBE-LAY-001 layanan-tidak-lengkap ---------------------------------------------------------
LAYANAN_LENGKAP = """\
layanan:
  - id: DAL-01
    nama: Pelayanan Puskesmas
    tujuan: Memberikan pelayanan kesehatan dasar
    target_layanan: [masyarakat]
    metode_layanan: tatap_muka
"""


def test_layanan_missing_every_field_gives_one_finding_naming_all(tmp_path: Path) -> None:
    text = "layanan:\n  - id: DAL-01\n    nama: Pelayanan Puskesmas\n"
    result = assert_problems(tmp_path, text, [("SPBE-LAY-001", 2, 9)])
    [problem] = [p for p in result.problems if p.code == "SPBE-LAY-001"]
    assert problem.message.endswith("tujuan, target_layanan, metode_layanan")
    assert problem.message_en.endswith("tujuan, target_layanan, metode_layanan")


@pytest.mark.parametrize(
    ("drop", "replace", "missing"),
    [
        ("    metode_layanan: tatap_muka\n", "", "metode_layanan"),
        ("    target_layanan: [masyarakat]\n", "    target_layanan: []\n", "target_layanan"),
        ("    tujuan: Memberikan pelayanan kesehatan dasar\n", '    tujuan: "  "\n', "tujuan"),
    ],
)
def test_layanan_missing_one_field_names_only_it(
    tmp_path: Path, drop: str, replace: str, missing: str
) -> None:
    result = assert_problems(
        tmp_path, LAYANAN_LENGKAP.replace(drop, replace), [("SPBE-LAY-001", 2, 9)]
    )
    [problem] = [p for p in result.problems if p.code == "SPBE-LAY-001"]
    assert problem.message == f"layanan 'DAL-01' belum mengisi {missing}"


def test_complete_layanan_passes(tmp_path: Path) -> None:
    assert_clean(tmp_path, LAYANAN_LENGKAP, "SPBE-LAY-001")


# -- SPBE-LAY-002 risiko-tanpa-mitigasi ---------------------------------------------------------
RISIKO = LAYANAN_LENGKAP + "    potensi_risiko: Data pasien bocor\n"


def test_risk_without_mitigation_is_reported_at_the_risk(tmp_path: Path) -> None:
    assert_problems(tmp_path, RISIKO, [("SPBE-LAY-002", 7, 21)])


def test_risk_with_blank_mitigation_is_reported(tmp_path: Path) -> None:
    assert_problems(tmp_path, RISIKO + '    mitigasi: ""\n', [("SPBE-LAY-002", 7, 21)])


@pytest.mark.parametrize(
    "text",
    [LAYANAN_LENGKAP, RISIKO + "    mitigasi: Enkripsi dan kendali akses\n"],
    ids=["no-risk", "risk-with-mitigation"],
)
def test_risk_passes_without_risk_or_with_mitigation(tmp_path: Path, text: str) -> None:
    assert_clean(tmp_path, text, "SPBE-LAY-002")


# -- SPBE-LAY-003 layanan-tanpa-proses-bisnis ---------------------------------------------------
def test_layanan_without_proses_bisnis_is_reported_at_its_id(tmp_path: Path) -> None:
    result = assert_problems(
        tmp_path, LAYANAN_LENGKAP, [("SPBE-LAY-003", 2, 9)], extra=pengisi("proses_bisnis")
    )
    [problem] = [p for p in result.problems if p.code == "SPBE-LAY-003"]
    assert problem.severity.value == "warning"


def test_layanan_with_empty_proses_bisnis_is_reported_at_the_field(tmp_path: Path) -> None:
    text = LAYANAN_LENGKAP + "    proses_bisnis: []\n"
    assert_problems(tmp_path, text, [("SPBE-LAY-003", 7, 20)], extra=pengisi("proses_bisnis"))


def test_layanan_with_proses_bisnis_passes(tmp_path: Path) -> None:
    text = (
        "proses_bisnis:\n  - {id: DAB-01, nama: Pelayanan Kesehatan}\n"
        + LAYANAN_LENGKAP
        + "    proses_bisnis: [DAB-01]\n"
    )
    assert_clean(tmp_path, text, "SPBE-LAY-003")


def test_aplikasi_supporting_a_proses_bisnis_does_not_realise_the_layanan(tmp_path: Path) -> None:
    text = (
        "proses_bisnis:\n  - {id: DAB-01, nama: Pelayanan Kesehatan}\n"
        + LAYANAN_LENGKAP
        + "aplikasi:\n  - {id: DAA-01, nama: SIMPUS, layanan: [DAL-01], proses_bisnis: [DAB-01]}\n"
    )
    assert_problems(tmp_path, text, [("SPBE-LAY-003", 4, 9)])


# -- SPBE-LAY-004 layanan-digital-tanpa-aplikasi ------------------------------------------------
def digital(metode: str, tail: str = "") -> str:
    """A layanan (line 2) with ``metode_layanan`` on line 4, then ``tail``."""
    return (
        "layanan:\n  - id: DAL-01\n    nama: Pendaftaran Pasien\n"
        f"    metode_layanan: {metode}\n" + tail
    )


@pytest.mark.parametrize("metode", ["elektronik", "hybrid"])
def test_digital_layanan_without_aplikasi_is_reported_at_the_method(
    tmp_path: Path, metode: str
) -> None:
    result = assert_problems(
        tmp_path, digital(metode), [("SPBE-LAY-004", 4, 21)], extra=pengisi("aplikasi")
    )
    [problem] = [p for p in result.problems if p.code == "SPBE-LAY-004"]
    assert metode in problem.message and "DAL-01" in problem.message


@pytest.mark.parametrize(
    "text",
    [
        "layanan:\n  - id: DAL-01\n    nama: Pendaftaran Pasien\n",
        digital("tatap_muka"),
        digital("hybrid", "aplikasi:\n  - {id: DAA-01, nama: SIMPUS, layanan: [DAL-01]}\n"),
    ],
    ids=["no-method", "tatap-muka", "hybrid-with-aplikasi"],
)
def test_layanan_passes_when_face_to_face_unknown_or_delivered(tmp_path: Path, text: str) -> None:
    assert_clean(tmp_path, text, "SPBE-LAY-004")


def test_only_an_aplikasi_naming_the_layanan_counts(tmp_path: Path) -> None:
    tail = (
        "  - {id: DAL-02, nama: Rujukan}\n"
        "aplikasi:\n  - {id: DAA-01, nama: SIMPUS, layanan: [DAL-02]}\n"
    )
    assert_problems(tmp_path, digital("elektronik", tail), [("SPBE-LAY-004", 4, 21)])


# -- SPBE-APL-001 aplikasi-tanpa-layanan, SPBE-APL-002 aplikasi-tanpa-infrastruktur ------------
APLIKASI = "aplikasi:\n  - id: DAA-01\n    nama: SIMPUS\n"


def test_bare_aplikasi_has_no_layanan_and_no_infrastructure(tmp_path: Path) -> None:
    result = assert_problems(
        tmp_path,
        APLIKASI,
        [("SPBE-APL-001", 2, 9), ("SPBE-APL-002", 2, 9)],
        extra=pengisi("layanan", "infrastruktur"),
    )
    codes = {p.code: p.severity.value for p in result.problems if p.code.startswith("SPBE-APL")}
    assert codes == {"SPBE-APL-001": "warning", "SPBE-APL-002": "warning"}


def test_empty_lists_are_reported_at_the_field(tmp_path: Path) -> None:
    text = APLIKASI + "    layanan: []\n    infrastruktur: []\n"
    assert_problems(
        tmp_path,
        text,
        [("SPBE-APL-001", 4, 14), ("SPBE-APL-002", 5, 20)],
        extra=pengisi("layanan", "infrastruktur"),
    )


@pytest.mark.parametrize("host", ["server", "komputasi_awan"])
def test_aplikasi_with_layanan_and_host_passes(tmp_path: Path, host: str) -> None:
    text = (
        f"infrastruktur:\n  - {{id: DAI-01, jenis: {host}, nama: Tempat Aplikasi}}\n"
        "layanan:\n  - {id: DAL-01, nama: Pelayanan Puskesmas}\n"
        + APLIKASI
        + "    layanan: [DAL-01]\n    infrastruktur: [DAI-01]\n"
    )
    assert_clean(tmp_path, text, "SPBE-APL-001", "SPBE-APL-002")


# -- SPBE-APL-003 integrasi-tanpa-penghubung ----------------------------------------------------
def integrasi(entries: str, partner_opd: str = "DISDUKCAPIL") -> str:
    """DAA-01 of DINKES (line 7) with ``integrasi`` entries from line 10, then DAA-02, DAA-03."""
    return (
        OPD
        + "aplikasi:\n"
        + "  - id: DAA-01\n    nama: SIMPUS\n    opd: DINKES\n    integrasi:\n"
        + entries
        + f"  - {{id: DAA-02, nama: SIAK, opd: {partner_opd}}}\n"
        + "  - {id: DAA-03, nama: SIKDA, opd: DINKES}\n"
    )


def test_exchange_across_opds_without_bus_names_both_opds(tmp_path: Path) -> None:
    result = assert_problems(
        tmp_path, integrasi("      - aplikasi: DAA-02\n"), [("SPBE-APL-003", 11, 9)]
    )
    [problem] = [p for p in result.problems if p.code == "SPBE-APL-003"]
    assert "(DINKES)" in problem.message and "(DISDUKCAPIL)" in problem.message
    assert "(DINKES)" in problem.message_en and "(DISDUKCAPIL)" in problem.message_en


def test_each_offending_entry_is_reported_at_itself(tmp_path: Path) -> None:
    entries = (
        "      - aplikasi: DAA-03\n"
        "      - aplikasi: DAA-02\n        melalui: SPL-01\n"
        "      - {aplikasi: DAA-02, arah: kirim}\n"
    )
    assert_problems(tmp_path, integrasi(entries), [("SPBE-APL-003", 14, 9)])


@pytest.mark.parametrize(
    ("entries", "partner_opd"),
    [
        ("      - aplikasi: DAA-03\n", "DISDUKCAPIL"),
        ("      - aplikasi: DAA-02\n        melalui: SPL-01\n", "DISDUKCAPIL"),
        ("      - aplikasi: DAA-02\n", "DINKES"),
        ("      - aplikasi: DAA-99\n", "DISDUKCAPIL"),
    ],
    ids=["same-opd", "through-bus", "partner-same-opd", "unknown-partner"],
)
def test_exchange_passes(tmp_path: Path, entries: str, partner_opd: str) -> None:
    assert_clean(tmp_path, integrasi(entries, partner_opd), "SPBE-APL-003")


def test_owner_from_the_file_opd_key_counts(tmp_path: Path) -> None:
    text = (
        "opd: DINKES\n"
        + OPD
        + (
            "aplikasi:\n"
            "  - id: DAA-01\n    nama: SIMPUS\n    integrasi:\n      - aplikasi: DAA-02\n"
            "  - {id: DAA-02, nama: SIAK, opd: DISDUKCAPIL}\n"
        )
    )
    assert_problems(tmp_path, text, [("SPBE-APL-003", 11, 9)])


def test_exchange_with_an_unowned_aplikasi_is_left_to_the_owner_rule(tmp_path: Path) -> None:
    text = OPD + (
        "aplikasi:\n"
        "  - id: DAA-01\n    nama: SIMPUS\n    opd: DINKES\n    integrasi:\n"
        "      - aplikasi: DAA-02\n"
        "  - {id: DAA-02, nama: SIAK}\n"
    )
    result = run(tmp_path, text)
    assert found(result, "SPBE-APL-003") == []
    assert ("SPBE-OPD-002", 12, 10) in found(result, "SPBE-OPD-002")
