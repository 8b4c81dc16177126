"""``integrasi``: aplikasi, the data they exchange, the sistem penghubung layanan and networks.

Aplikasi sit on the left (one cluster per owner OPD), sistem penghubung layanan in the
middle, the jaringan intra on the right (left to right, so the many aplikasi stack up instead
of making one very wide row). Every ``aplikasi.integrasi`` item is a bold blue arrow in the
direction the data flows (``kirim``, ``terima``, two-headed for ``dua_arah``), routed through
its sistem penghubung when it names one, and labelled with the data exchanged.
"""

from __future__ import annotations

from dataclasses import replace

from spbe_arch.model.aplikasi import Aplikasi, ArahIntegrasi, Integrasi
from spbe_arch.render.context import ViewContext
from spbe_arch.render.diagram import Cluster, Diagram, Edge, Node
from spbe_arch.render.gaya import wrap

NETWORK_FIELDS = frozenset({"jaringan", "terhubung_ke", "sistem_penghubung"})


def _data_label(ctx: ViewContext, item: Integrasi) -> str:
    names = [str(getattr(ctx.model.get(d), "nama", d)) for d in item.data]
    if not names:
        return ""
    return "\n".join(wrap(", ".join(names), 24, max_lines=3))


def _exchange(
    ctx: ViewContext, app: Aplikasi, item: Integrasi, index: int
) -> tuple[list[Edge], Node | None]:
    """The edges of one data exchange (through its SPL, when it names one), and the note
    naming the data exchanged: a small node on the way, inside the sender's OPD frame, so the
    layout keeps it clear of every other text and frame."""
    label = _data_label(ctx, item)
    send = item.arah is not ArahIntegrasi.TERIMA
    both = item.arah is ArahIntegrasi.DUA_ARAH
    a, b = app.id, item.aplikasi or ""  # the caller passes only exchanges with a partner id
    note = None
    if label:
        ident = f"_data_{a}_{index}"
        note = Node(
            id=ident,
            label=label,
            caption="",
            style="catatan",
            tooltip=label.replace("\n", " "),
            groups=(("opd", ctx.model.owner(a) or ""), ("domain", "catatan")),
        )
    edges: list[Edge] = []
    if item.melalui:
        s = item.melalui
        # Both aplikasi are laid out before the SPL; arrowheads follow the flow of data.
        if note is not None:
            edges += (
                [
                    Edge(a, note.id, "", "aliran", both=both),
                    Edge(note.id, s, "", "aliran", both=both),
                ]
                if send
                else [
                    Edge(s, note.id, "", "aliran", reverse=True),
                    Edge(note.id, a, "", "aliran", reverse=True),
                ]
            )
        else:
            edges.append(
                Edge(a, s, "", "aliran", both=both)
                if send
                else Edge(s, a, "", "aliran", reverse=True)
            )
        edges.append(
            Edge(s, b, "", "aliran", reverse=True, both=both) if send else Edge(b, s, "", "aliran")
        )
        return edges, note
    src, dst = (a, b) if send else (b, a)
    if note is None:
        return [Edge(src, dst, "", "aliran", both=both, constraint=False)], None
    return [
        Edge(src, note.id, "", "aliran", both=both),
        Edge(note.id, dst, "", "aliran", both=both),
    ], note


def integrasi(ctx: ViewContext) -> list[Diagram]:
    """The integration map of the whole Pemda (split per OPD when too big)."""
    model = ctx.model
    kinds = {"aplikasi", "sistem_penghubung_layanan", "jaringan_intra"}
    edges: list[Edge] = []
    notes: list[Node] = []
    via: set[tuple[str, str]] = set()
    for app in model.of_kind("aplikasi"):
        assert isinstance(app, Aplikasi)
        for index, item in enumerate(app.integrasi):
            if item.aplikasi is None or ctx.graph.kind(item.aplikasi) != "aplikasi":
                continue
            if item.melalui and ctx.graph.kind(item.melalui) != "sistem_penghubung_layanan":
                continue
            found, note = _exchange(ctx, app, item, index)
            edges.extend(found)
            if note is not None:
                notes.append(note)
            if item.melalui:
                via |= {(app.id, item.melalui), (item.aplikasi, item.melalui)}
    note_ids = {n.id for n in notes}
    ids = ({e.source for e in edges} | {e.target for e in edges}) - note_ids
    for link in ctx.graph.all_links():
        if link.field in NETWORK_FIELDS and ctx.graph.kind(link.source) in kinds:
            ids |= {link.source, link.target}
    for link in ctx.links(ids, ()):
        if link.field not in NETWORK_FIELDS or (link.source, link.target) in via:
            continue
        edge = ctx.dependency_edge(link)
        # Nearly every aplikasi uses the same jaringan: unlabelled, these merge into a bus.
        edges.append(replace(edge, label="") if link.field == "jaringan" else edge)
    nodes = [ctx.node(i) for i in sorted(ids)] + notes
    by_opd: dict[str, list[str]] = {}
    for n in nodes:
        if n.style in ("aplikasi", "catatan"):
            by_opd.setdefault(n.group("opd"), []).append(n.id)
    clusters = [
        Cluster(f"opd_{o or '_'}", ctx.opd_name(o), "opd", tuple(members), url=ctx.opd_url(o))
        for o, members in sorted(by_opd.items())
    ]
    legend = [s for s in ("aplikasi", "infrastruktur") if any(n.style == s for n in nodes)]
    return [
        Diagram(
            name="integrasi",
            family="integrasi",
            title=ctx.t("Peta integrasi aplikasi", "Application integration map")
            + f" — {ctx.pemda}",
            nodes=tuple(nodes),
            edges=tuple(edges),
            clusters=tuple(clusters),
            rankdir="LR",
            attrs=(("concentrate", "true"),),
            legend=tuple(legend),
            split=("opd",),
            pinned=tuple(n.id for n in nodes if n.style not in ("aplikasi", "catatan")),
            lang=ctx.lang,
        )
    ]
