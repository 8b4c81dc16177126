"""Readable field types and field rows for the YAML reference, read from the pydantic models."""

from __future__ import annotations

import datetime as dt
import types
import typing
from dataclasses import dataclass
from enum import Enum
from typing import Any

from pydantic import BaseModel
from pydantic.fields import FieldInfo
from pydantic_core import PydanticUndefined

from spbe_arch.model.base import Elemen
from spbe_arch.model.relasi import RELASI, Relasi
from spbe_arch.schema.judul import judul


@dataclass(frozen=True, slots=True)
class Baris:
    """One row of a field table."""

    kunci: str
    tipe: str
    wajib: str
    keterangan: str


def _flat(metadata: typing.Iterable[Any]) -> list[Any]:
    out: list[Any] = []
    for item in metadata:
        out.append(item)
        if isinstance(item, FieldInfo):
            out.extend(_flat(item.metadata))
    return out


def _constraint(metadata: list[Any], name: str) -> Any:
    for item in _flat(metadata):
        value = getattr(item, name, None)
        if value is not None:
            return value
    return None


def _code(value: object) -> str:
    return f"`{value}`"


def describe(tp: Any, metadata: list[Any] | None = None) -> str:
    """A field type in words: teks, bilangan bulat, tanggal, pilihan: a / b, daftar …."""
    meta = list(metadata or [])
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    if origin is typing.Annotated:
        return describe(args[0], [*meta, *args[1:]])
    if origin in (typing.Union, types.UnionType):
        options = [a for a in args if a is not type(None)]
        return " atau ".join(describe(a, meta) for a in options)
    if origin is list:
        return "daftar " + describe(args[0])
    if origin is dict:
        return f"pemetaan {describe(args[0])} → {describe(args[1])}"
    if origin is typing.Literal:
        if len(args) == 1:
            return f"{_code(args[0])} (tetap)"
        return "pilihan: " + " / ".join(_code(a) for a in args)
    if isinstance(tp, type) and issubclass(tp, Enum):
        return "pilihan: " + " / ".join(_code(m.value) for m in tp)
    if isinstance(tp, type) and issubclass(tp, BaseModel):
        return f"objek {judul(tp)}"
    return _scalar(tp, meta)


def _scalar(tp: Any, meta: list[Any]) -> str:
    if tp is str:
        pattern = _constraint(meta, "pattern")
        return f"teks, pola `{pattern}`" if pattern else "teks"
    if tp is int or tp is float:
        words = "bilangan bulat" if tp is int else "bilangan"
        low, high = _constraint(meta, "ge"), _constraint(meta, "le")
        if low is not None and high is not None:
            return f"{words} {low}" if low == high else f"{words} {low}–{high}"
        return words
    if tp is dt.date:
        return "tanggal (YYYY-MM-DD)"
    if tp is bool:
        return "benar/salah"
    return getattr(tp, "__name__", str(tp))


def relation_of(kind: str, field: str) -> Relasi | None:
    """The relation a kind holds in ``field`` (``integrasi.aplikasi`` for nested keys)."""
    for relasi in RELASI:
        if relasi.field == field and (kind in relasi.sumber or "*" in relasi.sumber):
            return relasi
    return None


def _default(field: FieldInfo) -> str:
    if field.is_required():
        return "wajib"
    value = field.default
    if value is None or value is PydanticUndefined or field.default_factory is not None:
        return "opsional"
    shown = value.value if isinstance(value, Enum) else value
    return f"opsional, bawaan {_code(shown)}"


def field_type(kind: str, path: str, field: FieldInfo) -> str:
    """The rendered type of a field; id fields say so, whatever their Python type."""
    if path == "id":
        return "id (unik)"
    if relation_of(kind, path) is not None:
        many = typing.get_origin(field.annotation) is list
        return "daftar id" if many else "id"
    return describe(field.annotation, field.metadata)


def rows(cls: type[BaseModel], kind: str, prefix: str = "") -> list[Baris]:
    """The field rows of a class; ``prefix`` names the list a nested class sits in."""
    out = []
    for name, field in cls.model_fields.items():
        text = (field.description or _object_title(field)).replace("\n", " ")
        tipe = field_type(kind, prefix + name, field)
        out.append(Baris(name, tipe, _default(field), text))
    return out


def _object_title(field: FieldInfo) -> str:
    # A field without a description that holds an object: name the object.
    for tp in _leaves(field.annotation):
        if isinstance(tp, type) and issubclass(tp, BaseModel):
            return f"{judul(tp)}."
    return ""


def inherited(cls: type[BaseModel], name: str) -> bool:
    """Whether an element's field is the common :class:`Elemen` field, unchanged."""
    base = Elemen.model_fields.get(name)
    own = cls.model_fields.get(name)
    if cls is Elemen or base is None or own is None or not issubclass(cls, Elemen):
        return False
    return (own.annotation, own.description, own.is_required()) == (
        base.annotation,
        base.description,
        base.is_required(),
    )


def nested_models(cls: type[BaseModel]) -> list[tuple[str, type[BaseModel]]]:
    """The fields of a class that hold objects (or lists of objects) of another class."""
    out = []
    for name, field in cls.model_fields.items():
        for tp in _leaves(field.annotation):
            if isinstance(tp, type) and issubclass(tp, BaseModel):
                out.append((name, tp))
    return out


def enums_of(
    cls: type[BaseModel], skip: typing.Container[str] = ()
) -> list[tuple[str, type[Enum]]]:
    """The enumerations the fields of a class use, with the field that uses each."""
    out: list[tuple[str, type[Enum]]] = []
    for name, field in cls.model_fields.items():
        if name in skip:
            continue
        out.extend((name, tp) for tp in _leaves(field.annotation) if _is_enum(tp))
    return out


def _is_enum(tp: Any) -> bool:
    return isinstance(tp, type) and issubclass(tp, Enum)


def _leaves(tp: Any) -> list[Any]:
    args = typing.get_args(tp)
    if typing.get_origin(tp) is typing.Literal or not args:
        return [tp]
    return [leaf for arg in args for leaf in _leaves(arg)]
