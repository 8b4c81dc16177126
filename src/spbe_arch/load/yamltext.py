"""Safe YAML reading: text to plain data (dict, list, str, None) with a position for every node.

Design (see docs/architecture.md): libyaml's C parser produces the event stream (the fast part);
this module builds the data from events with an explicit stack, so that

* no tag ever constructs an object, and any tag outside the YAML core set is reported;
* plain scalars stay text (``no``, ``12:30``, ``1.10``, ``2024-01-05`` are never reinterpreted
  by YAML 1.1 rules); the typed model converts text to numbers and dates where a field says so,
  and ``null``, ``~`` or an empty value mean "absent";
* duplicate keys are reported with both lines; nesting depth and alias expansion are bounded;
* every problem carries a line and column, and nothing raises.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import yaml

from spbe_arch.load.source import RawProblem
from spbe_arch.load.syntax import describe_syntax_error
from spbe_arch.positions import Pos

# ``yaml.CParser`` does not exist: PyYAML exports only the C loaders from ``yaml.cyaml``.
_Parser: Any = getattr(getattr(yaml, "cyaml", None), "CParser", None)
"""libyaml's C parser; None when PyYAML was built without libyaml (then the pure-Python one)."""

MAX_DEPTH = 64
"""Deepest nesting accepted; real model files nest about six levels."""
MAX_EXPANSION = 200_000
"""Most nodes a document may expand to through aliases (bounds "billion laughs")."""
MAX_SCALAR = 1_000_000
"""Longest scalar accepted, in characters."""

_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
_CORE_TAGS = frozenset(
    {
        "tag:yaml.org,2002:str",
        "tag:yaml.org,2002:int",
        "tag:yaml.org,2002:float",
        "tag:yaml.org,2002:bool",
        "tag:yaml.org,2002:null",
        "tag:yaml.org,2002:map",
        "tag:yaml.org,2002:seq",
        "!",
    }
)


@dataclass(slots=True)
class Parsed:
    """The first document of a text: its data, its positions and the problems found."""

    data: Any = None
    pos: Pos | None = None
    problems: list[RawProblem] = field(default_factory=list)
    fatal: bool = False


class _Abort(Exception):
    """Stops building a document after a fatal problem has been recorded."""


class _Frame:
    __slots__ = ("anchor", "container", "items", "key", "key_pos", "keys", "path", "pos")

    def __init__(self, container: Any, pos: Pos, path: tuple[str | int, ...]) -> None:
        self.container = container
        self.pos = pos
        self.path = path
        self.key: str | None = None
        self.key_pos: Pos | None = None
        self.keys: dict[str, Pos] | None = None
        self.items: Any = None
        self.anchor: str | None = None


def parse_text(text: str) -> Parsed:
    """Read the first YAML document of ``text`` into plain data with positions."""
    result = Parsed()
    try:
        _build(text, result)
    except _Abort:
        result.fatal = True
        result.data = None
        result.pos = None
    except yaml.MarkedYAMLError as exc:
        if "maximum nesting depth" in (exc.problem or ""):
            # libyaml's own limit (1000 levels) can trip first: its scanner reads flow ahead.
            result.problems.append(_too_deep(exc.problem_mark or exc.context_mark))
        else:
            line, column, message, message_en = describe_syntax_error(exc, text)
            result.problems.append(RawProblem("SPBE-YAML-001", line, column, message, message_en))
        result.fatal = True
        result.data = None
        result.pos = None
    except yaml.YAMLError as exc:  # a reader error without a mark
        result.problems.append(
            RawProblem(
                "SPBE-YAML-001",
                1,
                1,
                f"YAML tidak dapat dibaca: {exc}",
                f"YAML cannot be read: {exc}",
            )
        )
        result.fatal = True
        result.data = None
        result.pos = None
    return result


def _too_deep(mark: Any, path: tuple[str | int, ...] = ()) -> RawProblem:
    line, column = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
    return RawProblem(
        "SPBE-YAML-008",
        line,
        column,
        f"struktur bersarang terlalu dalam (lebih dari {MAX_DEPTH} tingkat)",
        f"nesting too deep (more than {MAX_DEPTH} levels)",
        path=path,
    )


def _events(text: str) -> Iterator[Any]:
    if _Parser is not None:
        parser = _Parser(text)
        try:
            while True:
                event = parser.get_event()
                if event is None:
                    return
                yield event
                if isinstance(event, yaml.StreamEndEvent):
                    return
        finally:
            parser.dispose()
    else:  # pragma: no cover
        yield from yaml.parse(text, Loader=yaml.SafeLoader)


