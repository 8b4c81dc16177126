"""The oracle: spbe-arch's YAML reader as it was in Python (until the compiled reader replaced
it), kept verbatim below this note to prove the compiled reader equal (tests/test_reader_equal.py).

It is driven by PyYAML's CParser, i.e. PyYAML's bundled libyaml (a snapshot reporting "0.2.6"),
while the compiled reader (``spbe_arch.load._reader``) uses the vendored libyaml 0.2.5: where the
two libyaml versions differ, the test names the cases. Not used by the tool. Its messages are
compared too: a change to a message in ``yamltext.py`` is made here as well.

The original module docstring follows.

Safe YAML reading: text to plain data (dict, list, str, None), with a position for every node.

The one reader of model files (see docs/architecture.md, "Satu pembaca YAML"): libyaml's C
parser produces the event stream, and this module builds the data from the events with an
explicit stack, so that

* no tag ever constructs an object, and any tag outside the YAML core set is reported;
* plain scalars stay text (``no``, ``12:30``, ``1.10``, ``2.026e3``, ``2024-01-05`` are never
  reinterpreted); the typed model converts text to numbers and dates where a field says so,
  and ``null``, ``~`` or an empty value mean "absent";
* duplicate keys are reported with both lines; nesting depth, alias expansion and scalar
  length are bounded;
* where libyaml departs from YAML 1.2 (it accepts some invalid forms, and reads a few valid
  ones differently), the form is reported with its line and column instead of being loaded
  with wrong data (:func:`_Checks`); where it rejects valid YAML, the message says which form
  (:data:`~spbe_arch.load.syntax.REFUSALS`);
* every problem carries a line and column, and nothing raises.

``parse_text(text, positions=False)`` builds the same data and problems without the position
tree (a fifth faster): the loader reads that way and asks for the tree, from this same
function, only for a file a problem is reported in.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import yaml

from spbe_arch.load.source import RawProblem
from spbe_arch.load.syntax import REFUSALS, describe_syntax_error
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
_SCALAR = yaml.ScalarEvent
_MAP_START = yaml.MappingStartEvent
_SEQ_START = yaml.SequenceStartEvent
_MAP_END = yaml.MappingEndEvent
_SEQ_END = yaml.SequenceEndEvent
_ALIAS = yaml.AliasEvent
_DOC_START = yaml.DocumentStartEvent
_INVALID_KEY = "\x00invalid"
_NULL_TAG = "tag:yaml.org,2002:null"
_INDICATORS = ("-", "?", ":")


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
    __slots__ = ("anchor", "container", "flow", "items", "key", "key_mark", "key_pos", "keys",
                 "need", "path", "pos", "sequence", "size", "start")  # fmt: skip

    def __init__(self, container: Any, path: tuple[str | int, ...], need: int, flow: bool) -> None:
        self.container = container
        self.path = path
        self.need = need
        """Spaces a continuation line of a multi-line flow node in it needs (more than the
        indentation of the nearest block collection)."""
        self.flow = flow
        self.key: str | None = None
        self.key_mark: Any = None
        self.sequence = type(container) is list
        self.key_pos: Pos | None = None
        self.keys: dict[str, Any] = {}
        """libyaml's mark of each key of a mapping (duplicates are reported with both lines)."""
        self.items: Any = None
        """Positions of the children (a dict or list), with ``positions`` only."""
        self.pos: Pos | None = None
        self.anchor: str | None = None
        self.size = 1
        self.start: Any = None


def parse_text(text: str, *, positions: bool = True) -> Parsed:
    """Read the first YAML document of ``text`` into plain data, with positions unless told."""
    result = Parsed()
    try:
        _build(text, result, positions)
    except _Abort:
        _fail(result)
    except yaml.MarkedYAMLError as exc:
        if "maximum nesting depth" in (exc.problem or ""):
            # libyaml's own limit (1000 levels) can trip first: its scanner reads flow ahead.
            result.problems.append(_too_deep(exc.problem_mark or exc.context_mark))
        else:
            line, column, message, message_en = describe_syntax_error(exc, text)
            result.problems.append(RawProblem("SPBE-YAML-001", line, column, message, message_en))
        _fail(result)
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
        _fail(result)
    return result


def _fail(result: Parsed) -> None:
    result.fatal = True
    result.data = None
    result.pos = None


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


