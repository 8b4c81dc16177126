"""``spbe-arch fmt``: golden outputs of ugly-but-valid files, idempotence and an unchanged model
(hypothesis), scalars that must stay text, ``--check``, file modes, the example model."""

from __future__ import annotations

import os
import re
import shutil
import stat
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from spbe_arch.cli import main
from spbe_arch.fmt import FormatError, format_text, sorted_fields
from spbe_arch.load import load
from spbe_arch.load.yamltext import parse_text

FIXTURES = Path(__file__).parent / "fixtures" / "fmt"
EXAMPLE = Path(__file__).resolve().parents[1] / "models" / "kabupaten-contoh"
CASES = sorted(p.name for p in FIXTURES.glob("*.yaml"))
COMMENT = re.compile(r"#.*$", re.MULTILINE)


def _kind(name: str) -> str:
    return "config" if name.startswith("config_") else "model"


def _comments(text: str) -> list[str]:
    return sorted(m.group(0).strip() for m in COMMENT.finditer(text) if "bukan komentar" not in
                  m.group(0))  # fmt: skip


@pytest.mark.parametrize("name", CASES)
def test_golden(name: str) -> None:
    source = (FIXTURES / name).read_text(encoding="utf-8")
    golden = (FIXTURES / "golden" / name).read_text(encoding="utf-8")
    out = format_text(source, _kind(name))
    assert out == golden
    assert format_text(golden, _kind(name)) == golden  # canonical text is left as it is
    assert _comments(out) == _comments(source)  # every comment kept


def test_fixture_suite_is_real() -> None:
    assert len(CASES) >= 7
    changed = [
        n for n in CASES if (FIXTURES / n).read_text() != (FIXTURES / "golden" / n).read_text()
    ]
    assert changed == CASES  # every fixture is ugly: formatting changes each one


def test_scalars_keep_type_and_text() -> None:
    text = (FIXTURES / "golden" / "quoting.yaml").read_text(encoding="utf-8")
    for line in ("luaran: 1.10", "kerangka_pengembangan: 12:30", "uraian: no", "fungsi: 007",
                 'fungsi: "1.10"', 'pengembang: "no"', "nama: '007'"):  # fmt: skip
        assert line in text
    data = parse_text(text).data["aplikasi"]
    assert data[0]["luaran"] == "1.10" and data[0]["kerangka_pengembangan"] == "12:30"
    assert data[0]["uraian"] == "no" and data[1]["fungsi"] == "007"


def test_not_yaml_is_a_located_error() -> None:
    with pytest.raises(FormatError) as info:
        format_text("aplikasi:\n  - id: [a\n", "model")
    assert info.value.line >= 2 and "YAML" in info.value.text("en")


# -- property: idempotent, same model ---------------------------------------------------------

_SCALARS = st.sampled_from(
    ["no", "yes", "1.10", "12:30", "007", "'007'", '"no"', '"Dinas X"', "Teks biasa",
     "'1.10'", "on", "0x1F", "1e3", '"Satu: dua"', "2025-01-01"]
)  # fmt: skip
_IDS = st.lists(st.sampled_from(["DAL-X-03", "DAL-X-01", "DAL-X-02", "DAL-Y-01"]), min_size=0,
                max_size=4, unique=True)  # fmt: skip
_FIELDS = ["uraian", "fungsi", "luaran", "pengembang", "basis_data", "keterangan"]


