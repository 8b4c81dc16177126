"""The public API's types, as a type checker sees them: ``make test`` runs mypy --strict on
this file (``assert_type`` fails the type check when a type is not exactly the one written),
and pytest runs it, so the types are also the ones the calls return."""

from __future__ import annotations

from pathlib import Path
from typing import Any, assert_type

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


def test_check_result_unpacks_typed() -> None:
    result = spbe_arch.check(MODEL, only=["SPBE-APL-001"])
    model, problems = result
    assert_type(model, Arsitektur)
    assert_type(problems, list[Problem])
    assert model is result.model and problems is result.problems


def test_the_callable_modules_keep_their_names() -> None:
    """``import spbe_arch.render`` and ``spbe_arch.render.RenderError`` type-check (as the
    class), next to the call; the same for ``load`` and ``check``."""
    import spbe_arch.check
    import spbe_arch.load
    import spbe_arch.render
    from spbe_arch.load import ModelRepositoryError
    from spbe_arch.render import RenderError

    assert_type(spbe_arch.render.RenderError, type[RenderError])
    assert_type(spbe_arch.load.ModelRepositoryError, type[ModelRepositoryError])
    assert_type(spbe_arch.check.CheckResult, type[CheckResult])
    assert_type(spbe_arch.load.load(MODEL), LoadResult)
    assert_type(spbe_arch.check.select_rules(["SPBE-APL-001"]), set[str] | None)
    assert spbe_arch.render.RenderError is RenderError
    try:
        spbe_arch.render(MODEL, "unused", views=["no-such-view"])
    except spbe_arch.render.RenderError as error:
        assert_type(error, RenderError)
    else:
        raise AssertionError("an unknown view is refused")


def test_a_wrong_call_is_a_type_error() -> None:
    """Each ``type: ignore`` below is needed (mypy --strict reports an unused one): the calls
    are checked against the functions' real signatures, not ``(*args, **kwargs)``."""
    import pytest

    with pytest.raises(TypeError):
        spbe_arch.render(MODEL, "unused", formats="svg")  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        spbe_arch.check(MODEL, onyl=["SPBE-APL-001"])  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        spbe_arch.load(MODEL, text={})  # type: ignore[call-arg]


def test_the_type_only_classes_list_each_modules_public_names() -> None:
    """spbe_arch._modules describes each callable module to the type checker; a name added
    to a module's ``__all__`` must be added there too, and ``__call__`` is the function the
    module calls at run time."""
    import ast
    import importlib
    import inspect

    source = Path(spbe_arch.__file__).with_name("_modules.py").read_text(encoding="utf-8")
    classes = {
        node.name: node for node in ast.walk(ast.parse(source)) if isinstance(node, ast.ClassDef)
    }
    for name, cls in [
        ("load", "LoadModule"),
        ("check", "CheckModule"),
        ("render", "RenderModule"),
        ("publish", "PublishModule"),
    ]:
        module: Any = importlib.import_module(f"spbe_arch.{name}")
        body = classes[cls].body
        declared = {
            target.id
            for node in body
            for target in (
                node.targets if isinstance(node, ast.Assign) else [getattr(node, "target", None)]
            )
            if isinstance(target, ast.Name)
        }
        assert declared - {"__call__"} == set(module.__all__), cls
        [call] = [
            n for n in body if isinstance(n, ast.Assign) and ast.unparse(n.targets[0]) == "__call__"
        ]
        target = ast.unparse(call.value).removeprefix("staticmethod(").removesuffix(")")
        assert target == module.__dict__["__call_target__"], cls
        assert inspect.signature(module) == inspect.signature(getattr(module, target))
