"""JSON Schemas (draft 2020-12) of a model file and of ``spbe.yaml``, generated from the models.

Editors (VS Code with the YAML extension, anything running yaml-language-server) read YAML 1.2:
``2026`` is an integer there, ``2022.1`` a number and ``2024-01-05`` a string. The loader reads
every plain scalar as text and the model converts it, so text fields also accept numbers here
(``katalog: 2022.1``, ``bidang_urusan: [2.16]``), while integer fields stay ``integer``.
"""

from __future__ import annotations

import typing
from enum import Enum
from typing import Any

from pydantic import BaseModel, TypeAdapter
from pydantic.json_schema import GenerateJsonSchema, JsonSchemaValue
from pydantic_core import core_schema

from spbe_arch.model.base import Elemen, Pilihan
from spbe_arch.model.kinds import KIND_CLASS, OWNER_KEY, SECTIONS
from spbe_arch.model.konfigurasi import Konfigurasi
from spbe_arch.referensi.kode import NAMA_KATALOG
from spbe_arch.schema.english import BAGIAN_EN, DESKRIPSI_EN, GLOSS_EN, JUDUL_EN
from spbe_arch.schema.judul import BAGIAN, CONTOH_REFERENSI, gloss, judul

DIALECT = "https://json-schema.org/draft/2020-12/schema"
REF_TEMPLATE = "#/$defs/{model}"


_DIGITS = r"[0-9](_?[0-9])*"
INT_TEXT = rf"^\s*[+-]?{_DIGITS}(\.0+)?\s*$"
"""Text pydantic reads as an integer (lax mode): digits, ``_`` between digits, a ``.0`` tail."""
FLOAT_TEXT = rf"^\s*[+-]?({_DIGITS}(\.({_DIGITS})?)?|\.{_DIGITS})([eE][+-]?{_DIGITS})?\s*$"
"""Text pydantic reads as a finite number (Python's ``float``)."""


LANGS = ("id", "en")
"""The languages of the schemas' titles and descriptions."""


class SkemaSpbe(GenerateJsonSchema):
    """Pydantic's generator with Indonesian titles, enum labels and YAML-friendly scalars."""

    LANG = "id"

    def str_schema(self, schema: core_schema.StringSchema) -> JsonSchemaValue:
        out = super().str_schema(schema)
        out["type"] = ["number", "string"]
        return out

    def int_schema(self, schema: core_schema.IntSchema) -> JsonSchemaValue:
        # The loader reads a quoted '2026' as text and the model converts it (lax mode), so the
        # editor must accept it too: digits as a string. JSON Schema bounds apply to numbers
        # only, so a quoted year out of range is left to the loader (which locates it).
        out = super().int_schema(schema)
        out["type"] = ["integer", "string"]
        out["pattern"] = INT_TEXT
        return out

    def float_schema(self, schema: core_schema.FloatSchema) -> JsonSchemaValue:
        out = super().float_schema(schema)
        out["type"] = ["number", "string"]
        out["pattern"] = FLOAT_TEXT
        return out

    def dict_schema(self, schema: core_schema.DictSchema) -> JsonSchemaValue:
        out = super().dict_schema(schema)
        keys = schema.get("keys_schema")
        if keys is not None and keys.get("type") == "int":
            # Year-keyed mappings (``target``, ``anggaran``): keys are digits in JSON terms.
            # (Pydantic turns a key schema with a pattern into patternProperties; the keys are
            # checked by propertyNames instead, values by additionalProperties.)
            patterns = out.pop("patternProperties", None)
            if patterns:
                out["additionalProperties"] = next(iter(patterns.values()))
            out["propertyNames"] = {"pattern": r"^\d+$"}
        return out

    def model_schema(self, schema: core_schema.ModelSchema) -> JsonSchemaValue:
        out = super().model_schema(schema)
        cls = schema["cls"]
        title, english = judul(cls), gloss(cls)
        properties = out.get("properties", {})
        if self.LANG == "en":
            english = GLOSS_EN.get(cls.__name__, english)
            out["title"] = JUDUL_EN.get(cls.__name__, english.rstrip("."))
            out["description"] = english or out["title"]
            for field in properties.values():
                # the key itself names the field; the Indonesian title would be the only
                # Indonesian left (a field without a description has none in either language)
                field.pop("title", None)
                if "description" in field:
                    field["description"] = english_description(field["description"])
        else:
            out["title"] = title
            if not english or english.startswith(title):
                out["description"] = english or title
            else:
                out["description"] = f"{title}. (en: {english})"
        alternatives = getattr(cls, "WAJIB_SALAH_SATU", ())
        if alternatives:
            # Keys the model fills from one another (``tahun_target`` → ``tahun_mulai`` …):
            # one group of them is required, as the loader requires.
            grouped = {name for group in alternatives for name in group}
            required = [n for n in out.get("required", []) if n not in grouped]
            if required:
                out["required"] = required
            else:
                out.pop("required", None)
            out["anyOf"] = [{"required": list(group)} for group in alternatives]
        for name in getattr(cls, "SATU_ATAU_DAFTAR", ()):
            # A single value the model turns into a one-item list (``pengguna: pemda``).
            field = properties.get(name)
            if field is None or "items" not in field:
                continue
            keep = {k: field.pop(k) for k in ("title", "description", "default") if k in field}
            listed = dict(field)
            field.clear()
            field.update({"anyOf": [listed["items"], listed], **keep})
        if issubclass(cls, Elemen):
            _describe_element(cls, properties, self.LANG)
        return out


