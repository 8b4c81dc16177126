"""The views: each a query over the graph that yields diagram models (never DOT)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from spbe_arch.render.context import ViewContext
from spbe_arch.render.diagram import Diagram
from spbe_arch.render.views.fokus import fokus
from spbe_arch.render.views.infrastruktur import infrastruktur
from spbe_arch.render.views.integrasi import integrasi
from spbe_arch.render.views.lapisan import lapisan
from spbe_arch.render.views.layanan import layanan_views
from spbe_arch.render.views.opd import opd_views
from spbe_arch.render.views.referensi import referensi
from spbe_arch.render.views.ringkasan import ringkasan

Builder = Callable[[ViewContext], list[Diagram]]


def fokus_views(ctx: ViewContext) -> list[Diagram]:
    """The focus view of every aplikasi (the target of an aplikasi's link in other views)."""
    return [fokus(ctx, e.id) for e in ctx.model.of_kind("aplikasi")]


FAMILIES: dict[str, Builder] = {
    "ringkasan": ringkasan,
    "lapisan": lapisan,
    "opd": opd_views,
    "integrasi": integrasi,
    "infrastruktur": infrastruktur,
    "layanan": layanan_views,
    "fokus": fokus_views,
    "referensi": referensi,
}
"""View families in index order; ``--focus ID`` adds the focus view of any other element."""

VIEW_FAMILIES: tuple[str, ...] = tuple(FAMILIES)


def build_all(
    ctx: ViewContext, focus: str | None = None, families: set[str] | None = None
) -> list[Diagram]:
    """Every diagram of the model (before splitting), in index order; names made unique.

    ``families`` limits the build to those view families (a run that draws a few views does
    not pay for the others).
    """
    out: list[Diagram] = []
    for family, builder in FAMILIES.items():
        if families is None or family in families:
            out.extend(builder(ctx))
    fokus_built = families is None or "fokus" in families
    if focus is not None and (ctx.graph.kind(focus) != "aplikasi" or not fokus_built):
        out.append(fokus(ctx, focus))
    seen: dict[str, int] = {}
    unique = []
    for d in out:
        n = seen.get(d.name, 0)
        seen[d.name] = n + 1
        d = replace(d, stamp=d.stamp or ctx.stamp)
        if ctx.state:
            d = replace(d, title=f"{d.title} [{ctx.state}]")
        unique.append(d if n == 0 else replace(d, name=f"{d.name}-{n + 1}"))
    return unique
