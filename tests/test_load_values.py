"""Loader: plain scalars stay text, typed fields convert, null is absent, bad files stay apart."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from pathlib import Path

import pytest

import spbe_arch
from spbe_arch.load.yamltext import parse_text

MakeRepo = Callable[[Mapping[str, str | bytes]], Path]


@pytest.mark.parametrize(
    "text",
    [
        "no",
        "yes",
        "on",
        "off",
        "12:30",
        "1.10",
        "2024-01-05",
        "0x1F",
        "1e3",
        "007",
        "0o17",
        ".inf",
        "true",
        "False",
        "1_000",
        "+1",
        "=",
        "<<",
    ],
)
def test_plain_scalars_stay_text(make_repo: MakeRepo, text: str) -> None:
    root = make_repo({"a.yaml": f"aplikasi:\n  - id: A1\n    nama: {text}\n    basis: []\n"})
    model, problems = spbe_arch.load(root)
    assert problems == []
    assert model.elemen["A1"].nama == text


def test_plain_scalar_id_stays_text(make_repo: MakeRepo) -> None:
    root = make_repo(
        {"a.yaml": "aplikasi:\n  - id: 1.10\n    nama: no\n  - id: 007\n    nama: x\n"}
    )
    model, problems = spbe_arch.load(root)
    assert problems == []
    assert sorted(model.elemen) == ["007", "1.10"]


def test_typed_fields_convert_text(make_repo: MakeRepo) -> None:
    text = (
        "peta_rencana:\n  - id: R1\n    nama: Rencana\n    muatan: aplikasi\n"
        "    tahun_mulai: 2026\n    tahun_selesai: 2027\n"
        "    target:\n      2026: uji coba\n    anggaran:\n      2027: 1000000\n"
        "keamanan:\n  - id: K1\n    nama: Uji penetrasi\n    jenis: penanganan_insiden\n"
        "    tanggal_kegiatan: 2026-03-01\n    nilai_kematangan: 3.5\n"
    )
    model, problems = spbe_arch.load(make_repo({"a.yaml": text}))
    assert problems == []
    rencana = model.elemen["R1"]
    assert (rencana.tahun_mulai, rencana.tahun_selesai) == (2026, 2027)  # type: ignore[attr-defined]
    assert type(rencana.tahun_mulai) is int  # type: ignore[attr-defined]
    assert rencana.target == {2026: "uji coba"}  # type: ignore[attr-defined]
    assert rencana.anggaran == {2027: 1_000_000}  # type: ignore[attr-defined]
    insiden = model.elemen["K1"]
    assert insiden.tanggal_kegiatan == dt.date(2026, 3, 1)  # type: ignore[attr-defined]
    assert insiden.nilai_kematangan == 3.5  # type: ignore[attr-defined]


def test_quoted_year_is_still_a_number_field(make_repo: MakeRepo) -> None:
    text = (
        "peta_rencana:\n  - id: R1\n    nama: Rencana\n    muatan: aplikasi\n"
        "    tahun_mulai: '2026'\n    tahun_selesai: \"2027\"\n"
    )
    model, problems = spbe_arch.load(make_repo({"a.yaml": text}))
    assert problems == []
    assert model.elemen["R1"].tahun_selesai == 2027  # type: ignore[attr-defined]


def test_bad_date_is_located(make_repo: MakeRepo) -> None:
    text = (
        "keamanan:\n  - id: K1\n    nama: Audit\n    jenis: audit_keamanan\n"
        "    tanggal_kegiatan: 2026-13-01\n"
    )
    problems = spbe_arch.load(make_repo({"a.yaml": text})).problems
    assert [(p.line, p.column, p.code) for p in problems] == [(5, 23, "SPBE-SKEMA-003")]


@pytest.mark.parametrize("null", ["", " ~", " null", " Null", " NULL"])
def test_null_means_absent(make_repo: MakeRepo, null: str) -> None:
    text = (
        "aplikasi:\n  - id: A1\n    nama: X\n"
        f"    uraian:{null}\n    basis:{null}\n    lisensi:{null}\n    integrasi:{null}\n"
    )
    model, problems = spbe_arch.load(make_repo({"a.yaml": text}))
    assert problems == []
    app = model.elemen["A1"]
    assert (app.uraian, app.basis, app.lisensi, app.integrasi) == (None, [], None, [])  # type: ignore[attr-defined]


def test_null_required_field_is_missing(make_repo: MakeRepo) -> None:
    text = "aplikasi:\n  - id: A1\n    nama: ~\n"
    problems = spbe_arch.load(make_repo({"a.yaml": text})).problems
    assert [(p.line, p.column, p.code) for p in problems] == [(2, 5, "SPBE-SKEMA-001")]


def test_quoted_null_words_are_text(make_repo: MakeRepo) -> None:
    text = "aplikasi:\n  - id: A1\n    nama: 'null'\n    uraian: \"~\"\n    keterangan: ''\n"
    model, problems = spbe_arch.load(make_repo({"a.yaml": text}))
    assert problems == []
    app = model.elemen["A1"]
    assert (app.nama, app.uraian, app.keterangan) == ("null", "~", "")


def test_null_section_and_null_owner(make_repo: MakeRepo) -> None:
    model, problems = spbe_arch.load(make_repo({"a.yaml": "opd: ~\naplikasi:\nlayanan: null\n"}))
    assert (problems, len(model)) == ([], 0)


def test_parse_text_keeps_position_of_absent_key() -> None:
    parsed = parse_text("a:\n  b: ~\n  c: x\n")
    assert parsed.data == {"a": {"c": "x"}}
    assert parsed.pos is not None
    assert parsed.pos.find(("a", "b"), key=True).line == 2


def test_top_level_opd_is_the_default_owner(make_repo: MakeRepo) -> None:
    text = (
        "opd: DINKES\naplikasi:\n  - id: A1\n    nama: X\n  - id: A2\n    nama: Y\n    opd: LAIN\n"
    )
    model, problems = spbe_arch.load(make_repo({"a.yaml": text}))
    assert problems == []
    assert (model.elemen["A1"].opd, model.elemen["A2"].opd) == ("DINKES", "LAIN")


def test_one_bad_file_never_stops_the_others(make_repo: MakeRepo) -> None:
    files: dict[str, str | bytes] = {
        "a_sintaks.yaml": "aplikasi:\n  - id: X1\n    nama: [x\n",
        "b_latin1.yaml": "layanan:\n  - id: X2\n    nama: Layanan é\n".encode("latin-1"),
        "c_kunci.yaml": "data:\nlayanan:\n  - id: X3\n    nama: L\n    uraan: salah\n",
        "d_alias.yaml": "aplikasi:\n  - id: X4\n    nama: *hilang\n",
        "e_daftar.yaml": "- aplikasi\n",
        "f_baik.yaml": "aplikasi:\n  - id: G1\n    nama: Baik Satu\n",
        "g/baik.yaml": "proses_bisnis:\n  - id: G2\n    nama: Baik Dua\n",
    }
    root = make_repo(files)
    model, problems = spbe_arch.load(root)
    assert [
        (Path(p.file).relative_to(root).as_posix(), p.line, p.column, p.code) for p in problems
    ] == [
        ("a_sintaks.yaml", 3, 11, "SPBE-YAML-001"),
        ("b_latin1.yaml", 3, 19, "SPBE-YAML-002"),
        ("c_kunci.yaml", 5, 5, "SPBE-SKEMA-002"),
        ("d_alias.yaml", 3, 11, "SPBE-YAML-007"),
        ("e_daftar.yaml", 1, 1, "SPBE-SKEMA-004"),
    ]
    assert sorted(model.elemen) == ["G1", "G2"]


def test_an_inherited_owner_that_does_not_exist_is_reported_once_at_its_key(
    make_repo: Callable[[Mapping[str, str]], Path],
) -> None:
    """A top-level ``opd:`` naming no OPD: one problem on the ``opd:`` line, not one per element."""
    files = {
        "spbe.yaml": "pemda: Kabupaten Contoh\n",
        "opd.yaml": "perangkat_daerah:\n  - {id: DINKES, nama: Dinas Kesehatan, tipe: dinas}\n",
        "dinkes/aplikasi.yaml": (
            "# aplikasi Dinas Kesehatan\n"
            "opd: DINKS\n"
            "aplikasi:\n"
            "  - id: A1\n    nama: Satu\n"
            "  - id: A2\n    nama: Dua\n"
            "  - id: A3\n    nama: Tiga\n    opd: DINKS\n"  # written on the element: its own line
        ),
    }
    result = spbe_arch.check(make_repo(files), only=["SPBE-OPD-001"])
    owners = [p for p in result.problems if p.code == "SPBE-OPD-001"]
    found = [(Path(p.file).name, p.line, p.column, p.element_id) for p in owners]
    assert found == [("aplikasi.yaml", 2, 6, None), ("aplikasi.yaml", 10, 10, "A3")]
    assert "maksud Anda 'DINKES'" in owners[0].message
