"""``fokus``: one element, what it depends on and what depends on it (impact analysis).

Dependents (what breaks when the element changes) are drawn above it in an amber cluster,
its dependencies (what it needs) below it in a green one, both transitively. Arrows keep the
model's direction; the layout always runs from dependent to dependency.
"""

from __future__ import annotations

from spbe_arch.model.relasi import ARSITEKTUR_KINDS
from spbe_arch.render.context import ViewContext
from spbe_arch.render.diagram import Cluster, Diagram
from spbe_arch.render.gaya import legend_styles

KINDS = frozenset({*ARSITEKTUR_KINDS, "opd", "unit_kerja"})
SKIPPED = frozenset({"opd", "referensi"})


def fokus(ctx: ViewContext, ident: str) -> Diagram:
    """The impact view of one element (``--focus ID``)."""
    graph = ctx.graph
    up = [d for d in graph.depends_on(ident, transitive=True) if graph.kind(d) in KINDS]
    down = [d for d in graph.dependents_of(ident, transitive=True) if graph.kind(d) in KINDS]
    both = set(up) & set(down)  # a cycle: keep the node with the dependencies
    down = [d for d in down if d not in both]
    ids = sorted({ident, *up, *down})
    nodes = [ctx.node(i, mark="fokus" if i == ident else "") for i in ids]
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
            )
        )
    if up:
        clusters.append(
            Cluster(
                "prasyarat",
                ctx.t(f"Dibutuhkan oleh {ident} ({len(up)})", f"Needed by {ident} ({len(up)})"),
                "prasyarat",
                tuple(up),
            )
        )
    edges = [ctx.dependency_edge(lk) for lk in ctx.links(ids, SKIPPED)]
    legend = [*legend_styles({n.style for n in nodes}), "fokus"]
    nama = str(getattr(ctx.model.get(ident), "nama", ident))
    return Diagram(
        name="fokus",
        family="fokus",
        title=ctx.t("Analisis dampak", "Impact analysis") + f": {nama} ({ident})",
        nodes=tuple(nodes),
        edges=tuple(edges),
        clusters=tuple(clusters),
        legend=tuple(legend),
        split=("domain", "opd"),
        pinned=(ident,),
        lang=ctx.lang,
    )
