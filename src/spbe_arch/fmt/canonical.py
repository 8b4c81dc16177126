"""The canonical form of a model file: key order from the metamodel, one indentation, quoting only
where needed, id lists sorted; comments and blank-line groups kept (docs/review.md).

The text is read with ruamel.yaml's round-trip reader, with one change: every plain scalar is
read as the text it is (``no``, ``1.10``, ``12:30``, ``007`` stay exactly that), as the project's
own reader does, so writing it back never changes a scalar's type or text. Only the structure
is rearranged. A result whose data, read back with the project's reader, differs from the
original's (beyond the sorted lists) is refused: :class:`FormatError`.
"""

from __future__ import annotations

import functools
import io
import re
import types
import typing
from typing import Any

import yaml as pyyaml
from pydantic import BaseModel
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.compat import ordereddict
from ruamel.yaml.error import CommentMark, MarkedYAMLError, YAMLError
from ruamel.yaml.nodes import ScalarNode
from ruamel.yaml.resolver import VersionedResolver
from ruamel.yaml.scalarstring import (
    DoubleQuotedScalarString,
    FoldedScalarString,
    LiteralScalarString,
    SingleQuotedScalarString,
)
from ruamel.yaml.tokens import CommentToken

from spbe_arch.load.yamltext import parse_text
from spbe_arch.model.base import Elemen
from spbe_arch.model.kinds import KIND_CLASS, SECTIONS
from spbe_arch.model.konfigurasi import Konfigurasi
from spbe_arch.model.organisasi import PerangkatDaerah
from spbe_arch.model.relasi import INFRA_KINDS, KEAMANAN_KINDS, relations_of

OWNER_KEY = "opd"
KINDS = ("model", "config")
"""What :func:`format_text` formats: a model file, or ``spbe.yaml``."""

_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
_SAFE_PLAIN = re.compile(r"[A-Za-z][A-Za-z0-9 ._/()+,-]*")
"""Text that may be written without quotes (checked further against YAML 1.1 and 1.2)."""


class FormatError(ValueError):
    """A file cannot be formatted: not YAML, or the result would not be the same model."""

    def __init__(self, message: str, message_en: str, line: int = 1, column: int = 1) -> None:
        super().__init__(message)
        self.message_en = message_en
        self.line = line
        self.column = column

    def text(self, lang: str = "id") -> str:
        """The message in ``id`` or ``en``, with its line and column."""
        body = self.message_en if lang == "en" else str(self)
        return f"{self.line}:{self.column}: {body}"


class _Verbatim(VersionedResolver):
    """A resolver that reads every plain scalar as text, except the null forms."""

    def resolve(self, kind: Any, value: Any, implicit: Any) -> Any:
        if kind is ScalarNode and implicit[0]:
            return super().resolve(kind, "" if value in _NULLS else "x", implicit)
        return super().resolve(kind, value, implicit)


def _yaml() -> YAML:
    y = YAML(typ="rt")
    y.Resolver = _Verbatim
    y.preserve_quotes = True
    y.width = 4096  # never fold a long line
    y.indent(mapping=2, sequence=4, offset=2)
    return y


# -- field order ------------------------------------------------------------------------------

_LIFECYCLE_START = "status"
_TAGGED = frozenset((*INFRA_KINDS, *KEAMANAN_KINDS))
"""Kinds told apart by their ``jenis`` (infrastruktur, keamanan)."""


@functools.cache
def field_order(cls: type[BaseModel]) -> tuple[str, ...]:
    """The canonical key order of a class: its fields in declaration order; for an element the
    common head (``id``, ``jenis``, ``nama`` … ``referensi``), the kind's own fields, then the
    common lifecycle fields (``status`` … ``abaikan``)."""
    names = list(cls.model_fields)
    if not issubclass(cls, Elemen):
        return tuple(names)
    base = list(Elemen.model_fields)
    cut = base.index(_LIFECYCLE_START)
    head, tail = base[:cut], base[cut:]
    own = [n for n in names if n not in base]
    if "jenis" in own and cls.KIND in _TAGGED:  # the discriminator reads best after the id
        own.remove("jenis")
        head = [head[0], "jenis", *head[1:]]
    return tuple([*head, *own, *tail])


