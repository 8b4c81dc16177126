"""The rule engine: configured severities, suppressions, plug-ins, the catalogue rules' edges."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest

from conftest import MINIMAL_SPBE, write_repo
from rulekit import TODAY, assert_clean, assert_problems, run
from spbe_arch.check import check, pinned_katalog
from spbe_arch.graph import ModelGraph
from spbe_arch.load import load
from spbe_arch.referensi import Katalog, load_katalog
from spbe_arch.rules import REGISTRY, Context, Finding, lookup, rule, run_rules

UNCLASSIFIED = """\
aplikasi:
  - id: DAA-01
    nama: SIMPUS
"""


def test_lookup_by_code_or_name() -> None:
    assert lookup("spbe-ars-002") is REGISTRY["SPBE-ARS-002"]
    assert lookup("elemen-tanpa-referensi") is REGISTRY["SPBE-ARS-002"]
    assert lookup("tidak-ada") is None


@pytest.mark.parametrize(
    ("setting", "expected"),
    [("error", "error"), ("info", "info"), ("warning", "warning"), ("off", None)],
)
def test_severity_from_spbe_yaml_by_code_or_name(
    tmp_path: Path, setting: str, expected: str | None
) -> None:
    key = "elemen-tanpa-referensi" if setting == "info" else "SPBE-ARS-002"
    spbe = MINIMAL_SPBE + f"pengaturan:\n  aturan:\n    {key}: {setting}\n"
    result = run(tmp_path, UNCLASSIFIED, extra={"spbe.yaml": spbe})
    got = [p.severity.value for p in result.problems if p.code == "SPBE-ARS-002"]
    assert got == ([expected] if expected else [])


def test_unknown_rule_in_configuration_is_located(tmp_path: Path) -> None:
    spbe = MINIMAL_SPBE + "pengaturan:\n  aturan:\n    SPBE-XXX-999: off\n"
    result = run(tmp_path, UNCLASSIFIED, extra={"spbe.yaml": spbe})
    [problem] = [p for p in result.problems if p.code == "SPBE-CFG-002"]
    assert (problem.file.endswith("spbe.yaml"), problem.line, problem.column) == (True, 11, 5)


def test_loader_codes_cannot_be_configured(tmp_path: Path) -> None:
    spbe = MINIMAL_SPBE + "pengaturan:\n  aturan:\n    SPBE-YAML-005: off\n"
    result = run(tmp_path, UNCLASSIFIED, extra={"spbe.yaml": spbe})
    assert [p.code for p in result.problems if p.code == "SPBE-CFG-002"] == ["SPBE-CFG-002"]


def test_suppression_hides_the_finding_and_unused_ones_are_reported(tmp_path: Path) -> None:
    text = """\
aplikasi:
  - id: DAA-01
    nama: SIMPUS
    abaikan:
      - aturan: elemen-tanpa-referensi
        alasan: menunggu klasifikasi RAA
  - id: DAA-02
    nama: SIKD
    referensi: RAA.02.02
    abaikan:
      - aturan: SPBE-ARS-002
        alasan: usang
      - aturan: SPBE-ABC-123
        alasan: salah ketik
"""
    result = assert_problems(tmp_path, text, [("SPBE-CFG-001", 11, 17), ("SPBE-CFG-002", 13, 17)])
    assert not [p for p in result.problems if p.code == "SPBE-ARS-002"]


def test_plugin_rules_run_with_the_builtin_ones(tmp_path: Path) -> None:
    @rule("SPBE-UJI-001", "aturan-uji", "info")
    def aturan_uji(ctx: Context) -> list[Finding]:
        """Aturan uji."""
        return [Finding(e.id, "uji", "test", ("nama",)) for e in ctx.elements("aplikasi")]

    try:
        assert_problems(tmp_path, UNCLASSIFIED, [("SPBE-UJI-001", 3, 11)])
    finally:
        del REGISTRY["SPBE-UJI-001"]


def test_only_runs_the_named_rules(tmp_path: Path) -> None:
    write_repo(tmp_path, {"contoh.yaml": UNCLASSIFIED})
    result = check(tmp_path, today=TODAY, only=["elemen-tanpa-referensi"])
    assert {p.code for p in result.problems} == {"SPBE-ARS-002"}


def test_check_accepts_a_loaded_model(tmp_path: Path) -> None:
    write_repo(tmp_path, {"contoh.yaml": UNCLASSIFIED})
    model, _ = load(tmp_path)
    codes = {p.code for p in check(model, today=TODAY).problems}
    assert "SPBE-ARS-002" in codes and "SPBE-OPD-002" in codes


def test_prefixless_codes_take_the_domain_catalogue(tmp_path: Path) -> None:
    text = (
        "proses_bisnis:\n  - id: DAB-01\n    nama: Layanan\n    referensi: '04.01.04 Pengelolaan'\n"
    )
    write_repo(tmp_path, {"contoh.yaml": text})
    model, problems = load(tmp_path)
    assert not problems
    assert model.elemen["DAB-01"].referensi == "RAB.04.01.04"


def test_wrong_catalogue_is_a_rule_finding_not_a_load_error(tmp_path: Path) -> None:
    text = "proses_bisnis:\n  - id: DAB-01\n    nama: Layanan\n    referensi: rad.04.01.04\n"
    assert_problems(tmp_path, text, [("SPBE-KAT-002", 4, 16)])


def test_local_extension_under_a_node_with_children(tmp_path: Path) -> None:
    text = """\
