"""The architecture as a graph: the only module that imports networkx.

Nodes are elements, OPDs, unit kerja and catalogue nodes; edges are the relations of the
relation table (typed by their field), plus ownership (``opd``) and classification
(``referensi``) edges. Rules and views talk to :class:`ModelGraph` verbs, never to networkx.

Dependency direction: an element *depends on* what it names (an aplikasi depends on the server
it runs on), except for relations marked ``forward=False`` in the table, which read the other
way (a layanan depends on the aplikasi that delivers it, although the aplikasi names it).
"""

from __future__ import annotations

import functools
import operator
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import chain
from operator import attrgetter
from typing import TYPE_CHECKING, Any

from spbe_arch.model.arsitektur import Arsitektur
from spbe_arch.model.base import SELURUH_PEMDA, Elemen, owners_of
from spbe_arch.model.relasi import Relasi, relations_of, targets
from spbe_arch.referensi import Katalog

if TYPE_CHECKING:
    import networkx as nx

# networkx is imported by the two verbs that run its algorithms (``path``, and ``cycles`` once a
# cycle exists): it takes longer to import than checking a repository takes.

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


_Row = tuple[str, str, str, str, tuple[str | int, ...], bool]
"""A link not made yet: the arguments of :class:`Link`, in order."""


@functools.cache
def _plan(kind: str) -> tuple[tuple[Relasi, str, bool, frozenset[str]], ...]:
    """The relations a kind holds, each with its field's attribute, whether that attribute holds
    the ids itself (no ``integrasi.data``-like key inside list items), and the target kinds."""
    out = []
    for relasi in relations_of(kind):
        head, _, tail = relasi.field.partition(".")
        out.append((relasi, head, not tail, frozenset(relasi.target)))
    return tuple(out)


def _targets(
    kind: str, element: Elemen, relasi: Relasi, head: str, plain: bool, value: object
) -> Iterable[tuple[tuple[str | int, ...], str]]:
    """:func:`targets` of ``value`` (the element's ``head`` attribute, not None), with the common
    shapes inlined: a single id, or a list of ids, in the attribute itself."""
    if plain and isinstance(value, str):
        return (((head,), value),)
    if plain and isinstance(value, list):
        return [((head, j), v) for j, v in enumerate(value) if isinstance(v, str)]
    return targets(kind, element, relasi)


_REFERENSI: tuple[str | int, ...] = ("referensi",)
_NOT_NONE = functools.partial(operator.is_not, None)
"""``_NOT_NONE(v)`` is ``v is not None`` (``None is not v``), for C-level ``filter``."""
_SINGLE = frozenset({str, type(None)})
_MANY = frozenset({list, type(None)})


def _vouch(values: list[Any], many: bool, kinds: dict[str, str], allowed: frozenset[str]) -> bool:
    """Whether attribute values (one per element or item) name only ids of allowed kinds.

    True only when every value has the expected shape (an id or None; a list or None whose
    items are all ids) and every id has an allowed kind; anything else (an odd shape too) is
    left to the exact scan. Runs at C speed: ``map``/``filter``/``chain`` and set operations.
    """
    if many:
        if not _MANY.issuperset(map(type, values)):
            return False
        ids: Iterable[Any] = chain.from_iterable(filter(_NOT_NONE, values))
    else:
        if not _SINGLE.issuperset(map(type, values)):
            return False
        ids = filter(_NOT_NONE, values)
    # kinds.get gives None for an unknown id (or a non-str item), never an allowed kind.
    return allowed.issuperset(map(kinds.get, ids))


def _none_dangling(groups: dict[str, list[Elemen]], kinds: dict[str, str]) -> bool:
    """Whether no element (grouped by kind) names a missing id or one of a wrong kind.

    The build asks this of every relation of every element, and nearly every model has no
    dangling reference: the answer is read column by column (one attribute of all elements of a
    kind at once, at C speed) rather than element by element. False means "maybe": the exact
    scan (:meth:`ModelGraph._scan_dangling`) then finds them, in model order.
    """
    try:
        for kind, elements in groups.items():
            for relasi, head, plain, allowed in _plan(kind):
                values = list(map(attrgetter(head), elements))
                if plain:
                    # A list attribute; or one id (many=False), or None.
                    if not _vouch(values, relasi.many, kinds, allowed):
                        return False
                    continue
                _, _, tail = relasi.field.partition(".")
                if not _MANY.issuperset(map(type, values)):
                    return False
                items = chain.from_iterable(filter(_NOT_NONE, values))
                subs = list(map(attrgetter(tail), items))
                shapes = set(map(type, subs))
                if not (
                    (shapes <= _SINGLE and _vouch(subs, False, kinds, allowed))
                    or (shapes <= _MANY and _vouch(subs, True, kinds, allowed))
                ):
                    return False
    except (AttributeError, TypeError):  # a missing attribute, an unhashable item: odd shapes
        return False
    return True


