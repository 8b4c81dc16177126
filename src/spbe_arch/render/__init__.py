"""Diagrams: views → diagram model → DOT → SVG/PNG/PDF (the only code that runs Graphviz).

Call :func:`render_views` (``spbe-arch render``); this package is callable, and
``spbe_arch.render(path, out)`` is ``render_views(path, out)``. Views are plain queries over
the model graph (:mod:`spbe_arch.render.views`) that yield
:class:`~spbe_arch.render.diagram.Diagram` values; :func:`~spbe_arch.render.dot.to_dot` turns
one into DOT text.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from spbe_arch._callable import make_callable

if TYPE_CHECKING:
    from spbe_arch.render.api import (
        DEFAULT_MAX_NODES,
        FORMATS,
        DotNotFoundError,
        RenderError,
        render_views,
    )
    from spbe_arch.render.diagram import Cluster, Diagram, Edge, Node
    from spbe_arch.render.dot import to_dot
    from spbe_arch.render.result import RenderResult, ViewOutput
    from spbe_arch.render.views import VIEW_FAMILIES

_WHERE = {
    "DEFAULT_MAX_NODES": "api",
    "FORMATS": "api",
    "DotNotFoundError": "api",
    "RenderError": "api",
    "render_views": "api",
    "Cluster": "diagram",
    "Diagram": "diagram",
    "Edge": "diagram",
    "Node": "diagram",
    "to_dot": "dot",
    "RenderResult": "result",
    "ViewOutput": "result",
    "VIEW_FAMILIES": "views",
}
"""The module of each public name; they are imported on first use (``import spbe_arch`` must
stay cheap, and a check never draws)."""


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from importlib import import_module

    value = getattr(import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


__all__ = [
    "DEFAULT_MAX_NODES",
    "FORMATS",
    "VIEW_FAMILIES",
    "Cluster",
    "Diagram",
    "DotNotFoundError",
    "Edge",
    "Node",
    "RenderError",
    "RenderResult",
    "ViewOutput",
    "render_views",
    "to_dot",
]

make_callable(__name__, "render_views")
