"""Tests for the generated JSON Schemas of model files and spbe.yaml (editor integration)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from jsonschema import Draft202012Validator

import spbe_arch.schema as skema
from spbe_arch.docgen.contoh import BERKAS, CONTOH, KONFIGURASI
from spbe_arch.model.base import Pilihan
from spbe_arch.schema import (
    FILES,
    config_schema,
    enum_classes,
    model_classes,
    model_file_schema,
    schema_path,
    schema_text,
)
from spbe_arch.schema.__main__ import main
from spbe_arch.schema.judul import JUDUL


class Yaml12Loader(yaml.SafeLoader):
    """PyYAML without timestamps: dates stay strings, as yaml-language-server (YAML 1.2) reads."""


Yaml12Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def load(text: str) -> Any:
    return yaml.load(text, Loader=Yaml12Loader)


MODEL = Draft202012Validator(model_file_schema())
CONFIG = Draft202012Validator(config_schema())

VALID = """\
opd: DISKOMINFO
proses_bisnis:
  - id: PB-01
    nama: Pengelolaan informasi publik
    referensi: RAB.09.03.03
    status: as_is
layanan:
  - id: LAY-01
    nama: Layanan permohonan informasi
    target_layanan: [masyarakat]
    metode_layanan: elektronik
    proses_bisnis: [PB-01]
aplikasi:
  - id: APL-01
    nama: Portal PPID
    basis: [web]
    infrastruktur: [SRV-01]
    integrasi:
      - aplikasi: APL-02
        arah: dua_arah
    abaikan:
      - aturan: SPBE-APL-003
        alasan: Aplikasi sedang dimigrasikan.
infrastruktur:
  - id: SRV-01
    jenis: server
    nama: Server aplikasi
    bentuk: virtual
    kapasitas_memori: 16 GB
keamanan:
  - id: SEC-01
    jenis: audit_keamanan
    nama: Audit keamanan 2025
    tanggal_kegiatan: 2025-10-06
    melindungi: [APL-01]
peta_rencana:
  - id: REN-01
    nama: Integrasi dengan SP4N-LAPOR!
    muatan: aplikasi
    tahun_mulai: 2026
    tahun_selesai: 2027
    anggaran:
      2026: 150000000
