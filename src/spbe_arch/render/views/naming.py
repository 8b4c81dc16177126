"""View names: ``<family>-<id>`` in lower case, safe as a file name and a URL."""

from __future__ import annotations

import re

_UNSAFE = re.compile(r"[^a-z0-9._-]+")


def view_name(family: str, ident: str) -> str:
    """The name of a per-element view, e.g. ``lapisan-dinkes`` for OPD ``DINKES``."""
    return f"{family}-{_UNSAFE.sub('-', ident.lower()).strip('-.') or 'x'}"