def _build(text: str, result: Parsed) -> None:
    problems = result.problems
    stack: list[_Frame] = []
    anchors: dict[str, tuple[Any, Pos, int]] = {}
    sizes: list[int] = []  # node count of the container on top of the stack, per level
    expansion = 0
    documents = 0

    def attach(value: Any, pos: Pos, size: int, event: Any) -> None:
        if not stack:
            result.data = value
            result.pos = pos
            return
        frame = stack[-1]
        sizes[-1] += size
        if isinstance(frame.container, list):
            frame.container.append(value)
            frame.items.append(pos)
            return
        if frame.key is None:
            # this node is a key
            if not isinstance(value, str) and value is not None:
                problems.append(
                    RawProblem(
                        "SPBE-SKEMA-003",
                        pos.line,
                        pos.column,
                        "kunci harus berupa teks sederhana, bukan daftar atau pemetaan",
                        "a key must be plain text, not a list or a mapping",
                        path=frame.path,
                    )
                )
                frame.key = "\x00invalid"
            else:
                frame.key = "" if value is None else value
            frame.key_pos = pos
            return
        key = frame.key
        frame.key = None
        if key == "\x00invalid":
            return
        keys = frame.keys
        assert keys is not None and frame.key_pos is not None
        if key in keys:
            first = keys[key]
            problems.append(
                RawProblem(
                    "SPBE-YAML-005",
                    frame.key_pos.line,
                    frame.key_pos.column,
                    f"kunci '{key}' ganda: sudah ditulis di baris {first.line}; "
                    "nilai kedua tidak dipakai",
                    f"duplicate key '{key}': already written on line {first.line}; "
                    "the second value is not used",
                    path=(*frame.path, key),
                )
            )
            return
        keys[key] = frame.key_pos
        frame.items[key] = pos
        if value is not None:  # null, ~ or empty: the key is absent (its position is kept)
            frame.container[key] = value

    def check_tag(event: Any, path: tuple[str | int, ...]) -> bool:
        tag = event.tag
        if tag is None or tag in _CORE_TAGS:
            return True
        mark = event.start_mark
        problems.append(
            RawProblem(
                "SPBE-YAML-006",
                mark.line + 1,
                mark.column + 1,
                f"tag YAML '{tag}' tidak diizinkan; model hanya memuat teks, daftar dan pemetaan",
                f"YAML tag '{tag}' is not allowed; models hold only text, lists and mappings",
                path=path,
            )
        )
        return False

    def current_path() -> tuple[str | int, ...]:
        if not stack:
            return ()
        frame = stack[-1]
        if isinstance(frame.container, list):
            return (*frame.path, len(frame.container))
        if frame.key is not None:
            return (*frame.path, frame.key)
        return frame.path

    for event in _events(text):
        etype = type(event)
        if etype is yaml.ScalarEvent:
            mark = event.start_mark
            end = event.end_mark
            pos = Pos(mark.line + 1, mark.column + 1, end.line + 1, end.column + 1)
            value: Any = event.value
            if event.tag is not None and not check_tag(event, current_path()):
                value = None
            elif not event.style and event.tag is None and value in _NULLS:
                # plain style: None from the Python parser, "" from libyaml
                value = None
            elif event.tag == "tag:yaml.org,2002:null":
                value = None
            if isinstance(value, str) and len(value) > MAX_SCALAR:
                problems.append(
                    RawProblem(
                        "SPBE-YAML-011",
                        pos.line,
                        pos.column,
                        f"nilai terlalu panjang ({len(value):,} karakter; batas {MAX_SCALAR:,})",
                        f"value too long ({len(value):,} characters; limit {MAX_SCALAR:,})",
                        path=current_path(),
                    )
                )
                value = None
            if event.anchor is not None:
                anchors[event.anchor] = (value, pos, 1)
            attach(value, pos, 1, event)
        elif etype is yaml.MappingStartEvent or etype is yaml.SequenceStartEvent:
            mark = event.start_mark
            path = current_path()
            if len(stack) >= MAX_DEPTH:
                problems.append(_too_deep(mark, path))
                raise _Abort
            check_tag(event, path)
            pos = Pos(mark.line + 1, mark.column + 1)
            if etype is yaml.MappingStartEvent:
                frame = _Frame({}, pos, path)
                frame.keys = {}
                frame.items = {}
                pos.keys = frame.keys
            else:
                frame = _Frame([], pos, path)
                frame.items = []
            pos.items = frame.items
            frame.anchor = event.anchor
            stack.append(frame)
            sizes.append(1)
        elif etype is yaml.MappingEndEvent or etype is yaml.SequenceEndEvent:
            frame = stack.pop()
            size = sizes.pop()
            end = event.end_mark
            frame.pos.end_line = end.line + 1
            frame.pos.end_column = end.column + 1
            if frame.anchor is not None:
                anchors[frame.anchor] = (frame.container, frame.pos, size)
            attach(frame.container, frame.pos, size, event)
        elif etype is yaml.AliasEvent:
            mark = event.start_mark
            found = anchors.get(event.anchor)
            if found is None:
                problems.append(
                    RawProblem(
                        "SPBE-YAML-007",
                        mark.line + 1,
                        mark.column + 1,
                        f"alias '*{event.anchor}' menunjuk anchor yang belum didefinisikan",
                        f"alias '*{event.anchor}' refers to an undefined anchor",
                        path=current_path(),
                    )
                )
                raise _Abort
            value, pos, size = found
            expansion += size
            if expansion > MAX_EXPANSION:
                problems.append(
                    RawProblem(
                        "SPBE-YAML-007",
                        mark.line + 1,
                        mark.column + 1,
                        "alias mengembang menjadi lebih dari "
                        f"{MAX_EXPANSION:,} simpul (bom alias); berkas tidak dimuat",
                        f"aliases expand to more than {MAX_EXPANSION:,} nodes "
                        "(alias bomb); the file is not loaded",
                        path=current_path(),
                    )
                )
                raise _Abort
            attach(value, pos, size, event)
        elif etype is yaml.DocumentStartEvent:
            documents += 1
            if documents > 1:
                mark = event.start_mark
                problems.append(
                    RawProblem(
                        "SPBE-YAML-009",
                        mark.line + 1,
                        mark.column + 1,
                        "berkas berisi lebih dari satu dokumen YAML; hanya dokumen pertama "
                        "yang dimuat (pisahkan ke berkas lain)",
                        "the file holds more than one YAML document; only the first is "
                        "loaded (split it into files)",
                    )
                )
                return
