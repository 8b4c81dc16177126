"""The only code that runs Graphviz: find ``dot``, run it on DOT text, in parallel.

``dot`` is called as a subprocess (the ``graphviz`` Python package would only wrap the same
call, untyped), so nothing here imports it; :func:`find_dot` is the one lookup tests replace.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

INSTALL_HINT = (
    "Graphviz (`dot`) tidak ditemukan; pasang dengan `apt-get install graphviz` "
    "(atau `make graphviz`; macOS: `brew install graphviz`), atau pakai `--format dot`"
)
INSTALL_HINT_EN = (
    "Graphviz (`dot`) was not found; install it with `apt-get install graphviz` "
    "(or `make graphviz`; macOS: `brew install graphviz`), or use `--format dot`"
)
TIMEOUT = 120
"""Seconds one ``dot`` run may take."""


class DotError(RuntimeError):
    """``dot`` failed on a diagram (a bug in the DOT writer, or a broken Graphviz)."""


@dataclass(frozen=True, slots=True)
class Job:
    """One diagram to render: its DOT text and the file to write."""

    name: str
    source: str
    target: Path


def find_dot() -> str | None:
    """The path of the ``dot`` executable, or None when Graphviz is not installed."""
    return shutil.which("dot")


def run_dot(dot: str, source: str, fmt: str) -> bytes:
    """Lay out and draw one DOT source in ``fmt`` (svg, png, pdf); returns the file's bytes."""
    try:
        done = subprocess.run(
            [dot, f"-T{fmt}"],
            input=source.encode("utf-8"),
            capture_output=True,
            timeout=TIMEOUT,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise DotError(f"dot: {exc}") from exc
    if done.returncode != 0:
        raise DotError(done.stderr.decode("utf-8", "replace").strip() or f"dot exit {done.returncode}")
    return done.stdout


def _one(dot: str, job: Job, fmt: str) -> str:
    data = run_dot(dot, job.source, fmt)
    tmp = job.target.with_name(job.target.name + ".tmp")
    tmp.write_bytes(data)
    os.replace(tmp, job.target)
    return job.name


def render_all(dot: str, jobs: Sequence[Job], fmt: str, workers: int | None = None) -> list[str]:
    """Render every job, ``workers`` at a time (default: one per core); names done, in order."""
    if not jobs:
        return []
    count = max(1, min(len(jobs), workers or os.cpu_count() or 1))
    if count == 1:
        return [_one(dot, job, fmt) for job in jobs]
    with ThreadPoolExecutor(max_workers=count) as pool:
        return list(pool.map(lambda job: _one(dot, job, fmt), jobs))
