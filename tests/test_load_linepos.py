"""The line-based locator gives exactly the exact reader's positions, or declines (None)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from spbe_arch.load import fastpath
from spbe_arch.load.linepos import locate
from spbe_arch.load.positions_index import PositionIndex
from spbe_arch.load.yamltext import parse_text
from spbe_arch.positions import Pos

EXAMPLE = Path(__file__).resolve().parents[1] / "models" / "kabupaten-contoh"
SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def difference(got: Pos | None, want: Pos | None, path: str = "$") -> str | None:
    """Where two position trees differ (all six attributes, recursively), or None."""
    if got is None or want is None:
        return None if got is want else f"{path}: {got!r} vs {want!r}"
    for name in ("line", "column", "end_line", "end_column"):
        if getattr(got, name) != getattr(want, name):
            return f"{path}.{name}: {getattr(got, name)} vs {getattr(want, name)}"
    for name in ("keys", "items"):
        mine, theirs = getattr(got, name), getattr(want, name)
        if type(mine) is not type(theirs):
            return f"{path}.{name}: {type(mine).__name__} vs {type(theirs).__name__}"
        if isinstance(mine, dict):
            if mine.keys() != theirs.keys():
                return f"{path}.{name}: keys {sorted(mine)} vs {sorted(theirs)}"
            pairs = [(f"{path}.{name}[{k!r}]", mine[k], theirs[k]) for k in mine]
        elif isinstance(mine, list):
            if len(mine) != len(theirs):
                return f"{path}.{name}: {len(mine)} vs {len(theirs)} items"
            pairs = [
                (f"{path}[{k}]", a, b) for k, (a, b) in enumerate(zip(mine, theirs, strict=True))
            ]
        else:
            continue
        for where, a, b in pairs:
            found = difference(a, b, where)
            if found is not None:
                return found
    return None


def check(text: str) -> Pos | None:
    """``locate(text)``, asserted to be None or exactly the exact reader's clean result."""
    got = locate(text)
    if got is not None:
        exact = parse_text(text)
        assert not exact.fatal and exact.problems == [], (text, exact.problems)
        assert difference(got, exact.pos) is None, (text, difference(got, exact.pos))
    return got


# --- real files --------------------------------------------------------------------------------


def test_every_file_of_the_example_model_is_located_exactly() -> None:
    paths = sorted(EXAMPLE.rglob("*.yaml"))
    assert len(paths) > 100
    for path in paths:
        text = path.read_text(encoding="utf-8")
        assert check(text) is not None, path  # accepted, so the locator cannot decay into None
        assert check(text.replace("\n", "\r\n")) is not None, path
        assert check(text.rstrip("\n")) is not None, path


def test_generated_corpus_is_located_exactly(tmp_path: Path) -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from benchmarks.corpus import generate

    generate(tmp_path, 2, seed=11, jobs=1)
    paths = sorted(tmp_path.rglob("*.yaml"))
    accepted = sum(check(p.read_text(encoding="utf-8")) is not None for p in paths)
    assert len(paths) > 150 and accepted >= 0.99 * len(paths)


# --- the quirks, one by one --------------------------------------------------------------------

ACCEPTED = [
    "a: 1\n",
    "a: 1",  # no final line break: the stream ends on the next line
    "a: 1\n   ",  # ... even when the last line holds only spaces
    "a: 1\n# end",
    "a: 1\r\nb:\r\n- x\r\n",
    "# head\n\n---\na: 1\n...\n# tail\n",
    "--- # doc\na: 1\n... # end\n",
    "a:\n- x\n-\n- y\nb: 2\n",  # indentless sequence, empty item
    "a:\n  - x\n  - y\n\n# c\nb:\n",  # empty value at the stream end
    "a:   # why\n\n  b: c\n",
    "- a: 1\n  b:\n  - x\n- - y\n  - z\n-\n",
    "-   a: 1\n    b: 2\n",
    "a: b#c\nd: e  # f\n'g h': 'i''j'\n\"k\": \"l\\\"m\\x41\\u00e9\"\n",
    "null: 1\n~x: 2\n'null': 3\nk  : v\n",
    "a: [x, 'y', \"z\"]\nb: []\nc: [ ]  # c\nd: [a b , -c]\n",
    "a: word\n  more words\n\n  and more # c\nb: x\n",
    "- one\n  two\n- three\n",
    "a: >-\n  folded\n  text\n\nb: |\n    lit\n      deeper\n\n   \n# c\nc: |+\n  keep\n\n\n",
    "a:\n  b: >\n    x\n  # inside\n  c: 1\n",
    "a:\n  b: |-\n    x\n    # still content\n  c: 1\n",
    "a: |\n  x",  # a block scalar running to the end without a line break
    "a: |\n  x\n  ",
    "a: |\n  x\n     ",
    "a: |\n\n  x\n",
    "a: -1\nb: ?x\nc: :y\nd: x:y\ne: x - y\n",
    "  a: 1\n  b:\n    c: 2\n",
    "é: ü ñ\n\u00a0x: y\n",
    "a: x\n b\n",  # a continuation line only needs to be deeper than the mapping
    "-\n   -\n ",  # no final line break: deeper collections end at the end of the last line
    "a:\n  b:\n    c: 1\n  # end",
    "- 59/2020:1\n- https://x.y/z\n- id: 1\n  url: https://a.b\n  n: C#\n",
    "a: 😀 x\n😀: [😀, y]\nb: 中文 ｆｕｌｌ\n",
]

