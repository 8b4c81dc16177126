"""Loader acceptance: five mistakes in a valid model, all reported in one run (CLI too)."""

from __future__ import annotations

import json
import re
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
    ("model/layanan.yaml", 7, 5, "SPBE-SKEMA-002"),
    ("model/proses_bisnis.yaml", 5, 5, "SPBE-SKEMA-001"),
]


def test_valid_model_loads_without_problems() -> None:
    model, problems = spbe_arch.load(VALID)
    assert problems == []
    assert sorted(model.elemen) == [
        "APL-001",
        "APL-002",
        "DAT-001",
        "JAR-001",
        "KAM-001",
        "LAY-001",
        "PB-001",
        "PB-002",
        "PD-001",
        "REN-001",
        "SRV-001",
    ]
    assert sorted(model.opd) == ["DINKES", "DISKOMINFO"]
    assert model.unit_kerja_opd == {"DISKOMINFO-APTIKA": "DISKOMINFO"}
    assert model.elemen["APL-001"].opd == "DISKOMINFO"
    assert model.locate("SRV-001", "jaringan", 0) == (
        str(VALID / "model/infrastruktur.yaml"),
        12,
        16,
    )


def test_all_five_mistakes_reported_in_one_run(broken: Path) -> None:
    model, problems = spbe_arch.load(broken)
    found = [
        (Path(p.file).relative_to(broken).as_posix(), p.line, p.column, p.code) for p in problems
    ]
    assert found == EXPECTED
    assert "sudah ditulis di baris 4" in problems[0].message
    assert "maksud Anda 'metode_layanan'?" in problems[3].message
    # what could be loaded was loaded
    assert sorted(model.elemen) == ["APL-001", "APL-002", "KAM-001", "PB-001", "REN-001"]


LOADER_CODES = ("SPBE-YAML-", "SPBE-SKEMA-", "SPBE-ID-")
"""Problems of the loader; rule findings (other codes) come and go with the rules."""

EXPECTED_EN = [
    "duplicate key 'nama': already written on line 4; the second value is not used",
    "not UTF-8 text (byte 0xe9); save the file as UTF-8 (it may have been saved as "
    "Latin-1/Windows-1252)",
    "YAML syntax: while parsing a flow sequence on line 12, not closed; the parser stopped on "
    "line 13 (did not find expected ',' or ']')",
    "unknown key 'metode_layan' for Layanan; did you mean 'metode_layanan'?",
    "required field 'nama' is missing",
]
SUMMARY = re.compile(r"^(\d+) errors, (\d+) warnings, (\d+) notes in \d+ files \((\d+) elements\)$")


def check(*args: str) -> int:
    return main(["check", *args, "--color", "never"])


def test_cli_check_broken_model(broken: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = check(str(broken), "--format", "text", "--lang", "en")
    out, err = capsys.readouterr()
    assert (code, err) == (1, "")
    lines = out.splitlines()
    for (file, line, column, rule), message in zip(EXPECTED, EXPECTED_EN, strict=True):
        assert f"{broken}/{file}" in lines
        # "  5:5   error    SPBE-YAML-005  duplicate key …" under its file's heading
        pattern = rf"^\s+{line}:{column}\s+error\s+{rule}\s+{re.escape(message)}$"
        assert any(re.match(pattern, text) for text in lines), pattern
    summary = SUMMARY.match(lines[-1])
    assert summary is not None, lines[-1]
    assert int(summary[1]) >= 5
    assert summary[4] == "5"


def test_cli_check_broken_model_in_indonesian(
    broken: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert check(str(broken), "--format", "text") == 1
    lines = capsys.readouterr().out.splitlines()
    assert re.match(
        r"^\d+ galat, \d+ peringatan, \d+ catatan di \d+ berkas \(5 elemen\)$", lines[-1]
    )
    assert any(re.match(r"^\s+5:34\s+galat\s+SPBE-YAML-002\s+bukan teks UTF-8", t) for t in lines)


def test_cli_check_valid_model(capsys: pytest.CaptureFixture[str]) -> None:
    assert check(str(VALID), "--format", "text", "--lang", "en") == 0
    out, err = capsys.readouterr()
    summary = SUMMARY.match(out.splitlines()[-1])
    assert (summary is not None, err) == (True, "")
    assert summary is not None and (summary[1], summary[4]) == ("0", "11")


def test_cli_check_json(broken: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert check(str(broken), "--format", "json", "--lang", "en") == 1
    out, err = capsys.readouterr()
    payload = json.loads(out)
    assert (set(payload), err) == ({"problems", "summary"}, "")
    for problem in payload["problems"]:
        assert {"code", "severity", "message", "file", "line", "column"} <= set(problem)
        assert problem["line"] >= 1 and problem["column"] >= 1
    loader = [p for p in payload["problems"] if p["code"].startswith(LOADER_CODES)]
    assert [
        (p["file"], p["line"], p["column"], p["code"], p["severity"], p["message"]) for p in loader
    ] == [
        (f"{broken}/{f}", line, column, c, "error", message)
        for (f, line, column, c), message in zip(EXPECTED, EXPECTED_EN, strict=True)
    ]
    summary = payload["summary"]
    assert summary["error"] == sum(p["severity"] == "error" for p in payload["problems"])
    assert summary["elements"] == 5


def test_cli_check_valid_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert check(str(VALID), "--format", "json") == 0
    payload = json.loads(capsys.readouterr().out)
    assert [p for p in payload["problems"] if p["severity"] == "error"] == []
    assert (payload["summary"]["error"], payload["summary"]["elements"]) == (0, 11)


def test_cli_bom_warning_exits_0(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = tmp_path / "bom"
    shutil.copytree(VALID, root)
    path = root / "model" / "opd.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    assert check(str(root), "--format", "json") == 0
    problems = json.loads(capsys.readouterr().out)["problems"]
    assert [
        (p["file"], p["line"], p["column"], p["severity"])
        for p in problems
        if p["code"] == "SPBE-YAML-003"
    ] == [(str(path), 1, 1, "warning")]


def test_cli_path_without_spbe_yaml(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a.yaml").write_text("aplikasi: []\n")
    assert check(str(tmp_path)) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.startswith(
        f"spbe-arch: {tmp_path}: bukan repositori model SPBE (tidak ada spbe.yaml)"
    )
    assert err.endswith("\n") and err.count("\n") == 1
