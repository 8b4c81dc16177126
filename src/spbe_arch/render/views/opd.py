"""``opd-<id>``: everything an OPD owns, and the elements of other OPDs it depends on.

The OPD's own elements and unit kerja sit in one cluster on the left; every other OPD it depends
on gets its own dashed cluster on the right, so cross-OPD dependencies (docs/diagrams.md) read as
arrows leaving the OPD's box. Arrows keep the model's direction; the layout runs from the
dependent element to what it depends on.
"""

from __future__ import annotations

from spbe_arch.model.relasi import ARSITEKTUR_KINDS
from spbe_arch.render.context import ViewContext
from spbe_arch.render.diagram import Cluster, Diagram
from spbe_arch.render.gaya import legend_styles
from spbe_arch.render.views.naming import view_name

SKIPPED = frozenset({"opd", "referensi", "walidata", "operator"})


def opd_view(ctx: ViewContext, opd: str) -> Diagram | None:
    """The view of one OPD, or None when it owns nothing."""
    model = ctx.model
    own = {i for i in ctx.elements() if opd in model.owners(i)}
    if not own:
        return None
    own |= {u for u, o in model.unit_kerja_opd.items() if o == opd}
    elementary = set(ARSITEKTUR_KINDS)
    deps = {
        d
        for i in own
        for d in ctx.graph.depends_on(i)
        if d not in own and ctx.graph.kind(d) in elementary
    }
    ids = sorted(own | deps)
    nodes = [ctx.node(i) for i in ids]
    clusters = [Cluster(f"opd_{opd}", model.opd[opd].nama, "opd", tuple(sorted(own)))]
    others: dict[str, list[str]] = {}
    for d in sorted(deps):
        others.setdefault(model.owner(d) or "", []).append(d)
    for other, members in sorted(others.items()):
        name = model.opd[other].nama if other in model.opd else ctx.t("Tanpa OPD", "No OPD")
        clusters.append(
            Cluster(
                f"luar_{other or '_'}",
                name,
                "opd-luar",
                tuple(members),
                url=ctx.opd_url(other) if other else "",
            )
        )
    edges = [ctx.dependency_edge(lk) for lk in ctx.links(ids, SKIPPED)]
    legend = legend_styles({n.style for n in nodes})
    if any(e.style == "melindungi" for e in edges):
        legend.append("garis:melindungi")
    title = ctx.t("Perangkat Daerah", "OPD")
    return Diagram(
        name=view_name("opd", opd),
        family="opd",
        title=f"{title}: {model.opd[opd].nama} — "
        + ctx.t(
            f"{len(own)} elemen, {len(deps)} dari OPD lain",
            f"{len(own)} elements, {len(deps)} from other OPDs",
        ),
        nodes=tuple(nodes),
        edges=tuple(edges),
        clusters=tuple(clusters),
        rankdir="LR",
        legend=tuple(legend),
        split=("domain", "opd"),
        max_edge_labels=50,
        lang=ctx.lang,
        opd=opd,
        refer=True,
    )


def opd_views(ctx: ViewContext) -> list[Diagram]:
    """One view per OPD that owns at least one element."""
    return [d for d in (opd_view(ctx, o) for o in sorted(ctx.model.opd)) if d is not None]
