"""The loader's fast path gives exactly what the exact reader gives, positions included."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import spbe_arch
from spbe_arch.load import fastpath, source
from spbe_arch.model.base import Elemen
from test_load_properties import dump, model_files, mutations

EXAMPLE = Path(__file__).resolve().parents[1] / "models" / "kabupaten-contoh"
SETTINGS = settings(
    max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)

pytestmark = pytest.mark.skipif(not fastpath.enabled(), reason="yaml_rs is not installed")


def both(root: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Any, Any]:
    fast = spbe_arch.load(root)
    with monkeypatch.context() as m:
        m.setenv("SPBE_ARCH_EXACT", "1")
        exact = spbe_arch.load(root)
    return fast, exact


def snapshot(result: Any) -> tuple[Any, ...]:
    model = result.model
    elements = {i: e.model_dump(mode="json") for i, e in model.elemen.items()}
    opd = {i: o.model_dump(mode="json") for i, o in model.opd.items()}
    where = {i: (s.file, s.pos.line, s.pos.column) for i, s in model.sumber.items()}
    return elements, opd, dict(model.unit_kerja_opd), where, result.problems


def test_example_model_is_identical_on_both_paths(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "contoh"
    shutil.copytree(EXAMPLE, root)
    fast, exact = both(root, monkeypatch)
    assert snapshot(fast) == snapshot(exact)
    assert len(fast.model) > 300


def test_positions_are_computed_only_when_asked(tmp_path: Path) -> None:
    root = tmp_path / "contoh"
    shutil.copytree(EXAMPLE, root)
    model = spbe_arch.load(root).model
    ident, sumber = next((i, s) for i, s in sorted(model.sumber.items()) if i.startswith("DAA-"))
    assert sumber._pos is None  # the fast path parsed nothing for positions
    line, column = sumber.at("nama")
    written = Path(sumber.file).read_text(encoding="utf-8").splitlines()[line - 1]
    assert written[column - 1 :].strip("'\"").startswith(model.elemen[ident].nama[:8])


@SETTINGS
@given(files=model_files())
def test_random_valid_files_agree(
    tmp_path_factory: pytest.TempPathFactory,
    monkeypatch: pytest.MonkeyPatch,
    files: dict[str, list[Elemen]],
) -> None:
    root = tmp_path_factory.mktemp("fast")
    (root / "spbe.yaml").write_bytes((EXAMPLE / "spbe.yaml").read_bytes())
    data = {s: [e.model_dump(mode="json", exclude_defaults=True) for e in items]
            for s, items in files.items()}  # fmt: skip
    (root / "a.yaml").write_text(dump(data), encoding="utf-8")
    fast, exact = both(root, monkeypatch)
    assert snapshot(fast) == snapshot(exact)


@SETTINGS
@given(text=mutations())
def test_mutated_files_agree(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch, text: str
) -> None:
    root = tmp_path_factory.mktemp("mut")
    (root / "spbe.yaml").write_bytes((EXAMPLE / "spbe.yaml").read_bytes())
    (root / "a.yaml").write_text(text, encoding="utf-8")
    fast, exact = both(root, monkeypatch)
    assert snapshot(fast) == snapshot(exact)


@pytest.mark.parametrize(
    "value",
    ["!foo teks", "0x1F", "1_000", "1e3", ".nan", "'007'", "007", "1.10", "true", "no", "12:30",
     "2024-01-05", "~", "", "[a, b]", "&a x", "|\n      baris satu\n      baris dua"],
)  # fmt: skip
def test_tricky_values_agree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, value: str) -> None:
    text = f"aplikasi:\n  - id: A1\n    nama: Aplikasi\n    keterangan: {value}\n"
    (tmp_path / "spbe.yaml").write_bytes((EXAMPLE / "spbe.yaml").read_bytes())
    (tmp_path / "a.yaml").write_text(text, encoding="utf-8")
    fast, exact = both(tmp_path, monkeypatch)
    assert snapshot(fast) == snapshot(exact)


_SCREEN_TOKENS = [
    *"0123456789_eExXoObB.naifNIAF!+-:,[{ \n\t\v\x1c\x1b\x7fé٣\u2028",
    "0x1F", "0o17", "0b1", "1_000", "1e3", "2E-5", ".nan", ".NaN", ".NAN", ".inf", ".Inf",
    ".INF", ".nAn", ".go.id", "2.5", "3.26", "!tag", " !x", "a!b", "[!", "-!", "٣_٣",
]  # fmt: skip
_SCREEN_TEXT = st.lists(st.sampled_from(_SCREEN_TOKENS), max_size=20).map("".join)


@settings(max_examples=400, deadline=None)
@given(prefix=st.text(max_size=20), body=_SCREEN_TEXT)
def test_risk_screen_equals_the_regex(prefix: str, body: str) -> None:
    # The fixed-string screen only decides when the regex need not run: never a different answer.
    text = prefix + body
    assert fastpath._risky(text) == (fastpath._RISKY.search(text) is not None)


@settings(max_examples=400, deadline=None)
@given(prefix=st.text(max_size=20), body=_SCREEN_TEXT)
def test_control_screen_equals_the_regex(prefix: str, body: str) -> None:
    text = prefix + body
    found = source._CONTROL_RE.search(text)
    assert source._first_control(text) == ((found.start(), found.group()) if found else None)


@pytest.mark.parametrize("tail", ["\t", "\t\n", "  \t# komentar\n"])
def test_tab_on_a_blank_line_agrees(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, tail: str
) -> None:
    # found by hypothesis: yaml_rs read a tab on an otherwise empty last line as blank space,
    # where libyaml (the exact reader) refuses it
    text = "aplikasi:\n  - id: A1\n    nama: Aplikasi\n" + tail
    (tmp_path / "spbe.yaml").write_bytes((EXAMPLE / "spbe.yaml").read_bytes())
    (tmp_path / "a.yaml").write_text(text, encoding="utf-8")
    fast, exact = both(tmp_path, monkeypatch)
    assert snapshot(fast) == snapshot(exact)


@settings(max_examples=500, deadline=None)
@given(
    root=st.text(alphabet="/.ab", max_size=8),
    rel=st.text(alphabet="/.ab", max_size=8),
)
def test_displayed_paths_equal_normalised_joins(root: str, rel: str) -> None:
    import os

    from spbe_arch.load.repository import _display

    expected = os.path.normpath(os.path.join(root, rel)) if root else rel
    assert _display(root, rel) == expected
