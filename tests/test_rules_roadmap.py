"""Peta Rencana rules SPBE-RMP-001 … 011, beyond their documented examples."""

from __future__ import annotations

from pathlib import Path

from conftest import MINIMAL_SPBE
from rulekit import assert_clean, assert_problems, pengisi

ITEM = """\
  - id: PR-01
    nama: Butir
    muatan: {muatan}
    tahun_mulai: {mulai}
    tahun_selesai: {selesai}
"""


def item(muatan: str = "aplikasi", mulai: int = 2026, selesai: int = 2027, extra: str = "") -> str:
    """One roadmap item (lines 2-6 of the file when it comes first), plus extra lines."""
    return "peta_rencana:\n" + ITEM.format(muatan=muatan, mulai=mulai, selesai=selesai) + extra


def test_rmp001_retired_and_tahun_mulai_before_the_period(tmp_path: Path) -> None:
    text = (
        "aplikasi:\n  - {id: A, nama: Lama, tahun_selesai: 2026}\n"
        "  - {id: B, nama: Tua, tahun_mulai: 2019}\n"
    )
    assert_problems(tmp_path, text, [("SPBE-RMP-001", 2, 40)])
    # retired in the last year of the period: part of the to-be, no change
    assert_clean(
        tmp_path / "b", "aplikasi:\n  - {id: A, nama: Lama, tahun_selesai: 2029}\n", "SPBE-RMP-001"
    )


def test_rmp001_delivered_in_the_wrong_list(tmp_path: Path) -> None:
    text = "aplikasi:\n  - {id: A, nama: Baru, status: baru}\n" + item(
        extra="    elemen_diubah: [A]\n"
    )
    assert_problems(tmp_path, text, [("SPBE-RMP-001", 2, 33)])


def test_rmp002_element_or_indicator(tmp_path: Path) -> None:
    assert_problems(tmp_path, item("audit_tik"), [("SPBE-RMP-002", 4, 13)])
    assert_clean(
        tmp_path / "b", item("audit_tik", extra='    indikator: ["59/2020:29"]\n'), "SPBE-RMP-002"
    )
    # an indicator does not excuse an item of a domain muatan
    text = item("layanan", extra='    indikator: ["59/2020:45"]\n')
    assert_problems(tmp_path / "c", text, [("SPBE-RMP-002", 4, 13)], extra=pengisi("layanan"))
    # ... unless nothing of that domain is recorded yet: SPBE-ARS-001 says so once
    assert_clean(tmp_path / "d", text, "SPBE-RMP-002")


def test_rmp003_both_ends(tmp_path: Path) -> None:
    assert_problems(
        tmp_path, item(mulai=2024, selesai=2030), [("SPBE-RMP-003", 5, 18), ("SPBE-RMP-003", 6, 20)]
    )
    assert_clean(tmp_path / "b", item(mulai=2025, selesai=2029), "SPBE-RMP-003")


def test_rmp004_anggaran_and_pendanaan_keys(tmp_path: Path) -> None:
    extra = "    anggaran:\n      2025: 100\n    pendanaan:\n      2028: [2.16.03.2.02.01]\n"
    assert_problems(tmp_path, item(extra=extra), [("SPBE-RMP-004", 8, 7), ("SPBE-RMP-004", 10, 7)])


def test_rmp005_counts_missing_muatan(tmp_path: Path) -> None:
    result = assert_problems(tmp_path, item(), [("SPBE-RMP-005", 2, 9)])
    message = next(p.message for p in result.problems if p.code == "SPBE-RMP-005")
    assert message.startswith("Peta Rencana belum memuat 6 dari 7 muatan: tata_kelola,")
    assert_clean(tmp_path / "b", "aplikasi:\n  - {id: A, nama: SIMPUS}\n", "SPBE-RMP-005")


def test_rmp006_per_year_funding(tmp_path: Path) -> None:
    extra = "    sub_kegiatan: [2.16.03.2.02.01]\n    pendanaan:\n      2027: []\n"
    result = assert_problems(tmp_path, item(extra=extra), [("SPBE-RMP-006", 7, 5)])
    assert any(p.message.endswith("untuk 2027") for p in result.problems)
    assert_problems(tmp_path / "b", item(), [("SPBE-RMP-006", 2, 9)])


def test_rmp007_pendanaan_codes_follow_the_kegiatan(tmp_path: Path) -> None:
    extra = (
        "    kegiatan: 2.16.03.2.02\n    pendanaan:\n"
        "      2026: [2.16.03.2.02.01, 1.02.02.2.03.02]\n"
    )
    assert_problems(tmp_path, item(extra=extra), [("SPBE-RMP-007", 9, 31)])


def test_rmp008_format(tmp_path: Path) -> None:
    extra = '    indikator: ["11", "59/2020:0", "8/2026:20"]\n'
    assert_problems(tmp_path, item(extra=extra), [("SPBE-RMP-008", 7, 17), ("SPBE-RMP-008", 7, 23)])


def test_rmp009_and_rmp010_in_spbe_yaml(tmp_path: Path) -> None:
    spbe = (
        MINIMAL_SPBE.replace("selesai: 2029", "selesai: 2030")
        + "rpjmd:\n  mulai: 2025\n  selesai: 2029\n"
    )
    result = assert_problems(
        tmp_path, "", [("SPBE-RMP-009", 5, 1), ("SPBE-RMP-010", 9, 1)], extra={"spbe.yaml": spbe}
    )
    assert {
        p.file.rsplit("/", 1)[-1] for p in result.problems if p.code.startswith("SPBE-RMP")
    } == {"spbe.yaml"}


def test_rmp011_retired_outside_the_item(tmp_path: Path) -> None:
    text = "aplikasi:\n  - {id: A, nama: Lama, tahun_selesai: 2029}\n" + item(
        extra="    elemen_dihentikan: [A]\n"
    )
    assert_problems(tmp_path, text, [("SPBE-RMP-011", 9, 25)])
    ok = "aplikasi:\n  - {id: A, nama: Lama, tahun_selesai: 2025}\n" + item(
        extra="    elemen_dihentikan: [A]\n"
    )
    assert_clean(tmp_path / "b", ok, "SPBE-RMP-011")


def test_example_model_is_clean_under_strict() -> None:
    from spbe_arch.cli import main

    example = Path(__file__).resolve().parents[1] / "models" / "kabupaten-contoh"
    assert main(["check", str(example), "--strict", "--format", "text"]) == 0
