"""``fokus``: one element, what it depends on and what depends on it (impact analysis).

Dependents (what breaks when the element changes) are drawn above it in an amber cluster,
its dependencies (what it needs) below it in a green one, up to ``--depth`` relations away
(default 1; ``--depth all`` follows every step). Arrows keep the model's direction; the layout
always runs from dependent to dependency. The file is ``fokus-<id>``, so the focus views of
several elements live side by side.
"""

from __future__ import annotations

from dataclasses import replace

from spbe_arch.model.relasi import ARSITEKTUR_KINDS
from spbe_arch.render.context import ViewContext
from spbe_arch.render.diagram import Cluster, Diagram
from spbe_arch.render.gaya import legend_styles
from spbe_arch.render.views.naming import view_name

KINDS = frozenset({*ARSITEKTUR_KINDS, "opd", "unit_kerja"})
SKIPPED = frozenset({"opd", "referensi"})


ROW_WIDTH = 7
"""Elements per row inside the two frames: many dependents fold into rows, not one wide line."""
ORDER = ("layanan", "proses_bisnis", "data", "aplikasi", "infrastruktur", "keamanan")


def _rows(ids: list[str], style: dict[str, str]) -> tuple[tuple[str, ...], ...]:
    ranked = sorted(ids, key=lambda i: (ORDER.index(style[i]) if style[i] in ORDER else 9, i))
    return tuple(tuple(ranked[k : k + ROW_WIDTH]) for k in range(0, len(ranked), ROW_WIDTH))


def fokus(ctx: ViewContext, ident: str) -> Diagram:
    """The impact view of one element (``--focus ID``)."""
    graph = ctx.graph
    up = [d for d in ctx.near(ident, ctx.depth, upstream=True) if graph.kind(d) in KINDS]
    down = [d for d in ctx.near(ident, ctx.depth, upstream=False) if graph.kind(d) in KINDS]
    both = set(up) & set(down)  # a cycle: keep the node with the dependencies
    down = [d for d in down if d not in both]
    ids = sorted({ident, *up, *down})
    side = {**{d: "dampak" for d in down}, **{u: "prasyarat" for u in up}}
    nodes = [
        replace(n, groups=(("sisi", side.get(n.id, "")), *n.groups))
        for n in (ctx.node(i, mark="fokus" if i == ident else "") for i in ids)
    ]
    style = {n.id: n.style for n in nodes}
    clusters = []
    if down:
        clusters.append(
            Cluster(
                "dampak",
                ctx.t(
                    f"Terdampak bila {ident} berubah ({len(down)})",
                    f"Affected when {ident} changes ({len(down)})",
                ),
                "dampak",
                tuple(down),
                rows=_rows(down, style),
            )
        )
    if up:
        clusters.append(
            Cluster(
                "prasyarat",
                ctx.t(f"Dibutuhkan oleh {ident} ({len(up)})", f"Needed by {ident} ({len(up)})"),
                "prasyarat",
                tuple(up),
                rows=_rows(up, style),
            )
        )
    edges = [ctx.dependency_edge(lk) for lk in ctx.links(ids, SKIPPED)]
    legend = [*legend_styles({n.style for n in nodes}), "fokus"]
    nama = str(getattr(ctx.model.get(ident), "nama", ident))
    reach = (
        ctx.t("semua langkah", "every step")
        if ctx.depth is None
        else ctx.t(f"kedalaman {ctx.depth}", f"depth {ctx.depth}")
    )
    return Diagram(
        name=view_name("fokus", ident),
        family="fokus",
        title=ctx.t("Analisis dampak", "Impact analysis") + f": {nama} ({ident}, {reach})",
        nodes=tuple(nodes),
        edges=tuple(edges),
        clusters=tuple(clusters),
        legend=tuple(legend),
        chain=tuple(c.id for c in clusters),
        # Read whole when it fits; else cut into what is affected and what is needed (then by
        # domain), each part carrying its relations to the others (dashed) and linking to them.
        split=("sisi", "domain"),
        refer_all=True,
        ext=ctx.ext,
        pinned=(ident,),
        lang=ctx.lang,
        opd=ctx.model.owner(ident) or "",
    )