REFUSED = [
    "",
    "# only a comment\n",
    "x\n",
    "[a, b]\n",
    "a: 1\n---\nb: 2\n",
    "%YAML 1.2\n---\na: 1\n",
    "a:\tb\n",
    "a: &x 1\nb: *x\n",
    "a: !t x\n",
    "a: {b: c}\n",
    "a: [b,\n  c]\n",
    "a: 'b\n  c'\n",
    "? a\n: b\n",
    "a: 1\na: 2\n",
    "a:\na: 1\n",
    "- a: 1\n  a: 2\n",
    'a: "d"#c\n',  # libyaml reads a comment here; refused to keep the rules simple
    "a: |2\n   x\n",
    "a: |\nb: 1\n",
    "a:\n  x\n",
    "a: b: c\n",
    "a: 1\n  b: 2\n",
    "a:\n  - x\n  b: 1\n",
    "\ufeffa: 1\n",
    "a: 1\rb: 2\n",
    'a: "\\q"\n',
]


@pytest.mark.parametrize("text", ACCEPTED)
def test_quirks_inside_the_subset_are_reproduced(text: str) -> None:
    assert check(text) is not None


@pytest.mark.parametrize("text", REFUSED)
def test_constructs_outside_the_subset_are_declined(text: str) -> None:
    assert check(text) is None


# --- generated texts ---------------------------------------------------------------------------

KEYS = ["a", "b", "id", "nama x", "'q'", '"d"', "'n''x'", "null", "~", "k ", "1", "é"]
BAD_KEYS = ["-k", "a#b", "? a", "&a k", "!t k", "[k]", '"e\\"', "k:k", "a: b"]
PLAIN = ["x", "y z", "x#y", "3.26", "-a", "?b", ":c", "a:b", "a,b]", "é ü", "~", "null", "x  y"]
QUOTED = ["'s'", "'s''t'", "'a # b: c'", '"d"', '"e\\"f\\\\"', '"\\x41\\u00e9\\ "', '"a #b"', "''"]
FLOW = ["[]", "[ ]", "[a, b]", '["3.26"]', "[ 'x' , \"y\" ]", "[a b, -c]", "[DAA-01, DAA-02]"]
NEAR = [
    "&a x", "*a", "!t x", "!!str x", "{a: b}", "[a,]", "[a, [b]]", "[a:b]", "[- a]", "[a #c]",
    "a: b", "- a", "'open", '"\\q"', '"\\ud800"', "#x", "%x", "@x", "`x", "|2", ">-1", "[a,",
    '"a"b', "'a' b", "-", "? x", ":", "x:", "|x",
]  # fmt: skip
COMMENTS = ["", "", "", " # c", "  #c: d"]
BAD_COMMENTS = ["#not", " #", "\t# t"]
BLOCK = ["|", ">", "|-", ">-", "|+", ">+", "| # c", ">-  "]


def pick(draw: st.DrawFn, clean: bool, good: list[str], bad: list[str]) -> str:
    """One of ``good``, or (in a text not kept clean) sometimes one of ``bad``."""
    if clean or draw(st.integers(0, 3)) != 0:
        return draw(st.sampled_from(good))
    return draw(st.sampled_from(bad))


