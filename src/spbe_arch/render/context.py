"""What every view reads: the graph, the catalogue, the language, and node/edge factories."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from spbe_arch.graph import Link, ModelGraph
from spbe_arch.model.arsitektur import Arsitektur
from spbe_arch.model.relasi import ARSITEKTUR_KINDS
from spbe_arch.referensi import Katalog
from spbe_arch.render.diagram import Edge, Node
from spbe_arch.render.gaya import kind_label, shorten, style_of, wrap

ELEMENT_PAGE = "elemen.html"
"""The generated page listing every element; SVG nodes link to its anchors."""

LAYER_FIELDS_SKIPPED = frozenset({"opd", "referensi", "walidata", "unit_pelaksana", "operator"})
"""Ownership-like relations that views do not draw as arrows (clusters show them instead)."""


@dataclass(slots=True)
class ViewContext:
    """The inputs of every view builder."""

    graph: ModelGraph
    katalog: Katalog | None = None
    lang: str = "id"
    max_nodes: int = 80
    protected: dict[str, list[str]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not self.protected:
            self.protected = _protection(self.model)

    @property
    def model(self) -> Arsitektur:
        """The loaded architecture."""
        return self.graph.model

    @property
    def pemda(self) -> str:
        """The Pemda's name for titles."""
        konf = self.model.konfigurasi
        return konf.pemda.nama if konf is not None else "Pemda"

    def t(self, indonesian: str, english: str) -> str:
        """Pick the text of the current language (titles and legend only)."""
        return english if self.lang == "en" else indonesian

    def opd_name(self, ident: str) -> str:
        """Short name of an OPD (its singkatan, else its name)."""
        opd = self.model.opd.get(ident)
        if opd is None:
            return ident or self.t("tanpa OPD", "no OPD")
        return opd.singkatan or opd.nama

    def elements(self, *kinds: str) -> list[str]:
        """Ids of architecture elements (optionally of some kinds), sorted."""
        wanted = set(kinds or ARSITEKTUR_KINDS)
        return sorted(i for i, e in self.model.elemen.items() if e.KIND in wanted)

    def node(self, ident: str, *, mark: str = "") -> Node:
        """The diagram node of an element, OPD or unit kerja."""
        kind = self.graph.kind(ident) or "katalog"
        obj = self.model.get(ident)
        nama = str(getattr(obj, "nama", ident))
        uraian = getattr(obj, "uraian", None)
        caption = kind_label(kind, self.lang)
        bentuk = getattr(obj, "bentuk", None)
        if bentuk is not None:
            caption = f"{caption} {bentuk.value}"
        tip = [f"{ident} — {nama}", f"{kind_label(kind, self.lang)}"]
        if uraian:
            tip.append(shorten(str(uraian)))
        cover = self.protected.get(ident)
        if cover:
            tip.append(self.t("Dilindungi: ", "Protected by: ") + ", ".join(cover))
            mark = mark or "dilindungi"
        owner = self.model.owner(ident) or ""
        return Node(
            id=ident,
            label="\n".join(wrap(nama)),
            caption=f"{ident} · {caption}",
            style=style_of(kind),
            tooltip="\n".join(tip),
            url=f"{ELEMENT_PAGE}#{ident}",
            mark=mark,
            groups=(("opd", owner), ("domain", style_of(kind))),
        )

    def links(self, ids: Iterable[str], skip: Iterable[str] = LAYER_FIELDS_SKIPPED) -> list[Link]:
        """Relations between the given nodes, minus the skipped fields, sorted."""
        skipped = set(skip)
        return [lk for lk in self.graph.among(ids).links if lk.field not in skipped]

    def edge(self, link: Link, *, reverse: bool = False) -> Edge:
        """The diagram edge of one relation (``melindungi`` dashed, hierarchy grey)."""
        style = {"melindungi": "melindungi", "induk": "hierarki"}.get(link.field, "")
        return Edge(link.source, link.target, link.label, style, reverse=reverse)

    def dependency_edge(self, link: Link) -> Edge:
        """An edge laid out from the dependent to what it depends on (top to bottom)."""
        return self.edge(link, reverse=not link.forward)


def _protection(model: Arsitektur) -> dict[str, list[str]]:
    """Element id → the security programmes that cover it (by name or by whole domain)."""
    out: dict[str, set[str]] = defaultdict(set)
    for prog in model.of_domain("keamanan"):
        for ident in getattr(prog, "melindungi", []):
            out[ident].add(prog.id)
        for domain in getattr(prog, "cakupan_domain", []):
            for element in model.of_domain(domain):
                out[element.id].add(prog.id)
    return {k: sorted(v) for k, v in sorted(out.items())}
