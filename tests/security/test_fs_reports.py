"""Escape sequences, direction overrides and line breaks in values and file names, in every
report format: shown, never obeyed; JSON and SARIF keep the data exact (docs/security.md)."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import MINIMAL_SPBE
from security.fskit import FORMATS, run_cli, tree
from spbe_arch.check import check
from spbe_arch.neutral import UNSAFE_RE, escape_json, neutralise
from spbe_arch.report import render

FORGED_NAME = (
    "a\n::error file=spbe.yaml,line=1::semua aman\n  1:1  catatan  SPBE-PALSU-001  lulus.yaml"
)
"""A file name that, printed raw, forges a GitHub workflow command and a text report line."""

ESCAPES = """\
perangkat_daerah:
  - {id: DINKES, nama: Dinas Kesehatan, tipe: dinas}
aplikasi:
  - id: DAA-01
    nama: "\\x1b[2J\\x1b[31mSIMPUS\\u202eSPP\\u009b31m"
    opd: DINKES
layanan:
  - id: DAL-01
    nama: Layanan \u202eKesehatan\u2066 raw
    opd: DINKES
  - id: DAL-02
    nama: Layanan Gizi
    opd: DINKES
    metode_layanan: "\\x1b]8;;http://x\\x07online\\nforged"
"""
"""Escapes written as YAML escapes (the loader refuses raw C0 and C1) and raw bidi characters
(which YAML accepts), in names, in a value that a message quotes, and in a quoted line."""

RAW_C1 = "aplikasi:\n  - id: DAA-03\n    nama: SIMPUS \u009b2J\u202e raw\n"
"""A raw C1 CSI: refused by the YAML reader, whose problem quotes this very line."""

RAW_RE = re.compile(UNSAFE_RE.pattern.replace("\x0a-\x1f", "\x0b-\x1f"))
"""What must never reach output raw (line feeds between lines are the output's own)."""


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    repo = tmp_path / "repo"
    repo.mkdir()
    (repo / "spbe.yaml").write_text(MINIMAL_SPBE)
    (repo / "nilai.yaml").write_text(ESCAPES, encoding="utf-8")
    (repo / "mentah.yaml").write_text(RAW_C1, encoding="utf-8")
    (repo / FORGED_NAME).write_text("aplikasi:\n  - {id: DAA-02, nama: X, opd: TIDAK-ADA}\n")
    return repo


def test_rules_see_what_the_values_hide(hostile: Path) -> None:
    codes = {(p.code, p.element_id) for p in check(hostile).problems}
    assert {("SPBE-TEKS-001", "DAA-01"), ("SPBE-TEKS-002", "DAA-01")} <= codes
    assert ("SPBE-TEKS-002", "DAL-01") in codes and ("SPBE-TEKS-001", "DAL-01") not in codes


@pytest.mark.parametrize("fmt", FORMATS)
def test_no_format_obeys_or_forges(
    hostile: Path, fmt: str, capsys: pytest.CaptureFixture[str]
) -> None:
    before = tree(hostile)
    code, out, err = run_cli(["check", str(hostile), "--format", fmt], capsys)
    assert code == 1
    assert not RAW_RE.search(out + err), RAW_RE.findall(out + err)
    assert "\r" not in out
    forged = neutralise(FORGED_NAME)
    lines = out.splitlines()
    assert not any(line.startswith("::error file=spbe.yaml") for line in lines)
    assert not any("SPBE-PALSU-001" in line and "\\n" not in line and "%0A" not in line
                   for line in lines)  # fmt: skip
    if fmt == "text":
        assert forged in out  # the name is shown, escaped, on its own header line
        assert "\\x1b[2J" in out and "\\u202e" in out
        assert "'\\x1b]8;;http://x\\x07online\\nforged'" in out  # a quoted value, inert
    elif fmt == "github":
        result = check(hostile)
        assert len(lines) == len(result.problems) + 1  # one command per problem, one summary
        assert all(line.startswith("::") for line in lines[:-1])
    elif fmt in ("json", "sarif"):
        document = json.loads(out)  # valid, and the data is exact once parsed
        text = json.dumps(document, ensure_ascii=False)
        assert "lulus.yaml" in text
        if fmt == "json":
            files = {p["file"] for p in document["problems"]}
            assert str(hostile / FORGED_NAME) in files
            messages = "".join(p["message"] for p in document["problems"])
            assert "\x1b" in messages or "\u202e" in messages or "\x9b" in messages
    else:
        ET.fromstring(out)  # well-formed XML
    assert tree(hostile) == before


def test_api_render_is_neutral(hostile: Path) -> None:
    result = check(hostile)
    assert len(result.problems) >= 5
    for fmt in FORMATS:
        for lang in ("id", "en"):
            assert not RAW_RE.search(render(fmt, result, lang=lang))
    assert not RAW_RE.search(render("text", result, color=True).replace("\x1b[", ""))


def test_quoted_source_lines_are_inert(tmp_path: Path) -> None:
    from spbe_arch.report.source import SourceLines

    path = tmp_path / "mentah.yaml"
    path.write_text(RAW_C1, encoding="utf-8")
    assert SourceLines().line(str(path), 3) == "    nama: SIMPUS \ufffd2J\ufffd raw"


def test_gap_and_evaluate_print_model_text_inert(
    hostile: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Other text reports quote model names too: ``gap`` lists each changed element's name."""
    (hostile / "rencana.yaml").write_text(
        "aplikasi:\n"
        '  - {id: DAA-09, nama: "\\x1b[2JBaru\\u202e\\n  + DAA-PALSU  forged", opd: DINKES,\n'
        "     tahun_mulai: 2027}\n"
    )
    code, out, err = run_cli(["gap", str(hostile)], capsys)
    assert code == 0
    assert "\\x1b[2JBaru\\u202e\\n  + DAA-PALSU" in out  # printed, escaped, on its line
    assert not RAW_RE.search(out + err)
    assert not any(line.lstrip().startswith("+ DAA-PALSU") for line in out.splitlines())
    code, out, _ = run_cli(["gap", str(hostile), "--format", "json"], capsys)
    assert not RAW_RE.search(out)
    document = json.loads(out)  # the data is exact once parsed
    assert "\x1b[2JBaru\u202e\n  + DAA-PALSU  forged" in _strings(document)
    code, out, err = run_cli(["evaluate", str(hostile)], capsys)
    assert not RAW_RE.search(out + err)


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


@settings(max_examples=300, deadline=None)
@given(st.text(st.characters(exclude_categories=("Cs",)), max_size=60))
def test_neutralise_and_escape_json_over_any_text(value: str) -> None:
    shown = neutralise(value)
    assert not UNSAFE_RE.search(shown)
    if not UNSAFE_RE.search(value):
        assert shown == value  # ordinary text is never altered
    document = escape_json(json.dumps({"v": value}, ensure_ascii=False))
    assert not RAW_RE.search(document)
    assert json.loads(document) == {"v": value}  # the data is exact


UNIT_ESCAPES = """\
perangkat_daerah:
  - id: DINKES
    nama: Dinas Kesehatan
    tipe: dinas
    unit_kerja:
      - {id: DINKES-UPT, nama: "UPT \\u202eLabkesda"}
  - id: DINSOS
    nama: Dinas Sosial
    tipe: dinas
    unit_kerja:
      - {id: DINKES-UPT, nama: "UPT \\u202eGanda"}
"""
"""A unit kerja with a bidi override in its name, and a second one whose id is already taken
(refused by the loader, so only reachable through its OPD)."""


def test_a_unit_kerja_value_is_reported_once(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    repo.mkdir()
    (repo / "spbe.yaml").write_text(MINIMAL_SPBE)
    (repo / "opd.yaml").write_text(UNIT_ESCAPES, encoding="utf-8")
    found = [p for p in check(repo).problems if p.code == "SPBE-TEKS-002"]
    places = [(p.element_id, p.line) for p in found]
    # the registered unit kerja once, as itself (not again as DINKES's unit_kerja[0]); the
    # refused duplicate once, through its OPD
    assert sorted(places, key=str) == sorted([("DINKES-UPT", 6), ("DINSOS", 11)], key=str), places