@st.composite
def ugly_files(draw: Any) -> str:
    """A model file with shuffled keys, odd indentation, needless quotes, comments (at line
    ends, above keys, after items), blank lines, unsorted id lists (flow or block), nested
    blocks."""
    indent = draw(st.sampled_from([2, 4]))
    dash = draw(st.sampled_from([0, 2]))
    pad = " " * indent
    lines = [f"# file {draw(st.integers(0, 99))}"] if draw(st.booleans()) else []
    owner = ["opd: " + draw(st.sampled_from(["X", '"X"']))]
    body = ["aplikasi:"]
    for n in range(draw(st.integers(1, 3))):
        keys: list[str] = [
            f"id: DAA-X-0{n}",
            "nama: " + draw(st.sampled_from(["Aplikasi", '"Aplikasi X"'])),
        ]
        for name in draw(st.lists(st.sampled_from(_FIELDS), unique=True, max_size=4)):
            keys.append(f"{name}: {draw(_SCALARS)}")
        ids = draw(_IDS)
        if ids and draw(st.booleans()):
            keys.append("layanan: [" + ", ".join(ids) + "]")
        elif ids:
            keys.append("layanan:\n" + "\n".join(f"{pad}{' ' * 0}- {i}" for i in ids))
        if draw(st.booleans()):
            keys.append("status: " + draw(st.sampled_from(["as_is", "baru", "upgrade"])))
        if draw(st.booleans()):  # a nested block with its keys out of order
            keys.append("integrasi:\n- arah: kirim\n  data: [DAD-X-02, DAD-X-01]\n"
                        "  aplikasi: DAA-X-00")  # fmt: skip
        keys = draw(st.permutations(keys))
        item = []
        for i, key in enumerate(keys):
            comment = f"  # c{n}{i}" if draw(st.booleans()) and "\n" not in key else ""
            head = " " * dash + ("- " if i == 0 else "  ")
            if i > 0 and draw(st.booleans()):  # a comment line above the key
                item.append(" " * (dash + 2) + f"# above {n}{i}")
            first, *rest = key.split("\n")
            item.append(head + first + comment)
            item += [" " * (dash + 2) + r for r in rest]
        if draw(st.booleans()):
            item.append("")
            item.append(" " * dash + f"# after item {n}")
        body += item
    parts = [lines, owner, body] if draw(st.booleans()) else [lines, body, owner]
    return "\n".join(line for part in parts for line in part) + "\n"


def _model(root: Path, text: str) -> dict[str, Any]:
    loaded = load(root, texts={"x.yaml": text})
    out = {}
    for ident, element in loaded.model.elemen.items():
        data = element.model_dump(mode="json")
        for name in sorted_fields(element.KIND):
            if isinstance(data.get(name), list):
                data[name] = sorted(data[name])
        out[ident] = data
    return out


def test_property_idempotent_and_same_model(tmp_path: Path) -> None:
    root = tmp_path / "repo"
    shutil.copytree(EXAMPLE, root, ignore=lambda d, names: [n for n in names if n != "spbe.yaml"]
                    if Path(d) == EXAMPLE else names)  # fmt: skip
    seen = {"inputs": 0, "formatted": 0, "elements": 0}

    @settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(text=ugly_files())
    def check(text: str) -> None:
        out = format_text(text, "model")
        assert format_text(out, "model") == out
        before, after = _model(root, text), _model(root, out)
        assert before == after
        assert _comments(out) == _comments(text)
        seen["inputs"] += 1
        seen["formatted"] += out != text
        seen["elements"] += len(before)

    check()
    assert seen["inputs"] >= 80
    assert seen["formatted"] >= seen["inputs"] * 0.8  # really formatted, not passed through
    assert seen["elements"] >= seen["inputs"]  # the model files loaded: elements compared


# -- the command ------------------------------------------------------------------------------


def test_check_lists_and_fmt_writes_keeping_mode(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = tmp_path / "repo"
    shutil.copytree(EXAMPLE, root)
    ugly = root / "dinkes" / "ugly.yaml"
    shutil.copy(FIXTURES / "lists.yaml", ugly)
    os.chmod(ugly, 0o640)
    assert main(["fmt", str(root), "--check"]) == 1
    out, err = capsys.readouterr()
    assert out.splitlines() == [str(ugly)] and "1 dari" in err
    before = ugly.read_text()
    assert ugly.read_text() == before  # --check writes nothing
    assert main(["fmt", str(ugly), "--lang", "en"]) == 0
    assert ugly.read_text() == (FIXTURES / "golden" / "lists.yaml").read_text()
    assert stat.S_IMODE(ugly.stat().st_mode) == 0o640
    assert main(["fmt", str(root), "--check"]) == 0
    capsys.readouterr()


def test_bad_file_is_reported_with_place(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "spbe.yaml").write_text("spbe_arch: 1\n")
    bad = tmp_path / "bad.yaml"
    bad.write_text("aplikasi:\n  - id: [a\n")
    assert main(["fmt", str(bad)]) == 1
    assert f"{bad}:" in capsys.readouterr().err
    assert main(["fmt", str(tmp_path / "missing")]) == 2
    other = tmp_path.parent / f"{tmp_path.name}-other.yaml"  # not in a model repository
    other.write_text("on: [push]\njobs:    {}\n")
    assert main(["fmt", str(other)]) == 0 and other.read_text() == "on: [push]\njobs:    {}\n"
    other.unlink()


def test_example_model_is_canonical(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["fmt", str(EXAMPLE), "--check"]) == 0, capsys.readouterr().out
