"""Modules that can be called: ``spbe_arch.load(path)`` and ``import spbe_arch.load`` both work.

The three pipeline stages are subpackages (``spbe_arch.load``, ``spbe_arch.render``) or a
module (``spbe_arch.check``) that hold one main function of the same name. A plain function
bound over the subpackage's name would shadow it (``spbe_arch.render.RenderError`` would
fail, and which of the two a name meant would depend on import order); instead each such
module is made callable, and calling it calls its function. ``inspect.signature`` sees
the function's real signature through ``__wrapped__``, and ``help()`` lists it with the
module's other public names.
"""

from __future__ import annotations

import sys
import types
from typing import Any


class CallableModule(types.ModuleType):
    """A module whose call is the call of one of its functions (named by ``__call_target__``)."""

    @property
    def __wrapped__(self) -> Any:  # what inspect.signature and help() follow
        return getattr(self, self.__dict__["__call_target__"])

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        return getattr(self, self.__dict__["__call_target__"])(*args, **kwargs)

    def __dir__(self) -> list[str]:
        # the public names a package imports on first use, so that help() lists them too
        return sorted({*super().__dir__(), *self.__dict__.get("__all__", ())})


def make_callable(module_name: str, function: str) -> None:
    """Make the (already imported) module ``module_name`` call its attribute ``function``."""
    module = sys.modules[module_name]
    module.__dict__["__call_target__"] = function
    module.__class__ = CallableModule
