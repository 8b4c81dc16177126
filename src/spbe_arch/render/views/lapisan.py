"""``lapisan``: the layered overview (layanan → proses bisnis → data → aplikasi → infrastruktur).

Each domain is a horizontal band (rows of the same rank, stacked in a fixed order); the red
bands sit in the *layanan digital terintegrasi* group and the blue ones in *dukungan TIK
terintegrasi* (the official Arsitektur SPBE illustration, Perpres 132/2022; docs/diagrams.md).
Keamanan is an overlay: its programmes form the last band, and data, aplikasi and
infrastructure that no programme covers get a red dashed border (instead of "protects" lines
crossing the whole picture). The Pemda-wide view, too big for a page, is split per group of
urusan (Permendagri 90/2019) with the shared infrastructure carried into each part as a
reference. Also used by ``layanan-<id>`` (the chain behind one layanan).
"""

from __future__ import annotations

from collections.abc import Iterable

from spbe_arch.model.base import owners_of
from spbe_arch.render.context import LAYER_FIELDS_SKIPPED, ViewContext
from spbe_arch.render.diagram import Cluster, Diagram, Edge
from spbe_arch.render.gaya import BLUE_GROUP, RED_GROUP
from spbe_arch.render.views.naming import view_name

BANDS: tuple[str, ...] = (*RED_GROUP, "aplikasi", "infrastruktur", "keamanan")
"""Band order, top to bottom."""

ROW_WIDTH = 6
"""Nodes per row inside a band: wide bands wrap into several rows."""
MAX_EDGE_LABELS = 40
"""Above this many edges the relation labels are left out (the arrows stay)."""


def banded(
    ctx: ViewContext,
    name: str,
    family: str,
    title: str,
    ids: Iterable[str],
    fokus: str | None = None,
    opd: str = "",
    row_width: int = ROW_WIDTH,
) -> Diagram:
    """A layered diagram of the given elements (the shared builder of lapisan and layanan).

    ``fokus`` is emphasised and kept in every part when the diagram has to be split.
    """
    wanted = sorted(set(ids))
    nodes = [ctx.node(i, mark="fokus" if i == fokus else "") for i in wanted]
    rank = {band: i for i, band in enumerate(BANDS)}
    style = {n.id: n.style for n in nodes}
    links = ctx.links(wanted, LAYER_FIELDS_SKIPPED | {"melindungi"})
    inner = [lk for lk in links if style[lk.source] == style[lk.target]]
    # A parent proses bisnis reads best above its children; other relations go guest → host.
    order = [
        (lk.target, lk.source) if lk.field == "induk" else (lk.dependent, lk.dependency)
        for lk in inner
    ]
    level = _levels(wanted, order)
    edges: list[Edge] = []
    for link in links:
        top, bottom = rank.get(style[link.source], 9), rank.get(style[link.target], 9)
        if top == bottom:
            top, bottom = level[link.source], level[link.target]
        edge = ctx.edge(link, reverse=top > bottom)
        if top == bottom:
            edge = Edge(edge.source, edge.target, edge.label, edge.style, constraint=False)
        edges.append(edge)
    groups = []
    for gid, members_of, label in (
        ("merah", RED_GROUP, ctx.t("Layanan digital terintegrasi", "Integrated digital services")),
        ("biru", BLUE_GROUP, ctx.t("Dukungan TIK terintegrasi", "Integrated ICT support")),
    ):
        # Bands are rows, not clusters: dot routes an edge around every cluster it does not
        # belong to, so framed bands pushed aplikasi → layanan edges around the picture.
        # The red/blue grouping shows as the colours and in the legend instead.
        rows: list[tuple[str, ...]] = []
        labels: list[str] = []
        for band in members_of:
            members = [n.id for n in nodes if n.style == band]
            for depth in sorted({level[m] for m in members}):
                row = [m for m in members if level[m] == depth]
                width = row_width if band != "keamanan" else row_width - 1
                for i in range(0, len(row), width):
                    rows.append(tuple(row[i : i + width]))
                    labels.append(band)
        if rows:
            members_all = tuple(n for row in rows for n in row)
            groups.append(
                Cluster(
                    f"kelompok_{gid}",
                    label,
                    "baris",
                    members_all,
                    rows=tuple(rows),
                    row_labels=tuple(labels),
                )
            )
    legend = [b for b in BANDS if any(n.style == b for n in nodes)]
    return Diagram(
        name=name,
        family=family,
        title=title,
        nodes=tuple(nodes),
        edges=tuple(edges),
        clusters=tuple(groups),
        chain=tuple(g.id for g in groups),
        legend=tuple(legend),
        split=("urusan", "opd", "domain"),
        pinned=tuple(i for i in wanted if i == fokus),
        max_edge_labels=MAX_EDGE_LABELS,
        lang=ctx.lang,
        opd=opd,
        refer=True,
    )


def _levels(ids: list[str], deps: list[tuple[str, str]]) -> dict[str, int]:
    """Depth of each node along dependencies inside its band (a guest above its host).

    Longest path from the nodes nothing depends on; a cycle stops growing at the band size.
    """
    level = dict.fromkeys(ids, 0)
    cap = len(ids)
    for _ in range(cap):
        changed = False
        for dependent, dependency in deps:
            want = min(cap, level[dependent] + 1)
            if want > level[dependency]:
                level[dependency] = want
                changed = True
        if not changed:
            break
    return level


def _with_security(ctx: ViewContext, ids: set[str], opd: str | None = None) -> set[str]:
    """The elements plus the keamanan programmes that cover them (or that the OPD owns)."""
    programmes = {p for i in ids for p in ctx.protected.get(i, [])}
    if opd is not None:
        programmes |= {e.id for e in ctx.model.of_domain("keamanan") if opd in owners_of(e)}
    return ids | programmes


def lapisan(ctx: ViewContext) -> list[Diagram]:
    """The Pemda-wide layered overview, then one per OPD that owns elements."""
    layers = ("proses_bisnis", "data", "layanan", "aplikasi")
    infra = [e.id for e in ctx.model.of_domain("infrastruktur")]
    all_ids = set(ctx.elements(*layers)) | set(infra)
    title = ctx.t("Arsitektur SPBE berlapis", "Layered SPBE architecture")
    programmes = {e.id for e in ctx.model.of_domain("keamanan")}
    out = [banded(ctx, "lapisan", "lapisan", f"{title} — {ctx.pemda}", all_ids | programmes)]
    for opd in sorted(ctx.model.opd):
        own = {i for i in all_ids if opd in ctx.model.owners(i)}
        if not own:
            continue
        label = f"{title} — {ctx.model.opd[opd].nama}"
        out.append(
            banded(
                ctx,
                view_name("lapisan", opd),
                "lapisan",
                label,
                _with_security(ctx, own, opd),
                opd=opd,
            )
        )
    return out
