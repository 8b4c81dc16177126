"""Text → data with source positions; discovery of model files; the repository loader.

``spbe_arch.load`` is this package, and calling it loads a repository: ``spbe_arch.load(path)``
is :func:`spbe_arch.load.load` (:func:`spbe_arch.load.repository.load`), which returns a
:class:`~spbe_arch.results.LoadResult`. ``load`` (from :mod:`spbe_arch.load.repository`) is
imported on first use: the loader brings in the pydantic models, and the light parts of this
package (discovery, reading files, the exact reader) are used without them, e.g. when a
many-repository check is answered from its cache.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from spbe_arch._callable import make_callable
from spbe_arch.load.discover import ModelRepositoryError
from spbe_arch.results import LoadResult

if TYPE_CHECKING:
    from spbe_arch.load.repository import load

__all__ = ["LoadResult", "ModelRepositoryError", "load"]


def __getattr__(name: str) -> Any:
    if name == "load":
        from spbe_arch.load import repository

        return repository.load
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


make_callable(__name__, "load")