def _parser(text: str) -> tuple[Callable[[], Any], Callable[[], None]]:
    """libyaml's ``get_event`` (None after the last event) and its ``dispose``."""
    if _Parser is not None:
        parser = _Parser(text)
        return parser.get_event, parser.dispose
    events = iter(yaml.parse(text, Loader=yaml.SafeLoader))  # pragma: no cover
    return (lambda: next(events, None)), (lambda: None)  # pragma: no cover


_SPEC: dict[str, tuple[str, str]] = {
    "comment": ("komentar '#' harus didahului spasi", "a comment '#' needs a space before it"),
    "indent": ("baris lanjutan harus menjorok lebih dalam daripada koleksi blok yang memuatnya",
               "a continuation line must be indented more than the block collection holding it"),
    "indicator": ("'-', '?' atau ':' tanpa teks sesudahnya tidak boleh menjadi nilai dalam "
                  "koleksi alur; kutip nilainya",
                  "a '-', '?' or ':' alone cannot be a value in a flow collection; quote it"),
    "blank": ("baris kosong di awal blok teks tidak boleh lebih menjorok daripada baris isi "
              "pertamanya",
              "a leading blank line of a block scalar cannot be indented more than its first "
              "line of content"),
}  # fmt: skip
"""Invalid YAML that libyaml accepts, or valid YAML it reads wrongly, found by :class:`_Checks`."""


def _glued(text: str) -> bool:
    """Whether a ``#`` follows a closing quote or bracket or a comma (``"a"#x``, ``]#x``,
    ``a,#x``) anywhere: only then are comments glued to tokens looked for (``>#`` apart). One
    search per ``#``, at memory speed (a search per character pair cost as much as 6 % of the
    reading)."""
    at = text.find("#")
    while at > 0:
        if text[at - 1] in "\"']},":
            return True
        at = text.find("#", at + 1)
    return False


class _Checks:
    """The forms on which libyaml departs from YAML 1.2, checked on the events it gives.

    Each check looks at the characters around one event's marks (character offsets), and only
    for the rare events it concerns (quoted or block scalars, flow collections, anchors), so the
    common block-style file pays one comparison per event.
    """

    def __init__(self, text: str, problems: list[RawProblem]) -> None:
        self.text = text
        self.problems = problems
        self._lines: list[str] | None = None
        self.glued = _glued(text)
        """Whether a comment may be glued to a token (else those checks are skipped)."""
        self.qmark = "?" in text
        """Whether a '?' may stand right before text in a flow collection."""

    def lines(self) -> list[str]:
        if self._lines is None:
            self._lines = self.text.split("\n")
        return self._lines

    def report(self, reason: str, line: int, column: int, spec: bool = True) -> None:
        message, message_en = _SPEC[reason] if spec else REFUSALS[reason]
        self.problems.append(
            RawProblem("SPBE-YAML-001", line + 1, column + 1, f"sintaks YAML: {message}",
                       f"YAML syntax: {message_en}")
        )  # fmt: skip
        raise _Abort

    def char(self, index: int) -> str:
        return self.text[index] if 0 <= index < len(self.text) else ""

    def name(self, event: Any, sigil: str) -> None:
        """An anchor (``&``) or alias (``*``) name that libyaml cut short at a character YAML
        1.2 allows in it (``&a:b`` is the anchor ``a:b``, libyaml reads ``a`` then ``:b``)."""
        mark = event.start_mark
        at = self.text.find(sigil + event.anchor, mark.index)
        if at < 0:
            return
        after = self.char(at + 1 + len(event.anchor))
        if after not in ("", " ", "\t", "\n", "\r", ",", "]", "}"):
            line = self.text.count("\n", 0, at)
            self.report("anchor", line, at - self.text.rfind("\n", 0, at) - 1, spec=False)

    def after(self, end: Any) -> None:
        """A comment glued to the end of a quoted scalar or flow collection (``"a"#x``, ``]#x``)."""
        if self.char(end.index) == "#":
            self.report("comment", end.line, end.column)

    def after_item(self, end: Any) -> None:
        """A comment glued to the comma after an item of a flow collection (``a,#x``)."""
        i = end.index
        text = self.text
        while self.char(i) in (" ", "\t"):
            i += 1
        if self.char(i) == "," and self.char(i + 1) == "#":
            line = text.count("\n", 0, i + 1)
            self.report("comment", line, i + 1 - text.rfind("\n", 0, i + 1) - 1)

    def continued(self, start: Any, end: Any, need: int) -> None:
        """Continuation lines of a multi-line quoted scalar or flow collection indented no more
        than the block collection holding it (libyaml does not check it)."""
        lines = self.lines()
        for row in range(start.line + 1, min(end.line, len(lines) - 1) + 1):
            line = lines[row]
            rest = line.lstrip(" ")
            if not rest.strip() or rest[0] in "]}":
                continue  # blank, or a closing bracket (commonly written at the key's column)
            if len(line) - len(rest) < need:
                self.report("indent", row, len(line) - len(rest))

    def block(self, event: Any, need: int) -> None:
        """A block scalar's header and leading blank lines, and a last line of spaces."""
        text = self.text
        start = event.start_mark
        i = start.index + 1
        indicator = False
        while self.char(i) in ("-", "+") or self.char(i).isdigit():
            indicator = indicator or self.char(i).isdigit()
            i += 1
        if self.char(i) == "#":
            self.report("comment", start.line, start.column + i - start.index)
        if not text.endswith("\n"):
            cut = text.rfind("\n") + 1
            last = text[cut:]
            end = event.end_mark.index
            if last and not last.strip(" ") and end >= cut - 1 and not text[end:].strip():
                self.report("eof", text.count("\n"), 0, spec=False)
        if indicator:
            return
        lines = self.lines()
        widest = (0, -1)
        for row in range(start.line + 1, len(lines)):
            line = lines[row].rstrip("\r")
            if line.strip(" "):
                indent = len(line) - len(line.lstrip(" "))
                if indent >= need and widest[0] > indent:
                    self.report("blank", widest[1], 0)
                return
            widest = max(widest, (len(line), row))


