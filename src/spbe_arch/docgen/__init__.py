"""Generated documentation: ``docs/model.md``, the YAML reference of the metamodel.

``python -m spbe_arch.docgen --write`` refreshes the file and ``--check`` reports when it is
stale; a test does the same, so the reference cannot drift from the model classes.
"""

from __future__ import annotations

from pathlib import Path

from spbe_arch.docgen.model_md import render_model_md
from spbe_arch.fileio import write_atomic

__all__ = ["MODEL_MD", "model_md_path", "render_model_md", "repo_root", "stale", "write"]

MODEL_MD = Path("docs") / "model.md"
"""Where the reference lives, relative to the repository root."""


def repo_root(start: Path | None = None) -> Path:
    """The project root: above the package (editable install), else found from ``start``/cwd."""
    here = Path(__file__).resolve().parents[3]
    if (here / "pyproject.toml").is_file() and (here / "src" / "spbe_arch").is_dir():
        return here
    base = (start or Path.cwd()).resolve()
    for folder in (base, *base.parents):
        if (folder / "pyproject.toml").is_file():
            return folder
    return base


def model_md_path(root: Path | None = None) -> Path:
    """The path of ``docs/model.md``."""
    return (root or repo_root()) / MODEL_MD


def stale(root: Path | None = None) -> bool:
    """Whether ``docs/model.md`` is missing or differs from :func:`render_model_md`."""
    path = model_md_path(root)
    return not path.is_file() or path.read_text(encoding="utf-8") != render_model_md()


def write(root: Path | None = None) -> Path:
    """Write ``docs/model.md``; returns its path."""
    path = model_md_path(root)
    write_atomic(path, render_model_md(), root=root or repo_root(), parents=True)
    return path