class SkemaSpbeEn(SkemaSpbe):
    """The same generator, with English titles and descriptions (``schema --lang en``)."""

    LANG = "en"


_GENERATORS: dict[str, type[SkemaSpbe]] = {"id": SkemaSpbe, "en": SkemaSpbeEn}


def english_description(text: str) -> str:
    """The English of an Indonesian field description (:data:`DESKRIPSI_EN`).

    Raises :class:`KeyError` for a description without one, so that a field added without
    its English fails ``tests/test_schema.py`` instead of leaking Indonesian.
    """
    return DESKRIPSI_EN[" ".join(text.split())]


def _describe_element(cls: type[Elemen], properties: dict[str, Any], lang: str = "id") -> None:
    """Add what the generic generator cannot know: the catalogue and the ``jenis`` tag."""
    en = lang == "en"
    referensi = properties.get("referensi")
    if referensi is not None:
        prefix = cls.KATALOG
        if prefix is None:
            referensi["description"] += (
                " This kind of element has no catalogue of its own."
                if en
                else " Jenis elemen ini tidak memiliki katalog sendiri."
            )
        else:
            nama = NAMA_KATALOG.get(prefix, prefix)
            referensi["description"] += f" {'Catalogue' if en else 'Katalog'}: {prefix} ({nama})."
            if prefix in CONTOH_REFERENSI:
                referensi["examples"] = [CONTOH_REFERENSI[prefix]]
    jenis = properties.get("jenis")
    field = cls.model_fields.get("jenis")
    if (
        jenis is not None
        and field is not None
        and typing.get_origin(field.annotation) is (typing.Literal)
    ):
        jenis["description"] = (
            f"Object kind: `{cls.KIND}` ({JUDUL_EN.get(cls.__name__, judul(cls))})."
            if en
            else f"Jenis objek: `{cls.KIND}` ({judul(cls)})."
        )


def _label_enums(schema: dict[str, Any], lang: str = "id") -> None:
    """List each choice with its label (pydantic writes the English docstring afterwards).

    In English the choices are listed by value after the class's English docstring: the
    labels are the official templates' Indonesian wording.
    """
    defs = schema.get("$defs", {})
    for cls in enum_classes():
        out = defs.get(cls.__name__)
        if out is None or not issubclass(cls, Pilihan):
            continue
        members = list(cls)
        if lang == "en":
            doc = GLOSS_EN.get(cls.__name__) or gloss(cls)
            values = ", ".join(f"`{m.value}`" for m in members)
            out["description"] = f"{doc} Choices: {values}.".strip()
            continue
        out["description"] = "Pilihan: " + ", ".join(f"`{m.value}` ({m.label})" for m in members)
        # Shown by yaml-language-server and VS Code next to each completion item.
        out["enumDescriptions"] = [m.label for m in members]


