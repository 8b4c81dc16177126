"""What a type checker sees as ``spbe_arch.load``, ``spbe_arch.check`` and ``spbe_arch.render``.

At run time those three names are modules made callable (:mod:`spbe_arch._callable`): calling
one calls its main function, and its public names are its attributes. A type checker has no
notion of a callable module: it would see either the module (and refuse the call) or the
function (and refuse ``spbe_arch.render.RenderError``). The package therefore declares each
name, for the type checker only, as an instance of one of the classes below: ``__call__`` is
the main function itself (so a call is checked against its real signature and returns its
real type) and every other public name of the module is an attribute of its own type.

The classes exist only for the type checker (this module's body is under ``TYPE_CHECKING``);
``tests/typing/test_api_types.py`` checks at run time that each lists exactly the module's public
names and that ``__call__`` is the function the module calls. One limit remains: an attribute
reached through ``spbe_arch.render`` is a value, not a type, so an annotation names the class
by its module (``from spbe_arch.render import RenderResult``), as docs/api.md says.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spbe_arch.check import check, pinned_katalog, select_rules
    from spbe_arch.load.discover import ModelRepositoryError
    from spbe_arch.load.repository import load
    from spbe_arch.publish import PublishError, PublishResult, publish
    from spbe_arch.render.api import DotNotFoundError, RenderError, render_views
    from spbe_arch.render.diagram import Cluster, Diagram, Edge, Node
    from spbe_arch.render.dot import to_dot
    from spbe_arch.render.result import RenderResult, ViewOutput
    from spbe_arch.results import CheckResult, LoadResult

    class LoadModule:
        """``spbe_arch.load``: call it as :func:`spbe_arch.load.repository.load`."""

        __call__ = staticmethod(load)
        load = staticmethod(load)
        LoadResult: type[LoadResult]
        ModelRepositoryError: type[ModelRepositoryError]

    class CheckModule:
        """``spbe_arch.check``: call it as :func:`spbe_arch.check.check`."""

        __call__ = staticmethod(check)
        check = staticmethod(check)
        CheckResult: type[CheckResult]
        pinned_katalog = staticmethod(pinned_katalog)
        select_rules = staticmethod(select_rules)

    class RenderModule:
        """``spbe_arch.render``: call it as :func:`spbe_arch.render.render_views`."""

        __call__ = staticmethod(render_views)
        render_views = staticmethod(render_views)
        to_dot = staticmethod(to_dot)
        DEFAULT_MAX_NODES: int
        FORMATS: tuple[str, ...]
        VIEW_FAMILIES: tuple[str, ...]
        Cluster: type[Cluster]
        Diagram: type[Diagram]
        DotNotFoundError: type[DotNotFoundError]
        Edge: type[Edge]
        Node: type[Node]
        RenderError: type[RenderError]
        RenderResult: type[RenderResult]
        ViewOutput: type[ViewOutput]

    class PublishModule:
        """``spbe_arch.publish``: call it as :func:`spbe_arch.publish.publish`."""

        __call__ = staticmethod(publish)
        publish = staticmethod(publish)
        FORMATS: tuple[str, ...]
        PublishError: type[PublishError]
        PublishResult: type[PublishResult]
