"""What real inventories hold and how the rules treat it: shared owners, lifecycle, names in
real forms, evidence-based duplicates, OPD names in suggestions, regimes by year, catalogue name
search, messages for OPD staff, and the JSON Schema agreeing with the loader."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from jsonschema import Draft202012Validator

from conftest import write_repo
from rulekit import TODAY, assert_clean, assert_problems, found, pengisi, run
from spbe_arch.aplikasi_umum import find, load_aplikasi_umum, name_forms
from spbe_arch.check import check
from spbe_arch.cli import main
from spbe_arch.model import Layanan, owners_of
from spbe_arch.schema import config_schema, model_file_schema

OPD = """\
perangkat_daerah:
  - {id: DISDIKBUD, nama: Dinas Pendidikan dan Kebudayaan, tipe: dinas}
  - {id: DINAS-PANGAN, nama: Dinas Ketahanan Pangan, tipe: dinas}
  - {id: KEC-A, nama: Kecamatan A, tipe: kecamatan}
  - {id: KEC-B, nama: Kecamatan B, tipe: kecamatan}
  - {id: PDAM, nama: Perumda Air Minum, tipe: bumd}
"""


# -- ownership -------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("written", "owners"),
    [("KEC-A", ("KEC-A",)), (["KEC-A", "KEC-B"], ("KEC-A", "KEC-B")), (["KEC-A"], ("KEC-A",)),
     ("pemda", ("pemda",)), (None, ())],
)  # fmt: skip
def test_owners_of_every_form(written: Any, owners: tuple[str, ...]) -> None:
    assert owners_of(Layanan(id="L", nama="x", opd=written)) == owners


def test_pemda_is_not_listed_with_opds(tmp_path: Path) -> None:
    result = run(tmp_path, OPD + "layanan:\n  - {id: L-1, nama: X, opd: [pemda, KEC-A]}\n")
    [bad] = [p for p in result.problems if p.code == "SPBE-SKEMA-003"]
    assert "seluruh Pemda" in bad.message and "whole Pemda" in bad.message_en


def test_shared_and_pemda_owners_satisfy_ownership(tmp_path: Path) -> None:
    text = OPD + (
        "proses_bisnis:\n  - {id: PB-1, nama: Perencanaan, opd: pemda}\n"
        "layanan:\n  - {id: L-1, nama: PATEN, opd: [KEC-A, KEC-B]}\n"
        "  - {id: L-2, nama: Salah, opd: [KEC-A, KEC-X]}\n"
    )
    result = assert_problems(tmp_path, text, [("SPBE-OPD-001", 11, 41)])
    assert found(result, "SPBE-OPD-002") == []


def test_opd_suggestion_uses_names(tmp_path: Path) -> None:
    text = OPD + "aplikasi:\n  - {id: A-1, nama: Dapodik, opd: DINAS-PENDIDIKAN}\n"
    result = run(tmp_path, text)
    [typo] = [p for p in result.problems if p.code == "SPBE-OPD-001"]
    assert "maksud Anda 'DISDIKBUD' (Dinas Pendidikan dan Kebudayaan)?" in typo.message
    assert "DINAS-PANGAN" not in typo.message


def test_opd_hierarchy(tmp_path: Path) -> None:
    text = OPD + (
        "  - {id: KEL-1, nama: Kelurahan Satu, tipe: kelurahan, induk: KEC-A}\n"
        "  - {id: KEL-2, nama: Kelurahan Dua, tipe: kelurahan, induk: DISDIKBUD}\n"
        "  - {id: UPTD-1, nama: UPTD Satu, tipe: uptd, induk: DINAS-PANGN}\n"
        "  - {id: X-1, nama: Unit X, tipe: lainnya, induk: X-2}\n"
        "  - {id: X-2, nama: Unit Y, tipe: lainnya, induk: X-1}\n"
    )
    result = run(tmp_path, text)
    got = sorted((p.element_id, p.message) for p in result.problems if p.code == "SPBE-OPD-004")
    assert [g[0] for g in got] == ["KEL-2", "UPTD-1", "X-1", "X-2"]
    assert "harus Kecamatan" in got[0][1] and "maksud Anda 'DINAS-PANGAN'" in got[1][1]


# -- lifecycle -------------------------------------------------------------------------------
def test_inactive_applications_are_not_asked_for_running_systems(tmp_path: Path) -> None:
    app = "aplikasi:\n  - {id: A-1, nama: SIMPEG Lama, referensi: RAA.02, status_operasional: %s}\n"
    extra = pengisi("layanan", "infrastruktur", "keamanan")
    for status in ("tidak_aktif", "pensiun", "dalam_pengembangan"):
        result = run(tmp_path / status, app % status, extra=extra)
        codes = {p.code for p in result.problems if p.element_id == "A-1"}
        assert codes & {"SPBE-APL-001", "SPBE-APL-002", "SPBE-KEA-001", "SPBE-KEA-002",
                        "SPBE-KAT-003"} == set(), status  # fmt: skip
    active = run(tmp_path / "aktif", app % "aktif", extra=extra)
    codes = {p.code for p in active.problems if p.element_id == "A-1"}
    assert {"SPBE-APL-001", "SPBE-APL-002", "SPBE-KEA-001", "SPBE-KEA-002"} <= codes


def test_empty_domain_is_one_finding(tmp_path: Path) -> None:
    text = "aplikasi:\n" + "".join(f"  - {{id: A-{i}, nama: App {i}}}\n" for i in range(30))
    result = run(tmp_path, text)
    assert found(result, "SPBE-KEA-001") == found(result, "SPBE-KEA-002") == []
    [keamanan] = [
        p for p in result.problems if p.code == "SPBE-ARS-001" and "Keamanan" in p.message
    ]
    assert "SPBE-KEA-001, SPBE-KEA-002 tidak diulang" in keamanan.message


# -- national applications -------------------------------------------------------------------
@pytest.mark.parametrize(
    ("name", "national"),
    [("SIPD (Sistem Informasi Pemerintahan Daerah)", "SIPD"), ("Aplikasi SRIKANDI", "SRIKANDI"),
     ("sp4n lapor", "SP4N-LAPOR!"), ("SIPD - Sistem Informasi Pemerintahan Daerah", "SIPD"),
     ("Sistem Informasi Rencana Umum Pengadaan", "SIRUP"), ("KRISNA-DAK", "KRISNA"),
     ("Sistem Informasi Puskesmas", None), ("SIPD (SRIKANDI)", None)],
)  # fmt: skip
def test_names_in_real_forms(name: str, national: str | None) -> None:
    entry = find(name)
    assert (entry.nama if entry else None) == national, name_forms(name)


@pytest.mark.parametrize(
    "uraian",
    [
        "Tiket keluhan gangguan jaringan internal perangkat daerah.",
        "Portal data terbuka; masyarakat dapat menyampaikan keluhan atas kualitas data.",
        "Pengaduan pelanggan atas gangguan layanan air minum; keluhan masyarakat pelanggan.",
        "Pengaduan internal pegawai (whistle blowing).",
        "Pengadaan ikan segar untuk lelang ikan di TPI.",
        "Presensi pegawai ASN untuk perhitungan TPP.",
    ],
)
def test_look_alikes_are_not_duplicates(uraian: str) -> None:
    assert load_aplikasi_umum().match_evidence(uraian) == []


def test_duplicates_state_their_evidence(tmp_path: Path) -> None:
    text = OPD + (
        "aplikasi:\n"
        "  - {id: A-1, nama: Lapor Warga, uraian: Keluhan warga atas pelayanan publik}\n"
        "  - {id: A-2, nama: Pengaduan Pelanggan, uraian: Pengaduan masyarakat, opd: PDAM}\n"
        "  - {id: A-3, nama: Aplikasi SRIKANDI}\n"
    )
    result = run(tmp_path, text)
    by_id = {p.element_id: p for p in result.problems if p.code == "SPBE-APL-004"}
    assert set(by_id) == {"A-1", "A-3"}  # a BUMD is not bound to use Aplikasi Umum
    assert "bukti: 'lapor' bersama 'warga' di 'nama'" in by_id["A-1"].message
    assert "evidence: 'lapor' with 'warga' in 'nama'" in by_id["A-1"].message_en
    assert "asal: aplikasi_umum" in (by_id["A-3"].hint or "")  # SRIKANDI itself


# -- evaluation regimes ----------------------------------------------------------------------
ITEM = """\
peta_rencana:
  - id: PR-1
    nama: Tindak lanjut
    muatan: tata_kelola
    tahun_mulai: {mulai}
    tahun_selesai: {selesai}
    indikator: [{ref}]
