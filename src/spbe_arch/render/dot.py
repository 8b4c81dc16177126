"""Diagram model → DOT source text (pure: no Graphviz needed, byte-identical for equal input).

Every text from the model passes through :func:`clean` (control and bidirectional-override
characters neutralised), so no element name can break Graphviz or reorder a label. The title
block and the legend are one HTML-like table in the graph's label: the legend lists only the
shapes, marks and lines the view contains and sits under the title, so it never widens the
picture beside the drawing.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import replace

from spbe_arch.render.diagram import Cluster, Diagram, Edge, Node
from spbe_arch.render.gaya import (
    EDGE_LEGEND,
    EDGE_STYLES,
    FONT,
    FONT_BOLD,
    GAP_COLOURS,
    GAYA,
    LEGEND_ORDER,
    MARKS,
    ORIGIN,
    domain_label,
)

CLUSTER_STYLES: dict[str, dict[str, str]] = {
    "kelompok-merah": {"style": "rounded,filled", "fillcolor": "#FFF6F5", "color": "#E57373"},
    "kelompok-biru": {"style": "rounded,filled", "fillcolor": "#F4F8FE", "color": "#64B5F6"},
    "band": {"style": "filled", "fillcolor": "#FFFFFF", "color": "#BDBDBD"},
    "opd": {"style": "rounded,filled", "fillcolor": "#FAFAFA", "color": "#424242"},
    "opd-luar": {"style": "rounded,dashed,filled", "fillcolor": "#F3F3F3", "color": "#757575"},
    "fasilitas": {"style": "rounded,filled", "fillcolor": "#E0F7FA", "color": "#006064"},
    "host": {"style": "dashed,filled", "fillcolor": "#F7FDFE", "color": "#00838F"},
    "dampak": {"style": "rounded,filled", "fillcolor": "#FFF8E1", "color": "#FF8F00"},
    "prasyarat": {"style": "rounded,filled", "fillcolor": "#F1F8E9", "color": "#558B2F"},
    "legenda": {"style": "rounded", "color": "#9E9E9E"},
    "": {"style": "rounded", "color": "#9E9E9E"},
}


LEGEND_COLUMNS = 5
"""Legend entries per row of the title block."""

_UNSAFE = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def clean(text: str) -> str:
    """Text with control characters shown as U+FFFD and bidi overrides removed (a tab is a
    space). Newlines are kept: they separate label lines."""

    def swap(match: re.Match[str]) -> str:
        ch = match.group()
        if ch == "\t":
            return " "
        return "" if ch in "\u200e\u200f" or "\u202a" <= ch <= "\u2069" else "\ufffd"

    return _UNSAFE.sub(swap, text)


def quote(text: str) -> str:
    """A DOT double-quoted string."""
    escaped = (
        clean(text).replace("\r", "").replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    )
    return f'"{escaped}"'


def html(text: str) -> str:
    """Text escaped for a DOT HTML-like label."""
    return (
        clean(text)
        .replace("\r", "")
        .replace("\n", " ")
        .replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&quot;")
    )


def _attrs(pairs: dict[str, str]) -> str:
    parts = []
    for key, value in pairs.items():
        shown = value if value.startswith("<") and value.endswith(">") else quote(value)
        parts.append(f"{key}={shown}")
    return "[" + ", ".join(parts) + "]"


def html_lines(text: str) -> str:
    """A multi-line HTML-like label."""
    return "<" + "<BR/>".join(html(line) for line in text.split("\n")) + ">"


def _node_label(node: Node) -> str:
    lines = "<BR/>".join(html(line) for line in node.label.split("\n"))
    caption = node.caption
    if node.origin in ORIGIN:
        caption = f"[{ORIGIN[node.origin][0]}] {caption}"
    small = f'<FONT POINT-SIZE="8" COLOR="#444444">{html(caption)}</FONT>' if caption else ""
    return f"<{lines}<BR/>{small}>" if small else f"<{lines}>"


def node_line(node: Node) -> str:
    """One node statement."""
    if node.html:
        return f"  {quote(node.id)} [shape=plaintext, margin=0, label=<{node.html}>];"
    g = GAYA.get(node.style, GAYA["katalog"])
    styles = ["filled", *([g.extra] if g.extra else [])]
    attrs = {
        "label": _node_label(node),
        "shape": g.shape,
        "style": ",".join(styles),
        "fillcolor": ORIGIN[node.origin][3] if node.origin in ORIGIN else g.fill,
        "color": g.border,
    }
    if g.margin != "0.12,0.06":
        attrs["margin"] = g.margin
    if node.style == "catatan":
        attrs |= {"fontsize": "8", "fontcolor": g.border, "label": html_lines(node.label)}
    if node.unprotected:
        attrs |= {"color": "#C62828", "style": ",".join([*styles, "dashed"]), "penwidth": "1.6"}
    if node.change in GAP_COLOURS:
        fill, border = GAP_COLOURS[node.change]
        attrs |= {"fillcolor": fill, "color": border, "penwidth": "2.5"}
        if node.change == "dihentikan":
            attrs |= {"style": ",".join([*styles, "dashed"]), "fontcolor": "#616161"}
    if node.mark == "fokus":
        attrs |= {"penwidth": "3.5", "color": "#D50000"}
    elif node.mark == "sebagian":
        attrs["fillcolor"] = "#FFF3E0" if node.style != "layanan" else "#FDECEC"
    elif node.mark in ("celah", "rujukan"):
        attrs |= {
            "fillcolor": "#FFFFFF",
            "color": "#9E9E9E",
            "style": ",".join([*styles[1:], "dashed", "filled"]),
            "fontcolor": "#757575",
        }
    if node.tooltip:
        attrs["tooltip"] = node.tooltip
    if node.url:
        attrs |= {"URL": node.url, "target": "_top"}
    return f"  {quote(node.id)} {_attrs(attrs)};"


def edge_line(edge: Edge) -> str:
    """One edge statement (laid out reversed when ``edge.reverse``).

    The arrowhead always marks the model's target; with ``reverse`` the edge runs from target
    to source in the layout, so head and tail shapes swap.
    """
    dot_style, colour, head, tail = EDGE_STYLES.get(edge.style, EDGE_STYLES[""])
    attrs: dict[str, str] = {}
    if edge.label and edge.style:
        attrs["tooltip"] = edge.label  # the line style says the relation (see the legend)
    elif edge.label:
        attrs["label"] = edge.label
    if edge.style:
        attrs |= {"style": dot_style, "color": colour}
    first, second = (edge.target, edge.source) if edge.reverse else (edge.source, edge.target)
    if edge.both:
        attrs |= {"dir": "both", "arrowhead": head or "normal", "arrowtail": head or "normal"}
    elif edge.reverse:
        attrs["dir"] = "back" if not tail else "both"
        if head and head != "normal":
            attrs["arrowtail"] = head
        if tail:
            attrs |= {"arrowtail": head or "normal", "arrowhead": tail}
    else:
        if head and head != "normal":
            attrs["arrowhead"] = head
        if tail:
            attrs |= {"dir": "both", "arrowtail": tail}
    if not edge.constraint:
        attrs["constraint"] = "false"
    if edge.minlen != 1:
        attrs["minlen"] = str(edge.minlen)
    suffix = f" {_attrs(attrs)}" if attrs else ""
    return f"  {quote(first)} -> {quote(second)}{suffix};"


def _anchor(cluster: Cluster, row: int) -> str:
    return f"_baris_{cluster.id}_{row}"


def _cluster_lines(
    cluster: Cluster, depth: int, anchors: list[tuple[str, int, str]], lang: str
) -> list[str]:
    pad = "  " * depth
    if cluster.style == "baris":  # rows only: a plain subgraph, no frame for edges to avoid
        out = [f"{pad}subgraph {quote(cluster.id)} {{"]
        attrs: dict[str, str] = {}
    else:
        out = [f"{pad}subgraph {quote('cluster_' + cluster.id)} {{"]
        attrs = dict(CLUSTER_STYLES.get(cluster.style.split(":")[0], CLUSTER_STYLES[""]))
        if cluster.style.startswith("band:"):
            attrs["color"] = GAYA[cluster.style.split(":")[1]].border
        attrs |= {"label": clean(cluster.label), "fontname": FONT_BOLD, "fontsize": "13"}
        if cluster.url:
            attrs |= {"URL": cluster.url, "target": "_top", "tooltip": clean(cluster.label)}
    for key, value in attrs.items():
        out.append(f"{pad}  {key}={quote(value)};")
    in_rows = {n for row in cluster.rows for n in row}
    out.extend(f"{pad}  {quote(n)};" for n in cluster.nodes if n not in in_rows)
    previous = ""
    for i, row in enumerate(cluster.rows):
        anchor = _anchor(cluster, i)
        anchors.append((cluster.id, i, anchor))
        members = "; ".join(quote(n) for n in (anchor, *row))
        band = cluster.row_labels[i] if i < len(cluster.row_labels) else ""
        if band and band != previous and band in GAYA:
            text = html(domain_label(band, lang))
            colour = GAYA[band].border
            out.append(
                f'{pad}  {quote(anchor)} [shape=plaintext, fontsize="13", fontname="{FONT_BOLD}", '
                f'label=<<FONT COLOR="{colour}">{text}</FONT>>];'
            )
        else:
            out.append(
                f'{pad}  {quote(anchor)} [shape=point, style=invis, width=0, height=0, label=""];'
            )
        previous = band
        out.append(f"{pad}  {{rank=same; {members};}}")
    for sub in cluster.clusters:
        out.extend(_cluster_lines(sub, depth + 1, anchors, lang))
    out.append(f"{pad}}}")
    return out


LINE_SAMPLES: dict[str, str] = {
    "realisasi": "┈┈┈▷",
    "layanan": "───›",
    "akses": "╌╌╌›",
    "aliran": "╌╌╌▶",
    "berjalan": "●──▶",
    "via": "───○",
    "melindungi": "╌╌╌□",
    "hierarki": "───◆",
    "penugasan": "───●",
    "": "───▶",
}
"""How each line type reads in the legend (its dash pattern and arrowhead, in its colour)."""


def legend_entries(diagram: Diagram) -> list[tuple[str, str]]:
    """The legend of a view, from what it contains: (swatch cell, text) per entry."""
    en = diagram.lang == "en"
    i = 1 if en else 0
    out: list[tuple[str, str]] = []
    styles = {n.style for n in diagram.nodes if not n.html}
    origins = {n.origin for n in diagram.nodes if n.origin}
    for style in sorted(styles, key=lambda s: LEGEND_ORDER.index(s) if s in LEGEND_ORDER else 99):
        if style == "aplikasi" and origins:
            continue
        if style == "katalog" and all(n.mark for n in diagram.nodes if n.style == style):
            continue
        g = GAYA.get(style)
        if g is None:
            continue
        cell = f'<TD BGCOLOR="{g.fill}" COLOR="{g.border}" BORDER="1" WIDTH="22"> </TD>'
        out.append((cell, domain_label(style, diagram.lang)))
    for key in ("sektor_kl", "aplikasi_umum", "pemda"):
        if key in origins:
            badge, text_id, text_en, fill = ORIGIN[key]
            border = GAYA["aplikasi"].border
            cell = (
                f'<TD BGCOLOR="{fill}" COLOR="{border}" BORDER="1" WIDTH="22">'
                f'<FONT POINT-SIZE="7">{badge}</FONT></TD>'
            )
            out.append((cell, (text_en if en else text_id)))
    marks = {n.mark for n in diagram.nodes if n.mark}
    changes = {n.change for n in diagram.nodes if n.change}
    for mark in ("baru", "diubah", "dihentikan"):
        if mark in changes:
            fill, border = GAP_COLOURS[mark]
            cell = f'<TD BGCOLOR="{fill}" COLOR="{border}" BORDER="2" WIDTH="22"> </TD>'
            out.append((cell, MARKS[mark][i]))
    for mark in ("fokus", "dicakup", "sebagian", "celah", "rujukan"):
        if mark not in marks:
            continue
        if mark == "dicakup":
            style = next(n.style for n in diagram.nodes if n.mark == mark)
            fill, border = GAYA[style].fill, GAYA[style].border
            cell = f'<TD BGCOLOR="{fill}" COLOR="{border}" BORDER="1" WIDTH="22"> </TD>'
        elif mark == "sebagian":
            cell = '<TD BGCOLOR="#FFF3E0" COLOR="#9E9E9E" BORDER="1" WIDTH="22"> </TD>'
        elif mark == "fokus":
            cell = '<TD COLOR="#D50000" BORDER="2" WIDTH="22"> </TD>'
        else:
            cell = '<TD COLOR="#9E9E9E" BORDER="1" WIDTH="22"><FONT COLOR="#9E9E9E">┈</FONT></TD>'
        out.append((cell, MARKS[mark][i]))
    if any(n.unprotected for n in diagram.nodes):
        cell = '<TD COLOR="#C62828" BORDER="1" WIDTH="22"><FONT COLOR="#C62828">╌</FONT></TD>'
        out.append((cell, MARKS["rawan"][i]))
    for style in EDGE_STYLES:
        if any(e.style == style for e in diagram.edges):
            _, colour, _, _ = EDGE_STYLES[style]
            sample = f'<FONT COLOR="{colour}">{LINE_SAMPLES[style]}</FONT>'
            out.append((f'<TD BORDER="0">{sample}</TD>', EDGE_LEGEND[style][i]))
    return out


TITLE_WIDTH = 90
"""Characters per line of a view's title (18 pt): about 800 pt, so that the title of a part
of a part (``… (bagian 3/3: …) (bagian 2/2: …)``) is not what makes a view too wide for A4."""


def wrap_title(title: str, width: int = TITLE_WIDTH) -> list[str]:
    """The title broken at spaces into lines of at most ``width`` characters (a longer word
    keeps its own line).

    >>> wrap_title("Arsitektur SPBE berlapis (bagian 5/5: Unsur penunjang)", 30)
    ['Arsitektur SPBE berlapis', '(bagian 5/5: Unsur penunjang)']
    """
    lines: list[str] = []
    for word in title.split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines or [""]


def _part_links(diagram: Diagram) -> str:
    """A row of links to the other parts of the view this part was split from (the part
    itself in bold): the reader walks a split service chain or impact view part by part."""
    word = "Parts" if diagram.lang == "en" else "Bagian"
    cells = [f'<TD ALIGN="LEFT"><FONT POINT-SIZE="9"><B>{word}:</B></FONT></TD>']
    for name, label in diagram.parts:
        text = html(label)
        if name == diagram.name:
            cells.append(f'<TD ALIGN="LEFT"><FONT POINT-SIZE="9"><B>{text}</B></FONT></TD>')
        else:
            cells.append(
                f'<TD ALIGN="LEFT" HREF="{name}.{diagram.ext}" TARGET="_top" TITLE="{text}">'
                f'<FONT POINT-SIZE="9" COLOR="#0D47A1"><U>{text}</U></FONT></TD>'
            )
    return (
        '<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="3" CELLPADDING="1"><TR>'
        + "".join(cells)
        + "</TR></TABLE>"
    )


def title_block(diagram: Diagram) -> str:
    """The graph label: title, the stamp line, and the view's legend, as one HTML table."""
    title = "<BR/>".join(html(line) for line in wrap_title(diagram.title))
    rows = [f'<TR><TD ALIGN="LEFT" BALIGN="LEFT"><FONT POINT-SIZE="18">{title}'
            "</FONT></TD></TR>"]  # fmt: skip
    if diagram.stamp:
        rows.append(
            f'<TR><TD ALIGN="LEFT"><FONT POINT-SIZE="10" COLOR="#555555">{html(diagram.stamp)}'
            "</FONT></TD></TR>"
        )
    if diagram.parts and diagram.ext:
        rows.append(f'<TR><TD ALIGN="LEFT">{_part_links(diagram)}</TD></TR>')
    entries = legend_entries(diagram)
    if entries:
        word = "Legend" if diagram.lang == "en" else "Legenda"
        cells: list[str] = []
        grid: list[str] = []
        for k, (swatch, text) in enumerate(entries):
            if k and k % LEGEND_COLUMNS == 0:
                grid.append("<TR>" + "".join(cells) + "</TR>")
                cells = []
            cells.append(swatch + f'<TD ALIGN="LEFT"><FONT POINT-SIZE="9">{html(text)}</FONT></TD>')
        grid.append("<TR>" + "".join(cells) + "</TR>")
        table = (
            '<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="3" CELLPADDING="1">'
            f'<TR><TD ALIGN="LEFT" COLSPAN="{2 * LEGEND_COLUMNS}"><FONT POINT-SIZE="9">'
            f"<B>{word}</B></FONT></TD></TR>" + "".join(grid) + "</TABLE>"
        )
        rows.append(f'<TR><TD ALIGN="LEFT">{table}</TD></TR>')
    return (
        '<<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="2">'
        + "".join(rows)
        + "</TABLE>>"
    )


