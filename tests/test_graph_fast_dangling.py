"""The graph's column-wise dangling check and set verbs agree with the exact, per-link ones."""

from __future__ import annotations

from pathlib import Path

from spbe_arch.graph import ModelGraph
from spbe_arch.load import load
from spbe_arch.model.relasi import RELASI

EXAMPLE = Path(__file__).resolve().parents[1] / "models" / "kabupaten-contoh"


def _exact(graph: ModelGraph) -> list[tuple[str, str, str, tuple[str | int, ...]]]:
    return [(d.source, d.target, d.relasi.field, d.path) for d in graph._scan_dangling()]


def test_dangling_equals_the_exact_scan_also_with_odd_values() -> None:
    model = load(EXAMPLE).model
    graph = ModelGraph(model)
    assert [(d.source, d.target, d.relasi.field, d.path) for d in graph.dangling] == _exact(graph)
    element = next(e for e in model if e.KIND == "aplikasi")
    # Shapes the column-wise check does not vouch for: the exact scan decides.
    for odd in (["", "TIDAK-ADA"], [element.id], []):
        object.__setattr__(element, "layanan", odd)
        fresh = ModelGraph(model)
        found = [(d.source, d.target, d.relasi.field, d.path) for d in fresh.dangling]
        assert found == _exact(fresh)


def test_named_equals_links_to() -> None:
    model = load(EXAMPLE).model
    graph = ModelGraph(model)
    kinds_of = {r.field: r.sumber for r in RELASI}
    for field, sumber in kinds_of.items():
        kinds = None if "*" in sumber else sumber
        named = graph.named(field, kinds)
        for ident in model.ids():
            assert (ident in named) == bool(graph.links_to(ident, field, kinds)), (field, ident)
