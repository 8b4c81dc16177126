"""``infrastruktur``: where everything runs.

Each fasilitas komputasi is a cluster holding the devices placed in it; inside it, each
physical server or komputasi awan that hosts virtual servers is a dashed cluster with its
guests, so "virtual on physical" reads as containment rather than as an arrow. Aplikasi sit
on top with "berjalan di" arrows to their hosts; platform software and jaringan intra below.
"""

from __future__ import annotations

from spbe_arch.render.context import ViewContext
from spbe_arch.render.diagram import Cluster, Diagram, Edge, Node
from spbe_arch.render.gaya import legend_styles, wrap

SKIPPED = frozenset(
    {
        "opd",
        "referensi",
        "walidata",
        "operator",
        "fasilitas",
        "unit_pelaksana",
        "integrasi.aplikasi",
        "integrasi.data",
        "integrasi.melalui",
    }
)
"""Placement in a fasilitas is shown by containment; data exchanges in ``integrasi``."""
ROW_WIDTH = 8
APP_FIELDS = frozenset({"infrastruktur"})
"""An aplikasi appears here through where it runs; its SPL and jaringan are in ``integrasi``."""


def _host_cluster(ctx: ViewContext, host: str, guests: dict[str, list[str]]) -> Cluster:
    """A host and its guests; guests that host others become nested clusters."""
    inner = tuple(_host_cluster(ctx, g, guests) for g in guests.get(host, []) if g in guests)
    plain = tuple(g for g in guests.get(host, []) if g not in guests)
    nama = str(getattr(ctx.model.get(host), "nama", host))
    return Cluster(f"host_{host}", nama, "host", (host, *plain), inner)


BUNDLE = 3
"""A host running more aplikasi than this shows them as one list node, not one box each."""


def _bundle_apps(
    ctx: ViewContext, nodes: list[Node], edges: list[Edge]
) -> tuple[list[Node], list[Edge]]:
    """Replace the aplikasi of busy hosts by one list node per host (keeps the picture narrow)."""
    runs: dict[str, list[str]] = {}
    for e in edges:
        if ctx.graph.kind(e.source) == "aplikasi" and e.label:
            runs.setdefault(e.target, []).append(e.source)
    busy = {h: sorted(apps) for h, apps in runs.items() if len(apps) > BUNDLE}
    if not busy:
        return nodes, edges
    bundled = {a for apps in busy.values() for a in apps}
    kept = {e.source for e in edges if e.target not in busy and e.source in bundled}
    out_edges = [e for e in edges if not (e.source in bundled and e.target in busy)]
    out_nodes = [n for n in nodes if n.id not in bundled or n.id in kept]
    for host, apps in sorted(busy.items()):
        names = [str(getattr(ctx.model.get(a), "nama", a)) for a in apps]
        shown = [wrap(n, 28, max_lines=1)[0] for n in names[:MAX_LISTED]]
        if len(names) > MAX_LISTED:
            shown.append(
                ctx.t(f"+{len(names) - MAX_LISTED} lainnya", f"+{len(names) - MAX_LISTED} more")
            )
        ident = f"aplikasi@{host}"
        tooltip = "\n".join(f"{a} — {n}" for a, n in zip(apps, names, strict=True))
        out_nodes.append(
            Node(
                id=ident,
                label="\n".join(shown),
                caption=ctx.t(f"{len(apps)} aplikasi", f"{len(apps)} applications"),
                style="aplikasi",
                tooltip=tooltip,
                url=f"elemen.html#{apps[0]}",
                groups=(("opd", ""), ("domain", "aplikasi")),
            )
        )
        out_edges.append(Edge(ident, host, "berjalan di"))
    return out_nodes, out_edges


MAX_LISTED = 10


def infrastruktur(ctx: ViewContext) -> list[Diagram]:
    """The infrastructure map of the whole Pemda, with the aplikasi that run on it."""
    model = ctx.model
    infra = [e.id for e in model.of_domain("infrastruktur")]
    apps = {
        lk.source
        for i in infra
        for lk in ctx.graph.links_to(i, kinds=("aplikasi",))
        if lk.field in APP_FIELDS
    }
    ids = sorted(set(infra) | apps)
    guests: dict[str, list[str]] = {}
    for i in infra:
        host = getattr(model.elemen[i], "host", None)
        if host and ctx.graph.kind(host) in ("server", "komputasi_awan"):
            guests.setdefault(host, []).append(i)
    hosted = {g for gs in guests.values() for g in gs}
    tops = [h for h in sorted(guests) if h not in hosted]
    placed: dict[str, list[str]] = {}
    for i in infra:
        fasilitas = getattr(model.elemen[i], "fasilitas", None)
        if i not in hosted and fasilitas and ctx.graph.kind(fasilitas) == "fasilitas_komputasi":
            placed.setdefault(fasilitas, []).append(i)
    clusters: list[Cluster] = []
    in_facility: set[str] = set()
    for fac in sorted(
        set(placed) | {i for i in infra if model.elemen[i].KIND == "fasilitas_komputasi"}
    ):
        members = placed.get(fac, [])
        hosts = tuple(_host_cluster(ctx, h, guests) for h in tops if h in members)
        plain = tuple(m for m in members if m not in guests)
        nama = str(getattr(model.get(fac), "nama", fac))
        clusters.append(Cluster(f"fasilitas_{fac}", nama, "fasilitas", (fac, *plain), hosts))
        in_facility |= set(members)
    clusters += [_host_cluster(ctx, h, guests) for h in tops if h not in in_facility]
    edges = [
        ctx.dependency_edge(lk)
        for lk in ctx.links(ids, SKIPPED)
        if ctx.graph.kind(lk.source) != "aplikasi" or lk.field in APP_FIELDS
    ]
    nodes = [ctx.node(i) for i in ids]
    nodes, edges = _bundle_apps(ctx, nodes, edges)
    app_ids = tuple(sorted(n.id for n in nodes if n.style == "aplikasi"))
    if app_ids:
        rows = tuple(app_ids[i : i + ROW_WIDTH] for i in range(0, len(app_ids), ROW_WIDTH))
        label = ctx.t("Aplikasi SPBE", "SPBE applications")
        # Unframed rows: a frame would push every "berjalan di" edge around the picture.
        labels = ("aplikasi",) * len(rows)
        clusters.insert(
            0, Cluster("band_aplikasi", label, "baris", app_ids, rows=rows, row_labels=labels)
        )
    return [
        Diagram(
            name="infrastruktur",
            family="infrastruktur",
            title=ctx.t("Infrastruktur SPBE", "SPBE infrastructure") + f" — {ctx.pemda}",
            nodes=tuple(nodes),
            edges=tuple(edges),
            clusters=tuple(clusters),
            legend=tuple(legend_styles({n.style for n in nodes})),
            # Too big: every part keeps the whole infrastructure, the aplikasi are shared out.
            split=("opd",),
            pinned=tuple(i for i in infra if len(infra) < ctx.max_nodes // 2),
            chain=("band_aplikasi",),
            rankdir="LR",
            lang=ctx.lang,
        )
    ]
