"""Reading a drawn SVG back: its page size and the text that collides (the layout test).

Graphviz writes every text as ``<text x y text-anchor font-size>`` and every node and cluster
outline as a polygon, path or ellipse, all in one coordinate frame. The width of a text is
estimated from the Helvetica metrics (Liberation Sans and Arial share them, so this is also
what the browser draws), its height from the font size. :func:`collisions` reports a text box
that overlaps another one, or that crosses a line of a node's or a frame's outline (a name
through a cylinder's lid, a label out of a process arrow, a dashed border through a title).
"""

from __future__ import annotations

import itertools
import math
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

_NS = "{http://www.w3.org/2000/svg}"

# Helvetica advance widths (1/1000 em) for ASCII 32..126, from the Adobe core font metrics.
_WIDTHS = (
    "278 278 355 556 556 889 667 191 333 333 389 584 278 333 278 278 556 556 556 556 556 556 "
    "556 556 556 556 278 278 584 584 584 556 1015 667 667 722 722 667 611 778 722 278 500 667 "
    "556 833 722 778 667 778 722 667 611 722 667 944 667 667 611 278 278 278 469 556 333 556 "
    "556 500 556 556 278 556 556 222 222 500 222 833 556 556 556 556 333 500 278 556 500 722 "
    "500 500 500 334 260 334 584"
)
WIDTH = {chr(32 + i): int(w) for i, w in enumerate(_WIDTHS.split())}
_BOLD_WIDTHS = (
    "278 333 474 556 556 889 722 238 333 333 389 584 278 333 278 278 556 556 556 556 556 556 "
    "556 556 556 556 333 333 584 584 584 611 975 722 722 722 722 667 611 778 722 278 556 722 "
    "611 833 722 778 667 778 722 667 611 722 667 944 667 667 611 333 278 333 584 556 333 556 "
    "611 556 611 556 333 611 611 278 278 556 278 889 611 611 611 611 389 556 333 611 556 778 "
    "556 556 500 389 280 389 584"
)
WIDTH_BOLD = {chr(32 + i): int(w) for i, w in enumerate(_BOLD_WIDTHS.split())}
ASCENT, DESCENT = 0.72, 0.21
"""Glyph box above and below the baseline, in em (cap height and descender)."""
SLACK = 0.8
"""Points of overlap forgiven (the width is an estimate)."""


@dataclass(frozen=True, slots=True)
class Box:
    """An axis-aligned rectangle in SVG points."""

    x0: float
    y0: float
    x1: float
    y1: float

    def overlaps(self, other: Box, slack: float = SLACK) -> bool:
        """Whether the two boxes share more than ``slack`` points in both directions."""
        return (
            min(self.x1, other.x1) - max(self.x0, other.x0) > slack
            and min(self.y1, other.y1) - max(self.y0, other.y0) > slack
        )


@dataclass(frozen=True, slots=True)
class Text:
    """One ``<text>`` element: its content, box and the group (node, cluster …) it is in."""

    text: str
    box: Box
    owner: str


@dataclass(frozen=True, slots=True)
class Outline:
    """The drawn outline of a node or a cluster frame, as line segments."""

    owner: str
    segments: tuple[tuple[float, float, float, float], ...]


@dataclass(frozen=True, slots=True)
class Page:
    """What :func:`read_svg` finds: size in points, texts and outlines."""

    width: float
    height: float
    texts: tuple[Text, ...]
    outlines: tuple[Outline, ...]


def text_width(text: str, size: float, bold: bool = False) -> float:
    """The estimated advance width of ``text`` at ``size`` points."""
    table = WIDTH_BOLD if bold else WIDTH
    units = sum(table.get(c, 600 if ord(c) < 0x2E80 else 1000) for c in text)
    return units * size / 1000


def _points(attr: str) -> list[tuple[float, float]]:
    nums = [float(n) for n in re.findall(r"-?\d+(?:\.\d+)?(?:e-?\d+)?", attr)]
    return list(zip(nums[0::2], nums[1::2], strict=False))


def _path_points(d: str) -> list[list[tuple[float, float]]]:
    """Polylines of an SVG path as Graphviz writes it (M and C commands), curves sampled."""
    out: list[list[tuple[float, float]]] = []
    for part in re.split(r"(?=M)", d):
        part = part.strip()
        if not part:
            continue
        head, _, rest = part[1:].partition("C")
        start = _points(head)
        if not start:
            continue
        line = [start[0]]
        pts = _points(rest)
        cur = start[0]
        for i in range(0, len(pts) - 2, 3):
            p1, p2, p3 = pts[i], pts[i + 1], pts[i + 2]
            for k in range(1, 7):
                t = k / 6
                u = 1 - t
                line.append(
                    (
                        u**3 * cur[0]
                        + 3 * u * u * t * p1[0]
                        + 3 * u * t * t * p2[0]
                        + t**3 * p3[0],
                        u**3 * cur[1]
                        + 3 * u * u * t * p1[1]
                        + 3 * u * t * t * p2[1]
                        + t**3 * p3[1],
                    )
                )
            cur = p3
        out.append(line)
    return out


def _ellipse(cx: float, cy: float, rx: float, ry: float) -> list[tuple[float, float]]:
    return [
        (cx + rx * math.cos(2 * math.pi * k / 24), cy + ry * math.sin(2 * math.pi * k / 24))
        for k in range(25)
    ]


