"""Loader acceptance: a valid model with five mistakes reports all five in one run, in the CLI too."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

import spbe_arch
from spbe_arch.cli import main

VALID = Path(__file__).parent / "fixtures" / "load" / "valid"


def edit(path: Path, old: str, new: str, encoding: str = "utf-8") -> None:
    """Replace ``old`` (which must be there once) by ``new`` in a file, saved in ``encoding``."""
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, (path, old)
    path.write_bytes(text.replace(old, new).encode(encoding))


@pytest.fixture
def broken(tmp_path: Path) -> Path:
    """A copy of the valid model with one duplicated key, one misspelt key, one Latin-1 file,
    one unclosed bracket and one element missing ``nama``, each in its own file."""
    root = tmp_path / "model-rusak"
    shutil.copytree(VALID, root)
    model = root / "model"
    edit(model / "aplikasi.yaml", "    nama: SIMPUS\n", "    nama: SIMPUS\n    nama: SIMPUS Lama\n")
    edit(model / "layanan.yaml", "metode_layanan:", "metode_layan:")
    edit(model / "data.yaml", "kunjungan pasien per", "kunjungan pasién per", "latin-1")
    edit(model / "infrastruktur.yaml", "jaringan: [JAR-001]", "jaringan: [JAR-001")
    edit(model / "proses_bisnis.yaml", "    nama: Pengelolaan Data Kesehatan\n", "")
    return root


EXPECTED = [
    ("model/aplikasi.yaml", 5, 5, "SPBE-YAML-005"),
    ("model/data.yaml", 5, 34, "SPBE-YAML-002"),
    ("model/infrastruktur.yaml", 12, 15, "SPBE-YAML-001"),
    ("model/layanan.yaml", 6, 5, "SPBE-SKEMA-002"),
    ("model/proses_bisnis.yaml", 5, 5, "SPBE-SKEMA-001"),
]


def test_valid_model_loads_without_problems() -> None:
    model, problems = spbe_arch.load(VALID)
    assert problems == []
    assert sorted(model.elemen) == [
        "APL-001", "APL-002", "DAT-001", "JAR-001", "KAM-001", "LAY-001", "PB-001", "PB-002",
        "PD-001", "REN-001", "SRV-001",
    ]  # fmt: skip
    assert sorted(model.opd) == ["DINKES", "DISKOMINFO"]
    assert model.unit_kerja_opd == {"DISKOMINFO-APTIKA": "DISKOMINFO"}
    assert model.elemen["APL-001"].opd == "DISKOMINFO"
    assert model.locate("SRV-001", "jaringan", 0) == (str(VALID / "model/infrastruktur.yaml"), 12, 16)


def test_all_five_mistakes_reported_in_one_run(broken: Path) -> None:
    model, problems = spbe_arch.load(broken)
    found = [(Path(p.file).relative_to(broken).as_posix(), p.line, p.column, p.code) for p in problems]
    assert found == EXPECTED
    assert "sudah ditulis di baris 4" in problems[0].message
    assert "maksud Anda 'metode_layanan'?" in problems[3].message
    # what could be loaded was loaded
    assert sorted(model.elemen) == ["APL-001", "APL-002", "KAM-001", "PB-001", "REN-001"]


def test_cli_check_broken_model(broken: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["check", str(broken), "--lang", "en"])
    out, err = capsys.readouterr()
    m = f"{broken}/model"
    assert (code, err) == (1, "")
    assert out.splitlines() == [
        f"{m}/aplikasi.yaml:5:5: error SPBE-YAML-005 duplicate key 'nama': already written on "
        "line 4; the second value is not used",
        f"{m}/data.yaml:5:34: error SPBE-YAML-002 not UTF-8 text (byte 0xe9); save the file as "
        "UTF-8 (it may have been saved as Latin-1/Windows-1252)",
        f"{m}/infrastruktur.yaml:12:15: error SPBE-YAML-001 YAML syntax: while parsing a flow "
        "sequence on line 12, not closed; the parser stopped on line 13 (did not find expected "
        "',' or ']')",
        f"{m}/layanan.yaml:6:5: error SPBE-SKEMA-002 unknown key 'metode_layan' for Layanan; "
        "did you mean 'metode_layanan'?",
        f"{m}/proses_bisnis.yaml:5:5: error SPBE-SKEMA-001 required field 'nama' is missing",
        "5 errors, 0 warnings, 0 notes in 7 files (5 elements)",
    ]


def test_cli_check_broken_model_in_indonesian(broken: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(broken)]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert [line.split(": ")[0] for line in lines[:-1]] == [
        f"{broken}/{file}:{line}:{column}" for file, line, column, _ in EXPECTED
    ]
    assert lines[-1] == "5 galat, 0 peringatan, 0 catatan di 7 berkas (5 elemen)"


def test_cli_check_valid_model(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(VALID)]) == 0
    assert capsys.readouterr() == ("0 galat, 0 peringatan, 0 catatan di 9 berkas (11 elemen)\n", "")


def test_cli_check_json(broken: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(broken), "--format", "json"]) == 1
    out, err = capsys.readouterr()
    payload = json.loads(out)
    assert (set(payload), err) == ({"problems", "summary"}, "")
    fields = ("code", "severity", "message", "file", "line", "column")
    assert [tuple(p[k] for k in fields[3:] + fields[:1]) for p in payload["problems"]] == [
        (f"{broken}/{f}", line, column, c) for f, line, column, c in EXPECTED
    ]
    assert all(p["severity"] == "error" and p["message"] for p in payload["problems"])
    assert payload["summary"] == {
        "error": 5, "warning": 0, "info": 0, "files": 5, "elements": 5, "files_checked": 7,
    }  # fmt: skip


def test_cli_check_valid_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(VALID), "--format", "json"]) == 0
    payload = json.loads(capsys.readouterr().out)
    assert payload["problems"] == []
    assert (payload["summary"]["error"], payload["summary"]["elements"]) == (0, 11)


def test_cli_warning_only_exits_0(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = tmp_path / "bom"
    shutil.copytree(VALID, root)
    path = root / "model" / "opd.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    assert main(["check", str(root)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith(f"{path}:1:1: warning SPBE-YAML-003 ")
    assert out[1] == "0 galat, 1 peringatan, 0 catatan di 9 berkas (11 elemen)"


def test_cli_path_without_spbe_yaml(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a.yaml").write_text("aplikasi: []\n")
    assert main(["check", str(tmp_path)]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.startswith(f"spbe-arch: {tmp_path}: bukan repositori model SPBE (tidak ada spbe.yaml)")
    assert err.endswith("\n") and err.count("\n") == 1
