"""The views: each a query over the graph that yields diagram models (never DOT)."""

from __future__ import annotations

from collections.abc import Callable

from spbe_arch.render.context import ViewContext
from spbe_arch.render.diagram import Diagram
from spbe_arch.render.views.fokus import fokus
from spbe_arch.render.views.infrastruktur import infrastruktur
from spbe_arch.render.views.integrasi import integrasi
from spbe_arch.render.views.lapisan import lapisan
from spbe_arch.render.views.layanan import layanan_views
from spbe_arch.render.views.opd import opd_views
from spbe_arch.render.views.referensi import referensi

Builder = Callable[[ViewContext], list[Diagram]]

FAMILIES: dict[str, Builder] = {
    "lapisan": lapisan,
    "opd": opd_views,
    "integrasi": integrasi,
    "infrastruktur": infrastruktur,
    "layanan": layanan_views,
    "referensi": referensi,
}
"""View families in index order; ``fokus`` is added when a focus element is given."""

VIEW_FAMILIES: tuple[str, ...] = (*FAMILIES, "fokus")


def build_all(ctx: ViewContext, focus: str | None = None) -> list[Diagram]:
    """Every diagram of the model (before splitting), in index order; names made unique."""
    out: list[Diagram] = []
    for builder in FAMILIES.values():
        out.extend(builder(ctx))
    if focus is not None:
        out.append(fokus(ctx, focus))
    seen: dict[str, int] = {}
    unique = []
    for d in out:
        n = seen.get(d.name, 0)
        seen[d.name] = n + 1
        unique.append(d if n == 0 else _renamed(d, f"{d.name}-{n + 1}"))
    return unique


def _renamed(diagram: Diagram, name: str) -> Diagram:
    from dataclasses import replace

    return replace(diagram, name=name)