def _has_cycle(edges: Iterable[tuple[str, str]]) -> bool:
    """Whether directed edges form a cycle (a self-loop counts): Kahn's topological sort."""
    successors: dict[str, list[str]] = defaultdict(list)
    indegree: dict[str, int] = defaultdict(int)
    for source, target in edges:
        successors[source].append(target)
        indegree[target] += 1
        indegree[source] += 0
    ready = [node for node, count in indegree.items() if count == 0]
    removed = 0
    while ready:
        node = ready.pop()
        removed += 1
        for target in successors.get(node, ()):
            indegree[target] -= 1
            if indegree[target] == 0:
                ready.append(target)
    return removed < len(indegree)


class UnknownIdError(KeyError):
    """A graph query named an id that is not in the model; the message suggests close ids."""

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else ""


class ModelGraph:
    """The typed graph of one :class:`Arsitektur`, with domain verbs.

    The queries take element ids (and OPD, unit kerja or ``katalog:<code>`` ids); an id the
    model does not have raises :class:`UnknownIdError` (a :class:`KeyError`) naming the
    closest ids, rather than answering "nothing" for a typo.

    >>> import spbe_arch
    >>> graph = spbe_arch.check("models/kabupaten-contoh").graph
    >>> graph.dependents_of("DAI-DISKOMINFO-SRV-01")
    ['DAI-DISKOMINFO-VM-01', 'DAI-DISKOMINFO-VM-04']
    >>> graph.dependents_of("DAI-DISKOMINFO-SRV-1")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    spbe_arch.graph.UnknownIdError: 'DAI-DISKOMINFO-SRV-1' is not in the model; did you mean ...
    """

    def __init__(self, model: Arsitektur, katalog: Katalog | None = None) -> None:
        self.model = model
        self.katalog = katalog
        self._kind: dict[str, str] = {}
        self._rows: list[_Row] | None = None
        self._classified: set[str] = set()
        self._field_links: dict[str, list[Link]] = {}
        self._field_incoming: dict[str, dict[str, list[Link]]] = {}
        self._index: tuple[dict[str, list[Link]], dict[str, list[Link]]] | None = None
        self._links: list[Link] | None = None
        self._groups: dict[str, list[Elemen]] = {}
        self._sorted: list[Link] | None = None
        self.dangling: list[Dangling] = []
        self._build()

    def __repr__(self) -> str:
        return f"<ModelGraph: {len(self._kind)} nodes, {len(self.dangling)} dangling references>"

    def _require(self, ident: str) -> None:
        """Raise :class:`UnknownIdError` unless ``ident`` is a node of this graph."""
        if ident in self:
            return
        import difflib

        near = difflib.get_close_matches(ident, list(self._kind), n=3, cutoff=0.6)
        named = [repr(n) for n in near]
        listed = f"{', '.join(named[:-1])} or {named[-1]}" if len(named) > 1 else "".join(named)
        hint = f"; did you mean {listed}?" if near else ""
        raise UnknownIdError(f"{ident!r} is not in the model{hint}")

    # -- construction ---------------------------------------------------------------------
    def _build(self) -> None:
        # Plain dicts of links are all the rules need; networkx graphs are built only for the
        # algorithms (path, cycles), from the links they concern. Catalogue nodes are implicit:
        # :meth:`kind` knows every code of the catalogue without adding 1,100 nodes per model.
        #
        # The build only records the kind of every id and finds the dangling references. The
        # links are read from the model when a verb first asks: the rows of one field when a
        # verb asks for one field (a check asks for four of ~25), every row otherwise. Like the
        # links, they are the model as it was when first asked.
        model = self.model
        kinds = self._kind
        for ident in model.opd:
            kinds[ident] = "opd"
        for ident in model.unit_kerja:
            kinds[ident] = "unit_kerja"
        groups: dict[str, list[Elemen]] = {}
        for ident, element in model.elemen.items():
            kind = kinds[ident] = element.KIND
            group = groups.get(kind)
            if group is None:
                groups[kind] = [element]
            else:
                group.append(element)
        self._groups = groups
        if not _none_dangling(groups, kinds):
            self.dangling = self._scan_dangling()

    def _scan_dangling(self) -> list[Dangling]:
        """Every dangling reference, in model order (element, relation, item): the exact scan
        for the rare model where :func:`_none_dangling` cannot vouch that there is none."""
        kinds = self._kind
        out: list[Dangling] = []
        for ident, element in self.model.elemen.items():
            kind = element.KIND
            for relasi, head, plain, allowed in _plan(kind):
                value = getattr(element, head, None)
                if value is None:
                    continue
                for path, target in _targets(kind, element, relasi, head, plain, value):
                    found = kinds.get(target)
                    if found is None and target == SELURUH_PEMDA and "opd" in allowed:
                        continue  # `opd: pemda`, `pengguna: pemda`: the whole Pemda, no node
                    if found is None or found not in allowed:
                        out.append(Dangling(ident, target, relasi, path, found))
        return out

    def _rows_of(self, field: str | None) -> tuple[list[_Row], set[str]]:
        """The rows of every link (``field`` None) or of one field, in model order, and the
        catalogue nodes the elements name (when every row is read)."""
        model = self.model
        kinds = self._kind
        rows: list[_Row] = []
        classified: set[str] = set()
        if field is None or field == "opd":
            for ident in model.unit_kerja:
                rows.append((ident, model.unit_kerja_opd[ident], "opd", "bagian dari", (), True))
        for ident, element in model.elemen.items():
            kind = element.KIND
            for relasi, head, plain, allowed in _plan(kind):
                if field is not None and relasi.field != field:
                    continue
                value = getattr(element, head, None)
                if value is None:
                    continue
                name, label, forward = relasi.field, relasi.label, relasi.forward
                for path, target in _targets(kind, element, relasi, head, plain, value):
                    found = kinds.get(target)
                    if found is not None and found in allowed:
                        rows.append((ident, target, name, label, path, forward))
            if field is None or field == "referensi":
                code = element.referensi
                if code:
                    node = KATALOG_PREFIX + code
                    classified.add(node)
                    rows.append((ident, node, "referensi", "diklasifikasikan", _REFERENSI, True))
        return rows, classified

    def _all_rows(self) -> list[_Row]:
        """Every row, in model order (read once)."""
        if self._rows is None:
            self._rows, self._classified = self._rows_of(None)
        return self._rows

    def _of_field(self, field: str) -> list[Link]:
        """The links of one field, in model order."""
        links = self._field_links.get(field)
        if links is None:
            if self._links is not None:
                links = [lk for lk in self._links if lk.field == field]
            else:
                links = [Link(*row) for row in self._rows_of(field)[0]]
            self._field_links[field] = links
        return links

    def _incoming_of(self, field: str) -> dict[str, list[Link]]:
        """The links of one field by target, each list in model order."""
        index = self._field_incoming.get(field)
        if index is None:
            index = {}
            for link in self._of_field(field):
                index.setdefault(link.target, []).append(link)
            self._field_incoming[field] = index
        return index

    def _pairs(self, field: str, kinds: Iterable[str] | None = None) -> list[tuple[str, str]]:
        """(source, target) of the links of one field (from sources of ``kinds``), in no
        particular order: read from the elements of the kinds that hold the field, without
        making links or keeping model order, for the verbs whose answer is a set or a yes/no."""
        if field in ("opd", "referensi"):  # written by (nearly) every element: every row
            wanted = set(kinds) if kinds is not None else None
            return [
                (row[0], row[1])
                for row in self._rows_of(field)[0]
                if wanted is None or self.kind(row[0]) in wanted
            ]
        out: list[tuple[str, str]] = []
        found = self._kind.get
        for kind, elements in self._groups.items():
            if kinds is not None and kind not in kinds:
                continue
            for relasi, head, plain, allowed in _plan(kind):
                if relasi.field != field:
                    continue
                for element in elements:
                    value = getattr(element, head, None)
                    if value is None:
                        continue
                    ident = element.id
                    for _, target in _targets(kind, element, relasi, head, plain, value):
                        if found(target) in allowed:
                            out.append((ident, target))
        return out

    def named(self, field: str, kinds: Iterable[str] | None = None) -> set[str]:
        """The ids that links of one field (from sources of given kinds) point at: ``x in
        named(field, kinds)`` is ``bool(links_to(x, field, kinds))``, for every ``x`` at once."""
        return {target for _, target in self._pairs(field, kinds)}

    def _indexes(self) -> tuple[dict[str, list[Link]], dict[str, list[Link]]]:
        """Every link by source and by target, each list in model order."""
        if self._index is None:
            outgoing: dict[str, list[Link]] = {}
            incoming: dict[str, list[Link]] = {}
            self._links = [Link(*row) for row in self._all_rows()]
            for link in self._links:
                outgoing.setdefault(link.source, []).append(link)
                incoming.setdefault(link.target, []).append(link)
            self._index = outgoing, incoming
        return self._index

    # -- single steps ---------------------------------------------------------------------
    def kind(self, ident: str) -> str | None:
        """The kind of a node (``aplikasi``, ``opd``, ``katalog`` …), or None when absent."""
        found = self._kind.get(ident)
        if found is not None:
            return found
        if ident.startswith(KATALOG_PREFIX):
            code = ident[len(KATALOG_PREFIX) :]
            known = self.katalog is not None and code in self.katalog
            if not known:
                self._all_rows()  # the catalogue nodes the elements name
            return "katalog" if known or ident in self._classified else None
        return None

    def __contains__(self, ident: object) -> bool:
        return isinstance(ident, str) and self.kind(ident) is not None

    def links_from(self, ident: str, field: str | None = None) -> list[Link]:
        """Links written in element ``ident`` (optionally of one field)."""
        self._require(ident)
        outgoing = self._indexes()[0]
        return [lk for lk in outgoing.get(ident, ()) if field is None or lk.field == field]

    def links_to(
        self, ident: str, field: str | None = None, kinds: Iterable[str] | None = None
    ) -> list[Link]:
        """Links that name ``ident`` (optionally of one field, from sources of given kinds)."""
        self._require(ident)
        wanted = set(kinds) if kinds is not None else None
        found = (self._indexes()[1] if field is None else self._incoming_of(field)).get(ident, ())
        return [
            lk
            for lk in found
            if (field is None or lk.field == field)
            and (wanted is None or self.kind(lk.source) in wanted)
        ]

    def _structural(self, link: Link) -> bool:
        return link.field in ("opd", "referensi")

    # -- dependency verbs -----------------------------------------------------------------
    def depends_on(self, ident: str, *, transitive: bool = False) -> list[str]:
        """What ``ident`` depends on (sorted); ownership and classification not counted.

        >>> import spbe_arch
        >>> graph = spbe_arch.check("models/kabupaten-contoh").graph
        >>> graph.depends_on("DAA-DINKES-01")[:2]
        ['DAA-DINKES-03', 'DAA-DISDUKCAPIL-01']
        """
        self._require(ident)
        return self._walk(ident, transitive, upstream=True)

    def dependents_of(self, ident: str, *, transitive: bool = False) -> list[str]:
        """What depends on ``ident`` (sorted): the impact of changing or losing it."""
        self._require(ident)
        return self._walk(ident, transitive, upstream=False)

    def _step(self, ident: str, upstream: bool) -> set[str]:
        out: set[str] = set()
        outgoing, incoming = self._indexes()
        for link in (*outgoing.get(ident, ()), *incoming.get(ident, ())):
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
        """The shortest chain of relations between two elements, in either direction (None
        when they are not connected)."""
        self._require(a)
        self._require(b)
        import networkx as nx

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
        outgoing, incoming = self._indexes()
        return sorted(
            e.id
            for e in self.model.of_kind(kind)
            if not any(
                not self._structural(lk)
                for lk in (*outgoing.get(e.id, ()), *incoming.get(e.id, ()))
            )
        )

    def cycles(self, field: str) -> list[list[str]]:
        """Cycles formed by one relation field (each cycle sorted to start at its least id)."""
        if not _has_cycle(self._pairs(field)):
            return []  # the usual answer, found without building a networkx graph
        import networkx as nx

        links = self._of_field(field)
        sub: nx.DiGraph[str] = nx.DiGraph()
        for link in links:
            sub.add_edge(link.source, link.target)
        found = []
        for cycle in nx.simple_cycles(sub):
            start = cycle.index(min(cycle))
            found.append(cycle[start:] + cycle[:start])
        return sorted(found)

    def all_links(self) -> list[Link]:
        """Every link, sorted by (source, field, path)."""
        if self._sorted is None:
            links = [lk for out in self._indexes()[0].values() for lk in out]
            self._sorted = sorted(links, key=lambda lk: (lk.source, lk.field, lk.path, lk.target))
        return list(self._sorted)

    # -- pieces ---------------------------------------------------------------------------
    def around(self, ident: str, depth: int = 1) -> Subgraph:
        """The element with everything within ``depth`` relations of it, both directions."""
        self._require(ident)
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
        self._require(opd)
        own = {e.id for e in self.model.elemen.values() if opd in owners_of(e)}
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
