"""Tighter layouts of a view that does not fit its paper, tried before it is split or shrunk.

A view is first laid out with the house spacing (:func:`spbe_arch.render.dot.to_dot`:
``nodesep`` 0.3 in, ``ranksep`` 0.55 in). What makes the views of the example models too big
was measured on their drawn SVGs (docs/diagrams.md, "Muat di kertas"):

* too wide from the gaps, not the boxes: an edge that crosses several stacked rows is drawn
  through a chain of invisible points, one per row, each kept ``nodesep`` from its
  neighbours, so a row of six boxes can span 33 inches; a smaller ``nodesep`` narrows every
  such row at once;
* too tall from the space between rows (``ranksep``) in the deep chains of a ``layanan``;
* too wide from the row width the view chose: the long rows of a band (or of a ``fokus``
  frame) can be folded narrower, keeping their order (a taller page, read in portrait).

:func:`variants` yields these layouts from the least to the most changed; the fitting step
(:func:`spbe_arch.render.api.render_views`) keeps the least changed that fits
(:func:`first_fit`), so a view that fits with the house spacing is drawn exactly as before.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace

from spbe_arch.render.diagram import Cluster, Diagram

SPACINGS: tuple[tuple[str, str], ...] = (("0.15", "0.4"), ("0.1", "0.3"))
"""(``nodesep``, ``ranksep``) in inches, tried in order: boxes stay at least 7 pt apart (the
node's own margin adds 9 pt of colour around each name), rows at least 22 pt."""

WIDTHS: tuple[int, ...] = (6, 5, 4)
"""Row widths (elements per row) the longer rows of a view are folded to, tried in order."""


def reflow(diagram: Diagram, width: int) -> Diagram:
    """The diagram with every stacked row longer than ``width`` elements folded into rows of
    ``width`` (order kept). Rows are never merged: a row of a band is one level of it (a
    guest above its host, see :func:`spbe_arch.render.views.lapisan.banded`)."""
    return replace(diagram, clusters=tuple(_reflow(c, width) for c in diagram.clusters))


def _reflow(cluster: Cluster, width: int) -> Cluster:
    subs = tuple(_reflow(c, width) for c in cluster.clusters)
    labels = cluster.row_labels or ("",) * len(cluster.rows)
    rows: list[tuple[str, ...]] = []
    out_labels: list[str] = []
    for row, label in zip(cluster.rows, labels, strict=True):
        for i in range(0, len(row), width):
            rows.append(row[i : i + width])
            out_labels.append(label)
    return replace(
        cluster,
        clusters=subs,
        rows=tuple(rows),
        row_labels=tuple(out_labels) if cluster.row_labels else (),
    )


def has_rows(diagram: Diagram) -> bool:
    """Whether any cluster of the diagram stacks rows (the rows can be folded)."""

    def any_rows(c: Cluster) -> bool:
        return bool(c.rows) or any(any_rows(s) for s in c.clusters)

    return any(any_rows(c) for c in diagram.clusters)


def variants(diagram: Diagram) -> Iterator[Diagram]:
    """Every tighter layout of the diagram, least changed first: smaller gaps, then (for a
    view with stacked rows) each row width with the smallest gaps."""
    for nodesep, ranksep in SPACINGS:
        yield _spaced(diagram, nodesep, ranksep)
    if has_rows(diagram):
        nodesep, ranksep = SPACINGS[-1]
        for width in WIDTHS:
            yield _spaced(reflow(diagram, width), nodesep, ranksep)


def first_fit(
    diagram: Diagram,
    measure: Callable[[Diagram], tuple[float, float]],
    fits: Callable[[tuple[float, float]], bool],
) -> tuple[Diagram, tuple[float, float]] | None:
    """The least changed of :func:`variants` that ``fits`` as ``measure`` lays it out, or
    None. The smallest gaps are measured first: when even they do not fit, the milder
    spacings are not tried, nor a row width no row is longer than."""
    tightest = _spaced(diagram, *SPACINGS[-1])
    size = measure(tightest)
    if fits(size):
        for nodesep, ranksep in SPACINGS[:-1]:
            milder = _spaced(diagram, nodesep, ranksep)
            found = measure(milder)
            if fits(found):
                return milder, found
        return tightest, size
    if not has_rows(diagram):
        return None
    for width in WIDTHS:
        folded = _spaced(reflow(diagram, width), *SPACINGS[-1])
        if folded.clusters == tightest.clusters:
            continue  # no row is longer than this width: nothing folds
        size = measure(folded)
        if fits(size):
            return folded, size
    return None


def _spaced(diagram: Diagram, nodesep: str, ranksep: str) -> Diagram:
    attrs = tuple((k, v) for k, v in diagram.attrs if k not in ("nodesep", "ranksep"))
    return replace(diagram, attrs=(*attrs, ("nodesep", nodesep), ("ranksep", ranksep)))
