"""The Python API as documented: docs/api.md's examples and the docstrings' examples run.

Every ```python block of docs/api.md is a doctest; the blocks run in order in one session
(a notebook), from the repository root. The modules of the public API run their docstring
examples too, and every public function has its real signature and an example.
"""

from __future__ import annotations

import doctest
import importlib
import inspect
import pydoc
import re
import subprocess
import sys
import types
from pathlib import Path

import pytest

import spbe_arch

ROOT = Path(__file__).resolve().parents[1]
API_MD = ROOT / "docs" / "api.md"
BLOCK = re.compile(r"^```python\n(.*?)^```", re.M | re.S)

DOCTEST_MODULES = [
    "spbe_arch.results",
    "spbe_arch.check",
    "spbe_arch.graph",
    "spbe_arch.messages",
    "spbe_arch.commands._shared",
    "spbe_arch.load.repository",
    "spbe_arch.render.api",
    "spbe_arch.nasional.many",
    "spbe_arch.referensi.ringkasan",
]
"""The modules whose docstring examples are tests (they hold the public API)."""


@pytest.fixture(autouse=True)
def at_root(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)


def test_every_block_of_docs_api_md_runs_as_shown() -> None:
    blocks = BLOCK.findall(API_MD.read_text(encoding="utf-8"))
    assert len(blocks) >= 8
    parser, globs = doctest.DocTestParser(), dict[str, object]()
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    examples = 0
    for number, block in enumerate(blocks, 1):
        test = parser.get_doctest(block, globs, f"docs/api.md block {number}", str(API_MD), 0)
        assert test.examples, f"block {number} has no example"
        examples += len(test.examples)
        runner.run(test, clear_globs=False)
        globs.update(test.globs)  # the next block sees what this one defined
    result = runner.summarize(verbose=False)
    assert result.failed == 0, f"{result.failed} of {result.attempted} examples failed (above)"
    assert result.attempted == examples >= 30


@pytest.mark.parametrize("name", DOCTEST_MODULES)
def test_docstring_examples_run(name: str) -> None:
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS, verbose=False)
    assert result.attempted > 0, f"{name} has no example"
    assert result.failed == 0


@pytest.mark.parametrize("name", ["load", "check", "check_many", "render"])
def test_public_functions_have_real_signatures_and_examples(name: str) -> None:
    function = getattr(spbe_arch, name)
    signature = inspect.signature(function)
    kinds = {p.kind for p in signature.parameters.values()}
    assert inspect.Parameter.VAR_POSITIONAL not in kinds, signature
    assert inspect.Parameter.VAR_KEYWORD not in kinds, signature
    target = inspect.unwrap(function)
    assert ">>>" in (target.__doc__ or ""), f"{name} has no example"
    if isinstance(function, types.ModuleType):  # help() on the callable module shows the call
        assert f"{target.__name__}({next(iter(signature.parameters))}" in pydoc.render_doc(
            function, renderer=pydoc.plaintext
        )


def test_subpackages_are_what_a_python_user_expects() -> None:
    import spbe_arch.load
    import spbe_arch.render
    import spbe_arch.report

    assert spbe_arch.render.RenderError.__module__ == "spbe_arch.render.api"
    assert spbe_arch.load.ModelRepositoryError and spbe_arch.load.LoadResult
    assert spbe_arch.report.FORMATS[0] == "text"
    assert callable(spbe_arch.render) and callable(spbe_arch.load) and callable(spbe_arch.check)
    assert spbe_arch.check.CheckResult is spbe_arch.CheckResult


def test_a_fresh_interpreter_has_every_documented_name() -> None:
    code = (
        "import spbe_arch\n"
        "assert callable(spbe_arch.report.render) and spbe_arch.report.FORMATS\n"
        "assert spbe_arch.render.RenderError and spbe_arch.load.ModelRepositoryError\n"
        "assert spbe_arch.check_many and spbe_arch.ManyResult and spbe_arch.LoadResult\n"
        "import spbe_arch.render, spbe_arch.report, spbe_arch.load\n"
        "assert spbe_arch.render.VIEW_FAMILIES and spbe_arch.report.choose_format\n"
        "print('ok')\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.stdout == "ok\n", done.stderr


def test_results_print_short() -> None:
    result = spbe_arch.check("models/kabupaten-contoh")
    loaded = spbe_arch.load("models/kabupaten-contoh")
    many = spbe_arch.check_many("models", cache=False, jobs=1)
    assert len(repr(result)) < 300 and len(repr(loaded)) < 200 and len(repr(many)) < 200
    assert repr(result).startswith("CheckResult(model=<Arsitektur 'Pemerintah Kabupaten Contoh'")
