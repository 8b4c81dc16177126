"""``spbe_arch.fmt``: the canonical form of model files (``spbe-arch fmt``, docs/review.md).

:func:`format_text` is the whole formatter for one text; :func:`format_paths` finds the model
files of a folder (as the loader does) and rewrites, or only lists, those not canonical.
"""

from __future__ import annotations

from spbe_arch.fmt.canonical import FormatError, field_order, format_text, sorted_fields
from spbe_arch.fmt.files import FileOutcome, format_paths

__all__ = [
    "FileOutcome",
    "FormatError",
    "field_order",
    "format_paths",
    "format_text",
    "sorted_fields",
]