@st.composite
def scalar(draw: st.DrawFn, indent: int, clean: bool) -> list[str]:
    """A value: its first line's text, then any further lines (already indented)."""
    kind = draw(st.integers(0, 8))
    comment = pick(draw, clean, COMMENTS, BAD_COMMENTS)
    if kind <= 2:
        first = draw(st.sampled_from(PLAIN))
        bad = ["#c", "a: b", "x:"]
        more = [pick(draw, clean, PLAIN, bad) for _ in range(draw(st.integers(0, 2)))]
        deeper = " " * (indent + draw(st.integers(0, 3)))
        gaps = [""] * draw(st.integers(0, 1))
        return [first + comment, *gaps, *[deeper + m for m in more]]
    if kind <= 4:
        return [draw(st.sampled_from(QUOTED)) + comment]
    if kind == 5:
        return [draw(st.sampled_from(FLOW)) + comment]
    if kind == 6:
        content = " " * (indent + draw(st.integers(0, 3)))
        words = st.sampled_from(["l", " m", "#n", "- o", "p: q"])
        body = [content + w for w in draw(st.lists(words, max_size=3))]
        trailing = draw(st.lists(st.sampled_from(["", " ", " " * (indent + 4)]), max_size=2))
        return [draw(st.sampled_from(BLOCK)), *body, *trailing]
    if kind == 7 and not clean:
        return [draw(st.sampled_from(NEAR))]
    return [comment.lstrip(" ")]


@st.composite
def node(draw: st.DrawFn, indent: int, depth: int, clean: bool) -> tuple[str, list[str]]:
    """A node as lines: (text after the parent's ``key:``/``-``, following lines).

    ``indent`` is the parent collection's column (-1 for the document root).
    """
    if depth > 0 and (depth > 2 or draw(st.integers(0, 2)) == 0):
        lines = draw(scalar(indent + 1, clean))
        return lines[0], lines[1:]
    seq = draw(st.booleans())
    step = draw(st.sampled_from([0, 1, 2, 2, 4] if seq and depth else [1, 1, 2, 3, 5]))
    inner = max(indent + step, 0)
    out: list[str] = []
    for _ in range(draw(st.integers(1, 3))):
        pad = " " * inner
        if seq:
            head, rest = draw(node(inner + 2, depth + 1, clean))
            compact = draw(st.booleans()) and rest and not head
            if compact and rest[0].startswith(" " * (inner + 2)):
                out.append(pad + "- " + rest[0][inner + 2 :])
                out.extend(rest[1:])
            else:
                out.append(pad + "-" + (" " + head if head else ""))
                out.extend(rest)
        else:
            key = pick(draw, clean, KEYS, BAD_KEYS)
            head, rest = draw(node(inner, depth + 1, clean))
            out.append(pad + key + ":" + (" " + head if head else ""))
            out.extend(rest)
        gap = st.sampled_from(["", "  ", "# c", " " * inner + "# d"])
        out.extend(draw(st.lists(gap, max_size=1)))
    return "", out


@st.composite
def documents(draw: st.DrawFn) -> str:
    """A generated document: header, body, end; then maybe mutated, joined and cut."""
    clean = draw(st.booleans())
    _, lines = draw(node(-1, 0, clean))
    head = draw(st.sampled_from([[], ["# c"], ["---"], ["", "--- # x"], ["%YAML 1.2", "---"]]))
    tail = draw(st.sampled_from([[], ["..."], ["...", "# t"], ["---", "b: 1"], ["... x"]]))
    lines = [*head, *lines, *tail]
    for _ in range(draw(st.sampled_from([0, 0, 0, 1, 2]))):
        i = draw(st.integers(0, len(lines) - 1))
        op = draw(st.sampled_from(["delete", "duplicate", "indent", "dedent", "cut", "tab"]))
        if op == "delete" and len(lines) > 1:
            del lines[i]
        elif op == "duplicate":
            lines.insert(i, lines[i])
        elif op == "indent":
            lines[i] = " " * draw(st.integers(1, 3)) + lines[i]
        elif op == "dedent":
            lines[i] = lines[i][draw(st.integers(1, 2)) :]
        elif op == "cut":
            lines[i] = lines[i][: draw(st.integers(0, len(lines[i])))]
        elif op == "tab":
            lines[i] = "\t" + lines[i]
    end = draw(st.sampled_from(6 * ["\n"] + 2 * ["\r\n"] + ["\r"]))
    text = end.join(lines) + draw(st.sampled_from([end, "", end + end, end + "  ", end + "# e"]))
    return text[: draw(st.integers(0, len(text)))] if draw(st.integers(0, 19)) == 0 else text


