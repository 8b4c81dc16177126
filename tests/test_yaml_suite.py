"""The YAML test suite (yaml/yaml-test-suite, tests/yaml_suite/), case by case, through the reader.

Every invalid case must give a located problem. Every valid case must either load to the
suite's data, or be refused with a located problem that names a documented reason (the
reader's refusals, docs/architecture.md "Yang ditolak pembaca"). Nothing may load silently
with other data. Both ways of reading (with and without the position tree) must agree.

The text-scalar rule: the reader keeps every scalar as the text written, so a value is
compared with ``in.json`` by reading that text with the YAML 1.2 core schema (``0o14`` equals
12, ``true`` equals true); a mapping key whose value is null is absent; a null key is ``""``.
Where the suite has no ``in.json``, the expected data come from its event stream
(``test.event``) under the same rule, and are compared text for text.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from spbe_arch.load.source import RawProblem, decode_source
from spbe_arch.load.syntax import REFUSALS
from spbe_arch.load.yamltext import _SPEC, parse_text
from spbe_arch.positions import Pos

DATA = Path(__file__).parent / "yaml_suite" / "data"
CASES = sorted(p.parent.relative_to(DATA).as_posix() for p in DATA.rglob("in.yaml"))

# -- the documented refusals of valid YAML -------------------------------------------------------

_REFUSED_BY_CODE = {
    "SPBE-SKEMA-003": "complex key",  # a mapping or list used as a key
    "SPBE-YAML-006": "tag",  # any tag outside the core schema
    "SPBE-YAML-009": "documents",  # more than one document in a file
}


def refusal(problem: RawProblem) -> str | None:
    """The documented reason a problem refuses valid YAML for, or None."""
    if problem.code in _REFUSED_BY_CODE:
        return _REFUSED_BY_CODE[problem.code]
    if problem.code == "SPBE-YAML-001":
        for reason, (_, english) in REFUSALS.items():
            if english in problem.message_en:
                return reason
    return None


# -- expected data ---------------------------------------------------------------------------

_INT = re.compile(r"[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+")
_FLOAT = re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?")


def core(text: str) -> Any:
    """A plain scalar read by the YAML 1.2 core schema (for comparison with ``in.json``)."""
    if text in ("true", "True", "TRUE"):
        return True
    if text in ("false", "False", "FALSE"):
        return False
    if text in ("null", "Null", "NULL", "~", ""):
        return None
    if _INT.fullmatch(text):
        if text.startswith(("0o", "0x")):
            return int(text[2:], 8 if text[1] == "o" else 16)
        return int(text)
    if _FLOAT.fullmatch(text):
        return float(text)
    if text.lower() in (".inf", "+.inf", "-.inf"):
        return -math.inf if text.startswith("-") else math.inf
    if text.lower() == ".nan":
        return math.nan
    return text


def same_as_json(ours: Any, expected: Any) -> bool:
    """``ours`` (the reader's data) equals ``expected`` (``in.json``) under the text-scalar rule."""
    if isinstance(expected, dict):
        if not isinstance(ours, dict):
            return False
        for key, value in expected.items():
            if value is None:
                if ours.get(key) is not None:
                    return False
            elif key not in ours or not same_as_json(ours[key], value):
                return False
        return all(key in expected for key in ours)
    if isinstance(expected, list):
        return (
            isinstance(ours, list)
            and len(ours) == len(expected)
            and all(same_as_json(a, b) for a, b in zip(ours, expected, strict=True))
        )
    if ours is None or expected is None:
        return ours is None and expected is None
    if not isinstance(ours, str):
        return False
    if isinstance(expected, str):
        return ours == expected
    value = core(ours)
    if isinstance(expected, bool) or isinstance(value, bool):
        return value is expected
    if isinstance(value, (int, float)):
        return value == expected or (math.isnan(value) and math.isnan(expected))
    return False


def json_documents(path: Path) -> list[Any]:
    """The JSON values of ``in.json``, one per YAML document."""
    text = path.read_text(encoding="utf-8")
    decoder = json.JSONDecoder()
    out: list[Any] = []
    index = 0
    while True:
        while index < len(text) and text[index].isspace():
            index += 1
        if index >= len(text):
            return out
        value, index = decoder.raw_decode(text, index)
        out.append(value)


_ESCAPES = {"\\\\": "\\", "\\n": "\n", "\\t": "\t", "\\r": "\r", "\\b": "\b", "\\0": "\0"}
_NO_VALUE = object()


def event_data(path: Path) -> Any:
    """The first document of ``test.event`` as the reader should load it (text-scalar rule)."""
    stack: list[list[Any]] = []  # [container, pending key]
    anchors: dict[str, Any] = {}
    result: Any = None
    for line in path.read_text(encoding="utf-8").splitlines():
        kind, _, rest = line.partition(" ")
        if kind == "-DOC":
            return result
        anchor = None
        tag = None
        while rest[:1] in ("&", "<"):
            head, _, rest = rest.partition(" ") if rest[0] == "&" else rest.partition("> ")
            if head.startswith("&"):
                anchor = head[1:]
            else:
                tag = head[1:]
                rest = rest if rest or line.endswith("> ") else ""
        if kind in ("+MAP", "+SEQ"):
            stack.append([{} if kind == "+MAP" else [], _NO_VALUE])
            if anchor:
                anchors[anchor] = stack[-1][0]
            continue
        if kind in ("-MAP", "-SEQ"):
            value = stack.pop()[0]
        elif kind == "=VAL":
            style, text = rest[:1], rest[1:]
            text = re.sub(r"\\[\\ntrb0]", lambda m: _ESCAPES[m.group()], text)
            value = text
            if tag == "tag:yaml.org,2002:null" or (style == ":" and tag is None and text in (
                "", "~", "null", "Null", "NULL")):  # fmt: skip
                value = None
            if anchor:
                anchors[anchor] = value
        elif kind == "=ALI":
            value = anchors[rest[1:]]
        else:
            continue
        if not stack:
            result = value
            continue
        container, key = stack[-1]
        if isinstance(container, list):
            container.append(value)
        elif key is _NO_VALUE:
            stack[-1][1] = "" if value is None else value
        else:
            stack[-1][1] = _NO_VALUE
            if key not in container and value is not None:
                container[key] = value
    return result


# -- the reader ------------------------------------------------------------------------------


def read(case: str) -> tuple[Any, list[RawProblem], Any]:
    """Data and problems (decoding included), as the loader reads a file; and the position tree."""
    source = decode_source((DATA / case / "in.yaml").read_bytes())
    if source.text is None:
        return None, source.problems, None
    quick = parse_text(source.text, positions=False)
    full = parse_text(source.text)
    # the two ways of reading agree: same data, same problems
    assert (quick.data, quick.problems, quick.fatal) == (full.data, full.problems, full.fatal)
    return full.data, [*source.problems, *full.problems], full.pos


def mirrors(data: Any, pos: Pos | None) -> bool:
    """Whether the position tree has a node for every node of the data."""
    if pos is None:
        return data is None
    if isinstance(data, dict):
        return isinstance(pos.items, dict) and all(
            key in pos.items and mirrors(value, pos.items[key]) for key, value in data.items()
        )
    if isinstance(data, list):
        return (
            isinstance(pos.items, list)
            and len(pos.items) == len(data)
            and all(mirrors(value, node) for value, node in zip(data, pos.items, strict=True))
        )
    return True


def outcome(case: str) -> str:
    """What the reader does with one case: ``invalid``, ``equal`` or ``refused: <reason>``.

    Fails the test for an invalid case without a located error, a valid case loaded with other
    data, or a valid case refused for no documented reason.
    """
    folder = DATA / case
    data, problems, pos = read(case)
    errors = [p for p in problems if p.severity == "error"]
    lines = (folder / "in.yaml").read_bytes().count(b"\n") + 1
    for problem in problems:
        assert 1 <= problem.line <= lines and problem.column >= 1, (case, problem)
    if (folder / "error").exists():
        assert errors, f"{case}: invalid YAML loaded without an error"
        return "invalid"
    if errors:
        reasons = {refusal(p) for p in errors}
        assert None not in reasons, f"{case}: valid YAML refused for no documented reason: {errors}"
        return "refused: " + refusal(errors[0])  # type: ignore[operator]
    assert mirrors(data, pos), f"{case}: the position tree does not mirror the data"
    if (folder / "in.json").exists():
        documents = json_documents(folder / "in.json")
        expected = documents[0] if documents else None
        assert same_as_json(data, expected), f"{case}: loaded {data!r}, in.json has {expected!r}"
    expected = event_data(folder / "test.event")
    assert data == expected, f"{case}: loaded {data!r}, test.event has {expected!r}"
    return "equal"


@pytest.fixture(scope="module")
def outcomes() -> dict[str, str]:
    return {case: outcome(case) for case in CASES}


def test_every_case_is_read_right_or_refused_by_name(outcomes: dict[str, str]) -> None:
    counts = Counter(outcomes.values())
    # the counts are pinned: a case that changes outcome must be looked at, and the test
    # cannot pass by declining (refusing more cases)
    assert dict(counts) == {
        "invalid": 94,
        "equal": 204,
        "refused: complex key": 14,
        "refused: tag": 10,
        "refused: documents": 11,
        "refused: directive": 19,
        "refused: flow": 18,
        "refused: tab": 12,
        "refused: empty key": 8,
        "refused: document": 6,
        "refused: anchor": 4,
        "refused: eof": 2,
    }, dict(counts)
    assert len(CASES) == 402


def test_libyaml_departures_are_named() -> None:
    """Each invalid form libyaml accepts is reported with its own message (not just any error)."""
    expected = {
        "9C9N": "indent",  # flow sequence continued at the key's column
        "QB6E": "indent",  # quoted scalar continued at the key's column
        "DK95/01": "indent",  # a tab where the quoted scalar's continuation needs spaces
        "Y79Y/003": "indent",
        "9JBA": "comment",  # ]#comment
        "CVW2": "comment",  # ,#comment
        "SU5Z": "comment",  # "value"#comment
        "X4QW": "comment",  # >#comment
        "G5U8": "indicator",  # [-, -]
        "YJV2": "indicator",  # [-]
        "S98Z": "blank",  # leading blank line wider than the content
    }
    for case, reason in expected.items():
        _, problems, _ = read(case)
        assert [p.message_en for p in problems] == [f"YAML syntax: {_SPEC[reason][1]}"], case


def test_valid_yaml_libyaml_reads_wrongly_is_refused() -> None:
    """Valid YAML that libyaml would load with other data is refused, located, by name."""
    expected = {
        "Y2GN": ("anchor", 2, 6),  # key: &an:chor value — libyaml reads the anchor 'an'
        "652Z": ("flow", 1, 3),  # { ?foo: bar } — libyaml reads the key 'foo'
        "HM87/01": ("flow", 1, 2),  # [?x] — libyaml reads a mapping {x: null}
        "JEF9/02": ("eof", 2, 1),  # "- |+\n   " without a final line break
        "L24T/01": ("eof", 3, 1),
        "MUS6/00": ("directive", 1, 1),  # %YAML 1.1#... is invalid, directives are refused
    }
    for case, (reason, line, column) in expected.items():
        _, problems, _ = read(case)
        assert [(refusal(p), p.line, p.column) for p in problems] == [(reason, line, column)], (
            case,
            problems,
        )
