"""``spbe-arch check --format …``: exit code, stdout and stderr, exactly."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from spbe_arch.check import check
from spbe_arch.cli import main
from spbe_arch.load import ModelRepositoryError, load
from spbe_arch.report import FORMATS, render

SPBE_YAML = """\
spbe_arch: 1
pemda: {nama: Kabupaten Uji, jenis: kabupaten}
periode: {mulai: 2025, selesai: 2029}
katalog: "2022.1"
"""
QUIET = 'pengaturan:\n  aturan: {domain-kosong: "off"}\n'
"""Switches off the one rule a model without elements breaks (a warning per empty domain)."""

ERRORS_YAML = """\
aplikasi:
  - id: APL-01
    nama: Aplikasi Uji
    layanan: [DAL-99]
  - id: APL-02
    nama: Aplikasi Dua
    warna: merah
  - id: APL-03
"""


def write(root: Path, files: dict[str, str]) -> str:
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return str(root)


@pytest.fixture(autouse=True)
def _outside_actions(monkeypatch: pytest.MonkeyPatch) -> None:
    # these tests may themselves run in GitHub Actions, where "auto" means "github"
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)


@pytest.fixture
def clean(tmp_path: Path) -> str:
    return write(tmp_path / "clean", {"spbe.yaml": SPBE_YAML + QUIET})


@pytest.fixture
def warnings_only(tmp_path: Path) -> str:
    return write(tmp_path / "warn", {"spbe.yaml": SPBE_YAML})


@pytest.fixture
def with_errors(tmp_path: Path) -> str:
    return write(tmp_path / "err", {"spbe.yaml": SPBE_YAML, "model/aplikasi.yaml": ERRORS_YAML})


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["check", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_clean_text(clean: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, clean) == (
        0,
        "0 galat, 0 peringatan, 0 catatan di 1 berkas (0 elemen)\n",
        "",
    )
    assert run(capsys, clean, "--lang", "en") == (
        0,
        "0 errors, 0 warnings, 0 notes in 1 file (0 elements)\n",
        "",
    )


@pytest.mark.parametrize("fmt", FORMATS)
def test_clean_every_format(fmt: str, clean: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, clean, "--format", fmt) == (0, render(fmt, check(clean)), "")


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("fmt", FORMATS)
def test_errors_every_format(
    fmt: str, lang: str, with_errors: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, with_errors, "--format", fmt, "--lang", lang)
    assert (code, out, err) == (1, render(fmt, check(with_errors), lang=lang), "")
    assert "DAL-99" in out


def test_errors_output_parses(with_errors: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, with_errors, "--format", "json", "--lang", "en")
    data = json.loads(out)
    assert code == 1 and data["summary"]["error"] >= 3
    assert "required field 'nama' is missing" in {p["message"] for p in data["problems"]}
    code, out, _ = run(capsys, with_errors, "--format", "junit")
    assert code == 1 and int(ET.fromstring(out).get("failures") or 0) >= 3


def test_warnings_fail_only_with_strict(
    warnings_only: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, warnings_only, "--format", "github")
    assert (code, err) == (0, "")
    assert out.startswith("::warning file=")
    assert out.endswith("\n0 galat, 6 peringatan, 0 catatan di 1 berkas (0 elemen)\n")
    assert run(capsys, warnings_only, "--format", "github", "--strict") == (1, out, "")


def test_no_spbe_yaml_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    empty = tmp_path / "kosong"
    empty.mkdir()
    with pytest.raises(ModelRepositoryError) as raised:
        load(empty)
    for fmt in FORMATS:
        assert run(capsys, str(empty), "--format", fmt) == (2, "", f"spbe-arch: {raised.value}\n")


def test_auto_format_follows_github_actions(
    with_errors: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    code, out, _ = run(capsys, with_errors)
    assert code == 1 and out == render("text", check(with_errors))
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    code, out, _ = run(capsys, with_errors)
    assert code == 1 and out == render("github", check(with_errors))


def test_color_flag(with_errors: str, capsys: pytest.CaptureFixture[str]) -> None:
    _, plain, _ = run(capsys, with_errors, "--format", "text")
    _, never, _ = run(capsys, with_errors, "--format", "text", "--color", "never")
    _, always, _ = run(capsys, with_errors, "--format", "text", "--color", "always")
    assert "\x1b[" not in plain and never == plain
    assert always == render("text", check(with_errors), color=True) != plain