@SETTINGS
@given(text=documents())
def test_generated_documents_are_located_exactly_or_declined(text: str) -> None:
    check(text)


LINES = [
    "a: 1", "b:", "- x", "-", "- - y", "- k: v", "  c: 2", "  - z", "    d: |", "      l",
    "e: >-", "  f", "# c", "", "   ", "---", "...", "g: [x, 'y']", "h: 'q''r'", '"i": "j"',
    "  more", "k: v # c", "x", "? a", ": b", "&a l: m", "n: *a", "o: {p: q}", "\tr: s",
]  # fmt: skip


@SETTINGS
@given(lines=st.lists(st.sampled_from(LINES), min_size=1, max_size=12), crlf=st.booleans())
def test_line_soups_are_located_exactly_or_declined(lines: list[str], crlf: bool) -> None:
    check(("\r\n" if crlf else "\n").join(lines))


EXAMPLE_TEXTS = [p.read_text(encoding="utf-8") for p in sorted(EXAMPLE.rglob("*.yaml"))]
INSERTS = ["  ", "# c", "---", "...", "- x", "  - y", "a: b", "\tz: 1", "  more", "k: |", "  l"]


MUTATIONS = ["delete", "duplicate", "indent", "dedent", "cut"]


def mutate(draw: st.DrawFn, lines: list[str], i: int, op: str) -> bool:
    """Apply one of :data:`MUTATIONS` to line ``i`` in place; False for any other ``op``."""
    if op == "delete":
        if len(lines) > 1:
            del lines[i]
    elif op == "duplicate":
        lines.insert(draw(st.integers(0, len(lines))), lines[i])
    elif op == "indent":
        lines[i] = " " * draw(st.integers(1, 2)) + lines[i]
    elif op == "dedent":
        lines[i] = lines[i][draw(st.integers(1, 2)) :]
    elif op == "cut":
        lines[i] = lines[i][: draw(st.integers(0, len(lines[i])))]
    else:
        return False
    return True


@st.composite
def mutated_example(draw: st.DrawFn) -> str:
    """A file of the example model with a few lines deleted, duplicated, moved or re-indented."""
    lines = draw(st.sampled_from(EXAMPLE_TEXTS)).split("\n")
    for _ in range(draw(st.integers(1, 3))):
        i = draw(st.integers(0, len(lines) - 1))
        op = draw(st.sampled_from([*MUTATIONS, "insert"]))
        if not mutate(draw, lines, i, op):
            lines.insert(i, draw(st.sampled_from(INSERTS)))
    return "\n".join(lines)


@settings(max_examples=150, deadline=None)
@given(text=mutated_example())
def test_mutated_example_files_are_located_exactly_or_declined(text: str) -> None:
    check(text)


# --- the index ---------------------------------------------------------------------------------


def test_position_index_uses_the_locator_and_falls_back(monkeypatch: pytest.MonkeyPatch) -> None:
    simple = "a:\n  b: 1\n"
    odd = "a: {b: 1}\nc: 2\n"
    calls: list[str] = []

    def spy(text: str) -> Pos | None:
        calls.append(text)
        return locate(text)

    monkeypatch.setattr(sys.modules[PositionIndex.__module__], "locate", spy)
    index = PositionIndex()
    index.add("simple.yaml", simple, None)
    index.add("odd.yaml", odd, None)
    assert index.root("simple.yaml").find(["a", "b"]).column == 6
    assert index.root("odd.yaml").find(["c"]).line == 2  # declined, then read exactly
    assert calls == (["a:\n  b: 1\n", "a: {b: 1}\nc: 2\n"] if fastpath.enabled() else [])
    with monkeypatch.context() as m:
        m.setenv("SPBE_ARCH_EXACT", "1")
        calls.clear()
        exact = PositionIndex()
        exact.add("simple.yaml", simple, None)
        assert exact.root("simple.yaml").find(["a", "b"]).column == 6
        assert calls == []  # the reference mode reads exactly only
