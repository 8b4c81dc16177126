"""``infrastruktur``: where everything runs.

Each fasilitas komputasi is a cluster holding the devices placed in it; inside it, each
physical server or komputasi awan that hosts virtual servers is a dashed cluster with its
guests, so "virtual on physical" reads as containment rather than as an arrow. Aplikasi sit
on top with "berjalan di" arrows to their hosts; platform software and jaringan intra below.
"""

from __future__ import annotations

from spbe_arch.render.context import ViewContext
from spbe_arch.render.diagram import Cluster, Diagram
from spbe_arch.render.gaya import legend_styles

SKIPPED = frozenset({"opd", "referensi", "walidata", "operator", "fasilitas", "unit_pelaksana",
                     "integrasi.aplikasi", "integrasi.data", "integrasi.melalui"})  # fmt: skip
"""Placement in a fasilitas is shown by containment; data exchanges in ``integrasi``."""
ROW_WIDTH = 8
APP_FIELDS = frozenset({"infrastruktur", "sistem_penghubung", "jaringan"})


def _host_cluster(ctx: ViewContext, host: str, guests: dict[str, list[str]]) -> Cluster:
    """A host and its guests; guests that host others become nested clusters."""
    inner = tuple(_host_cluster(ctx, g, guests) for g in guests.get(host, []) if g in guests)
    plain = tuple(g for g in guests.get(host, []) if g not in guests)
    nama = str(getattr(ctx.model.get(host), "nama", host))
    return Cluster(f"host_{host}", nama, "host", (host, *plain), inner)


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
    for fac in sorted(set(placed) | {i for i in infra if model.elemen[i].KIND == "fasilitas_komputasi"}):
        members = placed.get(fac, [])
        hosts = tuple(_host_cluster(ctx, h, guests) for h in tops if h in members)
        plain = tuple(m for m in members if m not in guests)
        nama = str(getattr(model.get(fac), "nama", fac))
        clusters.append(Cluster(f"fasilitas_{fac}", nama, "fasilitas", (fac, *plain), hosts))
        in_facility |= set(members)
    clusters += [_host_cluster(ctx, h, guests) for h in tops if h not in in_facility]
    app_ids = tuple(sorted(apps))
    if app_ids:
        rows = tuple(app_ids[i : i + ROW_WIDTH] for i in range(0, len(app_ids), ROW_WIDTH))
        label = ctx.t("Aplikasi SPBE", "SPBE applications")
        clusters.insert(0, Cluster("band_aplikasi", label, "band:aplikasi", app_ids, rows=rows))
    edges = [ctx.dependency_edge(lk) for lk in ctx.links(ids, SKIPPED)]
    nodes = [ctx.node(i) for i in ids]
    return [
        Diagram(
            name="infrastruktur",
            family="infrastruktur",
            title=ctx.t("Infrastruktur SPBE", "SPBE infrastructure") + f" — {ctx.pemda}",
            nodes=tuple(nodes),
            edges=tuple(edges),
            clusters=tuple(clusters),
            legend=tuple(legend_styles({n.style for n in nodes})),
            split=("domain", "opd"),
            chain=("band_aplikasi",),
            lang=ctx.lang,
        )
    ]
