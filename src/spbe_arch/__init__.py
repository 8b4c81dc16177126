"""spbe-arch: Arsitektur SPBE dan Peta Rencana SPBE sebagai kode.

The public API, one function per stage of the pipeline::

    import spbe_arch
    model, problems = spbe_arch.load("models/kabupaten-contoh")     # typed model + load problems
    result = spbe_arch.check("models/kabupaten-contoh")             # + every rule's problems
    spbe_arch.render("models/kabupaten-contoh", "build/diagram")    # Graphviz views + index.html

``spbe_arch.load``, ``spbe_arch.check`` and ``spbe_arch.render`` are these functions; the
modules of the same names are imported with ``from spbe_arch.check import …``.
"""

from spbe_arch.check import CheckResult, check
from spbe_arch.load import LoadResult, ModelRepositoryError, load
from spbe_arch.problems import Problem, Severity
from spbe_arch.render import render_views as render

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
    "render",
]
