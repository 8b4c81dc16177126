"""Editing model files in place (ruamel.yaml round-trip) and writing them atomically.

Only changed values are rewritten: comments, key order, quoting and layout of everything else
stay as they were (a file that ruamel cannot round-trip byte-identically is reported). New
elements are rendered by ruamel with the file's own indentation and inserted as text after
the section's last element, keeping the file's blank-line convention. Writing goes through
:mod:`spbe_arch.survei.jurnal` (all files of an import, or none).
"""

from __future__ import annotations

import datetime as dt
import difflib
import io
from enum import Enum
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import LiteralScalarString
from ruamel.yaml.util import load_yaml_guess_indent

_INDENTS = ((2, 4, 2), (2, 2, 0), (4, 4, 2), (4, 6, 4))


def _yaml(indent: tuple[int, int, int]) -> YAML:
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 4096
    yaml.indent(mapping=indent[0], sequence=indent[1], offset=indent[2])
    return yaml


def _dump(yaml: YAML, data: Any) -> str:
    out = io.StringIO()
    yaml.dump(data, out)
    return out.getvalue()


def nilai_yaml(value: Any, flow: bool = True) -> Any:
    """A model value as ruamel writes it: enum values, flow lists, literal multi-line text."""
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, list):
        seq = CommentedSeq([nilai_yaml(v) for v in value])
        if flow:
            seq.fa.set_flow_style()
        return seq
    if isinstance(value, str) and "\n" in value:
        return LiteralScalarString(value)
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dict):
        return CommentedMap(
            (k, nilai_yaml(v)) for k, v in value.items() if v is not None and v != [] and v != ""
        )
    return value


class Berkas:
    """One model file open for editing."""

    def __init__(self, rel: str, text: str) -> None:
        self.rel = rel
        self.asli = text
        self.yaml, self.data, self.setia = self._open(text)
        self.tambahan: dict[str, list[dict[str, Any]]] = {}

    @staticmethod
    def _open(text: str) -> tuple[YAML, Any, bool]:
        _, ind, bsi = load_yaml_guess_indent(text)
        guessed = (ind or 2, ind or 2, bsi or 0)
        for indent in (_INDENTS[0], guessed, *_INDENTS[1:]):
            yaml = _yaml(indent)
            data = yaml.load(text)
            if _dump(yaml, data) == text:
                return yaml, data, True
        yaml = _yaml(_INDENTS[0])
        return yaml, yaml.load(text), False

    def item(self, section: str, index: int) -> CommentedMap:
        """The mapping of one element."""
        node = self.data[section][index]
        assert isinstance(node, CommentedMap)
        return node

    def ubah(self, section: str, index: int, values: dict[str, Any], order: list[str]) -> None:
        """Set (or, for None, remove) fields of one element; new keys go in form order."""
        node = self.item(section, index)
        last = next(reversed(node), None)
        tail = node.ca.items.get(last) if last is not None else None
        for key, value in values.items():
            if isinstance(value, dict):
                value = self._rekaman(node.get(key), value)
            if value is None:
                if key in node:
                    del node[key]
                continue
            if key in node and isinstance(value, CommentedMap) and node[key] is value:
                continue  # a nested record updated in place (its comments kept)
            if key in node:
                old = node[key]
                flow = not isinstance(old, CommentedSeq) or bool(old.fa.flow_style())
                node[key] = nilai_yaml(value, flow)
                continue
            rank = order.index(key) if key in order else len(order)
            pos = len(node)
            for i, existing in enumerate(node):
                if existing in order and order.index(existing) > rank:
                    pos = i
                    break
            node.insert(pos, key, nilai_yaml(value))
        new_last = next(reversed(node), None)
        if tail is not None and new_last is not None and new_last != last:
            # the blank line after an element hangs on its last key: keep it at the end
            node.ca.items.pop(last, None)
            node.ca.items[new_last] = tail

    @staticmethod
    def _rekaman(old: Any, values: dict[str, Any]) -> CommentedMap | None:
        """A nested record (``pengadaan``) with ``values`` applied: updated in place when it
        exists, new otherwise; None when nothing is left in it."""
        record = old if isinstance(old, CommentedMap) else CommentedMap()
        for sub, value in values.items():
            if value is None or value == [] or value == "":
                record.pop(sub, None)
            else:
                record[sub] = nilai_yaml(value)
        return record if len(record) else None

    def hapus(self, section: str, index: int) -> None:
        """Remove one element (``--hapus``); call in descending index order."""
        del self.data[section][index]

    def tambah(self, section: str, element: dict[str, Any]) -> None:
        """Queue a new element at the end of ``section`` (created when missing)."""
        self.tambahan.setdefault(section, []).append(element)

    def teks(self) -> str:
        """The file's new text."""
        pending: dict[str, list[dict[str, Any]]] = {}
        for section, items in self.tambahan.items():
            if (
                isinstance(self.data, CommentedMap)
                and section in self.data
                and not self.data[section]
            ):
                self.data[section] = CommentedSeq([_peta(e) for e in items])
            else:
                pending[section] = items
        text = _dump(self.yaml, self.data) if self.data is not None else self.asli
        for section, items in pending.items():
            text = self._sisip(text, section, items)
        return text

    def _render(self, section: str, items: list[dict[str, Any]], blank: bool) -> str:
        parts = [
            _dump(self.yaml, CommentedMap([(section, CommentedSeq([_peta(e)]))])).split("\n", 1)[1]
            for e in items
        ]
        return ("\n" if blank else "").join(parts)

    def _sisip(self, text: str, section: str, items: list[dict[str, Any]]) -> str:
        data = self.yaml.load(text) if text.strip() else None
        if not isinstance(data, CommentedMap) or section not in data:
            sep = "" if not text.strip() else ("\n" if text.endswith("\n") else "\n\n")
            return text + sep + f"{section}:\n" + self._render(section, items, True)
        lines = baris(text)
        keys = list(data)
        at = keys.index(section)
        end = data.lc.key(keys[at + 1])[0] if at + 1 < len(keys) else len(lines)
        last = end - 1
        top = data.lc.key(section)[0]
        while last > top and (not lines[last].strip() or lines[last].startswith("#")):
            last -= 1
        seq = data[section]
        blank = len(seq) < 2 or not lines[seq.lc.item(1)[0] - 1].strip()
        if not lines[last].endswith("\n"):
            lines[last] += "\n"
        lines.insert(last + 1, ("\n" if blank else "") + self._render(section, items, blank))
        return "".join(lines)


def _peta(element: dict[str, Any]) -> CommentedMap:
    return CommentedMap((k, nilai_yaml(v)) for k, v in element.items())


def beda(rel: str, before: str, after: str) -> str:
    """A unified diff of one file."""
    return "".join(
        difflib.unified_diff(
            baris(before), baris(after),
            f"a/{rel}", f"b/{rel}",
        )
    )  # fmt: skip


def baris(text: str) -> list[str]:
    """The lines of a text split at ``\\n`` only, each keeping its newline.

    :meth:`str.splitlines` also splits at U+0085, U+2028, form feeds and other characters that
    YAML (and ruamel's line numbers) do not treat as line ends.
    """
    parts = text.split("\n")
    out = [p + "\n" for p in parts[:-1]]
    if parts[-1]:
        out.append(parts[-1])
    return out