def _visible(el: ET.Element) -> bool:
    stroke = el.get("stroke", "black")
    return stroke not in ("transparent", "none") and el.get("stroke-opacity") != "0"


def _segments(group: ET.Element) -> list[tuple[float, float, float, float]]:
    lines: list[list[tuple[float, float]]] = []
    for el in group.iter():
        tag = el.tag.removeprefix(_NS)
        if tag in ("polygon", "polyline") and _visible(el):
            pts = _points(el.get("points", ""))
            lines.append(pts)
        elif tag == "path" and _visible(el):
            lines.extend(_path_points(el.get("d", "")))
        elif tag == "ellipse" and _visible(el):
            lines.append(_ellipse(*(float(el.get(k, "0")) for k in ("cx", "cy", "rx", "ry"))))
    return [(a[0], a[1], b[0], b[1]) for pts in lines for a, b in itertools.pairwise(pts)]


def _text(el: ET.Element, owner: str) -> Text | None:
    content = "".join(el.itertext())
    if not content.strip():
        return None
    size = float(el.get("font-size", "14"))
    bold = el.get("font-weight") == "bold"
    width = text_width(content.rstrip(), size, bold)
    x, y = float(el.get("x", "0")), float(el.get("y", "0"))
    anchor = el.get("text-anchor", "start")
    x0 = x - width / 2 if anchor == "middle" else x - width if anchor == "end" else x
    return Text(content, Box(x0, y - ASCENT * size, x0 + width, y + DESCENT * size), owner)


def read_svg(path: str | Path) -> Page:
    """The page size, texts and outlines of a Graphviz SVG file."""
    root = ET.parse(path).getroot()
    width = float(root.get("width", "0").removesuffix("pt"))
    height = float(root.get("height", "0").removesuffix("pt"))
    texts: list[Text] = []
    outlines: list[Outline] = []
    graph = root.find(f"{_NS}g")
    groups = list(graph) if graph is not None else []
    for group in groups:
        if group.tag != f"{_NS}g":
            continue
        kind = group.get("class", "")
        title = group.find(f"{_NS}title")
        owner = f"{kind}:{title.text if title is not None else ''}" if kind else "graph"
        for el in group.iter(f"{_NS}text"):
            found = _text(el, owner)
            if found is not None:
                texts.append(found)
        if kind in ("node", "cluster"):
            segs = _segments(group)
            if segs:
                outlines.append(Outline(owner, tuple(segs)))
    return Page(width, height, tuple(texts), tuple(outlines))


def _crosses(box: Box, seg: tuple[float, float, float, float]) -> bool:
    """Whether a line segment passes through the box (shrunk by the slack)."""
    x0, y0, x1, y1 = box.x0 + SLACK, box.y0 + SLACK, box.x1 - SLACK, box.y1 - SLACK
    if x0 >= x1 or y0 >= y1:
        return False
    ax, ay, bx, by = seg
    dx, dy = bx - ax, by - ay
    t0, t1 = 0.0, 1.0
    for p, q in ((-dx, ax - x0), (dx, x1 - ax), (-dy, ay - y0), (dy, y1 - ay)):
        if p == 0:
            if q < 0:
                return False
            continue
        r = q / p
        if p < 0:
            t0 = max(t0, r)
        else:
            t1 = min(t1, r)
        if t0 > t1:
            return False
    return True


@dataclass(frozen=True, slots=True)
class Collision:
    """One text that overlaps another text, or crosses an outline."""

    text: str
    other: str
    where: str

    def __str__(self) -> str:
        return f"{self.text!r} × {self.other!r} ({self.where})"


def _cells(box: Box, size: float = 200.0) -> Iterator[tuple[int, int]]:
    for i in range(int(box.x0 // size), int(box.x1 // size) + 1):
        for j in range(int(box.y0 // size), int(box.y1 // size) + 1):
            yield i, j


def collisions(page: Page) -> list[Collision]:
    """Texts overlapping each other, and texts crossing a node's or frame's outline."""
    found: list[Collision] = []
    grid: dict[tuple[int, int], list[int]] = {}
    for i, t in enumerate(page.texts):
        for cell in _cells(t.box):
            grid.setdefault(cell, []).append(i)
    seen: set[tuple[int, int]] = set()
    for members in grid.values():
        for a_pos, a in enumerate(members):
            for b in members[a_pos + 1 :]:
                pair = (min(a, b), max(a, b))
                if pair in seen:
                    continue
                seen.add(pair)
                ta, tb = page.texts[a], page.texts[b]
                if ta.box.overlaps(tb.box):
                    found.append(Collision(ta.text, tb.text, f"{ta.owner} / {tb.owner}"))
    for outline in page.outlines:
        xs = [v for s in outline.segments for v in (s[0], s[2])]
        ys = [v for s in outline.segments for v in (s[1], s[3])]
        area = Box(min(xs), min(ys), max(xs), max(ys))
        near = {i for cell in _cells(area) for i in grid.get(cell, [])}
        for i in sorted(near):
            t = page.texts[i]
            if not t.box.overlaps(area, -1.0):
                continue
            if any(_crosses(t.box, s) for s in outline.segments):
                found.append(Collision(t.text, outline.owner, f"{t.owner} × border"))
    return found
