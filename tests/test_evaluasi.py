"""Evaluation: the regime tables against published figures, the index calculator on
hand-computed cases for both regimes, the self-assessment, and ``spbe-arch evaluate``."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from conftest import write_repo
from spbe_arch.check import check
from spbe_arch.cli import main
from spbe_arch.evaluasi import (
    HasilIndikator,
    IndeksError,
    baca_level,
    hitung_indeks,
    load_rezim,
    nilai_mandiri,
)
from spbe_arch.evaluasi.rezim import RezimError, normalise, rezim_pada_tahun
from spbe_arch.evaluasi.teks import format_penilaian

EXAMPLE = Path(__file__).resolve().parents[1] / "models" / "kabupaten-contoh"
TODAY = dt.date(2026, 11, 30)


# -- the tables -----------------------------------------------------------------------------
@pytest.mark.parametrize("kode", ["59/2020", "8/2026"])
def test_weights_sum_to_100_and_groups_add_up(kode: str) -> None:
    rezim = load_rezim(kode)
    assert sum(i.bobot for i in rezim.indikator()) == pytest.approx(100)
    assert sum(a.bobot for a in rezim.aspek) == pytest.approx(100)
    for aspek in rezim.aspek:
        assert sum(i.bobot for i in aspek.indikator) == pytest.approx(aspek.bobot), aspek.nama
    for domain in rezim.domain:
        own = sum(a.bobot for a in rezim.aspek if a.domain == domain.no)
        assert own == pytest.approx(domain.bobot), domain.nama
    assert [i.no for i in rezim.indikator()] == list(range(1, len(rezim.indikator()) + 1))


def test_59_2020_matches_published_figures() -> None:
    rezim = load_rezim("59/2020")
    assert (len(rezim.domain), len(rezim.aspek), len(rezim.indikator())) == (4, 8, 47)
    assert {d.nama: d.bobot for d in rezim.domain}["Layanan SPBE"] == 45.5
    aspek = {a.nama: a.bobot for a in rezim.aspek}
    assert aspek["Penerapan Manajemen SPBE"] == 12  # 2024 figures: 12 / 27.5 / 18 %
    assert aspek["Layanan Administrasi Pemerintahan Berbasis Elektronik"] == 27.5
    assert aspek["Layanan Publik Berbasis Elektronik"] == 18
    assert rezim.cari(11).nama == "Arsitektur SPBE"  # type: ignore[union-attr]
    assert rezim.cari(12).nama == "Peta Rencana SPBE"  # type: ignore[union-attr]
    assert rezim.nama_level(12, 3) == "Terdefinisi" and rezim.nama_level(45, 3) == "Transaksi"


def test_8_2026_structure() -> None:
    rezim = load_rezim("8")
    assert (len(rezim.domain), len(rezim.aspek), len(rezim.indikator())) == (0, 7, 20)
    assert {a.nama: a.bobot for a in rezim.aspek}[
        "Kepuasan Pengguna Layanan Digital Pemerintah"
    ] == 25
    assert rezim.cari(1).nama == "Tata Kelola Pemerintah Digital"  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("kode", "indeks", "predikat"),
    [
        ("59/2020", 3.11, "Baik"),  # a Kabupaten in 2023, rated "Baik"
        ("8/2026", 3.11, "Baik"),  # also "Baik" on the Pemdi scale
        ("59/2020", 4.23, "Memuaskan"),  # the DPR
        ("8/2026", 4.23, "Memuaskan"),
        ("59/2020", 3.12, "Baik"),  # Indeks SPBE Nasional 2024
        ("59/2020", 4.2, "Memuaskan"),
        ("59/2020", 4.19, "Sangat Baik"),
        ("59/2020", 3.5, "Sangat Baik"),
        ("59/2020", 2.6, "Baik"),
        ("59/2020", 2.59, "Cukup"),
        ("59/2020", 1.8, "Cukup"),
        ("59/2020", 1.79, "Kurang"),
        ("8/2026", 4.0, "Memuaskan"),
        ("8/2026", 3.99, "Sangat Baik"),
        ("8/2026", 2.5, "Baik"),
        ("8/2026", 2.49, "Cukup"),
        ("8/2026", 1.5, "Cukup"),
        ("8/2026", 1.49, "Kurang"),
    ],
)
def test_predicate_thresholds(kode: str, indeks: float, predikat: str) -> None:
    assert load_rezim(kode).predikat_of(indeks).nama == predikat


def test_regime_names() -> None:
    assert normalise("permenpan_59_2020") == "59/2020" and normalise("8") == "8/2026"
    with pytest.raises(RezimError):
        normalise("5/2020")


# -- the calculator, by hand ------------------------------------------------------------------
def test_59_2020_hand_computed() -> None:
    # Kebijakan (1-10) level 4, Tata Kelola (11-20) 3, Manajemen (21-31) 1,
    # administrasi (32-41) 3, publik (42-47) 4:
    # Indeks = (13*4 + 25*3 + 16.5*1 + 27.5*3 + 18*4) / 100 = (52+75+16.5+82.5+72)/100 = 2.98
    # Layanan = (27.5*3 + 18*4) / 45.5 = 154.5 / 45.5 = 3.3956 -> 3.40
    level = {i: 4 for i in range(1, 11)} | {i: 3 for i in range(11, 21)}
    level |= {i: 1 for i in range(21, 32)} | {i: 3 for i in range(32, 42)}
    level |= {i: 4 for i in range(42, 48)}
    hasil = hitung_indeks("59/2020", level)
    assert hasil.indeks == pytest.approx(2.98)
    assert hasil.predikat is not None and hasil.predikat.nama == "Baik"
    assert [round(s.nilai or 0, 2) for s in hasil.domain] == [4.0, 3.0, 1.0, 3.4]
    assert [round(s.nilai or 0, 2) for s in hasil.aspek] == [4.0, 3.0, 3.0, 3.0, 1.0, 1.0, 3.0, 4.0]
    assert hasil.lengkap and hasil.to_dict()["indeks"] == 2.98


def test_8_2026_hand_computed() -> None:
    # aspek 1: (5*4 + 5*2)/10 = 3; aspek 2: 3; aspek 3: (5*3 + 3*2 + 3*2 + 4*4)/15 = 43/15
    # = 2.87; aspek 4: 3; aspek 5: 4; aspek 6: 3; aspek 7: (10*2 + 15*4)/25 = 3.2
    # Indeks = (30 + 30 + 43 + 45 + 40 + 45 + 80) / 100 = 3.13 -> Baik (Berkembang)
    level = {1: 4, 2: 2, 3: 3, 4: 3, 5: 3, 6: 2, 7: 2, 8: 4} | {i: 3 for i in range(9, 13)}
    level |= {13: 4, 14: 4, 15: 3, 16: 3, 17: 3, 18: 3, 19: 2, 20: 4}
    hasil = hitung_indeks("8/2026", level, 2026)
    assert hasil.indeks == pytest.approx(3.13)
    assert hasil.predikat is not None
    assert (hasil.predikat.nama, hasil.predikat.label) == ("Baik", "Berkembang / Developing")
    assert [round(s.nilai or 0, 2) for s in hasil.aspek] == [3.0, 3.0, 2.87, 3.0, 4.0, 3.0, 3.2]
    assert hasil.domain == []


def test_same_levels_different_predicates_in_the_two_regimes() -> None:
    # Pemdi: every indicator 4, Pengelolaan Kepuasan Pengguna (15 %) 5:
    # (85*4 + 15*5)/100 = 4.15 -> Memuaskan (>= 4.0), but only Sangat Baik under 59/2020's 4.2.
    hasil = hitung_indeks("8/2026", {i: 4 for i in range(1, 20)} | {20: 5})
    assert hasil.indeks == pytest.approx(4.15)
    assert hasil.predikat is not None and hasil.predikat.nama == "Memuaskan"
    assert load_rezim("59/2020").predikat_of(4.15).nama == "Sangat Baik"


def test_partial_levels_give_a_provisional_index() -> None:
    hasil = hitung_indeks("8/2026", {1: 3, 2: 4})  # (5*3 + 5*4)/10 = 3.5
    assert hasil.indeks == pytest.approx(3.5) and not hasil.lengkap
    assert hasil.belum_dinilai == list(range(3, 21))
    assert hasil.aspek[1].nilai is None


@pytest.mark.parametrize("level", [{48: 3}, {1: 6}, {1: 0}])
def test_bad_levels_are_refused(level: dict[int, int]) -> None:
    with pytest.raises(IndeksError):
        hitung_indeks("59/2020", level)


def test_levels_file(tmp_path: Path) -> None:
    path = tmp_path / "nilai.yaml"
    path.write_text('rezim: "8/2026"\ntahun: 2026\nindikator:\n  1: 3\n  "8/2026:2": {level: 4}\n')
    assert baca_level(path) == ("8/2026", 2026, {1: 3, 2: 4})
    with pytest.raises(IndeksError, match="bukan 59/2020"):
        baca_level(path, "59/2020")
    path.write_text("indikator: {1: tiga}\n")
    with pytest.raises(IndeksError):
        baca_level(path, "59/2020")
    path.write_text("indikator: {1: 3}\n")
    with pytest.raises(IndeksError, match="rezim"):
        baca_level(path)


# -- the self-assessment ----------------------------------------------------------------------
def _levels(hasil: list[HasilIndikator]) -> dict[tuple[str, int], int]:
    return {(h.rezim, h.no): h.level for h in hasil}


def test_self_assessment_of_the_example_model() -> None:
    result = check(EXAMPLE, today=TODAY)
    hasil = nilai_mandiri(result, 2026, TODAY)
    assert _levels(hasil) == {
        ("59/2020", 1): 4,
        ("59/2020", 2): 4,
        ("59/2020", 11): 4,
        ("59/2020", 12): 3,  # 2024 lies before the roadmap's period: no 3 funded years yet
        ("8/2026", 1): 4,
    }
    twelve = next(h for h in hasil if h.no == 12)
    assert any("2024 (sebelum periode)" in m[0] for m in twelve.kurang)
    assert [h.rezim for h in nilai_mandiri(result, 2026, TODAY, "8/2026")] == ["8/2026"]


def test_self_assessment_uses_only_the_regimes_in_force_that_year() -> None:
    result = check(EXAMPLE, today=TODAY)
    assert {h.rezim for h in nilai_mandiri(result, 2021, TODAY)} == {"59/2020"}
    assert {h.rezim for h in nilai_mandiri(result, 2026, TODAY)} == {"59/2020", "8/2026"}
    assert {h.rezim for h in nilai_mandiri(result, 2027, TODAY)} == {"8/2026"}
    # 5/2018 rates the Rencana Induk as a whole: nothing is self-assessed, and the text says so
    assert nilai_mandiri(result, 2019, TODAY) == []
    assert "5/2018" in format_penilaian([], 2019)
    assert nilai_mandiri(result, 2021, TODAY, "8/2026") == []


def test_regimes_by_year_and_the_2018_regime() -> None:
    assert rezim_pada_tahun(2019) == ["5/2018"]
    assert rezim_pada_tahun(2020) == ["5/2018", "59/2020"]
    assert rezim_pada_tahun(2026) == ["59/2020", "8/2026"]
    table = load_rezim("5/2018")
    assert len(table.indikator()) == 35 and len(table.aspek) == 7 and len(table.domain) == 3
    assert [len(a.indikator) for a in table.aspek] == [7, 10, 2, 2, 3, 7, 4]
    assert sum(d.bobot for d in table.domain) == 100
    with pytest.raises(IndeksError, match="belum terverifikasi"):
        hitung_indeks("5/2018", {1: 3})


def test_self_assessment_of_a_draft(tmp_path: Path) -> None:
    root = write_repo(tmp_path / "repo", {"contoh.yaml": "aplikasi:\n  - {id: A, nama: SIMPUS}\n"})
    hasil = nilai_mandiri(check(root, today=TODAY), 2026, TODAY)
    assert _levels(hasil) == {
        ("59/2020", 1): 1,  # not enacted
        ("59/2020", 2): 1,
        ("59/2020", 11): 2,  # one domain of six
        ("59/2020", 12): 1,  # no roadmap
        ("8/2026", 1): 1,
    }
    eleven = next(h for h in hasil if h.no == 11)
    assert [m[1] for m in eleven.kurang] == [
        "cover all six domains",
        "1 elements have no reference code",
    ]


# -- the command ------------------------------------------------------------------------------
def test_evaluate_text(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["evaluate", str(EXAMPLE), "--tahun", "2026"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Penilaian mandiri indikator arsitektur dan peta rencana (2026)\n")
    assert "Permenpan RB 59/2020 indikator 12 Peta Rencana SPBE: level 3 (Terdefinisi)" in out
    assert main(["evaluate", str(EXAMPLE), "--tahun", "2026", "--lang", "en"]) == 0
    assert "needed for level 4:" in capsys.readouterr().out


def test_evaluate_json_with_index(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    levels = tmp_path / "nilai.yaml"
    levels.write_text(
        "rezim: 59/2020\nindikator: {" + ", ".join(f"{i}: 3" for i in range(1, 48)) + "}\n"
    )
    assert main(["evaluate", str(EXAMPLE), "--format", "json", "--indeks", str(levels)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["indeks"]["indeks"] == 3.0 and data["indeks"]["predikat"] == "Baik"
    assert {d["indikator"] for d in data["penilaian_mandiri"]} == {1, 2, 11, 12}
    assert main(["evaluate", "--indeks", str(levels)]) == 0  # no model needed
    text = capsys.readouterr().out
    assert "Indeks: 3.00  predikat: Baik" in text and "Penilaian mandiri" not in text
    assert main(["evaluate", "--indeks", str(levels), "--rezim", "8/2026"]) == 2
    assert "bukan 8/2026" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("rezim: 8/2026\nindikator:\n  1: tiga\n", ":3:6: level indikator 1"),
        ("rezim: 8/2026\nindikator:\n  satu: 3\n", ":3:3: nomor indikator 'satu'"),
        ("rezim: 7/2021\nindikator:\n  1: 3\n", ":1:8:"),
        ("rezim: 8/2026\nindikator: [1, 2\n", ":2:12: sintaks YAML"),
    ],
)
def test_bad_levels_files_name_the_line_and_column(tmp_path: Path, text: str, where: str) -> None:
    from spbe_arch.evaluasi.indeks import IndeksError, baca_level

    path = tmp_path / "nilai.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(IndeksError) as caught:
        baca_level(path)
    assert str(caught.value).startswith(str(path) + where.split(" ")[0]), str(caught.value)
    assert where in str(caught.value)