@functools.cache
def _nested(cls: type[BaseModel]) -> dict[str, type[BaseModel]]:
    """The fields of a class that hold another model (or a list of them), with that model."""
    out: dict[str, type[BaseModel]] = {}
    hints = typing.get_type_hints(cls, include_extras=False)
    for name in cls.model_fields:
        found = _model_in(hints.get(name))
        if found is not None:
            out[name] = found
    return out


def _model_in(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    if isinstance(annotation, types.UnionType) or typing.get_origin(annotation) is not None:
        for arg in typing.get_args(annotation):
            found = _model_in(arg)
            if found is not None:
                return found
    return None


@functools.cache
def sorted_fields(kind: str) -> frozenset[str]:
    """The fields of a kind whose list order has no meaning: lists of ids of a relation."""
    return frozenset(r.field for r in relations_of(kind) if r.many and "." not in r.field)


def _section_class(section: str, item: Any) -> type[BaseModel] | None:
    if section == "perangkat_daerah":
        return PerangkatDaerah
    if section in ("infrastruktur", "keamanan"):
        cls = KIND_CLASS.get(item.get("jenis")) if isinstance(item.get("jenis"), str) else None
    else:
        cls = KIND_CLASS.get({"peta_rencana": "rencana"}.get(section, section))
    return cls if isinstance(cls, type) and issubclass(cls, BaseModel) else None


# -- comments that end a mapping --------------------------------------------------------------


def _tail_holder(node: Any) -> tuple[Any, Any, int] | None:
    """Where the comment after the last line of a block collection lives: (collection, key or
    index, position in its comment slot)."""
    while isinstance(node, (CommentedMap, CommentedSeq)) and len(node):
        if node.fa.flow_style():
            return None
        last: Any = next(reversed(node)) if isinstance(node, CommentedMap) else len(node) - 1
        value = node[last]
        if (
            isinstance(value, (CommentedMap, CommentedSeq))
            and len(value)
            and not (value.fa.flow_style())
        ):
            node = value
            continue
        return node, last, 2 if isinstance(node, CommentedMap) else 0
    return None


def _is_block(value: Any) -> bool:
    """Whether a value is written as a block scalar (``|``, ``>``)."""
    return isinstance(value, (LiteralScalarString, FoldedScalarString))


def _holder_after(cmap: CommentedMap, key: Any) -> tuple[Any, Any, int] | None:
    """Where the lines after ``key``'s entry are kept: the entry itself, or, for a block
    collection value, its last line's entry."""
    value = cmap[key]
    if (
        isinstance(value, (CommentedMap, CommentedSeq))
        and len(value)
        and not (value.fa.flow_style())
    ):
        return _tail_holder(value)
    return cmap, key, 2


def _take_after(where: tuple[Any, Any, int] | None) -> str | None:
    """Detach the lines after an entry (blank lines, comments: they lead into what follows),
    keeping the entry's own end-of-line comment; returns them (``None``: nothing)."""
    if where is None:
        return None
    coll, key, slot = where
    entry = coll.ca.items.get(key)
    token = entry[slot] if entry and len(entry) > slot else None
    if not isinstance(token, CommentToken):
        return None
    value: str = token.value
    if _is_block(coll[key]):  # the scalar's own line break ends it: all of it comes after
        own, rest = "", value
    else:
        newline = value.find("\n")
        if newline < 0:
            return None
        own, rest = value[: newline + 1], value[newline + 1 :]
    if not rest:
        return None
    if own.strip():
        token.value = own
    else:
        entry[slot] = None
    return rest


def _put_after(where: tuple[Any, Any, int] | None, rest: str) -> None:
    """Attach lines after an entry (after its own end-of-line comment, if any)."""
    if where is None:
        return
    coll, key, slot = where
    entry = coll.ca.items.setdefault(key, [None, None, None, None])
    while len(entry) <= slot:
        entry.append(None)
    token = entry[slot]
    if isinstance(token, CommentToken):
        token.value = (token.value if token.value.endswith("\n") else token.value + "\n") + rest
    else:
        start = "" if _is_block(coll[key]) else "\n"
        entry[slot] = CommentToken(start + rest, CommentMark(0), None)


def _reorder(cmap: CommentedMap, order: tuple[str, ...], in_seq: bool = False) -> None:
    """Put the keys of ``cmap`` in ``order`` (unknown keys after, as written).

    Comment lines move with the key they stand above; blank lines and comments after the
    mapping's last entry stay at its end."""
    keys = list(cmap)
    known = set(order)
    wanted = [k for k in order if k in cmap] + [k for k in keys if k not in known]
    if wanted == keys:
        return
    lead: dict[Any, str] = {}
    tail = None
    for index, key in enumerate(keys):
        rest = _take_after(_holder_after(cmap, key))
        if rest is None:
            continue
        if index + 1 < len(keys):
            lead[keys[index + 1]] = rest
        else:
            tail = rest
    for key in wanted:
        cmap.move_to_end(key)
    first = cmap.ca.items.get(wanted[0])
    if in_seq and wanted[0] != keys[0] and first and len(first) > 1 and first[1]:
        # comment lines kept before a key that is now the first of a list item: they cannot
        # stand between the item's dash and its first key, so they go below that key
        above = "".join(
            " " * token.column + token.value.lstrip(" ")
            for token in first[1]
            if isinstance(token, CommentToken)
        )
        first[1] = None
        lead[wanted[1] if len(wanted) > 1 else wanted[0]] = above + lead.get(
            wanted[1] if len(wanted) > 1 else wanted[0], ""
        )
    for index, key in enumerate(wanted):
        if key in lead:
            # above its key: after the entry now before it (the first key's goes below it)
            _put_after(_holder_after(cmap, wanted[max(index - 1, 0)]), lead[key])
    if tail is not None:
        _put_after(_holder_after(cmap, wanted[-1]), tail)


# -- the canonical structure ------------------------------------------------------------------


def _canon_model(
    cmap: CommentedMap, cls: type[BaseModel], kind: str | None, in_seq: bool = False
) -> None:
    _reorder(cmap, field_order(cls), in_seq)
    nested = _nested(cls)
    sortable = sorted_fields(kind) if kind else frozenset()
    for key in list(cmap):
        value = cmap[key]
        if key in sortable:
            _sort_ids(value)
        sub = nested.get(key) if isinstance(key, str) else None
        if sub is None:
            continue
        if isinstance(value, CommentedMap):
            _canon_model(value, sub, None)
        elif isinstance(value, CommentedSeq):
            for item in value:
                if isinstance(item, CommentedMap):
                    _canon_model(item, sub, None, in_seq=True)


def _has_comment(node: Any) -> bool:
    """Whether a collection holds a comment (or blank lines) among its entries."""
    return any(
        any(token is not None for token in (entry or ())) for entry in node.ca.items.values()
    )


def _sort_ids(value: Any) -> None:
    """Sort a list of ids in place, when it holds only plain text and no comment."""
    if not isinstance(value, CommentedSeq) or len(value) < 2 or _has_comment(value):
        return
    if not all(isinstance(v, str) for v in value):
        return
    ordered = sorted(value, key=str)
    if ordered != list(value):
        for index, item in enumerate(ordered):
            value[index] = item


def _canon_file(data: Any) -> None:
    if not isinstance(data, CommentedMap):
        return
    _reorder(data, (OWNER_KEY, *SECTIONS))
    for section, items in data.items():
        if section not in SECTIONS or not isinstance(items, CommentedSeq):
            continue
        for item in items:
            if not isinstance(item, CommentedMap):
                continue
            cls = _section_class(section, item)
            if cls is not None:
                _canon_model(item, cls, getattr(cls, "KIND", None), in_seq=True)


def _unquote(node: Any) -> None:
    """Drop quotes that are not needed: text every YAML reader (1.1 and 1.2) reads as the same
    text without them, made of letters, digits and a few safe signs."""
    if isinstance(node, CommentedMap):
        items: Any = list(node.items())
        for key, value in items:
            if _plain_ok(value):
                # past CommentedMap.__setitem__, which keeps the old quoting style
                ordereddict.__setitem__(node, key, str(value))
            else:
                _unquote(value)
    elif isinstance(node, CommentedSeq):
        for index, value in enumerate(list(node)):
            if _plain_ok(value):
                list.__setitem__(node, index, str(value))
            else:
                _unquote(value)


@functools.lru_cache(maxsize=4096)
def _reads_as_text(text: str) -> bool:
    try:
        value = pyyaml.safe_load(f"k: {text}\n")
    except pyyaml.YAMLError:
        return False
    return isinstance(value, dict) and value.get("k") == text


def _plain_ok(value: Any) -> bool:
    if not isinstance(value, (DoubleQuotedScalarString, SingleQuotedScalarString)):
        return False
    text = str(value)
    return (
        _SAFE_PLAIN.fullmatch(text) is not None
        and text == text.strip()
        and "  " not in text
        and _reads_as_text(text)
    )


# -- the check and the entry point ------------------------------------------------------------


def _normal(data: Any, kind: str | None = None, top: bool = False) -> Any:
    """Data as the project reads it, with the lists whose order has no meaning sorted."""
    if isinstance(data, dict):
        sortable = sorted_fields(kind) if kind else frozenset()
        out: dict[Any, Any] = {}
        for key, value in data.items():
            if (
                key in sortable
                and isinstance(value, list)
                and all(isinstance(v, str) for v in value)
            ):
                out[key] = sorted(value)
            elif top and key in SECTIONS and isinstance(value, list):
                out[key] = [_normal(v, _item_kind(key, v)) for v in value]
            else:
                out[key] = _normal(value)
        return out
    if isinstance(data, list):
        return [_normal(v) for v in data]
    return data


def _item_kind(section: str, item: Any) -> str | None:
    if not isinstance(item, dict):
        return None
    cls = _section_class(section, item)
    return getattr(cls, "KIND", None) if cls is not None else None


_BLOCK_START = re.compile(
    r":[ \t]+[|>][+-]?[0-9]?[+-]?[ \t]*(?:#.*)?$|^[ \t]*-[ \t]+[|>][+-]?[0-9]?[+-]?[ \t]*$"
)
"""A line whose value is a block scalar (``key: |``, ``key: >-``, ``- |``)."""


def _reindent_comments(text: str) -> str:
    """Comment lines indented like the line they stand above (ruamel keeps a comment's old
    column when the content around it is re-indented). Lines inside block scalars are text,
    not comments, and are left alone."""
    lines = text.split("\n")
    inside = [False] * len(lines)
    block: int | None = None  # indentation of the line that opened a block scalar
    content: int | None = None  # indentation of the block's text (its first line)
    for i, line in enumerate(lines):
        stripped = line.lstrip(" ")
        indent = len(line) - len(stripped)
        if block is not None:
            if not stripped:
                inside[i] = True
                continue
            if content is None and indent > block:
                content = indent
            if content is not None and indent >= content:
                inside[i] = True
                continue
        block = content = None
        if not stripped.startswith("#") and _BLOCK_START.search(line):
            block = indent
    following: int | None = None
    for i in range(len(lines) - 1, -1, -1):
        line = lines[i]
        stripped = line.lstrip(" ")
        if inside[i] or not stripped:
            continue
        if stripped.startswith("#"):
            if following is not None:
                lines[i] = " " * following + stripped
        else:
            following = len(line) - len(stripped)
    return "\n".join(lines)


def format_text(text: str, kind: str = "model") -> str:
    """The canonical form of a model file (``kind="model"``) or of ``spbe.yaml``
    (``kind="config"``). A text already canonical is returned unchanged.

    Raises :class:`FormatError` when the text is not YAML the formatter can keep (a syntax
    error, several documents), or when the result would read back as other data.
    """
    if kind not in KINDS:
        raise ValueError(f"kind must be one of {KINDS}")
    y = _yaml()
    try:
        data = y.load(text)
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
        problem = exc.problem or "YAML"
        raise FormatError(f"YAML tidak dapat dibaca: {problem}",
                          f"YAML cannot be read: {problem}", line, column) from None  # fmt: skip
    except YAMLError as exc:
        raise FormatError(f"YAML tidak dapat dibaca: {exc}",
                          f"YAML cannot be read: {exc}") from None  # fmt: skip
    if data is None:
        return text
    if kind == "config":
        if isinstance(data, CommentedMap):
            _canon_model(data, Konfigurasi, None)
    else:
        _canon_file(data)
    _unquote(data)
    out = io.StringIO()
    y.dump(data, out)
    plain = out.getvalue()
    result = _reindent_comments(plain)
    before, after = parse_text(text), parse_text(result)
    top = kind == "model"
    if result != plain and (after.fatal or _normal(after.data, top=top) != _normal(
            parse_text(plain).data, top=top)):  # fmt: skip
        result, after = plain, parse_text(plain)  # the comments keep their columns
    if after.fatal or _normal(before.data, top=top) != _normal(after.data, top=top):
        raise FormatError(
            "bentuk kanonis akan mengubah isi berkas; berkas dibiarkan (laporkan sebagai bug)",
            "the canonical form would change the file's content; the file is left as it is "
            "(please report this as a bug)",
        )
    return result
