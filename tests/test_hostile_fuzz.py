"""Fuzzing: the example model's files, mutated, always give located problems, never a crash.

Mutations work on the parsed data (delete a key, duplicate a list item, retype a value: a list
becomes a scalar, a string a number, a mapping a list …) and on the text (truncation), and the
whole check runs (loader, graph, every rule, the text report), not only the loader.
"""

from __future__ import annotations

import copy
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from spbe_arch.check import check
from spbe_arch.load.yamltext import parse_text
from spbe_arch.report import render

EXAMPLE = Path(__file__).resolve().parents[1] / "models" / "kabupaten-contoh"
FILES = sorted(p.relative_to(EXAMPLE).as_posix() for p in EXAMPLE.rglob("*.yaml"))
SETTINGS = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
RETYPED: list[Any] = [None, 0, 3.5, True, "teks", [], ["a", 1], {}, {"x": [1]}, "", "2025-13-45"]


@pytest.fixture(scope="module")
def model(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("fuzz") / "contoh"
    shutil.copytree(EXAMPLE, root)
    return root


def _paths(node: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [prefix]
    if isinstance(node, dict):
        for key, value in node.items():
            out += _paths(value, (*prefix, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            out += _paths(value, (*prefix, index))
    return out


def _parent(data: Any, path: tuple[Any, ...]) -> Any:
    for part in path[:-1]:
        data = data[part]
    return data


@st.composite
def mutated(draw: st.DrawFn) -> tuple[str, str]:
    """A file of the example model and its mutated text."""
    rel = draw(st.sampled_from(FILES))
    text = (EXAMPLE / rel).read_text(encoding="utf-8")
    data = parse_text(text).data
    for _ in range(draw(st.integers(1, 3))):
        paths = [p for p in _paths(data) if p]
        if not paths:
            break
        path = draw(st.sampled_from(paths))
        parent = _parent(data, path)
        op = draw(st.sampled_from(["delete", "duplicate", "retype", "swap-type"]))
        if op == "delete":
            del parent[path[-1]]
        elif op == "duplicate" and isinstance(parent, list):
            parent.insert(path[-1], parent[path[-1]])  # shared: the dump writes an alias
        elif op == "retype":
            # a copy: a later mutation must not change the shared RETYPED values (hypothesis
            # then sees the strategy draw differently for the same choices)
            parent[path[-1]] = copy.deepcopy(draw(st.sampled_from(RETYPED)))
        else:
            value = parent[path[-1]]
            parent[path[-1]] = (
                [value] if not isinstance(value, list) else (value[0] if value else "")
            )
    out = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    if draw(st.booleans()):
        out = out[: draw(st.integers(0, len(out)))]
    return rel, out


@SETTINGS
@given(case=mutated())
def test_mutated_example_model_gives_located_problems(model: Path, case: tuple[str, str]) -> None:
    rel, text = case
    target = model / rel
    original = (EXAMPLE / rel).read_bytes()
    target.write_text(text, encoding="utf-8")
    try:
        result = check(model)
        files = {str(p) for p in model.rglob("*")} | {str(model)}
        for problem in result.problems:
            assert problem.line >= 1 and problem.column >= 1, problem
            assert problem.file in files, problem
        render("text", result)
        render("sarif", result)
    finally:
        target.write_bytes(original)
