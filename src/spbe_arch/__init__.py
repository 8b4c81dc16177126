"""spbe-arch: Arsitektur SPBE dan Peta Rencana SPBE sebagai kode.

The public API, one call per stage of the pipeline (docs/api.md shows the notebook workflows)::

    import spbe_arch
    model, problems = spbe_arch.load("models/kabupaten-contoh")     # typed model + load problems
    result = spbe_arch.check("models/kabupaten-contoh")             # + every rule's problems
    many = spbe_arch.check_many("pemda/")                            # a folder of repositories
    spbe_arch.render("models/kabupaten-contoh", "build/diagram")    # Graphviz views + index.html
    spbe_arch.publish("models/kabupaten-contoh", "build/situs")     # document + site

``spbe_arch.load``, ``spbe_arch.check``, ``spbe_arch.render`` and ``spbe_arch.publish`` are the
subpackages and the module of those names, made callable: calling one calls its main function
(:func:`spbe_arch.load.load`, :func:`spbe_arch.check.check`,
:func:`spbe_arch.render.render_views`, :func:`spbe_arch.publish.publish`), and
``spbe_arch.render.RenderError`` or ``spbe_arch.load.ModelRepositoryError`` are there as a
Python user expects.

Importing the package is cheap: the pydantic models, the rules, networkx and the diagram code
are imported when first used (a many-repository check answered from its cache, or
``spbe-arch --version``, never needs them).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

# The subpackages and modules are bound here as themselves (each is callable, see
# spbe_arch._callable); all of them are light, their heavy parts load on first use.
# ``spbe_arch.report`` is there too, imported when first used (``__getattr__``).
import spbe_arch.check
import spbe_arch.load
import spbe_arch.publish
import spbe_arch.render  # noqa: F401
from spbe_arch.load import ModelRepositoryError
from spbe_arch.problems import Problem, Severity
from spbe_arch.results import CheckResult, LoadResult
from spbe_arch.version import __version__

if TYPE_CHECKING:
    # What a type checker sees: each callable module as a value whose call is its function
    # and whose attributes are the module's public names (spbe_arch._modules says why).
    from spbe_arch._modules import CheckModule, LoadModule, PublishModule, RenderModule
    from spbe_arch.nasional import ManyResult
    from spbe_arch.nasional.many import check_many as check_many

    check: CheckModule
    load: LoadModule
    publish: PublishModule
    render: RenderModule


def __getattr__(name: str) -> Any:
    # the reports (hashlib, XML) and the national check's worker machinery: when first asked for
    if name == "report":
        import spbe_arch.report

        return spbe_arch.report
    if name in ("check_many", "ManyResult"):
        import spbe_arch.nasional

        return getattr(spbe_arch.nasional, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "CheckResult",
    "LoadResult",
    "ManyResult",
    "ModelRepositoryError",
    "Problem",
    "Severity",
    "__version__",
    "check",
    "check_many",
    "load",
    "publish",
    "render",
]
