"""Pydantic validation errors as located problems in Bahasa Indonesia and English."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from enum import Enum
from typing import Any

from pydantic import BaseModel
from pydantic_core import ErrorDetails

from spbe_arch.positions import Pos


def field_names(model: type[BaseModel] | None) -> list[str]:
    """The YAML keys a model accepts."""
    return list(model.model_fields) if model is not None else []


def suggest(word: str, choices: Iterable[str]) -> str | None:
    """The closest choice to a misspelt word, if one is close enough."""
    found = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return found[0] if found else None


def _got(value: Any) -> tuple[str, str]:
    if isinstance(value, dict):
        return "pemetaan (kunci: nilai)", "a mapping"
    if isinstance(value, list):
        return "daftar", "a list"
    if value is None:
        return "kosong", "empty"
    return f"'{value}'", f"'{value}'"


def _model_at(root: type[BaseModel] | None, loc: tuple[str | int, ...]) -> type[BaseModel] | None:
    """The pydantic model class that holds the last key of ``loc`` (for "did you mean")."""
    model = root
    for part in loc[:-1]:
        if model is None or isinstance(part, int):
            continue
        info = model.model_fields.get(part)
        if info is None:
            return None
        model = _inner_model(info.annotation)
    return model


def _inner_model(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()):
        found = _inner_model(arg)
        if found is not None:
            return found
    return None


def _enum_choices(root: type[BaseModel] | None, loc: tuple[str | int, ...]) -> list[str]:
    model = _model_at(root, loc)
    name = next((p for p in reversed(loc) if isinstance(p, str)), None)
    if model is None or name is None or name not in model.model_fields:
        return []
    return _enum_values(model.model_fields[name].annotation)


def _enum_values(annotation: Any) -> list[str]:
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        return [str(m.value) for m in annotation]
    for arg in getattr(annotation, "__args__", ()):
        found = _enum_values(arg)
        if found:
            return found
    return []


_POLA: dict[str, tuple[str, str]] = {
    r"^[A-Za-z0-9][A-Za-z0-9._\-]{0,79}$": (
        "id terdiri atas huruf, angka, titik, tanda hubung atau garis bawah, diawali huruf atau "
        "angka, tanpa spasi, paling panjang 80 karakter, mis. `DAA-001`",
        "an id is letters, digits, dots, hyphens or underscores, starting with a letter or "
        "digit, without spaces, at most 80 characters, e.g. `DAA-001`",
    ),
    r"^(\d\.\d{2}|X)$": (
        "kode bidang urusan Permendagri 90/2019: satu angka, titik, dua angka, mis. `2.16`",
        "a bidang urusan code of Permendagri 90/2019: a digit, a dot, two digits, e.g. `2.16`",
    ),
    r"^\d\.\d{2}\.\d\.\d{2}\.\d\.\d{2}\.\d{2}\.\d{4}$": (
        "kode SKPD SIPD seperti `2.16.2.20.2.21.01.0000`",
        "a SIPD SKPD code such as `2.16.2.20.2.21.01.0000`",
    ),
    r"^\d\.\d{2}\.\d{2}$": (
        "kode program Permendagri 90/2019 seperti `2.16.03`",
        "a programme code of Permendagri 90/2019 such as `2.16.03`",
    ),
    r"^\d\.\d{2}\.\d{2}\.\d\.\d{2}$": (
        "kode kegiatan seperti `2.16.03.1.01`",
        "an activity code such as `2.16.03.1.01`",
    ),
    r"^\d\.\d{2}\.\d{2}\.\d\.\d{2}\.(\d{2}|\d{4})$": (
        "kode sub kegiatan seperti `2.16.03.1.01.01` atau `2.16.03.1.01.0001`",
        "a sub-activity code such as `2.16.03.1.01.01` or `2.16.03.1.01.0001`",
    ),
    r"^\d{2}(\.\d{2}){0,3}$": (
        "kode wilayah Kemendagri seperti `32` atau `32.04`",
        "a Kemendagri region code such as `32` or `32.04`",
    ),
}
"""What each pattern of the model means, for people: OPD staff never see a regular expression."""


def _field_name(loc: tuple[str | int, ...]) -> str:
    """The key an error is about: the last text part of ``loc`` (``basis`` for ``basis[1]``)."""
    return next((str(p) for p in reversed(loc) if isinstance(p, str)), "")


def _tags_of(section: str | None) -> str:
    """The ``jenis`` values a section accepts, for a missing ``jenis``."""
    if section is None:
        return ""
    from spbe_arch.model.kinds import SECTION_KINDS

    return ", ".join(SECTION_KINDS.get(section, ()))


def translate(
    error: ErrorDetails, model: type[BaseModel] | None, *, section: str | None = None
) -> tuple[str, str, str, str | None, str | None]:
    """Code, message (id), message (en), hint (id), hint (en) for one pydantic error.

    ``section`` (``infrastruktur`` …) lets a missing ``jenis`` list the section's choices.
    """
    etype = error["type"]
    loc = tuple(error["loc"])
    name = _field_name(loc)
    value = error.get("input")
    ctx = error.get("ctx") or {}
    got_id, got_en = _got(value)
    if etype == "missing":
        return (
            "SPBE-SKEMA-001",
            f"kolom wajib '{name}' belum diisi",
            f"required field '{name}' is missing",
            None,
            None,
        )
    if etype == "extra_forbidden":
        holder = _model_at(model, loc)
        close = suggest(name, field_names(holder))
        title = holder.__name__ if holder is not None else "elemen"
        hint = f"maksud Anda '{close}'?" if close else None
        hint_en = f"did you mean '{close}'?" if close else None
        return (
            "SPBE-SKEMA-002",
            f"kunci '{name}' tidak dikenal untuk {title}"
            + (f"; maksud Anda '{close}'?" if close else ""),
            f"unknown key '{name}' for {title}" + (f"; did you mean '{close}'?" if close else ""),
            hint,
            hint_en,
        )
    if etype == "enum" or etype == "literal_error":
        choices = _enum_choices(model, loc) or _expected(ctx)
        close = suggest(str(value), choices) if isinstance(value, str) else None
        listing = ", ".join(choices)
        extra_id = f"; maksud Anda '{close}'?" if close else ""
        extra_en = f"; did you mean '{close}'?" if close else ""
        return (
            "SPBE-SKEMA-003",
            f"nilai {got_id} tidak dikenal untuk '{name}'; pilihan: {listing}{extra_id}",
            f"unknown value {got_en} for '{name}'; choices: {listing}{extra_en}",
            None,
            None,
        )
    if etype in ("union_tag_invalid", "union_tag_not_found"):
        tags = str(ctx.get("expected_tags", "")) or _tags_of(section)
        tag = ctx.get("tag")
        close = suggest(str(tag), [t.strip(" '") for t in tags.split(",")]) if tag else None
        extra_id = f"; maksud Anda '{close}'?" if close else ""
        extra_en = f"; did you mean '{close}'?" if close else ""
        if etype == "union_tag_not_found":
            return (
                "SPBE-SKEMA-001",
                f"kolom wajib 'jenis' belum diisi; pilihan: {tags}",
                f"required field 'jenis' is missing; choices: {tags}",
                None,
                None,
            )
        return (
            "SPBE-SKEMA-003",
            f"jenis '{tag}' tidak dikenal; pilihan: {tags}{extra_id}",
            f"unknown jenis '{tag}'; choices: {tags}{extra_en}",
            None,
            None,
        )
    if etype == "kode_referensi":
        return (
            "SPBE-SKEMA-003",
            f"kode referensi {got_id} tidak dapat dibaca: {ctx.get('alasan', '')}",
            f"reference code {got_en} cannot be read: {ctx.get('alasan_en', '')}",
            None,
            None,
        )
    message_id, message_en = _value_message(etype, name, got_id, got_en, ctx, error["msg"])
    return "SPBE-SKEMA-003", message_id, message_en, None, None


def _expected(ctx: dict[str, Any]) -> list[str]:
    expected = str(ctx.get("expected", ""))
    return [p.strip(" '") for p in expected.replace(" or ", ",").split(",") if p.strip(" '")]


def _value_message(
    etype: str, name: str, got_id: str, got_en: str, ctx: dict[str, Any], msg: str
) -> tuple[str, str]:
    if etype in ("string_type",):
        return f"'{name}' harus berupa teks, bukan {got_id}", f"'{name}' must be text, not {got_en}"
    if etype in ("list_type",):
        return (
            f"'{name}' harus berupa daftar (tiap butir diawali '- '), bukan {got_id}",
            f"'{name}' must be a list (each item starting with '- '), not {got_en}",
        )
    if etype in ("model_type", "model_attributes_type", "dict_type"):
        return (
            f"'{name}' harus berupa pemetaan (kunci: nilai), bukan {got_id}",
            f"'{name}' must be a mapping (key: value), not {got_en}",
        )
    if etype in ("int_parsing", "int_type", "int_from_float"):
        return (
            f"'{name}' harus bilangan bulat, bukan {got_id}",
            f"'{name}' must be a whole number, not {got_en}",
        )
    if etype in ("float_parsing", "float_type"):
        return f"'{name}' harus angka, bukan {got_id}", f"'{name}' must be a number, not {got_en}"
    if etype.startswith("date"):
        return (
            f"'{name}' harus tanggal berformat YYYY-MM-DD, bukan {got_id}",
            f"'{name}' must be a date written YYYY-MM-DD, not {got_en}",
        )
    if etype == "string_pattern_mismatch":
        described = _POLA.get(str(ctx.get("pattern", "")))
        if described is not None:
            return (
                f"{got_id} tidak sesuai format '{name}': {described[0]}",
                f"{got_en} does not match the format of '{name}': {described[1]}",
            )
        return (
            f"{got_id} tidak sesuai format '{name}'",
            f"{got_en} does not match the format of '{name}'",
        )
    if etype == "string_too_short":
        return f"'{name}' tidak boleh kosong", f"'{name}' must not be empty"
    if etype in ("greater_than_equal", "less_than_equal", "greater_than", "less_than"):
        bound = next(iter(ctx.values()), "")
        sign = {"greater_than_equal": "≥", "less_than_equal": "≤", "greater_than": ">"}.get(
            etype, "<"
        )
        return f"'{name}' harus {sign} {bound}, bukan {got_id}", f"'{name}' must be {sign} {bound}"
    if etype == "value_error":
        text = msg.removeprefix("Value error, ")
        return text, text
    if "alasan_en" in ctx:  # the model's own PydanticCustomError, written in both languages
        return msg, str(ctx["alasan_en"])
    return f"nilai '{name}' tidak valid: {msg}", f"invalid value for '{name}': {msg}"


def locate(pos: Pos, loc: tuple[str | int, ...], etype: str) -> Pos:
    """The node a pydantic error points at: the key for unknown keys, the parent for missing."""
    if etype == "extra_forbidden":
        return pos.find(loc, key=True)
    if etype == "missing":
        return pos.find(loc[:-1])
    if etype == "union_tag_invalid":
        # the error is about the whole element; what to fix is its 'jenis' (see translate)
        return pos.find((*loc, "jenis"))
    return pos.find(loc)
