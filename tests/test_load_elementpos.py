"""Positions located one element (one field) at a time equal the exact reader's, or decline."""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from spbe_arch.check import CheckResult, check
from spbe_arch.load import fastpath, load
from spbe_arch.load.linepos import Outline, outline
from spbe_arch.load.positions_index import PositionIndex
from spbe_arch.load.yamltext import parse_text
from spbe_arch.positions import Pos
from test_load_linepos import MUTATIONS, difference, mutate, mutated_example

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "models" / "kabupaten-contoh"
FAST = pytest.mark.skipif(fastpath._yaml_rs is None, reason="the fast path is not installed")
TODAY = dt.date(2026, 6, 1)
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def paths_in(pos: Pos, prefix: tuple[str | int, ...] = ()) -> Iterator[tuple[str | int, ...]]:
    """The path of every node of a tree, and of a missing child of every collection."""
    yield prefix
    if isinstance(pos.items, dict):
        for name, child in pos.items.items():
            yield from paths_in(child, (*prefix, name))
        yield (*prefix, "tidak_ada")
    elif isinstance(pos.items, list):
        for index, child in enumerate(pos.items):
            yield from paths_in(child, (*prefix, index))
        yield (*prefix, len(pos.items))


def elements(data: Any) -> Iterator[tuple[str, int]]:
    """``(section, index)`` of every item of every top-level list of ``data``."""
    if isinstance(data, dict):
        for section, value in data.items():
            if isinstance(section, str) and isinstance(value, list):
                for index in range(len(value)):
                    yield section, index


def never() -> Pos:
    raise AssertionError("the whole file's tree was needed")


def expanded(node: Pos) -> bool:
    """Whether a node from :meth:`Outline.item` had to locate its whole item."""
    return getattr(node, "_full", None) is not None


def compare(found: Outline, whole: Pos, section: str, index: int, lazy: bool = False) -> None:
    """Assert that the outline's answers for one element equal the whole tree's: the whole
    item, and ``find`` of every node in it (and of missing ones) on a fresh lazy item. With
    ``lazy``, the whole file must never be needed, and a field asked for must be located
    without locating the whole item."""
    want = whole.find((section, index))
    fallback = never if lazy else lambda: want
    located = found.element(section, index)
    assert located is not None or not lazy
    assert located is None or difference(located, want) is None, difference(located, want)
    item: Pos | None = None
    head: object = None
    for path in paths_in(want):
        if item is None or path[:1] != head:  # a fresh item for each field
            item = found.item(section, index, fallback)
            assert item is not None
            head = path[:1]
        keys = (False, True) if path and isinstance(path[-1], str) else (False,)
        answers = [(key, item.find(path, key=key)) for key in keys]
        if lazy and path and isinstance(path[0], str):
            assert not expanded(item), path  # before comparing (which reads the whole tree)
        for key, got in answers:
            expected = want.find(path, key=key)
            assert difference(got, expected) is None, (path, key, difference(got, expected))
    item = found.item(section, index, fallback)
    assert item is not None
    assert difference(item, want) is None, difference(item, want)


def check_text(text: str, lazy: bool = False) -> Outline | None:
    """The outline of ``text`` with its fast-path data, every element of it asserted exact."""
    data = fastpath.fast_parse(text)
    if data is fastpath.FAIL or not isinstance(data, dict):
        return None  # the loader reads such a text exactly: no outline is ever built
    exact = parse_text(text)
    found = outline(text, data)
    if exact.pos is None:
        return None  # outside the fast path's precondition (the exact reader rejects the text)
    if found is not None:
        for section, index in elements(data):
            compare(found, exact.pos, section, index, lazy)
    return found


# --- real files --------------------------------------------------------------------------------


