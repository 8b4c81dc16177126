"""The architecture as a graph: the only module that imports networkx.

Nodes are elements, OPDs, unit kerja and catalogue nodes; edges are the relations of the
relation table (typed by their field), plus ownership (``opd``) and classification
(``referensi``) edges. Rules and views talk to :class:`ModelGraph` verbs, never to networkx.

Dependency direction: an element *depends on* what it names (an aplikasi depends on the server
it runs on), except for relations marked ``forward=False`` in the table, which read the other
way (a layanan depends on the aplikasi that delivers it, although the aplikasi names it).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

import networkx as nx

from spbe_arch.model.arsitektur import Arsitektur
from spbe_arch.model.relasi import Relasi, relations_of, targets
from spbe_arch.referensi import Katalog

KATALOG_PREFIX = "katalog:"
"""Catalogue nodes are named ``katalog:<code>`` so they never clash with element ids."""


@dataclass(frozen=True, slots=True)
class Link:
    """One typed edge as written in the model: ``source`` names ``target`` in ``field``."""

    source: str
    target: str
    field: str
    label: str
    path: tuple[str | int, ...]
    forward: bool

    @property
    def dependent(self) -> str:
        """The end that depends on the other."""
        return self.source if self.forward else self.target

    @property
    def dependency(self) -> str:
        """The end that is depended on."""
        return self.target if self.forward else self.source


@dataclass(frozen=True, slots=True)
class Subgraph:
    """A plain, serialisable piece of the graph: node ids and links (for views and reports)."""

    nodes: tuple[str, ...]
    links: tuple[Link, ...]


@dataclass(frozen=True, slots=True)
class Dangling:
    """A relation whose target id does not exist, or exists with a kind the field does not allow."""

    source: str
    target: str
    relasi: Relasi
    path: tuple[str | int, ...]
    found_kind: str | None


class ModelGraph:
    """The typed graph of one :class:`Arsitektur`, with domain verbs."""

    def __init__(self, model: Arsitektur, katalog: Katalog | None = None) -> None:
        self.model = model
        self.katalog = katalog
        self._kind: dict[str, str] = {}
        self._nama: dict[str, str] = {}
        self._incoming: dict[str, list[Link]] = defaultdict(list)
        self._outgoing: dict[str, list[Link]] = defaultdict(list)
        self._by_field: dict[str, list[Link]] = defaultdict(list)
        self._sorted: list[Link] | None = None
        self.dangling: list[Dangling] = []
        self._build()

    # -- construction ---------------------------------------------------------------------
    def _build(self) -> None:
        # Plain dicts of links are all the rules need; networkx graphs are built only for the
        # algorithms (path, cycles), from the links they concern. Catalogue nodes are implicit:
        # :meth:`kind` knows every code of the catalogue without adding 1,100 nodes per model.
        model = self.model
        kinds = self._kind
        for ident, opd in model.opd.items():
            kinds[ident] = "opd"
            self._nama[ident] = opd.nama
        for ident, unit in model.unit_kerja.items():
            kinds[ident] = "unit_kerja"
            self._nama[ident] = unit.nama
            self._link(Link(ident, model.unit_kerja_opd[ident], "opd", "bagian dari", (), True))
        for ident, element in model.elemen.items():
            kinds[ident] = element.KIND
            self._nama[ident] = element.nama
        for ident, element in model.elemen.items():
            for relasi in relations_of(element.KIND):
                for path, target in targets(element.KIND, element, relasi):
                    found = kinds.get(target)
                    if found is None or found not in relasi.target:
                        self.dangling.append(Dangling(ident, target, relasi, path, found))
                        continue
                    self._link(
                        Link(ident, target, relasi.field, relasi.label, path, relasi.forward)
                    )
            code = element.referensi
            if code:
                self._link(
                    Link(ident, KATALOG_PREFIX + code, "referensi", "diklasifikasikan",
                         ("referensi",), True)
                )  # fmt: skip

    def _link(self, link: Link) -> None:
        self._outgoing[link.source].append(link)
        self._incoming[link.target].append(link)
        self._by_field[link.field].append(link)

    # -- single steps ---------------------------------------------------------------------
    def kind(self, ident: str) -> str | None:
        """The kind of a node (``aplikasi``, ``opd``, ``katalog`` …), or None when absent."""
        found = self._kind.get(ident)
        if found is not None:
            return found
        if ident.startswith(KATALOG_PREFIX):
            code = ident[len(KATALOG_PREFIX) :]
            known = self.katalog is not None and code in self.katalog
            return "katalog" if known or ident in self._incoming else None
        return None

    def __contains__(self, ident: object) -> bool:
        return isinstance(ident, str) and self.kind(ident) is not None

    def links_from(self, ident: str, field: str | None = None) -> list[Link]:
        """Links written in element ``ident`` (optionally of one field)."""
        return [lk for lk in self._outgoing.get(ident, ()) if field is None or lk.field == field]

    def links_to(
        self, ident: str, field: str | None = None, kinds: Iterable[str] | None = None
    ) -> list[Link]:
        """Links that name ``ident`` (optionally of one field, from sources of given kinds)."""
        wanted = set(kinds) if kinds is not None else None
        return [
            lk
            for lk in self._incoming.get(ident, ())
            if (field is None or lk.field == field)
            and (wanted is None or self.kind(lk.source) in wanted)
        ]

    def _structural(self, link: Link) -> bool:
        return link.field in ("opd", "referensi")

    # -- dependency verbs -----------------------------------------------------------------
    def depends_on(self, ident: str, *, transitive: bool = False) -> list[str]:
        """What ``ident`` depends on (sorted); ownership and classification not counted."""
        return self._walk(ident, transitive, upstream=True)

    def dependents_of(self, ident: str, *, transitive: bool = False) -> list[str]:
        """What depends on ``ident`` (sorted): the impact of changing or losing it."""
        return self._walk(ident, transitive, upstream=False)

    def _step(self, ident: str, upstream: bool) -> set[str]:
        out: set[str] = set()
        for link in (*self._outgoing.get(ident, ()), *self._incoming.get(ident, ())):
            if self._structural(link):
                continue
            if upstream and link.dependent == ident:
                out.add(link.dependency)
            elif not upstream and link.dependency == ident:
                out.add(link.dependent)
        out.discard(ident)
        return out

    def _walk(self, ident: str, transitive: bool, upstream: bool) -> list[str]:
        seen: set[str] = set()
        frontier = {ident}
        while frontier:
            nxt: set[str] = set()
            for node in frontier:
                nxt |= self._step(node, upstream)
            nxt -= seen | {ident}
            seen |= nxt
            frontier = nxt if transitive else set()
        return sorted(seen)

    def path(self, a: str, b: str) -> list[str] | None:
        """The shortest chain of relations between two elements, in either direction."""
        if a not in self or b not in self:
            return None
        view: nx.Graph[str] = nx.Graph()
        for link in self.all_links():
            if not self._structural(link):
                view.add_edge(link.source, link.target)
        view.add_nodes_from((a, b))
        try:
            return list(nx.shortest_path(view, a, b))
        except nx.NetworkXNoPath:
            return None

    def orphans(self, kind: str) -> list[str]:
        """Elements of ``kind`` that take part in no relation at all (ownership aside)."""
        return sorted(
            e.id
            for e in self.model.of_kind(kind)
            if not any(
                not self._structural(lk)
                for lk in (*self._outgoing.get(e.id, ()), *self._incoming.get(e.id, ()))
            )
        )

    def cycles(self, field: str) -> list[list[str]]:
        """Cycles formed by one relation field (each cycle sorted to start at its least id)."""
        sub: nx.DiGraph[str] = nx.DiGraph()
        for link in self._by_field.get(field, ()):
            sub.add_edge(link.source, link.target)
        found = []
        for cycle in nx.simple_cycles(sub):
            start = cycle.index(min(cycle))
            found.append(cycle[start:] + cycle[:start])
        return sorted(found)

    def all_links(self) -> list[Link]:
        """Every link, sorted by (source, field, path)."""
        if self._sorted is None:
            links = [lk for out in self._outgoing.values() for lk in out]
            self._sorted = sorted(links, key=lambda lk: (lk.source, lk.field, lk.path, lk.target))
        return list(self._sorted)

    # -- pieces ---------------------------------------------------------------------------
    def around(self, ident: str, depth: int = 1) -> Subgraph:
        """The element with everything within ``depth`` relations of it, both directions."""
        nodes = {ident}
        frontier = {ident}
        for _ in range(depth):
            nxt: set[str] = set()
            for node in frontier:
                nxt |= self._step(node, True) | self._step(node, False)
            frontier = nxt - nodes
            nodes |= nxt
        return self._sub(nodes)

    def of_opd(self, opd: str) -> Subgraph:
        """What an OPD owns, plus the elements of other OPDs its elements depend on."""
        own = {e.id for e in self.model.elemen.values() if e.opd == opd}
        own |= {u for u, o in self.model.unit_kerja_opd.items() if o == opd}
        nodes = set(own)
        for ident in own:
            nodes |= set(self.depends_on(ident))
        return self._sub(nodes)

    def among(self, nodes: Iterable[str]) -> Subgraph:
        """The given nodes (those that exist) with every relation between them, ownership aside."""
        return self._sub({n for n in nodes if n in self})

    def _sub(self, nodes: set[str]) -> Subgraph:
        links = tuple(
            lk
            for lk in self.all_links()
            if lk.source in nodes and lk.target in nodes and not self._structural(lk)
        )
        return Subgraph(tuple(sorted(nodes)), links)