infrastruktur:
  - {id: OS-1, jenis: sistem_operasi, nama: Linux, referensi: RAI.03.01.07.09}
  - {id: OS-2, jenis: sistem_operasi, nama: Linux, referensi: RAI.03.01.07.02}
  - {id: OS-3, jenis: sistem_operasi, nama: Linux, referensi: RAI.03.01.07.02.01}
"""
    assert_problems(tmp_path, text, [("SPBE-KAT-004", 2, 63)])


def test_withdrawn_node_is_reported_with_its_replacement(tmp_path: Path) -> None:
    shipped = load_katalog("2022.1")
    nodes = [
        dataclasses.replace(s, status="tidak_berlaku", diganti_oleh="RAB.04.01.05")
        if s.kode == "RAB.04.01.04"
        else s
        for s in shipped
    ]
    info = {p: shipped.info(p) for p in shipped.prefixes}
    katalog = Katalog("2099.1", nodes, info, status="tidak_berlaku")
    text = "proses_bisnis:\n  - {id: DAB-01, nama: Layanan, referensi: RAB.04.01.04}\n"
    write_repo(tmp_path, {"contoh.yaml": text})
    model, _ = load(tmp_path)
    ctx = Context(model, ModelGraph(model, katalog), katalog, dt.date(2026, 1, 1))
    problems = run_rules(ctx, only=["SPBE-KAT-005"])
    assert [(p.line, "RAB.04.01.05" in p.message) for p in problems if p.element_id] == [(2, True)]
    assert [p.line for p in problems if p.element_id is None] == [8]


def test_unknown_catalogue_version_falls_back_without_crashing(tmp_path: Path) -> None:
    spbe = MINIMAL_SPBE.replace('"2022.1"', '"1999.9"')
    result = run(tmp_path, UNCLASSIFIED, extra={"spbe.yaml": spbe})
    assert any(p.code == "SPBE-SKEMA-003" and p.line == 8 for p in result.problems)
    assert pinned_katalog(result.model) is not None


def test_example_of_a_clean_small_model(tmp_path: Path) -> None:
    assert_clean(
        tmp_path,
        "proses_bisnis:\n  - {id: DAB-01, nama: Layanan, referensi: RAB.04.01.04}\n",
        "SPBE-KAT-001",
        "SPBE-KAT-002",
        "SPBE-KAT-003",
        "SPBE-KAT-004",
    )


def test_references_to_elements_that_failed_to_load_do_not_cascade(tmp_path: Path) -> None:
    broken = "layanan:\n  - id: DAL-01\n    nama: [Pelayanan\n"  # unclosed bracket
    invalid = "layanan:\n  - id: DAL-02\n    metode_layanan: online\n"  # bad enum, no nama
    uses = "aplikasi:\n  - id: A-1\n    nama: SIMPUS\n    layanan: [DAL-01, DAL-02, DAL-03]\n"
    result = run(tmp_path, uses, extra={"rusak.yaml": broken, "salah.yaml": invalid})
    refs = [(p.line, p.column, p.message) for p in result.problems if p.code == "SPBE-REF-001"]
    assert [(line, column) for line, column, _ in refs] == [(4, 31)]
    assert "DAL-03" in refs[0][2]
    assert {"DAL-01", "DAL-02"} <= set(result.model.unloaded)
    codes = {p.code for p in result.problems}
    assert {"SPBE-YAML-001", "SPBE-SKEMA-001", "SPBE-SKEMA-003"} <= codes


@pytest.mark.parametrize(
    ("typed", "reported"),
    [
        ("'04.01.04 Pengelolaan Pelayanan Kesehatan'", False),  # the catalogue says "Penge4olaan"
        ("'04.01.04 Pendidikan Dasar'", True),
        ("RAB.04.01.04", False),
        ("rab.04.01.04 — pengelolaan pelayanan kesehatan", False),
    ],
)
def test_name_typed_after_the_code_is_compared_with_the_catalogue(
    tmp_path: Path, typed: str, reported: bool
) -> None:
    text = f"proses_bisnis:\n  - id: DAB-01\n    nama: Layanan\n    referensi: {typed}\n"
    expected = [("SPBE-KAT-008", 4, 16)] if reported else []
    result = run(tmp_path, text)
    assert [(p.code, p.line, p.column) for p in result.problems if p.code == "SPBE-KAT-008"] == (
        expected
    )
    assert result.model.elemen["DAB-01"].referensi == "RAB.04.01.04"
