"""Tests for the generated YAML reference docs/model.md: fresh, complete, examples valid."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

import spbe_arch.docgen as docgen
from spbe_arch.docgen import render_model_md
from spbe_arch.docgen.__main__ import main
from spbe_arch.docgen.tipe import inherited
from spbe_arch.load.yamltext import parse_text
from spbe_arch.model.base import Elemen, Pilihan
from spbe_arch.model.kinds import KIND_CLASS, SECTIONS
from spbe_arch.model.konfigurasi import Konfigurasi
from spbe_arch.model.organisasi import UnitKerja
from spbe_arch.model.relasi import RELASI
from spbe_arch.schema import enum_classes, model_classes

REPO_ROOT = Path(__file__).resolve().parents[1]
DOC = render_model_md()
YAML_BLOCK = re.compile(r"^```yaml\n(.*?)^```$", re.MULTILINE | re.DOTALL)


def block(anchor: str) -> str:
    """The part of the doc from an anchor to the next one."""
    start = DOC.index(f'<a id="{anchor}"></a>')
    end = DOC.find('<a id="', start + 1)
    return DOC[start : end if end >= 0 else len(DOC)]


def section(anchor: str) -> str:
    """A type's whole section: from its anchor to the next ``##``/``###`` heading."""
    start = DOC.index(f'<a id="{anchor}"></a>')
    body = DOC.index("\n", DOC.index("\n#", start) + 1)  # the end of the heading line
    following = re.search(r"^#{2,3} ", DOC[body:], re.MULTILINE)
    return DOC[start : body + following.start() if following else len(DOC)]


def validate_example(text: str) -> list[Any]:
    """Validate one YAML example as the loader does: plain scalars as text, top-level opd."""
    parsed = parse_text(text)
    assert parsed.problems == [], text
    data = parsed.data
    assert isinstance(data, dict), text
    if "spbe_arch" in data:
        return [Konfigurasi.model_validate(data)]
    owner = data.get("opd")
    out = []
    for section, items in data.items():
        if section == "opd":
            continue
        assert section in SECTIONS, f"unknown section {section!r}"
        for item in items:
            if owner is not None and section != "perangkat_daerah" and item.get("opd") is None:
                item = {**item, "opd": owner}
            out.append(SECTIONS[section].validate_python(item))
    return out


def test_docs_model_md_is_fresh() -> None:
    path = REPO_ROOT / "docs" / "model.md"
    shipped = path.read_text(encoding="utf-8") if path.is_file() else ""
    assert shipped == DOC, "docs/model.md is stale; run python -m spbe_arch.docgen --write"


def test_render_is_deterministic() -> None:
    assert render_model_md() == DOC
    assert DOC.endswith("```\n") and not DOC.endswith("\n\n")


def test_every_yaml_example_validates() -> None:
    examples = YAML_BLOCK.findall(DOC)
    assert len(examples) >= len(KIND_CLASS) + 2
    for text in examples:
        assert validate_example(text), text


def test_every_kind_has_a_validated_example() -> None:
    shown = {type(obj) for text in YAML_BLOCK.findall(DOC) for obj in validate_example(text)}
    missing = {kind for kind, cls in KIND_CLASS.items() if cls not in shown}
    assert missing == set(), "add an example to spbe_arch/docgen/contoh.py"
    assert Konfigurasi in shown


def test_every_field_of_every_model_is_documented() -> None:
    common = block("elemen")
    for cls in model_classes():
        own = block(cls.__name__.lower())
        for name in cls.model_fields:
            row = f"| `{name}` |"
            where = common if inherited(cls, name) else own
            assert row in where, f"{cls.__name__}.{name} missing from docs/model.md"


def test_every_choice_is_listed_with_its_label() -> None:
    for enum in enum_classes():
        assert issubclass(enum, Pilihan)
        for member in enum:
            assert f"`{member.value}` — {member.label}" in DOC, f"{enum.__name__}.{member.name}"


def test_every_relation_is_documented_at_its_source_kinds() -> None:
    for relasi in RELASI:
        for kind in relasi.sumber:
            cls = Elemen if kind == "*" else UnitKerja if kind == "unit_kerja" else KIND_CLASS[kind]
            text = section(cls.__name__.lower())
            assert f"| `{relasi.field}` |" in text.split("**Relasi**")[-1], (kind, relasi.field)
            assert relasi.arti in text


def test_every_element_type_names_its_catalogue() -> None:
    for kind, cls in KIND_CLASS.items():
        katalog = getattr(cls, "KATALOG", None)
        if issubclass(cls, Elemen) and katalog is not None:
            assert f"Katalog referensi: **{katalog}**" in section(cls.__name__.lower()), kind


def test_tagged_types_have_their_own_subsection() -> None:
    for section in ("infrastruktur", "keamanan"):
        for kind, cls in KIND_CLASS.items():
            if getattr(cls, "SECTION", "") == section:
                assert f"— `jenis: {kind}`" in block(cls.__name__.lower())


def test_editor_integration_is_documented() -> None:
    assert "spbe-arch schema > .spbe/model.schema.json" in DOC
    assert "# yaml-language-server: $schema=../.spbe/model.schema.json" in DOC


def test_check_and_write(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(docgen, "repo_root", lambda start=None: tmp_path)
    assert main(["--check"]) == 1
    assert "python -m spbe_arch.docgen --write" in capsys.readouterr().err
    assert main(["--write"]) == 0
    assert (tmp_path / "docs" / "model.md").read_text(encoding="utf-8") == DOC
    assert main(["--check"]) == 0
    (tmp_path / "docs" / "model.md").write_text(DOC + "tambahan\n", encoding="utf-8")
    assert main(["--check"]) == 1
