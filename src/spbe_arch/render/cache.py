"""The render cache: ``.cache.json`` in the output folder records every view file drawn there.

A view whose DOT text (and format) hashes the same as last time, and whose file is still
there, is not drawn again. The manifest also carries what the index shows of each view (title,
family, OPD, node count, notice), so a run that draws only some views (``--view``) still
lists every view drawn into that folder before.

The manifest is data found in a folder, not an instruction (docs/security.md): an entry is
kept only when its file name is exactly ``<view name>.<format>`` with a view name this tool
could have made, so a planted entry such as ``../spbe.yaml`` or ``/etc/passwd`` is dropped,
never deleted or linked.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path

from spbe_arch.fileio import write_atomic

MANIFEST = ".cache.json"
VERSION = 2
EXTENSIONS = ("svg", "png", "pdf", "dot")
VIEW_NAME = re.compile(r"^[a-z0-9][a-z0-9._-]{0,200}$")
"""The names :func:`spbe_arch.render.views.naming.view_name` makes (no separator, no ``..``)."""


def is_view_file(name: str, file: str) -> bool:
    """Whether ``file`` is the file of view ``name`` in one of the render formats."""
    if not VIEW_NAME.match(name) or ".." in name:
        return False
    stem, dot, ext = file.rpartition(".")
    return bool(dot) and stem == name and ext in EXTENSIONS


@dataclass(slots=True)
class Entry:
    """One drawn file of one view."""

    view: str
    file: str
    sha256: str
    family: str = ""
    title: str = ""
    opd: str = ""
    nodes: int = 0
    notice: str = ""

    def to_json(self) -> dict[str, object]:
        """The manifest record."""
        return {
            "view": self.view,
            "file": self.file,
            "sha256": self.sha256,
            "family": self.family,
            "title": self.title,
            "opd": self.opd,
            "nodes": self.nodes,
            "notice": self.notice,
        }


def digest(source: str, fmt: str) -> str:
    """The cache key of one view: sha256 of its DOT text and the output format."""
    return hashlib.sha256(f"{fmt}\n{source}".encode()).hexdigest()


def _text(value: object, limit: int = 2000) -> str:
    return value[:limit] if isinstance(value, str) else ""


def _read(out: Path) -> dict[str, object]:
    """The manifest's JSON object of this version, or an empty dict when unreadable."""
    try:
        data = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError, UnicodeDecodeError):
        return {}
    return data if isinstance(data, dict) and data.get("versi") == VERSION else {}


def load_manifest(out: Path) -> dict[str, Entry]:
    """The previous runs' entries (file name → :class:`Entry`); empty when unreadable.

    Entries that do not name one of this tool's view files are dropped.
    """
    files = _read(out).get("files", {})
    if not isinstance(files, dict):
        return {}
    out_entries: dict[str, Entry] = {}
    for file, raw in files.items():
        if not isinstance(raw, dict) or not isinstance(file, str):
            continue
        view, key = raw.get("view"), raw.get("sha256")
        if not isinstance(view, str) or not isinstance(key, str) or raw.get("file") != file:
            continue
        if not is_view_file(view, file) or not re.fullmatch(r"[0-9a-f]{64}", key):
            continue
        nodes = raw.get("nodes")
        out_entries[file] = Entry(
            view=view,
            file=file,
            sha256=key,
            family=_text(raw.get("family"), 40),
            title=_text(raw.get("title")),
            opd=_text(raw.get("opd"), 200),
            nodes=nodes if isinstance(nodes, int) and nodes >= 0 else 0,
            notice=_text(raw.get("notice")),
        )
    return out_entries


def is_fresh(out: Path, entry: Entry | None, key: str) -> bool:
    """Whether the view's file is a plain file there and was drawn from the same DOT text."""
    if entry is None or entry.sha256 != key:
        return False
    path = out / entry.file
    return path.is_file() and not path.is_symlink()


def load_sizes(out: Path) -> dict[str, list[float]]:
    """Layout sizes measured by earlier runs: DOT hash → [width, height] in points."""
    sizes = _read(out).get("ukuran", {})
    if not isinstance(sizes, dict):
        return {}
    return {
        k: [float(v[0]), float(v[1])]
        for k, v in sizes.items()
        if isinstance(k, str)
        and re.fullmatch(r"[0-9a-f]{64}", k)
        and isinstance(v, list)
        and len(v) == 2
        and all(isinstance(x, (int, float)) and 0 <= x < 1e7 for x in v)
    }


def save_manifest(
    out: Path, entries: dict[str, Entry], sizes: dict[str, list[float]] | None = None
) -> None:
    """Write the manifest, sorted, so it is itself deterministic (inside ``out`` only)."""
    data: dict[str, object] = {
        "versi": VERSION,
        "files": {k: entries[k].to_json() for k in sorted(entries)},
        "ukuran": dict(sorted((sizes or {}).items())),
    }
    text = json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    write_atomic(out / MANIFEST, text, durable=False, root=out)
