"""The render cache: ``.cache.json`` in the output folder maps view → DOT hash and file.

A view whose DOT text (and format) hashes the same as last time, and whose file is still
there, is not drawn again.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

MANIFEST = ".cache.json"
VERSION = 1


def digest(source: str, fmt: str) -> str:
    """The cache key of one view: sha256 of its DOT text and the output format."""
    return hashlib.sha256(f"{fmt}\n{source}".encode()).hexdigest()


def load_manifest(out: Path) -> dict[str, dict[str, str]]:
    """The previous run's entries (view name → ``{"sha256", "file"}``); empty when unreadable."""
    try:
        data = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict) or data.get("versi") != VERSION:
        return {}
    views = data.get("views", {})
    return {
        k: v
        for k, v in views.items()
        if isinstance(v, dict)
        and isinstance(v.get("sha256"), str)
        and isinstance(v.get("file"), str)
    }


def is_fresh(out: Path, entry: dict[str, str] | None, key: str, file: str) -> bool:
    """Whether the view's file exists and was drawn from the same DOT text."""
    return (
        entry is not None
        and entry["sha256"] == key
        and entry["file"] == file
        and (out / file).is_file()
    )


def save_manifest(out: Path, entries: dict[str, dict[str, str]]) -> None:
    """Write the manifest, sorted, so it is itself deterministic."""
    data = {"versi": VERSION, "views": dict(sorted(entries.items()))}
    text = json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    (out / MANIFEST).write_text(text, encoding="utf-8")
