"""spbe-arch: Arsitektur SPBE dan Peta Rencana SPBE sebagai kode.

The public API, one function per stage of the pipeline::

    import spbe_arch
    model, problems = spbe_arch.load("models/kabupaten-contoh")     # typed model + load problems
    result = spbe_arch.check("models/kabupaten-contoh")             # + every rule's problems
    spbe_arch.render("models/kabupaten-contoh", "build/diagram")    # Graphviz views + index.html
    spbe_arch.publish("models/kabupaten-contoh", "build/situs")     # document + site

``spbe_arch.load``, ``spbe_arch.check``, ``spbe_arch.render`` and ``spbe_arch.publish`` are
these functions; the
modules of the same names are imported with ``from spbe_arch.check import …``.

Importing the package is cheap: the pydantic models, the rules, networkx and the diagram code
are imported when first used (a many-repository check answered from its cache, or
``spbe-arch --version``, never needs them).
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any

# The subpackages are imported before the functions of the same names are bound: importing a
# subpackage for the first time sets it as an attribute of this package, which would otherwise
# replace the function later. All three are light (their heavy parts load on first use).
import spbe_arch.load
import spbe_arch.publish
import spbe_arch.render  # noqa: F401
from spbe_arch.check import CheckResult, check
from spbe_arch.load import ModelRepositoryError
from spbe_arch.problems import Problem, Severity

if TYPE_CHECKING:
    from spbe_arch.load.repository import LoadResult, load
    from spbe_arch.publish import publish
    from spbe_arch.render.api import render_views as render
else:

    def load(
        path: str | os.PathLike[str],
        *,
        texts: Any = None,
        snapshot: Any = None,
    ) -> LoadResult:
        """Load a model repository: :func:`spbe_arch.load.repository.load`."""
        from spbe_arch.load.repository import load as load_repository

        return load_repository(path, texts=texts, snapshot=snapshot)

    def render(*args: Any, **kwargs: Any) -> Any:
        """Render diagrams of a model repository: :func:`spbe_arch.render.render_views`."""
        from spbe_arch.render.api import render_views

        return render_views(*args, **kwargs)

    def publish(*args: Any, **kwargs: Any) -> Any:
        """Publish the document and the site: :func:`spbe_arch.publish.publish`."""
        from spbe_arch.publish import publish as publish_model

        return publish_model(*args, **kwargs)


def __getattr__(name: str) -> Any:
    if name == "LoadResult":
        from spbe_arch.load.repository import LoadResult

        return LoadResult
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__version__ = "0.1.0"

__all__ = [
    "CheckResult",
    "LoadResult",
    "ModelRepositoryError",
    "Problem",
    "Severity",
    "__version__",
    "check",
    "load",
    "publish",
    "render",
]
