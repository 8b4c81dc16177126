"""The gap drawn: the layered view (``lapisan``) of the as-is and of the to-be, side by side.

Reuses :func:`spbe_arch.render.render_views` on year-sliced models, into ``<out>/as-is-<year>``
and ``<out>/to-be-<year>``.
"""

from __future__ import annotations

from pathlib import Path

from spbe_arch.load import LoadResult
from spbe_arch.roadmap.waktu import as_is, periode, to_be


def gambar_gap(loaded: LoadResult, out: Path, fmt: str = "svg", lang: str = "id") -> list[Path]:
    """Draw the layered view of the as-is and the to-be; returns the two folders written."""
    from spbe_arch.render import render_views

    span = periode(loaded.model)
    if span is None:
        return []
    folders = []
    for label, year, sliced in (
        ("as-is", span[0] - 1, as_is(loaded.model)),
        ("to-be", span[1], to_be(loaded.model)),
    ):
        folder = out / f"{label}-{year}"
        render_views(LoadResult(sliced, loaded.problems), folder, views=["lapisan"], fmt=fmt,
                     lang=lang)  # fmt: skip
        folders.append(folder)
    return folders
