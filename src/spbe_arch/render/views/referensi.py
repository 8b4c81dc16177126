"""``referensi-rab`` and ``referensi-ral``: the national catalogue trees (L1–L3) and coverage.

A node the Pemda's elements are classified under is filled with its domain colour, a node
with covered descendants is lightly filled, and a node nobody covers is white and dashed: the
gaps. A tree over the node limit is split per L1 sector, and a sector still over the limit
into parts of whole L2 branches.
"""

from __future__ import annotations

from spbe_arch.referensi import Katalog, Simpul
from spbe_arch.render.context import ViewContext
from spbe_arch.render.diagram import Diagram, Edge, Node
from spbe_arch.render.gaya import wrap
from spbe_arch.render.views.naming import view_name

CATALOGUES: dict[str, str] = {"RAB": "proses_bisnis", "RAL": "layanan"}
"""Catalogues drawn, with the domain whose colour marks coverage."""
MAX_LEVEL = 3


def _coverage(ctx: ViewContext, prefix: str) -> dict[str, list[str]]:
    """Catalogue code → ids of the elements classified under it."""
    out: dict[str, list[str]] = {}
    for element in ctx.model:
        if element.referensi and element.referensi.startswith(prefix + "."):
            out.setdefault(element.referensi, []).append(element.id)
    return out


def _node(
    ctx: ViewContext, s: Simpul, style: str, cover: dict[str, list[str]], partial: set[str]
) -> Node:
    by = cover.get(s.kode, [])
    mark = "dicakup" if by else "sebagian" if s.kode in partial else "celah"
    tip = [f"{s.kode} — {s.nama}", f"L{s.level}"]
    if by:
        tip.append(ctx.t("Dicakup oleh: ", "Covered by: ") + ", ".join(by))
    caption = s.kode + (f" · {len(by)} " + ctx.t("elemen", "elements") if by else "")
    return Node(
        id=s.kode,
        label="\n".join(wrap(s.nama, max_lines=3)),
        caption=caption,
        style=style,
        tooltip="\n".join(tip),
        url=f"elemen.html#{by[0]}" if by else "",
        mark=mark,
        groups=(("sektor", s.kode.split(".")[1] if s.level > 1 else ""),),
    )


def _tree(katalog: Katalog, root: str) -> list[Simpul]:
    out = [katalog[root]]
    for child in katalog.children(root):
        if child.level <= MAX_LEVEL:
            out.extend(_tree(katalog, child.kode))
    return out


def _parts(katalog: Katalog, l1: Simpul, limit: int) -> list[list[Simpul]]:
    """Whole L2 branches packed into parts of at most ``limit`` nodes (each with the L1 node)."""
    parts: list[list[Simpul]] = [[l1]]
    for l2 in katalog.children(l1.kode):
        branch = _tree(katalog, l2.kode)
        if len(parts[-1]) > 1 and len(parts[-1]) + len(branch) > limit:
            parts.append([l1])
        parts[-1].extend(branch)
    return parts


STAGGER = 3
"""Leaves of one parent are spread over this many columns, so long lists fold up."""


def _edges(katalog: Katalog, members: list[Simpul], ids: set[str]) -> list[Edge]:
    edges = []
    leaf_index: dict[str, int] = {}
    for s in members:
        if s.induk is None or s.induk not in ids:
            continue
        minlen = 1
        if katalog.is_leaf(s.kode) or s.level == MAX_LEVEL:
            i = leaf_index.get(s.induk, 0)
            leaf_index[s.induk] = i + 1
            minlen = 1 + i % STAGGER
        edges.append(Edge(s.induk, s.kode, style="hierarki", minlen=minlen))
    return edges


def referensi(ctx: ViewContext) -> list[Diagram]:
    """Coverage trees of RAB and RAL, split per L1 sector (and L2 branches) when too big."""
    katalog = ctx.katalog
    if katalog is None:
        return []
    out: list[Diagram] = []
    for prefix, style in CATALOGUES.items():
        if prefix not in katalog.prefixes:
            continue
        cover = _coverage(ctx, prefix)
        partial = {a.kode for c in cover if c in katalog for a in katalog.ancestors(c)}
        roots = katalog.nodes(prefix, 1)
        every = [s for r in roots for s in _tree(katalog, r.kode)]
        leaves = [s for s in every if s.level == MAX_LEVEL or katalog.is_leaf(s.kode)]
        done = sum(1 for s in leaves if s.kode in cover)
        head = ctx.t(
            f"Cakupan {katalog.nama_katalog(prefix)} ({prefix})",
            f"Coverage of the {prefix} reference tree",
        )
        stat = ctx.t(
            f"{done} dari {len(leaves)} simpul daun dicakup",
            f"{done} of {len(leaves)} leaf nodes covered",
        )
        legend = tuple(f"{style}:{m}" for m in ("dicakup", "sebagian", "celah"))
        groups: list[tuple[str, str, list[Simpul]]] = []
        notice = ""
        if len(every) <= ctx.max_nodes:
            groups.append((view_name("referensi", prefix), f"{head} — {stat}", every))
        else:
            notice = ctx.t(
                f"{view_name('referensi', prefix)}: {len(every)} simpul > batas {ctx.max_nodes}: "
                "dipecah per sektor L1",
                f"{view_name('referensi', prefix)}: {len(every)} nodes > limit {ctx.max_nodes}: "
                "split per L1 sector",
            )
            for root in roots:
                parts = _parts(katalog, root, ctx.max_nodes)
                for i, part in enumerate(parts, 1):
                    name = view_name("referensi", root.kode)
                    suffix = ""
                    if len(parts) > 1:
                        name += f"-bagian-{i}"
                        suffix = ctx.t(f" (bagian {i}/{len(parts)})", f" (part {i}/{len(parts)})")
                    title = f"{head}: {root.kode} {root.nama}{suffix} — {stat}"
                    groups.append((name, title, part))
        for name, title, members in groups:
            if len(groups) > 1:
                mine = [s for s in members if s.level == MAX_LEVEL or katalog.is_leaf(s.kode)]
                got = sum(1 for s in mine if s.kode in cover)
                title += ctx.t(
                    f" (di sini: {got} dari {len(mine)})", f" (here: {got} of {len(mine)})"
                )
            nodes = [_node(ctx, s, style, cover, partial) for s in members]
            ids = {s.kode for s in members}
            edges = _edges(katalog, members, ids)
            out.append(
                Diagram(
                    name=name,
                    family="referensi",
                    title=title,
                    nodes=tuple(nodes),
                    edges=tuple(e for e in edges),
                    rankdir="LR",
                    legend=legend,
                    split=("sektor",),
                    notice=notice,
                    lang=ctx.lang,
                    attrs=(("ranksep", "0.4"), ("nodesep", "0.12")),
                )
            )
    return out
