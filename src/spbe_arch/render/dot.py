"""Diagram model → DOT source text (pure: no Graphviz needed, byte-identical for equal input)."""

from __future__ import annotations

import itertools
from dataclasses import replace

from spbe_arch.render.diagram import Cluster, Diagram, Edge, Node
from spbe_arch.render.gaya import EDGE_LEGEND, EDGE_STYLES, FONT, GAYA, MARKS, domain_label

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


LEGEND_COLUMNS = 3

GROUP_LEGEND: dict[str, tuple[str, str]] = {
    "merah": (
        "Kelompok merah: layanan digital terintegrasi",
        "Red group: integrated digital services",
    ),
    "biru": ("Kelompok biru: dukungan TIK terintegrasi", "Blue group: integrated ICT support"),
}
"""The two groups of the official illustration (Perpres 132/2022; docs/diagrams.md)."""


def quote(text: str) -> str:
    """A DOT double-quoted string."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return f'"{escaped}"'


def html(text: str) -> str:
    """Text escaped for a DOT HTML-like label."""
    return (
        text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
    )


def _attrs(pairs: dict[str, str]) -> str:
    parts = []
    for key, value in pairs.items():
        shown = value if value.startswith("<") and value.endswith(">") else quote(value)
        parts.append(f"{key}={shown}")
    return "[" + ", ".join(parts) + "]"


def _node_label(node: Node) -> str:
    lines = "<BR/>".join(html(line) for line in node.label.split("\n"))
    caption = f'<FONT POINT-SIZE="8" COLOR="#444444">{html(node.caption)}</FONT>'
    return f"<{lines}<BR/>{caption}>" if node.caption else f"<{lines}>"


def node_line(node: Node) -> str:
    """One node statement."""
    g = GAYA.get(node.style, GAYA["katalog"])
    styles = ["filled", *([g.extra] if g.extra else [])]
    attrs = {
        "label": _node_label(node),
        "shape": g.shape,
        "style": ",".join(styles),
        "fillcolor": g.fill,
        "color": g.border,
    }
    if node.mark == "fokus":
        attrs |= {"penwidth": "3.5", "color": "#D50000"}
    elif node.mark == "dilindungi":
        attrs["peripheries"] = "2"
    elif node.mark == "sebagian":
        attrs["fillcolor"] = "#FFF3E0" if node.style != "layanan" else "#FDECEC"
    elif node.mark == "celah":
        attrs |= {
            "fillcolor": "#FFFFFF",
            "color": "#9E9E9E",
            "style": "dashed,filled",
            "fontcolor": "#757575",
        }
    if node.tooltip:
        attrs["tooltip"] = node.tooltip
    if node.url:
        attrs |= {"URL": node.url, "target": "_top"}
    return f"  {quote(node.id)} {_attrs(attrs)};"


def edge_line(edge: Edge) -> str:
    """One edge statement (laid out reversed when ``edge.reverse``)."""
    dot_style, colour = EDGE_STYLES.get(edge.style, EDGE_STYLES[""])
    attrs: dict[str, str] = {}
    if edge.label:
        attrs["label"] = edge.label
    if edge.style:
        attrs |= {"style": dot_style, "color": colour}
    tail, head = (edge.target, edge.source) if edge.reverse else (edge.source, edge.target)
    if edge.both:
        attrs["dir"] = "both"
    elif edge.reverse:
        attrs["dir"] = "back"
    if not edge.constraint:
        attrs["constraint"] = "false"
    if edge.minlen != 1:
        attrs["minlen"] = str(edge.minlen)
    suffix = f" {_attrs(attrs)}" if attrs else ""
    return f"  {quote(tail)} -> {quote(head)}{suffix};"


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
        attrs["label"] = f"<<B>{html(cluster.label)}</B>>" if cluster.label else ""
    for key, value in attrs.items():
        shown = value if value.startswith("<") else quote(value)
        out.append(f"{pad}  {key}={shown};")
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
                f'{pad}  {quote(anchor)} [shape=plaintext, fontsize="13", '
                f'label=<<B><FONT COLOR="{colour}">{text}</FONT></B>>];'
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


def _legend_entry(key: str, name: str, lang: str) -> tuple[list[str], list[str]]:
    """The statements of one legend entry and the node names it puts in a row, in order."""
    en = lang == "en"
    if key.startswith("garis:"):
        style = key.split(":")[1]
        dot_style, colour = EDGE_STYLES[style]
        text = EDGE_LEGEND[style][1 if en else 0]
        tail, label = quote(name + "a"), quote(name)
        return [
            f"    {tail} [shape=point, width=0.05, color={quote(colour)}];",
            f'    {label} [shape=plaintext, fontsize="9", label={quote(text)}];',
            f"    {tail} -> {label} [style={quote(dot_style)}, color={quote(colour)}];",
        ], [tail, label]
    if key.startswith("kelompok:"):
        group = key.split(":")[1]
        frame = CLUSTER_STYLES[f"kelompok-{group}"]
        text = GROUP_LEGEND[group][1 if en else 0]
        return [
            f'    {quote(name)} [shape=box, style="rounded,filled", '
            f"fillcolor={quote(frame['fillcolor'])}, color={quote(frame['color'])}, "
            f"label={quote(text)}];"
        ], [quote(name)]
    if key in GAYA:
        node = Node(name, domain_label(key, lang), "", key)
    else:
        base, mark = key.split(":") if ":" in key else ("katalog", key)
        node = Node(name, MARKS[mark][1 if en else 0], "", base, mark=mark)
    return ["  " + node_line(node)], [quote(name)]


def _legend(diagram: Diagram) -> list[str]:
    if not diagram.legend:
        return []
    label = "Legend" if diagram.lang == "en" else "Legenda"
    out = [
        '  subgraph "cluster__legenda" {',
        '    style="rounded"; color="#9E9E9E";',
        f"    label=<<B>{label}</B>>;",
    ]
    entries: list[list[str]] = []
    for i, key in enumerate(diagram.legend):
        lines, names = _legend_entry(key, f"_legenda_{i}", diagram.lang)
        out.extend(lines)
        entries.append(names)
    # A grid of LEGEND_COLUMNS entries per rank, so the legend does not widen the picture.
    rows = [entries[i : i + LEGEND_COLUMNS] for i in range(0, len(entries), LEGEND_COLUMNS)]
    for row in rows:
        out.append(f"    {{rank=same; {'; '.join(n for e in row for n in e)};}}")
        heads = [e[-1] for e in row]
        tails = [e[0] for e in row]
        out.extend(f"    {a} -> {b} [style=invis];" for a, b in zip(heads, tails[1:], strict=False))
    out.extend(f"    {a[0][0]} -> {b[0][0]} [style=invis];" for a, b in itertools.pairwise(rows))
    out.append("  }")
    return out


def to_dot(diagram: Diagram) -> str:
    """The DOT source of a diagram: sorted, no timestamps, the same bytes for the same input."""
    d = diagram.sorted()
    title = f'<FONT POINT-SIZE="20"><B>{html(d.title)}</B></FONT>'
    if d.notice:
        title += f'<BR/><FONT POINT-SIZE="11" COLOR="#B71C1C">{html(d.notice)}</FONT>'
    graph = {
        "label": f"<{title}>",
        "labelloc": "t",
        "labeljust": "l",
        "rankdir": d.rankdir,
        "newrank": "true",
        "nodesep": "0.3",
        "ranksep": "0.55",
        "fontname": FONT,
        "tooltip": d.title,
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
    lines.extend(edge_line(e if labelled else replace(e, label="")) for e in d.edges)
    lines.extend(_legend(d))
    lines.append("}")
    return "\n".join(lines) + "\n"