def to_dot(diagram: Diagram) -> str:
    """The DOT source of a diagram: sorted, no timestamps, the same bytes for the same input.

    ``diagram.notice`` is not drawn (diagnostics go to stderr and the index).
    """
    d = diagram.sorted()
    graph = {
        "label": title_block(d),
        "labelloc": "t",
        "labeljust": "l",
        "rankdir": d.rankdir,
        "newrank": "true",
        "nodesep": "0.3",
        "ranksep": "0.55",
        "fontname": FONT,
        "tooltip": clean(d.title),
        **dict(d.attrs),
    }
    lines = [f"digraph {quote(d.name)} {{", f"  graph {_attrs(graph)};"]
    lines.append(f'  node [fontname={quote(FONT)}, fontsize="11", margin="0.12,0.06"];')
    lines.append(
        f'  edge [fontname={quote(FONT)}, fontsize="8", color="#555555", '
        'fontcolor="#333333", arrowsize="0.7"];'
    )
    lines.extend(node_line(n) for n in d.nodes)
    anchors: list[tuple[str, int, str]] = []
    for cluster in d.clusters:
        lines.extend(_cluster_lines(cluster, 1, anchors, d.lang))
    order = {c: i for i, c in enumerate(d.chain)}
    chained = [a for c, r, a in sorted((order[c], r, a) for c, r, a in anchors if c in order)]
    lines.extend(
        f"  {quote(a)} -> {quote(b)} [style=invis];" for a, b in itertools.pairwise(chained)
    )
    labelled = d.max_edge_labels is None or len(d.edges) <= d.max_edge_labels
    level = _row_levels(d, chained)
    lines.extend(
        edge_line(
            _against_rows(e, level) if labelled else replace(_against_rows(e, level), label="")
        )
        for e in d.edges
    )
    lines.append("}")
    return "\n".join(lines) + "\n"


def _row_levels(diagram: Diagram, chained: list[str]) -> dict[str, int]:
    """The position, top to bottom, of the stacked row each node sits in (chained rows only)."""
    where = {a: k for k, a in enumerate(chained)}
    level: dict[str, int] = {}

    def walk(cluster: Cluster) -> None:
        for i, row in enumerate(cluster.rows):
            k = where.get(_anchor(cluster, i))
            if k is not None:
                level.update((n, k) for n in row)
        for sub in cluster.clusters:
            walk(sub)

    for cluster in diagram.clusters:
        walk(cluster)
    return level


def _against_rows(edge: Edge, level: dict[str, int]) -> Edge:
    """An edge that runs up the stacked rows (or along one) does not rank its ends: the rows
    fix the ranks, and such an edge would make Graphviz break a cycle by pulling a whole row
    up beside another one (a layout many times wider than its rows)."""
    first, second = (edge.target, edge.source) if edge.reverse else (edge.source, edge.target)
    if first in level and second in level and level[first] >= level[second]:
        return replace(edge, constraint=False)
    return edge