def _with_dialect(schema: dict[str, Any], lang: str = "id") -> dict[str, Any]:
    _label_enums(schema, lang)
    return {"$schema": DIALECT, **schema}


def _check_lang(lang: str) -> None:
    if lang not in LANGS:
        raise ValueError(f"unknown language {lang!r}; expected one of: {', '.join(LANGS)}")


def model_file_schema(lang: str = "id") -> dict[str, Any]:
    """The JSON Schema of one model file: the sections and the top-level ``opd``.

    ``lang`` is the language of titles and descriptions: ``id`` (the shipped file) or ``en``.
    """
    _check_lang(lang)
    en = lang == "en"
    inputs = [(section, "validation", adapter) for section, adapter in SECTIONS.items()]
    items, top = TypeAdapter.json_schemas(
        inputs,  # type: ignore[arg-type]
        ref_template=REF_TEMPLATE,
        schema_generator=_GENERATORS[lang],
    )
    properties: dict[str, Any] = {
        OWNER_KEY: {
            "title": "Default owner OPD" if en else "OPD pemilik bawaan",
            "description": (
                "The Perangkat Daerah that owns every element of this file (an OPD id), "
                "unless an element writes its own `opd`."
                if en
                else "Perangkat Daerah pemilik bawaan semua elemen di berkas ini (id OPD); "
                "elemen yang menulis `opd` sendiri menimpanya."
            ),
            "type": ["number", "string"],
            "minLength": 1,
        }
    }
    for section in SECTIONS:
        properties[section] = {
            "title": section.replace("_", " ").capitalize(),
            "description": (BAGIAN_EN if en else BAGIAN).get(section, section),
            "type": ["array", "null"],
            "items": items[(section, "validation")],
        }
    return _with_dialect(
        {
            "title": "SPBE architecture model file" if en else "Berkas model Arsitektur SPBE",
            "description": (
                "One model file: its sections (lists of elements per domain) and an optional "
                "`opd` key naming the default owner OPD."
                if en
                else "Satu berkas model: bagian-bagian (daftar elemen per domain) dan "
                "kunci `opd` opsional sebagai OPD pemilik bawaan."
            ),
            "type": "object",
            "additionalProperties": False,
            "properties": properties,
            "$defs": top.get("$defs", {}),
        },
        lang,
    )


def config_schema(lang: str = "id") -> dict[str, Any]:
    """The JSON Schema of ``spbe.yaml`` (:class:`~spbe_arch.model.konfigurasi.Konfigurasi`)."""
    _check_lang(lang)
    schema = TypeAdapter(Konfigurasi).json_schema(
        ref_template=REF_TEMPLATE, schema_generator=_GENERATORS[lang]
    )
    return _with_dialect(schema, lang)


def _walk() -> tuple[list[type[BaseModel]], list[type[Enum]]]:
    models: dict[str, type[BaseModel]] = {}
    enums: dict[str, type[Enum]] = {}

    def visit(tp: Any) -> None:
        for arg in typing.get_args(tp):
            visit(arg)
        if isinstance(tp, type) and issubclass(tp, Enum):
            enums.setdefault(tp.__name__, tp)
        if isinstance(tp, type) and issubclass(tp, BaseModel) and tp.__name__ not in models:
            models[tp.__name__] = tp
            for field in tp.model_fields.values():
                visit(field.annotation)

    for cls in KIND_CLASS.values():
        visit(cls)
    visit(Konfigurasi)
    return list(models.values()), list(enums.values())


def model_classes() -> list[type[BaseModel]]:
    """Every model class the two schemas define, in a stable order (for tests and docs)."""
    return _walk()[0]


def enum_classes() -> list[type[Enum]]:
    """Every enumeration the model classes use, in a stable order."""
    return _walk()[1]
