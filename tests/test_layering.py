"""The layering of spbe_arch: no import cycles between its parts, and every import points down.

Read from the source with ``ast`` (no import is executed): every ``import`` of a spbe_arch module,
at module level or inside a function (a lazy import is still a dependency), except those under
``if TYPE_CHECKING:`` (annotations only). A part is a top-level module or subpackage of
spbe_arch, the roadmap's drawing modules apart from its analysis.
"""

from __future__ import annotations

import ast
import itertools
from collections.abc import Iterator
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "spbe_arch"

LAYERS: list[tuple[str, ...]] = [
    # leaf records and helpers: import nothing of spbe_arch but each other
    ("problems", "results", "version", "messages", "exitcodes", "positions", "packagedata",
     "fileio", "neutral", "_callable"),
    ("referensi", "aplikasi_umum"),  # the national reference data
    ("model",),
    ("load",),
    ("graph",),
    ("roadmap",),  # the roadmap's analysis (years, gap); its drawings are further up
    ("evaluasi",),
    ("rules",),
    ("check",),
    ("report",),
    ("render", "roadmap.gambar", "roadmap.linimasa", "survei", "schema", "docgen"),
    ("nasional",),
    ("commands",),
    ("cli",),
    ("__init__",),  # the package's public facade re-exports from every layer
]  # fmt: skip
"""Bottom to top: a part may import its own layer's parts and those of lower layers."""

LAYER = {part: i for i, parts in enumerate(LAYERS) for part in parts}


def module_name(path: Path, src: Path = SRC) -> str:
    rel = path.relative_to(src.parent).with_suffix("")
    parts = rel.parts[:-1] if rel.name == "__init__" else rel.parts
    return ".".join(parts)


def part_of(module: str) -> str:
    """The part of a module: the longest name in LAYERS it is, or is inside; else its top."""
    rest = module.split(".")[1:]
    if not rest:
        return "__init__"
    for n in range(len(rest), 0, -1):
        name = ".".join(rest[:n])
        if name in LAYER:
            return name
    return rest[0]


def _type_checking_nodes(tree: ast.AST) -> set[int]:
    skipped: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            skipped.update(id(n) for stmt in node.body for n in ast.walk(stmt))
    return skipped


def imports(path: Path, src: Path = SRC) -> Iterator[tuple[str, int]]:
    """The spbe_arch modules a file imports at run time, with the line of each import."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    skipped = _type_checking_nodes(tree)
    name = module_name(path, src)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                module = ".".join([*base, node.module] if node.module else base)
            else:
                module = node.module or ""
            # `from spbe_arch import x` imports the module spbe_arch.x when there is one, and
            # the package itself only for the names that are not modules
            subs = [f"{module}.{alias.name}" for alias in node.names]
            names = [n for n in subs if _is_module(n, src)]
            if len(names) < len(subs):
                names.append(module)
        else:
            continue
        for name in names:
            if name == "spbe_arch" or name.startswith("spbe_arch."):
                yield name, node.lineno


def _is_module(name: str, src: Path) -> bool:
    rel = Path(*name.split(".")[1:])
    return (src / rel).with_suffix(".py").is_file() or (src / rel / "__init__.py").is_file()


def part_graph(src: Path = SRC) -> dict[str, dict[str, str]]:
    """part → {imported part: "file:line" of the first such import}."""
    graph: dict[str, dict[str, str]] = {}
    for path in sorted(src.rglob("*.py")):
        here = part_of(module_name(path, src))
        graph.setdefault(here, {})
        for name, line in imports(path, src):
            there = part_of(name)
            if there != here:
                graph[here].setdefault(there, f"{path.relative_to(src.parent)}:{line}")
    return graph


def find_cycle(graph: dict[str, dict[str, str]]) -> list[str] | None:
    """One cycle of the graph (its parts in order, the first repeated at the end), or None."""
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph.get(node, {})):
            if state.get(nxt) == 1:
                return [*stack[stack.index(nxt) :], nxt]
            if nxt not in state and (found := visit(nxt)) is not None:
                return found
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state and (found := visit(node)) is not None:
            return found
    return None


def test_the_graph_is_read_from_every_module() -> None:
    graph = part_graph()
    files = list(SRC.rglob("*.py"))
    assert len(files) > 150
    assert {"check", "load", "cli", "commands", "nasional", "report", "render"} <= set(graph)
    assert "load" in graph["check"] and "rules" in graph["check"]  # lazy imports are counted
    assert "graph" not in graph["results"]  # TYPE_CHECKING imports are not


def test_no_import_cycle_between_parts() -> None:
    graph = part_graph()
    cycle = find_cycle(graph)
    if cycle is not None:
        steps = [f"{a} -> {b} ({graph[a][b]})" for a, b in itertools.pairwise(cycle)]
        pytest.fail("import cycle: " + "; ".join(steps))


def test_every_import_points_down_the_layers() -> None:
    graph = part_graph()
    upward = [
        f"{a} (layer {LAYER[a]}) imports {b} (layer {LAYER[b]}) at {where}"
        for a, targets in sorted(graph.items())
        for b, where in sorted(targets.items())
        if a in LAYER and b in LAYER and LAYER[b] > LAYER[a]
    ]
    assert not upward, "\n".join(upward)


def test_the_checker_finds_a_cycle_it_is_given(tmp_path: Path) -> None:
    package = tmp_path / "spbe_arch"
    (package / "load").mkdir(parents=True)
    (package / "__init__.py").write_text("")
    (package / "check.py").write_text("def f():\n    from spbe_arch.load import g\n")
    (package / "load" / "__init__.py").write_text("from spbe_arch.check import f\n")
    (package / "results.py").write_text(
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from spbe_arch.check import f\n"
    )
    graph = part_graph(package)
    assert find_cycle(graph) == ["check", "load", "check"]
    assert graph["results"] == {}
