"""Every view of the example model, drawn to SVG and read back: no text collides, every page
fits the default paper with element names at a readable size (or the view says it does not)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from spbe_arch.render import render_views
from spbe_arch.render.api import DEFAULT_PAPER, MIN_READABLE, NAME_FONT, page_inches
from spbe_arch.render.svgcheck import Box, Page, collisions, read_svg

EXAMPLE = Path(__file__).parent.parent / "models" / "kabupaten-contoh"
HAS_DOT = shutil.which("dot") is not None


@pytest.fixture(scope="module")
def drawn(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str], list[str]]:
    out = tmp_path_factory.mktemp("layout")
    result = render_views(EXAMPLE, out, fmt="svg", jobs=2)
    assert not result.failed
    return out, [v.file for v in result.views], result.notices


def _scale(path: Path) -> float:
    head = path.read_text(encoding="utf-8")[:3000]
    found = re.search(r'transform="scale\(([\d.]+)', head)
    return float(found.group(1)) if found else 1.0


@pytest.mark.skipif(not HAS_DOT, reason="Graphviz not installed")
def test_no_text_overlaps_text_or_a_border(drawn: tuple[Path, list[str], list[str]]) -> None:
    out, files, _ = drawn
    assert len(files) > 150  # every view of the example, not a sample
    texts = 0
    bad: dict[str, list[str]] = {}
    for file in files:
        page = read_svg(out / file)
        texts += len(page.texts)
        found = collisions(page)
        if found:
            bad[file] = [str(c) for c in found[:3]]
    assert texts > 5000
    assert bad == {}


@pytest.mark.skipif(not HAS_DOT, reason="Graphviz not installed")
def test_every_view_fits_the_default_paper(drawn: tuple[Path, list[str], list[str]]) -> None:
    out, files, notices = drawn
    w, h = page_inches(DEFAULT_PAPER)
    landscape, portrait = (w * 72, h * 72), (h * 72, w * 72)
    too_small = []
    for file in files:
        page = read_svg(out / file)
        fits = any(page.width <= a + 1 and page.height <= b + 1 for a, b in (landscape, portrait))
        assert fits, f"{file}: {page.width:.0f} x {page.height:.0f} pt"
        # Graphviz writes the scale with two decimals: allow for its rounding.
        if NAME_FONT * (_scale(out / file) + 0.005) < MIN_READABLE:
            too_small.append(file.removesuffix(".svg"))
    # Tighter layouts, then parts, bring every view of the example onto A3 unshrunk
    # (tests/test_render_fit.py: both models, A3 and A4).
    assert too_small == []
    assert [n for n in notices if "tidak muat kertas" in n] == []


def test_checker_sees_a_collision() -> None:
    from spbe_arch.render.svgcheck import Outline, Text

    a = Text("Data Kependudukan", Box(0, 0, 100, 12), "node:a")
    b = Text("Rekam Medis", Box(50, 5, 140, 17), "node:b")
    c = Text("Jauh", Box(500, 500, 530, 512), "node:c")
    lid = Outline("node:d", ((0, 6, 100, 6),))  # a cylinder's lid through the text
    found = collisions(Page(600, 600, (a, b, c), (lid,)))
    assert {(f.text, f.other) for f in found} == {
        ("Data Kependudukan", "Rekam Medis"),
        ("Data Kependudukan", "node:d"),
        ("Rekam Medis", "node:d"),
    }


@pytest.mark.skipif(not HAS_DOT, reason="Graphviz not installed")
def test_every_drill_down_link_resolves(drawn: tuple[Path, list[str], list[str]]) -> None:
    """A link to a view that paper fitting split into parts leads to its first part."""
    out, files, _ = drawn
    links = 0
    broken = []
    for file in files:
        text = (out / file).read_text(encoding="utf-8")
        for href in re.findall(r'(?:xlink:href|href)="([^"#]+)', text):
            links += 1
            if not (out / href).exists():
                broken.append(f"{file} -> {href}")
    assert links > 2000  # every view's links, not a sample
    assert broken == []