@FAST
def test_every_element_of_the_example_model_is_located_exactly() -> None:
    paths = sorted(EXAMPLE.rglob("*.yaml"))
    assert len(paths) > 100
    items = 0
    for path in paths:
        if path.name == "spbe.yaml":
            continue  # read exactly
        text = path.read_text(encoding="utf-8")
        data = fastpath.fast_parse(text)
        found = outline(text, data)
        assert found is not None, path  # trusted, so the per-element path cannot decay
        whole = parse_text(text).pos
        assert whole is not None
        for section, index in elements(data):
            compare(found, whole, section, index, lazy=True)
            items += 1
        assert check_text(text.replace("\n", "\r\n")) is not None, path
        assert check_text(text.rstrip("\n")) is not None, path
    assert items > 300


@FAST
def test_every_element_of_a_generated_corpus_is_located_exactly(tmp_path: Path) -> None:
    sys.path.insert(0, str(ROOT))
    from benchmarks.corpus import generate

    generate(tmp_path, 2, seed=11, jobs=1)
    paths = sorted(p for p in tmp_path.rglob("*.yaml") if p.name != "spbe.yaml")
    trusted = 0
    for path in paths:
        trusted += check_text(path.read_text(encoding="utf-8"), lazy=True) is not None
    assert len(paths) > 150 and trusted == len(paths)


# --- generated texts ---------------------------------------------------------------------------


def shape(pos: Pos | None) -> Any:
    """Data of the same shape as the exact reader's tree, null values kept (as the fast path
    keeps them): what :func:`outline` checks a text against."""
    if pos is None:
        return None
    if isinstance(pos.items, dict):
        return {name: shape(child) for name, child in pos.items.items()}
    if isinstance(pos.items, list):
        return [shape(child) for child in pos.items]
    return "x"


def check_any(text: str) -> None:
    """Every element of ``text`` asserted exact, with the fast path's data and with data of
    the exact reader's shape (which lets through texts the fast path refuses)."""
    check_text(text)
    exact = parse_text(text)
    if exact.pos is not None:
        data = shape(exact.pos)
        found = outline(text, data)
        if found is not None:
            for section, index in elements(data):
                compare(found, exact.pos, section, index)


SECTION_NAMES = ["aplikasi", "layanan", "data", "perangkat_daerah", "opd", "x_1"]
FIELDS = ["id", "nama", "uraian", "status", "layanan", "unit_kerja", "integrasi", "null", "k"]
VALUES = ["DAA-01", "a b", "x#y", "-a", "a:b", "'s'", "'s''t'", '"d"', '"e\\"f"', "[a, b]", "[]"]
HIDDEN = ["- id: H", "id: H", "layanan:", "- x", "-", "nama: H", "status:", "k: H", ""]
COMMENTS = ["", "", "", " # c"]


@st.composite
def value(draw: st.DrawFn, col: int) -> list[str]:
    """A field's value written after ``key:`` at column ``col`` (0-based): the rest of the
    key's line, then the following lines."""
    kind = draw(st.integers(0, 11))
    deeper = " " * (col + draw(st.sampled_from([1, 2, 2, 4])))
    comment = draw(st.sampled_from(COMMENTS))
    if kind <= 3:
        return [" " + draw(st.sampled_from(VALUES)) + comment]
    if kind == 4:  # a plain scalar continued on the next lines
        more = draw(st.lists(st.sampled_from(["more", "- x", "y z", "#n"]), min_size=1, max_size=2))
        return [" words", *[deeper + m for m in more]]
    if kind == 5:  # a quoted scalar or flow sequence over several lines (the hiding places)
        open_, close = draw(st.sampled_from([('"', '"'), ("'", "'"), ("[a,", "]")]))
        # libyaml reads these lines as the scalar's whatever their column (the fast path
        # refuses them unless they are deeper than the key): at column 1, at the item's "-",
        # at the key's column, or deeper, they look like entries or keys.
        pads = st.sampled_from(["", " " * max(col - 2, 0), " " * col, deeper])
        hidden = draw(st.lists(st.tuples(pads, st.sampled_from(HIDDEN)), min_size=1, max_size=2))
        last = draw(st.sampled_from([" " * col, deeper]))
        return [" " + open_ + "x", *[p + h for p, h in hidden], last + "y" + close]
    if kind == 6:  # a block scalar, with lines that look like entries or keys
        header = draw(st.sampled_from(["|", ">", "|-", ">+"]))
        body = draw(st.lists(st.sampled_from(["l", "- id: X", "k: v", "", "#c"]), max_size=3))
        return [" " + header + comment, deeper + "first", *[deeper + b if b else b for b in body]]
    if kind == 7:  # a list of scalars, indentless or indented
        pad = " " * (col + draw(st.sampled_from([0, 2])))
        items = draw(st.lists(st.sampled_from([*VALUES, "", "- y"]), min_size=1, max_size=3))
        return [comment, *[pad + "-" + (" " + i if i else "") for i in items]]
    if kind == 8:  # a list of mappings (``integrasi``, ``unit_kerja``)
        pad = " " * (col + draw(st.sampled_from([0, 2])))
        out = [comment]
        for _ in range(draw(st.integers(1, 2))):
            out.append(pad + "- aplikasi: " + draw(st.sampled_from(VALUES)))
            out.extend(pad + "  " + f + ":" + v[0] for f, v in [("arah", [" terima"])])
        return out
    if kind == 9:  # a nested mapping
        return [comment, deeper + "sub: " + draw(st.sampled_from(VALUES)), deeper + "lain:"]
    return [comment]  # empty


