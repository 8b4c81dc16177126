"""Security coverage rules: SPBE-KEA-001, SPBE-KEA-002, SPBE-KEA-003."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from conftest import write_repo
from rulekit import TODAY, assert_clean, assert_problems, found, pengisi, run
from spbe_arch.check import check
from spbe_arch.model.aplikasi import AsalAplikasi
from spbe_arch.rules.audit_kedaluwarsa import SIKLUS_AUDIT_TAHUN

ELEMEN = """\
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
aplikasi:
  - id: DAA-01
    nama: SIMPUS
infrastruktur:
  - id: SRV-01
    jenis: server
    nama: Server Aplikasi
  - id: OS-01
    jenis: sistem_operasi
    nama: Linux Server
proses_bisnis:
  - id: DAB-01
    nama: Pelayanan Kesehatan
layanan:
  - id: DAL-01
    nama: Pelayanan Puskesmas
"""
"""One element of each kind, with ids on lines 2 (data), 12 (aplikasi), 15 and 18 (infra)."""

UNCOVERED = {"data": ("SPBE-KEA-001", 2, 9), "aplikasi": ("SPBE-KEA-001", 12, 9),
             "server": ("SPBE-KEA-001", 15, 9), "os": ("SPBE-KEA-001", 18, 9)}  # fmt: skip


def program(lines: str, jenis: str = "standar_prosedur") -> str:
    """A ``keamanan`` section with one programme of ``jenis`` carrying ``lines``."""
    return f"keamanan:\n  - id: DAK-01\n    jenis: {jenis}\n    nama: Program Keamanan\n{lines}"


# -- SPBE-KEA-001 tanpa-program-keamanan --------------------------------------------------------
def test_data_aplikasi_and_infrastructure_without_programme_are_reported(tmp_path: Path) -> None:
    result = assert_problems(tmp_path, ELEMEN, list(UNCOVERED.values()), extra=pengisi("keamanan"))
    ids = sorted(p.element_id or "" for p in result.problems if p.code == "SPBE-KEA-001")
    assert ids == ["DAA-01", "DAD-01", "OS-01", "SRV-01"]  # never proses bisnis or layanan


def test_melindungi_covers_only_the_named_elements(tmp_path: Path) -> None:
    text = ELEMEN + program("    melindungi: [DAA-01, SRV-01]\n")
    assert_problems(tmp_path, text, [UNCOVERED["data"], UNCOVERED["os"]])


@pytest.mark.parametrize(
    ("domains", "left"),
    [
        ("[aplikasi]", ["data", "server", "os"]),
        ("[infrastruktur]", ["data", "aplikasi"]),
        ("[data, aplikasi, infrastruktur]", []),
    ],
)
def test_cakupan_domain_covers_every_element_of_the_domain(
    tmp_path: Path, domains: str, left: list[str]
) -> None:
    text = ELEMEN + program(f"    cakupan_domain: {domains}\n", "edukasi_kesadaran")
    result = run(tmp_path, text)
    assert found(result, "SPBE-KEA-001") == sorted(UNCOVERED[k] for k in left)


def test_programme_naming_an_unknown_id_covers_nothing(tmp_path: Path) -> None:
    text = "aplikasi:\n  - {id: DAA-01, nama: SIMPUS}\n" + program("    melindungi: [DAA-99]\n")
    assert_problems(tmp_path, text, [("SPBE-KEA-001", 2, 10)])


# -- SPBE-KEA-002 audit-kedaluwarsa -------------------------------------------------------------
APL = "aplikasi:\n  - id: DAA-01\n    nama: SIMPUS\n"
"""A Pemda aplikasi (default ``asal``) with its id on line 2."""


def audit(tanggal: str | None, cover: str = "    melindungi: [DAA-01]\n", ident: str = "DAK-01",
          jenis: str = "audit_keamanan") -> str:  # fmt: skip
    """One security activity item (without the ``keamanan:`` key)."""
    dated = f"    tanggal_kegiatan: {tanggal}\n" if tanggal else ""
    return f"  - id: {ident}\n    jenis: {jenis}\n    nama: Audit\n{cover}{dated}"


def kea002(result_text: str, tmp_path: Path) -> str:
    """The one SPBE-KEA-002 message of a model."""
    result = assert_problems(
        tmp_path, result_text, [("SPBE-KEA-002", 2, 9)], extra=pengisi("keamanan")
    )
    [problem] = [p for p in result.problems if p.code == "SPBE-KEA-002"]
    return problem.message


def test_today_is_fixed_for_these_tests() -> None:
    assert dt.date(2026, 11, 30) == TODAY


def test_aplikasi_never_audited_is_reported(tmp_path: Path) -> None:
    assert "belum pernah diaudit" in kea002(APL, tmp_path)


@pytest.mark.parametrize(
    "item",
    [
        audit(None),
        audit("2027-01-15"),
        audit("2026-06-01", jenis="identifikasi_kerentanan"),
        audit("2026-06-01", cover="    cakupan_domain: [data, infrastruktur]\n"),
    ],
    ids=["undated", "planned-after-today", "not-an-audit", "other-domains"],
)
def test_activities_that_are_not_a_dated_past_audit_do_not_count(tmp_path: Path, item: str) -> None:
    assert "belum pernah diaudit" in kea002(APL + "keamanan:\n" + item, tmp_path)


def test_old_audit_gives_the_last_date_and_the_due_date(tmp_path: Path) -> None:
    message = kea002(APL + "keamanan:\n" + audit("2019-06-10"), tmp_path)
    assert "2019-06-10 (DAK-01)" in message and "jatuh tempo 2021-06-10" in message


def test_audit_one_day_more_than_two_years_old_is_reported(tmp_path: Path) -> None:
    message = kea002(APL + "keamanan:\n" + audit("2024-11-29"), tmp_path)
    assert "jatuh tempo 2026-11-29" in message


@pytest.mark.parametrize(
    "items",
    [
        audit("2024-11-30"),
        audit("2020-01-01") + audit("2025-03-01", ident="DAK-02"),
        audit("2026-01-10", cover="    cakupan_domain: [aplikasi]\n"),
    ],
    ids=["exactly-two-years", "latest-of-several", "cakupan-domain"],
)
def test_recent_audit_passes(tmp_path: Path, items: str) -> None:
    assert_clean(tmp_path, APL + "keamanan:\n" + items, "SPBE-KEA-002")


@pytest.mark.parametrize("asal", ["aplikasi_umum", "sektor_kl"])
def test_nationally_owned_aplikasi_are_audited_by_their_owner(tmp_path: Path, asal: str) -> None:
    assert_clean(tmp_path, APL + f"    asal: {asal}\n", "SPBE-KEA-002")


def test_explicit_asal_pemda_is_checked(tmp_path: Path) -> None:
    assert_problems(
        tmp_path, APL + "    asal: pemda\n", [("SPBE-KEA-002", 2, 9)], extra=pengisi("keamanan")
    )


def test_audit_on_29_february_falls_due_on_28_february(tmp_path: Path) -> None:
    root = write_repo(tmp_path, {"contoh.yaml": APL + "keamanan:\n" + audit("2024-02-29")})
    on_time = check(root, today=dt.date(2026, 2, 28))
    late = check(root, today=dt.date(2026, 3, 1))
    assert [p for p in on_time.problems if p.code == "SPBE-KEA-002"] == []
    [problem] = [p for p in late.problems if p.code == "SPBE-KEA-002"]
    assert "jatuh tempo 2026-02-28" in problem.message


def test_every_asal_has_an_audit_cadence() -> None:
    assert set(SIKLUS_AUDIT_TAHUN) == set(AsalAplikasi)
    assert SIKLUS_AUDIT_TAHUN[AsalAplikasi.PEMDA] == 2


# -- SPBE-KEA-003 program-keamanan-tanpa-cakupan ------------------------------------------------
@pytest.mark.parametrize("jenis", ["standar_prosedur", "audit_keamanan", "kelaikan_keamanan"])
def test_programme_covering_nothing_is_reported_at_its_id(tmp_path: Path, jenis: str) -> None:
    result = assert_problems(tmp_path, program("", jenis), [("SPBE-KEA-003", 2, 9)])
    [problem] = [p for p in result.problems if p.code == "SPBE-KEA-003"]
    assert "DAK-01" in problem.message and problem.severity.value == "warning"


def test_programme_with_empty_lists_is_reported(tmp_path: Path) -> None:
    text = program("    melindungi: []\n    cakupan_domain: []\n")
    assert_problems(tmp_path, text, [("SPBE-KEA-003", 2, 9)])


@pytest.mark.parametrize(
    "lines",
    ["    melindungi: [DAA-01]\n", "    cakupan_domain: [data]\n"],
    ids=["melindungi", "cakupan-domain"],
)
def test_programme_with_coverage_passes(tmp_path: Path, lines: str) -> None:
    assert_clean(tmp_path, APL + program(lines), "SPBE-KEA-003")


def test_kea003_and_kea001_agree_on_an_empty_programme(tmp_path: Path) -> None:
    result = run(tmp_path, APL + program(""))
    assert found(result, "SPBE-KEA-003") == [("SPBE-KEA-003", 5, 9)]
    assert found(result, "SPBE-KEA-001") == [("SPBE-KEA-001", 2, 9)]
