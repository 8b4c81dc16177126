"""The diagram model: plain, serialisable nodes, edges and clusters, before any Graphviz.

Views build a :class:`Diagram`; :mod:`spbe_arch.render.dot` translates it to DOT. Everything
here is frozen and sorted by id by :meth:`Diagram.sorted`, so the same model always yields the
same DOT text.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, replace
from typing import Any


@dataclass(frozen=True, slots=True)
class Node:
    """One box in a diagram.

    ``style`` picks colour and shape (a domain such as ``aplikasi``, or ``opd``, ``katalog``);
    ``mark`` adds emphasis (``fokus``, ``dicakup``, ``sebagian``, ``celah``, ``rujukan``).
    ``groups`` are the keys a too-big diagram is split by (``opd``, ``domain`` …). ``origin``
    is where an aplikasi comes from (``sektor_kl``, ``aplikasi_umum``, ``pemda``);
    ``unprotected`` marks data, an aplikasi or infrastructure no security programme covers;
    ``change`` what the roadmap does to it (``baru``, ``diubah``, ``dihentikan``).
    """

    id: str
    label: str
    caption: str
    style: str
    tooltip: str = ""
    url: str = ""
    mark: str = ""
    groups: tuple[tuple[str, str], ...] = ()
    origin: str = ""
    unprotected: bool = False
    change: str = ""
    html: str = ""
    """A ready HTML-like label (a table); the node is then drawn as plain text."""

    def group(self, key: str) -> str:
        """The node's value for a split key (empty when it has none)."""
        return dict(self.groups).get(key, "")


@dataclass(frozen=True, slots=True)
class Edge:
    """One arrow from ``source`` to ``target`` as the model states it.

    ``reverse`` lays the edge out from target to source (so ranks follow the view's reading
    order) while the arrowhead still points at ``target``; ``both`` draws a two-way exchange;
    ``minlen`` > 1 staggers siblings over several ranks (a long list of leaves folds up).
    """

    source: str
    target: str
    label: str = ""
    style: str = ""
    reverse: bool = False
    both: bool = False
    constraint: bool = True
    minlen: int = 1

    @property
    def key(self) -> tuple[str, str, str, str]:
        """Sort key: endpoints, label, style."""
        return (self.source, self.target, self.label, self.style)


@dataclass(frozen=True, slots=True)
class Cluster:
    """A labelled box around nodes and nested clusters.

    ``rows`` (when set) are drawn as stacked rows of the same rank, in order; nodes in
    ``nodes`` but in no row float freely inside the cluster. ``row_labels`` (one per row) name
    the node style of each row, such as ``layanan``; its legend text heads the first row of
    each run of rows with the same style.
    """

    id: str
    label: str
    style: str
    nodes: tuple[str, ...] = ()
    clusters: tuple[Cluster, ...] = ()
    rows: tuple[tuple[str, ...], ...] = ()
    row_labels: tuple[str, ...] = ()
    url: str = ""

    def all_nodes(self) -> set[str]:
        """Nodes of this cluster and of every nested cluster."""
        out = set(self.nodes)
        for sub in self.clusters:
            out |= sub.all_nodes()
        return out

    def keep(self, wanted: set[str]) -> Cluster | None:
        """This cluster restricted to ``wanted`` nodes, or None when nothing is left."""
        subs = tuple(c for c in (s.keep(wanted) for s in self.clusters) if c is not None)
        nodes = tuple(n for n in self.nodes if n in wanted)
        kept = [
            (tuple(n for n in row if n in wanted), label)
            for row, label in zip(self.rows, self.row_labels or ("",) * len(self.rows), strict=True)
        ]
        kept = [(row, label) for row, label in kept if row]
        if not nodes and not subs:
            return None
        rows = tuple(row for row, _ in kept)
        labels = tuple(label for _, label in kept) if self.row_labels else ()
        return replace(self, nodes=nodes, clusters=subs, rows=rows, row_labels=labels)


@dataclass(frozen=True, slots=True)
class Diagram:
    """One view, ready to be written as DOT.

    ``name`` is the file stem (``lapisan-dinkes``), ``family`` the view it belongs to
    (``lapisan``). ``chain`` lists cluster ids whose rows are stacked top to bottom in that
    order. ``legend`` names the styles the legend explains; ``split`` the group keys to try,
    in order, when the diagram has too many nodes; ``pinned`` nodes appear in every part.
    Edge labels are left out when there are more than ``max_edge_labels`` edges. ``stamp`` is
    the title block's second line (Pemda, period, state, model version, date); ``notice`` is a
    diagnostic for stderr and the index, never drawn; ``opd`` the OPD the view belongs to.
    ``refer`` carries the shared infrastructure and keamanan a part's elements relate to into
    that part (dashed); ``refer_all`` carries every element they relate to, so that each edge
    of the whole view is drawn in some part (a service chain, an impact view). ``parts``
    (name, label) are the parts of the view this one was split from, drawn as links in the
    title block with the file extension ``ext`` (no links when ``ext`` is empty).
    """

    name: str
    family: str
    title: str
    nodes: tuple[Node, ...]
    edges: tuple[Edge, ...] = ()
    clusters: tuple[Cluster, ...] = ()
    rankdir: str = "TB"
    chain: tuple[str, ...] = ()
    legend: tuple[str, ...] = ()
    split: tuple[str, ...] = ("opd", "domain")
    pinned: tuple[str, ...] = ()
    notice: str = ""
    lang: str = "id"
    max_edge_labels: int | None = None
    attrs: tuple[tuple[str, str], ...] = field(default=())
    stamp: str = ""
    opd: str = ""
    refer: bool = False
    refer_all: bool = False
    ext: str = ""
    parts: tuple[tuple[str, str], ...] = ()

    def sorted(self) -> Diagram:
        """The same diagram with nodes, edges and cluster members sorted by id."""
        return replace(
            self,
            nodes=tuple(sorted(set(self.nodes), key=lambda n: n.id)),
            edges=merge_parallel(self.edges),
            clusters=tuple(_sort_cluster(c) for c in self.clusters),
        )

    def node_ids(self) -> set[str]:
        """Ids of every node."""
        return {n.id for n in self.nodes}

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict of the whole diagram (for tests and tooling)."""
        return asdict(self)


def _sort_cluster(cluster: Cluster) -> Cluster:
    return replace(
        cluster,
        nodes=tuple(sorted(set(cluster.nodes))),
        clusters=tuple(_sort_cluster(c) for c in cluster.clusters),
    )


def merge_parallel(edges: tuple[Edge, ...]) -> tuple[Edge, ...]:
    """Edges sorted, with parallel edges of one relation type between the same two nodes
    merged into one whose label lists each relation once (no duplicate parallel arrows)."""
    groups: dict[tuple[str, str, str, bool], list[Edge]] = {}
    for edge in edges:
        groups.setdefault((edge.source, edge.target, edge.style, edge.reverse), []).append(edge)
    out = []
    for same in groups.values():
        first = min(same, key=lambda e: e.key)
        labels = sorted({e.label for e in same if e.label})
        out.append(
            replace(
                first,
                label=", ".join(labels),
                both=any(e.both for e in same),
                constraint=all(e.constraint for e in same),
                minlen=max(e.minlen for e in same),
            )
        )
    return tuple(sorted(out, key=lambda e: e.key))
