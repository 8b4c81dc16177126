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
from spbe_arch.render.gaya import kind_label, relation_style, shorten, style_of, wrap

ELEMENT_PAGE = "elemen.html"
"""The generated page listing every element; SVG nodes link to its anchors."""

GUARDED = frozenset({"data", "aplikasi", "infrastruktur"})
"""Node styles a security programme is expected to cover (Perpres 95/2018, Keamanan SPBE)."""

LAYER_FIELDS_SKIPPED = frozenset({"opd", "referensi", "walidata", "unit_pelaksana", "operator"})
"""Ownership-like relations that views do not draw as arrows (clusters show them instead)."""


@dataclass(slots=True)
class ViewContext:
    """The inputs of every view builder."""

    graph: ModelGraph
    katalog: Katalog | None = None
    lang: str = "id"
    max_nodes: int = 80
    ext: str = "svg"
    """The format the views are drawn in (their links name ``<view>.<ext>``)."""
    protected: dict[str, list[str]] = field(default_factory=dict)
    stamp: str = ""
    state: str = ""
    """``as-is (2024)``, ``to-be (2029)``, ``tahun 2027``: added to every title."""
    changes: dict[str, tuple[str, tuple[str, ...]]] = field(default_factory=dict)
    """Element id → (``baru``/``diubah``/``dihentikan``, roadmap item ids), for gap views."""
    depth: int | None = 1
    """How many relations a ``fokus`` view follows from its element (None: all)."""

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
        style = style_of(kind)
        cover = self.protected.get(ident)
        if cover:
            tip.append(self.t("Dilindungi: ", "Protected by: ") + ", ".join(cover))
        unprotected = not cover and style in GUARDED
        if unprotected:
            tip.append(self.t("Belum dicakup program keamanan", "No security programme covers it"))
        asal = getattr(obj, "asal", None)
        origin = str(asal.value) if kind == "aplikasi" and asal is not None else ""
        change, items = self.changes.get(ident, ("", ()))
        text = f"{ident} · {caption}"
        if change:
            word = {
                "baru": self.t("baru", "new"),
                "diubah": self.t("diubah", "changed"),
                "dihentikan": self.t("dihentikan", "retired"),
            }[change]
            text += f"\n{word}: {', '.join(items)}"
            tip.append(f"{word}: {', '.join(items)}")
        owner = self.model.owner(ident) or ""
        return Node(
            id=ident,
            label="\n".join(wrap(nama)),
            caption=text,
            style=style,
            tooltip="\n".join(tip),
            url=self.url_of(ident, kind),
            mark=mark,
            groups=(("opd", owner), ("domain", style), ("urusan", self.urusan_of(owner))),
            origin=origin,
            unprotected=unprotected,
            change=change,
        )

    def url_of(self, ident: str, kind: str) -> str:
        """Where a click on an element leads: a layanan to its chain view, an aplikasi to its
        focus view, anything else to its entry on the element page (drill-down)."""
        from spbe_arch.render.views.naming import view_name

        if kind == "layanan":
            return f"{view_name('layanan', ident)}.{self.ext}"
        if kind == "aplikasi":
            return f"{view_name('fokus', ident)}.{self.ext}"
        return f"{ELEMENT_PAGE}#{ident}"

    def opd_url(self, opd: str) -> str:
        """The OPD view a frame of that OPD links to."""
        from spbe_arch.render.views.naming import view_name

        return f"{view_name('opd', opd)}.{self.ext}" if opd in self.model.opd else ""

    def urusan_of(self, opd: str) -> str:
        """The urusan group of an OPD (the first digit of its first bidang urusan code,
        Permendagri 90/2019), or empty when it names none."""
        konf = self.model.opd.get(opd)
        codes = getattr(konf, "bidang_urusan", None) or []
        return str(codes[0]).split(".")[0] if codes else ""

    def links(self, ids: Iterable[str], skip: Iterable[str] = LAYER_FIELDS_SKIPPED) -> list[Link]:
        """Relations between the given nodes, minus the skipped fields, sorted."""
        # Walks the links written in each node (not every link of the model), so a view costs
        # the size of its own neighbourhood: many small views of a large model stay linear.
        skipped = set(skip) | {"opd", "referensi"}
        wanted = {i for i in ids if i in self.graph}
        found = {
            lk
            for i in wanted
            for lk in self.graph.links_from(i)
            if lk.target in wanted and lk.field not in skipped
        }
        return sorted(found, key=lambda lk: (lk.source, lk.target, lk.field, lk.path))

    def near(self, ident: str, depth: int | None, *, upstream: bool) -> list[str]:
        """What ``ident`` depends on (``upstream``) or what depends on it, up to ``depth``
        relations away (every step when None), sorted."""
        if depth is None:
            return (
                self.graph.depends_on(ident, transitive=True)
                if upstream
                else self.graph.dependents_of(ident, transitive=True)
            )
        seen: set[str] = set()
        frontier = {ident}
        for _ in range(depth):
            step: set[str] = set()
            for node in frontier:
                step.update(
                    self.graph.depends_on(node) if upstream else self.graph.dependents_of(node)
                )
            frontier = step - seen - {ident}
            seen |= frontier
            if not frontier:
                break
        return sorted(seen)

    def edge(self, link: Link, *, reverse: bool = False) -> Edge:
        """The diagram edge of one relation, styled by its relation type."""
        field_ = link.field
        if field_ == "layanan" and self.graph.kind(link.source) == "data":
            field_ = "data"
        style = relation_style(field_, self.graph.kind(link.source) or "")
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
