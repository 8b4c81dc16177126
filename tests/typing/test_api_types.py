"""The public API's types, as a type checker sees them: ``make test`` runs mypy --strict on
this file (``assert_type`` fails the type check when a type is not exactly the one written),
and pytest runs it, so the types are also the ones the calls return."""

from __future__ import annotations

from pathlib import Path
from typing import assert_type

import spbe_arch
from spbe_arch.graph import ModelGraph
from spbe_arch.model.arsitektur import Arsitektur
from spbe_arch.nasional import ManyResult
from spbe_arch.problems import Problem
from spbe_arch.render import RenderResult
from spbe_arch.results import CheckResult, LoadResult

MODEL = Path(__file__).resolve().parents[2] / "models" / "kabupaten-contoh"


def test_load_is_a_typed_named_tuple() -> None:
    loaded = spbe_arch.load(MODEL)
    assert_type(loaded, LoadResult)
    model, problems = loaded
    assert_type(model, Arsitektur)
    assert_type(problems, list[Problem])
    assert isinstance(model, Arsitektur) and problems == []


def test_check_returns_one_repository_result() -> None:
    result = spbe_arch.check(MODEL, only=["SPBE-APL-001"])
    assert_type(result, CheckResult)
    assert_type(result.model, Arsitektur)
    assert_type(result.problems, list[Problem])
    assert_type(result.graph, ModelGraph | None)
    assert isinstance(result, CheckResult) and isinstance(result.graph, ModelGraph)


def test_check_many_has_its_own_type() -> None:
    many = spbe_arch.check_many(MODEL.parent, cache=False, jobs=1)
    assert_type(many, ManyResult)
    assert_type(many.problems, list[Problem])
    assert isinstance(many, ManyResult) and not isinstance(many, CheckResult)


def test_render_returns_its_result(tmp_path: Path) -> None:
    out = spbe_arch.render(MODEL, tmp_path, views=["infrastruktur"], fmt="dot")
    assert_type(out, RenderResult)
    assert [v.file for v in out.views] == ["infrastruktur.dot"]