"""


@pytest.mark.parametrize(
    ("mulai", "selesai", "ref", "codes"),
    [(2019, 2020, '"5/2018:20"', []), (2020, 2020, '"5/2018:35"', []),
     (2020, 2020, '"5/2018:36"', ["SPBE-RMP-008"]), (2019, 2019, '"8/2026:1"', ["SPBE-RMP-008"]),
     (2027, 2028, '"59/2020:11"', ["SPBE-RMP-012"]), (2025, 2027, '"59/2020:11"', [])],
)  # fmt: skip
def test_indicators_of_the_regime_in_force(
    tmp_path: Path, mulai: int, selesai: int, ref: str, codes: list[str]
) -> None:
    spbe = (
        "spbe_arch: 1\npemda: {nama: Kota X, jenis: kota}\n"
        "periode: {mulai: 2018, selesai: 2030}\nkatalog: '2022.1'\n"
    )
    text = ITEM.format(mulai=mulai, selesai=selesai, ref=ref)
    result = run(tmp_path, text, extra={"spbe.yaml": spbe})
    got = [p.code for p in result.problems if p.code in ("SPBE-RMP-008", "SPBE-RMP-012")]
    assert got == codes


def test_evaluate_by_year_and_the_2018_index(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = write_repo(tmp_path / "repo", {"a.yaml": "aplikasi:\n  - {id: A, nama: X}\n"})
    assert main(["evaluate", str(root), "--tahun", "2021", "--format", "json"]) == 0
    out = capsys.readouterr().out
    assert '"rezim": "59/2020"' in out and "8/2026" not in out
    kota = Path(__file__).resolve().parents[1] / "models" / "kota-inventaris"
    assert main(["evaluate", str(kota), "--tahun", "2024", "--format", "json"]) == 0
    history = json.loads(capsys.readouterr().out)["riwayat_evaluasi"]
    assert [(r["tahun"], r["predikat"]) for r in history][:2] == [(2018, "Cukup"), (2019, "Cukup")]
    levels = tmp_path / "level.yaml"
    levels.write_text("rezim: 5/2018\nindikator: {1: 3}\n", encoding="utf-8")
    assert main(["evaluate", "--indeks", str(levels)]) == 2
    assert "belum terverifikasi" in capsys.readouterr().err


# -- catalogue search ------------------------------------------------------------------------
def test_katalog_searches_names_and_sector_notes(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["katalog", "Informasi Publik"]) == 0
    out = capsys.readouterr().out
    assert "RAB.09.03.03  Pengelolaan Informasi Publik" in out
    assert main(["katalog", "persandian"]) == 0
    assert "RAB.09.03.08 Manajemen Keamanan Informasi" in capsys.readouterr().out
    for sector in ("kesbangpol", "kecamatan", "DPRD"):
        assert main(["katalog", sector]) == 0
        assert "Sektor yang tidak bernama di katalog" in capsys.readouterr().out
    assert main(["katalog", "tidak ada yang bernama begini"]) == 1
    capsys.readouterr()
    assert main(["katalog", "persandian", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["catatan_sektor"][0]["rab"] == ["RAB.09.03.08"]


def test_sector_notes_point_at_existing_codes() -> None:
    from spbe_arch.referensi import load_katalog
    from spbe_arch.referensi.cari import catatan_sektor

    katalog = load_katalog()
    notes = catatan_sektor()
    assert {n.nama for n in notes} >= {"Persandian", "Kecamatan", "Sekretariat DPRD"}
    assert all(code in katalog for n in notes for code in (*n.rab, *n.ral))


# -- messages for OPD staff ------------------------------------------------------------------
def test_messages_say_what_to_write(tmp_path: Path) -> None:
    text = (
        "aplikasi:\n  - id: DAA 01\n    nama: X\n"
        "  - id: DAA-02\n    nama: Y\n    basis: [web, hp]\n"
        "infrastruktur:\n  - id: DAI-01\n    nama: Server\n"
    )
    result = run(tmp_path, text)
    messages = [p.message for p in result.problems if p.code.startswith("SPBE-SKEMA")]
    assert any("mis. `DAA-001`" in m and "^" not in m for m in messages)
    assert any("untuk 'basis'" in m for m in messages)
    jenis = next(m for m in messages if "'jenis'" in m)
    assert "pilihan: komputasi_awan, server" in jenis


def test_tab_indentation_is_named(tmp_path: Path) -> None:
    result = run(tmp_path, "data:\n\t- id: DAD-01\n")
    [problem] = [p for p in result.problems if p.code == "SPBE-YAML-001"]
    assert "tab" in problem.message and "tab" in problem.message_en


# -- the JSON Schema accepts what the loader accepts -----------------------------------------
def _yaml12(text: str) -> Any:
    class Loader(yaml.SafeLoader):
        pass

    Loader.yaml_implicit_resolvers = {
        k: [(t, r) for t, r in v if t != "tag:yaml.org,2002:timestamp"]
        for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }
    return yaml.load(text, Loader=Loader)


MODEL_CASES = [
    "tahun_mulai: 2026", "tahun_mulai: '2026'", "tahun_mulai: ' 2026 '", "tahun_mulai: '+2026'",
    "tahun_mulai: '2026.0'", "tahun_mulai: dua ribu", "tahun_mulai: '2026.5'",
    "tahun_mulai: '20 26'", "tahun_mulai: ''", "tahun_mulai: 2026.0",
    "pengguna: pemda", "pengguna: [pemda]", "pengguna: {a: 1}", "pengguna: 5",
]  # fmt: skip
CONFIG_CASES = [
    "indeks: 2.85", "indeks: '2.85'", "indeks: ' 3 '", "indeks: '.5'", "indeks: '2,85'",
    "indeks: tiga", "indeks: '1e0'",
]  # fmt: skip


@pytest.mark.parametrize("line", MODEL_CASES)
def test_schema_and_loader_agree_on_model_values(tmp_path: Path, line: str) -> None:
    text = f"aplikasi:\n  - id: A\n    nama: X\n    {line}\n"
    loader_ok = not [p for p in run(tmp_path, text).problems if p.code.startswith("SPBE-SKEMA")]
    schema_ok = not list(Draft202012Validator(model_file_schema()).iter_errors(_yaml12(text)))
    assert loader_ok == schema_ok, line


@pytest.mark.parametrize("line", CONFIG_CASES)
def test_schema_and_loader_agree_on_config_values(tmp_path: Path, line: str) -> None:
    spbe = (
        "spbe_arch: 1\npemda: {nama: Kota X, jenis: kota}\nperiode: {mulai: 2025, selesai: 2029}\n"
        f"katalog: '2022.1'\nriwayat_evaluasi:\n  - tahun: '2024'\n    {line}\n"
    )
    result = check(write_repo(tmp_path, {"spbe.yaml": spbe}), today=TODAY)
    loader_ok = not [p for p in result.problems if p.code.startswith("SPBE-SKEMA")]
    schema_ok = not list(Draft202012Validator(config_schema()).iter_errors(_yaml12(spbe)))
    assert loader_ok == schema_ok, line


def test_schema_cases_exercise_both_answers() -> None:
    # the agreement tests above mean something only if both answers occur among the cases
    oks = []
    for line in MODEL_CASES:
        text = f"aplikasi:\n  - id: A\n    nama: X\n    {line}\n"
        oks.append(not list(Draft202012Validator(model_file_schema()).iter_errors(_yaml12(text))))
    assert 3 <= sum(oks) <= len(oks) - 3


def test_target_year_and_partner_alternatives_in_the_schema(tmp_path: Path) -> None:
    validator = Draft202012Validator(model_file_schema())
    item = "peta_rencana:\n  - {id: P, nama: X, muatan: aplikasi, %s}\n"
    assert not list(validator.iter_errors(_yaml12(item % "tahun_target: 2027")))
    assert list(validator.iter_errors(_yaml12(item % "tahun_mulai: 2027")))
    integ = "aplikasi:\n  - {id: A, nama: X, integrasi: [%s]}\n"
    assert not list(validator.iter_errors(_yaml12(integ % "{mitra: SIAK Terpusat}")))
    assert list(validator.iter_errors(_yaml12(integ % "{arah: kirim}")))
    assert_clean(tmp_path, item % "tahun_target: 2027", "SPBE-SKEMA-001")


def test_every_rule_is_reviewed_against_the_severity_policy() -> None:
    import re

    from spbe_arch.rules import REGISTRY
    from spbe_arch.rules.docs import _KALIBRASI_TAIL, KALIBRASI

    named = " ".join(code for code, _, _ in KALIBRASI) + " " + _KALIBRASI_TAIL
    reviewed = set(re.findall(r"SPBE-[A-Z]+-\d{3}", named))
    for prefix, first, last in re.findall(r"(SPBE-[A-Z]+-)(\d{3})…(\d{3})", named):
        reviewed |= {f"{prefix}{n:03d}" for n in range(int(first), int(last) + 1)}
    builtin = {c for c, r in REGISTRY.items() if r.func is None or r.func.__module__.startswith(
        "spbe_arch.")}  # fmt: skip
    assert builtin - reviewed == set()