@st.composite
def item(draw: st.DrawFn, col: int) -> list[str]:
    """One element: ``- id: ...`` at column ``col``, then its fields."""
    gap = draw(st.sampled_from([1, 1, 1, 3]))
    inner = col + 1 + gap
    names = draw(st.lists(st.sampled_from(FIELDS[1:]), max_size=4, unique=True))
    first = draw(st.sampled_from(["id", "id", "id", "'id'", "nama"]))
    head = draw(value(inner))
    lines = [" " * col + "-" + " " * gap + first + ":" + head[0], *head[1:]]
    for name in names:
        written = draw(st.sampled_from([name, name, name, f"'{name}'", name + " "]))
        rest = draw(value(inner))
        lines.append(" " * inner + written + ":" + rest[0])
        lines.extend(rest[1:])
        lines.extend(draw(st.lists(st.sampled_from(["", "# c", " " * inner + "# d"]), max_size=1)))
    return lines


@st.composite
def model_file(draw: st.DrawFn) -> str:
    """A model-like file: a header, ``opd: X``, sections of elements; then maybe mutated."""
    lines = draw(st.sampled_from([[], ["# head"], ["---"], ["", "# c", ""]]))
    if draw(st.booleans()):
        lines.append("opd: X" + draw(st.sampled_from(COMMENTS)))
    for name in draw(st.lists(st.sampled_from(SECTION_NAMES), min_size=1, max_size=3)):
        form = draw(st.integers(0, 9))
        if form == 0:
            lines.append(name + ": []")
            continue
        if form == 1:
            lines.append(name + ":")
            continue
        lines.append(name + ":" + draw(st.sampled_from(COMMENTS)))
        col = draw(st.sampled_from([0, 0, 0, 2, 4]))
        for _ in range(draw(st.integers(1, 3))):
            lines.extend(draw(item(col)))
            lines.extend(draw(st.lists(st.sampled_from(["", "# c", "  # d"]), max_size=1)))
    lines.extend(draw(st.sampled_from([[], [], ["..."], ["# tail"]])))
    for _ in range(draw(st.sampled_from([0, 0, 0, 1, 2]))):
        i = draw(st.integers(0, len(lines) - 1))
        op = draw(st.sampled_from([*MUTATIONS, "tab"]))
        if not mutate(draw, lines, i, op):
            lines[i] = lines[i].replace(" ", "\t", 1)
    end = draw(st.sampled_from(4 * ["\n"] + ["\r\n"]))
    return end.join(lines) + draw(st.sampled_from([end, end, "", end + end, end + "  ", "  "]))


@SETTINGS
@given(text=model_file())
def test_generated_model_files_are_located_exactly_or_declined(text: str) -> None:
    check_any(text)


