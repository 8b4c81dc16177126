"""A folder of cached results, one JSON file per content key, written atomically.

A key is the SHA-256 of everything a result depends on (see :mod:`spbe_arch.nasional.worker`),
so an entry is never stale: a changed file, rule set, tool version or date gives a new key.
Entries are JSON, not pickle, so a cache folder written by someone else cannot run code;
an entry that does not parse is ignored (and rewritten after the check).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import time
from pathlib import Path

from spbe_arch.fileio import write_atomic
from spbe_arch.load.source import SourceText, read_bytes
from spbe_arch.nasional.hasil import Outcome, from_json, to_json

CACHE_NAME = ".spbe-cache"
"""The default cache folder, inside the folder of repositories (hidden: never loaded)."""

FORMAT = "1"
"""Version of the entry layout, part of every key."""

RACY_NS = 2_000_000_000
"""Files modified this recently (ns) are read even when their stat did not change."""


class ResultCache:
    """Cached outcomes under ``folder/v<FORMAT>/<key[:2]>/<key>.json``."""

    def __init__(self, folder: str | os.PathLike[str]) -> None:
        self.folder = Path(folder) / f"v{FORMAT}"

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.json"

    def get(self, key: str) -> Outcome | None:
        """The cached outcome for ``key``, or None (missing, unreadable or corrupted)."""
        data = read_bytes(self._path(key))  # bounded, and a FIFO put there cannot block us
        if isinstance(data, SourceText):
            return None
        try:
            return from_json(json.loads(data))
        except (ValueError, KeyError, TypeError):
            return None

    def _stat_path(self, repository: str) -> Path:
        name = hashlib.sha256(repository.encode("utf-8", "surrogatepass")).hexdigest()
        return self.folder / "stat" / name[:2] / f"{name}.json"

    def key_for_stat(self, repository: str, signature: str) -> str | None:
        """The content key recorded for a repository whose files had this stat signature."""
        data = read_bytes(self._stat_path(repository))
        if isinstance(data, SourceText):
            return None
        try:
            entry = json.loads(data)
            if entry["stat"] == signature and isinstance(entry["key"], str):
                return str(entry["key"])
        except (ValueError, KeyError, TypeError):
            pass
        return None

    def remember_stat(self, repository: str, signature: str, key: str, newest_ns: int) -> None:
        """Record which content key a stat signature stands for, unless files were too fresh.

        A file modified within the last two seconds could change again within the same
        timestamp tick without changing its stat ("racy git"); its signature is not recorded,
        so the next run reads the files.
        """
        if newest_ns > time.time_ns() - RACY_NS:
            return
        with contextlib.suppress(OSError, ValueError):
            path = self._stat_path(repository)
            path.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(path, json.dumps({"stat": signature, "key": key}), durable=False)

    def put(self, key: str, outcome: Outcome) -> bool:
        """Store an outcome atomically (write a temporary file, then rename); False on failure."""
        path = self._path(key)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            text = json.dumps(to_json(outcome), ensure_ascii=False, separators=(",", ":"))
            write_atomic(path, text, durable=False)
            return True
        except (OSError, ValueError, TypeError):
            return False  # a read-only folder: checking still works, just without a cache
