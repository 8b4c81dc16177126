"""Diagrams: views → diagram model → DOT → SVG/PNG/PDF (the only code that runs Graphviz).

Call :func:`render_views` (``spbe-arch render``). Views are plain queries over the model
graph (:mod:`spbe_arch.render.views`) that yield :class:`~spbe_arch.render.diagram.Diagram`
values; :func:`~spbe_arch.render.dot.to_dot` turns one into DOT text.
"""

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