@settings(max_examples=60, deadline=None)
@given(text=mutated_example())
def test_mutated_example_files_are_located_exactly_or_declined(text: str) -> None:
    check_any(text)


# --- the hiding places, one by one -------------------------------------------------------------

# libyaml reads a multi-line quoted scalar or flow collection whatever the columns of its lines
# (the fast path is stricter): lines in it may look like entries or keys.
HIDING = [
    # an entry at the sequence's column: one "-" too many
    ('aplikasi:\n- id: A\n  uraian: "x\n- id: H\n  y"\n- id: B\n', None),
    ("aplikasi:\n  - id: A\n    uraian: 'x\n  - id: H\n    y'\n  - id: B\n", None),
    # a top-level key: a key too many, and entries counted under it
    ('aplikasi:\n- id: A\n  uraian: "x\ndata:\n  y"\n- id: B\n', None),
    ("aplikasi:\n- id: A\n  uraian: [x,\nlayanan: y]\n- id: B\nlayanan: []\n", None),
    # a key at the item's column: the item's own fields are located as a whole
    ('aplikasi:\n- id: A\n  uraian: "x\n  status: H\n  y"\n  status: real\n- id: B\n', "status"),
    ("aplikasi:\n- id: A\n  uraian: 'x\n  nama: H'\n- id: B\n", "uraian"),
]


@pytest.mark.parametrize(("text", "field"), HIDING)
def test_lines_hidden_in_multi_line_scalars_are_not_trusted(text: str, field: str | None) -> None:
    exact = parse_text(text)
    assert exact.pos is not None and not exact.problems  # libyaml reads them
    data = shape(exact.pos)
    found = outline(text, data)
    if field is None:
        assert found is None
        return
    assert found is not None
    whole: list[Pos] = []
    item = found.item(
        "aplikasi", 0, lambda: whole.append(exact.pos.find(("aplikasi", 0))) or whole[0]
    )
    assert item is not None
    got = item.find((field,))
    assert whole  # a key line too many: the whole item is located (here: out of the subset)
    assert difference(got, exact.pos.find(("aplikasi", 0, field))) is None
    check_any(text)


REFUSED = [
    'aplikasi:\n- id: A\n  nama: "x\x85y"\n- id: B\n',  # libyaml counts a line at U+0085
    'aplikasi:\n- id: A\n  nama: "x\u2028y"\n- id: B\n',
    'aplikasi:\n- id: A\n  nama: "x\ry"\n- id: B\n',  # ... and at a lone CR
    "\ufeffaplikasi:\n- id: A\n",
    "  aplikasi:\n  - id: A\n  - id: B\n",  # an indented root
    "aplikasi:\n- id: A\naplikasi:\n- id: B\n",  # a duplicate key
    'aplikasi:\n- id: A\n  uraian: "x\nfoo: 1\n  y"\n',  # a key hidden in a scalar
    'opd: "X\n- id: A\n  y"\n',  # an entry hidden in a scalar
    "--- \naplikasi:\n- id: A\n",
    "aplikasi:\n- id: A\n...\n",
    "%YAML 1.1\n---\naplikasi:\n- id: A\n",
    "'aplikasi':\n- id: A\n",
    "null:\n- id: A\n",
    "aplikasi: &a\n- id: A\n",
    "aplikasi:\n  - id: A\n- id: B\n",
    "- id: A\n",
]


@pytest.mark.parametrize("text", REFUSED)
def test_texts_whose_outline_cannot_be_trusted_are_refused(text: str) -> None:
    exact = parse_text(text)
    assert outline(text, shape(exact.pos) or {}) is None
    check_any(text)