def _build(text: str, result: Parsed, positions: bool) -> None:
    problems = result.problems
    checks = _Checks(text, problems)
    stack: list[_Frame] = []
    anchors: dict[str, tuple[Any, Pos | None, int]] = {}
    expansion = 0
    documents = 0

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
        if type(frame.container) is list:
            return (*frame.path, len(frame.container))
        if frame.key is not None:
            return (*frame.path, frame.key)
        return frame.path

    def scalar(event: Any, value: str, flow: bool) -> Any:
        """The value of a scalar that is not a plain one in block context (the rare case)."""
        style = event.style
        mark = event.start_mark
        if event.anchor is not None:
            checks.name(event, "&")
        tag = event.tag
        if (tag is not None and not check_tag(event, current_path())) or tag == _NULL_TAG:
            value = None  # type: ignore[assignment]  # a tag refused, or !!null
        elif not style:
            if value in _NULLS and event.tag is None:
                value = None  # type: ignore[assignment]
            elif flow:
                if value[:1] in _INDICATORS and value[1:2] in ("", " "):
                    checks.report("indicator", mark.line, mark.column)
                if checks.char(mark.index - 1) == "?" and checks.char(mark.index - 2) in (
                    "", " ", "\t", "\n", "[", "{", ",",
                ):  # fmt: skip
                    checks.report("flow", mark.line, mark.column - 1, spec=False)
        if style:
            end = event.end_mark
            if style in ("'", '"'):
                if checks.glued:
                    checks.after(end)
                if end.line > mark.line:
                    checks.continued(mark, end, stack[-1].need if stack else 0)
            else:
                checks.block(event, stack[-1].need if stack else 0)
        if value is not None and len(value) > MAX_SCALAR:
            problems.append(
                RawProblem(
                    "SPBE-YAML-011",
                    mark.line + 1,
                    mark.column + 1,
                    f"nilai terlalu panjang ({len(value):,} karakter; batas {MAX_SCALAR:,})",
                    f"value too long ({len(value):,} characters; limit {MAX_SCALAR:,})",
                    path=current_path(),
                )
            )
            value = None  # type: ignore[assignment]
        return value

    get, dispose = _parser(text)
    long_text = len(text) > MAX_SCALAR  # else no scalar can be longer than the limit
    top: _Frame | None = None  # stack[-1]
    flow = False  # whether ``top`` is a flow collection
    try:
        for event in iter(get, None):
            etype = type(event)
            pos: Pos | None = None
            if etype is _SCALAR:
                value: Any = event.value
                anchor = None
                if (
                    event.style
                    or event.anchor is not None
                    or event.tag is not None
                    or long_text
                    or (flow and (checks.qmark or value[:1] in _INDICATORS))
                ):
                    anchor = event.anchor
                    value = scalar(event, value, flow)
                elif value in _NULLS:
                    value = None  # plain style: None from the Python parser, "" from libyaml
                if positions:
                    mark = event.start_mark
                    end = event.end_mark
                    pos = Pos(mark.line + 1, mark.column + 1, end.line + 1, end.column + 1)
                if anchor is not None:
                    anchors[anchor] = (value, pos, 1)
                size = 1
            elif etype is _MAP_START or etype is _SEQ_START:
                mark = event.start_mark
                path = current_path()
                if len(stack) >= MAX_DEPTH:
                    problems.append(_too_deep(mark, path))
                    raise _Abort
                if event.anchor is not None:
                    checks.name(event, "&")
                if event.tag is not None:
                    check_tag(event, path)
                flow = bool(event.flow_style)
                need = mark.column + 1 if not flow else (top.need if top is not None else 0)
                frame = _Frame({} if etype is _MAP_START else [], path, need, flow)
                frame.start = mark
                if positions:
                    frame.items = {} if etype is _MAP_START else []
                    frame.pos = Pos(mark.line + 1, mark.column + 1, items=frame.items)
                    if etype is _MAP_START:
                        frame.pos.keys = {}
                frame.anchor = event.anchor
                stack.append(frame)
                top = frame
                continue
            elif etype is _MAP_END or etype is _SEQ_END:
                frame = stack.pop()
                top = stack[-1] if stack else None
                flow = top.flow if top is not None else False
                value = frame.container
                size = frame.size
                end = event.end_mark
                if frame.flow:
                    if checks.glued:
                        checks.after(end)
                    if end.line > frame.start.line:
                        checks.continued(frame.start, end, frame.need)
                pos = frame.pos
                if pos is not None:
                    pos.end_line = end.line + 1
                    pos.end_column = end.column + 1
                if frame.anchor is not None:
                    anchors[frame.anchor] = (value, pos, size)
            elif etype is _ALIAS:
                mark = event.start_mark
                checks.name(event, "*")
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
            elif etype is _DOC_START:
                documents += 1
                mark = event.start_mark
                if event.version is not None or event.tags:
                    checks.report("directive", 0, 0, spec=False)
                if documents > 1:
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
                continue
            else:
                continue
            # attach the node (value, pos, size) to its parent
            if top is None:
                result.data = value
                result.pos = pos
                continue
            frame = top
            frame.size += size
            if flow and checks.glued:
                checks.after_item(event.end_mark)
            container = frame.container
            if frame.sequence:
                container.append(value)
                if positions:
                    frame.items.append(pos)
                continue
            if frame.key is None:  # this node is a key
                mark = event.start_mark
                if value is not None and type(value) is not str:
                    problems.append(
                        RawProblem(
                            "SPBE-SKEMA-003",
                            mark.line + 1,
                            mark.column + 1,
                            "kunci harus berupa teks sederhana, bukan daftar atau pemetaan",
                            "a key must be plain text, not a list or a mapping",
                            path=frame.path,
                        )
                    )
                    frame.key = _INVALID_KEY
                else:
                    frame.key = "" if value is None else value
                frame.key_mark = mark
                frame.key_pos = pos
                continue
            key = frame.key
            frame.key = None
            if key is _INVALID_KEY:
                continue
            keys = frame.keys
            if key in keys:
                first = keys[key].line + 1
                mark = frame.key_mark
                problems.append(
                    RawProblem(
                        "SPBE-YAML-005",
                        mark.line + 1,
                        mark.column + 1,
                        f"kunci '{key}' ganda: sudah ditulis di baris {first}; "
                        "nilai kedua tidak dipakai",
                        f"duplicate key '{key}': already written on line {first}; "
                        "the second value is not used",
                        path=(*frame.path, key),
                    )
                )
                continue
            keys[key] = frame.key_mark
            if positions:
                frame.items[key] = pos
                frame.pos.keys[key] = frame.key_pos  # type: ignore[union-attr,index,assignment]
            if value is not None:  # null, ~ or empty: the key is absent (its position is kept)
                container[key] = value
    finally:
        dispose()
