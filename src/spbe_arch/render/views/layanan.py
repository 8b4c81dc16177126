"""``layanan-<id>``: the chain behind one layanan, drawn in the layered bands of ``lapisan``.

The chain is everything the layanan depends on, transitively: the proses bisnis it realises,
the data it uses, the aplikasi that deliver it or support its proses bisnis, and the
infrastructure those run on (hosts, facilities, networks), plus the keamanan programmes
covering any of them. The walk stops at an integration partner and at the proses bisnis that
produce a data set, so another OPD's chain is not pulled in whole.
"""

from __future__ import annotations

from dataclasses import replace

from spbe_arch.model.relasi import ARSITEKTUR_KINDS
from spbe_arch.render.context import ViewContext
from spbe_arch.render.diagram import Diagram
from spbe_arch.render.views.lapisan import banded
from spbe_arch.render.views.naming import view_name


def layanan_view(ctx: ViewContext, ident: str) -> Diagram:
    """The chain proses bisnis → data → aplikasi → infrastruktur behind one layanan."""
    chain = behind(ctx, ident)
    # Programmes that name an element of the chain (a domain-wide programme is on every
    # chain alike and is shown in the lapisan views instead).
    named = {
        p.id: set(getattr(p, "melindungi", []))
        for p in ctx.model.of_domain("keamanan")
        if getattr(p, "melindungi", None)
    }
    chain |= {p for p, covered in named.items() if covered & chain}
    nama = str(getattr(ctx.model.get(ident), "nama", ident))
    title = ctx.t("Layanan", "Service") + f": {nama} ({ident})"
    owner = ctx.model.owner(ident) or ""
    name = view_name("layanan", ident)
    # A chain is deep (hosts under hosts): wider rows keep it on one landscape page.
    view = banded(ctx, name, "layanan", title, chain, fokus=ident, opd=owner, row_width=8)
    # A chain is one story: it is cut only when no tighter layout fits the paper
    # (render/fit.py), then by domain layer, each part carrying what its elements relate to
    # in the other parts (dashed) so that no relation is lost, and linking to the others.
    return replace(view, split=("domain",), refer=False, refer_all=True, ext=ctx.ext)


def behind(ctx: ViewContext, ident: str) -> set[str]:
    """The element and everything it depends on, transitively, minus other OPDs' chains."""
    graph = ctx.graph
    kinds = set(ARSITEKTUR_KINDS)
    seen, expanded, frontier = {ident}, set(), [ident]
    while frontier:
        node = frontier.pop()
        if node in expanded:
            continue
        expanded.add(node)
        for link in (*graph.links_from(node), *graph.links_to(node)):
            if link.field in ("opd", "referensi") or link.dependent != node:
                continue
            dep = link.dependency
            if graph.kind(dep) not in kinds:
                continue
            seen.add(dep)
            stop = link.field == "integrasi.aplikasi" or (
                link.field == "proses_bisnis" and graph.kind(node) == "data"
            )
            if not stop:
                frontier.append(dep)
    return seen


def layanan_views(ctx: ViewContext) -> list[Diagram]:
    """One view per layanan, sorted by id."""
    return [layanan_view(ctx, e.id) for e in ctx.model.of_kind("layanan")]