TRUSTED = [
    "aplikasi:\n- id: A\n  status:x: 1\n  status: real\n",  # a key that only starts alike
    'aplikasi:\n- id: A\n  nama: "x\ty"\n- id: B\n  nama:\tb\n',  # tabs inside the values
    "# c\n\naplikasi:   # c\n\n  # c\n    - id: A\n\n# c\n      nama: x\n    -   id: B\n",
    "opd: X\naplikasi: []\nlayanan:\ndata:\n  - id: A\n    n: |\n      - id: X\n\n# c\n",
    "aplikasi:\r\n- id: A\r\n  nama: x\r\n- id: B",
    "aplikasi:\n- id: A\n  n:\n  - x\n  -\n  m:\n    - y\n- id: B\n  k: v\n  ",
    "aplikasi:\n- id: A\n  n: words\n    more words\n  # c\n  m: [a, 'b']\nz: 1\n",
    "aplikasi:\n-\n  id: A\n- - x\n- plain\n  more\n- 'q'\n- id: B\n",
]


@pytest.mark.parametrize("text", TRUSTED)
def test_outlines_of_unusual_layouts_are_exact(text: str) -> None:
    exact = parse_text(text)
    assert outline(text, shape(exact.pos)) is not None
    check_any(text)


# --- through the loader ------------------------------------------------------------------------


def located(result: CheckResult) -> list[tuple[object, ...]]:
    return [
        (p.file, p.line, p.column, p.end_line, p.end_column, p.code, p.path, p.message)
        for p in result.problems
    ]


