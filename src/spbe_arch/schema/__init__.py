"""JSON Schemas of model files and ``spbe.yaml`` for editors, generated from the pydantic models.

The generated files ship as package data (``model.schema.json``, ``spbe.schema.json``);
``python -m spbe_arch.schema --write`` refreshes them and ``--check`` reports when they are stale.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from spbe_arch.fileio import write_atomic
from spbe_arch.schema.build import config_schema, enum_classes, model_classes, model_file_schema

__all__ = [
    "FILES",
    "config_schema",
    "enum_classes",
    "model_classes",
    "model_file_schema",
    "schema_path",
    "schema_text",
    "stale_files",
    "write_files",
]

FILES: dict[str, str] = {"model": "model.schema.json", "config": "spbe.schema.json"}
"""The shipped schema file of each kind of schema."""

_BUILDERS: dict[str, Callable[[str], dict[str, Any]]] = {
    "model": model_file_schema,
    "config": config_schema,
}


def schema_text(kind: str = "model", lang: str = "id") -> str:
    """The JSON text of a schema: ``model`` (a model file) or ``config`` (``spbe.yaml``).

    ``lang`` is the language of its titles and descriptions (``id``, as shipped, or ``en``).
    """
    builder = _BUILDERS.get(kind)
    if builder is None:
        raise ValueError(f"unknown schema {kind!r}; expected one of: {', '.join(_BUILDERS)}")
    return json.dumps(builder(lang), indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def schema_path(kind: str = "model") -> Path:
    """Where the shipped schema file of ``kind`` lives (next to this module)."""
    return Path(__file__).with_name(FILES[kind])


def stale_files() -> list[Path]:
    """The shipped schema files that differ from what the models generate now."""
    stale = []
    for kind in FILES:
        path = schema_path(kind)
        current = path.read_text(encoding="utf-8") if path.exists() else None
        if current != schema_text(kind):
            stale.append(path)
    return stale


def write_files() -> list[Path]:
    """Write every schema file that is stale; returns the files written."""
    written = []
    for path in stale_files():
        kind = next(k for k, name in FILES.items() if name == path.name)
        write_atomic(path, schema_text(kind), root=path.parent)
        written.append(path)
    return written
