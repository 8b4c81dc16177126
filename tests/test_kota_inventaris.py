"""The inventory-like example (models/kota-inventaris): every finding pinned, none elsewhere.

The model was written like a real Pemda inventory (coarse RAA codes, inactive applications, a
BUMD and an RSUD, kelurahan under kecamatan, services every kecamatan delivers, Pemda-wide
processes, no security inventory, evaluation history, follow-ups citing Permenpan RB 5/2018).
Each finding below is a real gap of that model; any other finding is a rule firing where the
data is acceptable, and fails this test.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import Path

from spbe_arch.check import CheckResult, check
from spbe_arch.model import SELURUH_PEMDA, owners_of

KOTA = Path(__file__).resolve().parents[1] / "models" / "kota-inventaris"
TODAY = dt.date(2026, 11, 30)

EXPECTED: set[tuple[str, str | None]] = {
    # a coarse but correct RAA code (RAA.01/RAA.02) on every running application coded so
    ("SPBE-KAT-003", "DAA-001"),
    ("SPBE-KAT-003", "DAA-002"),
    ("SPBE-KAT-003", "DAA-004"),
    ("SPBE-KAT-003", "DAA-005"),
    ("SPBE-KAT-003", "DAA-006"),
    ("SPBE-KAT-003", "DAA-007"),
    ("SPBE-KAT-003", "DAA-008"),
    ("SPBE-KAT-003", "DAA-009"),
    ("SPBE-KAT-003", "DAA-010"),
    ("SPBE-KAT-003", "DAA-013"),
    ("SPBE-KAT-003", "DAA-015"),
    ("SPBE-KAT-003", "DAA-017"),
    ("SPBE-APL-004", "DAA-004"),  # e-Surat: a Pemda-built duplicate of SRIKANDI
    ("SPBE-APL-002", "DAA-017"),  # the attendance app built by the Pemda: hosting unknown
    ("SPBE-APL-003", "DAA-010"),  # e-PATEN ↔ SIAK without a service bus
    ("SPBE-LAY-003", "DAL-009"),  # network support service: no business process recorded
    ("SPBE-OPD-001", "DAA-018"),  # owner typed DINAS-PENDIDIKAN
    ("SPBE-ARS-001", None),  # no security element at all: said once
    ("SPBE-RMP-005", "PR-01"),  # no roadmap item for manajemen and audit_tik
    ("SPBE-RMP-006", "PR-07"),  # the CSIRT item has no funding code for 2024
}

COUNTS = {
    "SPBE-KAT-003": 12,
    "SPBE-APL-002": 1,
    "SPBE-APL-003": 1,
    "SPBE-APL-004": 1,
    "SPBE-ARS-001": 1,
    "SPBE-LAY-003": 1,
    "SPBE-OPD-001": 1,
    "SPBE-RMP-005": 1,
    "SPBE-RMP-006": 1,
}


def _result() -> CheckResult:
    return check(KOTA, today=TODAY)


def test_every_finding_is_pinned_and_no_other_rule_fires() -> None:
    result = _result()
    got = [(p.code, p.element_id) for p in result.problems]
    assert len(got) == len(set(got)), "a finding is repeated"
    assert set(got) == EXPECTED
    assert Counter(code for code, _ in got) == COUNTS
    assert sum(COUNTS.values()) == len(EXPECTED) == 20
    errors = [p for p in result.problems if p.severity.value == "error"]
    assert [(p.code, p.element_id) for p in errors] == [("SPBE-OPD-001", "DAA-018")]


def test_the_model_exercises_what_real_inventories_hold() -> None:
    model = _result().model
    # shared ownership in every form, and the Pemda as a whole
    assert owners_of(model.elemen["DAB-001"]) == (SELURUH_PEMDA,)
    assert owners_of(model.elemen["DAL-001"]) == ("KEC-UTARA", "KEC-SELATAN", "KEC-TIMUR")
    assert owners_of(model.elemen["DAD-002"]) == ("DINKES", "RSUD")
    # unit kinds and hierarchy
    kinds = {o.tipe.value for o in model.opd.values()}
    assert {"bumd", "rsud", "uptd", "kelurahan", "kecamatan", "kesbangpol"} <= kinds
    assert model.opd["KEL-SUKAMAJU"].induk == "KEC-UTARA"
    assert model.opd["RSUD"].induk == "DINKES"
    # lifecycle, users, procurement, service standards, history, legal basis, target years
    statuses = {getattr(e, "status_operasional", None) for e in model}
    assert {s.value for s in statuses if s is not None} >= {"aktif", "tidak_aktif", "pensiun"}
    assert model.elemen["DAA-001"].pengguna == ["pemda"]  # type: ignore[attr-defined]
    assert model.elemen["DAA-009"].pengadaan.sumber_dana.value == "blud"  # type: ignore[attr-defined]
    assert model.elemen["DAL-001"].standar_pelayanan.biaya == "Gratis"  # type: ignore[attr-defined]
    config = model.konfigurasi
    assert config is not None
    assert [r.tahun for r in config.riwayat_evaluasi] == [2018, 2019, 2021, 2022, 2023, 2024]
    assert config.riwayat_evaluasi[-1].indeks == 3.12  # written quoted: '3.12'
    assert {d.bagian.value for d in config.dasar_hukum} >= {"arsitektur", "proses_bisnis"}
    item = model.elemen["PR-04"]
    assert (item.tahun_mulai, item.tahun_selesai) == (2021, 2021)  # type: ignore[attr-defined]


def test_the_kota_case_in_spirit() -> None:
    """Coarse codes warn only; an empty domain is one finding; inactive apps are left alone;
    follow-ups citing 5/2018 in its years are accepted; keyword look-alikes are not flagged."""
    problems = _result().problems
    coarse = [p for p in problems if p.code == "SPBE-KAT-003"]
    assert coarse and all(p.severity.value == "warning" for p in coarse)
    assert "perinci ke Level 2: RAA.02.01" in next(
        p.message for p in coarse if p.element_id == "DAA-004"
    )
    assert not [p for p in problems if p.code.startswith("SPBE-KEA")]
    quiet = {"DAA-011", "DAA-012", "DAL-007", "DAI-004"}  # retired or inactive
    assert not [p for p in problems if p.element_id in quiet]
    assert not [p for p in problems if p.code in ("SPBE-RMP-008", "SPBE-RMP-012")]
    flagged = {p.element_id for p in problems if p.code == "SPBE-APL-004"}
    assert flagged == {"DAA-004"}  # not the data portal, the helpdesk or the BUMD's complaints
    evidence = next(p.message for p in problems if p.code == "SPBE-APL-004")
    assert "bukti: kata kunci 'persuratan' di 'nama'" in evidence
    assert not [p for p in problems if p.code in ("SPBE-APL-006", "SPBE-APL-005")]
    assert not [p for p in problems if p.code in ("SPBE-OPD-002", "SPBE-REF-001")]
    typo = next(p.message for p in problems if p.code == "SPBE-OPD-001")
    assert "maksud Anda 'DISDIKBUD' (Dinas Pendidikan dan Kebudayaan)?" in typo


def test_the_pemda_and_shared_owners_in_the_graph() -> None:
    from spbe_arch.graph import ModelGraph

    model = _result().model
    graph = ModelGraph(model)
    # `opd: pemda` and `pengguna: pemda` are not broken references; the typo is
    assert [(d.source, d.target) for d in graph.dangling] == [("DAA-018", "DINAS-PENDIDIKAN")]
    # a service every kecamatan delivers belongs to each kecamatan's part of the graph
    for kecamatan in ("KEC-UTARA", "KEC-SELATAN", "KEC-TIMUR"):
        assert "DAL-001" in graph.of_opd(kecamatan).nodes
        assert "DAL-001" in {i for i in model.elemen if kecamatan in model.owners(i)}