@FAST
@pytest.mark.parametrize("which", ["example", "corpus"])
def test_the_loader_locates_per_element_as_the_exact_reader_does(
    which: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if which == "example":
        repository = EXAMPLE
    else:
        sys.path.insert(0, str(ROOT))
        from benchmarks.corpus import generate

        generate(tmp_path, 1, seed=5, jobs=1)
        (repository,) = sorted(tmp_path.glob("body-*"))
    monkeypatch.setenv("SPBE_ARCH_EXACT", "1")
    exact = load(repository)
    exact_problems = located(check(exact, today=TODAY, plugins=False))
    assert len(exact.model.sumber) > 50 and exact_problems
    monkeypatch.delenv("SPBE_ARCH_EXACT")
    indexes: list[PositionIndex] = []
    init = PositionIndex.__init__

    def spy(self: PositionIndex) -> None:
        init(self)
        indexes.append(self)

    monkeypatch.setattr(PositionIndex, "__init__", spy)
    monkeypatch.setattr(PositionIndex, "root", lambda self, file: never())  # never a whole file
    fast = load(repository)
    assert located(check(fast, today=TODAY, plugins=False)) == exact_problems
    assert fast.model.sumber.keys() == exact.model.sumber.keys()
    # Every field of every element, asked for before anything reads a whole element ...
    for ident, src in fast.model.sumber.items():
        want = exact.model.sumber[ident].pos
        for name in want.keys or ():
            for key in (False, True):
                got = src.pos.find((name,), key=key)
                assert difference(got, want.find((name,), key=key)) is None, (ident, name)
    # ... then every element as a whole.
    for ident, src in fast.model.sumber.items():
        assert difference(src.pos, exact.model.sumber[ident].pos) is None, ident
    (index,) = indexes
    assert index.by_element >= len(fast.model.sumber) and index.by_root == 0


# --- the index ---------------------------------------------------------------------------------

TEXT = "opd: X\naplikasi:\n- id: A\n  nama: a\n- id: B\n  unit_kerja:\n  - id: U\n    nama: u\n"


@FAST
def test_the_index_answers_from_the_elements_lines_and_falls_back(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    whole = parse_text(TEXT).pos
    assert whole is not None
    data = fastpath.fast_parse(TEXT)
    index = PositionIndex()
    index.add("a.yaml", TEXT, None, data)
    index.add("b.yaml", TEXT, None)  # no data: the whole file only
    first = index.element("a.yaml", ("aplikasi", 1))
    assert index.element("a.yaml", ("aplikasi", 1)) is first  # kept
    unit = index.element("a.yaml", ("aplikasi", 1, "unit_kerja", 0))
    assert difference(unit, whole.find(("aplikasi", 1, "unit_kerja", 0))) is None
    assert difference(first.find(("nama",)), whole.find(("aplikasi", 1, "nama"))) is None
    assert (index.by_element, index.by_root, index.computed()) == (3, 0, 0)
    assert difference(index.element("b.yaml", ("aplikasi", 0)), whole.find(("aplikasi", 0))) is None
    assert (index.by_root, index.computed()) == (1, 1)
    assert difference(index.element("a.yaml", ("opd",)), whole.find(("opd",))) is None
    assert index.computed() == 2  # not an element: from the whole file, which answers from now
    assert difference(index.element("a.yaml", ("aplikasi", 0)), whole.find(("aplikasi", 0))) is None
    assert (index.by_element, index.by_root) == (3, 3)
    monkeypatch.setenv("SPBE_ARCH_EXACT", "1")  # the reference mode reads exactly only
    exact = PositionIndex()
    exact.add("a.yaml", TEXT, None, data)
    assert difference(exact.element("a.yaml", ("aplikasi", 0)), whole.find(("aplikasi", 0))) is None
    assert (exact.by_element, exact.by_root, exact.computed()) == (0, 1, 1)


@FAST
def test_an_item_the_outline_cannot_read_comes_from_the_whole_file() -> None:
    text = "aplikasi:\n- id: A\n  nama: 'x\n    y'\n- id: B\n"  # a scalar over two lines
    whole = parse_text(text).pos
    assert whole is not None
    index = PositionIndex()
    index.add("a.yaml", text, None, fastpath.fast_parse(text))
    item = index.element("a.yaml", ("aplikasi", 0))
    assert difference(item.find(("id",)), whole.find(("aplikasi", 0, "id"))) is None
    assert (index.by_element, index.by_root, index.computed()) == (1, 0, 0)
    assert difference(item.find(("nama",)), whole.find(("aplikasi", 0, "nama"))) is None
    assert (index.by_element, index.by_root, index.computed()) == (1, 1, 1)
    assert difference(item, whole.find(("aplikasi", 0))) is None


# --- the one-line shortcut ---------------------------------------------------------------------

ONE_LINE = [
    "aplikasi:\n- id: A\n  nama: a b  \n  status: as_is # c\n  k: 'q''r'\n- id: B\n",
    'aplikasi:\n  - id: "A"\n    k: [a, "b"]\n    nama:\n    status: # c\n    m: -x\n',
    "aplikasi:\n- id: A\n  k: []\n  nama: x:y\nopd: X\n",
    "aplikasi:\n- id:\n  nama: a\n- id: B\n  nama: b",  # no final line break
]


@pytest.mark.parametrize("text", ONE_LINE)
def test_one_line_fields_are_read_without_the_general_reader(
    text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    linepos = sys.modules[Outline.__module__]
    exact = parse_text(text).pos
    assert exact is not None
    data = shape(exact)
    found = outline(text, data)
    assert found is not None
    monkeypatch.setattr(linepos, "_locate", lambda *args: never())  # the shortcut only
    for section, index in elements(data):
        want = exact.find((section, index))
        for name in want.keys or ():
            item = found.item(section, index, never)
            assert item is not None
            for key in (False, True):
                got = item.find((name,), key=key)
                assert difference(got, want.find((name,), key=key)) is None, (name, key)
            assert not expanded(item)


def test_the_first_key_needs_no_count_of_key_lines() -> None:
    # A key line hidden in a quoted scalar: the item's other fields are located as a whole,
    # but its first key (on the line of its "-", a real token) is read from that line alone.
    text = 'aplikasi:\n- id: A\n  uraian: "x\n  status: H\n  y"\n  status: real\n- id: B\n'
    exact = parse_text(text).pos
    assert exact is not None
    found = outline(text, shape(exact))
    assert found is not None
    item = found.item("aplikasi", 0, never)
    assert item is not None
    for key in (False, True):
        got = item.find(("id",), key=key)
        assert difference(got, exact.find(("aplikasi", 0, "id"), key=key)) is None
    assert not expanded(item)
