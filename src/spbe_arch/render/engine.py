"""The only code that runs Graphviz: find ``dot``, run it on DOT text, in parallel.

This is the one module that imports the ``graphviz`` package (``graphviz.pipe`` runs the
``dot`` executable); it has no type hints, so :func:`run_dot` is its typed wrapper.
:func:`find_dot` is the one lookup tests replace.
"""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import graphviz  # type: ignore[import-untyped]

from spbe_arch.fileio import write_atomic

INSTALL_HINT = (
    "Graphviz (`dot`) tidak ditemukan; pasang dengan `apt-get install graphviz` "
    "(atau `make graphviz`; macOS: `brew install graphviz`), atau pakai `--format dot`"
)
INSTALL_HINT_EN = (
    "Graphviz (`dot`) was not found; install it with `apt-get install graphviz` "
    "(or `make graphviz`; macOS: `brew install graphviz`), or use `--format dot`"
)


class DotError(RuntimeError):
    """``dot`` failed on a diagram (a bug in the DOT writer, or a broken Graphviz)."""


@dataclass(frozen=True, slots=True)
class Job:
    """One diagram to render: its DOT text and the file to write."""

    name: str
    source: str
    target: Path
    root: Path | None = None
    """The output folder the file must stay inside (see :func:`spbe_arch.fileio.write_atomic`)."""


def find_dot() -> str | None:
    """The path of the ``dot`` executable, or None when Graphviz is not installed."""
    return shutil.which("dot")


def run_dot(dot: str, source: str, fmt: str) -> bytes:
    """Lay out and draw one DOT source in ``fmt`` (svg, png, pdf); returns the file's bytes.

    ``dot`` is the executable :func:`find_dot` found; graphviz looks it up on ``PATH`` itself,
    so it is only checked here, to fail with the install hint rather than a traceback.
    """
    if not dot:
        raise DotError(INSTALL_HINT)
    try:
        data: bytes = graphviz.pipe("dot", fmt, source.encode("utf-8"), quiet=True)
    except graphviz.ExecutableNotFound as exc:
        raise DotError(INSTALL_HINT) from exc
    except graphviz.CalledProcessError as exc:
        stderr = exc.stderr.decode("utf-8", "replace") if isinstance(exc.stderr, bytes) else ""
        raise DotError(stderr.strip() or f"dot exit {exc.returncode}") from exc
    except OSError as exc:
        raise DotError(f"dot: {exc}") from exc
    return data


def measure(dot: str, source: str) -> tuple[float, float]:
    """The natural size of a layout in points (laid out once as SVG, read from its viewBox)."""
    data = run_dot(dot, source, "svg")
    head = data[:4000].decode("utf-8", "replace")
    box = re.search(r'viewBox="[-\d.]+ [-\d.]+ ([\d.]+) ([\d.]+)"', head)
    return (float(box.group(1)), float(box.group(2))) if box else (0.0, 0.0)


def _one(dot: str, job: Job, fmt: str) -> str | None:
    try:
        data = run_dot(dot, job.source, fmt)
    except DotError as exc:
        return f"{job.name}: {exc}"
    try:
        write_atomic(job.target, data, durable=False, root=job.root)
    except OSError as exc:  # includes OutsideFolderError (a ValueError is not an OSError)
        return f"{job.name}: {exc}"
    except ValueError as exc:
        return f"{job.name}: {exc}"
    return None


def render_all(dot: str, jobs: Sequence[Job], fmt: str, workers: int | None = None) -> list[str]:
    """Render every job, ``workers`` at a time (default: one per core); returns the failures."""
    if not jobs:
        return []
    count = max(1, min(len(jobs), workers or os.cpu_count() or 1))
    if count == 1:
        results = [_one(dot, job, fmt) for job in jobs]
    else:
        with ThreadPoolExecutor(max_workers=count) as pool:
            results = list(pool.map(lambda job: _one(dot, job, fmt), jobs))
    return [r for r in results if r is not None]
