"""Text → data with source positions; discovery of model files; the repository loader.

``load`` and ``LoadResult`` (from :mod:`spbe_arch.load.repository`) are imported on first use:
the loader brings in the pydantic models, and the light parts of this package (discovery,
reading files, the exact reader) are used without them, e.g. when a many-repository check is
answered from its cache.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from spbe_arch.load.discover import ModelRepositoryError

if TYPE_CHECKING:
    from spbe_arch.load.repository import LoadResult, load

__all__ = ["LoadResult", "ModelRepositoryError", "load"]


def __getattr__(name: str) -> Any:
    if name in ("LoadResult", "load"):
        from spbe_arch.load import repository

        return getattr(repository, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