"""


def errors(validator: Draft202012Validator, text: str) -> list[str]:
    return [e.message for e in validator.iter_errors(load(text))]


@pytest.mark.parametrize("kind", sorted(FILES))
def test_shipped_files_are_fresh(kind: str) -> None:
    shipped = schema_path(kind).read_text(encoding="utf-8")
    assert shipped == schema_text(kind), "stale; run python -m spbe_arch.schema --write"


def test_schema_text_is_deterministic_json() -> None:
    text = schema_text("model")
    assert text.endswith("}\n") and text == schema_text("model")
    assert '"$schema": "https://json-schema.org/draft/2020-12/schema"' in text
    with pytest.raises(ValueError, match="unknown schema"):
        schema_text("aplikasi")


def test_schemas_are_valid_draft_2020_12() -> None:
    Draft202012Validator.check_schema(model_file_schema())
    Draft202012Validator.check_schema(config_schema())


def test_realistic_model_file_validates() -> None:
    assert errors(MODEL, VALID) == []


@pytest.mark.parametrize("kind", sorted(CONTOH))
def test_every_documented_example_validates(kind: str) -> None:
    assert errors(MODEL, CONTOH[kind]) == []


def test_documented_file_and_config_validate() -> None:
    assert errors(MODEL, BERKAS) == []
    assert errors(CONFIG, KONFIGURASI) == []


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("opd: DISKOMINFO\n", "opd: DISKOMINFO\nlayanans: []\n"),  # unknown section
        ("    basis: [web]\n", "    basis: [web]\n    bahasa: [PHP]\n"),  # unknown key
        ("        arah: dua_arah\n", "        arah: dua_arah\n        via: SPL\n"),  # nested
        ("    bentuk: virtual\n", "    bentuk: virtual\n    memori: 16 GB\n"),  # tagged type
        ("    status: as_is\n", "    status: asis\n"),  # bad enum
        ("    metode_layanan: elektronik\n", "    metode_layanan: online\n"),
        ("    basis: [web]\n", "    basis: [web, android]\n"),  # bad enum in a list
        ("    nama: Portal PPID\n", ""),  # missing nama
        ("    nama: Server aplikasi\n", ""),  # missing nama in a tagged type
        ("    jenis: server\n", "    jenis: serverr\n"),  # unknown jenis
        ("    jenis: audit_keamanan\n", ""),  # missing jenis
        ("    tahun_mulai: 2026\n", "    tahun_mulai: dua ribu\n"),  # integer field
        ("  - id: PB-01\n", "  - id: PB 01\n"),  # id pattern
        ("    tanggal_kegiatan: 2025-10-06\n", "    tanggal_kegiatan: [2025]\n"),
    ],
)
def test_invalid_model_files_are_rejected(old: str, new: str) -> None:
    assert old in VALID
    assert errors(MODEL, VALID.replace(old, new, 1)) != []


def test_text_fields_accept_what_yaml_12_reads_as_numbers() -> None:
    # The loader reads plain scalars as text, so `2.16` and `2022.1` are fine; editors see numbers.
    text = "perangkat_daerah:\n- {id: 1, nama: Dinas, tipe: dinas, bidang_urusan: [2.16]}"
    assert errors(MODEL, text) == []
    assert errors(CONFIG, KONFIGURASI.replace('katalog: "2022.1"', "katalog: 2022.1")) == []


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("spbe_arch: 1\n", "spbe_arch: 2\n"),
        ("spbe_arch: 1\n", "spbe_arch: 1\nversi: 1\n"),
        ('katalog: "2022.1"\n', ""),
        ("  jenis: kabupaten\n", "  jenis: kab\n"),
        ("    SPBE-APL-003: warning\n", "    SPBE-APL-003: fatal\n"),
    ],
)
def test_invalid_configs_are_rejected(old: str, new: str) -> None:
    assert old in KONFIGURASI
    assert errors(CONFIG, KONFIGURASI.replace(old, new, 1)) != []


def _objects(node: Any) -> list[dict[str, Any]]:
    found = []
    if isinstance(node, dict):
        if "properties" in node:
            found.append(node)
        for value in node.values():
            found += _objects(value)
    elif isinstance(node, list):
        for value in node:
            found += _objects(value)
    return found


@pytest.mark.parametrize("schema", [model_file_schema(), config_schema()])
def test_every_object_forbids_unknown_keys(schema: dict[str, Any]) -> None:
    objects = _objects(schema)
    assert len(objects) > 5
    assert all(o.get("additionalProperties") is False for o in objects)


def test_tagged_unions_carry_a_discriminator_for_editors() -> None:
    schema = model_file_schema()
    for section in ("infrastruktur", "keamanan"):
        items = schema["properties"][section]["items"]
        assert items["discriminator"]["propertyName"] == "jenis"
        assert len(items["oneOf"]) == len(items["discriminator"]["mapping"])
    server = schema["$defs"]["Server"]
    assert server["properties"]["jenis"]["const"] == "server"
    assert "jenis" in server["required"]


def test_enums_list_values_and_labels() -> None:
    defs = model_file_schema()["$defs"] | config_schema()["$defs"]
    for enum in enum_classes():
        assert issubclass(enum, Pilihan)
        out = defs[enum.__name__]
        assert out["enum"] == [m.value for m in enum]
        assert out["enumDescriptions"] == [m.label for m in enum]


def test_descriptions_are_indonesian_and_referensi_has_examples() -> None:
    defs = model_file_schema()["$defs"]
    aplikasi = defs["Aplikasi"]
    assert aplikasi["title"] == "Aplikasi SPBE"
    assert aplikasi["properties"]["layanan"]["description"].startswith("Layanan yang")
    assert aplikasi["properties"]["referensi"]["examples"] == ["RAA.02.02"]
    assert "RAA" in aplikasi["properties"]["referensi"]["description"]
    # a year is a number, or digits in quotes (the loader accepts '2026' as well)
    assert defs["RencanaSpbe"]["properties"]["tahun_mulai"]["type"] == ["integer", "string"]


def test_every_model_class_has_an_indonesian_title() -> None:
    missing = [c.__name__ for c in model_classes() if c.__name__ not in JUDUL]
    assert missing == [], "add the Indonesian title to spbe_arch/schema/judul.py"


def test_check_reports_stale_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(skema, "schema_path", lambda kind="model": tmp_path / FILES[kind])
    assert main(["--check"]) == 1
    assert "python -m spbe_arch.schema --write" in capsys.readouterr().err
    assert main(["--write"]) == 0
    assert main(["--check"]) == 0
    (tmp_path / FILES["config"]).write_text("{}\n", encoding="utf-8")
    assert main(["--check"]) == 1


PROSE_KEYS = ("title", "description", "enumDescriptions")


def _without_prose(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _without_prose(v) for k, v in value.items() if k not in PROSE_KEYS}
    if isinstance(value, list):
        return [_without_prose(v) for v in value]
    return value


def _prose(value: Any) -> list[str]:
    found: list[str] = []
    if isinstance(value, dict):
        for key, item in value.items():
            if key in ("title", "description") and isinstance(item, str):
                found.append(item)
            else:
                found += _prose(item)
    elif isinstance(value, list):
        for item in value:
            found += _prose(item)
    return found


@pytest.mark.parametrize("kind", ["model", "config"])
def test_the_english_schema_validates_the_same_and_only_its_text_differs(kind: str) -> None:
    import json

    indonesian = json.loads(skema.schema_text(kind))
    english = json.loads(skema.schema_text(kind, "en"))
    assert _without_prose(english) == _without_prose(indonesian)
    texts = _prose(english)
    assert len(texts) >= (300 if kind == "model" else 40)
    from spbe_arch.schema.english import DESKRIPSI_EN

    untranslated = {k for k, v in DESKRIPSI_EN.items() if k != v}  # not "Bandwidth."
    assert not set(texts) & untranslated  # no Indonesian field description is left


def test_every_field_description_has_its_english() -> None:
    """Each Indonesian field description has an English text, and no English is left over
    from a description that changed or went away."""
    from spbe_arch.schema.build import english_description, model_classes
    from spbe_arch.schema.english import DESKRIPSI_EN

    used = set()
    for cls in model_classes():
        for name, field in cls.model_fields.items():
            if field.description:
                assert english_description(field.description), f"{cls.__name__}.{name}"
                used.add(" ".join(field.description.split()))
    assert set(DESKRIPSI_EN) == used


def test_schema_lang_is_checked() -> None:
    with pytest.raises(ValueError, match="unknown language"):
        skema.schema_text("model", "fr")
